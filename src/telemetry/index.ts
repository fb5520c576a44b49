export { createMetrics, type Metrics, type MetricsOptions, type RequestOutcome } from './metrics';
export { ANONYMOUS_OPERATION, OTHER_OPERATION, UNKNOWN_OPERATION, operationLabeller } from './operation-label';
export { Tracing, type TraceExporterName, type TracingOptions } from './tracing';
export { InstrumentedStore } from './instrumented-store';
export { fsyncObserver, statementInstrument, statementOutcome, traceMetadata, type StatementInstrument } from './store-hooks';
export { createTelemetry, type Telemetry, type TelemetryOptions } from './telemetry';
