import { valueAxisFor } from '../../../src/core/shared/chart-axis';

describe('a value axis scaled to the data', () => {
  test.each([
    ['figures from 60 to 70 do not start at 0', [60, 64.5, 70], false, { min: 58, max: 72 }],
    ['figures near zero start at zero', [0.5, 3, 9], false, { min: 0, max: 10 }],
    ['percentages stop at 100', [91, 97, 100], true, { min: 90, max: 100 }],
    ['one flat figure still gets a span', [45, 45], false, { min: 44, max: 46 }],
    ['negative figures keep below zero', [-12, -3, 4], false, { min: -15, max: 5 }],
    ['decimals stay clean', [0.31, 0.36], false, { min: 0.3, max: 0.37 }],
  ])('%s', (_, values, percent, bounds) => {
    const axis = valueAxisFor(values, percent);
    expect(axis).toEqual(bounds);
  });

  test('no figures, no bounds; blanks are skipped', () => {
    expect(valueAxisFor([null, undefined])).toBeUndefined();
    expect(valueAxisFor([null, 62, undefined, 66])).toEqual({ min: 61, max: 67 });
  });
});
