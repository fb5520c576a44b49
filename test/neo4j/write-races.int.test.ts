/**
 * Identical curated changes sent at once through GraphQL to a real Neo4j: exactly one is
 * acknowledged as new, the others get the same duplicate message the memory store gives, and
 * no message shows Neo4j's internals (its "Node(123) already exists with label …" text). A private
 * Neo4j, so no other suite's writes run between.
 */
import neo4j from 'neo4j-driver';
import { MemoryStore } from '../../src/store/memory';
import { Neo4jStore, connectExecutor, writeDataset, type Neo4jExecutor } from '../../src/store/neo4j';
import { seedDataset } from '../helpers/dataset';
import { type GraphQLResult, postAs, startTestServer, type TestServer } from '../helpers/graphql';
import { runCypher } from '../helpers/neo4j-cypher';
import { describeNeo4j } from '../helpers/neo4j-target';
import { startTestNeo4j, type TestNeo4j } from './start';

const TOKEN = 'alice-token-0123456789';
const COPIES = 8;

const post = (server: TestServer, query: string): Promise<GraphQLResult> => postAs(server, query, `Bearer ${TOKEN}`);

/** The same mutation COPIES times at once; answers split into acknowledged and refused. */
async function race(server: TestServer, mutation: string): Promise<{ acknowledged: GraphQLResult[]; refused: Array<{ message: string; code: unknown }> }> {
  const results = await Promise.all(Array.from({ length: COPIES }, () => post(server, mutation)));
  return {
    acknowledged: results.filter((r) => r.errors === undefined),
    refused: results.flatMap((r) => (r.errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code }))),
  };
}

const MUTATIONS = {
  addRelationship:
    'mutation { addRelationship(input: { from: "usmca", type: ADDRESSES, to: "remittances" }, sources: ["deck-2022#7"]) { relationship { id } recordedBy } }',
  createEntity:
    'mutation { createEntity(input: { id: "race-topic", kind: Topic, name: "Race topic" }, sources: ["deck-2022#7"]) { entity { id } recordedBy } }',
  addObservation:
    'mutation { addObservation(input: { metric: "us-mexico-goods-trade", value: 1, unit: USD_BILLION, period: "2031" }, sources: ["deck-2022#7"]) { observation { id } recordedBy } }',
};

describeNeo4j('Neo4j identical concurrent changes (private Neo4j)', () => {
  let target: TestNeo4j;
  let executor: Neo4jExecutor;
  let server: TestServer;
  let memory: TestServer;
  let neo4jStore: Neo4jStore;
  let memoryStore: MemoryStore;
  beforeAll(async () => {
    target = await startTestNeo4j();
    executor = await connectExecutor({ uri: target.uri, username: target.username, password: target.password, timeoutMs: 30_000 });
    await writeDataset(executor, seedDataset(), { reset: true });
    const tokens = { curatorTokens: new Map([['alice', TOKEN]]) };
    neo4jStore = new Neo4jStore(executor);
    memoryStore = new MemoryStore(seedDataset());
    server = await startTestServer(neo4jStore, tokens);
    memory = await startTestServer(memoryStore, tokens);
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    await memory?.close();
    await executor?.driver.close();
    await target?.stop();
  });

  async function count(cypher: string): Promise<number> {
    const result = await runCypher(executor.driver, cypher);
    return neo4j.integer.toNumber(result.records[0].get(0));
  }

  it.each(Object.keys(MUTATIONS) as Array<keyof typeof MUTATIONS>)(
    "%s: one acknowledged, the rest refused as duplicates with the memory store's message",
    async (op) => {
      const mutation = MUTATIONS[op];
      const answers = await race(server, mutation);
      // The memory store, asked twice, says what a duplicate is.
      expect((await post(memory, mutation)).errors).toBeUndefined();
      const duplicate = (await post(memory, mutation)).errors?.[0];
      expect(duplicate).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });

      expect(answers.acknowledged).toHaveLength(1);
      expect(answers.refused).toEqual(Array.from({ length: COPIES - 1 }, () => ({ message: duplicate!.message, code: 'BAD_USER_INPUT' })));
      for (const refusal of answers.refused) expect(refusal.message).not.toMatch(/Node\(\d+\)|Relationship\(\d+\)|already exists with/);
    },
  );

  it('stores one of each, and the dataset version counts each once (as on the memory store)', async () => {
    expect(await neo4jStore.getDatasetVersion()).toBe(await memoryStore.getDatasetVersion());
    expect(await count("MATCH (:Entity {id: 'usmca'})-[r:ADDRESSES]->(:Entity {id: 'remittances'}) RETURN count(r)")).toBe(1);
    expect(await count("MATCH (n:Entity {id: 'race-topic'}) RETURN count(n)")).toBe(1);
    expect(await count("MATCH (:Entity {id: 'us-mexico-goods-trade'})-[:HAS_OBSERVATION]->(o:Observation {period: '2031'}) RETURN count(o)")).toBe(1);
  });

  it("answers a uniqueness-constraint violation with the domain's duplicate message, never Neo4j's node ids", async () => {
    const at = '2024-05-01T12:00:00.000Z';
    const entity = executor.transaction('change/createEntity', (run) =>
      run('change/create-entity', { kind: 'Topic', properties: { id: 'remittances', name: 'Again' }, actor: 'alice', at }),
    );
    await expect(entity).rejects.toMatchObject({ message: 'duplicate id "remittances": already defined', code: 'BAD_USER_INPUT' });
    const existing = (await runCypher(executor.driver, 'MATCH (o:Observation) RETURN o.id AS id, o.metricId AS metric ORDER BY o.id LIMIT 1')).records[0];
    const observation = executor.transaction('change/addObservation', (run) =>
      run('change/add-observation', {
        metricId: existing.get('metric'),
        properties: { id: existing.get('id'), metricId: existing.get('metric'), value: 1 },
        actor: 'alice',
        at,
      }),
    );
    await expect(observation).rejects.toMatchObject({
      message: `duplicate observation ${existing.get('id') as string}: already defined`,
      code: 'BAD_USER_INPUT',
    });
    await expect(observation).rejects.not.toMatchObject({ message: expect.stringMatching(/Node\(\d+\)|already exists with/) });
  });

  it('decides "new or already there" in the write itself: eight concurrent merges without the dataset lock, one new', async () => {
    // The dataset lock serializes whole changes today; the duplicate decision must not depend on
    // it (an earlier read let all eight through once the lock was out of the way).
    const at = '2024-05-01T12:00:00.000Z';
    const params = {
      id: 'nafta:ADDRESSES:remittances',
      type: 'ADDRESSES',
      from: 'nafta',
      to: 'remittances',
      properties: { id: 'nafta:ADDRESSES:remittances', sources: ['deck-2022#7'] },
      actor: 'alice',
      at,
    };
    const existed = await Promise.all(
      Array.from({ length: COPIES }, () =>
        executor.transaction('change/addRelationship', async (run) => (await run('change/merge-relationship', params)).records[0].get('existed') as unknown),
      ),
    );
    expect(existed.filter((e) => e === false)).toHaveLength(1);
    expect(existed.filter((e) => e === true)).toHaveLength(COPIES - 1);
    expect(await count("MATCH (:Entity {id: 'nafta'})-[r:ADDRESSES {id: 'nafta:ADDRESSES:remittances'}]->(:Entity {id: 'remittances'}) RETURN count(r)")).toBe(
      1,
    );
  });
});
