/** Units an observation may be stated in; the label is what a reader sees. */
export enum Unit {
  USD = 'USD',
  USD_MILLION = 'USD_MILLION',
  USD_BILLION = 'USD_BILLION',
  USD_TRILLION = 'USD_TRILLION',
  USD_PER_HOUR = 'USD_PER_HOUR',
  USD_PER_DAY = 'USD_PER_DAY',
  USD_PER_PERSON = 'USD_PER_PERSON',
  USD_PER_MINUTE = 'USD_PER_MINUTE',
  PERCENT = 'PERCENT',
  PERCENT_OF_GDP = 'PERCENT_OF_GDP',
  COUNT = 'COUNT',
  THOUSAND = 'THOUSAND',
  MILLION = 'MILLION',
  RANK = 'RANK',
  PER_100K = 'PER_100K',
  SCORE = 'SCORE',
  KM = 'KM',
  MILE = 'MILE',
  YEAR = 'YEAR',
  RATIO = 'RATIO',
}

export const UNIT_LABELS: Readonly<Record<Unit, string>> = {
  USD: 'U.S. dollars',
  USD_MILLION: 'million U.S. dollars',
  USD_BILLION: 'billion U.S. dollars',
  USD_TRILLION: 'trillion U.S. dollars',
  USD_PER_HOUR: 'U.S. dollars per hour',
  USD_PER_DAY: 'U.S. dollars per day',
  USD_PER_PERSON: 'U.S. dollars per person',
  USD_PER_MINUTE: 'U.S. dollars per minute',
  PERCENT: 'percent',
  PERCENT_OF_GDP: 'percent of GDP',
  COUNT: 'count',
  THOUSAND: 'thousands',
  MILLION: 'millions',
  RANK: 'rank (1 = first)',
  PER_100K: 'per 100,000 inhabitants',
  SCORE: 'score',
  KM: 'kilometres',
  MILE: 'miles',
  YEAR: 'years',
  RATIO: 'ratio (times)',
};

export const UNITS: readonly Unit[] = Object.values(Unit);

/**
 * Units of one family measure the same quantity at different scales and convert exactly
 * (USD_MILLION to USD_BILLION, THOUSAND to COUNT). A metric's observations stay in one family,
 * so a series never mixes, say, a count with a percentage.
 */
export const UNIT_SCALE: Readonly<Record<Unit, { family: string; factor: number }>> = {
  USD: { family: 'usd', factor: 1 },
  USD_MILLION: { family: 'usd', factor: 1e6 },
  USD_BILLION: { family: 'usd', factor: 1e9 },
  USD_TRILLION: { family: 'usd', factor: 1e12 },
  USD_PER_HOUR: { family: 'usd-per-hour', factor: 1 },
  USD_PER_DAY: { family: 'usd-per-day', factor: 1 },
  USD_PER_PERSON: { family: 'usd-per-person', factor: 1 },
  USD_PER_MINUTE: { family: 'usd-per-minute', factor: 1 },
  PERCENT: { family: 'percent', factor: 1 },
  PERCENT_OF_GDP: { family: 'percent-of-gdp', factor: 1 },
  COUNT: { family: 'count', factor: 1 },
  THOUSAND: { family: 'count', factor: 1e3 },
  MILLION: { family: 'count', factor: 1e6 },
  RANK: { family: 'rank', factor: 1 },
  PER_100K: { family: 'per-100k', factor: 1 },
  SCORE: { family: 'score', factor: 1 },
  KM: { family: 'length', factor: 1000 },
  MILE: { family: 'length', factor: 1609.344 },
  YEAR: { family: 'year', factor: 1 },
  RATIO: { family: 'ratio', factor: 1 },
};

/** How a stated number relates to the true value ("over 5 million", "aims to", "expected"). */
export enum Qualifier {
  APPROXIMATE = 'APPROXIMATE',
  MORE_THAN = 'MORE_THAN',
  LESS_THAN = 'LESS_THAN',
  ESTIMATE = 'ESTIMATE',
  FORECAST = 'FORECAST',
  TARGET = 'TARGET',
}

export const QUALIFIERS: readonly Qualifier[] = Object.values(Qualifier);
