import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import { configSecrets, type Config } from '../config';
import { redactSecrets } from '../redact';
import { createAuthenticator } from '../graphql/auth';
import { createContext, type Context, type GraphStore, type LoaderSchedule } from '../graphql/context';
import { DATASET_VERSION_HEADER, createApolloServer } from './apollo';
import { AnswerCache, type CacheCounter, type ResponseCacheStats } from './answer-cache';
import { cachedAnswers } from './cached-answers';
import { exportHandler } from './export-route';
import { bodyErrorHandler } from './body-errors';
import { batchSizeLimit, operationNameLimit } from './http-limits';
import { adoptPrefetchedVersion } from './request-version';
import { mountStaticPages } from './static-pages';
import { OPERATION_LOG, REQUEST_ID_HEADER, createLogger, openOperationLog, requestLogger } from './logging';
import { METRICS_PATH, metricsHandler } from './metrics-route';
import { TRACEPARENT_HEADER, cachedAnswerTelemetry, requestSpans, requestTelemetryPlugin } from './request-telemetry';
import type { Telemetry } from '../telemetry';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';

export interface AppOptions {
  /** Where the request log goes; by default a JSON logger on stdout at `config.logLevel`. */
  readonly logger?: Logger;
  /**
   * Metrics and tracing (src/telemetry; main.ts also wraps the store with them). Absent: none,
   * and no `/metrics`. `/metrics` is served here unless METRICS_PORT gives it a listener of its own.
   */
  readonly telemetry?: Telemetry;
  /**
   * When the per-request loaders send their batches, chosen by whoever built `store`:
   * `'microtask'` for a store that answers in process (the memory store), `'macrotask'` (the
   * default) for one that answers over I/O (Neo4j). See `LoaderSchedule`.
   */
  readonly loaderSchedule?: LoaderSchedule;
}

export interface App {
  readonly express: Express;
  readonly apollo: ApolloServer<Context>;
  /** Hits, misses, 304s and size of the response cache (for `/metrics`). */
  readonly cacheStats: () => ResponseCacheStats;
}

/**
 * The HTTP application: GraphQL (and Apollo Sandbox on GET in a browser) at `/` and `/graphql`,
 * liveness at `/healthz`, readiness at `/readyz`, downloads at `/export`, the explorer at
 * `/explore` and GraphiQL at `/graphiql` (when turned on). Call `apollo.stop()` on shutdown.
 */
export async function createApp(schema: GraphQLSchema, store: GraphStore, config: Config, options: AppOptions = {}): Promise<App> {
  // Read once before serving (the first request does not pay for it, and a store that cannot
  // answer fails here); afterwards the store keeps them until the dataset version moves on.
  await store.getDegreeStats();
  const secrets = configSecrets(config);
  // One logger for everything the server writes (requests, Apollo, exports): every line is masked.
  const logger = options.logger ?? createLogger(config.logLevel, undefined, secrets);
  const metrics = options.telemetry?.metrics ?? null;
  const tracing = options.telemetry?.tracing ?? null;
  // Lookups for /metrics: an answer served without executing (from the cache, or a 304) is a hit.
  const lookups: Partial<Record<CacheCounter, 'hit' | 'miss'>> = { hits: 'hit', notModified: 'hit', misses: 'miss' };
  const cache = new AnswerCache(config.responseCache.enabled, config.responseCache.maxBytes, (counter) => {
    const result = lookups[counter];
    if (result) options.telemetry?.recordCacheLookup(result);
  });
  const apollo = createApolloServer(
    schema,
    config,
    () => store.getDegreeStats(),
    logger,
    cache,
    metrics || tracing ? [requestTelemetryPlugin(metrics, tracing)] : [],
  );
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // ETags are the response cache's (dataset version + request), never Express's hash of a body.
  app.disable('etag');
  app.use(requestLogger(logger));
  // Any origin by default (a public read API; credentials are never allowed), or the CORS_ORIGINS list.
  const origin = config.corsOrigins.includes('*') ? '*' : [...config.corsOrigins];
  const exposedHeaders = [REQUEST_ID_HEADER, DATASET_VERSION_HEADER, 'ETag', ...(tracing ? [TRACEPARENT_HEADER] : [])];
  // A span per GraphQL request and per export (docs/operations.md, Metrics and traces); pass-throughs when tracing is off.
  const pass = (_req: unknown, _res: unknown, next: () => void): void => next();
  const graphqlSpans = tracing ? requestSpans(tracing, '/graphql') : { start: pass, enter: pass };
  const exportSpans = tracing ? requestSpans(tracing, '/export') : { start: pass, enter: pass };
  if (metrics && config.telemetry.metricsPort === undefined) app.get(METRICS_PATH, metricsHandler(metrics.registry, config.telemetry.metricsToken));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      // The live version: curated changes move it on.
      const [stats, version] = await Promise.all([store.getStats(), store.getDatasetVersion()]);
      res.json({ status: 'ready', store: store.name, datasetVersion: version, nodes: Object.values(stats.nodesByKind).reduce((a, b) => a + b, 0) });
    } catch (error) {
      // The reason is for operators and probes, which anyone may call: never a credential in it.
      const reason = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
      res.status(503).json({ status: 'unavailable', store: store.name, reason });
    }
  });
  mountStaticPages(app, config.pages);
  app.get(
    '/export',
    exportSpans.start,
    cors<cors.CorsRequest>({ origin, exposedHeaders: [...exposedHeaders, 'Content-Disposition'] }),
    exportSpans.enter,
    exportHandler(store, config.production, logger),
  );
  // Curation: writes need a curator token; reads stay open (src/graphql/auth.ts).
  const authenticate = createAuthenticator(config.curatorTokens);
  const graphql = expressMiddleware(apollo, {
    context: async ({ req, res }): Promise<Context> =>
      adoptPrefetchedVersion(
        Object.assign(
          createContext(store, { access: authenticate(req.headers.authorization), timeBudgetMs: config.limits.timeBudgetMs, schedule: options.loaderSchedule }),
          { [OPERATION_LOG]: openOperationLog(res) },
        ),
        res,
      ),
  });
  app.use(
    ['/graphql', '/'],
    graphqlSpans.start,
    cors<cors.CorsRequest>({ origin, exposedHeaders }),
    express.json({ limit: config.limits.maxBodyBytes }),
    batchSizeLimit(config.limits.maxBatchSize),
    operationNameLimit(),
    graphqlSpans.enter,
    cachedAnswers(cache, store, config.responseCache.httpMaxAgeSeconds, cachedAnswerTelemetry(metrics, tracing)),
    graphql,
  );
  app.use(bodyErrorHandler());
  return { express: app, apollo, cacheStats: () => cache.stats() };
}
