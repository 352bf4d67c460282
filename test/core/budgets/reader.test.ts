import { openWorkbook } from '../../../src/adapters/file';
import { findBudgetsSheet, readBudgetSheet } from '../../../src/core/budgets/reader';
import { budgetsReport } from '../../../src/core/budgets/report';
import type { BudgetSheet } from '../../../src/core/budgets/types';
import type { WorkbookGrids } from '../../../src/model/grid';
import { GENERATED_MARKER } from '../../../src/core/shared/sheet-builder';
import { NothingToReportError } from '../../../src/core/errors';
import { EXPECTED, STRATEGIES, columnTotalsBook, totalRowsBook } from '../../fixtures/budgets/budget-books';
import { generatedSheetGrid, type GridValue, sheetGrid, workbook } from '../../fixtures/actions/grids';

function read(grids: WorkbookGrids): BudgetSheet {
  const location = findBudgetsSheet(grids);
  if (!location?.header) throw new Error('no Budgets sheet found');
  return readBudgetSheet(location.sheet, location.header);
}

const readRows = (rows: GridValue[][]) => read(workbook(sheetGrid('Budgets', rows)));

function totals(sheet: BudgetSheet): Record<string, [number, number | undefined]> {
  return Object.fromEntries(
    sheet.strategies.map((s) => [s.name, [Math.round(s.lines.reduce((n, l) => n + (l.budget?.value ?? 0), 0) * 1e6) / 1e6, s.stated?.amount.value]]),
  );
}

const expectedTotals = Object.fromEntries(Object.entries(EXPECTED).map(([name, [lines, stated]]) => [name, [lines, stated]]));

describe('both ways of stating a total', () => {
  test('a Strategy total column, with every amount format', async () => {
    const sheet = read((await openWorkbook(await columnTotalsBook())).grids);
    expect(totals(sheet)).toEqual(expectedTotals);
    expect(sheet).toMatchObject({ sheet: 'Budgets', unit: 'millions', decimals: 2, hasOutturn: true, issues: [] });
    expect(sheet.unitSource).toBe("as the amounts are written ('£1.20m')");
    expect(sheet.strategies.every((s) => s.stated?.style === 'column')).toBe(true);
    const earlyHelp = sheet.strategies[0];
    expect(earlyHelp.lines.map((l) => [l.name, l.budget?.value, l.outturn?.value])).toEqual([
      ['Family Support', 1.2, 1.25],
      ['Speech & Language Therapy', 0.45, 0.45],
      ['Parenting Programmes', 0.8, 0.78],
      ['Troubled Families grant income', -0.5, -0.45],
    ]);
    expect(earlyHelp.lines[3].notes).toBe('Income shown as a negative');
  });

  test('a Total row under each strategy, the strategy merged down its lines, and a grand total', async () => {
    const sheet = read((await openWorkbook(await totalRowsBook())).grids);
    expect(sheet.sheet).toBe('Budget');
    expect(totals(sheet)).toEqual(expectedTotals);
    expect(sheet).toMatchObject({ unit: 'millions', unitSource: "from the header 'Budget (£m)'", hasOutturn: false, issues: [] });
    expect(sheet.strategies.every((s) => s.stated?.style === 'row')).toBe(true);
    const lac = sheet.strategies.find((s) => s.name === STRATEGIES.lac);
    expect(lac?.stated?.amount).toEqual({ value: 12.4, decimals: 1 });
    expect(sheet.grandTotal?.amount.value).toBeCloseTo(29.12, 9);
  });

  test('the two layouts reconcile alike', async () => {
    const results = await Promise.all(
      [columnTotalsBook, totalRowsBook].map(async (make) => {
        const json = budgetsReport.run((await openWorkbook(await make())).grids, { today: '2017-10-20' }).json as { strategies: { strategy: string; reconciles: boolean }[] };
        return Object.fromEntries(json.strategies.map((s) => [s.strategy, s.reconciles]));
      }),
    );
    const expected = Object.fromEntries(Object.entries(EXPECTED).map(([name, [, , reconciles]]) => [name, reconciles]));
    expect(results).toEqual([expected, expected]);
  });

  test('strategy headings above their lines, with no Strategy column', () => {
    const sheet = readRows([
      ['Commissioning budgets'],
      ['Service line', 'Budget £000'],
      ['Early Help'],
      ['Family Support', 1200],
      ['Parenting', 800],
      ['Total', 2000],
      ['Youth Justice'],
      ['Youth Offending Service', 2160],
      ['Youth Justice total', 2160],
    ]);
    expect(sheet.unit).toBe('thousands');
    expect(totals(sheet)).toEqual({ 'Early Help': [2000, 2000], 'Youth Justice': [2160, 2160] });
  });
});

describe('less tidy layouts', () => {
  test('a strategy row carrying its total, lines below it, "Total budget" and "Sub-total" rows', () => {
    const sheet = readRows([
      ['Strategy', 'Service line', 'Budget (£m)', 'Strategy total (£m)'],
      ['Early Help', null, null, 1.95],
      [null, 'Family Support', 1.2, null],
      [null, 'Parenting', 0.75, null],
      ['Youth Justice', 'Youth Offending Service', 2.16, null],
      [null, 'Total budget', 2.16, null],
      ['Education Support', 'SEN transport', 2.5, null],
      [null, 'Sub-total', 2.5, null],
      [null, null, 9.99, null],
    ]);
    expect(totals(sheet)).toEqual({ 'Early Help': [1.95, 1.95], 'Youth Justice': [2.16, 2.16], 'Education Support': [2.5, 2.5] });
    expect(sheet.issues).toEqual([{ sheet: 'Budgets', cell: 'C9', message: 'a figure with no service line or strategy beside it — left out' }]);
  });
});

describe('units', () => {
  test('bare figures under 1,000 with no unit are £m, and the sheet says so', () => {
    const sheet = readRows([['Strategy', 'Service line', 'Budget'], ['Early Help', 'Family Support', 1.2]]);
    expect(sheet.unit).toBe('millions');
    expect(sheet.unitSource).toBe('no unit is given and every figure is under 1,000, so they are read as £m');
  });
  test('a sheet in pounds reconciles to the rounding of "£2.5m"', () => {
    const grids = workbook(sheetGrid('Budgets', [
      ['Strategy', 'Service line', 'Budget', 'Strategy total'],
      ['Early Help', 'Family Support', '£1,234,000', '£2.5m'],
      ['Early Help', 'Parenting', '£1,300,000', null],
    ]));
    const json = budgetsReport.run(grids, { today: '2017-10-20' }).json as { strategies: object[] };
    expect(json.strategies[0]).toMatchObject({ lines_total: 2_534_000, stated_total: 2_500_000, difference: 34_000, tolerance: 50_000, reconciles: true, unit: '£' });
  });
});

describe('problems become issues, never crashes', () => {
  test('each names its cell and says what was done', () => {
    const sheet = readRows([
      ['Strategy', 'Service line', 'Budget (£m)', 'Strategy total'],
      [null, 'Orphan line', 0.5, null],
      ['Early Help', 'Family Support', 'about 2m', '£1.95m'],
      ['Early Help', 'Parenting', null, '£2.00m'],
      ['Early Help', 'Outreach', 1234000, null],
    ]);
    expect(sheet.issues).toEqual([
      { sheet: 'Budgets', cell: 'A2', message: "no strategy is given for 'Orphan line' — counted under '(no strategy)'" },
      { sheet: 'Budgets', cell: 'C3', message: "'about 2m' is not an amount — Family Support is left out of Early Help's sum of lines" },
      { sheet: 'Budgets', cell: 'C4', message: "no budget is given for Parenting — left out of Early Help's sum of lines" },
      { sheet: 'Budgets', cell: 'D4', message: 'the stated total for Early Help (£2.00m) differs from the £1.95m stated above — the first was used' },
      { sheet: 'Budgets', cell: 'C5', message: "the budget '1234000' is too large to be in £m — read as pounds (£1.234m)" },
    ]);
  });

  test('a Budgets sheet without the headers, or without lines, is nothing to report', () => {
    const run = (rows: GridValue[][]) => () => budgetsReport.run(workbook(sheetGrid('Budgets', rows)), { today: '2017-10-20' });
    expect(run([['Nothing here'], [1, 2]])).toThrow(
      new NothingToReportError('the Budgets sheet has no header row naming a service line and a budget (such as "Service line" and "Budget (£m)")'),
    );
    expect(run([['Strategy', 'Service line', 'Budget']])).toThrow(new NothingToReportError('the Budgets sheet has no service lines under its header row'));
  });
});

describe('finding the Budgets sheet', () => {
  test('by its headers when it has another name; never Ragbook’s own sheet', () => {
    const own = generatedSheetGrid('Budget reconciliation', [['Budget reconciliation'], [`${GENERATED_MARKER}: …`], ['Strategy', 'Service line', 'Budget']]);
    const finance = sheetGrid('Q2 finance', [['Commissioning strategy', 'Service', 'Net budget'], ['Early Help', 'Family Support', 1]]);
    expect(findBudgetsSheet(workbook(own, finance))?.sheet.name).toBe('Q2 finance');
    expect(budgetsReport.appliesTo?.(workbook(own))).toBe(false);
  });
});
