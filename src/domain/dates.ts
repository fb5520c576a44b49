/**
 * Partial dates and periods. The deck dates things to the year, the month or the day, and
 * counts border statistics in U.S. fiscal years (October to September), so both are first-class.
 */

export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

export interface PartialDate {
  /** Canonical text: `2020`, `2020-07` or `2020-07-01`. */
  readonly text: string;
  readonly precision: DatePrecision;
  /** First and last day covered, as `YYYY-MM-DD`. */
  readonly start: string;
  readonly end: string;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns null for anything else (including 2021-02-30). */
export function parsePartialDate(text: string): PartialDate | null {
  const m = PARTIAL_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) {
    return { text, precision: 'YEAR', start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  if (m[3] === undefined) {
    return { text, precision: 'MONTH', start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(last)}` };
  }
  const day = Number(m[3]);
  if (day < 1 || day > last) return null;
  return { text, precision: 'DAY', start: text, end: text };
}

/**
 * The first and last day a partial date covers, as full ISO dates (`2018` → 2018-01-01 and
 * 2018-12-31; `2018-07` → 2018-07-01 and 2018-07-31; a day → itself), for tools that sort and
 * filter dates but cannot read `2018` and `2018-11-30` in one column. Both null when the date is
 * absent or not a partial date (the stores hold only checked dates).
 */
export function partialDateBounds(text: string | null | undefined): { readonly start: string | null; readonly end: string | null } {
  const date = text ? parsePartialDate(text) : null;
  return { start: date?.start ?? null, end: date?.end ?? null };
}

export type PeriodKind = 'YEAR' | 'FISCAL_YEAR' | 'MONTH' | 'DAY' | 'RANGE';

export interface Period {
  /** Canonical text: `2021`, `FY2021`, `2022-01`, `2022-01-31`, or `start/end` of two of those. */
  readonly text: string;
  readonly kind: PeriodKind;
  readonly start: string;
  readonly end: string;
}

const FISCAL_YEAR = /^FY(\d{4})$/;

function parseSinglePeriod(text: string): Period | null {
  const fy = FISCAL_YEAR.exec(text);
  if (fy) {
    const year = Number(fy[1]);
    // U.S. federal fiscal year N runs from 1 October N-1 to 30 September N.
    return { text, kind: 'FISCAL_YEAR', start: `${pad(year - 1, 4)}-10-01`, end: `${fy[1]}-09-30` };
  }
  const d = parsePartialDate(text);
  return d ? { text, kind: d.precision, start: d.start, end: d.end } : null;
}

/** Parses a period; a range `A/B` must not end before it starts. Returns null when malformed. */
export function parsePeriod(text: string): Period | null {
  const parts = text.split('/');
  if (parts.length === 1) return parseSinglePeriod(text);
  if (parts.length !== 2) return null;
  const a = parseSinglePeriod(parts[0]);
  const b = parseSinglePeriod(parts[1]);
  if (!a || !b || b.end < a.start) return null;
  return { text, kind: 'RANGE', start: a.start, end: b.end };
}

/** Do the closed day ranges [aStart, aEnd] and [bStart, bEnd] share a day? Open ends are unbounded. */
export function overlaps(aStart: string, aEnd: string, bStart: string | null, bEnd: string | null): boolean {
  return (bStart === null || aEnd >= bStart) && (bEnd === null || aStart <= bEnd);
}
