import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Data = any;

/** Relay as clients expect it: backwards paging, pageInfo, node(id:), clear errors (memory store). */
describe('Relay paging and object identification', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(new MemoryStore(seedDataset()));
  });
  afterAll(() => server.close());

  const data = async (query: string, variables?: Record<string, unknown>): Promise<Data> => {
    const result = await server.execute(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data;
  };
  const error = async (query: string, variables?: Record<string, unknown>) => {
    const result = await server.execute(query, variables);
    expect(result.errors).toHaveLength(1);
    return { code: result.errors![0].extensions?.code, message: result.errors![0].message };
  };

  // Every connection, with the page selection spliced in at `PAGE`.
  const CONNECTIONS: Record<string, { query: string; at: (d: Data) => Data }> = {
    actors: { query: 'query ($first: Int, $after: String, $last: Int, $before: String) { c: actors(PAGE) { SEL } }', at: (d) => d.c },
    relationships: {
      query: 'query ($first: Int, $after: String, $last: Int, $before: String) { c: relationships(filter: { types: [PARTY_TO] }, PAGE) { SEL } }',
      at: (d) => d.c,
    },
    relationshipsConnection: {
      query: 'query ($first: Int, $after: String, $last: Int, $before: String) { entity(id: "mexico") { c: relationshipsConnection(PAGE) { SEL } } }',
      at: (d) => d.entity.c,
    },
    backs: {
      query: 'query ($first: Int, $after: String, $last: Int, $before: String) { entity(id: "ustr-2018") { ... on Source { c: backs(PAGE) { SEL } } } }',
      at: (d) => d.entity.c,
    },
  };
  const PAGE = 'first: $first, after: $after, last: $last, before: $before';
  const SEL = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }';

  describe.each(Object.keys(CONNECTIONS))('%s', (name) => {
    const { query, at } = CONNECTIONS[name];
    const page = async (vars: Record<string, unknown>) => at(await data(query.replace('PAGE', PAGE).replace('SEL', SEL), vars));
    const ids = (c: Data): string[] => c.edges.map((e: Data) => e.node.id);

    it('pages backwards from the end through the same list as forwards, with Relay pageInfo', async () => {
      const all = await page({ first: 100 });
      expect(all.totalCount).toBeGreaterThan(12);
      expect(all.totalCount).toBeLessThanOrEqual(100);
      const forward = ids(all);
      const backward: string[] = [];
      let before: string | null = null;
      let pages = 0;
      for (;;) {
        const p: Data = await page({ last: 5, before });
        backward.unshift(...ids(p));
        pages++;
        expect(p.totalCount).toBe(all.totalCount);
        expect(p.pageInfo.startCursor).toBe(p.edges[0].cursor);
        expect(p.pageInfo.endCursor).toBe(p.edges[p.edges.length - 1].cursor);
        expect(p.pageInfo.hasNextPage).toBe(before !== null);
        if (!p.pageInfo.hasPreviousPage) break;
        expect(p.edges).toHaveLength(5);
        before = p.pageInfo.startCursor;
      }
      expect(backward).toEqual(forward.slice(0, all.totalCount));
      expect(pages).toBe(Math.ceil(all.totalCount / 5));
    });

    it('takes after and before together: the items between the two cursors', async () => {
      const all = await page({ first: 12 });
      const between = await page({ after: all.edges[2].cursor, before: all.edges[9].cursor, first: 4 });
      expect(ids(between)).toEqual(ids(all).slice(3, 7));
      expect(between.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
      const tail = await page({ after: all.edges[2].cursor, before: all.edges[9].cursor, last: 4 });
      expect(ids(tail)).toEqual(ids(all).slice(5, 9));
      const none = await page({ after: all.edges[5].cursor, before: all.edges[4].cursor });
      expect(none.edges).toEqual([]);
    });

    it('gives the first 20 items when neither first nor last is given', async () => {
      const p = await page({});
      expect(p.edges).toHaveLength(Math.min(20, p.totalCount));
      expect(ids(p)).toEqual(ids(await page({ first: 20 })));
    });

    it('refuses first with last, a malformed before, and last out of range', async () => {
      const q = query.replace('PAGE', PAGE).replace('SEL', 'totalCount');
      expect(await error(q, { first: 2, last: 3 })).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'first, last: expected one of first (with after) and last (with before), not both, received {"first":2,"last":3}',
      });
      expect(await error(q, { last: 2, before: 'zzz' })).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'before: expected a cursor returned in pageInfo.startCursor or edges.cursor, received "zzz"',
      });
      expect(await error(q, { last: 101 })).toEqual({ code: 'BAD_USER_INPUT', message: 'last: expected an integer from 1 to 100, received 101' });
    });
  });

  it('node(id:) finds every entity, relationship and observation by its id, and null for anything else', async () => {
    const d = await data(`{
      entities(first: 3) { edges { node { id } } }
      entity(id: "mexico") { relationships(types: [PARTY_TO], direction: OUT) { id } ... on Actor { partyTo { id } } }
      e2: entity(id: "southwest-border-apprehensions") { ... on Metric { observations { id value } } }
    }`);
    const idsToFind = [
      ...d.entities.edges.map((e: Data) => e.node.id),
      ...d.entity.relationships.map((r: Data) => r.id),
      ...d.e2.observations.map((o: Data) => o.id),
    ];
    expect(idsToFind.length).toBeGreaterThan(6);
    for (const id of idsToFind) {
      const found = await data('query ($id: ID!) { node(id: $id) { id __typename } }', { id });
      expect(found.node.id).toBe(id);
    }
    for (const id of ['no-such-thing', 'mexico:NOT_A_TYPE:usmca', 'mexico:PARTY_TO:no-such-thing', 'usmca:REPLACES:nafta', 'mexico@2021', ':', '@', '']) {
      expect([id, (await data('query ($id: ID!) { node(id: $id) { id } }', { id })).node]).toEqual([id, null]);
    }
  });

  it('Relationship.start and .end are the two ends, whichever end it was read from', async () => {
    const d = await data('{ entity(id: "usmca") { relationships(types: [REPLACES], direction: OUT) { direction node { id } start { id } end { id } } } }');
    expect(d.entity.relationships).toEqual([{ direction: 'OUT', node: { id: 'nafta' }, start: { id: 'usmca' }, end: { id: 'nafta' } }]);
    const back = await data('{ entity(id: "nafta") { relationships(types: [REPLACES], direction: IN) { direction node { id } start { id } end { id } } } }');
    expect(back.entity.relationships).toEqual([{ direction: 'IN', node: { id: 'usmca' }, start: { id: 'usmca' }, end: { id: 'nafta' } }]);
  });

  it('refuses an unknown entity in the graph-wide relationship filter', async () => {
    expect(await error('{ relationships(filter: { to: "atlantis" }) { totalCount } }')).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'filter.to: expected the id of an entity, received "atlantis"',
    });
  });

  it('Source.backs filters by slide and kinds, and refuses slide 0', async () => {
    const d = await data(
      '{ entity(id: "deck-2022") { ... on Source { backs(slide: 53, kinds: [RELATIONSHIP], first: 100) { totalCount edges { node { kind slides } } } } } }',
    );
    expect(d.entity.backs.totalCount).toBeGreaterThan(0);
    for (const e of d.entity.backs.edges) {
      expect(e.node.kind).toBe('RELATIONSHIP');
      expect(e.node.slides).toContain(53);
    }
    expect(await error('{ entity(id: "deck-2022") { ... on Source { backs(slide: 0) { totalCount } } } }')).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('slide: expected a slide number of 1 or more, received 0'),
    });
  });
});
