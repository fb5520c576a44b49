/* Composition root: config → seeds → store → schema → HTTP server. */
import 'reflect-metadata';
import type { Server } from 'node:http';
import { ConfigError, loadConfig, type Config } from './config';
import type { Dataset, GraphStore } from './domain';
import { createSchema } from './graphql/schema';
import { SeedValidationError, loadSeeds } from './seed';
import { createApp } from './server/app';
import { MemoryStore } from './store/memory';
import { Neo4jConnectError, Neo4jStore, connectExecutor, ensureSchema } from './store/neo4j';

/** The embedded store unless NEO4J_URI is set; Neo4j must already hold the seeds (`npm run seed`). */
async function openStore(config: Config, dataset: Dataset): Promise<GraphStore> {
  if (!config.neo4j) return new MemoryStore(dataset);
  const executor = await connectExecutor(config.neo4j);
  await ensureSchema(executor); // constraints and indexes from cypher/schema/, idempotent
  const store = new Neo4jStore(executor);
  const version = await store.getDatasetVersion();
  if (version !== dataset.version) {
    console.warn(
      `usmx-graph: Neo4j at ${config.neo4j.uri} holds dataset ${version}, the seeds are ${dataset.version}; run \`npm run seed\` to update it`,
    );
  }
  return store;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const dataset = loadSeeds(config.seedsDir);
  const store = await openStore(config, dataset);
  const schema = await createSchema();
  const { express, apollo } = await createApp(schema, store, config);
  const server: Server = await new Promise((resolve, reject) => {
    const s = express.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const stats = await store.getStats();
  const entities = Object.values(stats.nodesByKind).reduce((a, b) => a + b, 0);
  console.log(
    `usmx-graph ready: ${entities} entities, ${stats.relationships} relationships, ${stats.observations} observations (dataset ${await store.getDatasetVersion()}, ${store.name} store)`,
  );
  console.log(`GraphQL and Apollo Sandbox at http://localhost:${port}/`);

  const shutdown = (signal: string): void => {
    console.log(`${signal}: shutting down`);
    server.close();
    void apollo
      .stop()
      .then(() => store.close())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const known = error instanceof SeedValidationError || error instanceof ConfigError || error instanceof Neo4jConnectError;
  console.error(`usmx-graph cannot start: ${known || !(error instanceof Error) ? String((error as Error).message ?? error) : error.message}`);
  process.exit(1);
});
