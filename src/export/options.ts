import { BadInputError } from '../domain';
import { MAX_DEPTH, MIN_DEPTH, type ExportScope } from './collect';

export const EXPORT_FORMATS = ['json', 'csv', 'graphml', 'jsonld', 'yaml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The tables of the CSV export, one file each. */
export const CSV_PARTS = ['nodes', 'edges', 'observations'] as const;
export type CsvPart = (typeof CSV_PARTS)[number];

/** Where JSON-LD entity IRIs start unless a `base` is given: `urn:usmx:usmca`. */
export const DEFAULT_IRI_BASE = 'urn:usmx:';

/** A validated export request, from `GET /export` or `npm run export`. */
export interface ExportOptions {
  readonly format: ExportFormat;
  readonly scope: ExportScope;
  /** CSV only: which table (default `nodes`). */
  readonly part: CsvPart;
  /** JSON-LD only: prefix of entity IRIs. */
  readonly base: string;
}

/** Raw parameters as they arrive (query string or command line); anything may be missing or repeated. */
export interface RawExportOptions {
  readonly format?: unknown;
  readonly id?: unknown;
  readonly depth?: unknown;
  readonly part?: unknown;
  readonly base?: unknown;
}

const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/;

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new BadInputError(name, `one of ${allowed.join(', ')}`, value);
}

/**
 * Validates the parameters of an export: `format` (default json), `id` and `depth` (1..3,
 * default 1) for a neighbourhood (not for yaml: always the whole graph), `part` (CSV only, default nodes), `base` (JSON-LD only).
 * Throws BAD_USER_INPUT naming the parameter, what was expected and what arrived. Whether `id`
 * exists is checked when the graph is read.
 */
export function parseExportOptions(raw: RawExportOptions): ExportOptions {
  const format = oneOf('format', raw.format, EXPORT_FORMATS, 'json');

  if (raw.part !== undefined && format !== 'csv') throw new BadInputError('part', 'no part unless format=csv', raw.part);
  const part = oneOf('part', raw.part, CSV_PARTS, 'nodes');

  if (raw.base !== undefined && format !== 'jsonld') throw new BadInputError('base', 'no base unless format=jsonld', raw.base);
  if (raw.base !== undefined && (typeof raw.base !== 'string' || !ABSOLUTE_IRI.test(raw.base))) {
    throw new BadInputError('base', 'an absolute IRI prefix such as urn:usmx: or https://example.org/usmx/', raw.base);
  }
  const base = (raw.base as string | undefined) ?? DEFAULT_IRI_BASE;

  if (format === 'yaml') {
    if (raw.id !== undefined) throw new BadInputError('id', 'no id when format=yaml (seed YAML is always the whole graph)', raw.id);
    if (raw.depth !== undefined) throw new BadInputError('depth', 'no depth when format=yaml (seed YAML is always the whole graph)', raw.depth);
  }

  let scope: ExportScope = { kind: 'graph' };
  if (raw.id !== undefined) {
    if (typeof raw.id !== 'string' || raw.id === '') throw new BadInputError('id', 'the id of an entity', raw.id);
    let depth = MIN_DEPTH;
    if (raw.depth !== undefined) {
      const parsed = typeof raw.depth === 'string' && /^\d+$/.test(raw.depth) ? Number(raw.depth) : typeof raw.depth === 'number' ? raw.depth : NaN;
      if (!Number.isInteger(parsed) || parsed < MIN_DEPTH || parsed > MAX_DEPTH) {
        throw new BadInputError('depth', `an integer from ${MIN_DEPTH} to ${MAX_DEPTH}`, raw.depth);
      }
      depth = parsed;
    }
    scope = { kind: 'neighbourhood', id: raw.id, depth };
  } else if (raw.depth !== undefined) {
    throw new BadInputError('depth', 'no depth without an id (the whole graph has none)', raw.depth);
  }
  return { format, scope, part, base };
}
