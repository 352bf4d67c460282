/** The file could not be read as a workbook; the message says why in plain words. */
export class WorkbookReadError extends Error {
  override name = 'WorkbookReadError';
}
