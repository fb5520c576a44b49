import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { listen } from '../../src/server/listen';
import { metricsListener } from '../../src/server/metrics-route';
import { MemoryStore } from '../../src/store/memory';
import { InstrumentedStore, createTelemetry, fsyncObserver, type Telemetry } from '../../src/telemetry';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { startTestServer, type TestOverrides, type TestServer } from '../helpers/graphql';

const TOKEN = 'scrape-token-0123456789';

function telemetryFor(maxOperationLabels = 200): Telemetry {
  return createTelemetry({ metrics: true, maxOperationLabels, traceExporters: [], serviceName: 'test' });
}

/** A test server over the fixture store, wrapped with `telemetry` as main.ts wraps it. */
async function serve(telemetry: Telemetry, overrides: TestOverrides = {}): Promise<TestServer> {
  const store = InstrumentedStore.wrap(new MemoryStore(fixtureDataset), telemetry.metrics, telemetry.tracing);
  return startTestServer(store, overrides, { telemetry });
}

const metricsUrl = (server: TestServer): string => server.url.replace(/\/graphql$/, '/metrics');

/** The value of one sample line, `name{labels} value`, or undefined when the scrape has no such line. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  let telemetry: Telemetry;
  let server: TestServer;
  beforeAll(async () => {
    telemetry = telemetryFor();
    server = await serve(telemetry);
  });
  afterAll(() => server.close());

  it('shows requests by operation and outcome, their latency, store calls by method, and the process', async () => {
    await server.post('query Mexico { entity(id: "mx") { id name relationships { node { id } } } }');
    await server.post('query Mexico { entity(id: "mx") { id } }');
    await server.post('{ entity(id: "mx") { id } }');
    await server.post('query Broken { entity(id: "mx") { noSuchField } }');
    await server.post('query { entity(');
    const res = await fetch(metricsUrl(server));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();

    expect(sample(text, 'usmx_graphql_requests_total{operation="Mexico",type="query",outcome="ok"}')).toBe(2);
    expect(sample(text, 'usmx_graphql_requests_total{operation="(anonymous)",type="query",outcome="ok"}')).toBe(1);
    expect(sample(text, 'usmx_graphql_requests_total{operation="(unknown)",type="unknown",outcome="client_error"}')).toBe(2);
    expect(sample(text, 'usmx_graphql_errors_total{code="GRAPHQL_PARSE_FAILED"}')).toBe(1);
    expect(sample(text, 'usmx_graphql_request_duration_seconds_count{operation="Mexico",type="query"}')).toBe(2);
    expect(sample(text, 'usmx_graphql_request_duration_seconds_bucket{le="10",operation="Mexico",type="query"}')).toBe(2);

    // Each nesting level is one store call: the entity, then its relationships.
    expect(sample(text, 'usmx_store_call_duration_seconds_count{store="memory",method="getNodesByIds",outcome="ok"}')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'usmx_store_call_duration_seconds_count{store="memory",method="getRelationships",outcome="ok"}')).toBe(1);
    expect(sample(text, 'usmx_store_call_duration_seconds_sum{store="memory",method="getRelationships",outcome="ok"}')).toBeGreaterThan(0);

    // prom-client's defaults on the server's own registry: event-loop lag and the process.
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toContain('# TYPE usmx_neo4j_statement_duration_seconds histogram');
    expect(text).toContain('# TYPE usmx_journal_fsync_duration_seconds histogram');
  });

  it('counts response cache lookups reported through recordCacheLookup', async () => {
    // The server's own cache reports its lookups too: count what these three calls add.
    const before = await (await fetch(metricsUrl(server))).text();
    telemetry.recordCacheLookup('hit');
    telemetry.recordCacheLookup('hit');
    telemetry.recordCacheLookup('miss');
    const text = await (await fetch(metricsUrl(server))).text();
    const added = (series: string): number => (sample(text, series) ?? 0) - (sample(before, series) ?? 0);
    expect(added('usmx_response_cache_lookups_total{result="hit"}')).toBe(2);
    expect(added('usmx_response_cache_lookups_total{result="miss"}')).toBe(1);
  });

  it('counts a failing store call as an error and a server-side error as a server_error', async () => {
    const failing = new MemoryStore(fixtureDataset);
    failing.getNodesByIds = () => Promise.reject(new Error('disk on fire'));
    const own = telemetryFor();
    const broken = await startTestServer(InstrumentedStore.wrap(failing, own.metrics, null), {}, { telemetry: own });
    try {
      const answer = await broken.post('query Mexico { entity(id: "mx") { id } }');
      expect(answer.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      const text = await (await fetch(metricsUrl(broken))).text();
      expect(sample(text, 'usmx_store_call_duration_seconds_count{store="memory",method="getNodesByIds",outcome="error"}')).toBe(1);
      expect(sample(text, 'usmx_graphql_requests_total{operation="Mexico",type="query",outcome="server_error"}')).toBe(1);
      expect(sample(text, 'usmx_graphql_errors_total{code="INTERNAL_SERVER_ERROR"}')).toBe(1);
    } finally {
      await broken.close();
    }
  });
});

describe('operation name labels', () => {
  it('labels the first METRICS_MAX_OPERATIONS names as themselves and every later one (other)', async () => {
    const telemetry = telemetryFor(2);
    const server = await serve(telemetry);
    try {
      for (const name of ['First', 'Second', 'Third', 'Fourth', 'First']) await server.post(`query ${name} { entity(id: "mx") { id } }`);
      const long = `L${'o'.repeat(100)}ng`;
      await server.post(`query ${long} { entity(id: "mx") { id } }`);
      const text = await (await fetch(metricsUrl(server))).text();
      expect(sample(text, 'usmx_graphql_requests_total{operation="First",type="query",outcome="ok"}')).toBe(2);
      expect(sample(text, 'usmx_graphql_requests_total{operation="Second",type="query",outcome="ok"}')).toBe(1);
      expect(sample(text, 'usmx_graphql_requests_total{operation="(other)",type="query",outcome="ok"}')).toBe(3);
      expect(text).not.toContain('Third');
      expect(text).not.toContain('Loooo');
    } finally {
      await server.close();
    }
  });

  it('cuts a long name to 64 characters', async () => {
    const telemetry = telemetryFor();
    const server = await serve(telemetry);
    try {
      const long = `Q${'x'.repeat(200)}`;
      await server.post(`query ${long} { entity(id: "mx") { id } }`);
      const text = await (await fetch(metricsUrl(server))).text();
      expect(sample(text, `usmx_graphql_requests_total{operation="${long.slice(0, 64)}",type="query",outcome="ok"}`)).toBe(1);
      expect(text).not.toContain(long.slice(0, 65));
    } finally {
      await server.close();
    }
  });
});

describe('who may scrape', () => {
  it('needs the bearer token when METRICS_TOKEN is set, and never echoes it', async () => {
    const config = loadConfig({ METRICS_TOKEN: TOKEN });
    const server = await serve(telemetryFor(), { telemetry: config.telemetry });
    try {
      const none = await fetch(metricsUrl(server));
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await none.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('no Authorization header was sent') } });
      const wrong = await fetch(metricsUrl(server), { headers: { authorization: `Bearer ${TOKEN}x` } });
      expect(wrong.status).toBe(401);
      const body = await wrong.text();
      expect(body).toContain('does not match');
      expect(body).not.toContain(TOKEN);
      const right = await fetch(metricsUrl(server), { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('usmx_graphql_requests_total');
    } finally {
      await server.close();
    }
  });

  it('is not on the API port when METRICS_PORT gives it a listener of its own, which serves only /metrics', async () => {
    const config = loadConfig({ METRICS_PORT: '0' });
    const telemetry = telemetryFor();
    const server = await serve(telemetry, { telemetry: config.telemetry });
    let own: Server | undefined;
    try {
      const onApi = await fetch(metricsUrl(server));
      expect(await onApi.text()).not.toContain('usmx_graphql_requests_total');
      own = await listen(metricsListener(telemetry.metrics!.registry), 0, '127.0.0.1');
      const base = `http://127.0.0.1:${(own.address() as AddressInfo).port}`;
      await server.post('query Mexico { entity(id: "mx") { id } }');
      const scraped = await fetch(`${base}/metrics`);
      expect(scraped.status).toBe(200);
      expect(sample(await scraped.text(), 'usmx_graphql_requests_total{operation="Mexico",type="query",outcome="ok"}')).toBe(1);
      expect((await fetch(`${base}/graphql`)).status).toBe(404);
      expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
    } finally {
      await new Promise<void>((resolve) => (own ? own.close(() => resolve()) : resolve()));
      await server.close();
    }
  });

  it('is absent with METRICS=off', async () => {
    const config = loadConfig({ METRICS: 'off' });
    const telemetry = createTelemetry({ ...config.telemetry, metrics: config.telemetry.metrics });
    expect(telemetry.metrics).toBeNull();
    const server = await serve(telemetry);
    try {
      const res = await fetch(metricsUrl(server));
      expect(await res.text()).not.toContain('usmx_');
    } finally {
      await server.close();
    }
  });
});

describe('journal fsync time', () => {
  it('observes each fsync of a curated change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'usmx-metrics-'));
    const telemetry = telemetryFor();
    const store = MemoryStore.open(fixtureDataset, { journalPath: join(dir, 'journal.jsonl'), onFsync: fsyncObserver(telemetry.metrics) });
    try {
      const wrapped = InstrumentedStore.wrap(store, telemetry.metrics, null);
      for (const value of [1, 2]) {
        await wrapped.applyChange({
          op: 'addObservation',
          observation: { metric: 'crossings', value, period: String(2000 + value) },
          sources: ['src#1'],
          actor: 'alice',
          at: '2024-05-01T12:00:00.000Z',
        });
      }
      const text = await telemetry.metrics!.registry.metrics();
      expect(sample(text, 'usmx_journal_fsync_duration_seconds_count')).toBe(2);
      expect(sample(text, 'usmx_journal_fsync_duration_seconds_sum')).toBeGreaterThan(0);
      expect(sample(text, 'usmx_store_call_duration_seconds_count{store="memory",method="applyChange",outcome="ok"}')).toBe(2);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
