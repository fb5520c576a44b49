import { connectExecutor, Neo4jStore, writeDataset, type Neo4jConnection } from '../../src/store/neo4j';
import type { Neo4jExecutor } from '../../src/store/neo4j';
import type { Dataset } from '../../src/domain';
import { startTestNeo4j } from '../../test/neo4j/start';
import { pinProcess, SERVER_CORES } from './cores';
import { flagEnv } from './env';

/**
 * The Neo4j a benchmark runs against: `BENCH_NEO4J_URI` (with BENCH_NEO4J_USERNAME / _PASSWORD)
 * when set, else the test Neo4j (test/neo4j: neo4j-harness from Maven Central) started here
 * with a production-like JVM (C2 JIT, G1, BENCH_NEO4J_HEAP, default 4g), a page cache of
 * BENCH_NEO4J_PAGECACHE_MB (default 2048) and pinned to the
 * server core(s). `stop()` stops only a server started here.
 */
export interface BenchNeo4j extends Neo4jConnection {
  readonly pinned: boolean;
  stop(): Promise<void>;
}

export async function benchNeo4j(): Promise<BenchNeo4j> {
  const uri = process.env.BENCH_NEO4J_URI;
  if (uri) {
    return {
      uri,
      username: process.env.BENCH_NEO4J_USERNAME ?? 'neo4j',
      password: process.env.BENCH_NEO4J_PASSWORD ?? '',
      pinned: flagEnv('BENCH_NEO4J_PINNED'),
      stop: async () => undefined,
    };
  }
  const heap = process.env.BENCH_NEO4J_HEAP ?? '4g';
  process.env.NEO4J_TEST_JAVA_OPTS ??= `-Xms${heap} -Xmx${heap} -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError`;
  // A page cache that holds the largest bench graph (100k nodes: a few hundred MiB of store files), as a production server would have.
  process.env.NEO4J_TEST_PAGECACHE_MB ??= process.env.BENCH_NEO4J_PAGECACHE_MB ?? '2048';
  const server = await startTestNeo4j({ log: (m) => console.error(m) });
  const pinned = server.pid !== undefined && pinProcess(server.pid, SERVER_CORES);
  return { uri: server.uri, username: server.username, password: server.password, pinned, stop: () => server.stop() };
}

/** Empties the database and writes `dataset` (the production seed writer), returning a store over it. */
export async function loadIntoNeo4j(connection: Neo4jConnection, dataset: Dataset): Promise<{ store: Neo4jStore; executor: Neo4jExecutor; loadMs: number }> {
  const executor = await connectExecutor(connection);
  const started = performance.now();
  await writeDataset(executor, dataset, { reset: true, batchSize: 5000 });
  const loadMs = performance.now() - started;
  return { store: new Neo4jStore(executor), executor, loadMs };
}
