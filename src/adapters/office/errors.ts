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
