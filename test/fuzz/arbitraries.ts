/**
 * fast-check arbitraries for GraphQL input values, derived from the input type: valid values
 * (ids, dates, enum names from the seeds and the schema) mixed with hostile ones (unicode, huge,
 * empty, control characters, out-of-range and non-integer numbers, unknown enum names, odd and
 * deep objects, wrong JSON types, null).
 */
import fc from 'fast-check';
import { getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from 'graphql';
import type { Dataset } from '../../src/domain';

export interface FuzzVocabulary {
  /** Ids that exist, so some runs get past validation into the resolvers and the store. */
  readonly ids: readonly string[];
  /** Ids of topics (arguments named `addresses` or `topics` take these). */
  readonly topicIds: readonly string[];
  /** Node dates: valid PartialDate values. */
  readonly partialDates: readonly string[];
  /** Subtype names (`COUNTRY` …) for `filter.types`. */
  readonly types: readonly string[];
  /** Observed periods and node dates: valid PartialDate / Period values. */
  readonly dates: readonly string[];
}

export function vocabularyOf(dataset: Dataset): FuzzVocabulary {
  const ids = dataset.nodes.map((n) => n.id);
  const pick = <T>(xs: readonly T[], n: number): T[] => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / n)) === 0).slice(0, n);
  const types = [...new Set(dataset.nodes.map((n) => n.type).filter((t): t is string => t !== null))];
  const dates = [
    ...new Set([
      ...dataset.nodes.flatMap((n) => Object.values(n.dates) as string[]),
      ...dataset.observations.flatMap((o) => (o.period === null ? [] : [o.period])),
    ]),
  ];
  const topicIds = dataset.nodes.filter((n) => n.kind === 'Topic').map((n) => n.id);
  const partialDates = [...new Set(dataset.nodes.flatMap((n) => Object.values(n.dates) as string[]))];
  return {
    topicIds: pick(topicIds, 20),
    partialDates: pick(partialDates, 30),
    ids: [...new Set(['usmca', 'nafta', 'amlo', 'mexico', 'united-states', 'hlsd', 'fentanyl', 'security', ...pick(ids, 40)])],
    types,
    dates: pick(dates, 40),
  };
}

/** Characters that break naive parsers, quoting and JSON. */
const NASTY = [
  '',
  ' ',
  '\u0000',
  '\u0000\u0001\u001f\u007f',
  '\n\r\t\v\f',
  '\u2028\u2029',
  '\u202e\u202d', // bidi overrides
  '\ufeff',
  '\ud800', // lone surrogate
  '\udfff\ud800',
  '🇲🇽🇺🇸',
  '👩‍👩‍👧‍👦',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  'Mérida',
  'MÉRIDA',
  'ﬁ', // ligature
  'İı',
  'ß',
  '%s%n%x',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\\',
  '"',
  "'",
  '`',
  '{}',
  '[]',
  'null',
  'undefined',
  'NaN',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];

/**
 * Strings of every sort, from empty to 5,000 repeated units (at most ~40 kB as JSON, under the
 * 100 kB body limit); `small` leaves out the huge ones (for items of long lists).
 */
export function anyString(vocab?: FuzzVocabulary, small = false): fc.Arbitrary<string> {
  const controls = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 40 });
  const huge = fc
    .tuple(fc.integer({ min: 1_000, max: 5_000 }), fc.constantFrom('a', 'é', '🇲🇽', '\u0000', '"', '\\', 'word '))
    .map(([n, unit]) => unit.repeat(n));
  const arbs: Array<fc.WeightedArbitrary<string>> = [
    { arbitrary: fc.string({ maxLength: 30 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 3 },
    { arbitrary: controls, weight: 1 },
    { arbitrary: fc.constantFrom(...NASTY), weight: 3 },
  ];
  if (!small) arbs.push({ arbitrary: huge, weight: 1 });
  if (vocab) arbs.push({ arbitrary: fc.constantFrom(...vocab.ids), weight: 4 });
  return fc.oneof(...arbs);
}

/** JSON of the wrong shape, including (unless `small`) deep nesting of arrays and objects. */
export function junk(small = false): fc.Arbitrary<unknown> {
  const deepArray = fc.integer({ min: 10, max: 3_000 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown);
  const deepObject = fc.integer({ min: 10, max: 3_000 }).map((n) => JSON.parse('{"a":'.repeat(n) + '1' + '}'.repeat(n)) as unknown);
  const arbs: Array<fc.WeightedArbitrary<unknown>> = [
    { arbitrary: fc.jsonValue({ maxDepth: small ? 1 : 3 }), weight: 4 },
    { arbitrary: fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 0.5, '', [], {}, [null]), weight: 2 },
  ];
  if (!small) arbs.push({ arbitrary: deepArray, weight: 1 }, { arbitrary: deepObject, weight: 1 });
  return fc.oneof(...arbs);
}

function anyInt(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: -5, max: 600 }), weight: 6 },
    { arbitrary: fc.integer(), weight: 2 },
    { arbitrary: fc.constantFrom(0, -0, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e21, 1e308), weight: 2 },
    { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
    { arbitrary: fc.constantFrom('20', '1', 'ten', true, [5]), weight: 1 },
  );
}

function dateLike(vocab: FuzzVocabulary, small: boolean): fc.Arbitrary<unknown> {
  const pad = (n: number, w: number) => (n < 0 ? '-' : '') + String(Math.abs(n)).padStart(w, '0');
  const parts = fc.tuple(fc.integer({ min: -10_000, max: 100_000 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }), fc.nat(3));
  const built = parts.map(([y, m, d, shape]) => [pad(y, 4), `${pad(y, 4)}-${pad(m, 2)}`, `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`, `FY${y}`][shape]);
  const ranges = fc.tuple(fc.constantFrom(...vocab.dates), fc.constantFrom(...vocab.dates)).map(([a, b]) => `${a}/${b}`);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...vocab.dates), weight: 5 },
    { arbitrary: built, weight: 4 },
    { arbitrary: ranges, weight: 1 },
    {
      arbitrary: fc.constantFrom(
        '2021-02-29',
        '2020-02-30',
        '2021-13',
        '2021-00',
        '0000',
        '9999-12-31',
        'FY',
        'FY0',
        '2021/',
        '/2021',
        '2021-1',
        '21',
        '2021-10-01T00:00:00Z',
        ' 2021',
      ),
      weight: 2,
    },
    { arbitrary: anyString(undefined, small), weight: 2 },
    { arbitrary: anyInt(), weight: 1 },
  );
}

/** A value for a GraphQL input type; `undefined` (key omitted) is left to the caller. */
export function valueFor(type: GraphQLInputType, vocab: FuzzVocabulary, depth = 0, small = false): fc.Arbitrary<unknown> {
  const nonNull = isNonNullType(type);
  const inner = getNullableType(type) as GraphQLInputType;
  const value = nullableValue(inner, vocab, depth, small);
  return fc.oneof({ arbitrary: value, weight: 12 }, { arbitrary: fc.constant(null), weight: nonNull ? 1 : 2 }, { arbitrary: junk(small), weight: 1 });
}

function nullableValue(type: GraphQLInputType, vocab: FuzzVocabulary, depth: number, small: boolean): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const item = valueFor(type.ofType, vocab, depth + 1, small);
    const smallItem = valueFor(type.ofType, vocab, depth + 1, true);
    const arbs: Array<fc.WeightedArbitrary<unknown>> = [
      { arbitrary: fc.array(smallItem, { maxLength: 6 }), weight: 6 },
      { arbitrary: item, weight: 2 }, // a single value where a list is expected: GraphQL coerces it
      { arbitrary: fc.array(fc.array(smallItem, { maxLength: 3 }), { maxLength: 3 }), weight: 1 },
    ];
    if (!small) arbs.push({ arbitrary: fc.array(smallItem, { minLength: 200, maxLength: 800 }), weight: 1 });
    return fc.oneof(...arbs);
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return junk(small);
    const fields = Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, valueFor(f.type, vocab, depth + 1, small)]));
    const record = fc.record(fields, { requiredKeys: [] });
    const withExtra = fc
      .tuple(record, fc.dictionary(fc.string({ maxLength: 12 }), junk(true), { maxKeys: 3 }))
      .map(([r, extra]) => ({ ...extra, ...r }) as unknown);
    return fc.oneof(
      { arbitrary: record, weight: 6 },
      { arbitrary: withExtra, weight: 2 },
      { arbitrary: junk(small), weight: 1 },
      { arbitrary: anyString(undefined, small), weight: 1 },
    );
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((v) => v.name);
    return fc.oneof(
      { arbitrary: fc.constantFrom(...names), weight: 6 },
      { arbitrary: fc.constantFrom(...names).map((n) => n.toLowerCase()), weight: 1 },
      { arbitrary: fc.constantFrom(...names).map((n) => ` ${n}`), weight: 1 },
      { arbitrary: fc.constantFrom('Spaceship', '', 'null', '__proto__', 'ACTOR', 'actor', '0'), weight: 1 },
      { arbitrary: anyString(undefined, small), weight: 1 },
      { arbitrary: anyInt(), weight: 1 },
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return anyInt();
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), anyInt(), anyString(undefined, small));
      case 'Boolean':
        return fc.oneof({ arbitrary: fc.boolean(), weight: 4 }, { arbitrary: fc.constantFrom('true', 1, 0), weight: 1 });
      case 'ID':
        return fc.oneof({ arbitrary: anyString(vocab, small), weight: 8 }, { arbitrary: fc.integer(), weight: 1 });
      case 'String': {
        const cursor = fc.oneof(fc.integer(), fc.string({ maxLength: 8 })).map((o) => Buffer.from(`offset:${o}`, 'utf8').toString('base64url'));
        const subtype = fc.constantFrom(...vocab.types);
        return fc.oneof({ arbitrary: anyString(vocab, small), weight: 8 }, { arbitrary: cursor, weight: 2 }, { arbitrary: subtype, weight: 2 });
      }
      default:
        // Custom scalars here are all date-like strings (PartialDate, Period); others get strings too.
        return dateLike(vocab, small);
    }
  }
  return junk(small);
}

/**
 * Values that pass validation (argument names hint at the domain: `addresses`/`topics` take topic
 * ids, `types` is left empty as subtypes depend on the kind), so that runs reach the resolvers and
 * the store with odd but legal combinations.
 */
export function validFor(type: GraphQLInputType, vocab: FuzzVocabulary, name = ''): fc.Arbitrary<unknown> {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) {
    if (name === 'types') return fc.constant([]);
    return fc.array(validFor(inner.ofType, vocab, name), { maxLength: 3 });
  }
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, validFor(f.type, vocab, f.name)])), { requiredKeys: required });
  }
  if (isEnumType(inner)) return fc.constantFrom(...inner.getValues().map((v) => v.name));
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'Int':
        return fc.integer({ min: 1, max: 3 });
      case 'Float':
        return fc.double({ min: -1e6, max: 1e6, noNaN: true });
      case 'Boolean':
        return fc.boolean();
      case 'ID':
        return fc.constantFrom(...(['addresses', 'topics'].includes(name) ? vocab.topicIds : vocab.ids));
      case 'String':
        if (name === 'after' || name === 'before') return fc.integer({ min: 0, max: 30 }).map((o) => Buffer.from(`offset:${o}`, 'utf8').toString('base64url'));
        return fc.oneof(fc.constantFrom(...vocab.ids), fc.string({ maxLength: 12 }));
      case 'PartialDate':
        return fc.constantFrom(...vocab.partialDates);
      default:
        return fc.constantFrom(...vocab.dates);
    }
  }
  return fc.constant(null);
}
