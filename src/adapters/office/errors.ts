/** The write plan names a user's sheet that the open workbook does not have. */
export class MissingSheetError extends Error {
  override name = 'MissingSheetError';
  constructor(readonly sheet: string) {
    super(`This workbook has no sheet called "${sheet}". Was it renamed or deleted while Ragbook was working? Nothing was changed.`);
  }
}

/** An export is too big for Excel on the web to open as a new workbook. */
export class ExportTooLargeError extends Error {
  override name = 'ExportTooLargeError';
  constructor(readonly bytes: number, readonly limit: number) {
    super(
      `The new workbook would be ${megabytes(bytes)}, and Excel on the web opens at most ${megabytes(limit)} at a time. ` +
        'Add its sheets to this workbook instead, or make it with the ragbook command-line tool.',
    );
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Excel refused a request; the message says why in a performance officer's words. */
export class ExcelRefusedError extends Error {
  override name = 'ExcelRefusedError';
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

/** What Excel's error codes mean for someone using the pane. */
const EXPLANATIONS: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.',
  RequestPayloadSizeLimitExceeded: 'The change is too large for Excel on the web to take in one go. Use the ragbook command-line tool on a copy of the file instead.',
  AccessDenied: 'Excel would not let Ragbook change this workbook. Is it read-only, or are its sheets protected? Unprotect them (Review ▸ Unprotect Sheet) and try again.',
  ItemNotFound: 'A sheet Ragbook needs is no longer there. Read the workbook again and retry.',
};

/** An Office.js error as an ExcelRefusedError with plain words; anything else unchanged. */
export function explainExcelError(error: unknown): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
  if (!code || !EXPLANATIONS[code]) return error;
  return new ExcelRefusedError(EXPLANATIONS[code], code);
}
