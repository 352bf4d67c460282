/**
 * How Ragbook marks what it made in a workbook, so that a re-run replaces its
 * own work and never the user's (SPEC §4): hidden names scoped to a sheet,
 * which Excel keeps with the sheet through renames, moves, sorting and
 * inserted rows or columns, and which both adapters read and write.
 *
 * - `Ragbook_Sheet` on each generated sheet holds the name it was written
 *   under (`"Summary"`). The sheet is Ragbook's only while it still has that
 *   name: a copy Excel made ("Summary (3)") or a sheet the user renamed is the
 *   user's from then on.
 * - `Ragbook_Columns` on the user's measures sheet refers to the header cells
 *   of Ragbook's Status and Direction of travel columns; Excel moves the
 *   reference when the user inserts or deletes columns before them.
 */
import { cellAddress, parseCellAddress, quoteSheetName } from './address';
import type { CellRange, SheetPlan } from './plan';

export const SHEET_MARK = 'Ragbook_Sheet';
export const COLUMNS_MARK = 'Ragbook_Columns';

/** What a sheet's marks say; a sheet without any has none of these. */
export interface SheetMarks {
  /** The sheet is one Ragbook generated, and a re-run replaces it. */
  generated?: boolean;
  /** Ragbook's own columns on a user's sheet: their header cells. */
  ownColumns?: CellRange;
}

/** A sheet-scoped defined name; the formula without its leading "=". */
export interface DefinedName {
  name: string;
  formula: string;
}

function stringFormula(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function absolute(row: number, col: number): string {
  return cellAddress(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
}

/** "'Measures'!$N$3:$O$3" for a range of the sheet. */
export function absoluteReference(sheetName: string, range: CellRange): string {
  const from = absolute(range.row, range.col);
  const to = absolute(range.row + range.rowCount - 1, range.col + range.colCount - 1);
  return `${quoteSheetName(sheetName)}!${from === to ? from : `${from}:${to}`}`;
}

/** The names an adapter sets on a sheet after writing it (each replacing any earlier one of that name). */
export function marksToWrite(plan: SheetPlan): DefinedName[] {
  const names: DefinedName[] = [];
  if (plan.mode === 'generated') names.push({ name: SHEET_MARK, formula: stringFormula(plan.name) });
  if (plan.ownColumns) names.push({ name: COLUMNS_MARK, formula: absoluteReference(plan.name, plan.ownColumns) });
  return names;
}

/** A reference to one block of cells ("Sheet!$N$3:$O$3"), or undefined (#REF! after the cells were deleted). */
function parseReference(formula: string): CellRange | undefined {
  const cells = formula.slice(formula.lastIndexOf('!') + 1).split(':');
  if (cells.length > 2) return undefined;
  const from = parseCellAddress(cells[0]);
  const to = parseCellAddress(cells[1] ?? cells[0]);
  if (!from || !to) return undefined;
  return { row: from.row, col: from.col, rowCount: to.row - from.row + 1, colCount: to.col - from.col + 1 };
}

/** Reads the marks among a sheet's own names (names are compared without case, as Excel does). */
export function readMarks(sheetName: string, names: readonly DefinedName[]): SheetMarks | undefined {
  const formulaOf = (wanted: string) => names.find((n) => n.name.toLowerCase() === wanted.toLowerCase())?.formula.replace(/^=/, '').trim();
  const sheet = formulaOf(SHEET_MARK);
  const columns = formulaOf(COLUMNS_MARK);
  const marks: SheetMarks = {};
  if (sheet !== undefined && sheet === stringFormula(sheetName)) marks.generated = true;
  const ownColumns = columns === undefined ? undefined : parseReference(columns);
  if (ownColumns) marks.ownColumns = ownColumns;
  return marks.generated || marks.ownColumns ? marks : undefined;
}
