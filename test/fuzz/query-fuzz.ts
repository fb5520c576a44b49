/**
 * Property-based fuzzing of every argument of every Query field, over HTTP, on a given store
 * with the production configuration (defined once, run on the memory store and on Neo4j). The fields and argument types come from the executable
 * schema, so a new field or argument is fuzzed without editing this file.
 *
 * For any input: the status is 200 or 400 (never 5xx), the body is JSON with `data` or `errors`,
 * every error carries an expected `extensions.code` (never INTERNAL_SERVER_ERROR) and no stack
 * trace, and the process sees no unhandled rejection. Raw query text (garbage, mutated examples,
 * deep nesting) gets parse or validation errors, never a 500.
 *
 * Bounded: FUZZ_RUNS runs per field (default 200). On a failure fast-check prints the seed and
 * the path; replay with `fc.assert(…, { seed, path })`.
 */
import fc from 'fast-check';
import { buildSchema, isNonNullType, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { createSchema } from '../../src/graphql/schema';
import type { GraphStore } from '../../src/domain';
import { seedDataset } from '../helpers/dataset';
import { startTestServer, type TestServer } from '../helpers/graphql';
import { exampleOperations } from '../graphql/examples';
import { postChecked, realProcess, type Outcome } from './http-check';
import { anyString, validFor, valueFor, vocabularyOf, type FuzzVocabulary } from './arbitraries';
import { queryFields, type QueryFieldInfo } from './schema-walk';

/** Keeps a property (shrinking included) within a time budget; a failure found so far is still reported. */
const BOUNDS = { interruptAfterTimeLimit: 30_000, maxSkipsPerRun: 10 } as const;

interface Tally {
  runs: number;
  clean: number;
  codes: Record<string, number>;
}

/** A store for one fuzz run, and how to release it. */
export interface FuzzTarget {
  readonly store: GraphStore;
  close(): Promise<void>;
}

/** Defines the Query fuzz suite over the store `open` gives, `runs` runs per field. */
export function defineQueryFuzz(storeName: string, open: () => Promise<FuzzTarget>, RUNS: number): void {
  describe(`fuzzing every Query argument over HTTP (${storeName}, production config)`, () => {
    let server: TestServer;
    let target: FuzzTarget;
    let schema: GraphQLSchema;
    let fields: QueryFieldInfo[];
    let vocab: FuzzVocabulary;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => {
      rejections.push(reason);
    };
    const tallies = new Map<string, Tally>();

    beforeAll(async () => {
      realProcess.on('unhandledRejection', onRejection);
      schema = await createSchema();
      fields = queryFields(schema);
      vocab = vocabularyOf(seedDataset());
      target = await open();
      server = await startTestServer(target.store, { production: true, introspection: false });
    }, 300_000);

    afterAll(async () => {
      await server?.close();
      await target?.close();
      realProcess.off('unhandledRejection', onRejection);
      const lines = [...tallies].map(
        ([name, t]) => `${name.padEnd(14)} runs ${String(t.runs).padStart(4)}  clean ${String(t.clean).padStart(4)}  ${JSON.stringify(t.codes)}`,
      );
      if (lines.length) console.log(`fuzz outcomes (${RUNS} runs per field):\n${lines.join('\n')}`);
    });

    /** Within a property: skips a body over express.json's 100 kB limit (413 by design), else sends it. */
    function sendFuzz(body: string): Promise<Outcome> {
      fc.pre(Buffer.byteLength(body) < 100_000);
      return send(body);
    }

    /** Sends one request and checks the invariants (http-check.ts); throws on a breach. */
    function send(body: string): Promise<Outcome> {
      return postChecked(server.url, body, { rejections });
    }

    function record(name: string, outcome: Outcome): void {
      const t = tallies.get(name) ?? { runs: 0, clean: 0, codes: {} };
      t.runs++;
      if (outcome.hasData) t.clean++;
      for (const c of new Set(outcome.codes)) t.codes[c] = (t.codes[c] ?? 0) + 1;
      tallies.set(name, t);
    }

    it('covers every Query field of the schema', async () => {
      const names = queryFields(await createSchema()).map((f) => f.name);
      expect([...names].sort()).toEqual([...fieldNames].sort());
      expect(names.length).toBeGreaterThanOrEqual(15);
      expect(names).toEqual(expect.arrayContaining(['entity', 'entities', 'search', 'connections', 'neighbourhood', 'timeline', 'dataset']));
    });

    // The list of fields is read from the schema when the suite is collected.
    const fieldNames = collectFieldNames();

    it.each(fieldNames)(
      'Query.%s: any variables → 200/400, known error codes, no stack, no rejection',
      async (name) => {
        const field = fields.find((f) => f.name === name)!;
        const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name);
        // A third of the runs: legal values only (required arguments present), to reach the resolvers
        // and the store; the rest: hostile values for any argument, any argument possibly left out.
        const variables = fc.oneof(
          { arbitrary: fc.record(Object.fromEntries(field.args.map((a) => [a.name, validFor(a.type, vocab, a.name)])), { requiredKeys: required }), weight: 1 },
          { arbitrary: fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type, vocab)])), { requiredKeys: [] }), weight: 2 },
        );
        await fc.assert(
          fc.asyncProperty(variables, async (vars) => {
            record(name, await sendFuzz(JSON.stringify({ query: field.document, variables: vars })));
          }),
          { numRuns: field.args.length ? RUNS : Math.min(RUNS, 20), ...BOUNDS },
        );
        // The fuzz reached the resolvers, not only the validation in front of them.
        expect(tallies.get(name)?.clean).toBeGreaterThan(0);
      },
      120_000,
    );

    // Found by this fuzz: graphql-js raises these without a code, and Apollo called them INTERNAL_SERVER_ERROR.
    it('a null variable for an argument with a default, and 60 bad list items, are BAD_USER_INPUT', async () => {
      expect(
        (
          await send(
            JSON.stringify({ query: 'query ($depth: Int) { neighbourhood(id: "hlsd", depth: $depth) { center { id } } }', variables: { depth: null } }),
          )
        ).codes,
      ).toEqual(['BAD_USER_INPUT']);
      // A connection's `first` has no default of its own (it may give way to `last`): null means "not given".
      expect((await send(JSON.stringify({ query: 'query ($first: Int) { actors(first: $first) { totalCount } }', variables: { first: null } }))).codes).toEqual(
        [],
      );
      const many = await send(
        JSON.stringify({ query: 'query ($k: [NodeKind!]) { entities(kinds: $k) { totalCount } }', variables: { k: Array(60).fill('Spaceship') } }),
      );
      expect(new Set(many.codes)).toEqual(new Set(['BAD_USER_INPUT']));
    });

    it('variables of the wrong JSON shape (not an object) are refused with 400', async () => {
      const doc = fields.find((f) => f.name === 'search')!.document;
      for (const variables of [[], 'x', 1, true, [{ query: 'x' }]]) {
        const outcome = await send(JSON.stringify({ query: doc, variables }));
        expect(outcome.status).toBe(400);
      }
    });

    it('raw query text: random garbage → parse or validation errors, never 500', async () => {
      const garbage = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.string({
          unit: fc.constantFrom(...'{}()[]$:!@.,"\'#\\=|&…\n query mutation subscription fragment on ... entity id search'.split('')),
          maxLength: 300,
        }),
        fc
          .array(fc.constantFrom('{', '}', '(', ')', '[', ']', '$x', ':', '!', '@skip', '...', 'on', 'query', 'entity', 'id', '"s"', '1', 'null', 'true'), {
            maxLength: 80,
          })
          .map((t) => t.join(' ')),
      );
      await fc.assert(
        fc.asyncProperty(garbage, async (query) => {
          const outcome = await sendFuzz(JSON.stringify({ query }));
          record('(garbage)', outcome);
          if (query.trim() === '') expect(outcome.status).toBe(400);
        }),
        { numRuns: RUNS, ...BOUNDS },
      );
    }, 120_000);

    it('raw query text: mutated example operations → 200 or 400, never 500', async () => {
      const docs = exampleOperations().map((o) => o.document);
      const edit = fc.tuple(
        fc.nat(),
        fc.nat(40),
        fc.oneof(
          fc.constant(''),
          fc.string({ maxLength: 6 }),
          fc.constantFrom('{', '}', '(', ')', '$', '"', '\\', '...', '@include(if: $x)', 'first: -1', '__typename', 'id: "x"'),
        ),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...docs), fc.array(edit, { minLength: 1, maxLength: 4 }), async (doc, edits) => {
          let text = doc;
          for (const [at, cut, insert] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + insert + text.slice(i + cut);
          }
          record('(mutated)', await sendFuzz(JSON.stringify({ query: text })));
        }),
        { numRuns: RUNS, ...BOUNDS },
      );
    }, 120_000);

    it('raw query text: deep nesting, many aliases, fragment cycles → errors, never 500', async () => {
      const depth = fc.integer({ min: 1, max: 20_000 });
      const shapes = fc.oneof(
        depth.map((n) => '{a'.repeat(n) + '}'.repeat(n)),
        depth.map((n) => `{ search(query: ${'['.repeat(n)}"x"${']'.repeat(n)}) { score } }`),
        fc.integer({ min: 1, max: 6_000 }).map((n) => `{ entities(filter: ${'{addresses: '.repeat(n)}"x"${'}'.repeat(n)}) { totalCount } }`),
        fc.integer({ min: 1, max: 60 }).map((n) => `{ entity(id: "usmca") { ${'... on Agreement { parties { partyTo { '.repeat(n)}id${' } } }'.repeat(n)} } }`),
        fc.integer({ min: 1, max: 3_000 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: dataset { version }`).join(' ')} }`),
        fc
          .integer({ min: 2, max: 50 })
          .map((n) => `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${(i + 1) % n} }`).join(' ')}`),
        fc.integer({ min: 1, max: 4_000 }).map((n) => `{ dataset ${'@include(if: true) '.repeat(n)}{ version } }`),
        anyString().map((s) => `{ search(query: ${JSON.stringify(s)}) { score } }`),
      );
      await fc.assert(
        fc.asyncProperty(shapes, async (query) => {
          record('(deep)', await sendFuzz(JSON.stringify({ query })));
        }),
        { numRuns: Math.min(RUNS, 100), ...BOUNDS },
      );
    }, 120_000);

    it('saw no unhandled rejection in the whole run', () => {
      expect(rejections).toEqual([]);
    });
  });
}

/**
 * Field names for `it.each`, needed when jest collects the tests, before `createSchema()` (async)
 * has run: read from the committed SDL. The first test checks they are exactly the live schema's
 * fields, and every test takes the arguments and types from the live schema.
 */
function collectFieldNames(): string[] {
  return Object.keys(buildSchema(readFileSync('schema/schema.graphql', 'utf8')).getQueryType()!.getFields());
}
