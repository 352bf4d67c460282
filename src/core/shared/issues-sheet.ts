import type { WorkbookGrids } from '../../model/grid';
import type { Issue } from '../../model/issue';
import { quoteSheetName } from '../../model/address';
import type { SheetPlan } from '../../model/plan';
import { SheetBuilder } from './sheet-builder';
import { generatedSheet, generatedSheetName } from './sheet-names';

const ISSUES_SHEET = 'Issues';

/**
 * The Issues sheet: one row per problem, with a link to its cell. When there
 * are none, an Issues sheet from an earlier run is removed instead.
 */
export function issuesSheetPlan(grids: WorkbookGrids, issues: readonly Issue[]): { sheets: SheetPlan[]; removeSheets: string[] } {
  if (issues.length === 0) {
    const earlier = generatedSheet(grids, ISSUES_SHEET);
    return { sheets: [], removeSheets: earlier ? [earlier.name] : [] };
  }
  const name = generatedSheetName(grids, ISSUES_SHEET);
  const builder = new SheetBuilder(name)
    .title('Issues found in the workbook', 'problems found and what Ragbook did about each; this sheet is replaced each time Ragbook runs.')
    .blank();
  const header = builder.row(['Sheet', 'Cell', 'Issue'], 'header');
  for (const issue of issues) {
    const cell = issue.cell ? { text: issue.cell, target: `${quoteSheetName(issue.sheet)}!${issue.cell}` } : '';
    builder.row([issue.sheet, cell, issue.message], 'text');
  }
  const sheet = builder
    .widths({ 0: 22, 1: 10, 2: 90 })
    .freeze(header + 1)
    .page({ orientation: 'landscape', fitToWidth: true, repeatRows: { first: header, last: header } })
    .build();
  return { sheets: [sheet], removeSheets: [] };
}
