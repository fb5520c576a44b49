/**
 * Durability of curated writes on Neo4j: the real server process over a private Neo4j, a stream
 * of mutations, SIGKILL of the API mid-stream, a restart, and every acknowledged write is there
 * (a write is acknowledged only after its transaction committed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectExecutor, writeDataset } from '../../src/store/neo4j';
import { runKillRestart, startServer } from '../curation/kill-restart';
import { seedDataset } from '../helpers/dataset';
import { describeNeo4j } from '../helpers/neo4j-target';
import { startTestNeo4j, type TestNeo4j } from './start';

describeNeo4j('curated writes survive SIGKILL (Neo4j store)', () => {
  let neo4j: TestNeo4j;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'usmx-kill-neo4j-'));
    neo4j = await startTestNeo4j({ dataDir: join(dir, 'neo4j') });
    const executor = await connectExecutor({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password });
    await writeDataset(executor, seedDataset());
    await executor.driver.close();
  }, 240_000);

  afterAll(async () => {
    await neo4j?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write across a kill and a restart', async () => {
    const env = {
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      CURATOR_TOKENS: 'alice=alice-token-0123456789',
      JOURNAL_PATH: join(dir, 'unused-journal.jsonl'),
    };
    const result = await runKillRestart(() => startServer(env), 'alice-token-0123456789');
    expect(result.acknowledged).toBeGreaterThanOrEqual(20);
    expect(result.missing).toEqual([]);
  }, 120_000);
});
