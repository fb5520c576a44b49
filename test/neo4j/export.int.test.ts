/**
 * Exports read from Neo4j are byte for byte the exports read from the memory store. Uses a Neo4j
 * of its own: the shared test server is emptied and reseeded by suites running in parallel.
 */
import type { Dataset } from '../../src/domain';
import { collectGraph, renderExport, type ExportScope } from '../../src/export';
import { MemoryStore } from '../../src/store/memory';
import { Neo4jStore, connectExecutor, writeDataset, type Neo4jExecutor } from '../../src/store/neo4j';
import { seedDataset } from '../helpers/dataset';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { describeNeo4j } from '../helpers/neo4j-target';
import { startTestNeo4j, type TestNeo4j } from './start';

const SCOPES: readonly ExportScope[] = [
  { kind: 'graph' },
  { kind: 'neighbourhood', id: 'new-deal', depth: 1 },
  { kind: 'neighbourhood', id: 'opioids', depth: 3 },
];

describeNeo4j('exports from Neo4j', () => {
  let neo4j: TestNeo4j;
  let executor: Neo4jExecutor;
  let store: Neo4jStore;

  beforeAll(async () => {
    neo4j = await startTestNeo4j();
    executor = await connectExecutor({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password, timeoutMs: 30_000 });
    store = new Neo4jStore(executor);
  }, 240_000);

  afterAll(async () => {
    await store?.close();
    await neo4j?.stop();
  });

  /** Every format of `scope` from both stores over `dataset`. */
  async function both(dataset: Dataset, scope: ExportScope) {
    const render = async (source: MemoryStore | Neo4jStore) => {
      const graph = await collectGraph(source, scope);
      return {
        json: renderExport(graph, { format: 'json', part: 'nodes', base: 'urn:usmx:' }).body,
        graphml: renderExport(graph, { format: 'graphml', part: 'nodes', base: 'urn:usmx:' }).body,
        jsonld: renderExport(graph, { format: 'jsonld', part: 'nodes', base: 'urn:usmx:' }).body,
        nodes: renderExport(graph, { format: 'csv', part: 'nodes', base: 'urn:usmx:' }).body,
        edges: renderExport(graph, { format: 'csv', part: 'edges', base: 'urn:usmx:' }).body,
        observations: renderExport(graph, { format: 'csv', part: 'observations', base: 'urn:usmx:' }).body,
      };
    };
    return { memory: await render(new MemoryStore(dataset)), neo4j: await render(store) };
  }

  it('gives the same JSON as the memory store for the fixture, whole and by neighbourhood', async () => {
    await writeDataset(executor, fixtureDataset, { reset: true });
    for (const scope of SCOPES) {
      const { memory, neo4j: fromNeo4j } = await both(fixtureDataset, scope);
      expect(JSON.parse(fromNeo4j.json)).toEqual(JSON.parse(memory.json));
      expect(fromNeo4j).toEqual(memory);
      // A neighbourhood's GraphML draws its citations to the Source nodes it cites (read by id from each store).
      if (scope.kind === 'neighbourhood') expect(fromNeo4j.graphml).toContain('<data key="node_kind">Source</data>');
    }
  }, 120_000);

  it('gives the same bytes in every format as the memory store for the seeds', async () => {
    const dataset = seedDataset();
    await writeDataset(executor, dataset, { reset: true });
    const { memory, neo4j: fromNeo4j } = await both(dataset, { kind: 'graph' });
    expect(JSON.parse(fromNeo4j.json)).toMatchObject({ datasetVersion: dataset.version });
    expect(fromNeo4j).toEqual(memory);
  }, 120_000);
});
