/**
 * Reads the live workbook into grids, as the file adapter reads a file: two
 * `context.sync()` round trips whatever its size (sheet and table names, then
 * every sheet's used range — values, number formats and formulas — and every
 * table's bounds, all in one batch).
 */
import { type Cell, type CellValue, cellOf, type SheetGrid, type TableInfo, type WorkbookGrids } from '../../model/grid';

/** What `Range.values` shows for a cell holding an Excel error. */
const ERROR_VALUES = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BUSY!', '#CONNECT!', '#BLOCKED!', '#UNKNOWN!',
]);

type RawValue = string | number | boolean | null | undefined;

function toCellValue(raw: RawValue): CellValue {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw === 'string' && ERROR_VALUES.has(raw)) return { error: raw };
  return raw;
}

/** One cell of the used range, or undefined when it is empty. */
export function toCell(raw: RawValue, numberFormat: string | undefined, formula: RawValue): Cell | undefined {
  const value = toCellValue(raw);
  // A formula reads back as "=…" and differs from its value; a text cell "=x" reads back the same both ways.
  const hasFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== raw;
  if (value === null && !hasFormula) return undefined;
  return cellOf(value, numberFormat && numberFormat !== 'General' ? numberFormat : undefined, hasFormula ? formula.slice(1) : undefined);
}

function toRows(used: Excel.Range): (Cell | undefined)[][] {
  const rows: (Cell | undefined)[][] = [];
  const values = used.values as RawValue[][];
  const formats = used.numberFormat as string[][];
  const formulas = used.formulas as RawValue[][];
  values.forEach((rowValues, r) => {
    const cells: (Cell | undefined)[] = [];
    rowValues.forEach((raw, c) => {
      const cell = toCell(raw, formats[r]?.[c], formulas[r]?.[c]);
      if (cell) cells[used.columnIndex + c] = cell;
    });
    if (cells.length > 0) rows[used.rowIndex + r] = cells;
  });
  return rows;
}

export async function readGrids(context: Excel.RequestContext): Promise<WorkbookGrids> {
  const worksheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  worksheets.load('items/name');
  tables.load('items/name');
  await context.sync();

  const used = worksheets.items.map((sheet) =>
    sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,values,numberFormat,formulas'),
  );
  const tableParts = tables.items.map((table) => ({
    name: table.name,
    range: table.getRange().load('rowIndex,columnIndex,rowCount,columnCount'),
    sheet: table.worksheet.load('name'),
  }));
  await context.sync();

  const tablesBySheet = new Map<string, TableInfo[]>();
  for (const { name, range, sheet } of tableParts) {
    const list = tablesBySheet.get(sheet.name) ?? [];
    list.push({ name, top: range.rowIndex, left: range.columnIndex, bottom: range.rowIndex + range.rowCount - 1, right: range.columnIndex + range.columnCount - 1 });
    tablesBySheet.set(sheet.name, list);
  }
  const sheets: SheetGrid[] = worksheets.items.map((sheet, i) => ({
    name: sheet.name,
    rows: used[i].isNullObject ? [] : toRows(used[i]),
    tables: tablesBySheet.get(sheet.name) ?? [],
  }));
  return { sheets };
}
