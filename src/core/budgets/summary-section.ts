/** The budgets' part of the Summary sheet: each strategy's totals and whether they reconcile. */
import type { WorkbookGrids } from '../../model/grid';
import type { PlanValue } from '../../model/plan';
import { generatedSheetName } from '../shared/sheet-names';
import type { SummarySection, SummarySectionSource } from '../summary/summary-sheet';
import { unitLabel } from './amounts';
import { analyseBudgets } from './analyse';
import type { BudgetReconciliation } from './reconcile';
import { RAG_LABELS, RECONCILIATION_SHEET, budgetStyles, moneyStyle, reconcilesCell } from './sheet';

export function buildBudgetsSummarySection(result: BudgetReconciliation, reconciliationSheet: string): SummarySection {
  const { budgets } = result;
  const money = moneyStyle(budgets.decimals);
  const rows: PlanValue[][] = [];
  const cellStyles: (string | undefined)[][] = [];
  for (const s of result.strategies) {
    const [label, labelStyle] = reconcilesCell(s);
    const values: PlanValue[] = [s.strategy.name, s.linesTotal, s.stated ?? null, s.difference ?? null, label];
    const styles = [undefined, money, moneyStyle(s.strategy.stated?.amount.decimals ?? budgets.decimals), s.reconciles === false ? 'budget.difference.off' : 'budget.difference', labelStyle];
    if (budgets.hasOutturn) {
      values.push(s.variance ? RAG_LABELS[s.variance.rag] : 'None');
      styles.push(s.variance ? `budget.rag.${s.variance.rag}` : 'budget.none');
    }
    rows.push(values);
    cellStyles.push(styles);
  }
  const failing = result.strategies.filter((s) => s.reconciles === false).length;
  return {
    heading: 'Budgets by commissioning strategy',
    header: ['Strategy', 'Sum of lines', 'Stated total', 'Difference', 'Reconciles', ...(budgets.hasOutturn ? ['Spend against budget'] : [])],
    rows,
    cellStyles,
    notes: [
      `Amounts in ${unitLabel(budgets.unit)}. ${failing === 0 ? 'Every stated total reconciles.' : `${failing} stated total${failing === 1 ? ' does' : 's do'} not reconcile.`}`,
    ],
    seeSheet: { sheet: reconciliationSheet, text: `Explanations, double counting and each service line are on the ${reconciliationSheet} sheet.` },
    styles: budgetStyles(result, undefined),
  };
}

/** The Summary's budgets section, or undefined when the workbook has no Budgets sheet. */
export const budgetsSummarySection: SummarySectionSource = (grids: WorkbookGrids) => {
  const analysis = analyseBudgets(grids);
  return analysis.kind === 'reconciled' ? buildBudgetsSummarySection(analysis.reconciliation, generatedSheetName(grids, RECONCILIATION_SHEET)) : undefined;
};
