/**
 * Every source of Summary sheet sections, in the order they appear. Each
 * report that writes the Summary builds it from all of them, so the sheet is
 * complete whichever report ran last.
 */
import type { WorkbookGrids } from '../../model/grid';
import type { CellStyle, SheetPlan } from '../../model/plan';
import { actionsSummarySection } from '../actions/summary-section';
import { measuresSummarySections } from '../apply/measures-summary';
import { budgetsSummarySection } from '../budgets/summary-section';
import { analyseMeasures } from '../measures/analyse';
import type { ReportOptions } from '../report';
import { readSettingsSheet } from '../shared/settings-sheet';
import { generatedSheetName } from '../shared/sheet-names';
import { buildSummarySheet, SUMMARY_SHEET, type SummarySection, type SummarySectionSource } from './summary-sheet';

export const summarySections: SummarySectionSource[] = [
  (grids, options) => measuresSummarySections(analyseMeasures(grids, options)),
  budgetsSummarySection,
  actionsSummarySection,
];

/**
 * The Summary sheet with every section the workbook has data for; undefined
 * when it has none. `hasSheet` says which sheets the written workbook will
 * hold, so the Summary links only to those.
 */
export function summarySheetPlan(
  grids: WorkbookGrids,
  options: ReportOptions,
  hasSheet: (sheet: string) => boolean,
): { sheet: SheetPlan; styles: Record<string, CellStyle> } | undefined {
  const sections: SummarySection[] = summarySections.flatMap((source) => source(grids, options) ?? []);
  if (sections.length === 0) return undefined;
  const title = readSettingsSheet(grids).text('Report title', 'Title') ?? 'Performance report';
  return buildSummarySheet(`${title}: summary`, sections, generatedSheetName(grids, SUMMARY_SHEET), hasSheet);
}
