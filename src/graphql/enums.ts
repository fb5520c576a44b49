import { registerEnumType } from 'type-graphql';
import {
  ACTOR_TYPE_DESCRIPTIONS,
  AGREEMENT_TYPE_DESCRIPTIONS,
  ActorType,
  AgreementType,
  DIALOGUE_TYPE_DESCRIPTIONS,
  DialogueType,
  EDGE_RULES,
  EVENT_TYPE_DESCRIPTIONS,
  EdgeType,
  EventType,
  NODE_KIND_DESCRIPTIONS,
  NodeKind,
  POLICY_TYPE_DESCRIPTIONS,
  PolicyType,
  QUALIFIER_DESCRIPTIONS,
  Qualifier,
  TimelineRole,
  UNIT_LABELS,
  Unit,
} from '../domain';

/** GraphQL direction of an edge relative to the node it is read from. */
export enum RelationshipDirection {
  OUT = 'OUT',
  IN = 'IN',
  BOTH = 'BOTH',
}

export enum PeriodKind {
  YEAR = 'YEAR',
  FISCAL_YEAR = 'FISCAL_YEAR',
  MONTH = 'MONTH',
  DAY = 'DAY',
  RANGE = 'RANGE',
  UNDATED = 'UNDATED',
}

/** How precisely a partial date is known (mirrors the domain's DatePrecision). */
export enum DatePrecision {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
  DAY = 'DAY',
}

/** The `valuesConfig` of an enum whose values are described in the domain. */
const described = (descriptions: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(descriptions).map(([v, d]) => [v, { description: d }]));
registerEnumType(NodeKind, { name: 'NodeKind', description: 'The kinds of node in the knowledge graph.', valuesConfig: described(NODE_KIND_DESCRIPTIONS) });
registerEnumType(EdgeType, {
  name: 'EdgeType',
  description: 'The closed set of relationship types; each is read `from <type> to`.',
  valuesConfig: Object.fromEntries(Object.values(EdgeType).map((t) => [t, { description: EDGE_RULES[t].description }])),
});
registerEnumType(RelationshipDirection, {
  name: 'RelationshipDirection',
  description: 'OUT: edges that start at this node; IN: edges that end at it; BOTH: either.',
  valuesConfig: {
    OUT: { description: 'Edges that start at this node (this node `from`, read `this <type> other`).' },
    IN: { description: 'Edges that end at this node (`other <type> this`).' },
    BOTH: { description: 'Edges in either direction.' },
  },
});
registerEnumType(ActorType, { name: 'ActorType', description: 'What sort of actor: country, person, government body, party …', valuesConfig: described(ACTOR_TYPE_DESCRIPTIONS) });
registerEnumType(PolicyType, {
  name: 'PolicyType',
  description: 'What sort of policy: program, initiative, strategy, framework, reform, law, plan …',
  valuesConfig: described(POLICY_TYPE_DESCRIPTIONS),
});
registerEnumType(AgreementType, { name: 'AgreementType', description: 'The field an agreement covers.', valuesConfig: described(AGREEMENT_TYPE_DESCRIPTIONS) });
registerEnumType(DialogueType, { name: 'DialogueType', description: 'Whether a standing dialogue is bilateral or trilateral.', valuesConfig: described(DIALOGUE_TYPE_DESCRIPTIONS) });
registerEnumType(EventType, {
  name: 'EventType',
  description: 'What sort of event: election, summit, visit, arrest, signing, entry into force …',
  valuesConfig: described(EVENT_TYPE_DESCRIPTIONS),
});
registerEnumType(Unit, {
  name: 'Unit',
  description: 'The unit an observation is stated in.',
  valuesConfig: Object.fromEntries(Object.values(Unit).map((u) => [u, { description: UNIT_LABELS[u] }])),
});
registerEnumType(Qualifier, {
  name: 'Qualifier',
  description: 'How a stated number relates to the true value: "over", "some", an estimate, a forecast or a target.',
  valuesConfig: described(QUALIFIER_DESCRIPTIONS),
});
registerEnumType(PeriodKind, {
  name: 'PeriodKind',
  description:
    'YEAR (2021), FISCAL_YEAR (FY2021: Oct 2020 – Sep 2021), MONTH (2022-01), DAY (2022-01-31), RANGE (a/b), or UNDATED: the source gives the figure no date (no period; `reportedIn` says when it was reported).',
  valuesConfig: {
    YEAR: { description: 'A calendar year (`2021`).' },
    FISCAL_YEAR: { description: 'A U.S. federal fiscal year (`FY2021`: October 2020 to September 2021).' },
    MONTH: { description: 'A month (`2022-01`).' },
    DAY: { description: 'A day (`2022-01-31`).' },
    RANGE: { description: 'A span between two dates (`2019/2021`).' },
    UNDATED: { description: 'The source gives no date for the figure: no period; `reportedIn` says when it was reported.' },
  },
});
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'Whether a date is known to the YEAR (2020), the MONTH (2020-07) or the DAY (2020-07-01).',
  valuesConfig: {
    YEAR: { description: 'Known to the year (`2020`).' },
    MONTH: { description: 'Known to the month (`2020-07`).' },
    DAY: { description: 'Known to the day (`2020-07-01`).' },
  },
});
registerEnumType(TimelineRole, {
  name: 'TimelineRole',
  description: 'What a timeline entry marks; entries of one day come in this order.',
  valuesConfig: {
    HAPPENED: { description: 'An event took place (Event.date).' },
    SIGNED: { description: 'An agreement was signed.' },
    IN_FORCE: { description: 'An agreement entered into force.' },
    ENDED: { description: 'An agreement, policy or dialogue ended.' },
    ESTABLISHED: { description: 'A policy or dialogue was first set up.' },
    LAUNCHED: { description: 'A policy or dialogue was launched or relaunched.' },
    REPLACED: { description: 'An agreement, policy or dialogue was replaced (the validFrom of the REPLACES edge); see replacedBy.' },
  },
});
