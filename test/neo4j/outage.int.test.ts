/**
 * A Neo4j that goes away while the API runs: queries get a clean SERVICE_UNAVAILABLE error,
 * the process stays up, and answers come back when Neo4j returns. Uses a Neo4j of its own
 * (stopped and restarted on the same port and data directory), not the shared test server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Neo4jStore, connectExecutor, writeDataset } from '../../src/store/neo4j';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';
import { describeNeo4j } from '../helpers/neo4j-target';
import { startTestNeo4j, type TestNeo4j } from './start';

const QUERY = '{ entity(id: "usmca") { name ... on Agreement { parties { id } } } }';

describeNeo4j('Neo4j outage and recovery', () => {
  let neo4j: TestNeo4j;
  let dataDir: string;
  let store: Neo4jStore;
  let server: TestServer;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'usmx-outage-'));
    neo4j = await startTestNeo4j({ dataDir });
    const executor = await connectExecutor({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password, timeoutMs: 5000 });
    await writeDataset(executor, seedDataset());
    store = new Neo4jStore(executor);
    server = await startTestServer(store);
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    await store?.close();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers, fails cleanly while Neo4j is down, and recovers when it returns', async () => {
    const before = await server.post(QUERY);
    expect(before.errors).toBeUndefined();
    expect(before.data).toEqual({ entity: { name: 'United States–Mexico–Canada Agreement', parties: [{ id: 'canada' }, { id: 'mexico' }, { id: 'united-states' }] } });

    await neo4j.stop();
    const during = await server.post(QUERY);
    expect(during.data).toEqual({ entity: null });
    expect(during.errors).toHaveLength(1);
    expect(during.errors![0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(during.errors![0].message).toMatch(new RegExp(`^Neo4j at ${neo4j.uri.replace(/[.:/]/g, '\\$&')} is unavailable`));

    neo4j = await neo4j.restart();
    let after = await server.post(QUERY);
    for (let attempt = 0; after.errors && attempt < 20; attempt++) {
      await new Promise((r) => setTimeout(r, 500));
      after = await server.post(QUERY);
    }
    expect(after).toEqual(before);
  }, 240_000);
});
