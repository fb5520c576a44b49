import { registerEnumType } from 'type-graphql';
import {
  ActorType,
  AgreementType,
  DialogueType,
  EDGE_RULES,
  EdgeType,
  EventType,
  NodeKind,
  PolicyType,
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

registerEnumType(NodeKind, { name: 'NodeKind', description: 'The kinds of node in the knowledge graph.' });
registerEnumType(EdgeType, {
  name: 'EdgeType',
  description: 'The closed set of relationship types; each is read `from <type> to`.',
  valuesConfig: Object.fromEntries(Object.values(EdgeType).map((t) => [t, { description: EDGE_RULES[t].description }])),
});
registerEnumType(RelationshipDirection, {
  name: 'RelationshipDirection',
  description: 'OUT: edges that start at this node; IN: edges that end at it; BOTH: either.',
});
registerEnumType(ActorType, { name: 'ActorType', description: 'What sort of actor: country, person, government body, party …' });
registerEnumType(PolicyType, { name: 'PolicyType', description: 'What sort of policy: program, initiative, strategy, framework, reform, law, plan …' });
registerEnumType(AgreementType, { name: 'AgreementType', description: 'The field an agreement covers.' });
registerEnumType(DialogueType, { name: 'DialogueType', description: 'Whether a standing dialogue is bilateral or trilateral.' });
registerEnumType(EventType, { name: 'EventType', description: 'What sort of event: election, summit, visit, arrest, signing, entry into force …' });
registerEnumType(Unit, {
  name: 'Unit',
  description: 'The unit an observation is stated in.',
  valuesConfig: Object.fromEntries(Object.values(Unit).map((u) => [u, { description: UNIT_LABELS[u] }])),
});
registerEnumType(Qualifier, {
  name: 'Qualifier',
  description: 'How a stated number relates to the true value: "over", "some", an estimate, a forecast or a target.',
});
registerEnumType(PeriodKind, {
  name: 'PeriodKind',
  description:
    'YEAR (2021), FISCAL_YEAR (FY2021: Oct 2020 – Sep 2021), MONTH (2022-01), DAY (2022-01-31), RANGE (a/b), or UNDATED: the source gives the figure no date (no period; `reportedIn` says when it was reported).',
});
registerEnumType(DatePrecision, { name: 'DatePrecision', description: 'Whether a date is known to the YEAR (2020), the MONTH (2020-07) or the DAY (2020-07-01).' });
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
