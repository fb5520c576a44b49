/**
 * Metrics and traces on the real Neo4j: every statement timed by its cypher/ file name, and its
 * span nested under the store call that ran it, under the request's span. Reads only, so it can
 * share the test server with suites that reseed it.
 */
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import neo4j from 'neo4j-driver';
import { Neo4jExecutor, Neo4jStore, connectExecutor } from '../../src/store/neo4j';
import { InstrumentedStore, createTelemetry, statementInstrument, traceMetadata, type Telemetry } from '../../src/telemetry';
import { startTestServer, type TestServer } from '../helpers/graphql';
import { statementsWithTestOnes, testStatement } from '../helpers/neo4j-cypher';
import { describeNeo4j } from '../helpers/neo4j-target';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

describeNeo4j('telemetry on Neo4j', (target) => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;
  let store: Neo4jStore;
  let executor: Neo4jExecutor;
  let server: TestServer;
  beforeAll(async () => {
    telemetry = createTelemetry({ metrics: true, maxOperationLabels: 10, traceExporters: [], serviceName: 'usmx-test', spanExporter: exporter });
    executor = await connectExecutor({
      ...target,
      instrument: statementInstrument(telemetry.metrics, telemetry.tracing),
      traceMetadata: traceMetadata(telemetry.tracing),
    });
    store = new Neo4jStore(executor);
    server = await startTestServer(InstrumentedStore.wrap(store, telemetry.metrics, telemetry.tracing), {}, { telemetry });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await store?.close();
    await telemetry?.shutdown();
  });

  it('times statements by cypher/ file and nests request → store call → statement spans', async () => {
    exporter.reset();
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${TRACE}-00f067aa0ba902b7-01` },
      body: JSON.stringify({ query: 'query Usmca { entity(id: "usmca") { id } }' }),
    });
    expect(res.status).toBe(200);
    await res.json();

    const text = await (await fetch(server.url.replace(/\/graphql$/, '/metrics'))).text();
    const count = (series: string): number =>
      Number(
        text
          .split('\n')
          .find((l) => l.startsWith(`${series} `))
          ?.split(' ')[1] ?? NaN,
      );
    expect(count('usmx_neo4j_statement_duration_seconds_count{statement="node/get-by-ids",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(count('usmx_neo4j_statement_duration_seconds_count{statement="stats/get-dataset-version",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(count('usmx_store_call_duration_seconds_count{store="neo4j",method="getNodesByIds",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(count('usmx_neo4j_statements_in_flight')).toBe(0);

    let spans = exporter.getFinishedSpans();
    for (let i = 0; i < 100 && !spans.some((s) => s.kind === SpanKind.SERVER); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      spans = exporter.getFinishedSpans();
    }
    const request = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(request.name).toBe('query Usmca');
    expect(request.spanContext().traceId).toBe(TRACE);
    const call = spans.find((s) => s.name === 'store.getNodesByIds')!;
    expect(call.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    const statement = spans.find((s) => s.name === 'neo4j node/get-by-ids')!;
    expect(statement.kind).toBe(SpanKind.CLIENT);
    expect(statement.parentSpanContext?.spanId).toBe(call.spanContext().spanId);
    expect(statement.spanContext().traceId).toBe(TRACE);
    expect(statement.attributes).toMatchObject({ 'db.system.name': 'neo4j', 'db.operation.name': 'node/get-by-ids' });
  });

  it("puts the statement span's traceparent in the transaction metadata Neo4j records", async () => {
    const tracing = telemetry.tracing!;
    exporter.reset();
    const outer = tracing.startChildSpan('test', {});
    const withTestStatements = new Neo4jExecutor(executor.driver, {
      uri: target.uri,
      timeoutMs: 5000,
      instrument: statementInstrument(telemetry.metrics, telemetry.tracing),
      traceMetadata: traceMetadata(telemetry.tracing),
      statements: statementsWithTestOnes(),
    });
    const result = await tracing.endAfter(outer, () => withTestStatements.execute(testStatement('test/get-metadata'), {}, 'read'));
    const metadata = result.records[0].get('metadata') as Record<string, string>;
    const statement = exporter.getFinishedSpans().find((s) => s.name === 'neo4j test/get-metadata')!;
    expect(statement.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
    expect(metadata).toEqual({
      app: 'usmx-graph',
      statement: 'test/get-metadata',
      traceparent: `00-${statement.spanContext().traceId}-${statement.spanContext().spanId}-01`,
    });
  });

  it('counts a statement that gets no pooled connection in time as acquisition_timeout', async () => {
    // A pool of one connection, held by an open transaction: the next statement waits for it, then gives up.
    const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
      maxConnectionPoolSize: 1,
      connectionAcquisitionTimeout: 300,
    });
    const small = new Neo4jExecutor(driver, { uri: target.uri, timeoutMs: 5000, instrument: statementInstrument(telemetry.metrics, null) });
    const holder = driver.session();
    const tx = await holder.beginTransaction();
    try {
      await expect(small.execute('node/get-by-ids', { ids: ['usmca'] }, 'read')).rejects.toThrow();
      const text = await telemetry.metrics!.registry.metrics();
      expect(text).toMatch(/^usmx_neo4j_statement_duration_seconds_count\{statement="node\/get-by-ids",outcome="acquisition_timeout"\} 1$/m);
    } finally {
      await tx.rollback();
      await holder.close();
      await driver.close();
    }
  });
});
