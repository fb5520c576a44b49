/* Composition root: config → seeds → store → schema → HTTP server. */
import 'reflect-metadata';
import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { createSchema } from './graphql/schema';
import { SeedValidationError, loadSeeds } from './seed';
import { createApp } from './server/app';
import { MemoryStore } from './store/memory';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataset = loadSeeds(config.seedsDir);
  if (config.neo4j) {
    throw new ConfigError('NEO4J_URI', 'unset (the Neo4j store is not available in this build yet)', config.neo4j.uri);
  }
  const store = new MemoryStore(dataset);
  const schema = await createSchema();
  const { express, apollo } = await createApp(schema, store, config);
  const server: Server = await new Promise((resolve, reject) => {
    const s = express.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(
    `usmx-graph ready: ${dataset.nodes.length} entities, ${dataset.relationships.length} relationships, ${dataset.observations.length} observations (dataset ${dataset.version}, ${store.name} store)`,
  );
  console.log(`GraphQL and Apollo Sandbox at http://localhost:${port}/`);

  const shutdown = (signal: string): void => {
    console.log(`${signal}: shutting down`);
    server.close();
    void apollo.stop().then(() => store.close()).then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof SeedValidationError || error instanceof ConfigError) {
    console.error(`usmx-graph cannot start: ${error.message}`);
  } else {
    console.error('usmx-graph cannot start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
