import type { GraphStore } from '../../src/domain';
import { MemoryStore } from '../../src/store/memory';
import { fixtureDataset } from '../helpers/fixture-dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';

describe('bad input gets a clear BAD_USER_INPUT error', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(new MemoryStore(fixtureDataset));
  });
  afterAll(() => server.close());

  const firstError = async (query: string, variables?: Record<string, unknown>) => {
    const result = await server.post(query, variables);
    expect(result.errors).toHaveLength(1);
    return result.errors![0];
  };

  it('answers an unknown id with null and no error', async () => {
    const result = await server.post('{ entity(id: "no-such-thing") { id } }');
    expect(result).toMatchObject({ data: { entity: null } });
    expect(result.errors).toBeUndefined();
  });

  it.each([0, 101, -5])('refuses first: %d, saying the allowed range and the value', async (first) => {
    const error = await firstError('query ($first: Int!) { actors(first: $first) { totalCount } }', { first });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`first: expected an integer from 1 to 100, received ${first}`);
  });

  it('refuses first out of range on search too', async () => {
    const error = await firstError('{ search(query: "deal", first: 1000) { score } }');
    expect(error.message).toBe('first: expected an integer from 1 to 100, received 1000');
  });

  it.each(['zzz', 'b2Zmc2V0Oi0x', Buffer.from('offset:abc').toString('base64url')])('refuses the malformed cursor %s', async (after) => {
    const error = await firstError('query ($after: String) { entities(after: $after) { totalCount } }', { after });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`after: expected a cursor returned in pageInfo.endCursor or edges.cursor, received ${JSON.stringify(after)}`);
  });

  it('refuses an unknown kind written in the query', async () => {
    const error = await firstError('{ entities(kinds: [Spaceship]) { totalCount } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('expected one of Actor, Policy, Agreement, Dialogue, Event, Topic, Metric, Source');
    expect(error.message).toContain('received "Spaceship"');
  });

  it('refuses an unknown kind passed as a variable, naming the variable', async () => {
    const error = await firstError('query ($k: [NodeKind!]) { entities(kinds: $k) { totalCount } }', { k: ['Spaceship'] });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^\$k: expected one of Actor, .*received "Spaceship"$/);
  });

  it('refuses an unknown topic id in a filter', async () => {
    const error = await firstError('{ dialogues(filter: { addresses: ["fent", "narwhals"] }) { totalCount } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('filter.addresses: expected the id of a Topic, received "narwhals"');
  });

  it('refuses an id of another kind where a topic is expected', async () => {
    const error = await firstError('{ dialogues(filter: { addresses: "mx" }) { totalCount } }');
    expect(error.message).toBe('filter.addresses: expected the id of a Topic, received "mx"');
  });

  it('refuses a subtype that the listed kinds do not have', async () => {
    const error = await firstError('{ actors(filter: { types: ["TREATY"] }) { totalCount } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^filter\.types: expected one of COUNTRY, PERSON, .*, received "TREATY"$/);
  });

  it('refuses a malformed date', async () => {
    const error = await firstError('query ($d: PartialDate) { events(filter: { from: $d }) { totalCount } }', { d: '2021-13' });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('expected a date YYYY, YYYY-MM or YYYY-MM-DD, received "2021-13"');
  });

  it('refuses a date range that ends before it starts', async () => {
    const error = await firstError('{ events(filter: { from: "2021", to: "2019" }) { totalCount } }');
    expect(error.message).toBe('filter.to: expected a date on or after filter.from (2021), received "2019"');
  });

  it('caps connections at 6 hops, saying so', async () => {
    const error = await firstError('{ connections(from: "us", to: "mx", maxHops: 7) { shortestLength } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('maxHops: expected an integer from 1 to 6, received 7');
  });

  it('refuses connections from an unknown entity', async () => {
    const error = await firstError('{ connections(from: "atlantis", to: "mx") { shortestLength } }');
    expect(error.message).toBe('from: expected the id of an entity, received "atlantis"');
  });

  it('caps neighbourhoods at depth 3', async () => {
    const error = await firstError('{ neighbourhood(id: "us", depth: 4) { truncated } }');
    expect(error.message).toBe('depth: expected an integer from 1 to 3, received 4');
  });

  it('answers a neighbourhood of an unknown id with null', async () => {
    const result = await server.post('{ neighbourhood(id: "atlantis") { truncated } }');
    expect(result).toMatchObject({ data: { neighbourhood: null } });
    expect(result.errors).toBeUndefined();
  });

  it('refuses an empty search', async () => {
    const error = await firstError('{ search(query: "   ") { score } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('query: expected at least one word, received "   "');
  });
});

describe('production mode', () => {
  const broken: GraphStore = Object.assign(Object.create(new MemoryStore(fixtureDataset)) as GraphStore, {
    findNodes: async () => {
      throw new Error('disk on fire at /var/lib/secret');
    },
  });
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(broken, { production: true, introspection: false });
  });
  afterAll(() => server.close());

  it('masks unexpected errors and never sends a stack trace', async () => {
    const result = await server.post('{ actors { totalCount } }');
    expect(result.errors).toEqual([
      { message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['actors'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
  });

  it('keeps clear bad-input messages, without a stack trace', async () => {
    const result = await server.post('{ entities(after: "zzz") { totalCount } }');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions).not.toHaveProperty('stacktrace');
  });

  it('turns introspection off', async () => {
    const result = await server.post('{ __schema { queryType { name } } }');
    expect(result.errors?.[0].message).toMatch(/introspection/i);
  });
});

describe('development mode', () => {
  it('serves Apollo Sandbox to a browser on GET', async () => {
    const server = await startTestServer(new MemoryStore(fixtureDataset));
    try {
      const res = await fetch(server.url, { headers: { accept: 'text/html' } });
      const html = await res.text();
      expect(res.status).toBe(200);
      expect(html).toContain('embeddable-sandbox');
    } finally {
      await server.close();
    }
  });
});
