/** `ragbook budgets`: reconcile budgets per commissioning strategy (SPEC §5.4, §6). */
import { reportPlan } from '../report-plan';
import type { WorkbookGrids } from '../../model/grid';
import type { Issue } from '../../model/issue';
import { NothingToReportError } from '../errors';
import { analyseMeasures } from '../measures/analyse';
import type { Report, ReportOptions, ReportResult } from '../report';
import { generatedSheetName } from '../shared/sheet-names';
import { unitLabel } from './amounts';
import { analyseBudgets } from './analyse';
import { listInWords } from './names';
import { type StatusCounts, noMeasures, performanceByStrategy } from './performance';
import { findBudgetsSheet } from './reader';
import type { BudgetReconciliation } from './reconcile';
import { RECONCILIATION_SHEET, buildReconciliationSheet } from './sheet';


/** The `--json` document: exactly SPEC §6, with extra detail inside each strategy. */
function budgetsJson(result: BudgetReconciliation, counts: Map<string, StatusCounts> | undefined, issues: Issue[]) {
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
    issues,
  };
}

function summaryLine(result: BudgetReconciliation): string {
  const { strategies, duplicates } = result;
  const failing = strategies.filter((s) => s.reconciles === false).map((s) => s.strategy.name);
  const reconciling = strategies.filter((s) => s.reconciles).length;
  const unstated = strategies.length - reconciling - failing.length;
  const parts = [
    `${strategies.length} ${strategies.length === 1 ? 'strategy' : 'strategies'}: ${reconciling} reconcile${reconciling === 1 ? 's' : ''}`,
    failing.length > 0 ? `${failing.length} do${failing.length === 1 ? 'es' : ''} not (${listInWords(failing.length > 4 ? [...failing.slice(0, 3), `${failing.length - 3} more`] : failing)})` : '',
    unstated > 0 ? `${unstated} ha${unstated === 1 ? 's' : 've'} no stated total` : '',
  ].filter(Boolean);
  const shared = duplicates.length > 0 ? `; ${duplicates.length} service line${duplicates.length === 1 ? '' : 's'} under more than one strategy` : '';
  return `Budgets: ${parts.join(', ')}${shared}`;
}

function runBudgets(grids: WorkbookGrids, options: ReportOptions): ReportResult {
  const analysis = analyseBudgets(grids);
  if (analysis.kind === 'nothing') throw new NothingToReportError(analysis.reason);
  const { reconciliation, issues } = analysis;
  const measures = analyseMeasures(grids, options);
  const performance = performanceByStrategy(measures, reconciliation.budgets.strategies);
  const name = generatedSheetName(grids, RECONCILIATION_SHEET);
  const sheet = buildReconciliationSheet(name, reconciliation, performance && { analysis: performance, scheme: measures.scheme });
  const plan = reportPlan(grids, options, { sheets: [sheet.sheet], styles: sheet.styles, issues, summary: true });
  return { plan, json: budgetsJson(reconciliation, performance?.counts, issues), issues, summary: summaryLine(reconciliation) };
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
