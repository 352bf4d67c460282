import type { WorkbookGrids } from '../model/grid';
import type { Issue } from '../model/issue';
import { type CellStyle, emptyPlan, type SheetPlan, type WritePlan } from '../model/plan';
import type { ReportOptions } from './report';
import { measuresPrintPlan } from './apply/measure-columns';
import { issuesSheetPlan } from './shared/issues-sheet';
import { markPrintedPages } from './shared/print-setup';
import { BASE_STYLES } from './shared/styles';
import { summarySheetPlan } from './summary/sections';

export interface ReportSheets {
  /** The report's own sheets (and edits to the user's), in order. */
  sheets: SheetPlan[];
  /** Styles they use beyond BASE_STYLES. */
  styles: Record<string, CellStyle>;
  issues: readonly Issue[];
  /** Whether the report refreshes the Summary sheet. */
  summary: boolean;
}

/**
 * A report's write plan: the Summary sheet first (when the report keeps it),
 * then the report's own sheets, then the Issues sheet (or the removal of an
 * earlier one when there are no issues now). The Summary and the report's own
 * sheets lead the tab order, so the workbook opens on the report, not on the
 * raw measures; the Issues sheet stays at the back, as an appendix.
 */
export function reportPlan(grids: WorkbookGrids, options: ReportOptions, parts: ReportSheets): WritePlan {
  const plan = emptyPlan();
  Object.assign(plan.styles, BASE_STYLES);
  const issues = issuesSheetPlan(grids, parts.issues);
  const written = new Set([...grids.sheets, ...parts.sheets, ...issues.sheets].map((s) => s.name.toLowerCase()));
  for (const name of issues.removeSheets) written.delete(name.toLowerCase());
  const summary = parts.summary ? summarySheetPlan(grids, options, (sheet) => written.has(sheet.toLowerCase())) : undefined;
  if (summary) {
    plan.sheets.push(summary.sheet);
    Object.assign(plan.styles, summary.styles);
  }
  plan.sheets.push(...parts.sheets);
  plan.front = plan.sheets.filter((s) => s.mode === 'generated').map((s) => s.name);
  const measuresPrint = measuresPrintPlan(grids);
  if (measuresPrint && !parts.sheets.some((s) => s.name === measuresPrint.name)) plan.sheets.push(measuresPrint);
  Object.assign(plan.styles, parts.styles);
  plan.sheets.push(...issues.sheets);
  plan.removeSheets.push(...issues.removeSheets);
  return markPrintedPages(plan, grids.marking);
}
