import { parsePeriod, type Period, type PeriodKind } from './dates';
import { describeValue } from './errors';

// When an observation was measured. A figure is either dated (`period`, as its source states it)
// or undated (`reported`: the year the source that states it was published). An undated figure
// gets no invented period (not the deck's year, not the year of the publication it credits, not
// a span guessed from a chart), so date ranges, series and comparisons leave it out.

/** What the seed checker reads from an observation's `period`, `reported` and `note`. */
export interface ObservationDateFields {
  readonly period: unknown;
  readonly reported: unknown;
  readonly note: unknown;
}

export type ObservationDate = { readonly period: Period; readonly reportedIn: null } | { readonly period: null; readonly reportedIn: number };

export interface ObservationDateProblem {
  readonly field: 'period' | 'reported';
  readonly message: string;
}

/**
 * A note that says the source gives the figure no date ("undated on the slide", "the slide gives
 * no year", "period is the deck's year", "period from the credited 2017 statistics", "stated as
 * current" …): then a period beside it was invented, which is what the seed checker refuses.
 */
export const NO_DATE_NOTE =
  /\bundated\b|\bno (?:reference |target )?(?:year|date|period|time frame|end date)\b|\bgives? no (?:\w+ )?(?:year|date|period)\b|\bstates? no (?:\w+ )?(?:year|date|period|time frame)\b|\bperiod (?:is|from) the (?:deck['’]s|year of the credited|credited)\b|\bdated to the deck\b|\bperiod not stated\b|\bstated as current\b/i;

/**
 * Reads an observation's date. `sourceYears` are the publication years of the sources it cites
 * (null where unknown). Answers the date, or the problems in the seed checker's words.
 */
export function readObservationDate(
  metricId: string,
  fields: ObservationDateFields,
  sourceYears: readonly (number | null)[],
): ObservationDate | ObservationDateProblem[] {
  // Absent or null (a GraphQL input's unset field) alike.
  const rawPeriod = fields.period ?? undefined;
  const reported = fields.reported ?? undefined;
  const note = fields.note;
  const of = `observation of ${metricId}`;
  if (rawPeriod !== undefined && reported !== undefined) {
    return [
      {
        field: 'reported',
        message: `${of}: reported: an observation is dated (period) or undated (reported), not both; received period ${describeValue(rawPeriod)} and reported ${describeValue(reported)}`,
      },
    ];
  }
  const years = [...new Set(sourceYears.filter((y): y is number => y !== null))].sort();
  if (reported !== undefined) {
    if (typeof reported !== 'number' || !Number.isInteger(reported) || !years.includes(reported)) {
      const expected =
        years.length > 0
          ? `the publication year of a source it cites (${years.join(' or ')})`
          : 'the publication year of a source it cites (none of its sources has a year)';
      return [{ field: 'reported', message: `${of}: reported: expected ${expected}, received ${describeValue(reported)}` }];
    }
    return { period: null, reportedIn: reported };
  }
  // YAML reads an unquoted `2020` as a number.
  const text = typeof rawPeriod === 'number' && Number.isInteger(rawPeriod) ? String(rawPeriod) : rawPeriod;
  const period = typeof text === 'string' ? parsePeriod(text) : null;
  if (!period) {
    return [
      {
        field: 'period',
        message: `${of}: period: expected YYYY, FYYYYY, YYYY-MM, YYYY-MM-DD or a range A/B (or, for a figure its source gives no date, no period and reported: <the year the source was published>), received ${describeValue(rawPeriod)}`,
      },
    ];
  }
  const admits = typeof note === 'string' ? NO_DATE_NOTE.exec(note) : null;
  if (admits) {
    return [
      {
        field: 'period',
        message: `${of}: period ${period.text} is invented: the note says the source gives no date ("${admits[0]}"); leave the period out and write reported: <the year the source was published>${years.length > 0 ? ` (${years.join(' or ')})` : ''}`,
      },
    ];
  }
  return { period, reportedIn: null };
}

/** A period kind (`parsePeriod`'s), or UNDATED for an observation its source gives no date. */
export type ObservationPeriodKind = PeriodKind | 'UNDATED';

/** An observation's kind of period (`parsePeriod`'s), or UNDATED when its source gives it no date. */
export function observationPeriodKind(o: { readonly period: string | null }): ObservationPeriodKind {
  return o.period === null ? 'UNDATED' : (parsePeriod(o.period)?.kind ?? 'RANGE');
}

/**
 * What stands for the period in an undated observation's id: `reported-2019`, and `-target` or
 * `-forecast` for an aim or an expectation, which a measured figure reported the same year may
 * sit beside (a level "when the goal was set" and the goal).
 */
export function undatedKey(reportedIn: number, qualifier: string | null): string {
  return `reported-${reportedIn}${qualifier === 'TARGET' || qualifier === 'FORECAST' ? `-${qualifier.toLowerCase()}` : ''}`;
}
