import { MemoryStore } from '../../src/store/memory';
import { countingStore } from '../helpers/counting-store';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type GraphQLResult, type TestServer } from '../helpers/graphql';
import { getQuery } from '../helpers/http-get';

const TOKEN = 'alice-token-0123456789';
const ENTITY = 'query Entity($id: ID!) { entity(id: $id) { id name } }';
const CREATE = 'mutation { createEntity(input: { id: "nearshoring", kind: Topic, name: "Nearshoring" }, sources: ["deck-2022#7"]) { entity { id } } }';

async function post(server: TestServer, query: string, authorization?: string): Promise<{ status: number; headers: Headers; body: GraphQLResult }> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResult };
}

/** Neither cacheable by HTTP caches nor stored in process. */
function expectUncacheable(headers: Headers): void {
  expect(headers.get('etag')).toBeNull();
  expect(headers.get('cache-control')).toBe('no-store');
}

describe('answers cached by dataset version (memory store)', () => {
  let server: TestServer;
  const counted = countingStore(new MemoryStore(seedDataset()));
  beforeAll(async () => {
    server = await startTestServer(counted.store, { curatorTokens: new Map([['alice', TOKEN]]) });
  });
  afterAll(() => server.close());

  it('answers a GET with a version-derived ETag and public revalidating Cache-Control; If-None-Match → 304 without executing', async () => {
    const first = await getQuery(server.url, ENTITY, { variables: { id: 'usmca' } });
    expect(first.status).toBe(200);
    expect(first.json?.data).toEqual({ entity: { id: 'usmca', name: expect.any(String) } });
    const version = first.headers.get('x-dataset-version')!;
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(new RegExp(`^"${version}-[0-9a-f]{24}"$`));
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');

    counted.reset();
    const before = server.cacheStats();
    const second = await getQuery(server.url, ENTITY, { variables: { id: 'usmca' }, headers: { 'if-none-match': etag } });
    expect(second.status).toBe(304);
    expect(second.text).toBe('');
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.headers.get('x-dataset-version')).toBe(version);
    expect(counted.calls).toEqual([]);
    expect(server.cacheStats().notModified).toBe(before.notModified + 1);

    // Other variables are another answer: another ETag, and a 200.
    const other = await getQuery(server.url, ENTITY, { variables: { id: 'nafta' }, headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('serves a repeated query from the in-process cache (GET or POST) without touching the store', async () => {
    const query = '{ entity(id: "fentanyl") { id name kind } }';
    const miss = await post(server, query);
    counted.reset();
    const before = server.cacheStats();
    const hit = await post(server, query);
    expect(hit.body).toEqual(miss.body);
    expect(counted.calls).toEqual([]);
    const after = server.cacheStats();
    expect(after.hits).toBe(before.hits + 1);
    expect(after.misses).toBe(before.misses);
    expect(hit.headers.get('x-dataset-version')).toBe(miss.headers.get('x-dataset-version'));
    expect(hit.headers.get('content-type')).toBe(miss.headers.get('content-type'));
    // A POST answer is for this client only: no ETag, no-store, as before.
    expectUncacheable(hit.headers);
    // The same query over GET is the same cached answer, now with an ETag.
    const get = await getQuery(server.url, query);
    expect(get.json).toEqual(miss.body);
    expect(get.headers.get('etag')).not.toBeNull();
    expect(server.cacheStats().hits).toBe(after.hits + 1);
    // A client that asks for another media type goes through Apollo, whose plugin serves the hit.
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    });
    expect(res.headers.get('content-type')).toContain('application/graphql-response+json');
    expect(await res.json()).toEqual(miss.body);
    expect(counted.calls).toEqual([]);
    expect(server.cacheStats().hits).toBe(after.hits + 2);
  });

  it('after a curated change: the old ETag gets a 200 with the new version, a new ETag and the new data', async () => {
    const query = '{ entity(id: "nearshoring") { id name } }';
    const old = await getQuery(server.url, query);
    expect(old.json?.data).toEqual({ entity: null });
    const oldEtag = old.headers.get('etag')!;
    const invalidations = server.cacheStats().invalidations;

    const created = await post(server, CREATE, `Bearer ${TOKEN}`);
    expect(created.body.errors).toBeUndefined();
    expectUncacheable(created.headers);

    const fresh = await getQuery(server.url, query, { headers: { 'if-none-match': oldEtag } });
    expect(fresh.status).toBe(200);
    expect(fresh.json?.data).toEqual({ entity: { id: 'nearshoring', name: 'Nearshoring' } });
    expect(fresh.headers.get('x-dataset-version')).not.toBe(old.headers.get('x-dataset-version'));
    expect(fresh.headers.get('etag')).not.toBe(oldEtag);
    expect(server.cacheStats().invalidations).toBe(invalidations + 1);
  });

  it('never caches answers with errors, introspection or refused operations', async () => {
    const stores = server.cacheStats().stores;
    const failing = '{ search(query: "deal", first: 1000) { score } }';
    for (let i = 0; i < 2; i++) {
      const error = await getQuery(server.url, failing);
      expect(error.json?.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expectUncacheable(error.headers);
    }
    const introspection = await getQuery(server.url, '{ __schema { queryType { name } } }');
    expect(introspection.json?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expectUncacheable(introspection.headers);
    const invalid = await getQuery(server.url, '{ entity(id: "usmca") { nope } }');
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('etag')).toBeNull();
    expect(server.cacheStats().stores).toBe(stores);
  });

  it('still refuses a cached query sent without the CSRF preflight header', async () => {
    const query = '{ entity(id: "usmca") { id } }';
    expect((await getQuery(server.url, query)).status).toBe(200);
    const res = await fetch(`${server.url}?${new URLSearchParams({ query })}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('CSRF');
  });

  it('caches an APQ query sent over GET by its hash', async () => {
    const query = '{ entity(id: "usmca") { id kind } }';
    const { createHash } = await import('node:crypto');
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    const unknown = await getQuery(server.url, undefined, { extensions });
    expect(unknown.json?.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // Apollo's own answer to an unknown hash: private, never stored by a shared cache.
    expect(unknown.headers.get('etag')).toBeNull();
    expect(unknown.headers.get('cache-control')).toBe('private, no-cache, must-revalidate');
    const registered = await getQuery(server.url, query, { extensions });
    const etag = registered.headers.get('etag')!;
    expect(etag).not.toBeNull();
    const byHash = await getQuery(server.url, undefined, { extensions });
    expect(byHash.json).toEqual(registered.json);
    expect(byHash.headers.get('etag')).toBe(etag);
    expect((await getQuery(server.url, undefined, { extensions, headers: { 'if-none-match': etag } })).status).toBe(304);
  });
});

describe('response cache bounds and switch', () => {
  const store = new MemoryStore(seedDataset());

  it('stays within RESPONSE_CACHE_MAX_BYTES, evicting the least recently used answers', async () => {
    const server = await startTestServer(store, { responseCache: { enabled: true, maxBytes: 1000, httpMaxAgeSeconds: 0 } });
    try {
      const ids = ['usmca', 'nafta', 'fentanyl', 'mexico', 'united-states', 'merida-initiative', 'bicentennial-framework', 'remittances'];
      for (const id of ids) await server.post(ENTITY, { id }, 'Entity');
      const stats = server.cacheStats();
      expect(stats.stores).toBe(ids.length);
      expect(stats.bytes).toBeLessThanOrEqual(1000);
      expect(stats.evictions).toBeGreaterThan(0);
      expect(stats.entries).toBeLessThan(ids.length);
      // An answer larger than the whole bound is not stored at all.
      await server.post('{ entities(first: 100) { edges { node { id name } } } }');
      expect(server.cacheStats().stores).toBe(ids.length);
      expect(server.cacheStats().bytes).toBeLessThanOrEqual(1000);
    } finally {
      await server.close();
    }
  });

  it('RESPONSE_CACHE off: every query executes, GETs still get ETags and 304s', async () => {
    const counted = countingStore(store);
    const server = await startTestServer(counted.store, { responseCache: { enabled: false, maxBytes: 1000, httpMaxAgeSeconds: 60 } });
    try {
      const query = '{ entity(id: "usmca") { id } }';
      await server.post(query);
      counted.reset();
      await server.post(query);
      expect(counted.calls.length).toBeGreaterThan(0);
      const get = await getQuery(server.url, query);
      expect(get.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
      expect((await getQuery(server.url, query, { headers: { 'if-none-match': get.headers.get('etag')! } })).status).toBe(304);
      expect(server.cacheStats()).toMatchObject({ enabled: false, hits: 0, stores: 0, entries: 0, notModified: 1 });
    } finally {
      await server.close();
    }
  });
});
