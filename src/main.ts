/* Composition root: config → seeds → store → schema → HTTP server. */
import 'reflect-metadata';
import { configSecrets, environmentSecrets, loadConfig, type Config } from './config';
import type { Dataset, GraphStore } from './domain';
import type { LoaderSchedule } from './graphql/context';
import { createSchema } from './graphql/schema';
import { exitOnError } from './exit-on-error';
import { loadSeeds } from './seed';
import { createApp } from './server/app';
import { listen } from './server/listen';
import { createLogger } from './server/logging';
import { drainAndStop } from './server/shutdown';
import { MemoryStore, seedConflictReport } from './store/memory';
import { Neo4jStore, connectExecutor, ensureSchema } from './store/neo4j';
import { metricsListener } from './server/metrics-route';
import { InstrumentedStore, createTelemetry, fsyncObserver, statementInstrument, traceMetadata, type Telemetry } from './telemetry';
import type { Logger } from 'pino';

/** How long SIGTERM waits for requests in flight before giving up on them. */
const SHUTDOWN_GRACE_MS = 10_000;
/** How long a failed start waits for the store to close before exiting anyway. */
const CLOSE_ON_FAILURE_MS = 5_000;

/** What a failed start must close before exiting (the Neo4j driver would keep the process alive; the journal lock). */
const opened: Array<{ close(): Promise<void> }> = [];

/** The store, and when the GraphQL loaders send their batches to it (`LoaderSchedule`). */
interface OpenedStore {
  readonly store: GraphStore;
  readonly loaderSchedule: LoaderSchedule;
}

/**
 * The embedded store unless NEO4J_URI is set; Neo4j must already hold the seeds (`npm run seed`).
 * Journal fsyncs and Neo4j statements report to `telemetry` through the adapters' options.
 */
async function openStore(config: Config, dataset: Dataset, logger: Logger, telemetry: Telemetry): Promise<OpenedStore> {
  // Curated changes: replayed from the journal over the seeds, appended (fsync'd) before acknowledged.
  if (!config.neo4j) {
    const store = MemoryStore.open(dataset, {
      journalPath: config.journalPath,
      warn: (message) => logger.warn(message),
      onFsync: fsyncObserver(telemetry.metrics),
    });
    // Seed records changed since a curator changed them: the curated ones were kept; say which.
    for (const line of seedConflictReport(store.seedConflicts, config.journalPath)) logger.warn(line);
    // It answers in process: a query level's loads have all arrived once the microtasks drain.
    return { store, loaderSchedule: 'microtask' };
  }
  const executor = await connectExecutor({
    ...config.neo4j,
    instrument: statementInstrument(telemetry.metrics, telemetry.tracing, config.neo4j.database),
    traceMetadata: traceMetadata(telemetry.tracing),
  });
  await ensureSchema(executor); // constraints and indexes from cypher/schema/, idempotent
  const store = new Neo4jStore(executor);
  // Curated changes move the live version on; what must match the seeds is the version last seeded.
  const seeded = await store.getSeededVersion();
  if (seeded !== dataset.version) {
    logger.warn(
      `usmx-graph: Neo4j at ${config.neo4j.uri} was seeded with dataset ${seeded ?? 'none'}, the seeds are ${dataset.version}; run \`npm run seed\` to update it`,
    );
  }
  // It answers over I/O: a level's loads arrive in separate callbacks, gathered one macrotask later.
  return { store, loaderSchedule: 'macrotask' };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, undefined, [...configSecrets(config), ...environmentSecrets()]);
  const dataset = loadSeeds(config.seedsDir);
  const telemetry = createTelemetry(config.telemetry);
  opened.unshift({ close: () => telemetry.shutdown() });
  // Every port call timed (and traced): one decorator here, nothing in the adapters' methods.
  const { store: bare, loaderSchedule } = await openStore(config, dataset, logger, telemetry);
  const store = InstrumentedStore.wrap(bare, telemetry.metrics, telemetry.tracing);
  opened.unshift(store);
  const schema = await createSchema();
  const { express, apollo } = await createApp(schema, store, config, { logger, telemetry, loaderSchedule });
  opened.unshift({ close: () => apollo.stop() });
  // Closed after the API's requests are drained: the metrics listener, then the trace exporter (flushed).
  const afterDrain: Array<() => Promise<void>> = [() => telemetry.shutdown()];
  if (telemetry.metrics && config.telemetry.metricsPort !== undefined) {
    const metricsServer = await listen(
      metricsListener(telemetry.metrics.registry, config.telemetry.metricsToken),
      config.telemetry.metricsPort,
      config.telemetry.metricsHost,
    );
    const closeMetrics = (): Promise<void> => new Promise<void>((resolve) => metricsServer.close(() => resolve()));
    opened.unshift({ close: closeMetrics });
    afterDrain.unshift(closeMetrics);
    const metricsAddress = metricsServer.address();
    const metricsPort = typeof metricsAddress === 'object' && metricsAddress ? metricsAddress.port : config.telemetry.metricsPort;
    logger.info(`Metrics at http://${config.telemetry.metricsHost}:${metricsPort}/metrics`);
  }
  // "ready" only once the port is ours: a taken port is a startup error, not a silent success.
  const server = await listen(express, config.port, config.host);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const stats = await store.getStats();
  const entities = Object.values(stats.nodesByKind).reduce((a, b) => a + b, 0);
  logger.info(
    `usmx-graph ready: ${entities} entities, ${stats.relationships} relationships, ${stats.observations} observations (dataset ${await store.getDatasetVersion()}, ${store.name} store)`,
  );
  logger.info(`GraphQL at http://localhost:${port}/graphql${config.introspection ? ` (Apollo Sandbox at http://localhost:${port}/, needs internet)` : ''}`);
  if (config.pages.explorer) logger.info(`Research explorer at http://localhost:${port}/explore`);
  if (config.pages.graphiql) logger.info(`GraphiQL at http://localhost:${port}/graphiql`);
  if (telemetry.metrics && config.telemetry.metricsPort === undefined)
    logger.info(`Metrics at http://localhost:${port}/metrics${config.telemetry.metricsToken ? ' (bearer token: METRICS_TOKEN)' : ''}`);
  if (telemetry.tracing) logger.info(`Tracing on: spans to ${config.telemetry.traceExporters.join(', ')} as service ${config.telemetry.serviceName}`);

  const shutdown = (signal: string): void => {
    logger.info(`${signal}: shutting down, answering the requests in flight`);
    drainAndStop(server, apollo, store, SHUTDOWN_GRACE_MS)
      .then(async () => {
        for (const close of afterDrain) await close().catch(() => undefined);
      })
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown was not clean');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** Closes what a failed start had opened, each given CLOSE_ON_FAILURE_MS at most. */
async function closeOpened(): Promise<void> {
  for (const resource of opened.splice(0)) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_ON_FAILURE_MS)));
    await Promise.race([resource.close().catch(() => undefined), late]);
    clearTimeout(timer);
  }
}

main().catch(async (error: unknown) => {
  await closeOpened();
  // One line (the seeds' problems aside) naming the cause; never a credential.
  exitOnError('usmx-graph cannot start', error);
});
