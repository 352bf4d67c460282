/** Column widths, merges, frozen panes, tab colour and page setup of one sheet. */
import { rangeAddress } from '../../model/address';
import type { PageSetup, SheetPlan } from '../../model/plan';

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

function applyPage(sheet: Excel.Worksheet, page: PageSetup): void {
  const layout = sheet.pageLayout;
  layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4';
  // verticalFitToPages 0: as many pages tall as it needs, like fitToHeight="0" in a file.
  if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (page.repeatRows) layout.setPrintTitleRows(`$${page.repeatRows.first + 1}:$${page.repeatRows.last + 1}`);
  if (page.printArea) {
    const { row, col, rowCount, colCount } = page.printArea;
    layout.setPrintArea(rangeAddress(row, col, rowCount, colCount));
  }
  for (const row of page.rowBreaks ?? []) sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(row, 0, 1, 1));
}

/** Consecutive rows of the same height, so each run is one format call. */
function heightRuns(heights: Record<number, number>): { row: number; rowCount: number; height: number }[] {
  const runs: { row: number; rowCount: number; height: number }[] = [];
  for (const [key, height] of Object.entries(heights).sort((a, b) => Number(a[0]) - Number(b[0]))) {
    const row = Number(key);
    const last = runs.at(-1);
    if (last && last.height === height && last.row + last.rowCount === row) last.rowCount++;
    else runs.push({ row, rowCount: 1, height });
  }
  return runs;
}

export function applyLayout(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const [col, width] of Object.entries(plan.columnWidths ?? {})) {
    sheet.getRangeByIndexes(0, Number(col), 1, 1).format.columnWidth = charactersToPoints(width);
  }
  for (const { row, rowCount, height } of heightRuns(plan.rowHeights ?? {})) {
    sheet.getRangeByIndexes(row, 0, rowCount, 1).format.rowHeight = height;
  }
  for (const m of plan.merges ?? []) sheet.getRangeByIndexes(m.row, m.col, m.rowCount, m.colCount).merge(false);
  if (plan.freeze) {
    const { rows, cols } = plan.freeze;
    if (rows > 0 && cols > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, cols));
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else if (cols > 0) sheet.freezePanes.freezeColumns(cols);
  }
  if (plan.tabColour) sheet.tabColor = plan.tabColour;
  if (plan.page) applyPage(sheet, plan.page);
}
