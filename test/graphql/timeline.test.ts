import { MemoryStore } from '../../src/store/memory';
import { countingStore } from '../helpers/counting-store';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Entry = { date: string; precision: string; role: string; entity: { id: string; kind: string }; replacedBy: { id: string } | null };

const ENTRY = 'date precision role entity { id kind } replacedBy { id }';

describe('timeline on the seeds', () => {
  const counting = countingStore(new MemoryStore(seedDataset()));
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(counting.store);
  });
  afterAll(() => server.close());
  beforeEach(() => counting.reset());

  const timeline = async (args: string, fields = `totalCount truncated entries { ${ENTRY} }`) => {
    const result = await server.execute(`{ timeline${args ? `(${args})` : ''} { ${fields} } }`);
    expect(result.errors).toBeUndefined();
    return (result.data as any).timeline as { totalCount: number; truncated: boolean; entries: Entry[] };
  };

  const firstError = async (query: string, variables?: Record<string, unknown>) => {
    const result = await server.post(query, variables);
    expect(result.errors).toHaveLength(1);
    return result.errors![0];
  };

  it('lists every dated fact of events, agreements, policies and dialogues, earliest first', async () => {
    const t = await timeline('first: 500');
    expect(t).toMatchObject({ totalCount: t.entries.length, truncated: false });
    expect(new Set(t.entries.map((e) => e.entity.kind))).toEqual(new Set(['Event', 'Agreement', 'Policy', 'Dialogue']));
    const starts = t.entries.map((e) => (e.date.length === 4 ? `${e.date}-01-01` : e.date.length === 7 ? `${e.date}-01` : e.date));
    expect([...starts].sort()).toEqual(starts);
    expect(t.entries.filter((e) => e.role === 'REPLACED').map((e) => [e.entity.id, e.replacedBy?.id, e.date])).toEqual([
      ['nafta', 'usmca', '2020-07-01'],
      ['merida-initiative', 'bicentennial-framework', '2021-10'],
    ]);
    for (const e of t.entries) expect(e.replacedBy === null).toBe(e.role !== 'REPLACED');
  });

  it('cuts the list at first and says so', async () => {
    const all = await timeline('first: 500');
    const three = await timeline('first: 3');
    expect(three).toEqual({ totalCount: all.totalCount, truncated: true, entries: all.entries.slice(0, 3) });
  });

  it('keeps only the kinds asked for', async () => {
    const t = await timeline('kinds: [Event], from: "2021", to: "2021"');
    expect(t.entries.map((e) => [e.date, e.entity.id])).toEqual([
      ['2021', 'energy-court-rulings-2021'],
      // one month, one role: by name ("June 2021 Mexican midterm election" before "Vice President Harris's visit …")
      ['2021-06', 'mexico-2021-midterm-election'],
      ['2021-06', 'harris-visit-to-mexico-2021'],
      ['2021-11', 'nals-2021'],
    ]);
    for (const e of t.entries) expect(e.role).toBe('HAPPENED');
  });

  it('keeps entities related to any of the actors', async () => {
    const t = await timeline('actors: ["canada"]');
    expect(t.entries.map((e) => `${e.date} ${e.role} ${e.entity.id}`)).toEqual([
      '1993 SIGNED nafta',
      '2018-11-30 HAPPENED usmca-signing',
      '2018-11-30 SIGNED usmca',
      '2020-07-01 IN_FORCE usmca',
      '2020-07-01 ENDED nafta',
      '2020-07-01 REPLACED nafta',
      '2021-11 HAPPENED nals-2021',
    ]);
  });

  it('combines topics, actors, kinds and dates (all must hold)', async () => {
    const t = await timeline('topics: ["illicit-drugs"], actors: ["united-states"], to: "2020"');
    expect(t.entries.map((e) => `${e.date} ${e.role} ${e.entity.id}`)).toEqual(['2017 ESTABLISHED us-mexico-2017-drug-strategy']);
  });

  it('costs a constant number of store calls, however long the timeline', async () => {
    const methods = async (args: string) => {
      counting.reset();
      await timeline(args, `totalCount entries { ${ENTRY} entity { name } replacedBy { name } }`);
      return counting.calls.map((c) => c.method).sort();
    };
    // ids checked in one getNodesByIds; one findNodes for events, one for the replaceable
    // kinds; every REPLACES edge in one getRelationships.
    const expected = ['findNodes', 'findNodes', 'getNodesByIds', 'getRelationships'];
    expect(await methods('topics: ["security"], actors: ["united-states"], first: 500')).toEqual(expected);
    expect(await methods('topics: ["trade"], actors: ["canada"], first: 1')).toEqual(expected);
    expect(await methods('first: 500')).toEqual(['findNodes', 'findNodes', 'getRelationships']);
    expect(await methods('kinds: [Event]')).toEqual(['findNodes']);
  });

  it('refuses an unknown topic id', async () => {
    const error = await firstError('{ timeline(topics: ["security", "narwhals"]) { totalCount } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('topics: expected the id of a Topic, received "narwhals"');
  });

  it('refuses an actor id that names no actor', async () => {
    expect((await firstError('{ timeline(actors: ["nobody"]) { totalCount } }')).message).toBe('actors: expected the id of an Actor, received "nobody"');
    expect((await firstError('{ timeline(actors: ["usmca"]) { totalCount } }')).message).toBe('actors: expected the id of an Actor, received "usmca"');
  });

  it.each([0, 501, -1])('refuses first: %d', async (first) => {
    const error = await firstError('query ($first: Int!) { timeline(first: $first) { totalCount } }', { first });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`first: expected an integer from 1 to 500, received ${first}`);
  });

  it('refuses a range that ends before it starts', async () => {
    const error = await firstError('{ timeline(from: "2021", to: "2019") { totalCount } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('to: expected a date on or after from (2021), received "2019"');
  });

  it('refuses kinds a timeline does not hold', async () => {
    const error = await firstError('{ timeline(kinds: [Event, Actor]) { totalCount } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('kinds: expected kinds a timeline holds (Event, Agreement, Policy, Dialogue), received "Actor"');
  });

  it('refuses a malformed date', async () => {
    const error = await firstError('query ($d: PartialDate) { timeline(from: $d) { totalCount } }', { d: '2021-13' });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('expected a date YYYY, YYYY-MM or YYYY-MM-DD, received "2021-13"');
  });
});

describe('timeline beyond what one read may hold', () => {
  it('asks for narrower filters instead of answering from part of the graph', async () => {
    const inner = new MemoryStore(seedDataset());
    const huge = Object.assign(Object.create(inner) as MemoryStore, {
      findNodes: async (query: Parameters<MemoryStore['findNodes']>[0]) => ({ ...(await inner.findNodes(query)), totalCount: 20_000 }),
    });
    const server = await startTestServer(huge);
    try {
      const result = await server.post('{ timeline { totalCount } }');
      expect(result.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(result.errors?.[0].message).toMatch(
        /^timeline: expected filters matching at most 10000 entities of one kind group, received 20000; narrow it with kinds, topics or actors$/,
      );
    } finally {
      await server.close();
    }
  });
});
