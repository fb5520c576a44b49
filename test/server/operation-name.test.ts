/**
 * The `operationName` of a request is bounded: past MAX_OPERATION_NAME_LENGTH characters it is
 * refused before Apollo (which would echo it back whole in "Unknown operation named …"), and a
 * name written to the request log is cut at MAX_LOGGED_NAME_LENGTH with a marker.
 */
import { Writable } from 'node:stream';
import { MAX_OPERATION_NAME_LENGTH } from '../../src/server/http-limits';
import { MAX_LOGGED_NAME_LENGTH, createLogger, loggedOperationName } from '../../src/server/logging';
import { MemoryStore } from '../../src/store/memory';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { startTestServer, type GraphQLResult, type TestServer } from '../helpers/graphql';

describe('operationName bounds', () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(
      new MemoryStore(fixtureDataset),
      { production: true, introspection: false, limits: { maxBatchSize: 3 } },
      { logger: createLogger('info', destination) },
    );
  });
  afterAll(() => server.close());

  async function lineFor(res: Response): Promise<string> {
    const id = res.headers.get('x-request-id')!;
    for (let i = 0; i < 50; i++) {
      const line = lines.find((l) => l.includes(id));
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no log line for request ${id}`);
  }

  const post = (body: unknown) =>
    fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body: JSON.stringify(body) });

  it('refuses a 90 kB operationName with 400 BAD_REQUEST saying the limit and the length, and logs a short line', async () => {
    const res = await post({ query: '{ __typename }', operationName: 'x'.repeat(90_000) });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text.length).toBeLessThan(500);
    expect((JSON.parse(text) as GraphQLResult).errors).toEqual([
      {
        message: `operationName: expected a name of at most ${MAX_OPERATION_NAME_LENGTH} characters, received 90000 characters`,
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
    expect((await lineFor(res)).length).toBeLessThan(1000);
  });

  it('refuses a long name in any operation of a batch, and in a GET query string', async () => {
    const batch = await post([{ query: '{ __typename }' }, { query: '{ __typename }', operationName: 'y'.repeat(MAX_OPERATION_NAME_LENGTH + 1) }]);
    expect(batch.status).toBe(400);
    expect(await batch.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}&operationName=${'z'.repeat(5000)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(await get.json()).toMatchObject({ errors: [{ message: expect.stringMatching(/received 5000 characters$/), extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('answers a name at the limit as Apollo does, and logs it cut with a marker', async () => {
    const name = `Op${'a'.repeat(MAX_OPERATION_NAME_LENGTH - 2)}`;
    const res = await post({ query: `query ${name} { __typename }`, operationName: name });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { __typename: 'Query' } });
    const line = JSON.parse(await lineFor(res)) as { operationName: string };
    expect(line.operationName).toBe(`${name.slice(0, MAX_LOGGED_NAME_LENGTH)}…[+${MAX_OPERATION_NAME_LENGTH - MAX_LOGGED_NAME_LENGTH} characters]`);
  });

  it('logs short names as they are', () => {
    expect(loggedOperationName('Mexico')).toBe('Mexico');
    expect(loggedOperationName(null)).toBeNull();
    expect(loggedOperationName('n'.repeat(MAX_LOGGED_NAME_LENGTH))).toBe('n'.repeat(MAX_LOGGED_NAME_LENGTH));
  });
});
