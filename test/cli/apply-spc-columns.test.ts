/**
 * `ragbook apply --spc` (issue 21): Variation and Assurance columns beside
 * Status, kept up to date by later runs, removed by --no-spc, moved (never
 * over the user's cells) when there is no room beside Ragbook's own columns.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli';
import { loadWorkbook, saveWorkbook, tempDir, typeIntoCells } from '../helpers/xlsx';

const QUARTERS = Array.from({ length: 16 }, (_, i) => `Q${(i % 4) + 1} ${2014 + Math.floor(i / 4)}/${String(15 + Math.floor(i / 4)).padStart(2, '0')}`);

const MEASURES: [string, string, string, number, number[]][] = [
  // Eight quarters around 50, then eight around 55, against a target of 60 above the upper limit.
  ['S1', 'Shifted up', 'Higher is better', 60, [50, 51, 49, 50, 52, 48, 50, 51, 55, 56, 54, 55, 57, 55, 56, 55]],
  // Steady well above its target.
  ['P1', 'Steady and passing', 'Higher is better', 80, [90, 91, 89, 90, 92, 90, 89, 91, 90, 90, 91, 89, 90, 91, 90, 91]],
  // Eight figures only: limits from fewer than fifteen are provisional; the target of 10 is inside them.
  ['H1', 'Short and hit or miss', 'Higher is better', 10, [9, 11, 10, 12, 9, 10, 11, 10]],
  ['T1', 'Too short', 'Lower is better', 10, [10, 11, 12, 11, 12]],
];

let dir: string;

/** Columns A–D are the measure's fields, E–T the sixteen quarters: Ragbook's columns start at V, after a gap. */
async function wideWorkbook(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Measures');
  sheet.getRow(1).values = ['Ref', 'Measure', 'Polarity', 'Target', ...QUARTERS];
  MEASURES.forEach(([ref, name, polarity, target, values], i) => {
    const offset = QUARTERS.length - values.length;
    sheet.getRow(i + 2).values = [ref, name, polarity, target, ...QUARTERS.map((_, q) => (q < offset ? null : values[q - offset]))];
  });
  return saveWorkbook(book, dir, 'wide.xlsx');
}

async function apply(input: string, name: string, ...flags: string[]): Promise<ExcelJS.Worksheet> {
  const output = path.join(dir, name);
  const result = await runCli(['apply', input, '-o', output, ...flags]);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  const book = await loadWorkbook(output);
  return book.getWorksheet('Measures') as ExcelJS.Worksheet;
}

/** A row's texts from column `from` (1-based) on, `count` of them. */
function texts(sheet: ExcelJS.Worksheet, row: number, from: string, count: number): unknown[] {
  const first = sheet.getColumn(from).number;
  return Array.from({ length: count }, (_, i) => sheet.getRow(row).getCell(first + i).value);
}

beforeAll(async () => {
  dir = await tempDir();
});

test('--spc writes Variation and Assurance beside Status, as symbols and words', async () => {
  const sheet = await apply(await wideWorkbook(), 'spc.xlsx', '--spc');
  expect(texts(sheet, 1, 'U', 4)).toEqual(['Status for Q4 2017/18', 'Direction of travel for Q4 2017/18', 'Variation (SPC)', 'Assurance (SPC)']);
  expect(texts(sheet, 2, 'W', 2)).toEqual(['▲ High: improving', '✗ F: will miss the target']);
  expect(texts(sheet, 3, 'W', 2)).toEqual(['~ No significant change', '✓ P: will meet the target']);
  expect(texts(sheet, 4, 'W', 2)).toEqual(['~ No significant change (provisional)', '? Hit or miss']);
  expect(texts(sheet, 5, 'W', 2)).toEqual(['– Too few figures', '– Too few figures']);
});

test('a later run keeps the columns up to date; --no-spc blanks them and leaves Status', async () => {
  const first = path.join(dir, 'spc.xlsx');
  // The officer corrects the latest figure to 30: far below the usual range, a concern; the
  // limits (the moving range of 25 screened out) stay below the target of 60.
  const typed = path.join(dir, 'typed.xlsx');
  await typeIntoCells(first, typed, 'Measures', [{ row: 2, col: 20, value: 30 }]);
  const again = await apply(typed, 'again.xlsx');
  expect(texts(again, 2, 'W', 2)).toEqual(['▼ Low: concerning', '✗ F: will miss the target']);
  const off = await apply(path.join(dir, 'again.xlsx'), 'off.xlsx', '--no-spc');
  expect(texts(off, 1, 'U', 4)).toEqual(['Status for Q4 2017/18', 'Direction of travel for Q4 2017/18', null, null]);
  expect(texts(off, 2, 'W', 2)).toEqual([null, null]);
  const stillOff = await apply(path.join(dir, 'off.xlsx'), 'still-off.xlsx');
  expect(texts(stillOff, 1, 'W', 2)).toEqual([null, null]);
});

test('with the user\'s notes beside Status, the four columns move past them and the old two are blanked', async () => {
  const coloured = path.join(dir, 'coloured.xlsx');
  await apply(await wideWorkbook(), 'coloured.xlsx');
  const noted = path.join(dir, 'noted.xlsx');
  await typeIntoCells(coloured, noted, 'Measures', [{ row: 1, col: 23, value: 'Officer notes' }, { row: 2, col: 23, value: 'Checked with the service' }]);
  const sheet = await apply(noted, 'moved.xlsx', '--spc');
  expect(texts(sheet, 1, 'U', 3)).toEqual([null, null, 'Officer notes']);
  expect(texts(sheet, 2, 'W', 1)).toEqual(['Checked with the service']);
  expect(texts(sheet, 1, 'X', 4)).toEqual(['Status for Q4 2017/18', 'Direction of travel for Q4 2017/18', 'Variation (SPC)', 'Assurance (SPC)']);
  expect(texts(sheet, 2, 'Z', 1)).toEqual(['▲ High: improving']);
});

test('on a long sheet the icons stand on each measure\'s latest row', async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Data');
  sheet.getRow(1).values = ['Ref', 'Measure', 'Polarity', 'Period', 'Target', 'Actual'];
  const [ref, name, polarity, target, values] = MEASURES[1];
  values.forEach((value, q) => (sheet.getRow(q + 2).values = [ref, name, polarity, QUARTERS[q], target, value]));
  const input = await saveWorkbook(book, dir, 'long.xlsx');
  const output = path.join(dir, 'long-spc.xlsx');
  expect((await runCli(['apply', input, '-o', output, '--spc'])).code).toBe(0);
  const written = (await loadWorkbook(output)).getWorksheet('Data') as ExcelJS.Worksheet;
  expect(texts(written, 1, 'I', 2)).toEqual(['Variation (SPC)', 'Assurance (SPC)']);
  expect(texts(written, 17, 'I', 2)).toEqual(['~ No significant change', '✓ P: will meet the target']);
  expect(texts(written, 16, 'I', 2)).toEqual([null, null]);
});

test('--spc and --no-spc together are refused in one line', async () => {
  const result = await runCli(['apply', await wideWorkbook(), '--spc', '--no-spc']);
  expect(result.code).not.toBe(0);
  expect(result.err.trim()).toBe('ragbook apply: give --spc or --no-spc, not both');
});
