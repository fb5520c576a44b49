import { SpanKind } from '@opentelemetry/api';
import type { Metrics } from './metrics';
import type { Tracing } from './tracing';

/** Runs one named Neo4j statement (the executor's option `instrument`; see src/store/neo4j/executor.ts). */
export type StatementInstrument = <T>(statement: string, run: () => Promise<T>) => Promise<T>;

/**
 * How a driver error ended a statement, for the `outcome` label. The driver exposes no pool
 * metrics, but a statement that could not get a connection fails with "Connection acquisition
 * timed out" (after `connectionAcquisitionTimeout`, 10 s): `acquisition_timeout`.
 */
export function statementOutcome(error: unknown): 'timeout' | 'acquisition_timeout' | 'error' {
  const message = error instanceof Error ? error.message : String(error);
  if (/connection acquisition timed out/i.test(message)) return 'acquisition_timeout';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) return 'timeout';
  return 'error';
}

/**
 * Times every Neo4j statement by its `cypher/` file name
 * (`usmx_neo4j_statement_duration_seconds{statement, outcome}`), counts those in flight, and with
 * tracing on makes each a client span `neo4j <statement>` under the store call that ran it.
 */
export function statementInstrument(metrics: Metrics | null, tracing: Tracing | null, database?: string): StatementInstrument | undefined {
  if (!metrics && !tracing) return undefined;
  return async <T>(statement: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    metrics?.neo4jInFlight.inc();
    let outcome = 'ok';
    try {
      if (!tracing) return await run();
      const attributes = { 'db.system.name': 'neo4j', 'db.operation.name': statement, ...(database ? { 'db.namespace': database } : {}) };
      return await tracing.endAfter(tracing.startChildSpan(`neo4j ${statement}`, attributes, SpanKind.CLIENT), run);
    } catch (error) {
      outcome = statementOutcome(error);
      throw error;
    } finally {
      metrics?.neo4jInFlight.dec();
      metrics?.neo4jStatements.observe({ statement, outcome }, (performance.now() - started) / 1000);
    }
  };
}

/** The journal's `onFsync` option: each fsync's duration into `usmx_journal_fsync_duration_seconds`. */
export function fsyncObserver(metrics: Metrics | null): ((seconds: number) => void) | undefined {
  return metrics ? (seconds) => metrics.journalFsync.observe(seconds) : undefined;
}

/**
 * The Neo4j executor's `traceMetadata` option: the active span's W3C `traceparent` in each
 * statement's transaction metadata, so Neo4j's query log and `SHOW TRANSACTIONS` name the trace
 * (the driver carries no trace context itself). Undefined with tracing off.
 */
export function traceMetadata(tracing: Tracing | null): (() => Record<string, string> | undefined) | undefined {
  if (!tracing) return undefined;
  return () => {
    const span = tracing.activeSpan();
    return span ? { traceparent: tracing.traceparent(span) } : undefined;
  };
}
