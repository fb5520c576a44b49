/*
 * `npm run seed [-- --reset]` (compiled: `node dist/seed-db.js`): validates the seeds, then writes them into the Neo4j at
 * NEO4J_URI idempotently (MERGE in UNWIND batches, a transaction per batch) and prints the
 * counts per kind. `--reset` empties the database first.
 */
import { ConfigError, loadConfig } from './config';
import { NODE_KINDS } from './domain';
import { SeedValidationError, loadSeeds } from './seed';
import { Neo4jConnectError, Neo4jStore, connectExecutor, writeDataset } from './store/neo4j';

async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  const config = loadConfig();
  if (!config.neo4j) throw new ConfigError('NEO4J_URI', 'the Bolt URI of the Neo4j to seed (e.g. bolt://localhost:7687)', '');
  const dataset = loadSeeds(config.seedsDir);
  const executor = await connectExecutor(config.neo4j);
  const store = new Neo4jStore(executor);
  try {
    const started = Date.now();
    await writeDataset(executor, dataset, { reset });
    const stats = await store.getStats();
    const kinds = NODE_KINDS.map((k) => `${k} ${stats.nodesByKind[k] ?? 0}`).join(', ');
    console.log(`seeded ${config.neo4j.uri} with dataset ${await store.getDatasetVersion()}${reset ? ' (after reset)' : ''} in ${Date.now() - started} ms`);
    console.log(`nodes: ${kinds}`);
    console.log(`relationships: ${stats.relationships}, observations: ${stats.observations}`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof SeedValidationError || error instanceof ConfigError || error instanceof Neo4jConnectError;
  console.error(`seed failed: ${known ? (error as Error).message : error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
