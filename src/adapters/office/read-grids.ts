/**
 * Reads the live workbook into grids, as the file adapter reads a file: sheet
 * and table names and the protective marking (custom document properties), then every sheet's used range, table bounds and own names
 * (Ragbook's marks), then each used range in blocks of rows small enough for
 * Excel on the web's 5 MB response limit (values, number formats and formulas).
 */
import { type Cell, type CellValue, cellOf, type SheetGrid, type TableInfo, type WorkbookGrids } from '../../model/grid';
import { markingsInProperties, workbookMarking } from '../../email/marking';
import { loadSheetNames, marksOf } from './marks';
import { jsonBytes } from './request-batch';

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

/** Excel on the web refuses a response over 5 MB; each block aims at well under half that. */
const TARGET_RESPONSE_BYTES = 2 * 1024 * 1024;
/** The first block, before any block has shown how large this sheet's cells are. */
const FIRST_BLOCK_CELLS = 20_000;

interface Bounds {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

function addRows(rows: (Cell | undefined)[][], block: Excel.Range, top: number, left: number): void {
  const values = block.values as RawValue[][];
  const formats = block.numberFormat as string[][];
  const formulas = block.formulas as RawValue[][];
  values.forEach((rowValues, r) => {
    const cells: (Cell | undefined)[] = [];
    rowValues.forEach((raw, c) => {
      const cell = toCell(raw, formats[r]?.[c], formulas[r]?.[c]);
      if (cell) cells[left + c] = cell;
    });
    if (cells.length > 0) rows[top + r] = cells;
  });
}

function isResponseTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * A sheet's used range in blocks of whole rows, each one response. The next
 * block's height follows from the size of the last; a block Excel still finds
 * too large is read again in halves.
 */
async function readRows(context: Excel.RequestContext, sheet: Excel.Worksheet, used: Bounds): Promise<(Cell | undefined)[][]> {
  const rows: (Cell | undefined)[][] = [];
  let blockRows = Math.max(1, Math.floor(FIRST_BLOCK_CELLS / used.columnCount));
  let first = 0;
  while (first < used.rowCount) {
    const count = Math.min(blockRows, used.rowCount - first);
    const block = sheet.getRangeByIndexes(used.rowIndex + first, used.columnIndex, count, used.columnCount).load('values,numberFormat,formulas');
    try {
      await context.sync();
    } catch (error) {
      if (!isResponseTooLarge(error) || count === 1) throw error;
      blockRows = Math.ceil(count / 2);
      continue;
    }
    addRows(rows, block, used.rowIndex + first, used.columnIndex);
    const bytes = jsonBytes([block.values, block.numberFormat, block.formulas]);
    blockRows = Math.max(1, Math.floor((count * TARGET_RESPONSE_BYTES) / Math.max(1, bytes)));
    first += count;
  }
  return rows;
}

export async function readGrids(context: Excel.RequestContext): Promise<WorkbookGrids> {
  const worksheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  worksheets.load('items/name');
  tables.load('items/name');
  // The sensitivity label or classification, for the header and footer of Ragbook's printed pages, as the file adapter reads it.
  const properties = context.workbook.properties.custom.load('items/key,value');
  await context.sync();
  const marking = workbookMarking(markingsInProperties(new Map(properties.items.map((p) => [p.key, String(p.value)]))));

  const used = worksheets.items.map((sheet) => sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
  const names = worksheets.items.map(loadSheetNames);
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
  const sheets: SheetGrid[] = [];
  for (const [i, sheet] of worksheets.items.entries()) {
    const grid: SheetGrid = { name: sheet.name, rows: used[i].isNullObject ? [] : await readRows(context, sheet, used[i]), tables: tablesBySheet.get(sheet.name) ?? [] };
    const marks = marksOf(sheet.name, names[i]);
    sheets.push(marks ? { ...grid, marks } : grid);
  }
  return marking ? { sheets, marking } : { sheets };
}
