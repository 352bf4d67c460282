/**
 * The Office adapter under Microsoft's own Excel runtime (`@microsoft/office-js`,
 * excel-web-16.00.js, in headless Chromium): every size is what Office.js
 * serialises for `context.sync()`; the simulated host carries the requests out.
 */
import { openWorkbook } from '../../../../src/adapters/file';
import { reports } from '../../../../src/core/reports';
import type { WorkbookGrids } from '../../../../src/model/grid';
import type { WritePlan } from '../../../../src/model/plan';
import { buildSampleWorkbook } from '../../../fixtures/sample/build-sample';
import { execute } from '../run-plan';
import { ExcelSim } from '../sim/excel-sim';
import { SimWorkbook } from '../sim/model';
import { type RealRuntime, startRealRuntime } from './harness';

const MB = 1024 * 1024;
let runtime: RealRuntime;

beforeAll(async () => {
  runtime = await startRealRuntime();
}, 60_000);

afterAll(async () => {
  await runtime?.close();
});

test('no request of Apply colours on 10,000 measures × 12 quarters passes 4 MB', async () => {
  const figures = await runtime.call('measureReport', 'apply', 10_000);
  expect(figures.error).toBeUndefined();
  const total = figures.requests.reduce((sum, bytes) => sum + bytes, 0);
  expect(Math.max(...figures.requests)).toBeLessThanOrEqual(4 * MB);
  // Within twice the addresses and values themselves; requests grow with bytes, not with measures.
  expect(total).toBeLessThan(2 * figures.floorBytes);
  // Two requests to check and one to recalculate; the writes fill each request to at least 2 MB.
  expect(figures.requests.length).toBeLessThanOrEqual(3 + Math.ceil(total / (2 * MB)));
  // Every actual of every measure is coloured.
  expect(figures.filledCells).toBeGreaterThanOrEqual(10_000 * 12);
}, 60_000);

test('Excel on the web’s refusal of a request over 5 MB reaches the pane as a sentence, not a code', async () => {
  const refused = await runtime.call('oversizedWrite');
  expect(refused).toEqual({
    code: 'RequestPayloadSizeLimitExceeded',
    message: 'The change is too large for Excel on the web to take in one go. Try Excel for the desktop, or use the ragbook command-line tool on a copy of the file instead.',
  });
});

const TRICKY = ['=SUM(1)', '+44 1234', '-5% on last year', '@risk', "'0123"];
const userBook: WorkbookGrids = {
  sheets: [{ name: 'Measures', rows: [[{ value: 'Measure' }, { value: 'Q1' }], [{ value: 'Pupils' }, { value: 40 }]], tables: [] }],
};

/** The tricky texts down a column of the user's sheet and of a generated one. */
const textPlan: WritePlan = {
  styles: {},
  sheets: [
    { name: 'Measures', mode: 'existing', values: [{ row: 2, col: 0, values: TRICKY.map((t) => [t]) }], styles: [] },
    { name: 'Notes', mode: 'generated', values: [{ row: 0, col: 0, values: TRICKY.map((t) => [t, 'plain words']) }], styles: [] },
  ],
  removeSheets: [],
};

test('text that looks like a formula, a number or a prefix reaches Excel as the text typed', async () => {
  const outcome = await runtime.call('write', { grids: userBook, keepBodies: true }, textPlan);
  expect(outcome.error).toBeUndefined();
  // What is sent: the Text number format before the values, in the same request.
  const actions = outcome.sent.flatMap((r) => r.actions);
  const firstValues = actions.indexOf('SetProperty Values');
  expect(actions.indexOf('SetProperty NumberFormat')).toBeGreaterThan(-1);
  expect(actions.indexOf('SetProperty NumberFormat')).toBeLessThan(firstValues);
  const sentValues = outcome.sent.flatMap((r) => r.body!.Actions.filter((a) => a.Name === 'Values').flatMap((a) => (a.ArgumentInfo?.Arguments?.[0] as unknown[][]).flat()));
  expect(sentValues).toEqual(expect.arrayContaining(TRICKY));
  // What Excel (simulated) holds afterwards: the text as typed, as text, and no formula.
  for (const [sheet, col] of [['Measures', 0], ['Notes', 0]] as const) {
    const first = sheet === 'Measures' ? 2 : 0;
    const cells = TRICKY.map((_, i) => outcome.cells[sheet][`${first + i},${col}`]);
    expect(cells.map((c) => c.value)).toEqual(TRICKY);
    expect(cells.every((c) => c.formula === undefined && c.numberFormat === '@')).toBe(true);
  }
  // The user's own cells are as they were.
  expect(outcome.cells.Measures['1,1']).toMatchObject({ value: 40, numberFormat: 'General' });
});

test('without the Text format first, the same texts would not survive (the check can fail)', async () => {
  // Written straight into General cells, Excel (simulated as Excel behaves) makes formulas and drops the apostrophe.
  const raw = await runtime.call('writeRaw', TRICKY);
  expect(raw.map((c) => c.formula ?? c.value)).toEqual(['=SUM(1)', '=+44 1234', '=-5% on last year', '=@risk', '0123']);
});

test.each([
  ['the user’s sheet is protected', { protectedSheets: ['Measures'] }, 'The sheet "Measures" is protected'],
  ['the workbook structure is protected', { structureProtected: true }, "This workbook's structure is protected"],
])('when %s, nothing is written: only questions are sent', async (_what, protection, message) => {
  const outcome = await runtime.call('write', { grids: userBook, ...protection }, textPlan);
  expect(outcome.error?.message).toContain(message);
  expect(outcome.error?.message).toContain('Nothing was changed.');
  const actions = outcome.sent.flatMap((r) => r.actions);
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.every((a) => a === 'Instantiate' || a === 'Query')).toBe(true);
  expect(outcome.sheetNames).toEqual(['Measures']);
  expect(Object.keys(outcome.cells.Measures)).toEqual(['0,0', '0,1', '1,0', '1,1']);
});

test('reading 10,000 measures × 12 quarters: every answer under Excel on the web’s 5 MB, the grids as made', async () => {
  const read = await runtime.call('read', 10_000);
  expect(read.error).toBeUndefined();
  expect(read.same).toBe(true);
  const answers = read.sent.map((r) => r.responseBytes);
  expect(Math.max(...answers)).toBeLessThan(4 * MB);
  // Names, then bounds, then the sheet in blocks: more than one block, each well filled.
  expect(answers.length).toBeGreaterThan(3);
}, 60_000);

test('a sheet of long texts is read in smaller blocks after Excel refuses a large one', async () => {
  const text = 'A long note about this measure. '.repeat(40);
  const rows = Array.from({ length: 600 }, (_, r) => Array.from({ length: 6 }, (_, c) => ({ value: `${r},${c} ${text}` })));
  const read = await runtime.call('read', { sheets: [{ name: 'Notes', rows, tables: [] }] });
  expect(read.error).toBeUndefined();
  expect(read.same).toBe(true);
  // The first block (20,000 cells' worth) was refused, answered by nothing; the rest fit.
  expect(read.sent.some((r) => r.responseBytes === 0 && r.actions.includes('Query'))).toBe(true);
  expect(Math.max(...read.sent.map((r) => r.responseBytes))).toBeLessThanOrEqual(5 * MB);
}, 60_000);

let sample: Promise<WorkbookGrids> | undefined;

describe.each(reports.map((r) => [r.name, r] as const))('%s on the sample workbook', (_name, report) => {
  test('through Office.js gives the workbook the simulated host alone gives, every request accepted', async () => {
    sample ??= openWorkbook(new Uint8Array(await buildSampleWorkbook())).then((opened) => opened.grids);
    const grids = await sample;
    if (report.appliesTo && !report.appliesTo(grids)) return;
    const { plan } = report.run(grids, { today: '2018-11-30' });
    // Exports are added to an empty workbook, as "Export … into this workbook" does.
    const start = report.target === 'input' ? grids : { sheets: [{ name: 'Sheet1', rows: [], tables: [] }] };
    const alone = new ExcelSim(SimWorkbook.fromGrids(start));
    await execute(alone, plan);
    const real = await runtime.call('write', { grids: start, snapshot: true }, plan);
    expect(real.error).toBeUndefined();
    expect(JSON.parse(real.snapshot!)).toEqual(JSON.parse(JSON.stringify(alone.book.snapshot())));
  }, 30_000);
});
