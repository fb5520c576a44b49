/**
 * Client mistakes at the HTTP and request level get a JSON answer with a client error code and
 * status, in both modes (production and development): deeply nested variables, a compressed
 * body that does not decompress, an unsupported encoding, a subscription, an automatic
 * persisted query whose hash or version is wrong. Never HTML, never a stack, never a 500.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { MAX_VARIABLES_DEPTH } from '../../src/graphql/limits';
import { MemoryStore } from '../../src/store/memory';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { startTestServer, type GraphQLResult, type TestServer } from '../helpers/graphql';

const store = new MemoryStore(fixtureDataset);

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  body: GraphQLResult;
}

/** Posts `body` as is; fails the test if the answer is not JSON. */
async function send(url: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers }, body });
  const text = await res.text();
  let parsed: GraphQLResult;
  try {
    parsed = JSON.parse(text) as GraphQLResult;
  } catch {
    throw new Error(`HTTP ${res.status} answered with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  return { status: res.status, contentType: res.headers.get('content-type'), text, body: parsed };
}

const STACK = /stacktrace|\n\s+at |\bat [\w.]+ \(|node_modules/;

/**
 * The one error of a refused request, with no data. Apollo adds `extensions.stacktrace` to its
 * errors outside production (by design); it is checked absent in production and left out of
 * the returned error in development. `http: true`: refused before Apollo, no stack in either mode.
 */
function onlyError(answer: Answer, production: boolean, http = false) {
  expect(answer.contentType).toMatch(/application\/json/);
  expect(answer.body.data ?? undefined).toBeUndefined();
  expect(answer.body.errors).toHaveLength(1);
  if (production || http) expect(answer.text).not.toMatch(STACK);
  const { stacktrace: _stack, ...extensions } = answer.body.errors![0].extensions ?? {};
  return { ...answer.body.errors![0], extensions };
}

const nested = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);

describe.each([
  ['production', true],
  ['development', false],
])('request-level client errors (%s)', (_mode, production) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(store, { production, introspection: !production });
  });
  afterAll(() => server.close());

  describe('deeply nested variables (item 7)', () => {
    it('refuses 4,600 levels of arrays with 400 QUERY_TOO_COMPLEX naming the depth and the limit', async () => {
      const answer = await send(server.url, `{"query":"{ __typename }","variables":{"x":${nested(4600)}}}`);
      expect(answer.status).toBe(400);
      const error = onlyError(answer, production);
      // The variables object is level 1, its array 2, … the innermost array 4,601.
      expect(error.message).toBe(`variables depth 4601 exceeds the allowed ${MAX_VARIABLES_DEPTH}`);
      expect(error.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', measured: 4601, allowed: MAX_VARIABLES_DEPTH });
    });

    it('refuses deep objects too, also when the operation uses the variable', async () => {
      const deep = '{"a":'.repeat(12_000) + '1' + '}'.repeat(12_000);
      const answer = await send(server.url, `{"query":"query ($f: EntityFilter) { entities(filter: $f) { totalCount } }","variables":{"f":${deep}}}`);
      expect(answer.status).toBe(400);
      expect(onlyError(answer, production).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measured: 12_001 });
    });

    it('answers variables at the limit', async () => {
      const answer = await send(server.url, `{"query":"{ __typename }","variables":{"x":${nested(MAX_VARIABLES_DEPTH - 1)}}}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ data: { __typename: 'Query' } });
    });

    it('serves the next request normally', async () => {
      await send(server.url, `{"query":"{ __typename }","variables":{"x":${nested(30_000)}}}`);
      expect((await send(server.url, JSON.stringify({ query: '{ entity(id: "mx") { id } }' }))).body).toMatchObject({ data: { entity: { id: 'mx' } } });
    });
  });

  describe('request bodies the parser refuses (item 9)', () => {
    it('answers a plain body sent as gzip with 400 BAD_REQUEST in JSON', async () => {
      const answer = await send(server.url, '{"query":"{ __typename }"}', { 'content-encoding': 'gzip' });
      expect(answer.status).toBe(400);
      const error = onlyError(answer, production, true);
      expect(error.extensions).toEqual({ code: 'BAD_REQUEST' });
      expect(error.message).toBe('request body: expected data compressed as content-encoding "gzip" says, received data that does not decompress');
    });

    it('answers the same for deflate and br', async () => {
      for (const encoding of ['deflate', 'br']) {
        const answer = await send(server.url, '{"query":"{ __typename }"}', { 'content-encoding': encoding });
        expect(answer.status).toBe(400);
        expect(onlyError(answer, production, true).message).toMatch(
          new RegExp(`^request body: expected data compressed as content-encoding "${encoding}" says`),
        );
      }
    });

    it('still answers a real gzip body', async () => {
      const answer = await send(server.url, gzipSync('{"query":"{ __typename }"}'), { 'content-encoding': 'gzip' });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ data: { __typename: 'Query' } });
    });

    it('answers an unknown encoding with 415 and the encodings it takes', async () => {
      const answer = await send(server.url, '{"query":"{ __typename }"}', { 'content-encoding': 'foo' });
      expect(answer.status).toBe(415);
      const error = onlyError(answer, production, true);
      expect(error.extensions).toEqual({ code: 'BAD_REQUEST' });
      expect(error.message).toMatch(/^content-encoding: expected gzip, deflate, br(, zstd)? or identity, received "foo"$/);
    });

    it('answers an unknown charset with 415', async () => {
      const answer = await send(server.url, '{"query":"{ __typename }"}', { 'content-type': 'application/json; charset=latin9x' });
      expect(answer.status).toBe(415);
      expect(onlyError(answer, production, true)).toEqual({
        message: 'content-type charset: expected utf-8, received "latin9x"',
        extensions: { code: 'BAD_REQUEST' },
      });
    });

    it('answers malformed JSON with 400, saying JSON was expected', async () => {
      const answer = await send(server.url, '{"query": ');
      expect(answer.status).toBe(400);
      const error = onlyError(answer, production, true);
      expect(error.extensions).toEqual({ code: 'BAD_REQUEST' });
      expect(error.message).toMatch(/^request body: expected JSON, received text that does not parse \(.+\)$/);
    });
  });

  describe('operations the schema cannot run', () => {
    it('refuses a subscription by validation: 400 GRAPHQL_VALIDATION_FAILED, not INTERNAL_SERVER_ERROR', async () => {
      const answer = await send(server.url, JSON.stringify({ query: 'subscription Changes { dataset { version } }' }));
      expect(answer.status).toBe(400);
      const error = onlyError(answer, production);
      expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toBe('The schema has no subscription type: expected a query or mutation operation, received the subscription operation "Changes".');
    });

    it('refuses a subscription over GET as well', async () => {
      const res = await fetch(`${server.url}?query=${encodeURIComponent('subscription { x }')}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const body = (await res.json()) as GraphQLResult;
      expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST']).toContain(body.errors?.[0].extensions?.code);
    });
  });

  describe('automatic persisted queries', () => {
    const query = '{ __typename }';
    const sha256 = createHash('sha256').update(query).digest('hex');

    it("refuses a hash that is not the query's with 400 BAD_REQUEST", async () => {
      const answer = await send(server.url, JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }));
      expect(answer.status).toBe(400);
      expect(onlyError(answer, production)).toEqual({
        message: 'extensions.persistedQuery.sha256Hash: expected the SHA-256 (hex) of the query sent with it, received a hash that does not match the query',
        extensions: { code: 'BAD_REQUEST' },
      });
    });

    it('refuses an unknown version with 400 BAD_REQUEST', async () => {
      const answer = await send(server.url, JSON.stringify({ query, extensions: { persistedQuery: { version: 2, sha256Hash: sha256 } } }));
      expect(answer.status).toBe(400);
      expect(onlyError(answer, production)).toEqual({
        message: 'extensions.persistedQuery.version: expected 1, received another version',
        extensions: { code: 'BAD_REQUEST' },
      });
    });

    it('still registers and answers a matching hash', async () => {
      const answer = await send(server.url, JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256 } } }));
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ data: { __typename: 'Query' } });
      const again = await send(server.url, JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256 } } }));
      expect(again.body).toMatchObject({ data: { __typename: 'Query' } });
    });
  });
});
