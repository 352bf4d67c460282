/**
 * XmR charts and the special-cause rules (issue 21). Expected values are
 * worked out by hand from the published method, and cross-checked against
 * NHSRplotthedots: its tests/testthat/_snaps/ptd_spc_standard.md gives the
 * mean and limits of `set.seed(123); rnorm(20)` with and without screening
 * (the "it returns expected values" test), and its
 * tests/testthat/test-ptd_calculate_point_type.R the run and trend cases.
 */
import { assuranceOf, spcChart, type SpcInput } from '../../../src/core/spc/chart';
import { xmrLimits } from '../../../src/core/spc/limits';
import { outsideLimits, shift, trend, twoInThree } from '../../../src/core/spc/rules';

/** R's rnorm(20) after set.seed(123). */
const RNORM_123 = [
  -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197,
  1.2240818, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.7013559, -0.47279141,
];

const series = (values: number[], rebaseAt?: number): SpcInput[] => values.map((value, i) => ({ label: `P${i + 1}`, value, rebase: i === rebaseAt }));

describe('limits, as NHSRplotthedots computes them', () => {
  test('rnorm(20), seed 123', () => {
    const limits = xmrLimits(RNORM_123);
    expect(limits.mean).toBeCloseTo(0.1416238, 6);
    expect(limits.lpl).toBeCloseTo(-3.01138, 5);
    expect(limits.upl).toBeCloseTo(3.294627, 5);
  });

  test('a large moving range is screened out before the limits are set', () => {
    const values = [...RNORM_123];
    values[14] = 10;
    const screened = xmrLimits(values);
    expect([screened.mean, screened.lpl, screened.upl].map((v) => Number(v.toFixed(6)))).toEqual([0.669416, -2.383666, 3.722497]);
    const unscreened = xmrLimits(values, false);
    expect([unscreened.lpl, unscreened.upl].map((v) => Number(v.toFixed(6)))).toEqual([-4.596625, 5.935457]);
  });

  test('by hand: 10, 12, 11, 13, 12, 14', () => {
    // Mean 12; moving ranges 2, 1, 2, 1, 2 average 1.6; limits 12 ± 2.66 × 1.6 = 7.744 and 16.256.
    const limits = xmrLimits([10, 12, 11, 13, 12, 14]);
    expect(limits.mean).toBe(12);
    expect(limits.averageMovingRange).toBeCloseTo(1.6, 10);
    expect(limits.lpl).toBeCloseTo(7.744, 10);
    expect(limits.upl).toBeCloseTo(16.256, 10);
    expect(limits.nearHigh).toBeCloseTo(12 + (2 / 3) * 2.66 * 1.6, 10);
  });
});

describe('rules', () => {
  const flat = { mean: 0, averageMovingRange: 1, lpl: -2.66, upl: 2.66, nearLow: -1.7733, nearHigh: 1.7733 };

  test('a point outside the limits', () => {
    expect(outsideLimits([0, 3, -3, 2.66], flat)).toEqual([0, 1, -1, 0]);
  });

  test.each([
    // NHSRplotthedots' cases for seven points one side of the mean (+1 above, -1 below).
    [[1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0]],
    [[1, 1, 1, 1, 1, 1, -1], [0, 0, 0, 0, 0, 0, 0]],
    [[1, 1, 1, 1, 1, 1, 1, 1, -1], [1, 1, 1, 1, 1, 1, 1, 1, 0]],
    [[-1, -1, -1, -1, -1, -1, -1, -1, 1], [-1, -1, -1, -1, -1, -1, -1, -1, 0]],
    // A point on the mean breaks a run.
    [[1, 1, 1, 0, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0]],
  ])('a shift: %j → %j', (values, expected) => {
    expect(shift(values, flat)).toEqual(expected);
  });

  test.each([
    [[1, 2, 3, 4, 5, 6], [0, 0, 0, 0, 0, 0]],
    [[1, 2, 3, 3, 4, 5, 6], [0, 0, 0, 0, 0, 0, 0]],
    [[1, 2, 3, 4, 5, 6, 7], [1, 1, 1, 1, 1, 1, 1]],
    [[2, 1, 2, 3, 4, 5, 6, 7, 3], [0, 1, 1, 1, 1, 1, 1, 1, 0]],
    [[7, 6, 5, 4, 3, 2, 1], [-1, -1, -1, -1, -1, -1, -1]],
    [[2, 7, 6, 5, 4, 3, 2, 1, 3], [0, -1, -1, -1, -1, -1, -1, -1, 0]],
  ])('a trend: %j → %j', (values, expected) => {
    expect(trend(values)).toEqual(expected);
  });

  test('run lengths are configurable', () => {
    expect(trend([1, 2, 3, 4, 5], 5)).toEqual([1, 1, 1, 1, 1]);
    expect(shift([1, 1, 1, 1, 1, -1], flat, 5)).toEqual([1, 1, 1, 1, 1, 0]);
  });

  test('two out of three beyond two sigma, on one side', () => {
    // 2 and 2.5 are beyond 1.7733 and inside 2.66; 0.5 is on the same side.
    expect(twoInThree([0.5, 2, 2.5, -0.5], flat)).toEqual([0, 1, 1, 0]);
    // Two close points but the third of the window is on the other side, and no other window has two: none.
    expect(twoInThree([-0.5, 2, 2.2, -0.1, -0.2], flat)).toEqual([0, 0, 0, 0, 0]);
    expect(twoInThree([-0.5, 2, 2.2], flat)).toEqual([0, 0, 0]);
    // Beyond the limit is "outside", not "close".
    expect(twoInThree([0.5, 3, 2.5], flat)).toEqual([0, 0, 0]);
    expect(twoInThree([-2, 0, -2.1], flat)).toEqual([0, 0, 0]);
    expect(twoInThree([-2, -0.1, -2.1], flat)).toEqual([-1, 0, -1]);
  });
});

describe('variation and assurance', () => {
  const steady = [50, 52, 49, 51, 50, 53, 48, 51, 50, 52, 49, 51, 50, 52, 51];

  test('common cause', () => {
    const chart = spcChart(series(steady), 'higher', 60);
    expect(chart).toMatchObject({ variation: 'common-cause', provisional: false });
    expect(chart?.points.every((p) => p.rules.length === 0)).toBe(true);
  });

  test.each([
    ['higher', 70, 'special-cause-improving'],
    ['lower', 70, 'special-cause-concerning'],
    ['band', 70, 'special-cause-neither'],
    [undefined, 70, 'special-cause-neither'],
  ] as const)('a latest point far above: %s is better → %s', (polarity, latest, variation) => {
    const chart = spcChart(series([...steady, latest]), polarity, 60);
    expect(chart?.variation).toBe(variation);
    expect(chart?.latestRule).toBe('outside-limits');
  });

  test('a shift: the last seven quarters all above the mean', () => {
    // Mean 51.29: the first seven are below it, the last seven above.
    const values = [50, 49, 51, 50, 48, 50, 49, 52, 53, 52, 54, 53, 52, 55];
    const chart = spcChart(series(values), 'higher', 60);
    // Both halves are runs of seven: below the mean, then above it.
    expect(chart?.points.map((p) => (p.rules.includes('shift') ? p.side : 0))).toEqual([...new Array(7).fill(-1), ...new Array(7).fill(1)]);
    expect(chart?.variation).toBe('special-cause-improving');
  });

  test.each([
    // Mean 50, limits 50 ± 2.66 × amr.
    ['higher', 40, 'pass'],
    ['higher', 60, 'fail'],
    ['higher', 51, 'hit-or-miss'],
    ['lower', 40, 'fail'],
    ['lower', 60, 'pass'],
    ['higher', undefined, 'none'],
    [undefined, 51, 'polarity-unknown'],
    [undefined, undefined, 'none'],
  ] as const)('assurance, %s is better, target %s → %s', (polarity, target, assurance) => {
    expect(assuranceOf({ mean: 50, averageMovingRange: 2, lpl: 44.68, upl: 55.32, nearLow: 46.45, nearHigh: 53.55 }, polarity, target)).toBe(assurance);
  });

  test('assurance for a band: the limits inside it pass, outside fail, across it hit or miss', () => {
    const limits = { mean: 50, averageMovingRange: 2, lpl: 44.68, upl: 55.32, nearLow: 46.45, nearHigh: 53.55 };
    expect(assuranceOf(limits, 'band', 50, { low: 40, high: 60 })).toBe('pass');
    expect(assuranceOf(limits, 'band', 70, { low: 65, high: 75 })).toBe('fail');
    expect(assuranceOf(limits, 'band', 52, { low: 50, high: 54 })).toBe('hit-or-miss');
    expect(assuranceOf(limits, 'band', 52, undefined)).toBe('none');
  });
});

describe('baselines, rebasing and short series', () => {
  test('fewer than six points: no chart', () => {
    expect(spcChart(series([1, 2, 3, 4, 5]), 'higher', 3)).toBeUndefined();
  });

  test('fewer than fifteen: provisional', () => {
    expect(spcChart(series([1, 2, 1, 2, 1, 2]), 'higher', 3)?.provisional).toBe(true);
  });

  test('limits from the first N points; later points judged against them', () => {
    // Baseline 10, 12, 11, 13, 12, 14: limits 7.744 to 16.256; 17 and 18 later are outside.
    const chart = spcChart(series([10, 12, 11, 13, 12, 14, 17, 18]), 'higher', 15, undefined, { baselinePoints: 6 });
    expect(chart?.limits.upl).toBeCloseTo(16.256, 10);
    expect(chart?.points.map((p) => p.rules.includes('outside-limits'))).toEqual([false, false, false, false, false, false, true, true]);
  });

  test('a rebase starts new limits from that period', () => {
    const before = [50, 52, 49, 51, 50, 53, 48];
    const after = [70, 72, 69, 71, 70, 73, 68];
    const chart = spcChart(series([...before, ...after], 7), 'higher', 60);
    expect(chart?.limits.mean).toBeCloseTo(70.428571, 5);
    expect(chart?.points[0].limits.mean).toBeCloseTo(50.428571, 5);
    expect(chart?.variation).toBe('common-cause');
    expect(chart?.assurance).toBe('pass');
    expect(chart?.ignoredRebases).toEqual([]);
  });

  test('a rebase that leaves too few points is not made', () => {
    const chart = spcChart(series([50, 52, 49, 51, 50, 53, 48, 70, 72], 7), 'higher', 60);
    expect(chart?.ignoredRebases).toEqual(['P8']);
    expect(chart?.points.every((p) => p.limits === chart.limits)).toBe(true);
  });
});
