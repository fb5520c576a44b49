import { parsePeriod } from './dates';
import { BadInputError } from './errors';
import type { Observation } from './model';
import { UNIT_LABELS, UNIT_SCALE, type Qualifier, type Unit } from './units';

/**
 * Arithmetic on a metric's series: converting between units of one family and comparing the
 * values of two periods. Pure, so the GraphQL layer only finds the observations.
 */

/** Results keep 12 significant digits, so 3.2 - 0.15 reads 3.05 and not 3.0500000000000003. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** Converts `value` from one unit to another of the same family (150 USD_MILLION → 0.15 USD_BILLION). */
export function convertUnit(value: number, from: Unit, to: Unit): number {
  const a = UNIT_SCALE[from];
  const b = UNIT_SCALE[to];
  if (a.family !== b.family) throw new Error(`cannot convert ${from} to ${to}: they measure different things`);
  return from === to ? value : tidy((value * a.factor) / b.factor);
}

/** Do two dimension maps hold exactly the same keys and values? */
export function sameDimensions(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

/** The observation stated for exactly `period` (as written, e.g. `FY2021`) with exactly `dimensions`. */
export function findPeriodObservation(
  observations: readonly Observation[],
  period: string,
  dimensions: Readonly<Record<string, string>> = {},
): Observation | undefined {
  return observations.find((o) => o.period === period && sameDimensions(o.dimensions, dimensions));
}

/** The change between two observations of one metric, stated in the `to` observation's unit. */
export interface SeriesComparison {
  readonly from: Observation;
  readonly to: Observation;
  readonly unit: Unit;
  /** The `from` value converted to `unit`. */
  readonly fromValue: number;
  readonly toValue: number;
  readonly absoluteChange: number;
  /** Change relative to the `from` value, in percent; null when the `from` value is 0. */
  readonly percentChange: number | null;
  /** What a reader should know: unit conversion, qualified figures, unlike or overlapping periods. */
  readonly note: string | null;
}

const QUALIFIER_PHRASES: Readonly<Record<Qualifier, string>> = {
  APPROXIMATE: 'approximate',
  MORE_THAN: 'a lower bound ("more than")',
  LESS_THAN: 'an upper bound ("less than")',
  ESTIMATE: 'an estimate',
  FORECAST: 'a forecast',
  TARGET: 'a target, not a measurement',
};

const PERIOD_KIND_NAMES: Readonly<Record<string, string>> = {
  YEAR: 'a calendar year',
  FISCAL_YEAR: 'a fiscal year',
  MONTH: 'a month',
  DAY: 'a day',
  RANGE: 'a range',
};

/** Both observations dated (comparePeriods refuses an undated one first). */
type Dated = Observation & { readonly period: string; readonly periodStart: string; readonly periodEnd: string };

function notes(from: Dated, to: Dated, fromValue: number): string[] {
  const said: string[] = [];
  if (from.unit !== to.unit) {
    said.push(`${from.period} converted from ${from.value} (${UNIT_LABELS[from.unit]}) to ${fromValue} (${UNIT_LABELS[to.unit]}).`);
  }
  for (const o of [from, to]) if (o.qualifier) said.push(`${o.period} is ${QUALIFIER_PHRASES[o.qualifier]}.`);
  const kindFrom = parsePeriod(from.period)?.kind ?? 'RANGE';
  const kindTo = parsePeriod(to.period)?.kind ?? 'RANGE';
  if (kindFrom !== kindTo) {
    said.push(`${from.period} is ${PERIOD_KIND_NAMES[kindFrom]} and ${to.period} ${PERIOD_KIND_NAMES[kindTo]}: the periods differ in length.`);
  }
  if (from.periodEnd >= to.periodStart && to.periodEnd >= from.periodStart) said.push(`${from.period} and ${to.period} overlap.`);
  if (UNIT_SCALE[to.unit].family.startsWith('percent')) {
    said.push('The absolute change is in percentage points; the percent change is relative to the first share.');
  }
  return said;
}

/**
 * Compares two observations of one metric: the absolute and relative change from `from` to
 * `to`, in `to`'s unit. Both must be in one unit family (seed validation keeps a metric's
 * observations so); a relative change from 0 is undefined, so `percentChange` is then null.
 */
export function comparePeriods(from: Observation, to: Observation): SeriesComparison {
  for (const [argument, o] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (o.period === null)
      throw new BadInputError(argument, 'a dated observation (an undated figure has no period to compare)', `${o.id}, undated, reported in ${o.reportedIn}`);
  }
  // Curation keeps a metric's units in one family; a graph that does not (an older journal) is
  // answered with what went wrong, not an internal error.
  if (UNIT_SCALE[from.unit].family !== UNIT_SCALE[to.unit].family) {
    throw new BadInputError('to', `a period whose figure is in a unit that converts to ${from.unit} (as ${from.id} is)`, `${to.id}, in ${to.unit}`);
  }
  const fromValue = convertUnit(from.value, from.unit, to.unit);
  const change = to.value - fromValue;
  const said = notes(from as Dated, to as Dated, fromValue);
  return {
    from,
    to,
    unit: to.unit,
    fromValue,
    toValue: to.value,
    absoluteChange: tidy(change),
    percentChange: fromValue === 0 ? null : tidy((change / Math.abs(fromValue)) * 100),
    note: said.length > 0 ? said.join(' ') : null,
  };
}
