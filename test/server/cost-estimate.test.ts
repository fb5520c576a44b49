import { getIntrospectionQuery } from 'graphql';
import { loadConfig } from '../../src/config';
import { StoreUnavailableError, type GraphStore } from '../../src/domain';
import { MemoryStore } from '../../src/store/memory';
import { AMPLIFICATION_QUERY, HUNDRED_ENTITIES_QUERY, THIRTY_SEARCHES_QUERY } from '../helpers/costly-queries';
import { seedDataset } from '../helpers/dataset';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { startTestServer, type GraphQLResult, type TestServer } from '../helpers/graphql';

const { maxCost } = loadConfig({}).limits;

function refusal(result: GraphQLResult) {
  expect(result.data ?? undefined).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  return result.errors![0];
}

/** Issue F's costly operations against the default limits, on the memory store over the seeds (the Neo4j twin is in test/neo4j). */
describe('the cost estimate at the default limits (memory store, the seeds)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(new MemoryStore(seedDataset()));
  });
  afterAll(() => server.close());

  it.each([
    ['nine aliases of mexico with four levels of relationships', AMPLIFICATION_QUERY],
    ['thirty aliased fuzzy searches', THIRTY_SEARCHES_QUERY],
  ])('refuses %s before running it, with the measured and the allowed cost', async (_name, query) => {
    const error = refusal(await server.post(query));
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', allowed: maxCost });
    expect(error.extensions?.measured).toBeGreaterThan(maxCost);
    expect(error.message).toBe(`query cost ${error.extensions?.measured} exceeds the allowed ${maxCost}`);
  });

  it('accepts the introspection query Apollo Sandbox and GraphiQL send to read the schema', async () => {
    const result = await server.post(
      getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true }),
    );
    expect(result.errors).toBeUndefined();
    expect((result.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(50);
  });

  it('accepts a page of 100 entities with the nested fields of the examples', async () => {
    const result = await server.post(HUNDRED_ENTITIES_QUERY);
    expect(result.errors).toBeUndefined();
    expect((result.data as { entities: { edges: unknown[] } }).entities.edges).toHaveLength(100);
  });

  it('accepts a handful of searches in one request', async () => {
    const result = await server.post(
      '{ a: search(query: "Merida") { entity { id } } b: search(query: "T-MEC") { entity { id } } c: search(query: "fentanyl") { entity { id } } }',
    );
    expect(result.errors).toBeUndefined();
  });
});

describe('the cost estimate follows curated changes', () => {
  // maxCost 1 refuses everything and reports the estimate. `relationships` under an entity is
  // priced at the largest degree in the graph: 5 in the fixture (talks) → 1 + 1 + 5 × 1 = 7.
  const query = '{ entity(id: "mx") { relationships { id } } }';
  const meta = { sources: ['src#2'], actor: 'alice', at: '2024-05-01T12:00:00.000Z' };
  let store: MemoryStore;
  let server: TestServer;
  beforeAll(async () => {
    store = new MemoryStore(fixtureDataset);
    server = await startTestServer(store, { limits: { maxCost: 1 } });
  });
  afterAll(() => server.close());

  const measured = async () => refusal(await server.post(query)).extensions?.measured;

  it('prices by the degree statistics as they are after each change', async () => {
    expect(await measured()).toBe(7);
    await store.applyChange({ op: 'createEntity', entity: { id: 'summit', kind: 'Dialogue', type: 'TRILATERAL', name: 'Leaders Summit' }, ...meta });
    for (const from of ['us', 'mx', 'agora', 'texas'])
      await store.applyChange({ op: 'addRelationship', relationship: { from, type: 'PARTY_TO', to: 'summit' }, ...meta });
    for (const to of ['fent', 'trade', 'drugs', 'opioids'])
      await store.applyChange({ op: 'addRelationship', relationship: { from: 'summit', type: 'ADDRESSES', to }, ...meta });
    // summit now has 8 edges: 1 + 1 + 8 = 10
    expect(await measured()).toBe(10);
    await store.applyChange({ op: 'retireEntity', id: 'summit', ...meta });
    expect(await measured()).toBe(7);
  });
});

describe('when the degree statistics cannot be read', () => {
  it("answers SERVICE_UNAVAILABLE with the store's message, not an internal error", async () => {
    const inner = new MemoryStore(fixtureDataset);
    let up = true;
    // Read once at start-up; later (after a change, with Neo4j gone) the read fails.
    const store: GraphStore = Object.create(inner, {
      getDegreeStats: {
        value: () => (up ? inner.getDegreeStats() : Promise.reject(new StoreUnavailableError('Neo4j at bolt://db:7687 is unavailable (connection refused)'))),
      },
    }) as GraphStore;
    const server = await startTestServer(store);
    try {
      up = false;
      const error = refusal(await server.post('{ entity(id: "mx") { id } }'));
      expect(error.message).toBe('Neo4j at bolt://db:7687 is unavailable (connection refused)');
      expect(error.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await server.close();
    }
  });
});
