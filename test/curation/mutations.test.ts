import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { postAs, startTestServer, type TestServer } from '../helpers/graphql';

const TOKEN = 'alice-token-0123456789';
const CREATE = `mutation { createEntity(input: { id: "nearshoring", kind: Topic, name: "Nearshoring", aliases: ["relocalización"] }, sources: ["deck-2022#7"]) {
  entity { id name sources { slide source { id } } } recordedBy recordedAt } }`;

const post = postAs;

describe('curation mutations', () => {
  let server: TestServer;
  let readOnly: TestServer;
  beforeAll(async () => {
    server = await startTestServer(new MemoryStore(seedDataset()), { curatorTokens: new Map([['alice', TOKEN]]) });
    readOnly = await startTestServer(new MemoryStore(seedDataset()));
  });
  afterAll(async () => {
    await server?.close();
    await readOnly?.close();
  });

  it('are FORBIDDEN when the server has no CURATOR_TOKENS, whatever the token', async () => {
    const result = await post(readOnly, CREATE, `Bearer ${TOKEN}`);
    expect(result.errors?.[0]).toMatchObject({
      message: 'writes are off on this server: curation needs CURATOR_TOKENS to be configured',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('are UNAUTHENTICATED without a token or with an unknown one; reads stay open', async () => {
    expect((await post(server, CREATE)).errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: 'expected an Authorization header "Bearer <curator token>", received none',
    });
    expect((await post(server, CREATE, 'Bearer alice-token-0123456780')).errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: 'expected an Authorization header "Bearer <curator token>", received a token this server does not know',
    });
    const read = await post(server, '{ entity(id: "usmca") { id } }', 'Bearer wrong');
    expect(read).toMatchObject({ data: { entity: { id: 'usmca' } } });
    expect(read.errors).toBeUndefined();
  });

  it('write with a valid token, say who and when, and reads see the change', async () => {
    const result = await post(server, CREATE, `Bearer ${TOKEN}`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      createEntity: { entity: { id: 'nearshoring', name: 'Nearshoring', sources: [{ slide: 7, source: { id: 'deck-2022' } }] }, recordedBy: 'alice' },
    });
    expect(Date.parse((result.data!.createEntity as { recordedAt: string }).recordedAt)).not.toBeNaN();
    const found = await post(server, '{ search(query: "relocalizacion", first: 1) { entity { id } } }');
    expect(found.data).toEqual({ search: [{ entity: { id: 'nearshoring' } }] });

    const edge = await post(
      server,
      'mutation { addRelationship(input: { from: "usmca", type: ADDRESSES, to: "nearshoring", validFrom: "2020-07-01" }, sources: ["deck-2022#7"]) { relationship { id type direction node { id } validFrom } recordedBy } }',
      `Bearer ${TOKEN}`,
    );
    expect(edge.data).toEqual({
      addRelationship: {
        relationship: {
          id: 'usmca:ADDRESSES:nearshoring@2020-07-01',
          type: 'ADDRESSES',
          direction: 'OUT',
          node: { id: 'nearshoring' },
          validFrom: '2020-07-01',
        },
        recordedBy: 'alice',
      },
    });

    const update = await post(
      server,
      'mutation { updateEntity(id: "nearshoring", input: { description: "Moving production closer to the U.S. market." }, sources: ["deck-2022#8"]) { entity { description sources { slide } } } }',
      `Bearer ${TOKEN}`,
    );
    expect(update.data).toEqual({
      updateEntity: { entity: { description: 'Moving production closer to the U.S. market.', sources: [{ slide: 7 }, { slide: 8 }] } },
    });

    const retired = await post(
      server,
      'mutation { retireEntity(id: "nearshoring", sources: ["deck-2022#9"]) { entity { id } recordedBy } }',
      `Bearer ${TOKEN}`,
    );
    expect(retired.data).toEqual({ retireEntity: { entity: { id: 'nearshoring' }, recordedBy: 'alice' } });
    expect((await post(server, '{ entity(id: "nearshoring") { id } }')).data).toEqual({ entity: null });
  });

  it('leave a history on the entity and the relationship they touch, readable in the same request as the change', async () => {
    const created = await post(
      server,
      'mutation { createEntity(input: { id: "history-topic", kind: Topic, name: "History topic" }, sources: ["deck-2022#7"]) { entity { id history { op recordedBy } } } }',
      `Bearer ${TOKEN}`,
    );
    expect(created.data).toEqual({ createEntity: { entity: { id: 'history-topic', history: [{ op: 'createEntity', recordedBy: 'alice' }] } } });
    await post(
      server,
      'mutation { updateEntity(id: "history-topic", input: { description: "A topic with a past." }, sources: ["deck-2022#8"]) { recordedAt } }',
      `Bearer ${TOKEN}`,
    );
    await post(
      server,
      'mutation { addRelationship(input: { from: "usmca", type: ADDRESSES, to: "history-topic" }, sources: ["deck-2022#7"]) { recordedAt } }',
      `Bearer ${TOKEN}`,
    );
    const read = await post(
      server,
      '{ entity(id: "history-topic") { history { op recordedBy recordedAt sources { slide } fields { field before after } } relationships { id history { op fields { field after } } } } }',
    );
    expect(read.errors).toBeUndefined();
    const entity = read.data!.entity as {
      history: Array<{ op: string; recordedAt: string; sources: unknown; fields: unknown }>;
      relationships: Array<{ id: string; history: unknown }>;
    };
    expect(entity.history.map((h) => h.op)).toEqual(['createEntity', 'updateEntity']);
    expect(entity.history[1]).toMatchObject({
      sources: [{ slide: 8 }],
      fields: [
        { field: 'description', before: null, after: 'A topic with a past.' },
        { field: 'sources', before: ['deck-2022#7'], after: ['deck-2022#7', 'deck-2022#8'] },
      ],
    });
    expect(entity.history[0].recordedAt <= entity.history[1].recordedAt).toBe(true);
    expect(entity.relationships).toEqual([
      {
        id: 'usmca:ADDRESSES:history-topic',
        history: [
          {
            op: 'addRelationship',
            fields: [
              { field: 'from', after: 'usmca' },
              { field: 'sources', after: ['deck-2022#7'] },
              { field: 'to', after: 'history-topic' },
              { field: 'type', after: 'ADDRESSES' },
            ],
          },
        ],
      },
    ]);
  });

  it("answer BAD_USER_INPUT with the seed checker's message", async () => {
    const result = await post(
      server,
      'mutation { addObservation(input: { metric: "us-mexico-goods-trade", value: 3, unit: PERCENT, period: "2023" }, sources: ["deck-2022#7"]) { observation { id } } }',
      `Bearer ${TOKEN}`,
    );
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(result.errors?.[0].message).toMatch(
      /^observation of us-mexico-goods-trade: unit "PERCENT" does not measure what the metric's unit USD_BILLION does: expected one of /,
    );
    const citation = await post(
      server,
      'mutation { retireRelationship(id: "usmca:REPLACES:nafta@2020-07-01", sources: ["ustr-2018"]) { recordedBy } }',
      `Bearer ${TOKEN}`,
    );
    expect(citation.errors?.[0]).toMatchObject({
      message:
        'retirement of edge usmca:REPLACES:nafta@2020-07-01: sources: expected a citation "<sourceId>#<slide>" such as "ustr-2018#36", received "ustr-2018"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it("keep a source's slides and what it backs true: a new citation adds its slide, retiring the item removes it", async () => {
    const ustr = async () =>
      (await post(server, '{ entity(id: "ustr-2018") { ... on Source { slides backs(slide: 37) { totalCount edges { node { kind id slides } } } } } }')).data!
        .entity as {
        slides: number[];
        backs: { totalCount: number; edges: Array<{ node: { kind: string; id: string; slides: number[] } }> };
      };
    expect(await ustr()).toEqual({ slides: [36], backs: { totalCount: 0, edges: [] } });
    const created = await post(
      server,
      'mutation { createEntity(input: { id: "review-topic", kind: Topic, name: "Review topic" }, sources: ["ustr-2018#37"]) { entity { id } } }',
      `Bearer ${TOKEN}`,
    );
    expect(created.errors).toBeUndefined();
    expect(await ustr()).toEqual({ slides: [36, 37], backs: { totalCount: 1, edges: [{ node: { kind: 'ENTITY', id: 'review-topic', slides: [37] } }] } });
    await post(server, 'mutation { retireEntity(id: "review-topic", sources: ["deck-2022#9"]) { entity { id } } }', `Bearer ${TOKEN}`);
    expect(await ustr()).toEqual({ slides: [36], backs: { totalCount: 0, edges: [] } });
  });

  it("keep every seed rule: the issue's repros (items 4, 5, 6, 8, 11) and a Metric created with its first observation", async () => {
    const refused = async (query: string) => {
      const result = await post(server, query, `Bearer ${TOKEN}`);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return result.errors![0].message;
    };
    // 4: nafta cites ustr-2018 and others; one new citation is enough.
    const nafta = await post(
      server,
      'mutation { updateEntity(id: "nafta", input: { description: "x" }, sources: ["deck-2022#7"]) { entity { description } } }',
      `Bearer ${TOKEN}`,
    );
    expect(nafta.errors).toBeUndefined();
    expect(nafta.data).toEqual({ updateEntity: { entity: { description: 'x' } } });
    // 5
    expect(
      await refused('mutation { updateEntity(id: "southwest-border-apprehensions", input: { unit: PERCENT }, sources: ["deck-2022#7"]) { entity { id } } }'),
    ).toMatch(/^node southwest-border-apprehensions: unit PERCENT does not measure what its \d+ observation\(s\) in COUNT, THOUSAND do/);
    // 6
    expect(
      await refused('mutation { updateEntity(id: "nafta", input: { description: "y" }, sources: ["deck-2022#99999999999999999999999"]) { entity { id } } }'),
    ).toBe('node nafta: sources: citation "deck-2022#99999999999999999999999": expected a slide number from 1 to 10000');
    // 8
    expect(await refused('mutation { retireEntity(id: "us-border-states", sources: ["deck-2022#7"]) { entity { id } } }')).toBe(
      'node us-border-states: cannot be retired while 1 observation(s) name it in a dimension (mexico-rank-as-us-export-market@reported-2022[region=us-border-states])',
    );
    // 11: __proto__ is refused, not dropped; ; = ] cannot make ids collide; self-loops and cycles.
    expect(
      await refused(
        'mutation { addObservation(input: { metric: "us-mexico-goods-trade", value: 3, period: "2023", dimensions: [{ key: "__proto__", value: "mexico" }] }, sources: ["deck-2022#7"]) { observation { id } } }',
      ),
    ).toMatch(/dimension key "__proto__"/);
    expect(
      await refused(
        'mutation { addObservation(input: { metric: "us-mexico-goods-trade", value: 3, period: "2023", dimensions: [{ key: "a", value: "b;c=d]" }] }, sources: ["deck-2022#7"]) { observation { id } } }',
      ),
    ).toMatch(/dimension a: expected lower-case words/);
    expect(
      await refused('mutation { addRelationship(input: { from: "usmca", type: AFFECTS, to: "usmca" }, sources: ["deck-2022#7"]) { recordedBy } }'),
    ).toMatch(/joins usmca to itself/);
    expect(
      await refused('mutation { addRelationship(input: { from: "nafta", type: REPLACES, to: "usmca" }, sources: ["deck-2022#7"]) { recordedBy } }'),
    ).toMatch(/^REPLACES edge nafta -> usmca would close a cycle/);
    expect(
      await refused(`mutation { createEntity(input: { id: "${'a'.repeat(101)}", kind: Topic, name: "Long" }, sources: ["deck-2022#7"]) { entity { id } } }`),
    ).toMatch(/at most 100 characters/);
    // A new Metric needs its first observation, given with it.
    expect(
      await refused(
        'mutation { createEntity(input: { id: "truck-crossings", kind: Metric, name: "Truck crossings", unit: COUNT }, sources: ["deck-2022#5"]) { entity { id } } }',
      ),
    ).toBe('metric truck-crossings has no observations: a metric needs at least one (create it with its first observation)');
    const metric = await post(
      server,
      'mutation { createEntity(input: { id: "truck-crossings", kind: Metric, name: "Truck crossings", unit: COUNT }, observation: { value: 5, period: "2021", dimensions: [{ key: "state", value: "texas" }] }, sources: ["deck-2022#5"]) { entity { id ... on Metric { observations { id value unit } } } } }',
      `Bearer ${TOKEN}`,
    );
    expect(metric.errors).toBeUndefined();
    expect(metric.data).toEqual({
      createEntity: { entity: { id: 'truck-crossings', observations: [{ id: 'truck-crossings@2021[state=texas]', value: 5, unit: 'COUNT' }] } },
    });
  });
});
