/**
 * A copy of the open workbook as an .xlsx file, read with Office's
 * `Document.getFileAsync` in slices (Excel gives at most 4 MB a slice). Takes
 * the document, so it can be tested without Office.
 */
import { joinBytes } from '../../core/shared/bytes';

/** What this module needs of Office.Document. */
export interface FileSource {
  getFileAsync(fileType: Office.FileType, options: Office.GetFileOptions, callback: (result: Office.AsyncResult<Office.File>) => void): void;
}

/** Office's enum values, passed in by the caller (the only place that names the Office global). */
export interface OfficeConstants {
  compressed: Office.FileType;
  succeeded: Office.AsyncResultStatus;
}

/** Excel could not give Ragbook a copy of the workbook. */
export class WorkbookCopyError extends Error {
  override name = 'WorkbookCopyError';
}

const SLICE_SIZE = 4 * 1024 * 1024;

function settled<T>(succeeded: Office.AsyncResultStatus, call: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    call((result) => {
      if (result.status === succeeded) resolve(result.value);
      else reject(new WorkbookCopyError(`Excel could not give Ragbook a copy of this workbook (${result.error?.message ?? 'no reason given'}). Save the workbook and try again.`));
    }),
  );
}

/** The whole workbook as saved in Office Open XML; the file is always closed again (Office keeps at most two open). */
export async function readDocumentFile(document: FileSource, { compressed, succeeded }: OfficeConstants): Promise<Uint8Array> {
  const file = await settled<Office.File>(succeeded, (callback) => document.getFileAsync(compressed, { sliceSize: SLICE_SIZE }, callback));
  try {
    const slices: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await settled<Office.Slice>(succeeded, (callback) => file.getSliceAsync(i, callback));
      slices.push(Uint8Array.from(slice.data as ArrayLike<number>));
    }
    return joinBytes(slices);
  } finally {
    file.closeAsync();
  }
}

/** "https://…/Shared%20Documents/Q2%20performance.xlsx" → "Q2 performance"; undefined for a new, unsaved workbook. */
export function workbookBaseName(url: string | undefined): string | undefined {
  const last = (url ?? '').split(/[/\\]/).pop()?.split(/[?#]/)[0] ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // Not percent-encoded: the name as it is.
  }
  const base = name.replace(/\.xls[xmb]?$/i, '').trim();
  return base === '' || !/\.xls[xmb]?$/i.test(name) ? undefined : base;
}
