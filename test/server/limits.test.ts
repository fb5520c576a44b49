import { loadConfig } from '../../src/config';
import { computeDegreeStats } from '../../src/domain';
import { MemoryStore } from '../../src/store/memory';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { startTestServer, type GraphQLResult, type TestServer } from '../helpers/graphql';

const store = new MemoryStore(fixtureDataset);

function refusal(result: GraphQLResult) {
  expect(result.data ?? undefined).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  return result.errors![0];
}

describe('query limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(store, {
      limits: { maxDepth: 6, maxAliases: 3, maxDirectives: 2, maxTokens: 60, maxCost: 1000 },
    });
  });
  afterAll(() => server.close());

  it('refuses a query deeper than allowed, with the measured and the allowed depth', async () => {
    const error = refusal(await server.post('{ entity(id: "mx") { relationships { node { relationships { node { relationships { node { id } } } } } } } }'));
    // entity › relationships › node › relationships › node › relationships › node › id
    expect(error.message).toBe('query depth 8 exceeds the allowed 6');
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measured: 8, allowed: 6 });
    expect(error.extensions).not.toHaveProperty('http');
  });

  it('answers a query at the depth limit', async () => {
    const result = await server.post('{ entity(id: "mx") { relationships { node { relationships { node { id } } } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty('entity');
  });

  it('counts depth through fragments, not the fragments themselves', async () => {
    const deep =
      '{ entity(id: "mx") { ...R } } fragment R on Entity { relationships { node { ... on Actor { relationships { node { relationships { node { id } } } } } } } }';
    expect(refusal(await server.post(deep)).message).toBe('query depth 8 exceeds the allowed 6');
  });

  it('refuses too many aliases, and answers at the limit', async () => {
    const error = refusal(await server.post('{ a: entity(id: "mx") { id } b: entity(id: "us") { id } c: entity(id: "mx") { id } d: entity(id: "us") { id } }'));
    expect(error.message).toBe('aliases 4 exceeds the allowed 3');
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measured: 4, allowed: 3 });
    const ok = await server.post('{ a: entity(id: "mx") { id } b: entity(id: "us") { id } c: entity(id: "mx") { id } }');
    expect(ok.errors).toBeUndefined();
  });

  it('refuses too many directives, and answers at the limit', async () => {
    const error = refusal(await server.post('{ entity(id: "mx") { id @include(if: true) name @skip(if: false) kind @include(if: true) } }'));
    expect(error.message).toBe('directives 3 exceeds the allowed 2');
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measured: 3, allowed: 2 });
    const ok = await server.post('{ entity(id: "mx") { id @include(if: true) name @skip(if: false) } }');
    expect(ok.errors).toBeUndefined();
  });

  it('refuses a document with too many tokens before parsing it whole, counting them all', async () => {
    const fields = Array.from({ length: 70 }, () => 'id').join(' ');
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: `{ entity(id: "mx") { ${fields} } }` }),
    });
    expect(res.status).toBe(400);
    const error = refusal((await res.json()) as GraphQLResult);
    // { entity ( id : "mx" ) { …70 × id… } }
    expect(error.message).toBe('tokens 80 exceeds the allowed 60');
    expect(error.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', measured: 80, allowed: 60 });
  });

  it('answers a document at the token limit', async () => {
    const fields = Array.from({ length: 50 }, () => 'id').join(' ');
    const result = await server.post(`{ entity(id: "mx") { ${fields} } }`);
    expect(result.errors).toBeUndefined();
  });

  it('prices a list at most at what the store holds: `first` and the entities of its kind', async () => {
    // The fixture holds 4 actors: 1 (actors) + 4 × (edges 1 + node 1 + id 1 + name 1) = 17, for first: 100 as for first: 4.
    const tight = await startTestServer(store, { limits: { maxCost: 16 } });
    try {
      const error = refusal(await tight.post('{ actors(first: 100) { edges { node { id name } } } }'));
      expect(error.message).toBe('query cost 17 exceeds the allowed 16');
      expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measured: 17, allowed: 16 });
      expect(refusal(await tight.post('{ actors(first: 4) { edges { node { id name } } } }')).extensions?.measured).toBe(17);
      // first: 3 → 1 + 3 × 4 = 13
      expect((await tight.post('{ actors(first: 3) { edges { node { id name } } } }')).errors).toBeUndefined();
    } finally {
      await tight.close();
    }
  });

  it('prices a neighbourhood by the entities it may hold and the largest degree of the graph', async () => {
    // limit 300 holds at most the fixture's 17 entities; the largest degree is 5 (talks):
    // 1 + work 2 × 17 × 5 + 17 × (nodes 1 + 1 × id 1 + edges 1 + 5 × id 1) = 1 + 170 + 17 × 8 = 307
    const tight = await startTestServer(store, { limits: { maxCost: 306 } });
    try {
      const priced = refusal(await tight.post('{ neighbourhood(id: "mx", limit: 300) { nodes { id } edges { id } } }'));
      expect(priced.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measured: 307, allowed: 306 });
      // limit 2: 1 + 2 × 2 × 5 + 2 × 8 = 37
      expect((await tight.post('{ neighbourhood(id: "mx", limit: 2) { nodes { id } edges { id } } }')).errors).toBeUndefined();
    } finally {
      await tight.close();
    }
  });

  it("prices a relationship's `sources` read through the RelationshipEvidence interface as on its own type", async () => {
    // One relationship cited on 9 slides, more than any entity of the fixture: the two bounds differ.
    const source = fixtureDataset.nodes.find((n) => n.kind === 'Source')!.id;
    const relationships = fixtureDataset.relationships.map((r, i) =>
      i === 0 ? { ...r, sources: Array.from({ length: 9 }, (_, k) => ({ sourceId: source, slide: k + 1 })) } : r,
    );
    const stats = computeDegreeStats(fixtureDataset.nodes, relationships, fixtureDataset.observations);
    expect(stats.maxRelationshipCitations).toBeGreaterThan(Math.max(...Object.values(stats.maxEntityCitations)));
    const tight = await startTestServer(new MemoryStore({ ...fixtureDataset, relationships }), { limits: { maxCost: 1 } });
    try {
      const measured = async (selection: string) =>
        refusal(await tight.post(`{ neighbourhood(id: "mx", limit: 1) { edges { ${selection} } } }`)).extensions?.measured as number;
      const direct = await measured('sources { slide }');
      expect(await measured('... on RelationshipEvidence { sources { slide } }')).toBe(direct);
    } finally {
      await tight.close();
    }
  });

  it('prices with variables as sent', async () => {
    const tight = await startTestServer(store, { limits: { maxCost: 16 } });
    try {
      const query = 'query ($n: Int!) { actors(first: $n) { edges { node { id name } } } }';
      expect(refusal(await tight.post(query, { n: 4 })).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measured: 17 });
      expect((await tight.post(query, { n: 3 })).errors).toBeUndefined();
    } finally {
      await tight.close();
    }
  });

  it('refuses in-process operations too (the same plugin)', async () => {
    const error = refusal(await server.execute('{ entity(id: "mx") { relationships { node { relationships { node { relationships { node { id } } } } } } } }'));
    expect(error.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('stops estimating a fragment fan-out (few tokens, 10⁴ fields) and refuses it', async () => {
    const wide = (name: string, next: string) => `fragment ${name} on Entity { ${Array.from({ length: 10 }, () => `...${next}`).join(' ')} }`;
    const doc = `{ entity(id: "mx") { ...A } } ${wide('A', 'B')} ${wide('B', 'C')} ${wide('C', 'D')} ${wide('D', 'E')} fragment E on Entity { id }`;
    const big = await startTestServer(store, { limits: { maxTokens: 10_000 } });
    try {
      const error = refusal(await big.post(doc));
      expect(error.message).toBe('selections with fragments expanded over 10000 exceeds the allowed 10000');
      expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measured: 10000, allowed: 10000 });
    } finally {
      await big.close();
    }
  });
});

describe('batched requests', () => {
  const op = { query: '{ entity(id: "mx") { id } }' };
  const postBatch = (url: string, count: number) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify(Array.from({ length: count }, () => op)),
    });

  it('are off by default', async () => {
    const server = await startTestServer(store);
    try {
      const res = await postBatch(server.url, 2);
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/batching/i);
    } finally {
      await server.close();
    }
  });

  it('when on, are capped at MAX_BATCH_SIZE before any operation runs', async () => {
    const server = await startTestServer(store, { limits: { maxBatchSize: 3 } });
    try {
      const ok = await postBatch(server.url, 3);
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as GraphQLResult[]).map((r) => r.data)).toEqual([{ entity: { id: 'mx' } }, { entity: { id: 'mx' } }, { entity: { id: 'mx' } }]);
      const refused = await postBatch(server.url, 4);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({
        errors: [{ message: 'batch size 4 exceeds the allowed 3', extensions: { code: 'QUERY_TOO_COMPLEX', measured: 4, allowed: 3 } }],
      });
    } finally {
      await server.close();
    }
  });
});

describe('HTTP limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(store, { limits: { maxBodyBytes: 2000 } });
  });
  afterAll(() => server.close());

  it('refuses an oversized body with 413 and a JSON error', async () => {
    const body = JSON.stringify({ query: `{ entity(id: "mx") { id } } # ${'x'.repeat(3000)}` });
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      errors: [
        {
          message: `request body (bytes) ${Buffer.byteLength(body)} exceeds the allowed 2000`,
          extensions: { code: 'QUERY_TOO_COMPLEX', measured: Buffer.byteLength(body), allowed: 2000 },
        },
      ],
    });
  });

  it('answers malformed JSON with 400 and a JSON error', async () => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as GraphQLResult;
    expect(body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });

  it('refuses a GET query without a preflight header (CSRF prevention)', async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent('{ entity(id: "mx") { id } }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
  });

  it('answers a GET query that carries the preflight header', async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent('{ entity(id: "mx") { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { entity: { id: 'mx' } } });
  });

  it('refuses a simple text/plain POST (CSRF prevention)', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ entity(id: "mx") { id } }' }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

  it('allows any origin by default, without credentials', async () => {
    const server = await startTestServer(store);
    try {
      const res = await preflight(server.url, 'https://research.example');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('allows only the CORS_ORIGINS list when set', async () => {
    const server = await startTestServer(store, { corsOrigins: ['https://research.example'] });
    try {
      expect((await preflight(server.url, 'https://research.example')).headers.get('access-control-allow-origin')).toBe('https://research.example');
      expect((await preflight(server.url, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.close();
    }
  });
});

describe('limits configuration', () => {
  it('has defaults that every example operation fits under', () => {
    expect(loadConfig({})).toMatchObject({
      limits: { maxDepth: 10, maxAliases: 30, maxDirectives: 20, maxTokens: 2000, maxCost: 200_000, maxBatchSize: 0, maxBodyBytes: 100_000 },
      corsOrigins: ['*'],
      logLevel: 'info',
    });
  });

  it('reads the environment', () => {
    const config = loadConfig({
      MAX_QUERY_DEPTH: '4',
      MAX_BATCH_SIZE: '8',
      CORS_ORIGINS: 'https://a.example, http://localhost:3000',
      LOG_LEVEL: 'warn',
      REQUEST_TIME_BUDGET_MS: '2500',
    });
    expect(config.limits).toMatchObject({ maxDepth: 4, maxBatchSize: 8, timeBudgetMs: 2500 });
    expect(loadConfig({}).limits.timeBudgetMs).toBe(10_000);
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://localhost:3000']);
    expect(config.logLevel).toBe('warn');
  });

  it.each([
    [{ MAX_QUERY_DEPTH: '0' }, 'MAX_QUERY_DEPTH: expected an integer from 1 to 1000, received "0"'],
    [{ MAX_QUERY_COST: 'lots' }, 'MAX_QUERY_COST: expected an integer from 1 to 100000000, received "lots"'],
    [{ MAX_BODY_BYTES: '1mb' }, 'MAX_BODY_BYTES: expected an integer from 1000 to 100000000, received "1mb"'],
    [{ REQUEST_TIME_BUDGET_MS: '10s' }, 'REQUEST_TIME_BUDGET_MS: expected an integer from 10 to 600000, received "10s"'],
    [
      { CORS_ORIGINS: 'https://a.example/path' },
      'CORS_ORIGINS: expected * or comma-separated origins such as https://example.org, received "https://a.example/path"',
    ],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, received "verbose"'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
