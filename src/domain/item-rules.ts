import { DATE_ROLES_BY_KIND, NodeKind, SUBTYPES, SUBTYPE_REQUIRED, NODE_KINDS, type DateRole } from './kinds';
import { EDGE_RULES, EDGE_TYPES, isEdgeAllowed } from './edge-types';
import { QUALIFIERS, UNITS, UNIT_SCALE, type Qualifier, type Unit } from './units';
import { splitAliasProblem } from './alias-rules';
import { splitQualifiedDate, type DateQualifier } from './date-qualifiers';
import { parsePartialDate } from './dates';
import { readObservationDate as readDateFields, undatedKey } from './observation-dates';
import { describeValue } from './errors';
import { ENTITY_DIMENSIONS, type Citation, type GraphNode, type Observation, type Relationship } from './model';

// The per-item rules of the seed checker (src/seed/validate.ts), kept here so that a curated
// change (changes.ts) is checked by exactly the same code, with exactly the same messages, as a
// seed item. They live in the domain because both the seed checker and the stores run them.

/** One item to check: a seed YAML mapping (with lines) or a curated change (line 0). */
export interface ItemSource {
  readonly file: string;
  readonly line: number;
  readonly value: Record<string, unknown>;
  /** Line of a field's value (`dates.inForce`, `sources.1`), or of the item. */
  lineOf(field: string): number;
}

/** Where a rule reports a problem: the item, the field (null: the whole item) and the message. */
export type ItemReport = (item: ItemSource, field: string | null, message: string) => void;

/** The live entity with this id, if any. */
export type NodeLookup = (id: string) => GraphNode | undefined;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CITATION = /^([a-z0-9]+(?:-[a-z0-9]+)*)#(\d+)$/;
/** Dimension keys: a lower-case word, then letters, digits or hyphens (`partner`, `bound`). */
const DIMENSION_KEY = /^[a-z][a-zA-Z0-9-]*$/;

/** The longest id (the longest seed id has 53 characters). */
export const MAX_ID_LENGTH = 100;
/** The highest slide or page number a citation may name (the deck has 60 slides). */
export const MAX_SLIDE = 10_000;

/** True for an id the seed rules accept: lower-case words joined by hyphens, at most MAX_ID_LENGTH long. */
export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID.test(value);
}

export const NODE_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'kind',
  'type',
  'name',
  'aliases',
  'description',
  'dates',
  'unit',
  'publisher',
  'year',
  'sources',
]);
export const EDGE_FIELDS: ReadonlySet<string> = new Set(['from', 'type', 'to', 'validFrom', 'validTo', 'note', 'sources']);
export const OBSERVATION_FIELDS: ReadonlySet<string> = new Set(['metric', 'value', 'unit', 'period', 'reported', 'dimensions', 'qualifier', 'note', 'sources']);

function checkFields(item: ItemSource, allowed: ReadonlySet<string>, what: string, report: ItemReport): void {
  for (const key of Object.keys(item.value)) {
    if (!allowed.has(key)) {
      report(item, key, `unknown field ${JSON.stringify(key)} on ${what}: expected one of ${[...allowed].join(', ')}`);
    }
  }
}

function optionalString(item: ItemSource, field: string, report: ItemReport): string | null {
  const value = item.value[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim() === '') {
    report(item, field, `${field}: expected a non-empty string, received ${describeValue(value)}`);
    return null;
  }
  return value.trim();
}

/** Dates may be written unquoted: YAML reads `2020` as a number. */
function dateText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return typeof value === 'string' ? value : null;
}

function readDate(item: ItemSource, field: string, raw: unknown, report: ItemReport): string | null {
  if (raw === undefined || raw === null) return null;
  const text = dateText(raw);
  if (text === null || !parsePartialDate(text)) {
    report(item, field, `${field}: expected a date YYYY, YYYY-MM or YYYY-MM-DD, received ${describeValue(raw)}`);
    return null;
  }
  return text;
}

export function readNode(item: ItemSource, report: ItemReport): GraphNode | null {
  const v = item.value;
  checkFields(item, NODE_FIELDS, 'a node', report);
  if (!isValidId(v.id)) {
    report(item, 'id', `id: expected lower-case words joined by hyphens (e.g. "usmca"), at most ${MAX_ID_LENGTH} characters, received ${describeValue(v.id)}`);
    return null;
  }
  const what = `node ${v.id}`;
  if (typeof v.kind !== 'string' || !(NODE_KINDS as readonly string[]).includes(v.kind)) {
    report(item, 'kind', `${what}: unknown kind ${describeValue(v.kind)}: expected one of ${NODE_KINDS.join(', ')}`);
    return null;
  }
  // The canonical constant, not the parser's string: kinds, types and edge types are compared on
  // every list filter, and an internalized constant compares by pointer (about 2× faster scans).
  const kind = canonical(NODE_KINDS, v.kind);
  const name = optionalString(item, 'name', report);
  if (name === null) report(item, 'name', `${what}: name is required`);

  let aliases: string[] = [];
  if (v.aliases !== undefined) {
    if (!Array.isArray(v.aliases) || v.aliases.some((a) => typeof a !== 'string' && typeof a !== 'number')) {
      report(item, 'aliases', `${what}: aliases: expected a list of strings, received ${describeValue(v.aliases)}`);
    } else {
      aliases = v.aliases.map(String);
      const split = splitAliasProblem(name, aliases);
      if (split) report(item, 'aliases', `${what}: ${split}`);
    }
  }

  const subtypes = SUBTYPES[kind];
  let type: string | null = null;
  if (v.type !== undefined) {
    if (!subtypes) report(item, 'type', `${what}: a ${kind} takes no type, received ${describeValue(v.type)}`);
    else if (typeof v.type !== 'string' || !subtypes.includes(v.type)) {
      report(item, 'type', `${what}: unknown ${kind} type ${describeValue(v.type)}: expected one of ${subtypes.join(', ')}`);
    } else type = canonical(subtypes, v.type);
  } else if (SUBTYPE_REQUIRED.has(kind)) {
    report(item, 'id', `${what}: a ${kind} needs a type: one of ${subtypes?.join(', ')}`);
  }

  const dates: Partial<Record<DateRole, string>> = {};
  const dateQualifiers: Partial<Record<DateRole, DateQualifier>> = {};
  if (v.dates !== undefined) {
    if (typeof v.dates !== 'object' || v.dates === null || Array.isArray(v.dates)) {
      report(item, 'dates', `${what}: dates: expected a mapping of role to date, received ${describeValue(v.dates)}`);
    } else {
      const allowed = DATE_ROLES_BY_KIND[kind];
      for (const [role, raw] of Object.entries(v.dates)) {
        if (!(allowed as readonly string[]).includes(role)) {
          report(
            item,
            `dates.${role}`,
            `${what}: date role ${JSON.stringify(role)} does not apply to a ${kind}: expected ${allowed.length ? allowed.join(', ') : 'no dates'}`,
          );
          continue;
        }
        // "early 2021": the date is the year, the qualifier keeps the rest of what the source says.
        const { date, qualifier } = typeof raw === 'string' ? splitQualifiedDate(raw) : { date: raw, qualifier: null };
        const text = readDate(item, `dates.${role}`, date, report);
        if (text) dates[role as DateRole] = text;
        if (text && qualifier) dateQualifiers[role as DateRole] = qualifier;
      }
    }
  }

  let unit: Unit | null = null;
  if (v.unit !== undefined) {
    if (kind !== NodeKind.Metric) report(item, 'unit', `${what}: only a Metric has a unit, this is a ${kind}`);
    else if (!(UNITS as readonly unknown[]).includes(v.unit))
      report(item, 'unit', `${what}: unknown unit ${describeValue(v.unit)}: expected one of ${UNITS.join(', ')}`);
    else unit = v.unit as Unit;
  } else if (kind === NodeKind.Metric) {
    report(item, 'id', `${what}: a Metric needs a unit: one of ${UNITS.join(', ')}`);
  }

  const publisher = optionalString(item, 'publisher', report);
  if (publisher !== null && kind !== NodeKind.Source) report(item, 'publisher', `${what}: only a Source has a publisher, this is a ${kind}`);
  let year: number | null = null;
  if (v.year !== undefined) {
    if (kind !== NodeKind.Source) report(item, 'year', `${what}: only a Source has a year, this is a ${kind}`);
    else if (typeof v.year !== 'number' || !Number.isInteger(v.year) || v.year < 1800 || v.year > 2100) {
      report(item, 'year', `${what}: year: expected a four-digit year, received ${describeValue(v.year)}`);
    } else year = v.year;
  }

  return {
    id: v.id,
    kind,
    name: name ?? v.id,
    aliases,
    description: optionalString(item, 'description', report),
    type,
    dates,
    // Present only when a date is qualified (both stores read it back so).
    ...(Object.keys(dateQualifiers).length > 0 ? { dateQualifiers } : {}),
    unit,
    publisher,
    year,
    sources: [],
  };
}

/** `owner` says whose citations these are ("node mexico"), so a missing list names its item. */
export function readCitations(item: ItemSource, owner: string, raw: unknown, lookup: NodeLookup, report: ItemReport): Citation[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    report(item, 'sources', `${owner}: sources: expected at least one citation "<sourceId>#<slide>", received ${describeValue(raw)}`);
    return [];
  }
  const result: Citation[] = [];
  raw.forEach((entry: unknown, i) => {
    const at = `sources.${i}`;
    const m = typeof entry === 'string' ? CITATION.exec(entry) : null;
    if (!m) {
      report(item, at, `${owner}: sources: expected a citation "<sourceId>#<slide>" such as "ustr-2018#36", received ${describeValue(entry)}`);
      return;
    }
    // Compared as text first: a long digit string is no safe integer.
    const slide = m[2].length > String(MAX_SLIDE).length ? Infinity : Number(m[2]);
    const target = lookup(m[1]);
    if (!target) report(item, at, `${owner}: sources: citation ${JSON.stringify(entry)} names unknown source ${JSON.stringify(m[1])}`);
    else if (target.kind !== NodeKind.Source)
      report(item, at, `${owner}: sources: citation ${JSON.stringify(entry)} names ${m[1]}, a ${target.kind}, not a Source`);
    else if (slide < 1 || slide > MAX_SLIDE)
      report(item, at, `${owner}: sources: citation ${JSON.stringify(entry)}: expected a slide number from 1 to ${MAX_SLIDE}`);
    else result.push({ sourceId: m[1], slide });
  });
  return result;
}

/** The member of `values` equal to `value` (known to be there), so equal strings share one constant. */
function canonical<T extends string>(values: readonly T[], value: string): T {
  return values[values.indexOf(value as T)];
}

export function readEdge(item: ItemSource, lookup: NodeLookup, report: ItemReport): Relationship | null {
  const v = item.value;
  checkFields(item, EDGE_FIELDS, 'an edge', report);
  if (typeof v.type !== 'string' || !(EDGE_TYPES as readonly string[]).includes(v.type)) {
    report(item, 'type', `unknown edge type ${describeValue(v.type)}: expected one of ${EDGE_TYPES.join(', ')}`);
    return null;
  }
  const type = canonical(EDGE_TYPES, v.type);
  const ends: Array<GraphNode | null> = (['from', 'to'] as const).map((end) => {
    const id = v[end];
    if (typeof id !== 'string') {
      report(item, end, `${type} edge: ${end}: expected a node id, received ${describeValue(id)}`);
      return null;
    }
    const node = lookup(id);
    if (!node) report(item, end, `${type} edge: ${end} names unknown node ${JSON.stringify(id)} (dangling id)`);
    return node ?? null;
  });
  const [from, to] = ends;
  if (!from || !to) return null;
  if (from.id === to.id) {
    report(item, 'to', `${type} edge: ${from.id} -> ${to.id} joins ${from.id} to itself: an edge needs two different nodes`);
    return null;
  }
  if (!isEdgeAllowed(type, from.kind, to.kind)) {
    const rule = EDGE_RULES[type];
    report(item, null, `${type} may not join ${from.kind} ${from.id} to ${to.kind} ${to.id}: expected ${rule.from.join('|')} -> ${rule.to.join('|')}`);
    return null;
  }
  const validFrom = readDate(item, 'validFrom', v.validFrom, report);
  const validTo = readDate(item, 'validTo', v.validTo, report);
  if (validFrom && validTo && parsePartialDate(validTo)!.end < parsePartialDate(validFrom)!.start) {
    report(item, 'validTo', `validTo ${validTo} is before validFrom ${validFrom}`);
  }
  const id = `${from.id}:${type}:${to.id}${validFrom ? `@${validFrom}` : ''}`;
  return { id, type, from: from.id, to: to.id, validFrom, validTo, note: optionalString(item, 'note', report), sources: [] };
}

export function readObservation(item: ItemSource, lookup: NodeLookup, report: ItemReport): Observation | null {
  const v = item.value;
  checkFields(item, OBSERVATION_FIELDS, 'an observation', report);
  const metric = typeof v.metric === 'string' ? lookup(v.metric) : undefined;
  if (!metric) {
    report(item, 'metric', `observation: metric names unknown node ${describeValue(v.metric)}`);
    return null;
  }
  if (metric.kind !== NodeKind.Metric) {
    report(item, 'metric', `observation: ${metric.id} is a ${metric.kind}, expected a Metric`);
    return null;
  }
  let ok = true;
  if (typeof v.value !== 'number' || !Number.isFinite(v.value)) {
    report(item, 'value', `observation of ${metric.id}: value: expected a number, received ${describeValue(v.value)}`);
    ok = false;
  }
  const unit = v.unit ?? metric.unit;
  if (!(UNITS as readonly unknown[]).includes(unit)) {
    report(item, 'unit', `observation of ${metric.id}: unknown unit ${describeValue(unit)}: expected one of ${UNITS.join(', ')}`);
    ok = false;
  } else if (metric.unit && UNIT_SCALE[unit as Unit].family !== UNIT_SCALE[metric.unit].family) {
    const family = UNITS.filter((u) => UNIT_SCALE[u].family === UNIT_SCALE[metric.unit!].family);
    report(
      item,
      'unit',
      `observation of ${metric.id}: unit ${describeValue(unit)} does not measure what the metric's unit ${metric.unit} does: expected one of ${family.join(', ')} (make a separate metric for a share or a rank)`,
    );
    ok = false;
  }
  // An undated figure's `reported` year must be that of a source it cites.
  const sourceYears = (Array.isArray(v.sources) ? v.sources : []).map((s) => (typeof s === 'string' ? (lookup(s.split('#')[0])?.year ?? null) : null));
  const date = readDateFields(metric.id, { period: v.period, reported: v.reported, note: v.note }, sourceYears);
  const dated = Array.isArray(date) ? null : date;
  if (Array.isArray(date)) {
    for (const problem of date) report(item, problem.field, problem.message);
    ok = false;
  }
  const dimensions: Record<string, string> = {};
  if (v.dimensions !== undefined) {
    if (typeof v.dimensions !== 'object' || v.dimensions === null || Array.isArray(v.dimensions)) {
      report(item, 'dimensions', `observation of ${metric.id}: dimensions: expected a mapping, received ${describeValue(v.dimensions)}`);
      ok = false;
    } else {
      for (const [key, raw] of Object.entries(v.dimensions)) {
        // Keys and values make up the observation's id (`metric@2021[partner=mexico]`): a strict
        // alphabet keeps ids unambiguous, and a key such as `__proto__` is refused, not dropped.
        if (!DIMENSION_KEY.test(key)) {
          report(
            item,
            `dimensions.${key}`,
            `observation of ${metric.id}: dimension key ${JSON.stringify(key)}: expected a lower-case word, then letters, digits or hyphens (e.g. "partner")`,
          );
          ok = false;
          continue;
        }
        if (typeof raw !== 'string') {
          report(item, `dimensions.${key}`, `observation of ${metric.id}: dimension ${key}: expected a string, received ${describeValue(raw)}`);
          ok = false;
          continue;
        }
        if (!isValidId(raw)) {
          report(
            item,
            `dimensions.${key}`,
            `observation of ${metric.id}: dimension ${key}: expected lower-case words joined by hyphens (e.g. "mexico"), at most ${MAX_ID_LENGTH} characters, received ${describeValue(raw)}`,
          );
          ok = false;
          continue;
        }
        if (ENTITY_DIMENSIONS.has(key) && lookup(raw)?.kind !== NodeKind.Actor) {
          report(item, `dimensions.${key}`, `observation of ${metric.id}: dimension ${key} names ${JSON.stringify(raw)}, expected the id of an Actor`);
          ok = false;
          continue;
        }
        dimensions[key] = raw;
      }
    }
  }
  let qualifier: Qualifier | null = null;
  if (v.qualifier !== undefined) {
    if (!(QUALIFIERS as readonly unknown[]).includes(v.qualifier)) {
      report(item, 'qualifier', `observation of ${metric.id}: unknown qualifier ${describeValue(v.qualifier)}: expected one of ${QUALIFIERS.join(', ')}`);
      ok = false;
    } else qualifier = v.qualifier as Qualifier;
  }
  if (!ok || !dated) return null;
  const dims = Object.keys(dimensions)
    .sort()
    .map((k) => `${k}=${dimensions[k]}`)
    .join(';');
  const period = dated.period;
  return {
    id: `${metric.id}@${period ? period.text : undatedKey(dated.reportedIn!, qualifier)}${dims ? `[${dims}]` : ''}`,
    metricId: metric.id,
    value: v.value as number,
    unit: unit as Unit,
    period: period?.text ?? null,
    periodStart: period?.start ?? null,
    periodEnd: period?.end ?? null,
    // Present only on undated observations (both stores read it back so).
    ...(dated.reportedIn !== null ? { reportedIn: dated.reportedIn } : {}),
    dimensions,
    qualifier,
    note: optionalString(item, 'note', report),
    sources: [],
  };
}
