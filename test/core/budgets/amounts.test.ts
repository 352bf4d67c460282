import type { Cell } from '../../../src/model/grid';
import {
  type BudgetUnit, formatMoney, headerUnit, headerWithoutUnit, moneyFormat, readAmount, roundingTolerance,
} from '../../../src/core/budgets/amounts';

const cell = (value: Cell['value'], numberFormat?: string): Cell => (numberFormat ? { value, numberFormat } : { value });

describe('readAmount', () => {
  const cases: { title: string; cell: Cell | undefined; unit?: BudgetUnit; column?: BudgetUnit; value: number; decimals: number; pounds?: boolean }[] = [
    { title: 'a plain number in a £m sheet', cell: cell(12.07), value: 12.07, decimals: 2 },
    { title: 'a number formatted "£"0.0"m" shows one place', cell: cell(12.4, '"£"#,##0.0"m"'), value: 12.4, decimals: 1 },
    { title: '"£12.07m"', cell: cell('£12.07m'), value: 12.07, decimals: 2 },
    { title: '"£12.4m" is stated to £0.1m', cell: cell('£12.4m'), value: 12.4, decimals: 1 },
    { title: '"(0.21)" is negative', cell: cell('(0.21)'), value: -0.21, decimals: 2 },
    { title: '"-£0.21m"', cell: cell('-£0.21m'), value: -0.21, decimals: 2 },
    { title: '"£210k" in a £m sheet is £0.21m, to £1k', cell: cell('£210k'), value: 0.21, decimals: 3 },
    { title: '"£1,234,000" is pounds', cell: cell('£1,234,000'), value: 1.234, decimals: 6 },
    { title: 'a bare 1234000 is too large for £m: pounds', cell: cell(1234000), value: 1.234, decimals: 6, pounds: true },
    { title: 'a number stored in pounds and shown in £m', cell: cell(12370000, '"£"#,##0.0,,"m"'), value: 12.37, decimals: 1 },
    { title: 'the column header decides bare figures', cell: cell(450), column: 'thousands', value: 0.45, decimals: 3 },
    { title: '"£210k" in a £k sheet', cell: cell('£210k'), unit: 'thousands', value: 210, decimals: 0 },
    { title: '"£12.4m" in a sheet in pounds is good to £100,000', cell: cell('£12.4m'), unit: 'pounds', value: 12_400_000, decimals: -5 },
    { title: '"£1,234,000" in a sheet in pounds', cell: cell('£1,234,000'), unit: 'pounds', value: 1_234_000, decimals: 0 },
  ];
  test.each(cases)('$title', ({ cell: c, unit = 'millions', column, value, decimals, pounds = false }) => {
    const reading = readAmount(c, unit, column);
    expect(reading).toEqual({ kind: 'amount', amount: { value, decimals }, readAsPounds: pounds });
  });

  test.each([
    ['45%', '45%'],
    ['about 2m', 'about 2m'],
    ['n/a', 'n/a'],
  ])('%s is not an amount', (text, reported) => {
    expect(readAmount(cell(text), 'millions')).toEqual({ kind: 'not-an-amount', text: reported });
  });

  test('a blank cell is blank', () => {
    expect(readAmount(undefined, 'millions')).toEqual({ kind: 'blank' });
  });
});

describe('headers', () => {
  test.each([
    ['Budget (£m)', 'millions', 'Budget'],
    ["Budget £'000", 'thousands', 'Budget'],
    ['Spend £k', 'thousands', 'Spend'],
    ['Amount (£)', 'pounds', 'Amount'],
    ['Forecast outturn (£m) 2017/18', 'millions', 'Forecast outturn'],
    ['Budget 2017/18', undefined, 'Budget'],
    ['Budget in millions', 'millions', 'Budget'],
  ])('%s → %s, matched as %s', (header, unit, stripped) => {
    expect(headerUnit(header)).toBe(unit);
    expect(headerWithoutUnit(header)).toBe(stripped);
  });
});

describe('money in words and formats', () => {
  test.each([
    [12.4, 'millions', 2, '£12.40m'],
    [-0.21, 'millions', 2, '-£0.21m'],
    [0.004, 'millions', 2, '£0.00m'],
    [1_234_000, 'pounds', 0, '£1,234,000'],
    [210, 'thousands', 0, '£210k'],
  ] as const)('%s %s to %s places → %s', (value, unit, decimals, text) => {
    expect(formatMoney(value, unit, decimals)).toBe(text);
  });

  test('the number format keeps the unit and precision', () => {
    expect(moneyFormat('millions', 2)).toBe('"£"#,##0.00"m"');
    expect(moneyFormat('pounds', 0)).toBe('"£"#,##0');
  });

  test('rounding tolerance is half the last place shown', () => {
    expect(roundingTolerance(1)).toBeCloseTo(0.05, 12);
    expect(roundingTolerance(2)).toBeCloseTo(0.005, 12);
    expect(roundingTolerance(-5)).toBeCloseTo(50_000, 6);
  });
});
