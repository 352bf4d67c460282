/** The Office.js adapter: the live workbook through Excel's JavaScript API. */
export { connectToExcel, type LiveWorkbook, officeThemeIsDark, unsupportedHostMessage, whenOfficeReady } from './excel-host';
export { ExcelRefusedError, ExportTooLargeError, MissingSheetError } from './errors';
export { readGrids } from './read-grids';
export { writePlan } from './write-plan';
