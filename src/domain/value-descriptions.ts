import type { DatePrecision } from './dates';
import type { DateQualifier } from './date-qualifiers';
import { ActorType, AgreementType, DialogueType, EventType, NodeKind, PolicyType } from './kinds';
import type { ObservationPeriodKind } from './observation-dates';
import type { CitedItemKind } from './provenance';
import { SearchField, SearchTarget } from './search-model';
import type { DirectionFilter } from './store';
import { TimelineRole } from './timeline';
import { Qualifier } from './units';

// What each value of the domain's closed vocabularies means, for the schema's documentation
// (Sandbox, GraphiQL). Typed as complete records: a new value does not compile until it is
// described here, and a record's keys are the value list the GraphQL enum is built from
// (src/graphql/enums.ts), so the schema cannot drift from the domain.

export const NODE_KIND_DESCRIPTIONS: Readonly<Record<NodeKind, string>> = {
  [NodeKind.Actor]: 'A country, person, government body, party, company, group or region that acts or is acted upon.',
  [NodeKind.Policy]: 'A program, initiative, strategy, framework, reform, law, plan, project, provision or goal.',
  [NodeKind.Agreement]: 'A treaty or agreement between states (NAFTA, the USMCA).',
  [NodeKind.Dialogue]: 'A standing bilateral or trilateral dialogue (the High-Level Security Dialogue …).',
  [NodeKind.Event]: 'Something that happened on a date: an election, summit, signing, ruling …',
  [NodeKind.Topic]: 'A subject the relations are about (fentanyl, illicit drugs, human trafficking …), narrower topics under broader ones.',
  [NodeKind.Metric]: 'A measured series, such as overdose deaths or border apprehensions, with its observations.',
  [NodeKind.Source]: 'A publication the facts cite, with the slide of the deck that credits it.',
};

export const ACTOR_TYPE_DESCRIPTIONS: Readonly<Record<ActorType, string>> = {
  [ActorType.COUNTRY]: 'A sovereign state (the United States, Mexico, Canada, China …).',
  [ActorType.PERSON]: 'A named person (Andrés Manuel López Obrador, Joe Biden …).',
  [ActorType.GOVERNMENT_BODY]: 'A part of a government: a legislature, central bank, agency or task force (the U.S. Congress, Banco de México …).',
  [ActorType.ORGANIZATION]: "A non-governmental organization, union or civil-society group (Article 19, teachers' unions …).",
  [ActorType.INTERNATIONAL_ORGANIZATION]: 'A body or bloc of several states (the World Health Organization, the OECD, the European Union …).',
  [ActorType.COMPANY]: 'A business, or the businesses of one sector taken together (PEMEX, CFE, S&P Global Ratings …).',
  [ActorType.POLITICAL_PARTY]: 'A political party or governing coalition (Morena, the National Action Party …).',
  [ActorType.CRIMINAL_NETWORK]: 'Drug trafficking and other criminal organizations.',
  [ActorType.REGION]: 'A region of several states or countries (the U.S.–Mexico border states, North America, Central America …).',
  [ActorType.SUBNATIONAL_STATE]: 'A state of a federation (Texas, California …).',
  [ActorType.POPULATION_GROUP]: 'A group of people named by what they share (Mexican-Americans, Mexican migrants to the United States …).',
};

export const POLICY_TYPE_DESCRIPTIONS: Readonly<Record<PolicyType, string>> = {
  [PolicyType.PROGRAM]: 'A standing government program (the H-2A and H-2B temporary worker programs …).',
  [PolicyType.INITIATIVE]: 'A named initiative (the Mérida Initiative …).',
  [PolicyType.STRATEGY]: 'A stated strategy or policy line (the 2017 U.S.–Mexico strategy on illicit drug supply and demand …).',
  [PolicyType.FRAMEWORK]: 'A framework that organizes other policies (the Bicentennial Framework …).',
  [PolicyType.REFORM]: 'A reform of laws or institutions (comprehensive immigration reform, the Education Reform …).',
  [PolicyType.LAW]: 'A law (Buy America, the electricity sector law …).',
  [PolicyType.PLAN]: 'A plan or a set of committed actions (the NALS 2021 actions …).',
  [PolicyType.PROJECT]: 'A single public works project (the Maya Train, the Dos Bocas refinery …).',
  [PolicyType.PROVISION]: 'A provision of an agreement (the USMCA rules of origin for vehicles, Chapter 20 dispute settlement …).',
  [PolicyType.GOAL]: 'A goal or pillar of a larger policy or dialogue (the HLED pillars …).',
};

export const AGREEMENT_TYPE_DESCRIPTIONS: Readonly<Record<AgreementType, string>> = {
  [AgreementType.TRADE]: 'A trade agreement (NAFTA, the USMCA).',
  [AgreementType.SECURITY]: 'A security agreement.',
  [AgreementType.COOPERATION]: 'A cooperation agreement of another field.',
};

export const DIALOGUE_TYPE_DESCRIPTIONS: Readonly<Record<DialogueType, string>> = {
  [DialogueType.BILATERAL]: 'Between the United States and Mexico.',
  [DialogueType.TRILATERAL]: 'Between the United States, Mexico and Canada.',
};

export const EVENT_TYPE_DESCRIPTIONS: Readonly<Record<EventType, string>> = {
  [EventType.ELECTION]: 'An election.',
  [EventType.SUMMIT]: 'A summit of heads of state or government.',
  [EventType.MEETING]: 'A meeting of officials, such as a round of a dialogue.',
  [EventType.VISIT]: 'A visit of an official to the other country.',
  [EventType.ARREST]: 'An arrest or extradition.',
  [EventType.ATTACK]: 'An attack or act of violence.',
  [EventType.SIGNING]: 'The signing of an agreement.',
  [EventType.RATIFICATION]: 'The ratification of an agreement by a legislature.',
  [EventType.ENTRY_INTO_FORCE]: 'An agreement or law entering into force.',
  [EventType.INAUGURATION]: 'A president or government taking office.',
  [EventType.ANNOUNCEMENT]: 'A public announcement of a policy or decision.',
  [EventType.LEGISLATION]: 'A legislature passing a law.',
  [EventType.COURT_RULING]: 'A ruling of a court or dispute panel.',
  [EventType.REVIEW]: 'A scheduled review of an agreement or policy.',
};

export const QUALIFIER_DESCRIPTIONS: Readonly<Record<Qualifier, string>> = {
  [Qualifier.APPROXIMATE]: 'The source gives the number as approximate ("some", "about").',
  [Qualifier.MORE_THAN]: 'The true value is above the number ("over", "more than").',
  [Qualifier.LESS_THAN]: 'The true value is below the number ("under", "less than").',
  [Qualifier.ESTIMATE]: 'The source calls the number an estimate.',
  [Qualifier.FORECAST]: 'A projection of a future value.',
  [Qualifier.TARGET]: 'A goal set for the future, not a measured value.',
};

/** Each kind's subtype descriptions (the kinds of `SUBTYPES`; a kind without one takes no `type`). */
export const SUBTYPE_DESCRIPTIONS: Readonly<Partial<Record<NodeKind, Readonly<Record<string, string>>>>> = {
  [NodeKind.Actor]: ACTOR_TYPE_DESCRIPTIONS,
  [NodeKind.Policy]: POLICY_TYPE_DESCRIPTIONS,
  [NodeKind.Agreement]: AGREEMENT_TYPE_DESCRIPTIONS,
  [NodeKind.Dialogue]: DIALOGUE_TYPE_DESCRIPTIONS,
  [NodeKind.Event]: EVENT_TYPE_DESCRIPTIONS,
};

export const DIRECTION_DESCRIPTIONS: Readonly<Record<DirectionFilter, string>> = {
  OUT: 'Edges that start at this node (this node `from`, read `this <type> other`).',
  IN: 'Edges that end at this node (`other <type> this`).',
  BOTH: 'Edges in either direction.',
};

export const PERIOD_KIND_DESCRIPTIONS: Readonly<Record<ObservationPeriodKind, string>> = {
  YEAR: 'A calendar year (`2021`).',
  FISCAL_YEAR: 'A U.S. federal fiscal year (`FY2021`: October 2020 to September 2021).',
  MONTH: 'A month (`2022-01`).',
  DAY: 'A day (`2022-01-31`).',
  RANGE: 'A span between two dates (`2019/2021`).',
  UNDATED: 'The source gives no date for the figure: no period; `reportedIn` says when it was reported.',
};

export const DATE_PRECISION_DESCRIPTIONS: Readonly<Record<DatePrecision, string>> = {
  YEAR: 'Known to the year (`2020`).',
  MONTH: 'Known to the month (`2020-07`).',
  DAY: 'Known to the day (`2020-07-01`).',
};

export const DATE_QUALIFIER_DESCRIPTIONS: Readonly<Record<DateQualifier, string>> = {
  EARLY: 'The early part of the date ("early 2021").',
  MID: 'Its middle ("mid-2021").',
  LATE: 'Its late part ("late 2020").',
};

export const TIMELINE_ROLE_DESCRIPTIONS: Readonly<Record<TimelineRole, string>> = {
  [TimelineRole.HAPPENED]: 'An event took place (Event.date).',
  [TimelineRole.SIGNED]: 'An agreement was signed.',
  [TimelineRole.IN_FORCE]: 'An agreement entered into force.',
  [TimelineRole.ENDED]: 'An agreement, policy or dialogue ended.',
  [TimelineRole.ESTABLISHED]: 'A policy or dialogue was first set up.',
  [TimelineRole.LAUNCHED]: 'A policy or dialogue was launched or relaunched.',
  [TimelineRole.REPLACED]: 'An agreement, policy or dialogue was replaced (the validFrom of the REPLACES edge); see replacedBy.',
};

export const CITED_ITEM_KIND_DESCRIPTIONS: Readonly<Record<CitedItemKind, string>> = {
  ENTITY: 'An entity citing the source (`entity` is set).',
  RELATIONSHIP: 'A relationship citing it (`relationship` is set).',
  OBSERVATION: 'An observation citing it (`observation` is set).',
};

export const SEARCH_TARGET_DESCRIPTIONS: Readonly<Record<SearchTarget, string>> = {
  [SearchTarget.ENTITY]: 'An entity, matched on its name, aliases or description.',
  [SearchTarget.RELATIONSHIP]: 'A relationship, matched on its note.',
  [SearchTarget.OBSERVATION]: 'An observation of a metric, matched on its note.',
};

export const SEARCH_FIELD_DESCRIPTIONS: Readonly<Record<SearchField, string>> = {
  [SearchField.NAME]: "The entity's preferred name.",
  [SearchField.ALIAS]: 'One of the entity’s aliases (each alias is its own match).',
  [SearchField.DESCRIPTION]: "The entity's description.",
  [SearchField.NOTE]: "The relationship's or the observation's note.",
};
