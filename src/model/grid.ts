/**
 * What readers see of a workbook: each sheet as a grid of cells, whatever the
 * source (an .xlsx package or the live workbook through Office.js).
 * Rows and columns are 0-based; addresses for people are A1-style (see address.ts).
 */
import type { SheetMarks } from './marks';

/** An Excel error value such as #N/A or #DIV/0!. */
export interface CellError {
  error: string;
}

/**
 * A cell's value. Dates are Excel serial numbers (as Office.js returns them);
 * the number format tells a date from a number.
 */
export type CellValue = number | string | boolean | CellError | null;

/** Read-only: a reader may hand the same object to every cell that holds the same text. */
export interface Cell {
  readonly value: CellValue;
  /** The cell's number format code, when it has one other than General. */
  readonly numberFormat?: string;
  /** The formula without its leading "=", when the cell holds one; value is its cached result. */
  readonly formula?: string;
}

/** A cell with only the fields it has (no keys set to undefined). */
export function cellOf(value: CellValue, numberFormat?: string, formula?: string): Cell {
  if (numberFormat === undefined) return formula === undefined ? { value } : { value, formula };
  return formula === undefined ? { value, numberFormat } : { value, numberFormat, formula };
}

/** An Excel table (ListObject) on a sheet. */
export interface TableInfo {
  name: string;
  /** 0-based inclusive bounds, header row included. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** rows[r][c]; missing rows or cells are empty. */
  rows: (Cell | undefined)[][] ;
  tables: TableInfo[];
  /** Hidden or very hidden: readers prefer the sheets the user sees. */
  hidden?: boolean;
  /** What Ragbook's marks on the sheet say (see marks.ts); absent on a sheet without any. */
  marks?: SheetMarks;
}

export interface WorkbookGrids {
  sheets: SheetGrid[];
  /** The workbook's protective marking (e.g. "OFFICIAL-SENSITIVE"), printed on every page Ragbook generates. */
  marking?: string;
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === 'object' && value !== null;
}

export function cellAt(sheet: SheetGrid, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col];
}

/** Number of columns actually used by any row of the sheet. */
export function columnCount(sheet: SheetGrid): number {
  let max = 0;
  for (const row of sheet.rows) if (row && row.length > max) max = row.length;
  return max;
}
