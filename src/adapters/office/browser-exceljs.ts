/**
 * The pane's exceljs, in place of file/load-exceljs.ts: the minified browser
 * build, which webpack loads as a script with the export chunk.
 */
import ExcelJS from 'exceljs';

export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return ExcelJS;
}
