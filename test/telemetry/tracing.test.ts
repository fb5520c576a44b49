import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { MemoryStore } from '../../src/store/memory';
import { InstrumentedStore, createTelemetry, type Telemetry } from '../../src/telemetry';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';

const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';
const QUERY = 'query Mexico { entity(id: "mx") { id relationships { node { id } } } }';

describe('tracing', () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;
  let server: TestServer;
  beforeAll(async () => {
    telemetry = createTelemetry({ metrics: false, maxOperationLabels: 10, traceExporters: [], serviceName: 'usmx-test', spanExporter: exporter });
    server = await startTestServer(InstrumentedStore.wrap(new MemoryStore(fixtureDataset), null, telemetry.tracing), {}, { telemetry });
  });
  afterAll(async () => {
    await server.close();
    await telemetry.shutdown();
  });
  beforeEach(() => exporter.reset());

  const post = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  /** The finished spans of one trace, once its server span has ended (after the response is sent). */
  async function traceOf(traceId: string): Promise<ReadableSpan[]> {
    for (let i = 0; i < 100; i++) {
      const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
      if (spans.some((s) => s.kind === SpanKind.SERVER)) return spans;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(
      `no server span in trace ${traceId}; finished: ${exporter
        .getFinishedSpans()
        .map((s) => s.name)
        .join(', ')}`,
    );
  }

  const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;

  it('continues the caller traceparent: a request span named after the operation, a child span per store call', async () => {
    const res = await post({ query: QUERY }, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
    expect(res.status).toBe(200);
    await res.json();
    const spans = await traceOf(CALLER_TRACE);
    const request = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(request.name).toBe('query Mexico');
    expect(parentOf(request)).toBe(CALLER_SPAN);
    expect(request.attributes).toMatchObject({
      'graphql.operation.name': 'Mexico',
      'graphql.operation.type': 'query',
      'http.request.method': 'POST',
      'http.route': '/graphql',
      'url.path': '/graphql',
      'http.response.status_code': 200,
    });
    expect(request.resource.attributes['service.name']).toBe('usmx-test');

    const store = spans.filter((s) => s.name.startsWith('store.'));
    expect(store.map((s) => s.name)).toEqual(expect.arrayContaining(['store.getNodesByIds', 'store.getRelationships', 'store.getDatasetVersion']));
    for (const span of store) {
      expect(parentOf(span)).toBe(request.spanContext().spanId);
      expect(span.attributes['usmx.store']).toBe('memory');
    }
    expect(store.find((s) => s.name === 'store.getRelationships')!.attributes['usmx.store.keys']).toBe(1);

    // The response names the request's span, so a caller can find it.
    expect(res.headers.get('traceparent')).toBe(`00-${CALLER_TRACE}-${request.spanContext().spanId}-01`);
    expect(res.headers.get('access-control-expose-headers')?.split(',')).toContain('traceparent');
  });

  it('starts a new trace when no traceparent, or an invalid one, comes in', async () => {
    for (const headers of [{} as Record<string, string>, { traceparent: 'not-a-traceparent' }, { traceparent: `00-${'0'.repeat(32)}-${CALLER_SPAN}-01` }]) {
      const res = await post({ query: '{ entity(id: "mx") { id } }' }, headers);
      await res.json();
      const [, traceId, spanId] = res.headers.get('traceparent')!.split('-');
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(traceId).not.toBe('0'.repeat(32));
      const request = (await traceOf(traceId)).find((s) => s.kind === SpanKind.SERVER)!;
      expect(request.spanContext().spanId).toBe(spanId);
      expect(request.name).toBe('query');
      expect(parentOf(request)).toBeUndefined();
    }
  });

  it('names the span of a repeat answered from the response cache after its operation, with only the version read under it', async () => {
    const query = 'query CachedRepeat { entity(id: "mx") { id name } }';
    await (await post({ query })).json();
    const res = await post({ query });
    await res.json();
    const [, traceId, spanId] = res.headers.get('traceparent')!.split('-');
    const spans = await traceOf(traceId);
    const request = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(request.spanContext().spanId).toBe(spanId);
    expect(request.name).toBe('query CachedRepeat');
    expect(spans.filter((s) => s.name.startsWith('store.')).map((s) => s.name)).toEqual(['store.getDatasetVersion']);
  });

  it('keeps concurrent requests in their own traces', async () => {
    const traces = Array.from({ length: 8 }, (_, i) => `${(i + 1).toString(16).padStart(2, '0')}${CALLER_TRACE.slice(2)}`);
    // Each request its own operation name, so each one executes (a repeat would be a cached answer with no store calls of its own).
    await Promise.all(
      traces.map(async (trace, i) =>
        (await post({ query: QUERY.replace('query Mexico', `query Mexico${i}`) }, { traceparent: `00-${trace}-${CALLER_SPAN}-01` })).json(),
      ),
    );
    for (const trace of traces) {
      const spans = await traceOf(trace);
      const request = spans.find((s) => s.kind === SpanKind.SERVER)!;
      const store = spans.filter((s) => s.name.startsWith('store.'));
      expect(store.length).toBeGreaterThanOrEqual(3);
      for (const span of store) expect(parentOf(span)).toBe(request.spanContext().spanId);
    }
    const all = exporter.getFinishedSpans().filter((s) => s.name.startsWith('store.'));
    expect(all.every((s) => traces.includes(s.spanContext().traceId))).toBe(true);
  });

  it('marks the request span failed on a server-side error, and the failing store call', async () => {
    const failing = new MemoryStore(fixtureDataset);
    failing.getRelationships = () => Promise.reject(new Error('disk on fire'));
    const broken = await startTestServer(InstrumentedStore.wrap(failing, null, telemetry.tracing), {}, { telemetry });
    try {
      const res = await fetch(broken.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: `00-${CALLER_TRACE.replace(/^0a/, 'ff')}-${CALLER_SPAN}-01` },
        body: JSON.stringify({ query: QUERY }),
      });
      await res.json();
      const spans = await traceOf(CALLER_TRACE.replace(/^0a/, 'ff'));
      const request = spans.find((s) => s.kind === SpanKind.SERVER)!;
      expect(request.status.code).toBe(SpanStatusCode.ERROR);
      expect(request.attributes['usmx.graphql.error_codes']).toEqual(['INTERNAL_SERVER_ERROR']);
      const store = spans.find((s) => s.name === 'store.getRelationships')!;
      expect(store.status).toEqual({ code: SpanStatusCode.ERROR, message: 'Error' });
    } finally {
      await broken.close();
    }
  });

  it('traces an export download with its store calls', async () => {
    const res = await fetch(server.url.replace(/\/graphql$/, '/export?format=json'), {
      headers: { traceparent: `00-${CALLER_TRACE.replace(/^0a/, 'ee')}-${CALLER_SPAN}-01` },
    });
    expect(res.status).toBe(200);
    await res.text();
    const spans = await traceOf(CALLER_TRACE.replace(/^0a/, 'ee'));
    const request = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(request.name).toBe('GET /export');
    expect(spans.filter((s) => s.name.startsWith('store.') && parentOf(s) === request.spanContext().spanId).length).toBeGreaterThan(0);
  });
});

describe('tracing off', () => {
  it('creates no spans and sends no traceparent', async () => {
    const telemetry = createTelemetry({ metrics: false, maxOperationLabels: 10, traceExporters: [], serviceName: 'x' });
    expect(telemetry.tracing).toBeNull();
    const store = new MemoryStore(fixtureDataset);
    expect(InstrumentedStore.wrap(store, null, null)).toBe(store);
    const server = await startTestServer(store, {}, { telemetry });
    try {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
        body: JSON.stringify({ query: '{ entity(id: "mx") { id } }' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('traceparent')).toBeNull();
    } finally {
      await server.close();
    }
  });
});
