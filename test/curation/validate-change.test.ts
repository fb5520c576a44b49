import { validateChange, type Change } from '../../src/domain';
import { readSeedFile } from '../../src/seed/read-yaml';
import { validateSeeds } from '../../src/seed/validate';
import { nodesOnlyLookup } from '../helpers/change-lookup';
import { fixtureDataset } from '../helpers/fixture-dataset';

// The same defect as a seed item and as a change gives the same message (the seed checker's rules run on both).
const lookup = nodesOnlyLookup(fixtureDataset.nodes);
const meta = { actor: 'alice', at: '2024-05-01T12:00:00.000Z' };

function seedMessages(yaml: string): string[] {
  const base = `nodes:\n  - { id: src, kind: Source, name: S, sources: [src#1] }\n  - { id: us, kind: Actor, type: COUNTRY, name: US, sources: [src#1] }\n  - { id: crossings, kind: Metric, unit: COUNT, name: C, sources: [src#1] }\n`;
  const issues: { file: string; line: number; message: string }[] = [];
  const file = readSeedFile('t.yaml', base + yaml, issues);
  // The base's metric has no observation in most cases: a whole-graph rule, not the defect at hand.
  return validateSeeds([file], issues)
    .issues.map((i) => i.message)
    .filter((m) => !m.startsWith('metric crossings has no observations'));
}

function changeMessages(change: Change): string[] {
  try {
    validateChange(change, lookup);
    return [];
  } catch (error) {
    return ((error as { issues?: string[] }).issues ?? [(error as Error).message]).slice();
  }
}

describe('validateChange reports what the seed checker reports', () => {
  it.each([
    [
      'an unknown type',
      '  - { id: x, kind: Actor, type: ROBOT, name: X, sources: [src#1] }\n',
      { op: 'createEntity', entity: { id: 'x', kind: 'Actor', type: 'ROBOT', name: 'X' }, sources: ['src#1'] },
    ],
    [
      'a malformed date',
      '  - { id: x, kind: Event, type: SUMMIT, name: X, dates: { date: 2021-13 }, sources: [src#1] }\n',
      { op: 'createEntity', entity: { id: 'x', kind: 'Event', type: 'SUMMIT', name: 'X', dates: { date: '2021-13' } }, sources: ['src#1'] },
    ],
    [
      'a bad citation',
      '  - { id: x, kind: Topic, name: X, sources: ["src-1"] }\n',
      { op: 'createEntity', entity: { id: 'x', kind: 'Topic', name: 'X' }, sources: ['src-1'] },
    ],
    [
      'a dangling edge',
      'edges:\n  - { from: us, type: PARTY_TO, to: nowhere, sources: [src#1] }\n',
      { op: 'addRelationship', relationship: { from: 'us', type: 'PARTY_TO', to: 'nowhere' }, sources: ['src#1'] },
    ],
    [
      'a unit of another family',
      'observations:\n  - { metric: crossings, value: 3, unit: PERCENT, period: 2020, sources: [src#1] }\n',
      { op: 'addObservation', observation: { metric: 'crossings', value: 3, unit: 'PERCENT', period: '2020' }, sources: ['src#1'] },
    ],
    [
      'a bad period',
      'observations:\n  - { metric: crossings, value: 3, period: FY21, sources: [src#1] }\n',
      { op: 'addObservation', observation: { metric: 'crossings', value: 3, period: 'FY21' }, sources: ['src#1'] },
    ],
    [
      'a slide number past the bound',
      '  - { id: x, kind: Topic, name: X, sources: ["src#99999999999999999999999"] }\n',
      { op: 'createEntity', entity: { id: 'x', kind: 'Topic', name: 'X' }, sources: ['src#99999999999999999999999'] },
    ],
    [
      'a slide number of 10001',
      '  - { id: x, kind: Topic, name: X, sources: ["src#10001"] }\n',
      { op: 'createEntity', entity: { id: 'x', kind: 'Topic', name: 'X' }, sources: ['src#10001'] },
    ],
    [
      'an id of 101 characters',
      `  - { id: ${'a'.repeat(101)}, kind: Topic, name: X, sources: [src#1] }\n`,
      { op: 'createEntity', entity: { id: 'a'.repeat(101), kind: 'Topic', name: 'X' }, sources: ['src#1'] },
    ],
    [
      'a self-loop',
      'edges:\n  - { from: us, type: AFFECTS, to: us, sources: [src#1] }\n',
      { op: 'addRelationship', relationship: { from: 'us', type: 'AFFECTS', to: 'us' }, sources: ['src#1'] },
    ],
    [
      'a dimension key __proto__',
      'observations:\n  - { metric: crossings, value: 3, period: 2020, dimensions: { __proto__: us }, sources: [src#1] }\n',
      {
        op: 'addObservation',
        observation: { metric: 'crossings', value: 3, period: '2020', dimensions: JSON.parse('{"__proto__":"us"}') },
        sources: ['src#1'],
      },
    ],
    [
      'a dimension value with ; and =',
      'observations:\n  - { metric: crossings, value: 3, period: 2020, dimensions: { a: "x;b=y" }, sources: [src#1] }\n',
      { op: 'addObservation', observation: { metric: 'crossings', value: 3, period: '2020', dimensions: { a: 'x;b=y' } }, sources: ['src#1'] },
    ],
    [
      'a dimension key with ]',
      'observations:\n  - { metric: crossings, value: 3, period: 2020, dimensions: { "a]": x }, sources: [src#1] }\n',
      { op: 'addObservation', observation: { metric: 'crossings', value: 3, period: '2020', dimensions: { 'a]': 'x' } }, sources: ['src#1'] },
    ],
  ])('%s', (_name, yaml, change) => {
    const expected = seedMessages(yaml as string);
    expect(expected.length).toBeGreaterThan(0);
    expect(changeMessages({ ...(change as object), ...meta } as Change)).toEqual(expected);
  });
});
