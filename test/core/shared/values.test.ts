import { formatDecimals, groupThousands, isDateFormat, isNoDataText, isoDateToSerial, parseNumberText, readCellNumber, roundTo, serialToIsoDate } from '../../../src/core/shared/values';

describe('parseNumberText', () => {
  test.each([
    ['45%', 45, 1, true, false, 0],
    ['1,234', 1234, 1, false, false, 0],
    ['£0.9m', 0.9, 1e6, false, true, 1],
    ['£210k', 210, 1e3, false, true, 0],
    ['(0.21)', -0.21, 1, false, false, 2],
    ['-£0.21m', -0.21, 1e6, false, true, 2],
    ['£-0.21m', -0.21, 1e6, false, true, 2],
    ['12.50', 12.5, 1, false, false, 2],
    [' 7 days', 7, 1, false, false, 0],
    ['.5', 0.5, 1, false, false, 1],
  ])('%p', (text, value, multiplier, percent, currency, decimals) => {
    expect(parseNumberText(text)).toEqual({ value, multiplier, percent, currency, decimals });
  });
  test.each(['about 40', '12 to 14', '--5', '1,23', 'x', '45%%', ''])('%p is not a number', (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });
});

describe('readCellNumber', () => {
  test('a percent-formatted cell reads on the 0–100 scale', () => {
    expect(readCellNumber({ value: 0.455, numberFormat: '0.0%' })).toEqual({
      kind: 'number',
      reading: { value: 45.5, multiplier: 1, percent: true, currency: false, decimals: 1 },
    });
  });
  test.each([
    [undefined, 'blank'],
    [{ value: 'Not available' }, 'words'],
    [{ value: 'n/a' }, 'words'],
    [{ value: '-' }, 'words'],
    [{ value: { error: '#DIV/0!' } }, 'error'],
  ])('%p is no data (%s)', (cell, reason) => {
    const read = readCellNumber(cell);
    expect(read.kind === 'no-data' && read.reason).toBe(reason);
  });
  test('text that is not a number says so', () => {
    expect(readCellNumber({ value: 'about 40' })).toEqual({ kind: 'not-a-number', text: 'about 40' });
  });
});

describe('formats and dates', () => {
  test.each([
    ['0.0', 1],
    ['#,##0.00', 2],
    ['0%', 0],
    ['"£"#,##0.00"m"', 2],
    ['General', undefined],
    [undefined, undefined],
  ])('decimals of %p = %p', (format, decimals) => expect(formatDecimals(format)).toBe(decimals));
  test.each([['dd/mm/yyyy', true], ['d-mmm-yy', true], ['mmm yyyy', true], ['0.0', false], ['[Red]0.0', false]])('%p is a date format: %p', (f, is) => {
    expect(isDateFormat(f)).toBe(is);
  });
  test('serials round-trip', () => {
    expect(serialToIsoDate(43190)).toBe('2018-03-31');
    expect(isoDateToSerial('2018-03-31')).toBe(43190);
  });
  test('rounding without binary noise', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
  });
  test.each(['', 'N/A', 'Not available', '..', 'tbc'])('%p means no data', (text) => expect(isNoDataText(text)).toBe(true));
});

describe('groupThousands', () => {
  test.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [3_000_000, '3,000,000'],
    ['1234.50', '1,234.50'],
    ['123456.7', '123,456.7'],
    [12.5, '12.5'],
  ])('%p → %p', (value, expected) => {
    expect(groupThousands(value)).toBe(expected);
    if (typeof value === 'number') expect(groupThousands(value)).toBe(value.toLocaleString('en-GB'));
  });
});
