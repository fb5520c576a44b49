/**
 * The Query fuzz suite (test/fuzz/query-fuzz.ts) and the request-variables fuzz suite
 * (test/fuzz/variables-fuzz.ts) on a real Neo4j: one private server for both (the shared one is
 * reset by other suites in parallel), seeded. Runs per field as on the memory store
 * (NEO4J_FUZZ_RUNS, default 200): some fields, such as timeline, answer cleanly to only about 5%
 * of generated inputs, and the suite asserts every field was reached. The variables suite makes
 * one pass of NEO4J_VARIABLES_FUZZ_RUNS (default 100) per property.
 */
import { Neo4jStore, connectExecutor, writeDataset } from '../../src/store/neo4j';
import { defineQueryFuzz, type FuzzTarget } from '../fuzz/query-fuzz';
import { defineVariablesFuzz } from '../fuzz/variables-fuzz';
import { seedDataset } from '../helpers/dataset';
import { describeNeo4j } from '../helpers/neo4j-target';
import { startTestNeo4j } from './start';

describeNeo4j('Neo4j store under fuzzing', () => {
  // Opened by the first suite that runs; stopped once both are done (also when a filter ran only one).
  let opened: Promise<{ store: Neo4jStore; stop: () => Promise<void> }> | undefined;
  afterAll(async () => {
    if (!opened) return;
    const { store, stop } = await opened;
    await store.close();
    await stop();
  }, 60_000);
  const open = async (): Promise<FuzzTarget> => {
    opened ??= (async () => {
      const neo4j = await startTestNeo4j();
      const executor = await connectExecutor({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password });
      await writeDataset(executor, seedDataset());
      return { store: new Neo4jStore(executor), stop: () => neo4j.stop() };
    })();
    const { store } = await opened;
    return { store, close: async () => {} };
  };
  defineQueryFuzz('Neo4j store', open, Number(process.env.NEO4J_FUZZ_RUNS ?? 200));
  defineVariablesFuzz('Neo4j store', open, Number(process.env.NEO4J_VARIABLES_FUZZ_RUNS ?? 100));
});
