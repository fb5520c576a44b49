import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** Where spans go: OTLP over HTTP (the exporter reads OTEL_EXPORTER_OTLP_* itself) or the console. */
export type TraceExporterName = 'otlp' | 'console';

export interface TracingOptions {
  /** OTEL_TRACES_EXPORTER, parsed by config.ts; empty turns tracing off (unless `exporter` is given). */
  readonly exporters: readonly TraceExporterName[];
  /** OTEL_SERVICE_NAME. */
  readonly serviceName: string;
  /** An exporter to use instead (tests: the InMemorySpanExporter), with a span processor that exports each span as it ends. */
  readonly exporter?: SpanExporter;
}

const propagator = new W3CTraceContextPropagator();
const headerGetter = {
  keys: (carrier: Record<string, unknown>) => Object.keys(carrier),
  get: (carrier: Record<string, unknown>, key: string) => carrier[key] as string | string[] | undefined,
};

/**
 * OpenTelemetry tracing for this process, without touching OpenTelemetry's globals: the active
 * span travels in an AsyncLocalStorage of its own (through promises, timers, DataLoader's
 * batches), so the request span, the store calls and the Neo4j statements of one request nest.
 */
export class Tracing {
  private readonly active = new AsyncLocalStorage<Context>();

  private constructor(
    private readonly provider: NodeTracerProvider,
    readonly tracer: Tracer,
  ) {}

  /** Tracing as configured, or null when it is off (no exporter): then nothing creates spans. */
  static setup(options: TracingOptions): Tracing | null {
    const processors: SpanProcessor[] = options.exporter
      ? [new SimpleSpanProcessor(options.exporter)]
      : options.exporters.map((name) => new BatchSpanProcessor(name === 'otlp' ? new OTLPTraceExporter() : new ConsoleSpanExporter()));
    if (processors.length === 0) return null;
    const resource = defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }));
    const provider = new NodeTracerProvider({ resource, spanProcessors: processors });
    return new Tracing(provider, provider.getTracer('usmx-graph'));
  }

  /** The context of the span running now (the root context outside any). */
  activeContext(): Context {
    return this.active.getStore() ?? ROOT_CONTEXT;
  }

  /** The span running now, if any. */
  activeSpan(): Span | undefined {
    return trace.getSpan(this.activeContext());
  }

  /** The caller's trace from a W3C `traceparent` (and `tracestate`) header, if valid; else the root context. */
  extract(headers: Record<string, unknown>): Context {
    return propagator.extract(ROOT_CONTEXT, headers, headerGetter);
  }

  /** Starts a server span for an incoming request, continuing the caller's trace in `parent`. */
  startServerSpan(name: string, parent: Context, attributes: Attributes): Span {
    return this.tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  }

  /** Starts a span as a child of the active one. */
  startChildSpan(name: string, attributes: Attributes, kind: SpanKind = SpanKind.INTERNAL): Span {
    return this.tracer.startSpan(name, { kind, attributes }, this.activeContext());
  }

  /** Runs `work` with `span` active, so the spans it starts are its children. */
  withSpan<T>(span: Span, work: () => T, parent: Context = this.activeContext()): T {
    return this.active.run(trace.setSpan(parent, span), work);
  }

  /** Ends `span` after `work` settles, marking it failed (with the error's name, never its message's data) if `work` rejects. */
  async endAfter<T>(span: Span, work: () => Promise<T>): Promise<T> {
    try {
      return await this.withSpan(span, work);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  }

  /** The W3C `traceparent` of `span`, to hand on (the response header). */
  traceparent(span: Span): string {
    const carrier: Record<string, string> = {};
    propagator.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, { set: (c, key, value) => (c[key] = value) });
    return carrier.traceparent;
  }

  /** Exports what is pending and stops (on shutdown). */
  shutdown(): Promise<void> {
    return this.provider.shutdown();
  }
}
