import { readFileSync } from 'node:fs';
import { MemoryStore } from '../../src/store/memory';
import { countingStore } from '../helpers/counting-store';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';

/** Collects every `id` in a result, to count the entities a query touched. */
function ids(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => ids(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' && typeof v === 'string') into.add(v);
      else ids(v, into);
    }
  }
  return into;
}

describe('store round trips per request (memory store)', () => {
  const counting = countingStore(new MemoryStore(seedDataset()));
  let server: TestServer;
  beforeAll(async () => {
    // Batched as main.ts batches for the memory store: once the microtasks drain.
    server = await startTestServer(counting.store, {}, { loaderSchedule: 'microtask' });
  });
  afterAll(() => server.close());
  beforeEach(() => counting.reset());

  it('costs one store call per nesting level for a depth-3 query over 20+ entities', async () => {
    // level 1: one findNodes; level 2: one getRelationships for all 40 actors; level 3: one
    // more for every agreement's and dialogue's fields together.
    const result = await server.execute(readFileSync('test/graphql/depth3.graphql', 'utf8'));
    expect(result.errors).toBeUndefined();
    expect(ids(result.data).size).toBeGreaterThanOrEqual(20);
    expect(counting.calls.map((c) => c.method)).toEqual(['findNodes', 'getRelationships', 'getRelationships']);
    expect(counting.calls[1].keys).toBe(40);
  });

  it('batches sibling fields and interface fields of one level into one call', async () => {
    const result = await server.execute(`{
      topics(first: 30) { edges { node { id
        broader { id }
        narrower { id narrower { id } }
        addressedBy { id }
        measuredBy { id observations { value } }
        relationships(direction: IN) { type node { id } }
      } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(ids(result.data).size).toBeGreaterThanOrEqual(20);
    // level 1: topics; level 2: all relationship fields of 30 topics; level 3: narrower-of-narrower
    // and the metrics' observations, each a different store method but the same level.
    expect(counting.calls.map((c) => c.method)).toEqual(['findNodes', 'getRelationships', 'getRelationships', 'getObservations']);
  });

  it('finds connections with one store call per hop of search', async () => {
    const result = await server.execute('{ connections(from: "amlo", to: "usmca", maxHops: 4) { shortestLength paths { length } } }');
    expect(result.errors).toBeUndefined();
    const walks = counting.calls.filter((c) => c.method === 'getRelationships').length;
    // the shortest path has 1 hop, so the search goes 1 + 1 (EXTRA_HOPS) levels out, plus the start
    expect(walks).toBeLessThanOrEqual(3);
  });

  it('builds a depth-2 neighbourhood with one store call per level, and one for the edges among the last level', async () => {
    const result = await server.execute('{ neighbourhood(id: "hlsd", depth: 2, limit: 200) { nodes { id } } }');
    expect(result.errors).toBeUndefined();
    expect(counting.calls.map((c) => c.method)).toEqual(['getNodesByIds', 'getRelationships', 'getRelationships', 'getRelationships']);
  });

  it('loads citations of a whole level in one getNodesByIds', async () => {
    const result = await server.execute(`{
      dialogues(first: 10) { edges { node { id sources { slide source { id } } addresses { id sources { source { id } } } } } }
    }`);
    expect(result.errors).toBeUndefined();
    // level 1: dialogues; level 2: their citations' sources and their topics (two store methods,
    // one call each, issued together); level 3: the topics' citations' sources.
    expect(counting.calls.map((c) => c.method).sort()).toEqual(['findNodes', 'getNodesByIds', 'getNodesByIds', 'getRelationships']);
  });

  it('answers what sources back, with both ends of each edge, in one store call per level', async () => {
    const result = await server.execute(`{
      sources(first: 10) { edges { node { id slides
        backs(first: 10) { edges { node { kind entity { id } relationship { start { id } end { id } node { id } } observation { metric { id } } } } }
      } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(ids(result.data).size).toBeGreaterThanOrEqual(30);
    // level 1: the sources; level 2: their slides and what they back (one call each, for all 10);
    // level 3: the edges' ends and the observations' metrics, one getNodesByIds.
    expect(counting.calls.map((c) => c.method).sort()).toEqual(['findNodes', 'getCitedItems', 'getCitedSlides', 'getNodesByIds']);
    expect(counting.calls.find((c) => c.method === 'getCitedItems')!.keys).toBe(10);
  });

  it('lists relationships graph-wide with their ends in two store calls', async () => {
    const result = await server.execute('{ relationships(first: 100) { edges { node { start { id } end { id } node { id } } } } }');
    expect(result.errors).toBeUndefined();
    expect(ids(result.data).size).toBeGreaterThanOrEqual(50);
    expect(counting.calls.map((c) => c.method)).toEqual(['findRelationships', 'getNodesByIds']);
  });
});
