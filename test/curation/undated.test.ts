import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type GraphQLResult, type TestServer } from '../helpers/graphql';

// Curators add undated figures as the seeds hold them: no period, the year reported.
const TOKEN = 'alice-token-0123456789';

describe('curating undated observations and approximate dates', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(new MemoryStore(seedDataset()), { curatorTokens: new Map([['alice', TOKEN]]) });
  });
  afterAll(() => server?.close());

  const post = async (query: string): Promise<GraphQLResult> => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as GraphQLResult;
  };

  it('adds an undated observation with the year it was reported', async () => {
    const result = await post(
      'mutation { addObservation(input: { metric: "us-mexico-goods-trade", value: 700, reported: 2021 }, sources: ["census-2021#7"]) { observation { id period periodKind periodStart reportedIn } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      addObservation: { observation: { id: 'us-mexico-goods-trade@reported-2021', period: null, periodKind: 'UNDATED', periodStart: null, reportedIn: 2021 } },
    });
  });

  it('refuses an observation with neither a period nor the year reported, and a year no cited source has', async () => {
    const none = await post(
      'mutation { addObservation(input: { metric: "us-mexico-goods-trade", value: 1 }, sources: ["census-2021#7"]) { observation { id } } }',
    );
    expect(none.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(none.errors?.[0].message).toMatch(
      /period: expected YYYY, .* \(or, for a figure its source gives no date, no period and reported: <the year the source was published>\), received nothing/,
    );
    const wrongYear = await post(
      'mutation { addObservation(input: { metric: "us-mexico-goods-trade", value: 1, reported: 2019 }, sources: ["census-2021#7"]) { observation { id } } }',
    );
    expect(wrongYear.errors?.[0].message).toBe(
      'observation of us-mexico-goods-trade: reported: expected the publication year of a source it cites (2021), received 2019',
    );
  });

  it('keeps "late 2020" as the date 2020 with its qualifier', async () => {
    const result = await post(
      'mutation { createEntity(input: { id: "late-event", kind: Event, type: ARREST, name: "An arrest", dates: [{ role: "date", date: "late 2020" }] }, sources: ["deck-2022#28"]) { entity { ... on Event { date } approximateDates { role date qualifier } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ createEntity: { entity: { date: '2020', approximateDates: [{ role: 'date', date: '2020', qualifier: 'LATE' }] } } });
  });
});
