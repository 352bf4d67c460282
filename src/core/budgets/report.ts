/** `ragbook budgets`: reconcile budgets per commissioning strategy (SPEC §5.4, §6). */
import type { WorkbookGrids } from '../../model/grid';
import { IssueList } from '../../model/issue';
import { analyseMeasures } from '../measures/analyse';
import type { Report, ReportOptions, ReportResult } from '../report';
import { unitLabel } from './amounts';
import { type StatusCounts, noMeasures, performanceByStrategy } from './performance';
import { findBudgetsSheet, readBudgetSheet } from './reader';
import { type BudgetReconciliation, reconcileBudgets } from './reconcile';
import { readBudgetSettings } from './settings';
import { RECONCILIATION_SHEET, buildReconciliationSheet } from './sheet';
import { listInWords } from './names';


/** The `--json` document: exactly SPEC §6, with extra detail inside each strategy. */
function budgetsJson(result: BudgetReconciliation, counts: Map<string, StatusCounts> | undefined, issues: IssueList) {
  const unit = unitLabel(result.budgets.unit);
  return {
    strategies: result.strategies.map((s) => ({
      strategy: s.strategy.name,
      lines_total: s.linesTotal,
      stated_total: s.stated ?? null,
      difference: s.difference ?? null,
      reconciles: s.reconciles ?? null,
      unit,
      tolerance: s.tolerance ?? null,
      explanation: s.explanation.full,
      ...(s.variance
        ? { budget: s.variance.budget, actual_forecast: s.variance.outturn, variance: s.variance.variance, rag: s.variance.rag }
        : {}),
      ...(counts ? { measures: counts.get(s.strategy.name) ?? noMeasures() } : {}),
    })),
    duplicates: result.duplicates.map((d) => ({
      line: d.line,
      strategies: d.occurrences.map((o) => o.strategy),
      amounts: d.occurrences.map((o) => o.budget?.value ?? null),
    })),
    issues: issues.items,
  };
}

function summaryLine(result: BudgetReconciliation): string {
  const { strategies, duplicates } = result;
  const failing = strategies.filter((s) => s.reconciles === false).map((s) => s.strategy.name);
  const reconciling = strategies.filter((s) => s.reconciles).length;
  const unstated = strategies.length - reconciling - failing.length;
  const parts = [
    `${strategies.length} ${strategies.length === 1 ? 'strategy' : 'strategies'}: ${reconciling} reconcile`,
    failing.length > 0 ? `${failing.length} do not (${listInWords(failing)})` : '',
    unstated > 0 ? `${unstated} have no stated total` : '',
  ].filter(Boolean);
  const shared = duplicates.length > 0 ? `; ${duplicates.length} service line${duplicates.length === 1 ? '' : 's'} under more than one strategy` : '';
  return `Budgets: ${parts.join(', ')}${shared}`;
}

function runBudgets(grids: WorkbookGrids, options: ReportOptions): ReportResult {
  const issues = new IssueList();
  const location = findBudgetsSheet(grids);
  if (!location) {
    issues.add(grids.sheets[0]?.name ?? 'Workbook', undefined, undefined, 'no Budgets sheet found: Ragbook looks for a sheet named Budgets, or headers naming a strategy, a service line and a budget');
    return {
      plan: { styles: {}, sheets: [], removeSheets: [RECONCILIATION_SHEET] },
      json: { strategies: [], duplicates: [], issues: issues.items },
      issues: issues.items,
      summary: 'Budgets: no Budgets sheet found',
    };
  }
  const budgets = readBudgetSheet(location);
  issues.addAll(budgets.issues);
  const settings = readBudgetSettings(grids, budgets.unit, issues);
  const result = reconcileBudgets(budgets, settings);
  const analysis = analyseMeasures(grids, options);
  const performance = performanceByStrategy(analysis, budgets.strategies);
  const { sheet, styles } = buildReconciliationSheet(result, performance && { analysis: performance, scheme: analysis.scheme });
  return {
    plan: { styles, sheets: [sheet], removeSheets: [] },
    json: budgetsJson(result, performance?.counts, issues),
    issues: issues.items,
    summary: summaryLine(result),
  };
}

export const budgetsReport: Report = {
  name: 'budgets',
  title: 'Reconcile budgets',
  fileSuffix: 'budgets',
  target: 'input',
  appliesTo: (grids) => findBudgetsSheet(grids) !== undefined,
  needs: 'a Budgets sheet',
  run: runBudgets,
};
