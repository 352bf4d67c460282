/**
 * Budget settings from the Settings sheet: a wider reconciliation tolerance
 * and the RAG thresholds for spend against budget.
 */
import type { WorkbookGrids } from '../../model/grid';
import type { IssueList } from '../../model/issue';
import { type SettingRow, readSettingsSheet } from '../shared/settings-sheet';
import { cellText, readCellNumber } from '../shared/values';
import { type BudgetUnit, readAmount, roundingTolerance } from './amounts';

/** Overspend as a share of budget above which spend is Amber, and Red (SPEC §5.4; documented in the README). */
export const DEFAULT_AMBER_ABOVE = 0.01;
export const DEFAULT_RED_ABOVE = 0.05;

export interface BudgetSettings {
  /** The widest difference that still reconciles, in the sheet's unit, when Settings asks for one. */
  tolerance?: number;
  /** Overspend (share of budget) above which a line or strategy is Amber. */
  amberAbove: number;
  /** … and Red. */
  redAbove: number;
}

function settingAmount(row: SettingRow, unit: BudgetUnit, issues: IssueList): number | undefined {
  const reading = readAmount(row.values[0], unit);
  if (reading.kind === 'amount' && reading.amount.value >= 0) return reading.amount.value;
  issues.add(row.sheet, row.row, 1, `'${cellText(row.values[0])}' is not an amount for ${row.key} — ignored`);
  return undefined;
}

/** "1 decimal place", "2 dp" → a tolerance of half the last place; otherwise an amount rounded to ("£0.1m"). */
function roundingSetting(row: SettingRow, unit: BudgetUnit, issues: IssueList): number | undefined {
  const places = /^(\d)\s*(decimal\s+places?|dp|d\.p\.)$/i.exec(cellText(row.values[0]));
  if (places) return roundingTolerance(Number(places[1]));
  const amount = settingAmount(row, unit, issues);
  return amount === undefined ? undefined : amount / 2;
}

/** "2%", a cell formatted as a percentage, or a bare 2 → 0.02. */
function settingShare(row: SettingRow, issues: IssueList): number | undefined {
  const reading = readCellNumber(row.values[0]);
  if (reading.kind === 'number' && reading.reading.value >= 0) return reading.reading.value / 100;
  issues.add(row.sheet, row.row, 1, `'${cellText(row.values[0])}' is not a percentage for ${row.key} — the default is used`);
  return undefined;
}

export function readBudgetSettings(grids: WorkbookGrids, unit: BudgetUnit, issues: IssueList): BudgetSettings {
  const settings = readSettingsSheet(grids);
  const toleranceRow = settings.find('Budget tolerance', 'Reconciliation tolerance', 'Budget reconciliation tolerance');
  const roundingRow = settings.find('Budget rounding', 'Rounding for budgets', 'Budgets rounding', 'Rounding budgets');
  const tolerances = [
    toleranceRow && settingAmount(toleranceRow, unit, issues),
    roundingRow && roundingSetting(roundingRow, unit, issues),
  ].filter((t): t is number => t !== undefined);
  const amberRow = settings.find('Budget amber threshold', 'Budget variance amber', 'Variance amber threshold', 'Amber variance', 'Budget amber above');
  const redRow = settings.find('Budget red threshold', 'Budget variance red', 'Variance red threshold', 'Red variance', 'Budget red above');
  let amberAbove = (amberRow && settingShare(amberRow, issues)) ?? DEFAULT_AMBER_ABOVE;
  const redAbove = (redRow && settingShare(redRow, issues)) ?? DEFAULT_RED_ABOVE;
  if (amberAbove > redAbove) {
    issues.add(amberRow?.sheet ?? redRow?.sheet ?? 'Settings', (amberRow ?? redRow)?.row, 1,
      `the Amber threshold (${amberAbove * 100}%) is above the Red one (${redAbove * 100}%) — Amber is used up to the Red threshold`);
    amberAbove = redAbove;
  }
  const tolerance = tolerances.length > 0 ? Math.max(...tolerances) : undefined;
  return { tolerance, amberAbove, redAbove };
}
