/** Reading workbooks back in tests, with exceljs (the reference reader). */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

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
