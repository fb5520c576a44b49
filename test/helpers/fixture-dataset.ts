import { EdgeType, NodeKind, Unit, datasetVersion, type Dataset, type GraphNode, type Observation, type Relationship } from '../../src/domain';

const cite = [{ sourceId: 'src', slide: 1 }];

function node(id: string, kind: NodeKind, name: string, extra: Partial<GraphNode> = {}): GraphNode {
  return { id, kind, name, aliases: [], description: null, type: null, dates: {}, unit: null, publisher: null, year: null, sources: cite, ...extra };
}

function edge(from: string, type: EdgeType, to: string, extra: Partial<Relationship> = {}): Relationship {
  const validFrom = extra.validFrom ?? null;
  return { id: `${from}:${type}:${to}${validFrom ? `@${validFrom}` : ''}`, type, from, to, validFrom, validTo: null, note: null, sources: cite, ...extra };
}

function obs(metricId: string, period: string, start: string, end: string, value: number, dimensions: Record<string, string> = {}): Observation {
  const dims = Object.keys(dimensions)
    .sort()
    .map((k) => `${k}=${dimensions[k]}`)
    .join(';');
  return {
    id: `${metricId}@${period}${dims ? `[${dims}]` : ''}`,
    metricId,
    value,
    unit: Unit.COUNT,
    period,
    periodStart: start,
    periodEnd: end,
    dimensions,
    qualifier: null,
    note: null,
    sources: cite,
  };
}

/**
 * A small, hand-made graph whose every answer is known, for the store contract suite.
 * Names are chosen so that folding accents and case changes the order ("Ágora" sorts with "a").
 */
const fixtureContent: Omit<Dataset, 'version'> = {
  nodes: [
    node('src', NodeKind.Source, 'Fixture source', { publisher: 'Tests', year: 2022 }),
    node('us', NodeKind.Actor, 'United States', { type: 'COUNTRY', aliases: ['USA'] }),
    node('mx', NodeKind.Actor, 'México', { type: 'COUNTRY', aliases: ['Mexico'] }),
    node('agora', NodeKind.Actor, 'Ágora Institute', { type: 'ORGANIZATION' }),
    node('texas', NodeKind.Actor, 'Texas', { type: 'SUBNATIONAL_STATE' }),
    node('old-deal', NodeKind.Agreement, 'Old Deal', { type: 'TRADE', dates: { signed: '1993', ended: '2020-07-01' } }),
    node('new-deal', NodeKind.Agreement, 'New Deal', { type: 'TRADE', aliases: ['T-NEW'], dates: { signed: '2018-11-30', inForce: '2020-07-01' } }),
    node('talks', NodeKind.Dialogue, 'Security Talks', { type: 'BILATERAL', dates: { launched: '2021-10' }, description: 'Talks about opioid trafficking' }),
    node('forum', NodeKind.Dialogue, 'Economic Forum', { type: 'BILATERAL', dates: { launched: '2021-09' } }),
    node('drugs', NodeKind.Topic, 'Illicit drugs'),
    node('opioids', NodeKind.Topic, 'Synthetic opioids'),
    node('fent', NodeKind.Topic, 'Fentanyl', { aliases: ['fentanilo'] }),
    node('trade', NodeKind.Topic, 'Trade'),
    node('vote', NodeKind.Event, 'General election', { type: 'ELECTION', dates: { date: '2018-07-01' } }),
    node('crossings', NodeKind.Metric, 'Border crossings', { unit: Unit.COUNT }),
    node('old-plan', NodeKind.Policy, 'Old Plan', { type: 'INITIATIVE', dates: { established: '2007' } }),
    node('new-plan', NodeKind.Policy, 'New Plan', { type: 'FRAMEWORK', dates: { launched: '2021-10' } }),
  ],
  relationships: [
    edge('fent', EdgeType.BROADER, 'opioids'),
    edge('opioids', EdgeType.BROADER, 'drugs'),
    edge('talks', EdgeType.ADDRESSES, 'fent'),
    edge('forum', EdgeType.ADDRESSES, 'trade'),
    edge('new-deal', EdgeType.REPLACES, 'old-deal', { validFrom: '2020-07-01' }),
    edge('us', EdgeType.PARTY_TO, 'new-deal', { validFrom: '2020-07-01' }),
    edge('mx', EdgeType.PARTY_TO, 'new-deal', { validFrom: '2020-07-01' }),
    edge('us', EdgeType.PARTY_TO, 'old-deal', { validTo: '2020-06-30' }),
    edge('mx', EdgeType.PARTY_TO, 'talks'),
    edge('us', EdgeType.PARTY_TO, 'talks'),
    edge('mx', EdgeType.PARTICIPATED_IN, 'vote'),
    edge('texas', EdgeType.PART_OF, 'us'),
    edge('crossings', EdgeType.MEASURES, 'trade'),
    edge('new-plan', EdgeType.REPLACES, 'old-plan', { validFrom: '2021-10' }),
    edge('talks', EdgeType.IMPLEMENTS, 'new-plan'),
    edge('talks', EdgeType.IMPLEMENTS, 'old-plan'),
  ],
  observations: [
    obs('crossings', 'FY2021', '2020-10-01', '2021-09-30', 30),
    obs('crossings', '2019', '2019-01-01', '2019-12-31', 10),
    obs('crossings', '2020', '2020-01-01', '2020-12-31', 20),
    obs('crossings', '2019', '2019-01-01', '2019-12-31', 7, { state: 'texas' }),
  ],
};
/** The fixture, with the version of its content (what a store holding it reports). */
export const fixtureDataset: Dataset = { ...fixtureContent, version: datasetVersion(fixtureContent) };
