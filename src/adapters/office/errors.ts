/** The write plan names a user's sheet that the open workbook does not have. */
export class MissingSheetError extends Error {
  override name = 'MissingSheetError';
  constructor(readonly sheet: string) {
    super(`This workbook has no sheet called "${sheet}". Was it renamed or deleted while Ragbook was working? Nothing was changed.`);
  }
}

function listOfSheets(sheets: string[]): string {
  const quoted = sheets.map((s) => `"${s}"`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** A sheet the plan writes to is protected: found before anything is written. */
export class ProtectedSheetError extends Error {
  override name = 'ProtectedSheetError';
  constructor(readonly sheets: string[]) {
    const one = sheets.length === 1;
    super(
      `${one ? 'The sheet' : 'The sheets'} ${listOfSheets(sheets)} ${one ? 'is' : 'are'} protected, so Ragbook cannot write to ${one ? 'it' : 'them'}. ` +
        `Unprotect ${one ? 'it' : 'them'} (Review ▸ Unprotect Sheet) and try again. Nothing was changed.`,
    );
  }
}

/** The workbook's structure is protected and the plan adds or replaces sheets: found before anything is written. */
export class ProtectedWorkbookError extends Error {
  override name = 'ProtectedWorkbookError';
  constructor() {
    super("This workbook's structure is protected, so Ragbook cannot add or replace its own sheets. Unprotect it (Review ▸ Protect Workbook) and try again. Nothing was changed.");
  }
}

/** The plan reaches past the last row or column Excel has. */
export class OutsideSheetError extends Error {
  override name = 'OutsideSheetError';
  constructor(readonly sheet: string) {
    super(`Ragbook would need to write past the last row or column of the sheet "${sheet}" (Excel has 1,048,576 rows and 16,384 columns). Nothing was changed.`);
  }
}

/** A generated sheet's name is now taken by a sheet of the user's (made since Ragbook read the workbook). */
export class UserSheetInTheWayError extends Error {
  override name = 'UserSheetInTheWayError';
  constructor(readonly sheet: string) {
    super(`This workbook now has a sheet of its own called "${sheet}", where Ragbook meant to put its sheet. Nothing was changed: run it again.`);
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

const TRY_THE_CLI = 'use the ragbook command-line tool on a copy of the file instead';

/** What Excel's error codes (RichApi.Error) mean for someone using the pane. */
const EXPLANATIONS: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.',
  RequestPayloadSizeLimitExceeded: `The change is too large for Excel on the web to take in one go. Try Excel for the desktop, or ${TRY_THE_CLI}.`,
  ResponsePayloadSizeLimitExceeded: `This sheet is too large to read in one go on Excel on the web. Try Excel for the desktop, or ${TRY_THE_CLI}.`,
  AccessDenied: 'Excel would not let Ragbook change this workbook. Is it read-only, or are its sheets protected? Unprotect them (Review ▸ Unprotect Sheet) and try again.',
  InvalidOperation: 'Excel refused the change. Is a sheet protected, or is a cell Ragbook writes to inside a table, a merged area or an array formula? Check the sheet and try again.',
  ItemNotFound: 'A sheet Ragbook needs is no longer there. Read the workbook again and retry.',
  ItemAlreadyExists: 'The workbook already has a sheet of the name Ragbook needs. Rename that sheet and try again.',
  ActivityLimitReached: 'Excel is handling too many requests just now. Wait a minute, then try again.',
  InvalidOrTimedOutSession: 'Excel lost its connection to Ragbook. Close the Ragbook pane, open it again and retry.',
  WriteNotSupportedWhenModalDialogOpen: 'A dialog box is open in Excel. Close it, then try again.',
};

/** For codes Ragbook has no particular words for: still a sentence, never the code. */
const UNEXPLAINED = `Excel could not finish this. Save the workbook and try again; if it keeps failing, ${TRY_THE_CLI}.`;

/** An Office.js error (one with a code) as an ExcelRefusedError in plain words; anything else unchanged. */
export function explainExcelError(error: unknown): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  if (typeof code !== 'string' || code === '' || error instanceof ExcelRefusedError) return error;
  return new ExcelRefusedError(EXPLANATIONS[code] ?? UNEXPLAINED, code);
}
