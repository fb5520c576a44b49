import { ActorType, AgreementType, DialogueType, EventType, NodeKind, PolicyType } from './kinds';
import { Qualifier } from './units';

// What each subtype and qualifier means, for the schema's documentation (Sandbox, GraphiQL).
// Typed as complete records: a new value does not compile until it is described here.

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
