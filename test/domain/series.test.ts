import { comparePeriods, convertUnit, findPeriodObservation, sameDimensions } from '../../src/domain/series';
import { Qualifier, Unit } from '../../src/domain/units';
import type { Observation } from '../../src/domain/model';

function obs(period: string, value: number, unit: Unit, extra: Partial<Observation> = {}): Observation {
  const [start, end] = period.startsWith('FY')
    ? [`${Number(period.slice(2)) - 1}-10-01`, `${period.slice(2)}-09-30`]
    : [`${period.slice(0, 4)}-01-01`, `${period.slice(0, 4)}-12-31`];
  return {
    id: `m@${period}`,
    metricId: 'm',
    value,
    unit,
    period,
    periodStart: start,
    periodEnd: end,
    dimensions: {},
    qualifier: null,
    note: null,
    sources: [],
    ...extra,
  };
}

describe('convertUnit', () => {
  it.each([
    [150, Unit.USD_MILLION, Unit.USD_BILLION, 0.15],
    [3.2, Unit.USD_BILLION, Unit.USD_MILLION, 3200],
    [1.5, Unit.USD_TRILLION, Unit.USD_BILLION, 1500],
    [1660000, Unit.COUNT, Unit.THOUSAND, 1660],
    [4.9, Unit.MILLION, Unit.THOUSAND, 4900],
    [1990, Unit.MILE, Unit.KM, 3202.59456],
    [26, Unit.PER_100K, Unit.PER_100K, 26],
  ])('%d %s is %d %s', (value, from, to, expected) => {
    expect(convertUnit(value, from, to)).toBe(expected);
  });

  it('refuses units of different families', () => {
    expect(() => convertUnit(5, Unit.PERCENT, Unit.COUNT)).toThrow('cannot convert PERCENT to COUNT');
  });
});

describe('findPeriodObservation', () => {
  const list = [obs('FY2020', 1, Unit.COUNT), obs('FY2020', 2, Unit.COUNT, { dimensions: { state: 'texas' } }), obs('2020', 3, Unit.COUNT)];

  it('matches the period as written and the dimensions exactly', () => {
    expect(findPeriodObservation(list, 'FY2020')?.value).toBe(1);
    expect(findPeriodObservation(list, 'FY2020', { state: 'texas' })?.value).toBe(2);
    expect(findPeriodObservation(list, '2020')?.value).toBe(3);
  });

  it('finds nothing for another period or breakdown', () => {
    expect(findPeriodObservation(list, 'FY2021')).toBeUndefined();
    expect(findPeriodObservation(list, '2020', { state: 'texas' })).toBeUndefined();
  });

  it('compares dimension maps key by key, whatever their order', () => {
    expect(sameDimensions({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameDimensions({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(sameDimensions({}, {})).toBe(true);
  });
});

describe('comparePeriods', () => {
  it('answers figures in units of two families with a client error naming both, not an internal one (item H5)', () => {
    const compare = () => comparePeriods(obs('FY2020', 400651, Unit.COUNT), obs('FY2021', 12, Unit.PERCENT));
    expect(compare).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringContaining('m@FY2021, in PERCENT') }));
  });

  it('computes the change between two fiscal years (southwest border apprehensions)', () => {
    const c = comparePeriods(obs('FY2020', 400651, Unit.COUNT), obs('FY2021', 1660000, Unit.COUNT));
    expect(c).toMatchObject({ unit: Unit.COUNT, fromValue: 400651, toValue: 1660000, absoluteChange: 1259349, note: null });
    expect(c.percentChange).toBeCloseTo(314.3257, 4);
  });

  it('states the change in the unit of the later observation, converting the earlier one', () => {
    const c = comparePeriods(obs('2020', 150, Unit.USD_MILLION), obs('2021', 3.2, Unit.USD_BILLION));
    expect(c).toMatchObject({ unit: Unit.USD_BILLION, fromValue: 0.15, absoluteChange: 3.05 });
    expect(c.percentChange).toBeCloseTo(2033.333, 3);
    expect(c.note).toBe('2020 converted from 150 (million U.S. dollars) to 0.15 (billion U.S. dollars).');
  });

  it('and the other way round', () => {
    const c = comparePeriods(obs('2020', 3.2, Unit.USD_BILLION), obs('2021', 150, Unit.USD_MILLION));
    expect(c).toMatchObject({ unit: Unit.USD_MILLION, fromValue: 3200, absoluteChange: -3050 });
    expect(c.percentChange).toBeCloseTo(-95.3125, 6);
  });

  it('gives no relative change from zero', () => {
    const c = comparePeriods(obs('2020', 0, Unit.COUNT), obs('2021', 12, Unit.COUNT));
    expect(c).toMatchObject({ absoluteChange: 12, percentChange: null });
  });

  it('measures a relative change against the size of a negative start', () => {
    expect(comparePeriods(obs('2020', -4, Unit.COUNT), obs('2021', 2, Unit.COUNT)).percentChange).toBe(150);
  });

  it('says that a change between shares is in percentage points', () => {
    const c = comparePeriods(obs('FY2011', 86, Unit.PERCENT), obs('FY2020', 63, Unit.PERCENT));
    expect(c).toMatchObject({ absoluteChange: -23, note: 'The absolute change is in percentage points; the percent change is relative to the first share.' });
    expect(c.percentChange).toBeCloseTo(-26.744, 3);
  });

  it('reports no change as zero', () => {
    expect(comparePeriods(obs('FY2020', 150, Unit.USD_MILLION), obs('FY2021', 150, Unit.USD_MILLION))).toMatchObject({ absoluteChange: 0, percentChange: 0 });
  });

  it('notes qualified figures, periods of different kinds and overlapping periods', () => {
    const c = comparePeriods(obs('FY2021', 1660000, Unit.COUNT), obs('2021', 150, Unit.THOUSAND, { qualifier: Qualifier.APPROXIMATE }));
    expect(c.note).toBe(
      'FY2021 converted from 1660000 (count) to 1660 (thousands). 2021 is approximate. FY2021 is a fiscal year and 2021 a calendar year: the periods differ in length. FY2021 and 2021 overlap.',
    );
  });
});
