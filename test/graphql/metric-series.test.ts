import { MemoryStore } from '../../src/store/memory';
import { countingStore } from '../helpers/counting-store';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';

/* eslint-disable @typescript-eslint/no-explicit-any */

describe('metric series on the seeds: periodKinds and compare', () => {
  const counting = countingStore(new MemoryStore(seedDataset()));
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(counting.store);
  });
  afterAll(() => server.close());
  beforeEach(() => counting.reset());

  const metric = async (id: string, fields: string) => {
    const result = await server.execute(`{ entity(id: "${id}") { ... on Metric { ${fields} } } }`);
    expect(result.errors).toBeUndefined();
    return (result.data as any).entity;
  };

  const firstError = async (query: string) => {
    const result = await server.post(query);
    expect(result.errors).toHaveLength(1);
    return result.errors![0];
  };

  it('filters observations by period kind after loading them', async () => {
    const m = await metric('southwest-border-apprehensions', 'observations(periodKinds: [MONTH, RANGE]) { period periodKind }');
    expect(m.observations).toEqual([
      { period: '2021-10/2022-01', periodKind: 'RANGE' },
      { period: '2022-01', periodKind: 'MONTH' },
    ]);
    const none = await metric('merida-initiative-appropriations', 'observations(periodKinds: [MONTH]) { period }');
    expect(none.observations).toEqual([]);
  });

  it('combines periodKinds with the period range', async () => {
    const m = await metric('southwest-border-apprehensions', 'observations(from: "FY2021", periodKinds: [FISCAL_YEAR]) { period }');
    expect(m.observations).toEqual([{ period: 'FY2021' }]);
  });

  it('converts the earlier value into the later unit and explains it', async () => {
    const m = await metric(
      'southwest-border-apprehensions',
      'compare(from: "FY2021", to: "2022-01") { from { value unit } to { value unit qualifier } unit absoluteChange percentChange note }',
    );
    expect(m.compare).toMatchObject({
      from: { value: 1660000, unit: 'COUNT' },
      to: { value: 150, unit: 'THOUSAND', qualifier: 'APPROXIMATE' },
      unit: 'THOUSAND',
      absoluteChange: -1510,
    });
    expect(m.compare.percentChange).toBeCloseTo(-90.96, 2);
    expect(m.compare.note).toBe(
      'FY2021 converted from 1660000 (count) to 1660 (thousands). 2022-01 is approximate. FY2021 is a fiscal year and 2022-01 a month: the periods differ in length.',
    );
  });

  it('compares one breakdown when given dimensions', async () => {
    const m = await metric(
      'southwest-border-apprehensions-share-by-nationality',
      'compare(from: "FY2011", to: "FY2020", dimensions: [{ key: "country", value: "mexico" }]) { from { value } to { value } unit absoluteChange note }',
    );
    expect(m.compare).toEqual({
      from: { value: 86 },
      to: { value: 63 },
      unit: 'PERCENT',
      absoluteChange: -23,
      note: 'The absolute change is in percentage points; the percent change is relative to the first share.',
    });
    // the dimensions must match exactly: { party: morena } alone, not also a bound
    const votes = await metric(
      'mexico-election-vote-share',
      'compare(from: "2018-07", to: "2018-07", dimensions: [{ key: "party", value: "morena" }]) { to { value unit } }',
    );
    expect(votes.compare.to).toEqual({ value: 53, unit: 'PERCENT' });
  });

  it('refuses to compare undated observations, saying they have no period', async () => {
    // Slide 35 gives its job figures no year: no period to compare, whatever is asked.
    const only = await firstError(
      '{ entity(id: "net-us-jobs-from-trade") { ... on Metric { compare(from: "2017", to: "2017", dimensions: [{ key: "partner", value: "mexico" }]) { unit } } } }',
    );
    expect(only.message).toBe(
      'from: expected a period with an observation of net-us-jobs-from-trade with partner=mexico (it has only undated observations, reported in 2019, which have no period to compare), received "2017"',
    );
    const mixed = await firstError('{ entity(id: "mexico-wjp-rule-of-law-score") { ... on Metric { compare(from: "2019", to: "2024") { unit } } } }');
    expect(mixed.message).toBe(
      'from: expected a period with an observation of mexico-wjp-rule-of-law-score (2024; its undated observations, reported in 2019, have no period to compare), received "2019"',
    );
  });

  it('reads the observations of observations and compare on one metric in one store call', async () => {
    await metric('southwest-border-apprehensions', 'observations(periodKinds: [FISCAL_YEAR]) { value } compare(from: "FY2020", to: "FY2021") { unit }');
    expect(counting.calls.map((c) => c.method)).toEqual(['getNodesByIds', 'getObservations']);
  });

  it('refuses a period the metric has no observation for, naming the metric and the periods it has', async () => {
    const error = await firstError('{ entity(id: "southwest-border-apprehensions") { ... on Metric { compare(from: "FY2019", to: "FY2021") { unit } } } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      'from: expected a period with an observation of southwest-border-apprehensions (FY2020, FY2021, 2021-10/2022-01, 2022-01), received "FY2019"',
    );
  });

  it('matches the period exactly: a calendar year is not a fiscal year', async () => {
    const error = await firstError('{ entity(id: "merida-initiative-appropriations") { ... on Metric { compare(from: "FY2019", to: "2021") { unit } } } }');
    expect(error.message).toBe('to: expected a period with an observation of merida-initiative-appropriations (FY2019, FY2020, FY2021), received "2021"');
  });

  it('names the breakdown when dimensions are given', async () => {
    const error = await firstError(
      '{ entity(id: "us-state-trade-with-mexico") { ... on Metric { compare(from: "2017", to: "2018", dimensions: [{ key: "state", value: "texas" }]) { unit } } } }',
    );
    expect(error.message).toBe('from: expected a period with an observation of us-state-trade-with-mexico with state=texas (2018), received "2017"');
  });

  it('refuses a comparison whose to period starts before its from period', async () => {
    const error = await firstError('{ entity(id: "southwest-border-apprehensions") { ... on Metric { compare(from: "FY2021", to: "FY2020") { unit } } } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('to: expected a period starting on or after from (FY2021), received "FY2020"');
  });

  it('refuses a malformed period', async () => {
    const error = await firstError('{ entity(id: "southwest-border-apprehensions") { ... on Metric { compare(from: "FY21", to: "FY2021") { unit } } } }');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('received "FY21"');
  });
});
