/**
 * Ragbook's Status and Direction of travel columns, in the file and in the
 * live workbook (simulated) alike: found again by Ragbook's mark, never by
 * header text, so a user's own "Status for Q4 2017/18" column is left alone;
 * and kept one column clear of an Excel table, which Excel would otherwise
 * grow over them while the file never does.
 */
import ExcelJS from 'exceljs';
import { openWorkbook } from '../../../src/adapters/file';
import { readGrids } from '../../../src/adapters/office/read-grids';
import { reports } from '../../../src/core/reports';
import type { SheetGrid } from '../../../src/model/grid';
import { differences } from './compare';
import { execute } from './run-plan';
import { ExcelSim } from './sim/excel-sim';
import { SimWorkbook } from './sim/model';

const apply = reports.find((r) => r.name === 'apply')!;
const OPTIONS = { today: '2018-11-30' };
const HEADER = ['Ref', 'Measure', 'Polarity', 'Target', 'Q3 2017/18', 'Q4 2017/18'];
const ROWS = [
  ['A1', 'Assessments on time', 'Higher is better', 80, 78, 83],
  ['A2', 'Repeat referrals', 'Lower is better', 20, 22, 25],
  ['A3', 'Stable placements', 'Higher is better', 70, 71, 69],
];

/** The user's own status column and a column of notes after it, right beside the data. */
async function userStatusColumn(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Measures');
  sheet.addRow([...HEADER, 'Status for Q4 2017/18', 'Notes']);
  ROWS.forEach((row, i) => sheet.addRow([...row, ['On track', 'Off track', 'Watch'][i], `Checked by the lead ${i + 1}`]));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function tableWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Scorecard');
  sheet.addTable({ name: 'Scorecard', ref: 'A1', headerRow: true, columns: HEADER.map((name) => ({ name })), rows: ROWS });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function row(sheet: SheetGrid, r: number): unknown[] {
  return Array.from({ length: 12 }, (_, c) => sheet.rows[r]?.[c]?.value ?? null);
}

/** Apply through the file adapter, twice (the second run on the first's output). */
async function applyTwice(bytes: Uint8Array): Promise<[Uint8Array, Uint8Array]> {
  const first = await openWorkbook(bytes);
  const once = await first.write(apply.run(first.grids, OPTIONS).plan);
  const second = await openWorkbook(once);
  return [once, await second.write(apply.run(second.grids, OPTIONS).plan)];
}

async function sheetOf(bytes: Uint8Array, name: string): Promise<SheetGrid> {
  return (await openWorkbook(bytes)).grids.sheets.find((s) => s.name === name)!;
}

describe('a user column headed "Status for Q4 2017/18"', () => {
  test('is the user’s: kept with the column after it; Ragbook’s columns go beyond, and a re-run reuses them', async () => {
    const input = await userStatusColumn();
    const [once, twice] = await applyTwice(input);
    const [before, after, again] = await Promise.all([input, once, twice].map((b) => sheetOf(b, 'Measures')));
    expect(row(after, 0)).toEqual([...HEADER, 'Status for Q4 2017/18', 'Notes', 'Status for Q4 2017/18', 'Direction of travel for Q4 2017/18', null, null]);
    for (let r = 1; r <= 3; r++) expect(row(after, r).slice(0, 8)).toEqual(row(before, r).slice(0, 8));
    expect(row(after, 2).slice(8, 10)).toEqual(['Not met', '↓ Worsening']);
    expect(after.marks?.ownColumns).toEqual({ row: 0, col: 8, rowCount: 1, colCount: 2 });
    for (let r = 0; r <= 3; r++) expect(row(again, r)).toEqual(row(after, r));
    // Nor is it taken for a period column Ragbook cannot read.
    const { grids } = await openWorkbook(input);
    expect(apply.run(grids, OPTIONS).issues.filter((i) => i.cell === 'G1')).toEqual([]);
  });

  test('the add-in gives the same workbook as the CLI, on the first run and the next', async () => {
    const input = await userStatusColumn();
    const opened = await openWorkbook(input);
    const sim = new ExcelSim(SimWorkbook.fromGrids(opened.grids));
    const [once, twice] = await applyTwice(input);
    for (const expected of [once, twice]) {
      const grids = await sim.run((context) => readGrids(context as unknown as Excel.RequestContext));
      await execute(sim, apply.run(grids, OPTIONS).plan);
      const before = await differences(input, SimWorkbook.fromGrids(opened.grids));
      expect((await differences(expected, sim.book)).filter((d) => !before.includes(d))).toEqual([]);
    }
    expect(sim.book.sheet('Measures')!.peek(0, 10)).toBeUndefined();
  });
});

describe('measures in an Excel table', () => {
  test('Ragbook’s columns sit outside the table, one column clear of it, in the file', async () => {
    const input = await tableWorkbook();
    const [once, twice] = await applyTwice(input);
    const after = await sheetOf(once, 'Scorecard');
    expect(after.tables).toEqual([{ name: 'Scorecard', top: 0, left: 0, bottom: 3, right: 5 }]);
    expect(row(after, 0).slice(5, 9)).toEqual(['Q4 2017/18', null, 'Status for Q4 2017/18', 'Direction of travel for Q4 2017/18']);
    expect(row(await sheetOf(twice, 'Scorecard'), 0)).toEqual(row(after, 0));
  });

  test('the add-in leaves the table as it was and gives the same workbook as the CLI', async () => {
    const input = await tableWorkbook();
    const opened = await openWorkbook(input);
    const sim = new ExcelSim(SimWorkbook.fromGrids(opened.grids));
    const before = await differences(input, sim.book);
    const [once] = await applyTwice(input);
    await execute(sim, apply.run(opened.grids, OPTIONS).plan);
    expect(sim.book.sheet('Scorecard')!.tables).toEqual([{ name: 'Scorecard', top: 0, left: 0, bottom: 3, right: 5 }]);
    expect((await differences(once, sim.book)).filter((d) => !before.includes(d))).toEqual([]);
  });

  test('the simulated host grows a table over a column written right beside it, as Excel does', async () => {
    const { grids } = await openWorkbook(await tableWorkbook());
    const sim = new ExcelSim(SimWorkbook.fromGrids(grids));
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem('Scorecard').getRangeByIndexes(0, 6, 1, 1).values = [['Status']];
      await context.sync();
    });
    expect(sim.book.sheet('Scorecard')!.tables[0].right).toBe(6);
  });
});

describe('SPC columns (apply --spc, the pane switch)', () => {
  test('the add-in gives the same workbook as the CLI when they are added, kept and removed', async () => {
    const input = await userStatusColumn();
    const opened = await openWorkbook(input);
    const sim = new ExcelSim(SimWorkbook.fromGrids(opened.grids));
    const before = await differences(input, SimWorkbook.fromGrids(opened.grids));
    let file = input;
    for (const spcColumns of [true, undefined, false]) {
      const options = { ...OPTIONS, ...(spcColumns === undefined ? {} : { spcColumns }) };
      const inFile = await openWorkbook(file);
      file = await inFile.write(apply.run(inFile.grids, options).plan);
      const grids = await sim.run((context) => readGrids(context as unknown as Excel.RequestContext));
      await execute(sim, apply.run(grids, options).plan);
      expect((await differences(file, sim.book)).filter((d) => !before.includes(d))).toEqual([]);
      const columns = (await sheetOf(file, 'Measures')).marks?.ownColumns;
      expect(columns).toEqual({ row: 0, col: 8, rowCount: 1, colCount: spcColumns === false ? 2 : 4 });
      // Two quarters are too few for a chart: the cells say so rather than stay blank.
      if (spcColumns) expect(row(await sheetOf(file, 'Measures'), 1).slice(10, 12)).toEqual(['– Too few figures', '– Too few figures']);
    }
    expect(row(await sheetOf(file, 'Measures'), 1).slice(8, 12)).toEqual(['Met', '↑ Improving', null, null]);
  });
});
