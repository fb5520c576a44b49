/**
 * The HTTP baseline: Apollo Server 5 serving the plain graphql-js schema (bench/plain/schema.ts)
 * over a MemoryStore holding the seeds merged with the synthetic graph — the same data our server
 * serves in bench/http/main.ts, read the same way: from the seed YAML that main.ts writes to
 * SEEDS_DIR, through the production seed loader. (Loading it another way would change the
 * objects the store holds, and with them the store's speed: strings parsed from YAML compare
 * slower than the generator's, which made findNodes about 2.5× slower in a test.)
 *
 * It runs on Express 5 through `@as-integrations/express5`, as our server does, so the two differ
 * in schema, plugins and middleware but not in HTTP framework. Set up as Apollo's documentation
 * sets up Express: `cors()`, `express.json()`, `expressMiddleware` with a fresh context per
 * request; Apollo's defaults otherwise (its document cache, CSRF prevention, no plugins of ours,
 * no request log). `GET /readyz` answers once the store is loaded.
 *
 * `node --import tsx bench/http/plain-server.ts` with HOST, PORT and SEEDS_DIR in the environment
 * (main.ts sets them).
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { loadSeeds } from '../../src/seed';
import { MemoryStore } from '../../src/store/memory';
import { intEnv } from '../lib/env';
import { createPlainContext, plainSchema, type PlainContext } from '../plain/schema';

async function main(): Promise<void> {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = intEnv('PORT');
  const seedsDir = process.env.SEEDS_DIR;
  if (!seedsDir) throw new Error('SEEDS_DIR: expected the directory of seed YAML to serve');
  const dataset = loadSeeds(seedsDir);
  const store = new MemoryStore(dataset);

  // Apollo's own SIGTERM handling re-raises the signal, so the process would die by it and
  // `node --cpu-prof` (bench/http/profile.ts) would write no profile: stop, then exit normally.
  const apollo = new ApolloServer<PlainContext>({ schema: plainSchema, stopOnTerminationSignals: false });
  await apollo.start();
  const app = express();
  app.get('/readyz', (_req, res) => {
    res.json({ status: 'ready', nodes: dataset.nodes.length });
  });
  app.use('/graphql', cors<cors.CorsRequest>(), express.json(), expressMiddleware(apollo, { context: async () => createPlainContext(store) }));
  const server = app.listen(port, host);
  server.once('error', (error) => {
    process.stderr.write(`plain-server: ${error.message}\n`);
    process.exit(1);
  });
  process.once('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    apollo.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`plain-server cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
