import { Neo4jStore, connectExecutor, writeDataset } from '../../src/store/neo4j';
import { assertCurationKeepsSeedRules } from '../curation/curation-property';
import { seedDataset } from '../helpers/dataset';
import { describeNeo4j } from '../helpers/neo4j-target';

// The memory run's property (test/curation/curation.property.test.ts) on the real test Neo4j,
// shorter: each run reseeds the database. After every accepted change the YAML export passes the
// seed checker and reads back to the version the database reports.
describeNeo4j('curation keeps every seed rule (Neo4j, property-based)', (target) => {
  it('holds after random sequences of valid and invalid changes', async () => {
    const tally = await assertCurationKeepsSeedRules(
      seedDataset(),
      async (dataset) => {
        const executor = await connectExecutor(target);
        await writeDataset(executor, dataset, { reset: true });
        return new Neo4jStore(executor);
      },
      { runs: 3, maxChanges: 15 },
    );
    expect(tally.accepted + tally.refused).toBeGreaterThan(5);
  }, 300_000);
});
