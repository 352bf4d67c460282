/**
 * Budget sheets as finance teams write them (issue 20): "of which" breakdowns
 * beneath a line, and lines in £'000 beside a £m column.
 */
import { findBudgetsSheet, readBudgetSheet } from '../../../src/core/budgets/reader';
import { analyseBudgets } from '../../../src/core/budgets/analyse';
import { type GridValue, sheetGrid, workbook } from '../../fixtures/actions/grids';

function read(rows: GridValue[][]) {
  const grids = workbook(sheetGrid('Budgets', rows));
  const location = findBudgetsSheet(grids);
  if (!location?.header) throw new Error('no Budgets sheet found');
  return readBudgetSheet(location.sheet, location.header);
}

test('"of which" lines are a breakdown of the line above, not added to the strategy again', () => {
  const sheet = read([
    ['Strategy', 'Service line', 'Budget (£m)', 'Strategy total (£m)'],
    ['Early Help', 'Family support', 1.2, 2],
    ['Early Help', 'of which: agency staff', 0.3, null],
    ['Early Help', '- of which parenting courses', 0.2, null],
    ['Early Help', 'Speech and language', 0.8, null],
  ]);
  const [earlyHelp] = sheet.strategies;
  expect(earlyHelp.lines.map((l) => [l.name, l.budget?.value])).toEqual([['Family support', 1.2], ['Speech and language', 0.8]]);
  expect(earlyHelp.lines[0].ofWhich?.map((l) => [l.name, l.budget?.value])).toEqual([['agency staff', 0.3], ['parenting courses', 0.2]]);
  expect(sheet.issues).toEqual([]);
});

test('a breakdown larger than its line is an Issue at the line’s budget figure', () => {
  const sheet = read([
    ['Strategy', 'Service line', 'Budget (£m)'],
    ['Early Help', 'Family support', 1.2],
    ['Early Help', 'of which agency staff', 1.5],
  ]);
  expect(sheet.issues.map((i) => [i.cell, i.message])).toEqual([['C2', 'the "of which" lines under Family support add up to £1.5m, more than its £1.2m']]);
});

test("lines in £'000 beside a £m column are read in their own unit", () => {
  const sheet = read([
    ['Strategy', 'Service line', 'Budget (£m)'],
    ['Youth justice', 'Youth offending team', 1.1],
    ["Youth justice", "Remand placements (£'000)", 450],
    ["Prevention (£'000)", null, null],
    [null, 'Detached youth work', 120],
    [null, 'Mentoring', 80],
  ]);
  expect(sheet.unit).toBe('millions');
  expect(sheet.strategies.map((s) => [s.name, s.lines.map((l) => [l.name, l.budget?.value])])).toEqual([
    ['Youth justice', [['Youth offending team', 1.1], ['Remand placements', 0.45]]],
    ['Prevention', [['Detached youth work', 0.12], ['Mentoring', 0.08]]],
  ]);
});

test('the stated total agrees once the breakdown is left out', () => {
  const grids = workbook(
    sheetGrid('Budgets', [
      ['Strategy', 'Service line', 'Budget (£m)', 'Strategy total (£m)'],
      ['Early Help', 'Family support', 1.2, 2],
      ['Early Help', 'of which: agency staff', 0.3, null],
      ['Early Help', 'Speech and language', 0.8, null],
    ]),
  );
  const analysis = analyseBudgets(grids);
  if (analysis.kind !== 'reconciled') throw new Error(analysis.reason);
  expect(analysis.reconciliation.strategies.map((s) => [s.strategy.name, s.linesTotal, s.difference, s.reconciles])).toEqual([['Early Help', 2, 0, true]]);
});
