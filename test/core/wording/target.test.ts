import { readTargetWording, resolveBenchmarkTarget } from '../../../src/core/wording/target';
import { readBenchmarkName } from '../../../src/core/wording/benchmark-name';

describe('benchmark names', () => {
  test.each([
    ['National', 'England'],
    ['England average', 'England'],
    ['Nat. ave.', 'England'],
    ['National performance', 'England'],
    ['Stat neighbours', 'Statistical neighbours'],
    ['SN average', 'Statistical neighbours'],
    ['statistical neighbour average', 'Statistical neighbours'],
    ['Similar Authority', 'Similar authorities'],
    ['CIPFA nearest neighbours', 'Similar authorities'],
    ['Regional average', 'Region'],
  ])('%s → %s', (text, name) => {
    expect(readBenchmarkName(text)).toBe(name);
  });
  test.each([['Average'], ['Performance'], ['Council'], ['National Insurance contributions']])('%s names none', (text) => {
    expect(readBenchmarkName(text)).toBeUndefined();
  });
});

describe('targets relative to a benchmark', () => {
  test.each([
    ['In line with National performance', 'percent', { benchmark: 'England' }],
    ['In line with statistical neighbours', 'percent', { benchmark: 'Statistical neighbours' }],
    ['In line with nat. ave.', 'percent', { benchmark: 'England' }],
    ['2 percentage points better than National performance', 'percent', { benchmark: 'England', offset: { value: 2, ofBenchmark: false, side: 'better' } }],
    ['5% below the England average', 'rate', { benchmark: 'England', offset: { value: 5, ofBenchmark: true, side: 'below' } }],
    ['5% below the England average', 'percent', { benchmark: 'England', offset: { value: 5, ofBenchmark: false, side: 'below' } }],
    ['In line with national (58%)', 'percent', { benchmark: 'England', seen: 58 }],
    ['At or better than SN', 'number', { benchmark: 'Statistical neighbours' }],
    ['3 days lower than similar authorities', 'days', { benchmark: 'Similar authorities', offset: { value: 3, ofBenchmark: false, side: 'below' } }],
  ] as const)('%s (%s)', (text, kind, target) => {
    expect(readTargetWording(text, kind)).toEqual({ kind: 'benchmark', target });
  });

  test('a new measure has no target yet', () => {
    expect(readTargetWording('New measure in Council Business Plan for 2017/2018', 'percent')).toEqual({ kind: 'none' });
  });

  test.each([['About 40'], ['Improve'], ['Better than last year']])('%s is not a target wording', (text) => {
    expect(readTargetWording(text, 'number')).toBeUndefined();
  });

  test.each([
    // better/worse follow polarity; above/below are numeric.
    [{ benchmark: 'England', offset: { value: 2, ofBenchmark: false, side: 'better' as const } }, 60, 'higher' as const, 62],
    [{ benchmark: 'England', offset: { value: 2, ofBenchmark: false, side: 'better' as const } }, 60, 'lower' as const, 58],
    [{ benchmark: 'England', offset: { value: 2, ofBenchmark: false, side: 'worse' as const } }, 60, 'higher' as const, 58],
    [{ benchmark: 'England', offset: { value: 5, ofBenchmark: true, side: 'below' as const } }, 40, 'higher' as const, 38],
    [{ benchmark: 'England', offset: { value: 5, ofBenchmark: true, side: 'above' as const } }, 40, 'lower' as const, 42],
    [{ benchmark: 'England' }, 40, undefined, 40],
    [{ benchmark: 'England', offset: { value: 2, ofBenchmark: false, side: 'better' as const } }, 60, 'band' as const, undefined],
  ])('%j from %d, %s is better → %s', (target, figure, polarity, expected) => {
    expect(resolveBenchmarkTarget(target, figure, polarity)).toBe(expected);
  });
});
