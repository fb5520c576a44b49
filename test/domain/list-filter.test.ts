import {
  EdgeType,
  EntityListRules,
  NodeKind,
  entityListOrder,
  listEntities,
  listRelationshipsOf,
  unknownListIds,
  type GraphNode,
  type NodeQuery,
  type Relationship,
  type RelationshipListQuery,
} from '../../src/domain';
import { datasetListGraph } from '../helpers/list-graph';

function node(id: string, kind: NodeKind, name: string, extra: Partial<GraphNode> = {}): GraphNode {
  return { id, kind, name, aliases: [], description: null, type: null, dates: {}, unit: null, publisher: null, year: null, sources: [], ...extra };
}

function edge(from: string, type: EdgeType, to: string, validFrom: string | null = null): Relationship {
  return { id: `${from}:${type}:${to}`, type, from, to, validFrom, validTo: null, note: null, sources: [] };
}

// Topics: drugs ⊃ opioids ⊃ fent, and drugs ⊃ fent directly too (two paths to one topic).
const nodes = [
  node('us', NodeKind.Actor, 'United States', { type: 'COUNTRY', dates: { established: '1776-07-04' } }),
  node('mx', NodeKind.Actor, 'México', { type: 'COUNTRY' }),
  node('agora', NodeKind.Actor, 'Ágora', { type: 'ORGANIZATION' }),
  node('agora-2', NodeKind.Actor, 'agora'),
  node('deal', NodeKind.Agreement, 'Deal', { type: 'TRADE', dates: { signed: '2018-11-30', inForce: '2020-07-01', ended: '2024-01-01' } }),
  node('plan', NodeKind.Policy, 'Plan', { dates: { established: '2021' } }),
  node('talks', NodeKind.Dialogue, 'Talks', { dates: { launched: '2021-10' } }),
  node('drugs', NodeKind.Topic, 'Drugs'),
  node('opioids', NodeKind.Topic, 'Opioids'),
  node('fent', NodeKind.Topic, 'Fentanyl'),
  node('trade', NodeKind.Topic, 'Trade'),
];
const relationships = [
  edge('opioids', EdgeType.BROADER, 'drugs'),
  edge('fent', EdgeType.BROADER, 'opioids'),
  edge('fent', EdgeType.BROADER, 'drugs'),
  edge('talks', EdgeType.ADDRESSES, 'fent'),
  edge('deal', EdgeType.ADDRESSES, 'trade'),
  edge('plan', EdgeType.ADDRESSES, 'drugs'),
  edge('us', EdgeType.PARTY_TO, 'deal', '2021-01'),
  edge('talks', EdgeType.IMPLEMENTS, 'plan'),
];
const graph = datasetListGraph({ nodes, relationships });

const ids = (query: Omit<NodeQuery, 'offset' | 'limit'>, offset = 0, limit = 100): string[] =>
  listEntities(nodes, { ...query, offset, limit }, graph).nodes.map((n) => n.id);

describe('the entity-list rule book', () => {
  it('orders by folded name, then id: accents and case do not count', () => {
    expect(
      [...nodes]
        .sort(entityListOrder)
        .slice(0, 3)
        .map((n) => n.id),
    ).toEqual(['agora', 'agora-2', 'deal']);
    expect(ids({ kinds: [NodeKind.Actor] })).toEqual(['agora', 'agora-2', 'mx', 'us']);
  });

  it('takes an empty list or an absent value as no criterion', () => {
    expect(ids({})).toHaveLength(nodes.length);
    expect(ids({ kinds: [], filter: { types: [], addresses: [], relatedTo: [] } })).toHaveLength(nodes.length);
    expect(new EntityListRules({ kinds: [NodeKind.Actor], filter: { types: [] } }, graph).kindsOnly).toBe(true);
    expect(new EntityListRules({ filter: { validAt: '2020-01-01' } }, graph).kindsOnly).toBe(false);
  });

  it('keeps entities of the kinds, and with a subtype among the types (none without a subtype)', () => {
    expect(ids({ kinds: [NodeKind.Agreement, NodeKind.Policy] })).toEqual(['deal', 'plan']);
    expect(ids({ filter: { types: ['COUNTRY', 'TRADE'] } })).toEqual(['deal', 'mx', 'us']);
    expect(ids({ kinds: [NodeKind.Actor], filter: { types: ['TRADE'] } })).toEqual([]);
    expect(ids({ kinds: [NodeKind.Policy], filter: { types: ['INITIATIVE'] } })).toEqual([]);
  });

  it('follows topics down the BROADER hierarchy (any depth, not up), a topic reached by two paths counted once', () => {
    expect(ids({ filter: { addresses: ['drugs'] } })).toEqual(['plan', 'talks']);
    expect(ids({ filter: { addresses: ['opioids'] } })).toEqual(['talks']);
    expect(ids({ filter: { addresses: ['fent'] } })).toEqual(['talks']);
    expect(ids({ filter: { addresses: ['fent', 'trade'] } })).toEqual(['deal', 'talks']);
    expect([...new EntityListRules({ filter: { addresses: ['drugs'] } }, graph).topics!].sort()).toEqual(['drugs', 'fent', 'opioids']);
  });

  it('relates through an edge of any type in either direction', () => {
    expect(ids({ filter: { relatedTo: ['deal'] } })).toEqual(['trade', 'us']);
    expect(ids({ filter: { relatedTo: ['us'] } })).toEqual(['deal']);
    expect(ids({ filter: { relatedTo: ['plan', 'mx'] } })).toEqual(['drugs', 'talks']);
  });

  it('keeps entities with a date in the range, bounds inclusive, either end open; none without dates', () => {
    // "2021" spans the year; "2021-10" the month; the deal has three dates, any one may overlap.
    expect(ids({ filter: { from: '2021-12-31', to: '2021-12-31' } })).toEqual(['plan']);
    expect(ids({ filter: { from: '2021-10-31', to: '2021-10-31' } })).toEqual(['plan', 'talks']);
    expect(ids({ filter: { from: '2021-11-01' } })).toEqual(['deal', 'plan']);
    expect(ids({ filter: { to: '2018-11-30' } })).toEqual(['deal', 'us']);
    expect(ids({ filter: { to: '2018-11-29' } })).toEqual(['us']);
    expect(ids({ filter: { from: '2024-01-02' } })).toEqual([]);
    expect(ids({ kinds: [NodeKind.Topic], filter: { from: '1000-01-01' } })).toEqual([]);
  });

  it('keeps entities alive at validAt: from the first start day, to the day before they ended', () => {
    expect(ids({ kinds: [NodeKind.Agreement], filter: { validAt: '2020-06-30' } })).toEqual([]);
    expect(ids({ kinds: [NodeKind.Agreement], filter: { validAt: '2020-07-01' } })).toEqual(['deal']);
    expect(ids({ kinds: [NodeKind.Agreement], filter: { validAt: '2023-12-31' } })).toEqual(['deal']);
    expect(ids({ kinds: [NodeKind.Agreement], filter: { validAt: '2024-01-01' } })).toEqual([]);
    // No start date: alive from the beginning; topics hold at any date.
    expect(ids({ kinds: [NodeKind.Actor, NodeKind.Topic], filter: { validAt: '1000-01-01' } })).toEqual([
      'agora',
      'agora-2',
      'drugs',
      'fent',
      'mx',
      'opioids',
      'trade',
    ]);
  });

  it('needs every criterion given to hold', () => {
    expect(ids({ kinds: [NodeKind.Dialogue, NodeKind.Policy], filter: { addresses: ['drugs'], relatedTo: ['plan'], validAt: '2022-01-01' } })).toEqual([
      'talks',
    ]);
    expect(ids({ kinds: [NodeKind.Dialogue], filter: { addresses: ['drugs'], validAt: '2021-09-30' } })).toEqual([]);
  });

  it('pages after filtering and ordering, with the total of the whole list', () => {
    const page = listEntities(nodes, { kinds: [NodeKind.Actor], offset: 1, limit: 2 }, graph);
    expect(page.nodes.map((n) => n.id)).toEqual(['agora-2', 'mx']);
    expect(page.totalCount).toBe(4);
    expect(listEntities(nodes, { kinds: [NodeKind.Actor], offset: 4, limit: 2 }, graph)).toEqual({
      nodes: [],
      totalCount: 4,
      unknownIds: { addresses: [], relatedTo: [] },
    });
  });

  it('reports the ids that name nothing usable, each once, in the order given; they match nothing', () => {
    expect(unknownListIds({ addresses: ['narwhals', 'fent', 'us', 'narwhals'], relatedTo: ['nobody', 'us', 'nobody', 'zz'] }, graph)).toEqual({
      addresses: ['narwhals', 'us'],
      relatedTo: ['nobody', 'zz'],
    });
    expect(unknownListIds(undefined, graph)).toEqual({ addresses: [], relatedTo: [] });
    expect(ids({ filter: { addresses: ['us'] } })).toEqual([]);
    expect(ids({ filter: { relatedTo: ['nobody'] } })).toEqual([]);
  });
});

describe('the relationship-list rule book', () => {
  const rels = (query: Omit<RelationshipListQuery, 'offset' | 'limit'>, offset = 0, limit = 100): string[] =>
    listRelationshipsOf(relationships, { ...query, offset, limit }, graph).relationships.map((r) => r.id);

  it('orders by type, then id, and pages with the total of the whole list', () => {
    expect(rels({ to: 'drugs' })).toEqual(['plan:ADDRESSES:drugs', 'fent:BROADER:drugs', 'opioids:BROADER:drugs']);
    expect(listRelationshipsOf(relationships, { to: 'drugs', offset: 1, limit: 1 }, graph)).toEqual({ relationships: [relationships[2]], totalCount: 3 });
  });

  it('keeps edges of the types, from and to the entities given', () => {
    expect(rels({ types: [EdgeType.ADDRESSES] })).toEqual(['deal:ADDRESSES:trade', 'plan:ADDRESSES:drugs', 'talks:ADDRESSES:fent']);
    expect(rels({ from: 'talks' })).toEqual(['talks:ADDRESSES:fent', 'talks:IMPLEMENTS:plan']);
    expect(rels({ from: 'talks', to: 'plan', types: [EdgeType.ADDRESSES] })).toEqual([]);
    expect(rels({ types: [] })).toHaveLength(relationships.length);
  });

  it('keeps edges with at least one end of the kinds', () => {
    expect(rels({ kinds: [NodeKind.Actor] })).toEqual(['us:PARTY_TO:deal']);
    expect(rels({ kinds: [NodeKind.Agreement, NodeKind.Policy] })).toEqual([
      'deal:ADDRESSES:trade',
      'plan:ADDRESSES:drugs',
      'talks:IMPLEMENTS:plan',
      'us:PARTY_TO:deal',
    ]);
  });

  it('keeps edges that held at validAt between entities that existed then', () => {
    const partyTo = (validAt: string) => rels({ types: [EdgeType.PARTY_TO], validAt });
    expect(partyTo('2020-12-31')).toEqual([]);
    expect(partyTo('2021-01-01')).toEqual(['us:PARTY_TO:deal']);
    expect(partyTo('2023-12-31')).toEqual(['us:PARTY_TO:deal']);
    expect(partyTo('2024-01-01')).toEqual([]);
    expect(rels({ types: [EdgeType.IMPLEMENTS], validAt: '2021-09-30' })).toEqual([]);
    expect(rels({ types: [EdgeType.IMPLEMENTS], validAt: '2021-10-01' })).toEqual(['talks:IMPLEMENTS:plan']);
  });
});
