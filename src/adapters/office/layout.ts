/** Column widths, merges, frozen panes, tab colour and page setup (page-setup.ts) of one sheet. */
import type { CellRange, SheetPlan } from '../../model/plan';
import { applyPage } from './page-setup';
import { addressLists } from './range-areas';
import type { RequestBatch } from './request-batch';

/** Frozen panes, tab colour and page setup together: a dozen small calls. */
const PAGE_AND_PANES_BYTES = 8 * 1024;

/** Calibri 11's digit is 7 pixels wide; a pixel is ¾ point. */
const PIXELS_PER_CHARACTER = 7;
const POINTS_PER_PIXEL = 0.75;

/** A width in characters (as the file adapter writes it) → Office.js points. */
export function charactersToPoints(characters: number): number {
  return Math.round(characters * PIXELS_PER_CHARACTER) * POINTS_PER_PIXEL;
}

export function pointsToCharacters(points: number): number {
  return points / POINTS_PER_PIXEL / PIXELS_PER_CHARACTER;
}

/** Rows by height, so each height is one call over all its rows (column A stands for the row). */
function rowsByHeight(heights: Record<number, number>): Map<number, CellRange[]> {
  const byHeight = new Map<number, CellRange[]>();
  for (const [key, height] of Object.entries(heights).sort((a, b) => Number(a[0]) - Number(b[0]))) {
    const row = Number(key);
    const ranges = byHeight.get(height) ?? [];
    const last = ranges.at(-1);
    if (last && last.row + last.rowCount === row) last.rowCount++;
    else ranges.push({ row, col: 0, rowCount: 1, colCount: 1 });
    byHeight.set(height, ranges);
  }
  return byHeight;
}

/**
 * Single-row merges over the same columns in consecutive rows become one
 * merge-across call (Range.merge(true) merges each row of the range on its
 * own): a commentary sheet merges a dozen rows a measure.
 */
function mergeCalls(merges: CellRange[]): { range: CellRange; across: boolean }[] {
  const calls: { range: CellRange; across: boolean }[] = [];
  const rows = merges.filter((m) => m.rowCount === 1).sort((a, b) => a.col - b.col || a.colCount - b.colCount || a.row - b.row);
  for (const m of rows) {
    const last = calls.at(-1)?.range;
    if (last && last.col === m.col && last.colCount === m.colCount && last.row + last.rowCount === m.row) last.rowCount++;
    else calls.push({ range: { ...m }, across: true });
  }
  for (const m of merges) if (m.rowCount > 1) calls.push({ range: m, across: false });
  return calls;
}

/** Widths, heights, merges, frozen panes, tab colour and page setup, in requests that fit. */
export async function applyLayout(sheet: Excel.Worksheet, plan: SheetPlan, batch: RequestBatch): Promise<void> {
  for (const [col, width] of Object.entries(plan.columnWidths ?? {})) {
    await batch.room(0);
    sheet.getRangeByIndexes(0, Number(col), 1, 1).format.columnWidth = charactersToPoints(width);
  }
  for (const [height, ranges] of rowsByHeight(plan.rowHeights ?? {})) {
    for (const addresses of addressLists(ranges)) {
      await batch.room(addresses.length);
      sheet.getRanges(addresses).format.rowHeight = height;
    }
  }
  for (const { range: m, across } of mergeCalls(plan.merges ?? [])) {
    await batch.room(0);
    sheet.getRangeByIndexes(m.row, m.col, m.rowCount, m.colCount).merge(across);
  }
  await batch.room(PAGE_AND_PANES_BYTES);
  if (plan.freeze) {
    const { rows, cols } = plan.freeze;
    if (rows > 0 && cols > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, cols));
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else if (cols > 0) sheet.freezePanes.freezeColumns(cols);
  }
  if (plan.tabColour) sheet.tabColor = plan.tabColour;
  if (plan.page) applyPage(sheet, plan.page);
  // One call per break: a commentary sheet may have one per measure.
  for (const row of plan.page?.rowBreaks ?? []) {
    await batch.room(0);
    sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(row, 0, 1, 1));
  }
}
