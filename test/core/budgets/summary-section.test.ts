import { openWorkbook } from '../../../src/adapters/file';
import { budgetsSummarySection } from '../../../src/core/budgets/summary-section';
import { STRATEGIES, columnTotalsBook } from '../../fixtures/budgets/budget-books';
import { sheetGrid, workbook } from '../../fixtures/actions/grids';

describe('the Summary sheet section', () => {
  test('one row per strategy, coloured by whether it reconciles and by spend', async () => {
    const grids = (await openWorkbook(await columnTotalsBook())).grids;
    const section = budgetsSummarySection(grids, { today: '2017-10-20' });
    if (!section || Array.isArray(section)) throw new Error('expected one section');
    expect(section.header).toEqual(['Strategy', 'Sum of lines', 'Stated total', 'Difference', 'Reconciles', 'Spend against budget']);
    const health = section.rows.findIndex((r) => r[0] === STRATEGIES.health);
    expect(section.rows[health]).toEqual([STRATEGIES.health, 6.2, 4.5, 1.7, 'No', 'Amber']);
    expect(section.cellStyles?.[health]).toEqual([undefined, 'budget.money.2', 'budget.money.2', 'budget.difference.off', 'budget.no', 'budget.rag.amber']);
    expect(section.styles?.['budget.money.1']?.numberFormat).toBe('"£"#,##0.0"m"');
    expect(section.notes).toEqual(['Amounts in £m. 4 stated totals do not reconcile.']);
    expect(section.seeSheet).toEqual({ sheet: 'Budget reconciliation', text: 'Explanations, double counting and each service line are on the Budget reconciliation sheet.' });
  });

  test('no Budgets sheet, no section', () => {
    expect(budgetsSummarySection(workbook(sheetGrid('Measures', [['Measure']])), { today: '2017-10-20' })).toBeUndefined();
  });
});
