/**
 * The Neo4j store against a real Neo4j: the store contract, every Cypher file through the real
 * parser, idempotent seeding, identical answers to every example operation on both stores, and
 * round trips per request. One file, so its suites run in order on the one shared database.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectGraph, toYaml } from '../../src/export';
import { loadSeeds } from '../../src/seed';
import neo4j from 'neo4j-driver';
import { MemoryStore } from '../../src/store/memory';
import { Neo4jStore, STATEMENTS, connectExecutor, loadStatements, writeDataset, type Neo4jExecutor } from '../../src/store/neo4j';
import { defineStoreContract } from '../store/contract';
import { countingStore } from '../helpers/counting-store';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';
import { runCypher } from '../helpers/neo4j-cypher';
import { describeNeo4j } from '../helpers/neo4j-target';
import { exampleOperations } from '../graphql/examples';
import { AMPLIFICATION_QUERY, HUNDRED_ENTITIES_QUERY, THIRTY_SEARCHES_QUERY } from '../helpers/costly-queries';

describeNeo4j('Neo4j store', (target) => {
  defineStoreContract('neo4j', async (dataset) => {
    const executor = await connectExecutor(target);
    await writeDataset(executor, dataset, { reset: true });
    return new Neo4jStore(executor);
  });

  describe('cypher/', () => {
    let executor: Neo4jExecutor;
    beforeAll(async () => {
      executor = await connectExecutor(target);
    });
    afterAll(() => executor.driver.close());

    const statements = [...loadStatements()];
    const parameters: Record<string, unknown> = {
      ids: ['a'],
      queries: [{ nodeId: 'a', direction: 'BOTH', types: [], kinds: [], validAt: null, metricId: 'm', from: null, to: null, dimensions: {} }],
      validAt: null,
      kinds: [],
      types: [],
      topics: [],
      relatedTo: [],
      from: null,
      to: null,
      offset: neo4j.int(0),
      limit: neo4j.int(1),
      query: 'x',
      candidates: neo4j.int(1),
      targets: ['ENTITY', 'RELATIONSHIP', 'OBSERVATION'],
      terms: [{ word: 'x', query: 'x' }],
      rows: [],
      entityIds: [],
      observationIds: [],
      relationshipIds: [],
      version: 'v',
      digest: '0'.repeat(64),
      seededVersion: 'v',
      // cypher/change/
      id: 'a',
      kind: 'Actor',
      type: 'ADDRESSES',
      properties: {},
      actor: 'alice',
      at: '2024-05-01T12:00:00.000Z',
      sources: ['s#1'],
      metricId: 'm',
      keys: ['state'],
      shown: neo4j.int(3),
      start: 'a',
      end: 'b',
      // cypher/citation/
      sourceIds: ['s'],
    };

    it('holds one statement per file with $camelCase parameters only (nothing to fill in as text)', () => {
      expect(statements.length).toBeGreaterThanOrEqual(20);
      for (const [name, text] of statements) {
        const code = text.replace(/\/\/.*$/gm, '');
        expect([name, /\$\{|%s|\{\{/.test(code)]).toEqual([name, false]);
        expect([name, (code.match(/\$[A-Za-z_]\w*/g) ?? []).filter((p) => !/^\$[a-z][a-zA-Z0-9]*$/.test(p))]).toEqual([name, []]);
        expect([name, code.trim().split(/;\s*\n/).length]).toEqual([name, 1]);
      }
    });

    it.each(statements.filter(([name]) => !name.startsWith('schema/')).map(([name, text]) => [name, text] as const))(
      'EXPLAIN %s parses and plans on the real server',
      async (_name, text) => {
        const result = await runCypher(executor.driver, `EXPLAIN ${text}`, parameters);
        expect(result.summary.plan).toBeTruthy();
      },
    );

    it('creates the schema idempotently (every statement in cypher/schema twice)', async () => {
      for (let round = 0; round < 2; round++) {
        for (const name of STATEMENTS.filter((n) => n.startsWith('schema/'))) {
          await expect(executor.execute(name, {}, 'auto-commit')).resolves.toBeDefined();
        }
      }
      const indexes = await runCypher(executor.driver, 'SHOW INDEXES YIELD name RETURN collect(name) AS names');
      expect(indexes.records[0].get('names')).toEqual(
        expect.arrayContaining(['search_nodes', 'search_relationships', 'entity_search_words', 'entity_sort', 'observation_metric']),
      );
    });
  });

  describe('seeding', () => {
    let executor: Neo4jExecutor;
    let store: Neo4jStore;
    beforeAll(async () => {
      executor = await connectExecutor(target);
      store = new Neo4jStore(executor);
    });
    afterAll(() => store.close());

    it('writes the seeds idempotently: twice gives the same counts, and matches the memory store', async () => {
      const dataset = seedDataset();
      await writeDataset(executor, dataset, { reset: true });
      const first = await store.getStats();
      await writeDataset(executor, dataset);
      const second = await store.getStats();
      expect(second).toEqual(first);
      expect(first).toEqual(await new MemoryStore(dataset).getStats());
      expect(await store.getDatasetVersion()).toBe(dataset.version);
    });

    it('npm run seed: prints counts per kind, the same twice; --reset clears first', async () => {
      const seed = (...args: string[]) =>
        execFileSync(process.execPath, ['--import', 'tsx', 'src/seed-db.ts', ...args], {
          env: { PATH: process.env.PATH ?? '', NEO4J_URI: target.uri, NEO4J_USERNAME: target.username, NEO4J_PASSWORD: target.password },
          encoding: 'utf8',
        });
      const counts = (output: string) =>
        output
          .split('\n')
          .slice(1)
          .filter((line) => !line.startsWith('reset: '))
          .join('\n');
      const first = seed('--reset');
      expect(first).toMatch(/^seeded bolt:\/\/\S+ with dataset [0-9a-f]{16} \(after reset\) in \d+ ms$/m);
      expect(first).toMatch(/^reset: removed \d+ nodes of this project \(Entity, Observation, Dataset, Change\); other nodes stay$/m);
      expect(first).toMatch(/^nodes: Actor \d+, Policy \d+, Agreement \d+, Dialogue \d+, Event \d+, Topic \d+, Metric \d+, Source \d+$/m);
      const second = seed();
      expect(counts(second)).toBe(counts(first));
      const stats = await new MemoryStore(seedDataset()).getStats();
      expect(first).toContain(`relationships: ${stats.relationships}, observations: ${stats.observations}`);
    }, 60_000);

    it('removes what the seeds no longer hold', async () => {
      const dataset = seedDataset();
      const smaller = { ...dataset, observations: dataset.observations.slice(1), relationships: dataset.relationships.slice(1) };
      await writeDataset(executor, smaller);
      const stats = await store.getStats();
      expect([stats.relationships, stats.observations]).toEqual([dataset.relationships.length - 1, dataset.observations.length - 1]);
      await writeDataset(executor, dataset);
      expect(await store.getStats()).toEqual(await new MemoryStore(dataset).getStats());
    });

    it("versions the live graph: re-seeding keeps a curated record and its version, equal to the memory store's", async () => {
      const dataset = seedDataset();
      await writeDataset(executor, dataset, { reset: true });
      expect(await store.getDatasetVersion()).toBe(dataset.version);
      const change = {
        op: 'addObservation',
        observation: { metric: 'us-mexico-goods-trade', value: 779.3, period: '2023' },
        sources: ['deck-2022#7'],
        actor: 'alice',
        at: '2024-05-01T12:00:00.000Z',
      } as const;
      await store.applyChange(change);
      const memory = new MemoryStore(dataset);
      await memory.applyChange(change);
      const curated = await store.getDatasetVersion();
      expect(curated).not.toBe(dataset.version);
      expect(curated).toBe(await memory.getDatasetVersion());
      // `npm run seed` over it keeps the curated observation, so the data, and the version, stay.
      await writeDataset(executor, dataset);
      expect(await store.getDatasetVersion()).toBe(curated);
      // What the server compares with its seed files at start-up: the seeds alone.
      expect(await store.getSeededVersion()).toBe(dataset.version);
      // The curated graph exported as seed YAML, read back and seeded afresh: the same version.
      const dir = mkdtempSync(join(tmpdir(), 'usmx-reseed-'));
      try {
        writeFileSync(join(dir, 'export.yaml'), toYaml(await collectGraph(store, { kind: 'graph' })));
        const reread = loadSeeds(dir);
        expect(reread.version).toBe(curated);
        await writeDataset(executor, reread, { reset: true });
        expect(await store.getDatasetVersion()).toBe(curated);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await writeDataset(executor, dataset, { reset: true });
      expect(await store.getDatasetVersion()).toBe(dataset.version);
    });
  });

  describe('every example operation gives identical JSON on both stores', () => {
    let memory: TestServer;
    let graph: TestServer;
    let store: Neo4jStore;
    beforeAll(async () => {
      const executor = await connectExecutor(target);
      await writeDataset(executor, seedDataset());
      store = new Neo4jStore(executor);
      memory = await startTestServer(new MemoryStore(seedDataset()));
      graph = await startTestServer(store);
    });
    afterAll(async () => {
      await memory.close();
      await graph.close();
      await store.close();
    });

    it.each(exampleOperations().map((o) => [o.name, o] as const))('%s', async (name, op) => {
      const [fromMemory, fromNeo4j] = await Promise.all([memory.post(op.document, undefined, name), graph.post(op.document, undefined, name)]);
      expect(fromNeo4j.errors).toBeUndefined();
      expect(fromNeo4j).toEqual(fromMemory);
    });
  });

  describe('round trips per request on Neo4j', () => {
    let server: TestServer;
    let counting: ReturnType<typeof countingStore>;
    let store: Neo4jStore;
    beforeAll(async () => {
      store = new Neo4jStore(await connectExecutor(target));
      counting = countingStore(store);
      server = await startTestServer(counting.store);
    });
    afterAll(async () => {
      await server.close();
      await store.close();
    });

    it('runs one Cypher statement per nesting level for a depth-3 query over 20+ entities', async () => {
      const query = readFileSync('test/graphql/depth3.graphql', 'utf8');
      counting.reset();
      const before = store.statementsRun;
      const result = await server.execute(query);
      expect(result.errors).toBeUndefined();
      expect(JSON.stringify(result.data).match(/"id"/g)!.length).toBeGreaterThanOrEqual(20);
      expect(counting.calls.map((c) => c.method)).toEqual(['findNodes', 'getRelationships', 'getRelationships']);
      // One per level, and one for the dataset version every answer carries (src/server/apollo.ts).
      expect(store.statementsRun - before).toBe(4);
    });

    it('answers what sources back, and the graph-wide relationships, with one statement per level', async () => {
      counting.reset();
      const before = store.statementsRun;
      const result = await server.execute(`{
        sources(first: 10) { edges { node { id slides backs(first: 10) { edges { node { relationship { start { id } end { id } } observation { metric { id } } } } } } } }
        relationships(filter: { types: [REPLACES] }) { edges { node { start { id } end { id } } } }
      }`);
      expect(result.errors).toBeUndefined();
      // level 1: sources and relationships; level 2: the sources' slides and what they back, and the
      // relationships' ends (one getNodesByIds); level 3: the backed edges' ends and metrics (one more).
      expect(counting.calls.map((c) => c.method).sort()).toEqual([
        'findNodes',
        'findRelationships',
        'getCitedItems',
        'getCitedSlides',
        'getNodesByIds',
        'getNodesByIds',
      ]);
      // …plus the dataset version every answer carries (extensions.datasetVersion).
      expect(store.statementsRun - before).toBe(7);
    });
  });

  describe('cost estimate and time budget on Neo4j', () => {
    let server: TestServer;
    let store: Neo4jStore;
    beforeAll(async () => {
      const executor = await connectExecutor(target);
      await writeDataset(executor, seedDataset());
      store = new Neo4jStore(executor);
      server = await startTestServer(store);
    });
    afterAll(async () => {
      await server.close();
      await store.close();
    });

    it('reads the same degree statistics from stats/get-degrees as the memory store computes', async () => {
      expect(await store.getDegreeStats()).toEqual(await new MemoryStore(seedDataset()).getDegreeStats());
    });

    it.each([
      ['nine aliases of mexico with four levels of relationships', AMPLIFICATION_QUERY],
      ['thirty aliased fuzzy searches', THIRTY_SEARCHES_QUERY],
    ])('refuses %s before running it', async (_name, query) => {
      const before = store.statementsRun;
      const result = await server.post(query);
      expect(result.data ?? undefined).toBeUndefined();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', allowed: 200_000 });
      expect(result.errors![0].extensions?.measured).toBeGreaterThan(200_000);
      expect(store.statementsRun).toBe(before);
    });

    it('accepts a page of 100 entities with the nested fields of the examples, as the memory store answers it', async () => {
      const memory = await startTestServer(new MemoryStore(seedDataset()));
      try {
        const [fromNeo4j, fromMemory] = await Promise.all([server.post(HUNDRED_ENTITIES_QUERY), memory.post(HUNDRED_ENTITIES_QUERY)]);
        expect(fromNeo4j.errors).toBeUndefined();
        expect(fromNeo4j).toEqual(fromMemory);
      } finally {
        await memory.close();
      }
    });

    it('stops a request past its time budget with TIME_BUDGET_EXCEEDED', async () => {
      // 1 ms cannot cover three Neo4j statements (the entity, then two levels of edges): some finds the deadline passed.
      const hurried = await startTestServer(store, { limits: { timeBudgetMs: 1 } });
      try {
        const result = await hurried.post('{ entity(id: "mexico") { relationships { node { relationships { node { id } } } } } }');
        expect(result.errors?.length).toBeGreaterThan(0);
        expect(result.errors!.map((e) => e.extensions?.code)).toContain('TIME_BUDGET_EXCEEDED');
      } finally {
        await hurried.close();
      }
    });

    it("prices with another replica's change once it reads the new dataset version (last: it writes)", async () => {
      const before = await store.getDegreeStats();
      await store.getDatasetVersion();
      const replica = new Neo4jStore(await connectExecutor(target));
      try {
        const meta = { sources: ['deck-2022#29'], actor: 'replica-test', at: '2026-01-01T00:00:00.000Z' };
        await replica.applyChange({ op: 'addRelationship', relationship: { from: 'hlsd', type: 'ADDRESSES', to: 'remittances' }, ...meta });
        // Cached until this process sees the version move on, which every GraphQL answer reads.
        expect((await store.getDegreeStats()).relationships).toBe(before.relationships);
        await store.getDatasetVersion();
        expect((await store.getDegreeStats()).relationships).toBe(before.relationships + 1);
      } finally {
        await replica.close();
      }
    });
  });
});
