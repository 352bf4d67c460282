import fc from 'fast-check';
import { classify, directionOfTravel, statusRank } from '../../../src/core/measures/status';
import type { Band, Polarity } from '../../../src/core/measures/types';

const band: Band = { low: 40, high: 50 };

describe('classify: higher is better, target 45, band 40–50', () => {
  test.each([
    [55, 'exceeded'],
    [50.01, 'exceeded'],
    [50, 'met'], // on the better end: not beyond it
    [45, 'met'], // on target
    [44.99, 'within-tolerance'],
    [40, 'within-tolerance'], // on the worse end
    [39.99, 'not-met'],
  ])('%d → %s', (actual, status) => {
    expect(classify({ actual, target: 45, band, polarity: 'higher' })).toBe(status);
  });
});

describe('classify: lower is better, target 45, band 40–50', () => {
  test.each([
    [39.99, 'exceeded'],
    [40, 'met'],
    [45, 'met'],
    [45.01, 'within-tolerance'],
    [50, 'within-tolerance'],
    [50.01, 'not-met'],
  ])('%d → %s', (actual, status) => {
    expect(classify({ actual, target: 45, band, polarity: 'lower' })).toBe(status);
  });
});

describe('classify: plan is best', () => {
  test.each([
    [40, 'met'],
    [50, 'met'],
    [45, 'met'],
    [39.9, 'not-met'],
    [50.1, 'not-met'],
  ])('band 40–50: %d → %s', (actual, status) => {
    expect(classify({ actual, target: 45, band, polarity: 'band' })).toBe(status);
  });
  test('without a band only the target itself is met', () => {
    expect(classify({ actual: 45, target: 45, polarity: 'band' })).toBe('met');
    expect(classify({ actual: 45.1, target: 45, polarity: 'band' })).toBe('not-met');
  });
});

describe('classify: without a band', () => {
  test.each([
    ['higher', 46, 'met'],
    ['higher', 45, 'met'],
    ['higher', 44, 'not-met'],
    ['lower', 44, 'met'],
    ['lower', 46, 'not-met'],
  ] as [Polarity, number, string][])('%s, %d → %s (nothing is exceeded)', (polarity, actual, status) => {
    expect(classify({ actual, target: 45, polarity })).toBe(status);
  });
});

describe('classify: special cases', () => {
  test('no actual is no data', () => expect(classify({ actual: null, target: 45, polarity: 'higher' })).toBe('no-data'));
  test('no target is no target', () => expect(classify({ actual: 45, polarity: 'higher' })).toBe('no-target'));
  test('no polarity cannot be judged', () => expect(classify({ actual: 45, target: 45 })).toBe('polarity-unknown'));
  test('no target is no target, polarity or not', () => expect(classify({ actual: 45 })).toBe('no-target'));
  test('float noise never flips a status', () => {
    expect(classify({ actual: 0.1 + 0.2, target: 0.3, polarity: 'higher' })).toBe('met');
    expect(classify({ actual: 0.1 + 0.2, target: 0.3, polarity: 'lower' })).toBe('met');
    expect(classify({ actual: 0.3, target: 0.1 + 0.2, polarity: 'band' })).toBe('met');
  });
  test('compares at the precision shown', () => {
    // 44.96 shown to one decimal place is 45.0: on target.
    expect(classify({ actual: 44.96, target: 45, polarity: 'higher', decimals: 1 })).toBe('met');
    expect(classify({ actual: 44.96, target: 45, polarity: 'higher' })).toBe('not-met');
  });
  test('a band that leaves the target out is used as written', () => {
    // Lower is better, target 38, band 40–45: 42 is worse than target but inside the band.
    expect(classify({ actual: 42, target: 38, band: { low: 40, high: 45 }, polarity: 'lower' })).toBe('within-tolerance');
    expect(classify({ actual: 39, target: 38, band: { low: 40, high: 45 }, polarity: 'lower' })).toBe('exceeded');
  });
});

describe('property: a better actual never gets a worse status', () => {
  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
  test.each(['higher', 'lower'] as Polarity[])('%s', (polarity) => {
    fc.assert(
      fc.property(finite, finite, finite, finite, fc.option(fc.tuple(finite, finite), { nil: undefined }), (a, b, target, _unused, ends) => {
        const bandOrNone = ends ? { low: Math.min(...ends), high: Math.max(...ends) } : undefined;
        const [worse, better] = polarity === 'higher' ? [Math.min(a, b), Math.max(a, b)] : [Math.max(a, b), Math.min(a, b)];
        const worseStatus = classify({ actual: worse, target, band: bandOrNone, polarity });
        const betterStatus = classify({ actual: better, target, band: bandOrNone, polarity });
        return statusRank(betterStatus) >= statusRank(worseStatus);
      }),
      { numRuns: 2000 },
    );
  });
  test('plan is best: moving into the band never makes it worse', () => {
    fc.assert(
      fc.property(finite, finite, finite, (x, lo, hi) => {
        const b = { low: Math.min(lo, hi), high: Math.max(lo, hi) };
        const inside = classify({ actual: (b.low + b.high) / 2, target: (b.low + b.high) / 2, band: b, polarity: 'band' });
        const anywhere = classify({ actual: x, target: (b.low + b.high) / 2, band: b, polarity: 'band' });
        return statusRank(inside) >= statusRank(anywhere);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('directionOfTravel', () => {
  test.each([
    [50, 45, 'higher', 'improving'],
    [40, 45, 'higher', 'worsening'],
    [45, 45, 'higher', 'no-change'],
    [0.1 + 0.2, 0.3, 'higher', 'no-change'],
    [40, 45, 'lower', 'improving'],
    [50, 45, 'lower', 'worsening'],
    [null, 45, 'higher', 'n/a'],
    [45, null, 'higher', 'n/a'],
    [45, 40, undefined, 'n/a'],
  ] as [number | null, number | null, Polarity | undefined, string][])('%p after %p, %s → %s', (later, earlier, polarity, expected) => {
    expect(directionOfTravel(later, earlier, polarity)).toBe(expected);
  });

  test('plan is best: toward the band is improving, from either side', () => {
    expect(directionOfTravel(52, 55, 'band', band)).toBe('improving');
    expect(directionOfTravel(38, 35, 'band', band)).toBe('improving');
    expect(directionOfTravel(55, 52, 'band', band)).toBe('worsening');
    expect(directionOfTravel(42, 48, 'band', band)).toBe('no-change'); // inside both times
    expect(directionOfTravel(44, 42, 'band', undefined, 45)).toBe('improving'); // toward the target without a band
  });
});
