/**
 * The description of `type` on the curation inputs states the domain's real rule (Sandbox shows
 * it to curators): which kinds need a subtype, which may leave it out, which take none. Checked
 * against what `validateChange` actually accepts, kind by kind.
 */
import { isInputObjectType } from 'graphql';
import { NODE_KINDS, validateChange } from '../../src/domain';
import { createSchema } from '../../src/graphql/schema';
import { nodesOnlyLookup } from '../helpers/change-lookup';
import { fixtureDataset } from '../helpers/fixture-dataset';

const lookup = nodesOnlyLookup(fixtureDataset.nodes);
const source = fixtureDataset.nodes.find((n) => n.kind === 'Source')!.id;

/** The issues `validateChange` reports for a new entity of `kind` without a type, and with one. */
function issues(kind: string, type?: string): string[] {
  try {
    validateChange(
      {
        op: 'createEntity',
        entity: { id: 'probe', kind, name: 'Probe', ...(type ? { type } : {}) },
        sources: [`${source}#1`],
        actor: 'alice',
        at: '2024-05-01T12:00:00.000Z',
      },
      lookup,
    );
    return [];
  } catch (error) {
    return [...((error as { issues?: string[] }).issues ?? [(error as Error).message])];
  }
}

/** "Actor, Policy and Event" → ['Actor', 'Policy', 'Event']. */
const kinds = (text: string): string[] => text.split(/, | and /).sort();

describe('the `type` descriptions of the curation inputs', () => {
  it('CreateEntityInput.type names the kinds that need a subtype, may leave it out, take none', async () => {
    const input = (await createSchema()).getType('CreateEntityInput');
    if (!isInputObjectType(input)) throw new Error('CreateEntityInput is not an input type');
    const description = input.getFields().type.description ?? '';
    const match = /required for ([^;]+); optional for ([^;]+); ([^;]+) take none\.$/.exec(description);
    expect(match).not.toBeNull();
    const [, required, optional, none] = match!;
    const needsType = NODE_KINDS.filter((k) => issues(k).some((m) => /needs a type/.test(m)));
    const takesNone = NODE_KINDS.filter((k) => issues(k, 'COUNTRY').some((m) => /takes no type/.test(m)));
    expect(kinds(required)).toEqual([...needsType].sort());
    expect(kinds(none)).toEqual([...takesNone].sort());
    expect(kinds(optional)).toEqual(NODE_KINDS.filter((k) => !needsType.includes(k) && !takesNone.includes(k)).sort());
    // The rule the description used to get wrong: Agreement and Dialogue may leave their type out.
    expect(kinds(optional)).toEqual(['Agreement', 'Dialogue']);
  });

  it('UpdateEntityInput.type says which kinds may drop their subtype', async () => {
    const input = (await createSchema()).getType('UpdateEntityInput');
    if (!isInputObjectType(input)) throw new Error('UpdateEntityInput is not an input type');
    expect(input.getFields().type.description).toBe(
      "New subtype from the kind's vocabulary (a subtype of another kind is refused); `null` removes it, which only Agreement and Dialogue allow (Actor, Policy and Event need one).",
    );
  });
});
