/**
 * Property-based fuzzing of the request variables over HTTP, on a given store with the
 * production configuration (defined once, run on the memory store and, in
 * test/neo4j/fuzz.int.test.ts, on Neo4j): variables that are deep (up to tens of thousands of
 * levels of arrays, objects and `__proto__` keys), wide (tens of thousands of items or keys,
 * within the body limit) and of odd types (numbers where strings go, NaN-like strings, number
 * literals past double precision, unicode, duplicate and prototype keys), sent to every Query
 * field's operation (so they reach coercion, the resolvers and the store), to the operations of
 * schema/examples.graphql (which ignore them) and to `{ __typename }`.
 *
 * The body is built as JSON text, not with JSON.stringify, so it can carry what JavaScript cannot
 * (`1e400`, `-0`, 30-digit integers, duplicate keys). For any input the invariants of
 * http-check.ts hold (200 or 400, JSON with data or errors, documented client codes, no stack, no
 * unhandled rejection); variables nested past MAX_VARIABLES_DEPTH are refused as
 * QUERY_TOO_COMPLEX; afterwards the server still answers as before.
 */
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { MAX_VARIABLES_DEPTH } from '../../src/graphql/limits';
import { createSchema } from '../../src/graphql/schema';
import { startTestServer, type TestServer } from '../helpers/graphql';
import { exampleOperations } from '../graphql/examples';
import { postChecked, realProcess, type Outcome } from './http-check';
import { anyString } from './arbitraries';
import type { FuzzTarget } from './query-fuzz';
import { queryFields } from './schema-walk';

/** Keeps a property (shrinking included) within a time budget; a failure found so far is still reported. */
const BOUNDS = { interruptAfterTimeLimit: 45_000, maxSkipsPerRun: 20 } as const;
/** The server's default body limit: larger bodies are 413 by design and skipped. */
const MAX_BODY_BYTES = 100_000;

/** JSON text of a value JavaScript may not even hold. */
type Raw = string;

const ODD_LITERALS: readonly Raw[] = [
  '1e400',
  '-1e400',
  '1E+308',
  '-0',
  '0.0000000000000000000000001',
  '99999999999999999999999',
  '-9007199254740993',
  '123456789012345678901234567890.5',
  '2147483648',
  '-2147483649',
  '1.0',
  '"NaN"',
  '"Infinity"',
  '"-Infinity"',
  '"1e400"',
  '"0x12C1"',
  '" 42 "',
  'true',
  'false',
  'null',
  '{}',
  '[]',
  '[null]',
  '"__proto__"',
  '"constructor"',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '"\\u0000"',
  '"\\ud800"',
  '"\\u202e"',
  '"🇲🇽🇺🇸"',
  '""',
];

/** A scalar of any JSON type, or a literal JavaScript cannot represent. */
const leaf: fc.Arbitrary<Raw> = fc.oneof(
  { arbitrary: fc.constantFrom(...ODD_LITERALS), weight: 4 },
  { arbitrary: anyString(undefined, true).map((s) => JSON.stringify(s)), weight: 3 },
  { arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map((n) => JSON.stringify(n)), weight: 2 },
  { arbitrary: fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String), weight: 1 },
);

/** Keys that trip naive object handling. */
const oddKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'a;b=c]', '\u0000', '🇲🇽', 'valueOf'),
  fc.string({ maxLength: 12 }),
);

/** `n` levels of one nesting shape around `inner`. */
const deep: fc.Arbitrary<Raw> = fc
  .tuple(fc.integer({ min: 1, max: 16_000 }), fc.constantFrom('array', 'object', 'proto', 'mixed'), leaf)
  .map(([n, shape, inner]) => {
    switch (shape) {
      case 'array':
        return '['.repeat(n) + inner + ']'.repeat(n);
      case 'object':
        return '{"a":'.repeat(n) + inner + '}'.repeat(n);
      case 'proto':
        return '{"__proto__":'.repeat(n) + inner + '}'.repeat(n);
      default:
        return '[{"k":'.repeat(n) + inner + '}]'.repeat(n);
    }
  });

/** Long arrays and objects with many (odd, sometimes duplicate) keys, within the body limit. */
const wide: fc.Arbitrary<Raw> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 100, max: 20_000 }), fc.constantFrom('1', '"x"', 'null', '[]', '{}', '"mexico"'))
    .map(([n, item]) => `[${Array(n).fill(item).join(',')}]`),
  fc.integer({ min: 100, max: 6_000 }).map((n) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`),
  fc.tuple(fc.array(fc.tuple(oddKey, leaf), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 200 })).map(
    ([entries, repeat]) =>
      `{${Array(repeat)
        .fill(entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(','))
        .join(',')}}`,
  ),
);

/** A small nested value with odd keys, a few levels deep. */
const oddObject: fc.Arbitrary<Raw> = fc.letrec<{ value: Raw }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(oddKey, tie('value')), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value;

const anyValue: fc.Arbitrary<Raw> = fc.oneof(
  { arbitrary: leaf, weight: 3 },
  { arbitrary: oddObject, weight: 3 },
  { arbitrary: deep, weight: 2 },
  { arbitrary: wide, weight: 1 },
);

/** The variables as JSON text: an object keyed by the operation's variables and odd names; sometimes not an object at all. */
function variablesFor(names: readonly string[]): fc.Arbitrary<Raw> {
  const name = fc.oneof({ arbitrary: fc.constantFrom(...(names.length ? names : ['x'])), weight: 4 }, { arbitrary: oddKey, weight: 1 });
  const object = fc.array(fc.tuple(name, anyValue), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
  return fc.oneof({ arbitrary: object, weight: 9 }, { arbitrary: fc.oneof(leaf, deep), weight: 1 });
}

/** The variables an operation declares (`$name`), read off its text. */
function declaredVariables(document: string): string[] {
  return [...new Set([...document.matchAll(/\$(\w+)\s*:/g)].map((m) => m[1]))];
}

interface Target {
  readonly name: string;
  readonly document: string;
  readonly variables: readonly string[];
}

/** Defines the variables fuzz suite over the store `open` gives, `runs` runs per property. */
export function defineVariablesFuzz(storeName: string, open: () => Promise<FuzzTarget>, runs: number): void {
  describe(`fuzzing request variables over HTTP: deep, wide, odd types (${storeName}, production config)`, () => {
    let server: TestServer;
    let target: FuzzTarget;
    let schema: GraphQLSchema;
    let targets: Target[];
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => {
      rejections.push(reason);
    };
    const codes: Record<string, number> = {};
    let clean = 0;

    beforeAll(async () => {
      realProcess.on('unhandledRejection', onRejection);
      schema = await createSchema();
      target = await open();
      server = await startTestServer(target.store, { production: true, introspection: false });
      const fields = queryFields(schema).map((f) => ({ name: `Query.${f.name}`, document: f.document, variables: f.args.map((a) => a.name) }));
      const examples = exampleOperations().map((o) => ({ name: o.name, document: o.document, variables: declaredVariables(o.document) }));
      targets = [{ name: '__typename', document: '{ __typename }', variables: [] }, ...fields, ...examples];
    }, 300_000);

    afterAll(async () => {
      await server?.close();
      await target?.close();
      realProcess.off('unhandledRejection', onRejection);
      console.log(`variables fuzz outcomes (${storeName}): clean ${clean}, error codes ${JSON.stringify(codes)}`);
    });

    /** Sends one body if it fits the body limit (else skips the run) and checks the invariants. */
    async function send(body: string, messages?: string[]): Promise<Outcome> {
      fc.pre(Buffer.byteLength(body) < MAX_BODY_BYTES);
      const outcome = await postChecked(server.url, body, { rejections, messages });
      if (outcome.hasData) clean++;
      for (const code of new Set(outcome.codes)) codes[code] = (codes[code] ?? 0) + 1;
      return outcome;
    }

    const bodyOf = (t: Target, variables: Raw): string => `{"query":${JSON.stringify(t.document)},"variables":${variables}}`;

    it('any variables, to any operation → 200/400, known codes, no stack, no rejection', async () => {
      const request = fc.nat().chain((i) => {
        const t = targets[i % targets.length];
        return variablesFor(t.variables).map((variables) => bodyOf(t, variables));
      });
      await fc.assert(
        fc.asyncProperty(request, async (body) => {
          await send(body);
        }),
        { numRuns: runs, ...BOUNDS },
      );
    }, 180_000);

    it(`variables nested past ${MAX_VARIABLES_DEPTH} levels → 400 QUERY_TOO_COMPLEX with the measured depth, on every operation`, async () => {
      const request = fc.tuple(fc.nat(), fc.integer({ min: MAX_VARIABLES_DEPTH, max: 16_000 }), fc.constantFrom('[', '{"a":', '{"__proto__":'));
      await fc.assert(
        fc.asyncProperty(request, async ([i, levels, open]) => {
          const t = targets[i % targets.length];
          const close = open === '[' ? ']' : '}';
          const name = t.variables[0] ?? 'x';
          const messages: string[] = [];
          const outcome = await send(bodyOf(t, `{${JSON.stringify(name)}:${open.repeat(levels)}1${close.repeat(levels)}}`), messages);
          expect(outcome.status).toBe(400);
          expect(outcome.codes).toEqual(['QUERY_TOO_COMPLEX']);
          // The variables object is level 1.
          expect(messages).toEqual([`variables depth ${levels + 1} exceeds the allowed ${MAX_VARIABLES_DEPTH}`]);
        }),
        { numRuns: Math.min(runs, 100), ...BOUNDS },
      );
    }, 180_000);

    it('deep or odd `extensions` beside the variables → 200/400, never 500', async () => {
      const extensions = fc.oneof(
        deep,
        wide,
        oddObject,
        fc.constantFrom('{"persistedQuery":{"version":1,"sha256Hash":[[[[]]]]}}', '{"persistedQuery":null}', '{"persistedQuery":{"version":"1"}}'),
      );
      await fc.assert(
        fc.asyncProperty(extensions, async (ext) => {
          await send(`{"query":"{ __typename }","extensions":${ext}}`);
        }),
        { numRuns: Math.min(runs, 100), ...BOUNDS },
      );
    }, 180_000);

    it('is still healthy: liveness, readiness and a normal query answer as before', async () => {
      const base = server.url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const result = await server.post('{ entity(id: "usmca") { id } }');
      expect(result).toMatchObject({ data: { entity: { id: 'usmca' } } });
      expect(rejections).toEqual([]);
      // The fuzz reached the resolvers, not only the refusals in front of them.
      expect(clean).toBeGreaterThan(0);
    });
  });
}
