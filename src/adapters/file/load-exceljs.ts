/**
 * exceljs, loaded on first use: it takes a third of a second and 40 MB to
 * load, and only exports need it. The pane's build puts
 * office/browser-exceljs.ts in this module's place (see webpack.config.js).
 */
import type ExcelJS from 'exceljs';

export async function loadExcelJs(): Promise<typeof ExcelJS> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; import() would need ES modules under Jest
  return require('exceljs') as typeof ExcelJS;
}
