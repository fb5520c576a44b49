import type { SpanExporter } from '@opentelemetry/sdk-trace-node';
import { createMetrics, type Metrics } from './metrics';
import { Tracing, type TraceExporterName } from './tracing';

/** Metrics and tracing for one server; either may be off (null). */
export interface Telemetry {
  readonly metrics: Metrics | null;
  readonly tracing: Tracing | null;
  /**
   * Counts a response cache lookup (`usmx_response_cache_lookups_total{result}`): the server's
   * answer cache reports each (src/server/answer-cache.ts). A no-op with metrics off.
   */
  recordCacheLookup(result: 'hit' | 'miss'): void;
  /** Flushes pending spans and stops tracing. */
  shutdown(): Promise<void>;
}

export interface TelemetryOptions {
  /** METRICS. */
  readonly metrics: boolean;
  readonly maxOperationLabels: number;
  /** OTEL_TRACES_EXPORTER, parsed; empty: tracing off. */
  readonly traceExporters: readonly TraceExporterName[];
  readonly serviceName: string;
  /** Tests: export spans here (tracing on whatever `traceExporters` says). */
  readonly spanExporter?: SpanExporter;
}

/** The telemetry the configuration asks for (docs/operations.md, Metrics and traces). */
export function createTelemetry(options: TelemetryOptions): Telemetry {
  const metrics = options.metrics ? createMetrics({ maxOperationLabels: options.maxOperationLabels }) : null;
  const tracing = Tracing.setup({ exporters: options.traceExporters, serviceName: options.serviceName, exporter: options.spanExporter });
  return {
    metrics,
    tracing,
    recordCacheLookup: (result) => metrics?.cacheLookups.inc({ result }),
    shutdown: async () => tracing?.shutdown(),
  };
}
