import { postAs, type GraphQLResult, type TestServer } from '../helpers/graphql';

// Correcting and withdrawing an observation through GraphQL, seen as a researcher sees it: the
// series, `compare`, `Source.backs`, search, the exports and the dataset version. Defined once,
// run on both stores (observation-lifecycle.test.ts, test/neo4j/observation-lifecycle.int.test.ts).
// The figures written here are test corrections in a throwaway store, not facts.

export const LIFECYCLE_TOKEN = 'lena-token-0123456789';
export const LIFECYCLE_CURATORS = new Map([['lena', LIFECYCLE_TOKEN]]);

const METRIC = 'southwest-border-apprehensions';
const FY2021 = `${METRIC}@FY2021`;
const FY2020 = `${METRIC}@FY2020`;
const JANUARY = `${METRIC}@2022-01`;

const SERIES = `{ entity(id: "${METRIC}") { ... on Metric {
  observations { id value period history { op recordedBy fields { field before after } previousId sources { slide source { id } } } }
} } dataset { version observations } }`;
const COMPARE = `{ entity(id: "${METRIC}") { ... on Metric { compare(from: "FY2020", to: "FY2021") { from { value } to { value } absoluteChange } } } }`;

interface Series {
  entity: {
    observations: Array<{
      id: string;
      value: number;
      period: string | null;
      history: Array<{ op: string; recordedBy: string; fields: Array<{ field: string; before: unknown; after: unknown }>; previousId: string | null }>;
    }>;
  };
  dataset: { version: string; observations: number };
}

function ok(result: GraphQLResult): Record<string, unknown> {
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** The lifecycle tests over a server started with LIFECYCLE_CURATORS on the seeds (each test builds on the one before). */
export function defineObservationLifecycle(name: string, start: () => Promise<TestServer>): void {
  describe(`correcting and withdrawing an observation through GraphQL (${name})`, () => {
    let server: TestServer;
    let base: string;
    const write = (query: string) => postAs(server, query, `Bearer ${LIFECYCLE_TOKEN}`);
    const series = async () => ok(await server.post(SERIES)) as unknown as Series;
    const compare = async () => (ok(await server.post(COMPARE)) as { entity: { compare: unknown } }).entity.compare;
    const csv = async () => {
      const res = await fetch(`${base}/export?format=csv&part=observations`);
      expect(res.status).toBe(200);
      return res.text();
    };

    beforeAll(async () => {
      server = await start();
      base = server.url.replace(/\/graphql$/, '');
    });
    afterAll(async () => {
      await server?.close();
    });

    it('corrects a value: the series, compare, the CSV export and the dataset version follow, and the history says who, what and why', async () => {
      const before = await series();
      expect(await compare()).toMatchObject({ from: { value: 400651 }, to: { value: 1660000 } });
      const result = ok(
        await write(`mutation { updateObservation(id: "${FY2021}", input: { value: 1700000, note: "Revised" }, sources: ["deck-2022#17"]) {
          observation { id value note sources { slide } } recordedBy } }`),
      );
      expect(result).toEqual({
        updateObservation: { observation: { id: FY2021, value: 1700000, note: 'Revised', sources: [{ slide: 20 }, { slide: 17 }] }, recordedBy: 'lena' },
      });
      const after = await series();
      expect(after.dataset.version).not.toBe(before.dataset.version);
      expect(await compare()).toMatchObject({ from: { value: 400651 }, to: { value: 1700000 }, absoluteChange: 1700000 - 400651 });
      const corrected = after.entity.observations.find((o) => o.id === FY2021)!;
      expect(corrected.value).toBe(1700000);
      expect(corrected.history).toEqual([
        {
          op: 'updateObservation',
          recordedBy: 'lena',
          previousId: null,
          sources: [{ slide: 17, source: { id: 'deck-2022' } }],
          fields: [
            { field: 'note', before: null, after: 'Revised' },
            { field: 'sources', before: ['deck-2022#20'], after: ['deck-2022#20', 'deck-2022#17'] },
            { field: 'value', before: 1660000, after: 1700000 },
          ],
        },
      ]);
      const rows = (await csv()).split('\n').filter((line) => line.startsWith(`${FY2021},`));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('1700000');
      expect(rows[0]).not.toContain('1660000');
    });

    it('corrects a period: the observation takes its new id and its history', async () => {
      const result = ok(
        await write(
          `mutation { updateObservation(id: "${JANUARY}", input: { period: "2021-12" }, sources: ["deck-2022#55"]) { observation { id period periodStart } } }`,
        ),
      );
      expect(result).toEqual({ updateObservation: { observation: { id: `${METRIC}@2021-12`, period: '2021-12', periodStart: '2021-12-01' } } });
      const { entity } = await series();
      expect(entity.observations.map((o) => o.id)).not.toContain(JANUARY);
      expect(entity.observations.find((o) => o.id === `${METRIC}@2021-12`)!.history).toMatchObject([
        { op: 'updateObservation', previousId: JANUARY, fields: [{ field: 'period', before: '2022-01', after: '2021-12' }] },
      ]);
      const moved = ok(await server.post(`{ entity(id: "${METRIC}") { ... on Metric { observations(from: "2022-01", to: "2022-01") { id } } } }`));
      // January 2022 now holds only the range that overlaps it.
      expect(moved).toEqual({ entity: { observations: [{ id: `${METRIC}@2021-10/2022-01` }] } });
    });

    it("refuses a bad correction with the seed checker's message and changes nothing", async () => {
      const { dataset } = await series();
      const wrongUnit = await write(
        `mutation { updateObservation(id: "${FY2021}", input: { unit: PERCENT }, sources: ["deck-2022#20"]) { observation { id } } }`,
      );
      expect(wrongUnit.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(wrongUnit.errors?.[0].message).toContain('does not measure what the metric');
      const unknown = await write(
        `mutation { updateObservation(id: "${METRIC}@1999", input: { value: 1 }, sources: ["deck-2022#20"]) { observation { id } } }`,
      );
      expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(unknown.errors?.[0].message).toContain('expected the id of a live observation');
      const unauthenticated = await server.post(`mutation { retireObservation(id: "${FY2020}", sources: ["deck-2022#20"]) { observation { id } } }`);
      expect(unauthenticated.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      expect((await series()).dataset.version).toBe(dataset.version);
    });

    it('withdraws an observation: gone from the series, compare, search, the source it cites and the export; the version moves', async () => {
      const before = await series();
      const note = ok(await server.post('{ search(query: "COVID-19 apprehensions", first: 5, targets: [OBSERVATION]) { observation { id } } }')) as {
        search: Array<{ observation: { id: string } | null }>;
      };
      expect(note.search.map((h) => h.observation?.id)).toContain(FY2020);
      const result = ok(await write(`mutation { retireObservation(id: "${FY2020}", sources: ["deck-2022#20"]) { observation { id value } recordedBy } }`));
      expect(result).toEqual({ retireObservation: { observation: { id: FY2020, value: 400651 }, recordedBy: 'lena' } });

      const after = await series();
      expect(after.entity.observations.map((o) => o.id)).not.toContain(FY2020);
      // compare no longer finds the period: the periods it offers leave FY2020 out.
      const refused = await server.post(COMPARE);
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'from' } });
      expect(refused.errors?.[0].message).toBe(
        `from: expected a period with an observation of ${METRIC} (FY2021, 2021-10/2022-01, 2021-12), received "FY2020"`,
      );
      expect(after.dataset.observations).toBe(before.dataset.observations - 1);
      expect(after.dataset.version).not.toBe(before.dataset.version);
      const search = ok(await server.post('{ search(query: "COVID-19 apprehensions", first: 5, targets: [OBSERVATION]) { observation { id } } }')) as {
        search: Array<{ observation: { id: string } | null }>;
      };
      expect(search.search.map((h) => h.observation?.id)).not.toContain(FY2020);
      const backs = ok(
        await server.post('{ entity(id: "cbp-2019") { ... on Source { backs(slide: 18, kinds: [OBSERVATION], first: 100) { edges { node { id } } } } } }'),
      ) as {
        entity: { backs: { edges: Array<{ node: { id: string } }> } };
      };
      expect(backs.entity.backs.edges.map((e) => e.node.id)).not.toContain(FY2020);
      expect(await csv()).not.toContain(`${FY2020},`);
    });

    it('brings the withdrawn observation back when it is added again, with its whole history', async () => {
      const result = ok(
        await write(
          `mutation { addObservation(input: { metric: "${METRIC}", value: 400651, period: "FY2020" }, sources: ["deck-2022#20"]) { observation { id value } } }`,
        ),
      );
      expect(result).toEqual({ addObservation: { observation: { id: FY2020, value: 400651 } } });
      const { entity } = await series();
      expect(await compare()).toMatchObject({ from: { value: 400651 }, to: { value: 1700000 } });
      expect(entity.observations.find((o) => o.id === FY2020)!.history.map((h) => h.op)).toEqual(['retireObservation', 'addObservation']);
      expect(await csv()).toContain(`${FY2020},`);
    });
  });
}
