import { overlaps, parsePartialDate, parsePeriod, partialDateBounds } from '../../src/domain/dates';

describe('partialDateBounds', () => {
  it.each([
    ['2018', '2018-01-01', '2018-12-31'],
    ['2018-07', '2018-07-01', '2018-07-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2018-11-30', '2018-11-30', '2018-11-30'],
  ])('%s covers %s to %s', (text, start, end) => {
    expect(partialDateBounds(text)).toEqual({ start, end });
  });

  it.each([[null], [undefined], [''], ['early 2021'], ['2021-02-30']])('gives no bounds for %p', (text) => {
    expect(partialDateBounds(text)).toEqual({ start: null, end: null });
  });
});

describe('parsePartialDate', () => {
  it.each([
    ['2020', 'YEAR', '2020-01-01', '2020-12-31'],
    ['2020-07', 'MONTH', '2020-07-01', '2020-07-31'],
    ['2021-04', 'MONTH', '2021-04-01', '2021-04-30'],
    ['2020-02', 'MONTH', '2020-02-01', '2020-02-29'],
    ['2021-02', 'MONTH', '2021-02-01', '2021-02-28'],
    ['1900-02', 'MONTH', '1900-02-01', '1900-02-28'],
    ['2000-02', 'MONTH', '2000-02-01', '2000-02-29'],
    ['2020-07-01', 'DAY', '2020-07-01', '2020-07-01'],
    ['2020-02-29', 'DAY', '2020-02-29', '2020-02-29'],
    ['2021-12-31', 'DAY', '2021-12-31', '2021-12-31'],
  ])('%s is a %s from %s to %s', (text, precision, start, end) => {
    expect(parsePartialDate(text)).toEqual({ text, precision, start, end });
  });

  it.each([
    ['2021-13', 'month 13'],
    ['2021-00', 'month 0'],
    ['2021-13-40', 'month 13, day 40'],
    ['2021-02-30', '30 February'],
    ['2021-02-29', '29 February in a common year'],
    ['1900-02-29', '29 February in a century that is not a leap year'],
    ['2021-04-31', '31 April'],
    ['2021-01-00', 'day 0'],
    ['2021-01-32', 'day 32'],
    ['2021-1-5', 'single-digit month and day'],
    ['21', 'a two-digit year'],
    ['20210', 'a five-digit year'],
    ['2021/07/01', 'slashes'],
    ['07/01/2021', 'U.S. order'],
    ['2021-07-01T00:00', 'a time'],
    [' 2021', 'leading space'],
    ['2021 ', 'trailing space'],
    ['', 'nothing'],
    ['FY2021', 'a fiscal year (a period, not a date)'],
  ])('rejects %s (%s)', (text) => {
    expect(parsePartialDate(text)).toBeNull();
  });
});

describe('parsePeriod', () => {
  it('reads a U.S. fiscal year as October of the year before to September', () => {
    expect(parsePeriod('FY2021')).toEqual({ text: 'FY2021', kind: 'FISCAL_YEAR', start: '2020-10-01', end: '2021-09-30' });
    expect(parsePeriod('FY2000')).toEqual({ text: 'FY2000', kind: 'FISCAL_YEAR', start: '1999-10-01', end: '2000-09-30' });
  });

  it.each([
    ['2021', 'YEAR', '2021-01-01', '2021-12-31'],
    ['2022-01', 'MONTH', '2022-01-01', '2022-01-31'],
    ['2022-01-31', 'DAY', '2022-01-31', '2022-01-31'],
  ])('reads %s as a %s from %s to %s', (text, kind, start, end) => {
    expect(parsePeriod(text)).toEqual({ text, kind, start, end });
  });

  it.each([
    ['2020/2021', '2020-01-01', '2021-12-31'],
    ['FY2019/FY2021', '2018-10-01', '2021-09-30'],
    ['2022-01/2022-03', '2022-01-01', '2022-03-31'],
    ['2021-03-15/2021-04-02', '2021-03-15', '2021-04-02'],
    ['2021-03-15/2021-03-15', '2021-03-15', '2021-03-15'],
    ['FY2021/2021-12', '2020-10-01', '2021-12-31'],
    ['2019/2020-02', '2019-01-01', '2020-02-29'],
  ])('reads the range %s as %s to %s', (text, start, end) => {
    expect(parsePeriod(text)).toEqual({ text, kind: 'RANGE', start, end });
  });

  it.each([
    ['2021/2020', 'a reversed range of years'],
    ['FY2022/FY2020', 'a reversed range of fiscal years'],
    ['2022-03/2022-01', 'a reversed range of months'],
    ['2021-03-16/2021-03-15', 'a range ending the day before it starts'],
    ['2021/2021-13', 'a range with an invalid end'],
    ['2021-02-30/2021-03', 'a range with an invalid start'],
    ['2019/2020/2021', 'three parts'],
    ['/2021', 'a range with no start'],
    ['2021/', 'a range with no end'],
    ['2021-Q3', 'a quarter'],
    ['FY21', 'a two-digit fiscal year'],
    ['fy2021', 'a lower-case fiscal year'],
    ['FY2021-01', 'a fiscal month'],
    ['2021-13', 'month 13'],
    ['2021-02-30', '30 February'],
    ['', 'nothing'],
  ])('rejects %s (%s)', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('overlaps', () => {
  it('compares closed day ranges, with null as an open end', () => {
    expect(overlaps('2021-01-01', '2021-12-31', '2021-12-31', null)).toBe(true);
    expect(overlaps('2021-01-01', '2021-12-31', '2022-01-01', null)).toBe(false);
    expect(overlaps('2021-01-01', '2021-12-31', null, '2021-01-01')).toBe(true);
    expect(overlaps('2021-01-01', '2021-12-31', null, '2020-12-31')).toBe(false);
    expect(overlaps('2021-01-01', '2021-12-31', null, null)).toBe(true);
  });
});
