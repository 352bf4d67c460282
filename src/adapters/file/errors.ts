/** The file could not be read as a workbook; the message says why in plain words. */
export class WorkbookReadError extends Error {
  override name = 'WorkbookReadError';
}

/** The plan cannot be carried out on this workbook without harming the user's data; the message says why. */
export class WorkbookWriteError extends Error {
  override name = 'WorkbookWriteError';
}
