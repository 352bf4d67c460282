/**
 * The .xlsx adapter over exceljs: reads sheets into grids and executes a write
 * plan. exceljs objects never leave this module.
 */
import ExcelJS from 'exceljs';
import type { Cell, CellValue, SheetGrid, TableInfo, WorkbookGrids } from '../../model/grid';
import { parseCellAddress } from '../../model/address';
import { type CellStyle, type PlanValue, type SheetPlan, type WritePlan, isPlanLink } from '../../model/plan';
import { WorkbookReadError } from './errors';

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

function argb(colour: string): string {
  return `FF${colour.replace('#', '').toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  // New objects each time: exceljs shares style objects between cells by reference.
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.fontColour || style.bold !== undefined || style.italic !== undefined || style.fontSize) {
    const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
    if (style.fontColour) font.color = { argb: argb(style.fontColour) };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontSize) font.size = style.fontSize;
    cell.font = font;
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.wrap !== undefined || style.horizontal || style.vertical) {
    const alignment: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    if (style.horizontal) alignment.horizontal = style.horizontal;
    if (style.vertical) alignment.vertical = style.vertical;
    cell.alignment = alignment;
  }
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

function toExcelValue(value: PlanValue): ExcelJS.CellValue {
  if (isPlanLink(value)) return { text: value.text, hyperlink: `#${value.target}` };
  // Strings stay strings: exceljs writes them as text cells, never as formulas.
  return value;
}

function writeSheet(sheet: ExcelJS.Worksheet, plan: SheetPlan, styles: Record<string, CellStyle>): void {
  for (const block of plan.values) {
    block.values.forEach((rowValues, r) => {
      rowValues.forEach((value, c) => {
        sheet.getCell(block.row + r + 1, block.col + c + 1).value = toExcelValue(value);
      });
    });
  }
  for (const { range, style } of plan.styles) {
    const definition = styles[style];
    if (!definition) throw new Error(`The write plan names an unknown style "${style}".`);
    for (let r = 0; r < range.rowCount; r++) {
      for (let c = 0; c < range.colCount; c++) applyStyle(sheet.getCell(range.row + r + 1, range.col + c + 1), definition);
    }
  }
  for (const [col, width] of Object.entries(plan.columnWidths ?? {})) sheet.getColumn(Number(col) + 1).width = width;
  for (const m of plan.merges ?? []) sheet.mergeCells(m.row + 1, m.col + 1, m.row + m.rowCount, m.col + m.colCount);
  if (plan.freeze) sheet.views = [{ state: 'frozen', xSplit: plan.freeze.cols, ySplit: plan.freeze.rows }];
  if (plan.tabColour) sheet.properties.tabColor = { argb: argb(plan.tabColour) };
  if (plan.page) {
    const { orientation, fitToWidth, repeatRows, printArea } = plan.page;
    sheet.pageSetup = {
      ...sheet.pageSetup,
      orientation,
      paperSize: 9,
      fitToPage: fitToWidth,
      fitToWidth: fitToWidth ? 1 : undefined,
      fitToHeight: fitToWidth ? 0 : undefined,
      printTitlesRow: repeatRows ? `${repeatRows.first + 1}:${repeatRows.last + 1}` : undefined,
      printArea: printArea
        ? `${sheet.getCell(printArea.row + 1, printArea.col + 1).address}:${sheet.getCell(printArea.row + printArea.rowCount, printArea.col + printArea.colCount).address}`
        : undefined,
    };
  }
}

function executePlan(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  for (const name of plan.removeSheets) {
    const sheet = workbook.getWorksheet(name);
    if (sheet) workbook.removeWorksheet(sheet.id);
  }
  for (const sheetPlan of plan.sheets) {
    let sheet = workbook.getWorksheet(sheetPlan.name);
    if (sheetPlan.mode === 'generated') {
      if (sheet) workbook.removeWorksheet(sheet.id);
      sheet = workbook.addWorksheet(sheetPlan.name);
    } else if (!sheet) {
      throw new Error(`The write plan names a sheet the workbook does not have: "${sheetPlan.name}".`);
    }
    writeSheet(sheet, sheetPlan, plan.styles);
  }
}

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function loadWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new WorkbookReadError(`it is not a readable Excel workbook (${(error as Error).message})`);
  }
  return workbook;
}

export function gridsOf(workbook: ExcelJS.Workbook): WorkbookGrids {
  return { sheets: workbook.worksheets.map(readSheet) };
}

/** Executes the plan on a fresh copy of the workbook in `bytes` and returns the new file. */
export async function patchWithExcelJs(bytes: Uint8Array, plan: WritePlan): Promise<Uint8Array> {
  const workbook = await loadWithExcelJs(bytes);
  executePlan(workbook, plan);
  return toBytes(workbook);
}

/** Builds a new workbook from a plan whose sheets are all generated. */
export async function createWithExcelJs(plan: WritePlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ragbook';
  executePlan(workbook, plan);
  return toBytes(workbook);
}
