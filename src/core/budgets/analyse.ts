/** From grids to a reconciliation: find and read the Budgets sheet, its settings, and reconcile. */
import type { WorkbookGrids } from '../../model/grid';
import { type Issue, IssueList } from '../../model/issue';
import { findBudgetsSheet, readBudgetSheet } from './reader';
import { type BudgetReconciliation, reconcileBudgets } from './reconcile';
import { readBudgetSettings } from './settings';

export type BudgetsAnalysis =
  | { kind: 'reconciled'; reconciliation: BudgetReconciliation; issues: Issue[] }
  /** Nothing to reconcile; `reason` says why, for a performance officer. */
  | { kind: 'nothing'; reason: string };

export function analyseBudgets(grids: WorkbookGrids): BudgetsAnalysis {
  const location = findBudgetsSheet(grids);
  if (!location) {
    return { kind: 'nothing', reason: 'no Budgets sheet found: Ragbook looks for a sheet named Budgets, or headers naming a strategy, a service line and a budget' };
  }
  if (!location.header) {
    return { kind: 'nothing', reason: `the ${location.sheet.name} sheet has no header row naming a service line and a budget (such as "Service line" and "Budget (£m)")` };
  }
  const budgets = readBudgetSheet(location.sheet, location.header);
  if (budgets.strategies.length === 0) return { kind: 'nothing', reason: `the ${budgets.sheet} sheet has no service lines under its header row` };
  const issues = new IssueList();
  issues.addAll(budgets.issues);
  const settings = readBudgetSettings(grids, budgets.unit, issues);
  return { kind: 'reconciled', reconciliation: reconcileBudgets(budgets, settings), issues: issues.items };
}
