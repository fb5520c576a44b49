/**
 * The curation inputs are typed with the schema's enums (NodeKind, EntitySubtype, Unit, Qualifier,
 * EdgeType): GraphQL refuses a typo before any resolver runs, naming the values it expected, in a
 * document and in variables alike; what GraphQL cannot see (a subtype of another kind, a kind that
 * takes no subtype) keeps the seed checker's message. Nothing is written on a refusal.
 */
import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type GraphQLResult, type TestServer } from '../helpers/graphql';

const TOKEN = 'alice-token-0123456789';
const KINDS = 'Actor, Policy, Agreement, Dialogue, Event, Topic, Metric, Source';
const CREATE_VARS = 'mutation ($input: CreateEntityInput!) { createEntity(input: $input, sources: ["deck-2022#28"]) { entity { id kind subtype } } }';

describe('typed curation inputs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(new MemoryStore(seedDataset()), { curatorTokens: new Map([['alice', TOKEN]]) });
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = async (query: string, variables?: Record<string, unknown>): Promise<GraphQLResult> => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResult;
  };
  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    const result = await post(query, variables);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    return { code: result.errors![0].extensions?.code, message: result.errors![0].message };
  };
  const exists = async (id: string) => ((await post(`{ entity(id: "${id}") { id } }`)).data as { entity: unknown }).entity !== null;

  it('are the schema enums, so Sandbox can complete them', async () => {
    const types = await post(`{
      create: __type(name: "CreateEntityInput") { inputFields { name type { name ofType { name } } } }
      observation: __type(name: "AddObservationInput") { inputFields { name type { name ofType { name } } } }
      edge: __type(name: "AddRelationshipInput") { inputFields { name type { name ofType { name } } } }
    }`);
    const typeOf = (group: string, field: string): string | undefined => {
      const fields = (types.data as Record<string, { inputFields: Array<{ name: string; type: { name: string | null; ofType: { name: string } | null } }> }>)[
        group
      ].inputFields;
      const t = fields.find((f) => f.name === field)?.type;
      return t?.name ?? t?.ofType?.name;
    };
    expect([typeOf('create', 'kind'), typeOf('create', 'type'), typeOf('create', 'unit')]).toEqual(['NodeKind', 'EntitySubtype', 'Unit']);
    expect([typeOf('observation', 'unit'), typeOf('observation', 'qualifier'), typeOf('edge', 'type')]).toEqual(['Unit', 'Qualifier', 'EdgeType']);
  });

  it('refuse a typo in a kind or a unit before anything runs, naming the expected values', async () => {
    expect(
      await refusal('mutation { createEntity(input: { id: "typo-topic", kind: Topc, name: "Typo" }, sources: ["deck-2022#7"]) { entity { id } } }'),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      message: `argument: expected one of ${KINDS} (NodeKind), received "Topc"`,
    });
    expect(await refusal(CREATE_VARS, { input: { id: 'typo-topic', kind: 'Topc', name: 'Typo' } })).toEqual({
      code: 'BAD_USER_INPUT',
      message: `$input: expected one of ${KINDS} (NodeKind), received "Topc"`,
    });
    const unit = await refusal(
      'mutation { addObservation(input: { metric: "us-mexico-goods-trade", value: 3, unit: USD_BILLON, period: "2031" }, sources: ["deck-2022#7"]) { observation { id } } }',
    );
    expect(unit.code).toBe('BAD_USER_INPUT');
    expect(unit.message).toMatch(/^argument: expected one of USD, USD_MILLION, USD_BILLION, .*, RATIO \(Unit\), received "USD_BILLON"$/);
    const subtype = await refusal(CREATE_VARS, { input: { id: 'typo-event', kind: 'Event', type: 'ARRESTED', name: 'Typo' } });
    expect(subtype.code).toBe('BAD_USER_INPUT');
    expect(subtype.message).toMatch(/^\$input: expected one of COUNTRY, .*\bARREST\b.* \(EntitySubtype\), received "ARRESTED"$/);
    expect(await exists('typo-topic')).toBe(false);
    expect(await exists('typo-event')).toBe(false);
  });

  it('refuse a quoted string where an enum value belongs, saying which value was meant', async () => {
    const quoted = await refusal(
      'mutation { createEntity(input: { id: "quoted-topic", kind: "Topic", name: "Quoted" }, sources: ["deck-2022#7"]) { entity { id } } }',
    );
    expect(quoted).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'Enum "NodeKind" cannot represent non-enum value: "Topic". Did you mean the enum value "Topic"?',
    });
  });

  it("keep the seed checker's message for what GraphQL cannot see: a subtype of another kind", async () => {
    expect(
      await refusal(
        'mutation { createEntity(input: { id: "wrong-subtype", kind: Actor, type: TRADE, name: "Wrong" }, sources: ["deck-2022#7"]) { entity { id } } }',
      ),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      message:
        'node wrong-subtype: unknown Actor type "TRADE": expected one of COUNTRY, PERSON, GOVERNMENT_BODY, ORGANIZATION, INTERNATIONAL_ORGANIZATION, COMPANY, POLITICAL_PARTY, CRIMINAL_NETWORK, REGION, SUBNATIONAL_STATE, POPULATION_GROUP',
    });
    expect(await refusal(CREATE_VARS, { input: { id: 'wrong-subtype', kind: 'Topic', type: 'COUNTRY', name: 'Wrong' } })).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'node wrong-subtype: a Topic takes no type, received "COUNTRY"',
    });
    expect(await refusal('mutation { updateEntity(id: "usmca", input: { type: ELECTION }, sources: ["deck-2022#7"]) { entity { id } } }')).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/^node usmca: unknown Agreement type "ELECTION": expected one of TRADE, SECURITY, COOPERATION$/),
    });
    expect(await exists('wrong-subtype')).toBe(false);
  });

  it('take enum values written as strings in variables, and enum literals in documents', async () => {
    const created = await post(CREATE_VARS, {
      input: { id: 'typed-arrest', kind: 'Event', type: 'ARREST', name: 'A typed arrest', dates: [{ role: 'date', date: '2021' }] },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data).toEqual({ createEntity: { entity: { id: 'typed-arrest', kind: 'Event', subtype: 'ARREST' } } });
    const observed = await post(
      'mutation { addObservation(input: { metric: "us-mexico-goods-trade", value: 800, unit: USD_BILLION, period: "2031", qualifier: FORECAST }, sources: ["deck-2022#7"]) { observation { unit qualifier } } }',
    );
    expect(observed.errors).toBeUndefined();
    expect(observed.data).toEqual({ addObservation: { observation: { unit: 'USD_BILLION', qualifier: 'FORECAST' } } });
  });
});
