import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Context } from '../graphql/context';
type GraphStore = Context['store'];
import { createContext } from '../graphql/context';
import { createApolloServer } from './apollo';
import { DATASET_VERSION_HEADER, exportHandler } from './export-route';
import type { ApolloServer } from '@apollo/server';

export interface App {
  readonly express: Express;
  readonly apollo: ApolloServer<Context>;
}

/**
 * The HTTP application: GraphQL (and Apollo Sandbox on GET in a browser) at `/` and `/graphql`,
 * liveness at `/healthz`, readiness at `/readyz`, downloads at `/export`. Call `apollo.stop()`
 * on shutdown.
 */
export async function createApp(schema: GraphQLSchema, store: GraphStore, config: Config): Promise<App> {
  const version = await store.getDatasetVersion();
  const apollo = createApolloServer(schema, config, version);
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      const stats = await store.getStats();
      res.json({ status: 'ready', store: store.name, datasetVersion: version, nodes: Object.values(stats.nodesByKind).reduce((a, b) => a + b, 0) });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', store: store.name, reason: error instanceof Error ? error.message : String(error) });
    }
  });
  app.get('/export', cors<cors.CorsRequest>({ exposedHeaders: [DATASET_VERSION_HEADER, 'Content-Disposition'] }), exportHandler(store, config.production));
  const graphql = expressMiddleware(apollo, { context: async (): Promise<Context> => createContext(store) });
  app.use(['/graphql', '/'], cors<cors.CorsRequest>(), express.json({ limit: '100kb' }), graphql);
  return { express: app, apollo };
}
