import { Neo4jStore, connectExecutor, writeDataset } from '../../src/store/neo4j';
import { LIFECYCLE_CURATORS, defineObservationLifecycle } from '../curation/observation-lifecycle';
import { seedDataset } from '../helpers/dataset';
import { startTestServer } from '../helpers/graphql';
import { describeNeo4j } from '../helpers/neo4j-target';

// The memory run's GraphQL lifecycle (test/curation/observation-lifecycle.ts) on the real test
// Neo4j, reseeded first: correct, move, refuse, withdraw and bring back an observation.
describeNeo4j('observation lifecycle (Neo4j)', (target) => {
  defineObservationLifecycle('neo4j', async () => {
    const executor = await connectExecutor(target);
    await writeDataset(executor, seedDataset(), { reset: true });
    const server = await startTestServer(new Neo4jStore(executor), { curatorTokens: LIFECYCLE_CURATORS });
    return {
      ...server,
      async close() {
        await server.close();
        await executor.driver.close();
      },
    };
  });
});
