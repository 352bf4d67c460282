import { comparePeriods, endsByPeriod, indexOfPreviousOfKind, indexOfSamePeriodLastYear, parsePeriod, periodEndDate, periodShown, periodsBehind } from '../../../src/core/measures/period';

describe('parsePeriod', () => {
  test.each([
    ['Q1 2017/18', 'fy-quarter', '2017-04', '2017-06'],
    ['Q4 2016/17', 'fy-quarter', '2017-01', '2017-03'],
    ['Quarter 3 2017-18', 'fy-quarter', '2017-10', '2017-12'],
    ['2017/18 Q2', 'fy-quarter', '2017-07', '2017-09'],
    ['Q2 17/18', 'fy-quarter', '2017-07', '2017-09'],
    ['2016/17', 'fy', '2016-04', '2017-03'],
    ['2011-12', 'fy', '2011-04', '2012-03'],
    ['2016/2017', 'fy', '2016-04', '2017-03'],
    ['2011', 'year', '2011-01', '2011-12'],
    ['Jan–Dec 2016', 'span', '2016-01', '2016-12'],
    ['Jan-Dec 2016', 'span', '2016-01', '2016-12'],
    ['Apr 2016 - Mar 2017', 'span', '2016-04', '2017-03'],
    ['Oct–Mar 2017', 'span', '2016-10', '2017-03'],
    ['March 2017', 'month', '2017-03', '2017-03'],
    ['Sept 2016', 'month', '2016-09', '2016-09'],
    ['Jan-16', 'month', '2016-01', '2016-01'],
    ['2016-01', 'month', '2016-01', '2016-01'],
    ['Q1 2016', 'quarter', '2016-01', '2016-03'],
  ])('%p → %s %s..%s', (label, kind, start, end) => {
    const p = parsePeriod(label);
    const ym = (at: number) => `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
    expect(p && { kind: p.kind, start: ym(p.start), end: ym(p.end), label: p.label }).toEqual({ kind, start, end, label });
  });

  test.each(['Baseline', 'Mid-year', '2016/18', 'Q5 2016/17', 'Smarch 2016', ''])('%p is not recognised', (label) => {
    expect(parsePeriod(label)).toBeUndefined();
  });
});

describe('chronological order', () => {
  test('sorts quarters and years by the months they cover, latest-first input included', () => {
    const labels = ['Q2 2017/18', 'Q1 2017/18', '2016/17', 'Q4 2016/17', 'Q3 2016/17'];
    const sorted = labels.map(parsePeriod).sort(comparePeriods).map((p) => p?.label);
    expect(sorted).toEqual(['Q3 2016/17', '2016/17', 'Q4 2016/17', 'Q1 2017/18', 'Q2 2017/18']);
  });
  test('unrecognised labels come first, so the latest is a real period', () => {
    expect(comparePeriods(undefined, parsePeriod('2011'))).toBeLessThan(0);
    expect(comparePeriods(undefined, undefined)).toBe(0);
  });
  test('index of the same period last year, in a chronological list', () => {
    const items = ['Q1 2016/17', 'Q2 2016/17', '2016/17', 'Q1 2017/18', 'Q2 2017/18', '2017/18'].map((label) => ({ period: parsePeriod(label) }));
    expect(indexOfSamePeriodLastYear(items, 4)).toBe(1);
    expect(indexOfSamePeriodLastYear(items, 5)).toBe(2);
    expect(indexOfSamePeriodLastYear(items, 1)).toBe(-1);
    expect(indexOfSamePeriodLastYear([{ period: undefined }, ...items], 0)).toBe(-1);
  });
  test('index of the previous period of the same kind: quarters go with quarters, years with years', () => {
    const items = ['Q1 2016/17', 'Q2 2016/17', '2016/17', 'Q1 2017/18'].map((label) => ({ period: parsePeriod(label) }));
    expect(indexOfPreviousOfKind(items, 3)).toBe(1);
    expect(indexOfPreviousOfKind(items, 2)).toBe(-1);
    expect(indexOfPreviousOfKind(items, 0)).toBe(-1);
  });
  test('period end dates', () => {
    expect(periodEndDate(parsePeriod('Q3 2016/17')!)).toBe('2016-12-31');
    expect(periodEndDate(parsePeriod('2015/16')!)).toBe('2016-03-31');
    expect(periodEndDate(parsePeriod('Feb 2016')!)).toBe('2016-02-29');
  });
});

describe('a figure judged for a reporting period', () => {
  const p = (label: string) => parsePeriod(label)!;

  test.each([
    // figure, reporting period, own periods behind, usable (ends by the reporting period)
    ['Q4 2017/18', 'Q4 2017/18', 0, true],
    ['Q3 2017/18', 'Q4 2017/18', 1, true],
    ['Q2 2017/18', 'Q4 2017/18', 2, true],
    ['Q4 2016/17', 'Q4 2017/18', 4, true],
    ['2017/18', 'Q4 2017/18', 0, true],
    ['2016/17', 'Q4 2017/18', 1, true],
    ['2016/17', '2017/18', 1, true],
    ['2015/16', '2017/18', 2, true],
    ['2016/17', 'Q2 2017/18', 0, true],
    ['2017/18', 'Q2 2017/18', 0, false],
    ['Q1 2018/19', 'Q4 2017/18', 0, false],
    ['2016', 'Q4 2017/18', 1, true],
    ['Jan 2018', 'Q4 2017/18', 2, true],
  ])('%s in a %s report: %i of its own periods behind', (figure, reporting, behind, usable) => {
    expect(periodsBehind(p(figure), p(reporting))).toBe(behind);
    expect(endsByPeriod(p(figure), p(reporting))).toBe(usable);
  });

  test('a stale figure is shown as the latest available', () => {
    expect(periodShown('Q2 2017/18', true)).toBe('Q2 2017/18 — latest available');
    expect(periodShown('Q3 2017/18', false)).toBe('Q3 2017/18');
  });
});
