/**
 * In production an unexpected failure leaves as INTERNAL_SERVER_ERROR with a masked message,
 * also when Apollo has wrapped it in a GraphQLError (what a plugin throws, such as the stack
 * overflow of item 7, arrives wrapped): the runtime's own message never reaches the client.
 */
import { GraphQLError } from 'graphql';
import type { GraphStore } from '../../src/domain';
import { BadInputError } from '../../src/domain';
import { createErrorFormatter } from '../../src/graphql/errors';
import { createSchema } from '../../src/graphql/schema';
import { MemoryStore } from '../../src/store/memory';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { startTestServer, type GraphQLResult } from '../helpers/graphql';

const INTERNAL = 'secret internals at /srv/app/store.js:12';

/** The fixture store whose degree statistics fail with a runtime error once the server has started. */
function failingStatsStore(): GraphStore {
  const store = new MemoryStore(fixtureDataset);
  let calls = 0;
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'getDegreeStats') {
        return () => (calls++ === 0 ? target.getDegreeStats() : Promise.reject(new TypeError(INTERNAL)));
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('masking unexpected errors', () => {
  it('masks a runtime error a plugin throws, in production (over HTTP)', async () => {
    const server = await startTestServer(failingStatsStore(), { production: true, introspection: false });
    try {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ entity(id: "mx") { id } }' }),
      });
      const text = await res.text();
      expect(text).not.toContain('secret internals');
      expect((JSON.parse(text) as GraphQLResult).errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    } finally {
      await server.close();
    }
  });

  it('keeps the message outside production, where it helps the developer', async () => {
    const server = await startTestServer(failingStatsStore(), { production: false });
    try {
      const result = await server.post('{ entity(id: "mx") { id } }');
      expect(result.errors?.[0].message).toBe(INTERNAL);
    } finally {
      await server.close();
    }
  });

  it('masks a GraphQLError wrapping a RangeError, and keeps errors raised on purpose', async () => {
    const format = createErrorFormatter(await createSchema(), true);
    const overflow = new GraphQLError('Maximum call stack size exceeded', { originalError: new RangeError('Maximum call stack size exceeded') });
    expect(format({ message: overflow.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, overflow)).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    // graphql-js's and Apollo's own errors, and the domain's, are meant for the client.
    const graphqlJs = new GraphQLError('Schema is not configured to execute subscription operation.');
    expect(format({ message: graphqlJs.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, graphqlJs).message).toBe(graphqlJs.message);
    const domain = new GraphQLError('x', { path: ['actors'], originalError: new BadInputError('first', 'an integer', 'a') });
    expect(format({ message: 'x', path: ['actors'], extensions: {} }, domain)).toMatchObject({
      message: 'first: expected an integer, received "a"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
