/**
 * Workbooks on the 1904 date system (older Mac workbooks, some exports) count
 * days from 1 January 1904. The model's dates are 1900-system serials (as
 * Excel's default and Office.js give them), so the file adapter converts on
 * the way in and on the way out.
 */
import { type Cell, cellOf, type SheetGrid } from '../../../model/grid';
import { type CellRange, styledRanges, type WritePlan } from '../../../model/plan';
import { isDateFormat } from '../../../core/shared/values';

/** Days from 1899-12-30 (the 1900 system's day 0) to 1904-01-01 (the 1904 system's). */
const DAYS_1900_TO_1904 = 1462;

function isDateCell(cell: Cell | undefined): cell is Cell & { value: number } {
  return typeof cell?.value === 'number' && isDateFormat(cell.numberFormat);
}

/** Dates read from a 1904 workbook, as 1900-system serials. */
export function gridFrom1904(grid: SheetGrid): void {
  for (const row of grid.rows) {
    if (!row) continue;
    row.forEach((cell, col) => {
      if (isDateCell(cell)) row[col] = cellOf(cell.value + DAYS_1900_TO_1904, cell.numberFormat, cell.formula);
    });
  }
}

function inAny(ranges: readonly CellRange[], row: number, col: number): boolean {
  return ranges.some((r) => row >= r.row && row < r.row + r.rowCount && col >= r.col && col < r.col + r.colCount);
}

/** The plan with the dates it writes (numbers under a date style) as 1904-system serials. */
export function planTo1904(plan: WritePlan): WritePlan {
  const dateStyles = new Set(Object.entries(plan.styles).filter(([, style]) => isDateFormat(style.numberFormat)).map(([name]) => name));
  if (dateStyles.size === 0) return plan;
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => {
      const ranges = styledRanges(sheet).filter((s) => dateStyles.has(s.style)).map((s) => s.range);
      if (ranges.length === 0) return sheet;
      const values = sheet.values.map((block) => ({
        ...block,
        values: block.values.map((row, r) => row.map((value, c) => (typeof value === 'number' && inAny(ranges, block.row + r, block.col + c) ? value - DAYS_1900_TO_1904 : value))),
      }));
      return { ...sheet, values };
    }),
  };
}
