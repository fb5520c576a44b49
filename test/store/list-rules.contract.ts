import { EdgeType, NodeKind, listEntities, listRelationshipsOf, type GraphStore, type NodeFilter, type RelationshipListQuery } from '../../src/domain';
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
