import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { operationLabeller } from './operation-label';

/** Seconds: from a memory-store lookup (microseconds) to a slow Neo4j statement. */
const STORE_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds: a GraphQL request, from a cached lookup to the 10 s time budget. */
const REQUEST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds: one fsync of the journal. */
const FSYNC_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

/** How a GraphQL request ended: without errors, with only client errors, or with a server-side one. */
export type RequestOutcome = 'ok' | 'client_error' | 'server_error';

/**
 * The process's metrics, on a registry of its own (not prom-client's global one, so tests and
 * several servers in one process keep theirs apart). Names and labels: docs/operations.md, Metrics and traces.
 */
export interface Metrics {
  readonly registry: Registry;
  readonly graphqlRequests: Counter<'operation' | 'type' | 'outcome'>;
  readonly graphqlDuration: Histogram<'operation' | 'type'>;
  readonly graphqlErrors: Counter<'code'>;
  readonly storeCalls: Histogram<'store' | 'method' | 'outcome'>;
  readonly neo4jStatements: Histogram<'statement' | 'outcome'>;
  readonly neo4jInFlight: Gauge;
  readonly journalFsync: Histogram;
  readonly cacheLookups: Counter<'result'>;
  /** The bounded label for an operation name (operation-label.ts). */
  readonly operationLabel: (name: string | null | undefined, resolved: boolean) => string;
}

export interface MetricsOptions {
  /** Distinct operation names labelled as themselves (METRICS_MAX_OPERATIONS). */
  readonly maxOperationLabels: number;
}

/** A fresh registry with the server's metrics and prom-client's default process and Node.js metrics (event-loop lag included). */
export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    graphqlRequests: new Counter({
      name: 'usmx_graphql_requests_total',
      help: 'GraphQL operations answered, by operation name (bounded), operation type and outcome',
      labelNames: ['operation', 'type', 'outcome'] as const,
      registers,
    }),
    graphqlDuration: new Histogram({
      name: 'usmx_graphql_request_duration_seconds',
      help: 'Time from the start of a GraphQL operation (body parsed) to its response, by operation name and type',
      labelNames: ['operation', 'type'] as const,
      buckets: REQUEST_BUCKETS,
      registers,
    }),
    graphqlErrors: new Counter({
      name: 'usmx_graphql_errors_total',
      help: 'Errors in GraphQL responses, by extensions.code',
      labelNames: ['code'] as const,
      registers,
    }),
    storeCalls: new Histogram({
      name: 'usmx_store_call_duration_seconds',
      help: 'Calls of the GraphStore port, by store, method and outcome',
      labelNames: ['store', 'method', 'outcome'] as const,
      buckets: STORE_BUCKETS,
      registers,
    }),
    neo4jStatements: new Histogram({
      name: 'usmx_neo4j_statement_duration_seconds',
      help: 'Neo4j statements (cypher/ file name), connection acquisition included, by outcome (ok, error, timeout, acquisition_timeout)',
      labelNames: ['statement', 'outcome'] as const,
      buckets: STORE_BUCKETS,
      registers,
    }),
    neo4jInFlight: new Gauge({
      name: 'usmx_neo4j_statements_in_flight',
      help: 'Neo4j statements running now, each holding a pooled connection (the pool has 100)',
      registers,
    }),
    journalFsync: new Histogram({
      name: 'usmx_journal_fsync_duration_seconds',
      help: "fsync of the memory store's journal, once per curated change",
      buckets: FSYNC_BUCKETS,
      registers,
    }),
    cacheLookups: new Counter({
      name: 'usmx_response_cache_lookups_total',
      help: 'Response cache lookups, by result (hit, miss)',
      labelNames: ['result'] as const,
      registers,
    }),
    operationLabel: operationLabeller(options.maxOperationLabels),
  };
}
