import { registerEnumType } from 'type-graphql';
import {
  ACTOR_TYPE_DESCRIPTIONS,
  AGREEMENT_TYPE_DESCRIPTIONS,
  CITED_ITEM_KIND_DESCRIPTIONS,
  HISTORY_OP_DESCRIPTIONS,
  DATE_PRECISION_DESCRIPTIONS,
  DATE_QUALIFIER_DESCRIPTIONS,
  DIALOGUE_TYPE_DESCRIPTIONS,
  DIRECTION_DESCRIPTIONS,
  EDGE_RULES,
  EDGE_TYPES,
  EVENT_TYPE_DESCRIPTIONS,
  NODE_KIND_DESCRIPTIONS,
  NODE_KINDS,
  PERIOD_KIND_DESCRIPTIONS,
  POLICY_TYPE_DESCRIPTIONS,
  QUALIFIER_DESCRIPTIONS,
  SEARCH_FIELD_DESCRIPTIONS,
  SEARCH_TARGET_DESCRIPTIONS,
  SUBTYPE_DESCRIPTIONS,
  SUBTYPES,
  TIMELINE_ROLE_DESCRIPTIONS,
  UNIT_LABELS,
  ActorType,
  AgreementType,
  DialogueType,
  EdgeType,
  EventType,
  NodeKind,
  PolicyType,
  Qualifier,
  SearchField,
  SearchTarget,
  TimelineRole,
  Unit,
  type CitedItemKind as CitedItemKindValue,
  type DatePrecision as DatePrecisionValue,
  type DateQualifier as DateQualifierValue,
  type DirectionFilter,
  type ObservationPeriodKind,
} from '../domain';

// Every GraphQL enum is read off the domain: its values are a domain enum or the keys of a domain
// record that describes every value (src/domain/value-descriptions.ts), its value descriptions
// come from there too. Nothing here lists a value by hand.

type Described = Readonly<Record<string, string>>;

/** The `valuesConfig` of an enum whose values are described in the domain. */
const described = (descriptions: Described): Record<string, { description: string }> =>
  Object.fromEntries(Object.entries(descriptions).map(([v, d]) => [v, { description: d }]));

/** Registers a domain enum under a GraphQL name, its values described by a complete domain record. */
function register<E extends object>(enumObj: E, name: string, description: string, descriptions: Readonly<Record<E[keyof E] & string, string>>): void {
  registerEnumType(enumObj, { name, description, valuesConfig: described(descriptions) as Partial<Record<keyof E, { description: string }>> });
}

/** A GraphQL enum of a domain union type: its values are the keys of the record describing them. */
function enumOf<V extends string>(name: string, description: string, descriptions: Readonly<Record<V, string>>): { readonly [K in V]: K } {
  const enumObj = Object.freeze(Object.fromEntries(Object.keys(descriptions).map((v) => [v, v]))) as { readonly [K in V]: K };
  registerEnumType(enumObj, { name, description, valuesConfig: described(descriptions) as Partial<Record<V, { description: string }>> });
  return enumObj;
}

/** GraphQL direction of an edge relative to the node it is read from (the domain's `DirectionFilter`). */
export type RelationshipDirection = DirectionFilter;
export const RelationshipDirection = enumOf(
  'RelationshipDirection',
  'OUT: edges that start at this node; IN: edges that end at it; BOTH: either.',
  DIRECTION_DESCRIPTIONS,
);

/** An observation's kind of period, UNDATED included (the domain's `ObservationPeriodKind`). */
export type PeriodKind = ObservationPeriodKind;
export const PeriodKind = enumOf(
  'PeriodKind',
  'YEAR (2021), FISCAL_YEAR (FY2021: Oct 2020 – Sep 2021), MONTH (2022-01), DAY (2022-01-31), RANGE (a/b), or UNDATED: the source gives the figure no date (no period; `reportedIn` says when it was reported).',
  PERIOD_KIND_DESCRIPTIONS,
);

/** How precisely a partial date is known (the domain's `DatePrecision`). */
export type DatePrecision = DatePrecisionValue;
export const DatePrecision = enumOf(
  'DatePrecision',
  'Whether a date is known to the YEAR (2020), the MONTH (2020-07) or the DAY (2020-07-01).',
  DATE_PRECISION_DESCRIPTIONS,
);

/** Which part of a date the sources give (the domain's `DateQualifier`). */
export type DateQualifier = DateQualifierValue;
export const DateQualifier = enumOf(
  'DateQualifier',
  'Which part of the date the sources say: EARLY ("early 2021"), MID or LATE ("late 2020"). The date keeps its own precision; no month is invented.',
  DATE_QUALIFIER_DESCRIPTIONS,
);

/** What a cited item is (the domain's `CitedItemKind`). */
export type CitedItemKind = CitedItemKindValue;
export const CitedItemKind = enumOf('CitedItemKind', 'What a source backs: an entity, a relationship or an observation.', CITED_ITEM_KIND_DESCRIPTIONS);

register(NodeKind, 'NodeKind', 'The kinds of node in the knowledge graph.', NODE_KIND_DESCRIPTIONS);
register(
  EdgeType,
  'EdgeType',
  'The closed set of relationship types; each is read `from <type> to`.',
  Object.fromEntries(EDGE_TYPES.map((t) => [t, EDGE_RULES[t].description])) as Record<EdgeType, string>,
);
register(ActorType, 'ActorType', 'What sort of actor: country, person, government body, party …', ACTOR_TYPE_DESCRIPTIONS);
register(PolicyType, 'PolicyType', 'What sort of policy: program, initiative, strategy, framework, reform, law, plan …', POLICY_TYPE_DESCRIPTIONS);
register(AgreementType, 'AgreementType', 'The field an agreement covers.', AGREEMENT_TYPE_DESCRIPTIONS);
register(DialogueType, 'DialogueType', 'Whether a standing dialogue is bilateral or trilateral.', DIALOGUE_TYPE_DESCRIPTIONS);
register(EventType, 'EventType', 'What sort of event: election, summit, visit, arrest, signing, entry into force …', EVENT_TYPE_DESCRIPTIONS);
register(Unit, 'Unit', 'The unit an observation is stated in.', UNIT_LABELS);
register(Qualifier, 'Qualifier', 'How a stated number relates to the true value: "over", "some", an estimate, a forecast or a target.', QUALIFIER_DESCRIPTIONS);
register(TimelineRole, 'TimelineRole', 'What a timeline entry marks; entries of one day come in this order.', TIMELINE_ROLE_DESCRIPTIONS);
register(SearchTarget, 'SearchTarget', 'What a search hit is.', SEARCH_TARGET_DESCRIPTIONS);
register(SearchField, 'SearchField', 'Where a search matched.', SEARCH_FIELD_DESCRIPTIONS);

/**
 * Every kind's subtypes in one enum, for inputs: an input field cannot be a union of the per-kind
 * enums. Each value's description names the kind it belongs to; whether it fits the entity's kind
 * is the seed checker's rule (item-rules.ts), checked with its message.
 */
export type EntitySubtype = ActorType | PolicyType | AgreementType | DialogueType | EventType;
export const EntitySubtype = enumOf(
  'EntitySubtype',
  "Every kind's subtypes in one enum, for the `type` of the curation inputs (an input field cannot be a union of ActorType, PolicyType, AgreementType, DialogueType and EventType). Each value names its kind; one of another kind than the entity's is refused with the seed checker's message.",
  subtypeDescriptions(),
);

function subtypeDescriptions(): Record<EntitySubtype, string> {
  const kindsOf = new Map<string, NodeKind[]>();
  for (const kind of NODE_KINDS) for (const subtype of SUBTYPES[kind] ?? []) kindsOf.set(subtype, [...(kindsOf.get(subtype) ?? []), kind]);
  return Object.fromEntries(
    [...kindsOf].map(([subtype, kinds]) => {
      const meanings = kinds.map((k) => SUBTYPE_DESCRIPTIONS[k]?.[subtype]);
      if (meanings.some((m) => m === undefined)) throw new Error(`subtype ${subtype} of ${kinds.join(', ')} has no description in SUBTYPE_DESCRIPTIONS`);
      return [subtype, kinds.map((k, i) => `${k}: ${meanings[i]}`).join(' ')];
    }),
  ) as Record<EntitySubtype, string>;
}

/** What a history entry records: a curated change (named by its mutation) or a re-seed over it. */
export type HistoryOp = import('../domain').HistoryOp;
export const HistoryOp = enumOf(
  'HistoryOp',
  'What changed a record: the curation mutation, or a re-seed that overwrote the curated record.',
  HISTORY_OP_DESCRIPTIONS,
);
