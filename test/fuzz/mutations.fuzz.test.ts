/**
 * Property-based fuzzing of every argument of every Mutation field, over HTTP, with a valid
 * curator token, on a fresh memory store of its own (journal in a temp directory) with the
 * production configuration. The fields and argument types come from the executable schema, so a
 * new mutation or argument is fuzzed without editing this file.
 *
 * Same invariants as the Query fuzz (http-check.ts): 200/400 only, known error codes (never
 * INTERNAL_SERVER_ERROR; with a valid token never UNAUTHENTICATED nor FORBIDDEN either), no stack
 * trace, no unhandled rejection. Then: every change the fuzz got accepted replays from the
 * journal over the seeds, and the Authorization header, fuzzed on its own, only ever yields
 * UNAUTHENTICATED.
 *
 * Bounded: FUZZ_MUTATION_RUNS runs per mutation (default 100).
 */
import fc from 'fast-check';
import { buildSchema, isNonNullType, type GraphQLArgument, type GraphQLSchema } from 'graphql';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATE_ROLES_BY_KIND, EDGE_TYPES, QUALIFIERS, UNITS, type Dataset } from '../../src/domain';
import { createSchema } from '../../src/graphql/schema';
import { MemoryStore } from '../../src/store/memory';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';
import { anyString, validFor, valueFor, vocabularyOf, type FuzzVocabulary } from './arbitraries';
import { ALLOWED_CODES, postChecked, realProcess, type Outcome } from './http-check';
import { mutationFields, type MutationFieldInfo } from './schema-walk';

const RUNS = Number(process.env.FUZZ_MUTATION_RUNS ?? 100);
const BOUNDS = { interruptAfterTimeLimit: 20_000, maxSkipsPerRun: 10 } as const;
const TOKEN = 'fuzz-curator-token-0123456789';
const BEARER = `Bearer ${TOKEN}`;

interface Tally {
  runs: number;
  clean: number;
  codes: Record<string, number>;
}

/**
 * Legal-looking values, by argument or input-field name, drawn from the seeds, so that runs get
 * past the seed checker into the store: citations that exist, kinds with their subtypes, metric
 * ids, units, periods … A name not listed here falls back to `validFor` (arbitraries.ts).
 */
function plausible(dataset: Dataset, vocab: FuzzVocabulary) {
  const citations = [...new Set(dataset.nodes.flatMap((n) => n.sources.map((c) => `${c.sourceId}#${c.slide}`)))];
  const templates = dataset.nodes.filter((n) => n.kind !== 'Source' && n.kind !== 'Metric');
  const metrics = dataset.nodes.filter((n) => n.kind === 'Metric').map((n) => n.id);
  const actors = dataset.nodes.filter((n) => n.kind === 'Actor').map((n) => n.id);
  const relationshipIds = dataset.relationships.map((r) => r.id);
  const observationIds = dataset.observations.map((o) => o.id);
  const slug = fc.stringMatching(/^[a-z]{2,8}(-[a-z0-9]{1,6}){0,2}$/).map((s) => `fz-${s}`);
  const text = fc.oneof({ arbitrary: fc.string({ minLength: 1, maxLength: 30 }), weight: 3 }, { arbitrary: anyString(undefined, true), weight: 1 });
  const sources = fc.array(fc.constantFrom(...citations), { minLength: 1, maxLength: 2 });

  // A new entity modelled on a seed entity: its kind, subtype and date roles are consistent.
  const newEntity = fc
    .tuple(fc.constantFrom(...templates), slug, text, fc.array(text, { maxLength: 3 }), fc.option(text, { nil: undefined }), fc.boolean())
    .map(([t, id, name, aliases, description, withDates]) => ({
      id,
      kind: t.kind,
      name,
      ...(t.type !== null ? { type: t.type } : {}),
      aliases,
      ...(description !== undefined ? { description } : {}),
      ...(withDates && DATE_ROLES_BY_KIND[t.kind].length ? { dates: [{ role: DATE_ROLES_BY_KIND[t.kind][0], date: vocab.partialDates[0] }] } : {}),
    }));
  const entityUpdate = fc.record({ name: text, aliases: fc.array(text, { maxLength: 3 }), description: fc.option(text, { nil: null }) }, { requiredKeys: [] });
  const anyRelationship = fc.record(
    {
      from: fc.constantFrom(...vocab.ids),
      type: fc.constantFrom(...EDGE_TYPES),
      to: fc.constantFrom(...vocab.ids),
      validFrom: fc.constantFrom(...vocab.partialDates),
      note: text,
    },
    { requiredKeys: ['from', 'type', 'to'] },
  );
  // A seed edge's ends and type with another start date: a new edge the checker mostly accepts
  // (random ends and types mostly break the edge rules), so every run has accepted writes.
  const likeASeedEdge = fc
    .tuple(fc.constantFrom(...dataset.relationships), fc.constantFrom('1990', '2005-06', '2019-12-31'), text)
    .map(([r, validFrom, note]) => ({ from: r.from, type: r.type, to: r.to, validFrom, note }));
  const relationship = fc.oneof(anyRelationship, likeASeedEdge);
  const observation = fc.record(
    {
      metric: fc.constantFrom(...metrics),
      value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      period: fc.constantFrom('2019', '2020', '2021-03', '2022-01-31', 'FY2021', '2020/2021'),
      dimensions: fc.array(fc.record({ key: fc.constantFrom('state', 'country', 'partner'), value: fc.constantFrom(...actors) }), { maxLength: 1 }),
      qualifier: fc.constantFrom(...QUALIFIERS),
      note: text,
    },
    { requiredKeys: ['metric', 'value', 'period'] },
  );
  const byMutation: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
    createEntity: { input: newEntity },
    updateEntity: { id: fc.constantFrom(...vocab.ids), input: entityUpdate },
    retireEntity: { id: fc.constantFrom(...vocab.ids, 'fz-unknown') },
    addRelationship: { input: relationship },
    retireRelationship: { id: fc.constantFrom(...relationshipIds, 'usmca:REPLACES:nafta', 'x:Y:z') },
    addObservation: { input: observation },
    updateObservation: {
      id: fc.constantFrom(...observationIds, 'fz-unknown@2020'),
      input: fc.record(
        {
          value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          period: fc.constantFrom('2019', '2020', '2021-03', 'FY2021', '2020/2021'),
          qualifier: fc.option(fc.constantFrom(...QUALIFIERS), { nil: null }),
          note: fc.option(text, { nil: null }),
        },
        { requiredKeys: [] },
      ),
    },
    retireObservation: { id: fc.constantFrom(...observationIds, 'fz-unknown@2020') },
  };
  return (mutation: string, arg: GraphQLArgument): fc.Arbitrary<unknown> => {
    if (arg.name === 'sources') return sources;
    if (arg.name === 'unit') return fc.constantFrom(...UNITS);
    return byMutation[mutation]?.[arg.name] ?? validFor(arg.type, vocab, arg.name);
  };
}

describe('fuzzing every Mutation argument over HTTP (valid curator token, own memory store + journal, production config)', () => {
  let server: TestServer;
  let store: MemoryStore;
  let dir: string;
  let journalPath: string;
  let schema: GraphQLSchema;
  let fields: MutationFieldInfo[];
  let vocab: FuzzVocabulary;
  let legal: (mutation: string, arg: GraphQLArgument) => fc.Arbitrary<unknown>;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => {
    rejections.push(reason);
  };
  const tallies = new Map<string, Tally>();
  /** With a valid token, neither UNAUTHENTICATED nor FORBIDDEN may come back. */
  const allowed = ALLOWED_CODES;

  beforeAll(async () => {
    realProcess.on('unhandledRejection', onRejection);
    dir = mkdtempSync(join(tmpdir(), 'usmx-fuzz-mutations-'));
    journalPath = join(dir, 'journal.jsonl');
    schema = await createSchema();
    fields = mutationFields(schema);
    const dataset = seedDataset();
    vocab = vocabularyOf(dataset);
    legal = plausible(dataset, vocab);
    store = MemoryStore.open(dataset, { journalPath });
    server = await startTestServer(store, { production: true, introspection: false, curatorTokens: new Map([['fuzzer', TOKEN]]) });
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    realProcess.off('unhandledRejection', onRejection);
    if (dir) rmSync(dir, { recursive: true, force: true });
    const lines = [...tallies].map(
      ([name, t]) => `${name.padEnd(18)} runs ${String(t.runs).padStart(4)}  clean ${String(t.clean).padStart(4)}  ${JSON.stringify(t.codes)}`,
    );
    if (lines.length) console.log(`mutation fuzz outcomes (${RUNS} runs per mutation):\n${lines.join('\n')}`);
  });

  function sendFuzz(body: string, authorization = BEARER, codes: ReadonlySet<string> = allowed): Promise<Outcome> {
    fc.pre(Buffer.byteLength(body) < 100_000);
    return postChecked(server.url, body, { headers: { authorization }, allowed: codes, rejections });
  }

  function record(name: string, outcome: Outcome): void {
    const t = tallies.get(name) ?? { runs: 0, clean: 0, codes: {} };
    t.runs++;
    if (outcome.hasData) t.clean++;
    for (const c of new Set(outcome.codes)) t.codes[c] = (t.codes[c] ?? 0) + 1;
    tallies.set(name, t);
  }

  const fieldNames = collectMutationNames();

  it('covers every Mutation field of the schema', async () => {
    const names = mutationFields(await createSchema()).map((f) => f.name);
    expect([...names].sort()).toEqual([...fieldNames].sort());
    expect(names).toEqual(expect.arrayContaining(['createEntity', 'updateEntity', 'retireEntity', 'addRelationship', 'retireRelationship', 'addObservation']));
  });

  it.each(fieldNames)(
    'Mutation.%s: any variables → 200/400, known error codes, no stack, no rejection',
    async (name) => {
      const field = fields.find((f) => f.name === name)!;
      const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name);
      // A third of the runs: legal-looking values (from the seeds) to reach the checker and the
      // store; the rest: each argument hostile or legal-looking, any argument possibly left out.
      const variables = fc.oneof(
        { arbitrary: fc.record(Object.fromEntries(field.args.map((a) => [a.name, legal(name, a)])), { requiredKeys: required }), weight: 1 },
        {
          arbitrary: fc.record(
            Object.fromEntries(
              field.args.map((a) => [a.name, fc.oneof({ arbitrary: valueFor(a.type, vocab), weight: 2 }, { arbitrary: legal(name, a), weight: 1 })]),
            ),
            { requiredKeys: [] },
          ),
          weight: 2,
        },
      );
      await fc.assert(
        fc.asyncProperty(variables, async (vars) => {
          record(name, await sendFuzz(JSON.stringify({ query: field.document, variables: vars })));
        }),
        { numRuns: RUNS, ...BOUNDS },
      );
      // Some writes went through (not only refused by validation or the checker).
      expect(tallies.get(name)?.clean).toBeGreaterThan(0);
    },
    60_000,
  );

  it('every change the fuzz got accepted replays from the journal over the seeds', async () => {
    const accepted = [...tallies.values()].reduce((n, t) => n + t.clean, 0);
    const lines = readFileSync(journalPath, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    expect(lines.length).toBe(accepted);
    const warnings: string[] = [];
    // Read only: the running store holds the journal's one-writer lock.
    const replayed = MemoryStore.open(seedDataset(), { journalPath, readOnly: true, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
    expect(await replayed.getStats()).toEqual(await store.getStats());
    await replayed.close();
  });

  it('Authorization header: garbage, empty, `Bearer ` + random, very long → only UNAUTHENTICATED', async () => {
    // A write that a valid token would get accepted, so the header is all that stops it.
    const probe = 'auth-probe-x';
    const doc = `mutation ($s: [String!]!) { createEntity(input: { id: "${probe}", kind: Topic, name: "Probe" }, sources: $s) { entity { id } } }`;
    const citation = seedDataset().nodes.flatMap((n) => n.sources)[0];
    const body = JSON.stringify({ query: doc, variables: { s: [`${citation.sourceId}#${citation.slide}`] } });
    // Header values fetch can send: tab, printable ASCII and Latin-1 (no CR, LF, NUL).
    const headerChar = fc
      .oneof(
        { arbitrary: fc.integer({ min: 0x20, max: 0x7e }), weight: 8 },
        { arbitrary: fc.integer({ min: 0xa0, max: 0xff }), weight: 1 },
        { arbitrary: fc.constant(0x09), weight: 1 },
      )
      .map((c) => String.fromCharCode(c));
    const headerText = (maxLength: number) => fc.string({ unit: headerChar, maxLength });
    const near = fc.tuple(fc.nat(TOKEN.length - 1), headerChar).map(([i, c]) => TOKEN.slice(0, i) + c + TOKEN.slice(i + 1));
    const header = fc.oneof(
      headerText(60),
      fc.constantFrom(
        '',
        ' ',
        'Bearer',
        'Bearer ',
        'bearer',
        'Basic Zm9vOmJhcg==',
        `Basic ${TOKEN}`,
        TOKEN,
        `Token ${TOKEN}`,
        `Bearer  ${TOKEN} x`,
        `Bearer ${TOKEN}${TOKEN}`,
        `${BEARER},${BEARER}`,
        `Bearer "${TOKEN}"`,
      ),
      headerText(60).map((s) => `Bearer ${s}`),
      near.map((t) => `Bearer ${t}`),
      fc
        .integer({ min: 1_000, max: 12_000 })
        .chain((n) => fc.constantFrom('a', 'x ', TOKEN).map((u) => `Bearer ${u.repeat(Math.ceil(n / u.length)).slice(0, n)}`)),
    );
    const onlyUnauthenticated = new Set(['UNAUTHENTICATED']);
    await fc.assert(
      fc.asyncProperty(header, async (authorization) => {
        // The one header that is a valid token (however it is spelled) is not garbage.
        fc.pre(!new RegExp(`^\\s*Bearer\\s+${TOKEN}\\s*$`, 'i').test(authorization));
        const outcome = await sendFuzz(body, authorization, onlyUnauthenticated);
        record('(authorization)', outcome);
        expect(outcome).toEqual({ status: 200, codes: ['UNAUTHENTICATED'], hasData: false });
      }),
      { numRuns: RUNS * 2, ...BOUNDS },
    );
    // Nothing was written.
    expect(await store.getNodesByIds([probe])).toEqual([null]);
  }, 60_000);

  it('saw no unhandled rejection in the whole run', () => {
    expect(rejections).toEqual([]);
  });
});

/** Mutation names for `it.each`, read from the committed SDL (checked against the live schema above). */
function collectMutationNames(): string[] {
  return Object.keys(buildSchema(readFileSync('schema/schema.graphql', 'utf8')).getMutationType()?.getFields() ?? {});
}
