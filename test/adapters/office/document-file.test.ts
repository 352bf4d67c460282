/** A copy of the open workbook through Document.getFileAsync: slices joined in order, the file always closed, failures in plain words. */
import { type FileSource, readDocumentFile, workbookBaseName, WorkbookCopyError } from '../../../src/adapters/office/document-file';

const OK = 'succeeded' as unknown as Office.AsyncResultStatus;
const FAILED = 'failed' as unknown as Office.AsyncResultStatus;
const constants = { compressed: 'compressed' as unknown as Office.FileType, succeeded: OK };

function result<T>(value: T, status = OK): Office.AsyncResult<T> {
  return { value, status, error: status === OK ? undefined : { message: 'The operation failed' } } as unknown as Office.AsyncResult<T>;
}

/** A document whose file comes in slices of `sliceSize`; records closes. */
function document(bytes: Uint8Array, sliceSize: number, failSlice?: number): FileSource & { closed: number; asked: unknown[] } {
  const doc = {
    closed: 0,
    asked: [] as unknown[],
    getFileAsync(fileType: Office.FileType, options: Office.GetFileOptions, callback: (r: Office.AsyncResult<Office.File>) => void) {
      doc.asked.push(fileType, options.sliceSize);
      const sliceCount = Math.ceil(bytes.length / sliceSize);
      const file = {
        size: bytes.length,
        sliceCount,
        getSliceAsync: (i: number, cb: (r: Office.AsyncResult<Office.Slice>) => void) =>
          setTimeout(() => cb(result({ data: [...bytes.subarray(i * sliceSize, (i + 1) * sliceSize)], index: i, size: 0 } as Office.Slice, i === failSlice ? FAILED : OK))),
        closeAsync: () => void doc.closed++,
      } as unknown as Office.File;
      setTimeout(() => callback(result(file)));
    },
  };
  return doc;
}

test('joins the slices in order and closes the file', async () => {
  const bytes = Uint8Array.from({ length: 10_001 }, (_, i) => (i * 7) % 256);
  const doc = document(bytes, 4096);
  expect(await readDocumentFile(doc, constants)).toEqual(bytes);
  expect(doc.asked).toEqual(['compressed', 4 * 1024 * 1024]);
  expect(doc.closed).toBe(1);
});

test('a slice Excel refuses: a clear error, and the file still closed', async () => {
  const doc = document(new Uint8Array(9000), 4096, 1);
  await expect(readDocumentFile(doc, constants)).rejects.toThrow(WorkbookCopyError);
  await expect(readDocumentFile(doc, constants)).rejects.toThrow('Excel could not give Ragbook a copy of this workbook (The operation failed). Save the workbook and try again.');
  expect(doc.closed).toBe(2);
});

test.each([
  ['https://council.sharepoint.com/sites/perf/Shared%20Documents/Q2%20performance.xlsx?web=1', 'Q2 performance'],
  ['C:\\Users\\officer\\Documents\\Tracker.xlsm', 'Tracker'],
  ['', undefined],
  ['Book1', undefined],
])('workbook name from %j', (url, name) => {
  expect(workbookBaseName(url)).toBe(name);
});
