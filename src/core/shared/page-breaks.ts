/**
 * Manual page breaks that keep blocks of rows whole on the printed page: a
 * block that would not fit on the page so far starts a new one. Heights are
 * the plan's, or one line of body text where the plan gives none.
 */
import type { SheetPlan } from '../../model/plan';
import { columnPoints, DEFAULT_COLUMN_WIDTH, PAGE_MARGINS, printableHeight, printableWidth } from './print-setup';

/** A row without a planned height: Excel's default for Calibri 11 (LibreOffice draws it a little lower). */
const DEFAULT_ROW_HEIGHT = 15;
/**
 * Room left for rows a viewer draws a little taller than planned. Small: the
 * planned heights of wrapped rows already allow a line more than most need,
 * and a larger margin pushed the first block off the title's page.
 */
const SPARE_POINTS = 18;

export interface RowBlock {
  /** 0-based, inclusive. */
  first: number;
  last: number;
}

/** The height of a printed page's body, in the sheet's own points (before the print scale). */
export function pagePoints(sheet: SheetPlan): number {
  const page = sheet.page;
  const margins = page?.margins ?? PAGE_MARGINS;
  const orientation = page?.orientation ?? 'portrait';
  const height = printableHeight(orientation, margins);
  const width = printableWidth(orientation, margins);
  // A loop, not Math.max(...rows): a sheet of 10,000 measures has more rows than a call takes arguments in a browser.
  const used = (sheet.values[0]?.values ?? []).reduce((widest, r) => Math.max(widest, r.length), 0);
  let sheetWidth = 0;
  for (let c = 0; c < used; c++) sheetWidth += columnPoints(sheet.columnWidths?.[c] ?? DEFAULT_COLUMN_WIDTH);
  const scale = page?.fitToWidth ? Math.min(1, width / Math.max(1, sheetWidth)) : (page?.scale ?? 100) / 100;
  return height / scale - SPARE_POINTS;
}

/** Rows to start a new page at, so no block is split; a block taller than a page starts one and runs on. */
export function blockPageBreaks(blocks: readonly RowBlock[], heights: Record<number, number>, pageHeight: number): number[] {
  const span = (first: number, last: number) => {
    let total = 0;
    for (let r = first; r <= last; r++) total += heights[r] ?? DEFAULT_ROW_HEIGHT;
    return total;
  };
  const breaks: number[] = [];
  let used = blocks.length > 0 ? span(0, blocks[0].first - 1) : 0;
  for (const block of blocks) {
    const height = span(block.first, block.last);
    if (used > 0 && used + height > pageHeight) {
      breaks.push(block.first);
      used = 0;
    }
    used += height;
  }
  return breaks;
}
