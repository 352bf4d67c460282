import { ExcelRefusedError, explainExcelError, ExportTooLargeError } from '../../../src/adapters/office/errors';
import { CREATE_WORKBOOK_LIMIT, createWorkbookLimit, exportPayload, toBase64 } from '../../../src/adapters/office/export-file';
import { selectCell } from '../../../src/adapters/office/select';
import { readSetting, writeSetting } from '../../../src/adapters/office/settings';
import { ExcelSim, SimError } from './sim/excel-sim';
import { SimWorkbook } from './sim/model';

type Context = Excel.RequestContext;

function twoSheets(): ExcelSim {
  return new ExcelSim(SimWorkbook.fromGrids({ sheets: [{ name: 'Measures', rows: [], tables: [] }, { name: 'Issues', rows: [], tables: [] }] }));
}

test('settings are remembered in the workbook and read back', async () => {
  const sim = twoSheets();
  expect(await sim.run((c) => readSetting(c as unknown as Context, 'ragbook'))).toBeUndefined();
  await sim.run((c) => writeSetting(c as unknown as Context, 'ragbook', { scheme: 'brag', period: 'Q2 2017/18' }));
  expect(await sim.run((c) => readSetting(c as unknown as Context, 'ragbook'))).toEqual({ scheme: 'brag', period: 'Q2 2017/18' });
});

test('a setting that is not Ragbook’s JSON is ignored rather than failing', async () => {
  const sim = twoSheets();
  sim.book.settings.set('ragbook', 'not json {');
  expect(await sim.run((c) => readSetting(c as unknown as Context, 'ragbook'))).toBeUndefined();
});

test('selecting an issue’s cell activates its sheet and selects the cell', async () => {
  const sim = twoSheets();
  await sim.run((c) => selectCell(c as unknown as Context, 'Issues', 'F12'));
  expect(sim.book.activeSheet).toBe('Issues');
  expect(sim.book.selection).toEqual({ sheet: 'Issues', address: 'F12' });
  expect(sim.counters.syncs).toBe(1);
});

test('an issue about a whole sheet selects its first cell', async () => {
  const sim = twoSheets();
  await sim.run((c) => selectCell(c as unknown as Context, 'Measures', ''));
  expect(sim.book.selection).toEqual({ sheet: 'Measures', address: 'A1' });
});

describe('export payload', () => {
  test('is the file in base64', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    expect(exportPayload(bytes, CREATE_WORKBOOK_LIMIT)).toBe(Buffer.from(bytes).toString('base64'));
  });

  test('base64 of a large file matches Node’s', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  test('only Excel on the web has a limit: desktop Excel and Excel on Mac open any size', () => {
    expect(createWorkbookLimit('OfficeOnline')).toBe(5 * 1024 * 1024);
    for (const platform of ['PC', 'Mac', 'iOS', 'Universal', undefined]) expect(createWorkbookLimit(platform)).toBeUndefined();
    const bytes = new Uint8Array(4 * 1024 * 1024);
    expect(exportPayload(bytes, createWorkbookLimit('PC'))).toHaveLength(Math.ceil(bytes.length / 3) * 4);
  });

  test('over Excel on the web’s 5 MB the user is told plainly and offered the alternative', () => {
    const bytes = new Uint8Array(4 * 1024 * 1024);
    const limit = createWorkbookLimit('OfficeOnline');
    expect(() => exportPayload(bytes, limit)).toThrow(ExportTooLargeError);
    expect(() => exportPayload(bytes, limit)).toThrow(
      'The new workbook would be 5.3 MB, and Excel on the web opens at most 5.0 MB at a time. Add its sheets to this workbook instead, or make it with the ragbook command-line tool.',
    );
  });
});

describe('Excel’s refusals in plain words', () => {
  test.each([
    ['InvalidOperationInCellEditMode', 'Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.'],
    ['RequestPayloadSizeLimitExceeded', 'The change is too large for Excel on the web to take in one go. Try Excel for the desktop, or use the ragbook command-line tool on a copy of the file instead.'],
    ['ResponsePayloadSizeLimitExceeded', 'This sheet is too large to read in one go on Excel on the web. Try Excel for the desktop, or use the ragbook command-line tool on a copy of the file instead.'],
    ['InvalidOperation', 'Excel refused the change. Is a sheet protected, or is a cell Ragbook writes to inside a table, a merged area or an array formula? Check the sheet and try again.'],
    // A code Ragbook has no particular words for still gets a sentence, never the code.
    ['GeneralException', 'Excel could not finish this. Save the workbook and try again; if it keeps failing, use the ragbook command-line tool on a copy of the file instead.'],
  ])('%s', (code, message) => {
    const explained = explainExcelError(new SimError(code, 'technical text'));
    expect(explained).toBeInstanceOf(ExcelRefusedError);
    expect(explained).toMatchObject({ code, message });
    expect((explained as Error).message).not.toContain(code);
  });

  test('an error that is not Excel’s is passed on unchanged', () => {
    const plain = new Error('x');
    expect(explainExcelError(plain)).toBe(plain);
  });
});
