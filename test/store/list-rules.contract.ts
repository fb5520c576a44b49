import {
  EdgeType,
  NodeKind,
  listEntities,
  listRelationshipsOf,
  type Dataset,
  type GraphStore,
  type NodeFilter,
  type NodeQuery,
  type RelationshipListQuery,
  type StoreFactory,
} from '../../src/domain';
import { seedDataset } from '../helpers/dataset';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { datasetListGraph } from '../helpers/list-graph';

const graph = datasetListGraph(fixtureDataset);

/** Kinds of entity lists: all, one, several, and a kind without dates or subtypes. */
const KIND_SETS: NodeKind[][] = [[], [NodeKind.Actor], [NodeKind.Agreement, NodeKind.Dialogue, NodeKind.Policy], [NodeKind.Topic]];

/** Each filter criterion at its edges over the fixture, alone and together, and ids that name nothing. */
const NODE_FILTERS: NodeFilter[] = [
  {},
  { types: ['COUNTRY', 'TRADE'] },
  { addresses: ['drugs'] },
  { addresses: ['opioids', 'trade'] },
  { relatedTo: ['us'] },
  { relatedTo: ['talks', 'trade'] },
  { from: '2020-07-01' },
  { to: '2018-11-30' },
  { from: '2021-10-31', to: '2021-10-31' },
  { validAt: '2020-06-30' },
  { validAt: '2020-07-01' },
  { validAt: '2021-10-01' },
  { addresses: ['drugs'], relatedTo: ['new-plan'], validAt: '2022-01-01', from: '2021-01-01' },
  { types: ['BILATERAL'], addresses: ['trade', 'fent'], to: '2021-09-30' },
  { addresses: ['us', 'drugs', 'nowhere'], relatedTo: ['nobody', 'new-plan'] },
];

/** Graph-wide relationship lists: each criterion at its edges, alone and together. */
const RELATIONSHIP_QUERIES: Array<Omit<RelationshipListQuery, 'offset' | 'limit'>> = [
  {},
  { types: [EdgeType.PARTY_TO, EdgeType.BROADER] },
  { from: 'us' },
  { to: 'talks' },
  { from: 'talks', to: 'new-plan' },
  { kinds: [NodeKind.Topic] },
  { kinds: [NodeKind.Actor, NodeKind.Policy] },
  { validAt: '2020-06-30' },
  { validAt: '2020-07-01' },
  { validAt: '2021-10-01' },
  { types: [EdgeType.PARTY_TO], kinds: [NodeKind.Agreement], validAt: '2019-01-01' },
];

const PAGES = [
  { offset: 0, limit: 100 },
  { offset: 1, limit: 2 },
];

/**
 * Part of the store contract (contract.ts), over the fixture store: for a table of list
 * arguments, each store's page is the domain rule book's (list-filter.ts, relationship-list.ts)
 * over the whole fixture — so the Cypher pushdown is held to the same rules as the memory store.
 */
export function defineListRulesContract(store: () => GraphStore): void {
  describe('lists follow the rule book', () => {
    it.each(NODE_FILTERS.map((filter) => [filter]))('findNodes with filter %j, every kind set and page', async (filter) => {
      let found = 0;
      for (const kinds of KIND_SETS) {
        for (const page of PAGES) {
          const query = { kinds, filter, ...page };
          const expected = listEntities(fixtureDataset.nodes, query, graph);
          expect({ kinds, page, answer: await store().findNodes(query) }).toEqual({ kinds, page, answer: expected });
          found += expected.totalCount;
        }
      }
      // The table asks questions with answers: every filter keeps something for some kinds.
      expect(found).toBeGreaterThan(0);
    });

    it.each(RELATIONSHIP_QUERIES.map((q) => [q]))('findRelationships with %j, every page', async (q) => {
      for (const page of PAGES) {
        const query = { ...q, ...page };
        const expected = listRelationshipsOf(fixtureDataset.relationships, query, graph);
        expect({ page, answer: await store().findRelationships(query) }).toEqual({ page, answer: expected });
        expect(expected.totalCount).toBeGreaterThan(0);
      }
    });
  });
}

/**
 * A table of list arguments over the committed seeds, derived from them (the topics with narrower
 * ones, the most connected entities, the subtypes in use), so it follows the seeds as they grow.
 */
function seedListQueries(seeds: Dataset): NodeQuery[] {
  const degree = new Map<string, number>();
  for (const r of seeds.relationships) for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const hubs = [...degree].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  const broad = [...new Set(seeds.relationships.filter((r) => r.type === EdgeType.BROADER).map((r) => r.to))].sort();
  const types = [...new Set(seeds.nodes.map((n) => n.type).filter((t): t is string => t !== null))].sort();
  const filters: NodeFilter[] = [
    {},
    { addresses: broad.slice(0, 1) },
    { addresses: broad.slice(1, 3) },
    { relatedTo: hubs.slice(0, 1) },
    { relatedTo: hubs.slice(1, 3) },
    { types: types.slice(0, 3) },
    { from: '2021-01-01', to: '2021-12-31' },
    { to: '2000-12-31' },
    { validAt: '2019-06-01' },
    { validAt: '2022-01-01', relatedTo: hubs.slice(0, 1) },
    { addresses: broad.slice(0, 2), from: '2018-01-01' },
  ];
  return filters.flatMap((filter) => KIND_SETS.map((kinds) => ({ kinds, filter, offset: 0, limit: 1000 })));
}

/**
 * Part of the store contract (contract.ts), on a store of the committed seeds (last: on Neo4j it
 * resets the one shared database): every list of the table is the rule book's over the seeds.
 */
export function defineSeedListContract(createStore: StoreFactory): void {
  describe('lists over the seeds follow the rule book', () => {
    const seeds = seedDataset();
    const graph = datasetListGraph(seeds);
    let store: GraphStore;
    beforeAll(async () => {
      store = await createStore(seeds);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('findNodes: each filter of the table, for all kinds, one kind and several', async () => {
      let found = 0;
      for (const query of seedListQueries(seeds)) {
        const expected = listEntities(seeds.nodes, query, graph);
        expect({ query, answer: await store.findNodes(query) }).toEqual({ query, answer: expected });
        found += expected.totalCount;
      }
      expect(found).toBeGreaterThan(seeds.nodes.length);
      // 44 lists of up to every entity: on a busy machine Neo4j needs more than the default 30 s.
    }, 120_000);
  });
}
