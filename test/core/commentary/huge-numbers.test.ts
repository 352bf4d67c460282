/** Figures at the edges of what a double holds (issue 17): the commentary never writes "In,fin,ity.0 days" or "1e+294". */
import { formatSignedPercent, formatValue, plainNumber } from '../../../src/core/commentary/format';
import { reports } from '../../../src/core/reports';
import { roundTo } from '../../../src/core/shared/values';
import { sheetGrid, workbook } from '../../helpers/grids';

const DAYS = { kind: 'days', label: 'Days' } as const;

describe('huge and overflowing numbers', () => {
  it('writes whole numbers beyond toFixed as Excel shows them: fifteen significant digits, then zeros', () => {
    expect(plainNumber(1.7e25, 0)).toBe('17,000,000,000,000,000,000,000,000');
    expect(plainNumber(-1.23456789e21, 1)).toBe('−1,234,567,890,000,000,000,000.0');
    expect(plainNumber(Number.MAX_VALUE, 0)).toMatch(/^179,769,313,486,232(,000){98}$/);
  });

  it('writes an overflowed sum as the largest figure, never "Infinity"', () => {
    expect(plainNumber(Infinity, 1)).toBe(plainNumber(Number.MAX_VALUE, 1));
    expect(plainNumber(-Infinity, 0)).toBe(`−${plainNumber(Number.MAX_VALUE, 0)}`);
    expect(plainNumber(NaN, 2)).toBe('0.00');
    expect(formatValue(Infinity, DAYS)).toMatch(/^179,769,313,486,232[0,]+ days$/);
  });

  it('rounds huge values without overflowing', () => {
    expect(roundTo(1.7e308, 3)).toBe(1.7e308);
    expect(roundTo(2 ** 53 + 2, 2)).toBe(2 ** 53 + 2);
    expect(formatSignedPercent(1e300)).toMatch(/^\+1(,000)+\.0%$/);
  });

  it('a commentary on measures with huge figures and a vanishing target says nothing unreadable', () => {
    const rows = [
      ['Measure ID', 'Measure', 'Unit', 'Polarity', 'Target', 'Q1 2017/18', 'Q2 2017/18', 'Q3 2017/18', 'Q4 2017/18'],
      ['M1', 'Huge days', 'Days', 'Lower is better', 10, 1e300, -1e300, 1.7e308, -1.7e308],
      ['M2', 'Tiny target', '%', 'Higher is better', 5e-324, 1, 2, 3, 4],
      ['M3', 'Big money', '£', 'Higher is better', 1e25, 3e24, 2e22, 1e300, 9e307],
    ];
    const commentary = reports.find((r) => r.name === 'commentary');
    const result = commentary?.run(workbook(sheetGrid('Measures', rows)), { today: '2018-11-30' });
    const texts = (result?.plan.sheets ?? []).flatMap((s) => s.values.flatMap((b) => b.values.flat())).filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => t.includes('met the target of 0% with 4 percentage points to spare'))).toBe(true);
    expect(texts.filter((t) => /Infinity|In,fin|NaN|\de[+-]?\d/.test(t))).toEqual([]);
  });
});
