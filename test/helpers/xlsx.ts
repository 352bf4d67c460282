/** Reading workbooks back in tests, with exceljs (the reference reader). */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openWorkbook } from '../../src/adapters/file';

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** The fill colour as "#RRGGBB", or undefined when the cell has no solid fill. */
export function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const argb = fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
  return argb ? `#${argb.slice(-6).toUpperCase()}` : undefined;
}

export async function tempDir(prefix = 'ragbook-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function saveWorkbook(book: ExcelJS.Workbook, dir: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

/**
 * Types values into a workbook's cells, as someone would in Excel: through
 * Ragbook's own package patcher, which keeps everything else (Ragbook's marks
 * too, which an exceljs round trip would drop); null clears a cell. Rows and
 * columns are 1-based.
 */
export async function typeIntoCells(file: string, out: string, sheet: string, cells: { row: number; col: number; value: string | number | null }[]): Promise<void> {
  const opened = await openWorkbook(new Uint8Array(await fs.readFile(file)));
  const values = cells.map(({ row, col, value }) => ({ row: row - 1, col: col - 1, values: [[value]] }));
  await fs.writeFile(out, await opened.write({ styles: {}, sheets: [{ name: sheet, mode: 'existing', values, styles: [] }], removeSheets: [] }));
}

/** Column B of the first row whose A cell is `label` (a label and its value, as TTC sheets lay them out). */
export function fieldValue(sheet: ExcelJS.Worksheet, label: string): unknown {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === label) return sheet.getCell(r, 2).value;
  return undefined;
}
