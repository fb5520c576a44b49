/**
 * Node kinds of the usmx-graph ontology and the closed vocabularies that refine them.
 * Every value here is part of the public GraphQL schema, so renaming one is a breaking change.
 */
export enum NodeKind {
  Actor = 'Actor',
  Policy = 'Policy',
  Agreement = 'Agreement',
  Dialogue = 'Dialogue',
  Event = 'Event',
  Topic = 'Topic',
  Metric = 'Metric',
  Source = 'Source',
}

export const NODE_KINDS: readonly NodeKind[] = Object.values(NodeKind);

export enum ActorType {
  COUNTRY = 'COUNTRY',
  PERSON = 'PERSON',
  GOVERNMENT_BODY = 'GOVERNMENT_BODY',
  ORGANIZATION = 'ORGANIZATION',
  INTERNATIONAL_ORGANIZATION = 'INTERNATIONAL_ORGANIZATION',
  COMPANY = 'COMPANY',
  POLITICAL_PARTY = 'POLITICAL_PARTY',
  CRIMINAL_NETWORK = 'CRIMINAL_NETWORK',
  REGION = 'REGION',
  SUBNATIONAL_STATE = 'SUBNATIONAL_STATE',
  POPULATION_GROUP = 'POPULATION_GROUP',
}

export enum PolicyType {
  PROGRAM = 'PROGRAM',
  INITIATIVE = 'INITIATIVE',
  STRATEGY = 'STRATEGY',
  FRAMEWORK = 'FRAMEWORK',
  REFORM = 'REFORM',
  LAW = 'LAW',
  PLAN = 'PLAN',
  PROJECT = 'PROJECT',
  PROVISION = 'PROVISION',
  GOAL = 'GOAL',
}

export enum AgreementType {
  TRADE = 'TRADE',
  SECURITY = 'SECURITY',
  COOPERATION = 'COOPERATION',
}

export enum DialogueType {
  BILATERAL = 'BILATERAL',
  TRILATERAL = 'TRILATERAL',
}

export enum EventType {
  ELECTION = 'ELECTION',
  SUMMIT = 'SUMMIT',
  MEETING = 'MEETING',
  VISIT = 'VISIT',
  ARREST = 'ARREST',
  ATTACK = 'ATTACK',
  SIGNING = 'SIGNING',
  RATIFICATION = 'RATIFICATION',
  ENTRY_INTO_FORCE = 'ENTRY_INTO_FORCE',
  INAUGURATION = 'INAUGURATION',
  ANNOUNCEMENT = 'ANNOUNCEMENT',
  LEGISLATION = 'LEGISLATION',
  COURT_RULING = 'COURT_RULING',
  REVIEW = 'REVIEW',
}

/** Subtype vocabulary per kind; a kind without one takes no `type`. */
export const SUBTYPES: Readonly<Partial<Record<NodeKind, readonly string[]>>> = {
  [NodeKind.Actor]: Object.values(ActorType),
  [NodeKind.Policy]: Object.values(PolicyType),
  [NodeKind.Agreement]: Object.values(AgreementType),
  [NodeKind.Dialogue]: Object.values(DialogueType),
  [NodeKind.Event]: Object.values(EventType),
};

/** Kinds whose `type` must be given. */
export const SUBTYPE_REQUIRED: ReadonlySet<NodeKind> = new Set([NodeKind.Actor, NodeKind.Policy, NodeKind.Event]);

/**
 * Named dates a node may carry. `date` is when an event happened; `signed`, `inForce` and
 * `ended` date agreements; `launched`, `established` and `ended` date policies and dialogues.
 */
export enum DateRole {
  date = 'date',
  established = 'established',
  launched = 'launched',
  signed = 'signed',
  inForce = 'inForce',
  ended = 'ended',
}

export const DATE_ROLES_BY_KIND: Readonly<Record<NodeKind, readonly DateRole[]>> = {
  [NodeKind.Actor]: [DateRole.established, DateRole.ended],
  [NodeKind.Policy]: [DateRole.established, DateRole.launched, DateRole.ended],
  [NodeKind.Agreement]: [DateRole.signed, DateRole.inForce, DateRole.ended],
  [NodeKind.Dialogue]: [DateRole.established, DateRole.launched, DateRole.ended],
  [NodeKind.Event]: [DateRole.date],
  [NodeKind.Topic]: [],
  [NodeKind.Metric]: [],
  [NodeKind.Source]: [],
};
