import { Field, InputType, Int } from 'type-graphql';
import { NODE_KINDS, NodeKind, SUBTYPES, SUBTYPE_REQUIRED, Unit } from '../../domain';
import { EntitySubtype } from '../enums';
import { DateEntryInput } from './date-entry.input';

// Kind and unit are the schema's enums, so GraphQL validation refuses a typo and Sandbox completes
// them. A subtype is one enum of every kind's subtypes (an input field cannot be a union of the
// per-kind enums); whether it fits the kind, and a unit whether it fits the kind, stay the seed
// checker's rules, reported with its messages.

/** "Actor, Policy and Event". */
const listed = (kinds: readonly string[]): string => (kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}` : (kinds[0] ?? 'none'));

// Read off the domain's rule (SUBTYPE_REQUIRED, SUBTYPES), so that the description cannot drift from it.
const TYPE_REQUIRED = NODE_KINDS.filter((k) => SUBTYPE_REQUIRED.has(k));
const TYPE_OPTIONAL = NODE_KINDS.filter((k) => SUBTYPES[k] && !SUBTYPE_REQUIRED.has(k));
const TYPE_NONE = NODE_KINDS.filter((k) => !SUBTYPES[k]);

@InputType({ description: "A new entity, with the fields of a seed node (citations go in the mutation's `sources`)." })
export class CreateEntityInput {
  @Field(() => String, { description: 'Lower-case words joined by hyphens, e.g. `usmca`; never reused, even once retired.' })
  declare id: string;

  @Field(() => NodeKind, { description: 'The kind: Actor, Policy, Agreement, Dialogue, Event, Topic, Metric or Source.' })
  declare kind: NodeKind;

  @Field(() => String, { description: 'Preferred name.' })
  declare name: string;

  @Field(() => EntitySubtype, {
    nullable: true,
    description: `Subtype from the kind's vocabulary (COUNTRY, FRAMEWORK, ELECTION …; EntitySubtype lists every kind's, each value naming its kind, and a subtype of another kind is refused): required for ${listed(TYPE_REQUIRED)}; optional for ${listed(TYPE_OPTIONAL)}; ${listed(TYPE_NONE)} take none.`,
  })
  declare type?: EntitySubtype | null;

  @Field(() => [String], { nullable: true, description: 'Other names: acronyms, Spanish and English forms.' })
  declare aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A sentence or two on what this is.' })
  declare description?: string | null;

  @Field(() => [DateEntryInput], { nullable: true, description: 'Dated roles the kind allows (signed, inForce, ended, established, launched, date).' })
  declare dates?: DateEntryInput[] | null;

  @Field(() => Unit, { nullable: true, description: 'Metric only, required: the unit of its observations (USD_BILLION, COUNT, PERCENT …).' })
  declare unit?: Unit | null;

  @Field(() => String, { nullable: true, description: 'Source only: who published it.' })
  declare publisher?: string | null;

  @Field(() => Int, { nullable: true, description: 'Source only: the year of publication.' })
  declare year?: number | null;
}

@InputType({
  description: 'The fields of an entity to change: an absent field stays, `null` removes it. Id and kind never change; citations are added from `sources`.',
})
export class UpdateEntityInput {
  @Field(() => String, { nullable: true, description: 'New preferred name.' })
  declare name?: string | null;

  @Field(() => EntitySubtype, {
    nullable: true,
    description: `New subtype from the kind's vocabulary (a subtype of another kind is refused); \`null\` removes it, which only ${listed(TYPE_OPTIONAL)} allow (${listed(TYPE_REQUIRED)} need one).`,
  })
  declare type?: EntitySubtype | null;

  @Field(() => [String], { nullable: true, description: 'The whole new list of other names.' })
  declare aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  declare description?: string | null;

  @Field(() => [DateEntryInput], { nullable: true, description: 'The whole new set of dated roles (replaces every date).' })
  declare dates?: DateEntryInput[] | null;

  @Field(() => Unit, { nullable: true, description: "Metric only: new unit, of the family of its observations' units." })
  declare unit?: Unit | null;

  @Field(() => String, { nullable: true, description: 'Source only: new publisher.' })
  declare publisher?: string | null;

  @Field(() => Int, { nullable: true, description: 'Source only: new year.' })
  declare year?: number | null;
}
