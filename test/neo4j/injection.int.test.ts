/**
 * Cypher and Lucene injection through every text argument of every Query field, against a real
 * Neo4j of its own (the shared test server is reset by other suites running in parallel).
 *
 * Every String, ID and string-parsed scalar position of every argument — top level, inside lists,
 * inside input objects — is derived from the schema (test/fuzz/schema-walk.ts) and gets every
 * payload. The API must answer 200/400 with known codes (never INTERNAL_SERVER_ERROR), take ids
 * as values (an id made of Cypher is just an unknown id), treat Lucene syntax in `search` as
 * plain words, and leave the database exactly as seeded: same counts, same dataset version.
 *
 * Then the same payloads go into every text position of every Mutation field, with a valid
 * curator token and otherwise legal arguments (a fresh target entity or relationship per case, so
 * that seeds are never the target): no 500, no INTERNAL_SERVER_ERROR, any write that succeeds
 * stores the payload as plain data (read back from the store by id), and every seed entity is
 * still there with its name.
 */
import type { GraphQLSchema } from 'graphql';
import { EdgeType, datasetVersion, type GraphNode, type GraphStats } from '../../src/domain';
import { collectGraph } from '../../src/export';
import { createSchema } from '../../src/graphql/schema';
import { MemoryStore } from '../../src/store/memory';
import { Neo4jStore, connectExecutor, writeDataset } from '../../src/store/neo4j';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';
import { describeNeo4j } from '../helpers/neo4j-target';
import { mutationFields, queryFields, textPositions, type ArgPath, type QueryFieldInfo } from '../fuzz/schema-walk';
import { startTestNeo4j, type TestNeo4j } from './start';

const CYPHER = [
  "'",
  '"',
  '`',
  ';',
  '//',
  '}',
  ')',
  "' MATCH (n) DETACH DELETE n //",
  '" MATCH (n) DETACH DELETE n //',
  '`) MATCH (n) DETACH DELETE n //',
  "usmca'}) MATCH (n) DETACH DELETE n RETURN 1 //",
  "usmca' OR 1=1 //",
  "') RETURN n UNION MATCH (n) RETURN n //",
  '; MATCH (n) DETACH DELETE n',
  '$param',
  '$ids',
  '{',
  '{id: "usmca"}',
  '\\',
  "\\'",
  '\\"; MATCH (n) SET n.name = "pwned" //',
  '\\u0027 MATCH (n) DETACH DELETE n //',
  '\u0027) CALL db.clearQueryCaches() //',
  '/* */ MATCH (n) DELETE n',
  'CALL apoc.cypher.runWrite("MATCH (n) DETACH DELETE n", {})',
  "usmca' AND size([x IN range(0, 100000000) | x]) > 0 //",
];

const LUCENE = [
  '+',
  '-',
  '&&',
  '||',
  '!',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '^',
  '"',
  '~',
  '*',
  '?',
  ':',
  '\\',
  '/',
  'AND',
  'OR',
  'NOT',
  '*:*',
  '*',
  'name:usmca',
  'kind:Actor',
  'id:*',
  'searchText:*',
  'usmca AND NOT mexico',
  'mexico OR *:*',
  '+usmca -mexico',
  'mex*',
  'm?xico',
  'mexico~0.1',
  'merida^100',
  '"united states"~5',
  '[a TO z]',
  '{a TO z}',
  '/.*/',
  '/mex.*/',
  '(usmca',
  'usmca)',
  '\\*',
  'NOT *',
  '&& || ! ( ) { } [ ] ^ " ~ * ? : \\ /',
  'a'.repeat(2_000),
  'ñandú Mérida \u0000 \u202e',
];

const PAYLOADS = [...new Set([...CYPHER, ...LUCENE])];

const CURATOR_TOKEN = 'injection-curator-token-0123456789';

/** Every string in a stored record, keys included (a date role is a key): where a payload written as data must show up. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsOf(v, out);
    }
  }
  return out;
}

const ALLOWED_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX', 'NOT_FOUND']);

/** Required arguments get values that exist, so the payload in another position reaches the store. */
const REQUIRED: Record<string, unknown> = { id: 'usmca', from: 'amlo', to: 'usmca', query: 'usmca' };

function withPayload(field: QueryFieldInfo, path: ArgPath, payload: string, base?: Record<string, unknown>): Record<string, unknown> {
  const vars: Record<string, unknown> = base ? structuredClone(base) : {};
  if (!base) {
    for (const arg of field.args) {
      if (String(arg.type).endsWith('!') && arg.defaultValue === undefined) vars[arg.name] = REQUIRED[arg.name] ?? 'usmca';
    }
  }
  // Build the nested value along the path: ["filter", "addresses", 0] → { filter: { addresses: [payload] } }.
  let cursor: Record<string | number, unknown> | unknown[] = vars;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const last = i === path.length - 1;
    const existing = (cursor as Record<string | number, unknown>)[key];
    const next = last ? payload : typeof existing === 'object' && existing !== null ? existing : typeof path[i + 1] === 'number' ? [] : {};
    (cursor as Record<string | number, unknown>)[key] = next;
    if (!last) cursor = next as Record<string | number, unknown>;
  }
  return vars;
}

async function pool<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

describeNeo4j('Cypher and Lucene injection through every text argument (private Neo4j)', () => {
  let neo4j: TestNeo4j;
  let store: Neo4jStore;
  let server: TestServer;
  /** The same store, with curator tokens: writes on. */
  let curated: TestServer;
  let schema: GraphQLSchema;
  let expectedStats: GraphStats;
  const dataset = seedDataset();
  const byId = new Map<string, GraphNode>(dataset.nodes.map((n) => [n.id, n]));

  beforeAll(async () => {
    neo4j = await startTestNeo4j();
    const executor = await connectExecutor({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password, timeoutMs: 10_000 });
    await writeDataset(executor, dataset);
    store = new Neo4jStore(executor);
    expectedStats = await new MemoryStore(dataset).getStats();
    expect(await store.getStats()).toEqual(expectedStats);
    schema = await createSchema();
    server = await startTestServer(store, { production: true, introspection: false });
    curated = await startTestServer(store, { production: true, introspection: false, curatorTokens: new Map([['injector', CURATOR_TOKEN]]) });
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    await curated?.close();
    await store?.close();
    await neo4j?.stop();
  });

  interface Answer {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  }

  async function post(query: string, variables: Record<string, unknown>, authorization?: string): Promise<{ status: number; body: Answer }> {
    const res = await fetch(authorization ? curated.url : server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as Answer };
  }

  it('every payload in every text position of every Query field: no 500, no INTERNAL_SERVER_ERROR', async () => {
    const cases = queryFields(schema).flatMap((field) =>
      field.args.flatMap((arg) => textPositions(arg).flatMap(({ path }) => PAYLOADS.map((payload) => ({ field, path, payload })))),
    );
    const positions = new Set(cases.map((c) => `${c.field.name}(${c.path.join('.')})`));
    expect(positions.size).toBeGreaterThanOrEqual(20);
    const failures: string[] = [];
    let answered = 0;
    await pool(cases, 4, async ({ field, path, payload }) => {
      const { status, body } = await post(field.document, withPayload(field, path, payload));
      const where = `${field.name}(${path.join('.')}) ← ${JSON.stringify(payload).slice(0, 60)}`;
      if (status !== 200 && status !== 400) failures.push(`${where}: HTTP ${status}`);
      for (const error of body.errors ?? []) {
        if (!ALLOWED_CODES.has(String(error.extensions?.code))) failures.push(`${where}: ${error.extensions?.code} ${error.message}`);
      }
      if (body.data && !body.errors) answered++;
    });
    expect(failures).toEqual([]);
    // Some payloads got all the way through to Neo4j and back (not only refused by validation).
    expect(answered).toBeGreaterThan(PAYLOADS.length);
  }, 300_000);

  it('takes an id made of Cypher or Lucene as a value: an unknown id, never a match', async () => {
    for (const payload of PAYLOADS) {
      const { status, body } = await post('query ($id: ID!) { entity(id: $id) { id } neighbourhood(id: $id) { center { id } } }', { id: payload });
      expect({ payload, status, body: { data: body.data, errors: body.errors } }).toEqual({
        payload,
        status: 200,
        body: { data: { entity: null, neighbourhood: null }, errors: undefined },
      });
    }
  }, 120_000);

  it('treats Lucene syntax in search as plain words: *:* finds nothing, every hit matches the words', async () => {
    const everything = await post('{ search(query: "*:*", first: 100) { entity { id } } }', {});
    expect(everything.body).toMatchObject({ data: { search: [] } });
    expect(everything.body.errors).toBeUndefined();

    const memory = new MemoryStore(dataset);
    for (const payload of PAYLOADS) {
      const { body } = await post('query ($q: String!) { search(query: $q, first: 100) { score entity { id } } }', { q: payload });
      // Refused as bad input (e.g. longer than the allowed query length) is fine; anything else is not.
      expect({ payload, codes: (body.errors ?? []).map((e) => e.extensions?.code).filter((c) => c !== 'BAD_USER_INPUT') }).toEqual({ payload, codes: [] });
      if (body.errors) continue;
      const hits = (body.data!.search as Array<{ score: number; entity: { id: string } }>).map((h) => ({ id: h.entity.id, score: h.score }));
      for (const hit of hits) expect(hit.score).toBeGreaterThan(0);
      // The embedded store's hits (which never sees Lucene), in the same order with the same
      // scores: both stores index the domain's folded words, and the domain ranks.
      const expected = (await memory.search({ text: payload, limit: 100 })).map((h) => ({ id: h.node.id, score: h.score }));
      expect({ payload, hits }).toEqual({ payload, hits: expected });
    }
    expect((await post('{ search(query: "usmca AND NOT mexico", first: 100) { entity { id } } }', {})).body.data!.search).toEqual(
      expect.arrayContaining([{ entity: { id: 'usmca' } }]),
    );
  }, 120_000);

  it('leaves the database exactly as seeded: same counts, same dataset version, same names', async () => {
    expect(await store.getStats()).toEqual(expectedStats);
    expect(await store.getDatasetVersion()).toBe(dataset.version);
    const sample = ['usmca', 'nafta', 'amlo', 'mexico', 'hlsd'];
    expect((await store.getNodesByIds(sample)).map((n) => n?.name)).toEqual(sample.map((id) => byId.get(id)!.name));
  });

  // Runs after the read-only checks above (jest keeps the order): from here on the database changes.
  it('every payload in every text position of every Mutation field (valid token): no 500, writes store the payload as plain data', async () => {
    const citation = dataset.nodes.flatMap((n) => n.sources)[0];
    const sources = [`${citation.sourceId}#${citation.slide}`];
    const metric = dataset.nodes.find((n) => n.kind === 'Metric')!.id;
    let serial = 0;
    const at = () => new Date().toISOString();
    /** A fresh Topic written straight to the store: the target of an update, retirement or edge. */
    const freshTopic = async (): Promise<string> => {
      const id = `inj-target-${++serial}`;
      await store.applyChange({ op: 'createEntity', entity: { id, kind: 'Topic', name: `Injection target ${serial}` }, sources, actor: 'setup', at: at() });
      return id;
    };
    /** A distinct day per case, so no two observations collide. */
    const freshDay = (): string => new Date(Date.UTC(1950, 0, 1) + ++serial * 86_400_000).toISOString().slice(0, 10);
    /** A fresh observation of `metric` written straight to the store: the target of a correction or withdrawal. */
    const freshObservation = async (): Promise<string> => {
      const applied = await store.applyChange({
        op: 'addObservation',
        observation: { metric, value: 1, period: freshDay() },
        sources,
        actor: 'setup',
        at: at(),
      });
      return applied.observation!.id;
    };
    /** Legal arguments for each mutation, so the payload in one position is all that is odd. */
    const legal: Record<string, () => Promise<Record<string, unknown>>> = {
      createEntity: async () => ({ input: { id: `inj-new-${++serial}`, kind: 'Topic', name: 'Injection probe' }, sources }),
      updateEntity: async () => ({ id: await freshTopic(), input: { description: 'probe' }, sources }),
      retireEntity: async () => ({ id: await freshTopic(), sources }),
      addRelationship: async () => ({ input: { from: 'usmca', type: 'ADDRESSES', to: await freshTopic() }, sources }),
      retireRelationship: async () => {
        const applied = await store.applyChange({
          op: 'addRelationship',
          relationship: { from: 'usmca', type: 'ADDRESSES', to: await freshTopic() },
          sources,
          actor: 'setup',
          at: at(),
        });
        return { id: applied.relationship!.id, sources };
      },
      addObservation: async () => ({ input: { metric, value: 1, period: freshDay() }, sources }),
      updateObservation: async () => ({ id: await freshObservation(), input: { note: 'probe' }, sources }),
      retireObservation: async () => ({ id: await freshObservation(), sources }),
    };
    const fields = mutationFields(schema);
    expect(fields.map((f) => f.name).sort()).toEqual(Object.keys(legal).sort());
    const cases = fields.flatMap((field) =>
      field.args.flatMap((arg) => textPositions(arg).flatMap(({ path }) => PAYLOADS.map((payload) => ({ field, path, payload })))),
    );
    const positions = new Set(cases.map((c) => `${c.field.name}(${c.path.join('.')})`));
    expect(positions.size).toBeGreaterThanOrEqual(30);
    const failures: string[] = [];
    const written = new Map<string, number>();
    await pool(cases, 4, async ({ field, path, payload }) => {
      const where = `${field.name}(${path.join('.')}) ← ${JSON.stringify(payload).slice(0, 60)}`;
      const { status, body } = await post(field.document, withPayload(field, path, payload, await legal[field.name]()), `Bearer ${CURATOR_TOKEN}`);
      if (status !== 200 && status !== 400) failures.push(`${where}: HTTP ${status}`);
      for (const error of body.errors ?? []) {
        if (!ALLOWED_CODES.has(String(error.extensions?.code))) failures.push(`${where}: ${error.extensions?.code} ${error.message}`);
      }
      if (!body.data || body.errors) return;
      written.set(field.name, (written.get(field.name) ?? 0) + 1);
      // Accepted: the payload is stored exactly, as data, on the record the mutation names.
      const result = body.data[field.name] as { entity?: { id: string }; relationship?: { id: string }; observation?: { id: string } };
      let stored: unknown;
      if (field.name === 'retireEntity' || field.name === 'retireRelationship' || field.name === 'retireObservation') return; // writes no text of its own
      if (result.entity) stored = (await store.getNodesByIds([result.entity.id]))[0];
      else if (result.relationship) {
        const [hits] = await store.getRelationships([{ nodeId: 'usmca', direction: 'OUT', types: [EdgeType.ADDRESSES] }]);
        stored = hits.find((h) => h.relationship.id === result.relationship!.id)?.relationship;
      } else if (result.observation) {
        const [observations] = await store.getObservations([{ metricId: metric }]);
        stored = observations.find((o) => o.id === result.observation!.id);
      }
      if (!stored) failures.push(`${where}: accepted, but nothing to read back by id (${JSON.stringify(result).slice(0, 200)})`);
      else if (!stringsOf(stored).includes(payload))
        failures.push(`${where}: accepted, but the stored record does not hold the payload: ${JSON.stringify(stored).slice(0, 300)}`);
    });
    expect(failures).toEqual([]);
    // Payloads got through to Neo4j as stored text for every mutation that takes free text (the
    // retirements take only an id and citations, which a payload never is).
    const freeText = ['createEntity', 'updateEntity', 'addRelationship', 'addObservation', 'updateObservation'];
    expect(Object.fromEntries(freeText.map((f) => [f, (written.get(f) ?? 0) > 0]))).toEqual(Object.fromEntries(freeText.map((f) => [f, true])));
    console.log(`mutation injection: ${cases.length} cases, accepted writes ${JSON.stringify(Object.fromEntries(written))}`);
  }, 600_000);

  it('after the mutations: every seed entity still resolves, under its own name, and the version is that of the data now there', async () => {
    const ids = dataset.nodes.map((n) => n.id);
    const nodes = await store.getNodesByIds(ids);
    expect(nodes.map((n, i) => ({ id: ids[i], name: n?.name ?? null }))).toEqual(dataset.nodes.map((n) => ({ id: n.id, name: n.name })));
    // Hundreds of curated writes, four at a time: the digest kept by each change's transaction
    // equals the digest of the whole live graph read back (and so is no longer the seeds').
    const live = await collectGraph(store, { kind: 'graph' });
    expect(await store.getDatasetVersion()).not.toBe(dataset.version);
    expect(await store.getDatasetVersion()).toBe(datasetVersion(live));
    expect(await store.getSeededVersion()).toBe(dataset.version);
  });
});
