import { parsePeriod, periodWord } from '../../../src/core/measures/period';
import type { Polarity, Unit } from '../../../src/core/measures/types';
import { forecast, judgeTrend, leastSquares, nextPeriodLabels, rateWording } from '../../../src/core/ttc/trend';

const series = (...ys: number[]) => ys.map((y, x) => ({ x, y }));
const RISING = series(50, 52, 53.5, 55, 57);
const FLAT = series(50, 50.3, 49.8, 50.1, 50.2);
const FALLING = series(57, 55, 53.5, 52, 50);

describe('leastSquares', () => {
  it('fits a straight line exactly', () => {
    expect(leastSquares(series(1, 3, 5, 7))).toEqual({ slope: 2, intercept: 1 });
  });
  it('needs two distinct x values', () => {
    expect(leastSquares(series(4))).toBeUndefined();
    expect(leastSquares([{ x: 1, y: 1 }, { x: 1, y: 2 }])).toBeUndefined();
  });
});

describe('judgeTrend: rising, flat and falling series for each polarity', () => {
  const cases: { title: string; points: { x: number; y: number }[]; polarity: Polarity; target?: number; expected: string }[] = [
    { title: 'rising, higher is better', points: RISING, polarity: 'higher', expected: 'improving' },
    { title: 'flat, higher is better', points: FLAT, polarity: 'higher', expected: 'no-change' },
    { title: 'falling, higher is better', points: FALLING, polarity: 'higher', expected: 'worsening' },
    { title: 'rising, lower is better', points: RISING, polarity: 'lower', expected: 'worsening' },
    { title: 'flat, lower is better', points: FLAT, polarity: 'lower', expected: 'no-change' },
    { title: 'falling, lower is better', points: FALLING, polarity: 'lower', expected: 'improving' },
    { title: 'rising toward the target, plan is best', points: RISING, polarity: 'band', target: 60, expected: 'improving' },
    { title: 'flat, plan is best', points: FLAT, polarity: 'band', target: 60, expected: 'no-change' },
    { title: 'falling away from the target, plan is best', points: FALLING, polarity: 'band', target: 60, expected: 'worsening' },
    { title: 'rising away from the target, plan is best', points: RISING, polarity: 'band', target: 40, expected: 'worsening' },
  ];
  it.each(cases)('$title → $expected', ({ points, polarity, target, expected }) => {
    expect(judgeTrend(points, polarity, target).direction).toBe(expected);
  });

  it('judges the fitted line, not the last two points: a late dip on a rising series still improves', () => {
    expect(judgeTrend(series(40, 44, 48, 52, 50), 'higher').direction).toBe('improving');
  });

  it('has no trend from a single figure', () => {
    expect(judgeTrend(series(50), 'higher')).toEqual({ direction: 'n/a', points: 1 });
  });
});

describe('rateWording', () => {
  const cases: [string, number | null, number | null, Polarity | undefined, string][] = [
    ['a small rise, higher is better', 61.8, 59.1, 'higher', 'Slight improvement on previous year'],
    ['a rise of 10%, higher is better', 66, 60, 'higher', 'Improvement on previous year'],
    ['a rise of 20%, higher is better', 72, 60, 'higher', 'Marked improvement on previous year'],
    ['a small fall, higher is better', 58, 59.1, 'higher', 'Slight decline on previous year'],
    ['the same figure', 59.1, 59.1, 'higher', 'No improvement shown'],
    ['a fall, lower is better', 470, 520, 'lower', 'Improvement on previous year'],
    ['no earlier figure', 470, null, 'lower', 'No figure for the previous year to compare with'],
    ['no polarity', 470, 520, undefined, 'Not judged: the measure has no polarity'],
  ];
  it.each(cases)('%s', (_, latest, previous, polarity, expected) => {
    expect(rateWording(latest, previous, polarity, 'year')).toBe(expected);
  });

  it('names the kind of period', () => {
    expect(periodWord(parsePeriod('Q2 2017/18')?.kind)).toBe('quarter');
    expect(periodWord(parsePeriod('2016/17')?.kind)).toBe('year');
    expect(periodWord(undefined)).toBe('period');
  });
});

describe('forecast if nothing changes', () => {
  const percent: Unit = { kind: 'percent', label: '%' };
  it('carries the baseline forward along the slope', () => {
    expect(forecast(61.8, 2.5, 3, { kind: 'number', label: '' })).toEqual([64.3, 66.8, 69.3]);
  });
  it('keeps percentages between 0 and 100', () => {
    expect(forecast(95, 3, 3, percent)).toEqual([98, 100, 100]);
    expect(forecast(4, -3, 2, percent)).toEqual([1, 0]);
  });
  it('labels the periods after the baseline as the workbook writes them', () => {
    expect(nextPeriodLabels(parsePeriod('2016/17'), 3)).toEqual(['2017/18', '2018/19', '2019/20']);
    expect(nextPeriodLabels(parsePeriod('2099/00'), 1)).toEqual(['2100/01']);
    expect(nextPeriodLabels(parsePeriod('2016'), 2)).toEqual(['2017', '2018']);
    expect(nextPeriodLabels(parsePeriod('Q3 2017/18'), 3)).toEqual(['Q4 2017/18', 'Q1 2018/19', 'Q2 2018/19']);
    expect(nextPeriodLabels(parsePeriod('Q4 2016'), 1)).toEqual(['Q1 2017']);
    expect(nextPeriodLabels(parsePeriod('Nov 2016'), 2)).toEqual(['Dec 2016', 'Jan 2017']);
    expect(nextPeriodLabels(undefined, 1)).toEqual(['Forecast 1']);
  });
});
