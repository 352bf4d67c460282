import fc from 'fast-check';
import { formatDifference, formatRange, formatSignedDifference, formatSignedPercent, formatValue, plainNumber, sensibleDecimals } from '../../../src/core/commentary/format';
import { roundTo } from '../../../src/core/shared/values';
import { parseUnit } from '../../../src/core/measures/polarity';

describe('formatValue', () => {
  test.each([
    { unit: '%', value: 45.2, decimals: undefined, expected: '45.2%' },
    { unit: '%', value: 45, decimals: 1, expected: '45.0%' },
    { unit: 'Percentage', value: 66.66666666, decimals: undefined, expected: '66.67%' },
    { unit: 'Days', value: 12, decimals: undefined, expected: '12 days' },
    { unit: 'Days', value: 1, decimals: undefined, expected: '1 day' },
    { unit: 'Rate per 10,000', value: 38.25, decimals: 1, expected: '38.3 per 10,000' },
    { unit: 'Rate per 10,000 children', value: 410, decimals: undefined, expected: '410 per 10,000 children' },
    { unit: 'Rate per 100,000', value: 354, decimals: undefined, expected: '354 per 100,000' },
    { unit: '£m', value: 1.2, decimals: undefined, expected: '£1.2m' },
    { unit: '£m', value: 0.25, decimals: undefined, expected: '£0.25m' },
    { unit: '£m', value: 900_000, decimals: 1, expected: '£0.9m' },
    { unit: '£000', value: 350, decimals: undefined, expected: '£350k' },
    { unit: '£', value: 9500, decimals: undefined, expected: '£9,500' },
    { unit: '£', value: 2_345_000, decimals: undefined, expected: '£2.35m' },
    { unit: 'Number', value: 1684, decimals: undefined, expected: '1,684' },
    { unit: 'Number', value: -3, decimals: undefined, expected: '−3' },
    { unit: 'Number', value: 0.1 + 0.2, decimals: undefined, expected: '0.3' },
    // Counts stay counts (issue 20): the label says what is counted.
    { unit: 'Children', value: 268, decimals: undefined, expected: '268 children' },
    { unit: 'Number of children', value: 1, decimals: undefined, expected: '1 child' },
    { unit: 'No. of families', value: 1200, decimals: undefined, expected: '1,200 families' },
    { unit: 'Number of referrals', value: 1, decimals: undefined, expected: '1 referral' },
    { unit: 'Count', value: 12, decimals: undefined, expected: '12' },
  ])('$value as $unit → $expected', ({ unit, value, decimals, expected }) => {
    expect(formatValue(value, parseUnit(unit), decimals)).toBe(expected);
  });
});

describe('differences', () => {
  test.each([
    { unit: '%', difference: 2.1, expected: '2.1 percentage points', signed: '+2.1 percentage points' },
    { unit: '%', difference: -1, expected: '1 percentage point', signed: '−1 percentage point' },
    { unit: 'Days', difference: -26, expected: '26 days', signed: '−26 days' },
    { unit: 'Rate per 10,000', difference: 8.4, expected: '8.4 per 10,000', signed: '+8.4 per 10,000' },
    { unit: '£m', difference: 0.25, expected: '£0.25m', signed: '+£0.25m' },
    { unit: 'Number', difference: 0, expected: '0', signed: '0' },
  ])('$difference in $unit', ({ unit, difference, expected, signed }) => {
    expect(formatDifference(difference, parseUnit(unit))).toBe(expected);
    expect(formatSignedDifference(difference, parseUnit(unit))).toBe(signed);
  });

  test('percent of target', () => {
    expect(formatSignedPercent(5.2941)).toBe('+5.3%');
    expect(formatSignedPercent(-6.1)).toBe('−6.1%');
    expect(formatSignedPercent(0.01)).toBe('0.0%');
  });
});

test.each([
  { unit: '%', low: 15.5, high: 20.5, expected: '15.5% to 20.5%' },
  { unit: 'Days', low: 416, high: 436, expected: '416 to 436 days' },
  { unit: 'Rate per 10,000', low: 55, high: 65, expected: '55 to 65 per 10,000' },
  { unit: '£m', low: 1.1, high: 1.3, expected: '£1.1m to £1.3m' },
])('ranges: $expected', ({ unit, low, high, expected }) => {
  expect(formatRange(low, high, parseUnit(unit))).toBe(expected);
});

test('sensible decimals: the workbook\'s own, else what the value needs without float noise', () => {
  expect(sensibleDecimals(45.2, 2)).toBe(2);
  expect(sensibleDecimals(45)).toBe(0);
  expect(sensibleDecimals(45.25)).toBe(2);
  expect(sensibleDecimals(45.2000000001)).toBe(1);
  expect(sensibleDecimals(0.1234)).toBe(3);
});

describe('plainNumber', () => {
  test.each([
    [1234.5, 1, '1,234.5'],
    [1234567, 0, '1,234,567'],
    [999.996, 2, '1,000.00'],
    [-0.004, 2, '0.00'],
    [-12345.678, 2, '−12,345.68'],
    [100, 0, '100'],
    // Past a hundred billion a double cannot hold four places: the digits are the number's shortest form, as Intl writes them.
    [603137421989.9061, 4, '603,137,421,989.9062'],
  ])('%p to %p decimals → %p', (value, decimals, expected) => {
    expect(plainNumber(value, decimals)).toBe(expected);
  });

  it('writes what en-GB number formatting writes, for any figure a workbook holds', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 6 }), (value, decimals) => {
        const rounded = roundTo(value, decimals);
        const intl = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Math.abs(rounded));
        expect(plainNumber(value, decimals)).toBe(rounded < 0 ? `−${intl}` : intl);
      }),
      { numRuns: 2000 },
    );
  });
});
