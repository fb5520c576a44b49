/**
 * Two API replicas with their response caches on, each with its own connection to one Neo4j: a
 * curated change made through one is in the other's very next answer (the dataset version lives
 * in the database and is read per request, so no replica serves an answer of an older version).
 * A private Neo4j, so no other suite's writes run between.
 */
import { Neo4jStore, connectExecutor, writeDataset, type Neo4jExecutor } from '../../src/store/neo4j';
import { seedDataset } from '../helpers/dataset';
import { postAs, startTestServer, type TestServer } from '../helpers/graphql';
import { getQuery } from '../helpers/http-get';
import { describeNeo4j } from '../helpers/neo4j-target';
import { startTestNeo4j, type TestNeo4j } from './start';

const TOKEN = 'alice-token-0123456789';
const QUERY = '{ entity(id: "nearshoring") { id name } }';

const post = postAs;

describeNeo4j('response cache on Neo4j, two replicas (private Neo4j)', () => {
  let target: TestNeo4j;
  const executors: Neo4jExecutor[] = [];
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    target = await startTestNeo4j();
    const connect = async (): Promise<Neo4jExecutor> => {
      const executor = await connectExecutor({ uri: target.uri, username: target.username, password: target.password, timeoutMs: 30_000 });
      executors.push(executor);
      return executor;
    };
    await writeDataset(await connect(), seedDataset(), { reset: true });
    const tokens = { curatorTokens: new Map([['alice', TOKEN]]) };
    a = await startTestServer(new Neo4jStore(await connect()), tokens);
    b = await startTestServer(new Neo4jStore(await connect()), tokens);
  }, 240_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    for (const executor of executors) await executor.driver.close();
    await target?.stop();
  });

  it('answers a repeated GET with 304 and a repeated query from the cache', async () => {
    const first = await getQuery(b.url, QUERY);
    expect(first.status).toBe(200);
    expect(first.json?.data).toEqual({ entity: null });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(new RegExp(`^"${first.headers.get('x-dataset-version')}-[0-9a-f]{24}"$`));
    const again = await getQuery(b.url, QUERY, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const hits = b.cacheStats().hits;
    expect(await post(b, QUERY)).toEqual(first.json);
    expect(b.cacheStats().hits).toBe(hits + 1);
  });

  it("a change through one replica is in the other's very next answer", async () => {
    const before = await getQuery(b.url, QUERY);
    expect(before.json?.data).toEqual({ entity: null });
    const created = await post(
      a,
      'mutation { createEntity(input: { id: "nearshoring", kind: Topic, name: "Nearshoring" }, sources: ["deck-2022#7"]) { entity { id } } }',
      `Bearer ${TOKEN}`,
    );
    expect(created.errors).toBeUndefined();

    const misses = b.cacheStats().misses;
    const after = await post(b, QUERY);
    expect(after.data).toEqual({ entity: { id: 'nearshoring', name: 'Nearshoring' } });
    expect(after.extensions?.datasetVersion).not.toBe(before.headers.get('x-dataset-version'));
    expect(b.cacheStats().misses).toBe(misses + 1);

    const revalidated = await getQuery(b.url, QUERY, { headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(revalidated.status).toBe(200);
    expect(revalidated.json?.data).toEqual(after.data);
    expect(revalidated.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(revalidated.headers.get('x-dataset-version')).toBe(after.extensions?.datasetVersion);
  });
});
