/**
 * The Query fuzz suite (test/fuzz/query-fuzz.ts) on a real Neo4j: a private server (the shared
 * one is reset by other suites in parallel), seeded. Runs per field as on the memory store
 * (NEO4J_FUZZ_RUNS, default 200): some fields, such as timeline, answer cleanly to only about 5%
 * of generated inputs, and the suite asserts every field was reached.
 */
import { Neo4jStore, connectExecutor, writeDataset } from '../../src/store/neo4j';
import { defineQueryFuzz } from '../fuzz/query-fuzz';
import { seedDataset } from '../helpers/dataset';
import { describeNeo4j } from '../helpers/neo4j-target';
import { startTestNeo4j } from './start';

describeNeo4j('Neo4j store under fuzzing', () => {
  defineQueryFuzz(
    'Neo4j store',
    async () => {
      const neo4j = await startTestNeo4j();
      const executor = await connectExecutor({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password });
      await writeDataset(executor, seedDataset());
      const store = new Neo4jStore(executor);
      return {
        store,
        close: async () => {
          await store.close();
          await neo4j.stop();
        },
      };
    },
    Number(process.env.NEO4J_FUZZ_RUNS ?? 200),
  );
});
