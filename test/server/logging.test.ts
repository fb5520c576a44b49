import { Writable } from 'node:stream';
import { createLogger } from '../../src/server/logging';
import { MemoryStore } from '../../src/store/memory';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';

interface LogLine {
  level: number;
  time: string;
  msg: string;
  reqId: string;
  req: { method: string; url: string; headers?: unknown };
  res: { statusCode: number };
  responseTime: number;
  operationName?: string | null | Array<string | null>;
  errorCodes?: string[];
}

describe('request logs', () => {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(new MemoryStore(fixtureDataset), { limits: { maxBatchSize: 5 } }, { logger: createLogger('info', destination) });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    lines.length = 0;
  });

  /** The line for `requestId`, once the response has finished. */
  async function lineFor(requestId: string): Promise<LogLine> {
    for (let i = 0; i < 50; i++) {
      const line = lines.find((l) => l.reqId === requestId);
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no log line for request ${requestId}; lines: ${JSON.stringify(lines)}`);
  }

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('writes one JSON line per request with a generated request id, echoed in the response', async () => {
    const res = await post({ query: 'query Mexico { entity(id: "mx") { id } }' });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = await lineFor(id);
    expect(line).toMatchObject({ level: 30, msg: 'request completed', req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
    expect(line.operationName).toBe('Mexico');
    expect(line.errorCodes).toEqual([]);
    expect(typeof line.responseTime).toBe('number');
    expect(Date.parse(line.time)).not.toBeNaN();
    expect(lines.filter((l) => l.reqId === id)).toHaveLength(1);
  });

  it('honours an incoming x-request-id', async () => {
    const res = await post({ query: '{ entity(id: "mx") { id } }' }, { 'x-request-id': 'trace-42.abc' });
    expect(res.headers.get('x-request-id')).toBe('trace-42.abc');
    const line = await lineFor('trace-42.abc');
    expect(line.operationName).toBeNull();
  });

  it('replaces an incoming x-request-id that could forge log lines', async () => {
    const res = await post({ query: '{ entity(id: "mx") { id } }' }, { 'x-request-id': 'a"b} {"level":60' });
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await lineFor(id);
  });

  it('records the error codes of the response, and no request headers', async () => {
    const res = await post({ query: 'query Bad { actors(first: 500) { totalCount } }', operationName: 'Bad' }, { authorization: 'Bearer secret-token' });
    const line = await lineFor(res.headers.get('x-request-id')!);
    expect(line.operationName).toBe('Bad');
    expect(line.errorCodes).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(line)).not.toContain('secret-token');
  });

  it('logs refusals by the query limits at warn level', async () => {
    const deep = `{ entity(id: "mx") { ${'relationships { node { '.repeat(6)}id${' } }'.repeat(6)} } }`;
    const res = await post({ query: deep });
    expect(res.status).toBe(400);
    const line = await lineFor(res.headers.get('x-request-id')!);
    expect(line).toMatchObject({ level: 40, res: { statusCode: 400 }, errorCodes: ['QUERY_TOO_COMPLEX'] });
  });

  it('names every operation of a batch', async () => {
    const res = await post([{ query: 'query One { entity(id: "mx") { id } }' }, { query: 'query Two { entity(id: "us") { id } }' }], {
      'apollo-require-preflight': 'true',
    });
    expect(res.status).toBe(200);
    const line = await lineFor(res.headers.get('x-request-id')!);
    expect(line.operationName).toEqual(['One', 'Two']);
  });

  it('logs requests outside GraphQL too', async () => {
    const res = await fetch(server.url.replace('/graphql', '/export?format=nope'));
    const line = await lineFor(res.headers.get('x-request-id')!);
    expect(line).toMatchObject({ res: { statusCode: 400 }, req: { url: '/export?format=nope' } });
    expect(line).not.toHaveProperty('operationName');
  });
});

describe('secrets in logs and probes', () => {
  const password = 'pw-4d1e9c0b7a';
  const token = 'token-5f2e8d7c6b5a4938';

  it('masks known secrets, URI passwords and authorization headers in every line, whatever logged it', () => {
    const written: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('trace', destination, [password, token]);
    logger.warn(`cannot reach bolt://neo4j:${password}@db:7687 (auth ${password})`);
    logger.error({ err: new Error(`token ${token} refused`) }, 'failed');
    logger.info({ req: { headers: { authorization: `Bearer ${token}`, cookie: 'session=abc' } } }, 'request');
    logger.info('see bolt://reader:other-password@db:7687');
    const text = written.join('');
    expect(text).not.toContain(password);
    expect(text).not.toContain(token);
    expect(text).not.toContain('other-password');
    expect(text).not.toContain('session=abc');
    expect(text).toContain('bolt://neo4j:***@db:7687 (auth ***)');
    expect(text).toContain('bolt://reader:***@db:7687');
    expect(written).toHaveLength(4);
    for (const line of written) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('/readyz gives the reason a store is unavailable without a credential in it', async () => {
    class FailingStore extends MemoryStore {
      override async getStats(): Promise<never> {
        throw new Error(`Neo4j at bolt://neo4j:${password}@db:7687 is unavailable (password ${password}, token ${token})`);
      }
    }
    const server = await startTestServer(new FailingStore(fixtureDataset), {
      neo4j: { uri: 'bolt://db:7687', username: 'neo4j', password, database: undefined, timeoutMs: 1000 },
      curatorTokens: new Map([['alice', token]]),
    });
    try {
      const res = await fetch(server.url.replace(/graphql$/, 'readyz'));
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        status: 'unavailable',
        store: 'memory',
        reason: 'Neo4j at bolt://neo4j:***@db:7687 is unavailable (password ***, token ***)',
      });
    } finally {
      await server.close();
    }
  });
});
