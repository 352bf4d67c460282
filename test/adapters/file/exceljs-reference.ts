/**
 * The adapter as it was before the package patcher: read and write through
 * exceljs's model. Kept only as the reference the comparison test measures
 * the patcher against (and the floor the bench times).
 */
import ExcelJS from 'exceljs';
import type { Cell, CellValue, SheetGrid, TableInfo, WorkbookGrids } from '../../../src/model/grid';
import { parseCellAddress } from '../../../src/model/address';
import type { WritePlan } from '../../../src/model/plan';
import { executePlan } from '../../../src/adapters/file/exceljs-workbook';

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_UTC) / 86_400_000;
}

function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value);
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : toCellValue(result as ExcelJS.CellValue);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : toCellValue(value.text as ExcelJS.CellValue);
  return null;
}

function readCell(cell: ExcelJS.Cell): Cell | undefined {
  if (cell.type === ExcelJS.ValueType.Merge) return undefined;
  const raw = cell.value;
  const value = toCellValue(raw);
  const formula = raw && typeof raw === 'object' && 'formula' in raw ? (raw as ExcelJS.CellFormulaValue).formula : undefined;
  const numberFormat = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
  if (value === null && formula === undefined) return undefined;
  const result: Cell = { value };
  if (numberFormat) result.numberFormat = numberFormat;
  if (formula !== undefined) result.formula = formula;
  return result;
}

function readTables(sheet: ExcelJS.Worksheet): TableInfo[] {
  const tables: TableInfo[] = [];
  for (const table of sheet.getTables() as unknown as { table?: { name?: string; tableRef?: string; ref?: string } }[]) {
    const model = table.table;
    const ref = model?.tableRef ?? model?.ref;
    if (!model || !ref) continue;
    const [from, to] = ref.split(':');
    const start = parseCellAddress(from);
    const end = parseCellAddress(to ?? from);
    if (!start || !end) continue;
    tables.push({ name: model.name ?? '', top: start.row, left: start.col, bottom: end.row, right: end.col });
  }
  return tables;
}

function readSheet(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows: (Cell | undefined)[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const read = readCell(cell);
      if (read) cells[colNumber - 1] = read;
    });
    rows[rowNumber - 1] = cells;
  });
  return { name: sheet.name, rows, tables: readTables(sheet) };
}

export async function loadWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

export function gridsOf(workbook: ExcelJS.Workbook): WorkbookGrids {
  return { sheets: workbook.worksheets.map(readSheet) };
}

/** Executes the plan on a fresh copy of the workbook in `bytes` and returns the new file. */
export async function patchWithExcelJs(bytes: Uint8Array, plan: WritePlan): Promise<Uint8Array> {
  const workbook = await loadWithExcelJs(bytes);
  executePlan(workbook, plan);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

