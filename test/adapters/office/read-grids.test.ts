import ExcelJS from 'exceljs';
import { openWorkbook } from '../../../src/adapters/file';
import { readGrids } from '../../../src/adapters/office/read-grids';
import { toCell } from '../../../src/adapters/office/read-grids';
import { measuresWorkbook } from './fixtures';
import { ExcelSim, SimError } from './sim/excel-sim';
import { SimWorkbook } from './sim/model';

type Context = Excel.RequestContext;

describe('readGrids on the simulated Excel host', () => {
  test('gives the grids the file adapter reads from the same workbook, tables included', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Data');
    sheet.getCell('B3').value = 'Measure';
    sheet.getCell('C3').value = 'Q1 2017/18';
    sheet.getCell('B4').value = 'Looked after children';
    sheet.getCell('C4').value = 0.452;
    sheet.getCell('C4').numFmt = '0.0%';
    sheet.getCell('D4').value = { formula: 'C4*2', result: 0.904 };
    sheet.getCell('E4').value = { error: '#DIV/0!' };
    sheet.getCell('F4').value = true;
    sheet.addTable({ name: 'Actuals', ref: 'B6', columns: [{ name: 'Period' }, { name: 'Actual' }], rows: [['Q1 2017/18', 12], ['Q2 2017/18', 14]] });
    book.addWorksheet('Empty');
    const { grids } = await openWorkbook(new Uint8Array(await book.xlsx.writeBuffer()));
    const sim = new ExcelSim(SimWorkbook.fromGrids(grids));

    const read = await sim.run((context) => readGrids(context as unknown as Context));
    expect(read).toEqual(grids);
    expect(read.sheets[0].tables).toEqual([{ name: 'Actuals', top: 5, left: 1, bottom: 7, right: 2 }]);
  });

  test('a large sheet is read in blocks of rows and gives the same grids as the file', async () => {
    const syncs: number[] = [];
    for (const measures of [10, 5000]) {
      const { grids } = await openWorkbook(await measuresWorkbook(measures));
      const sim = new ExcelSim(SimWorkbook.fromGrids(grids));
      expect(await sim.run((context) => readGrids(context as unknown as Context))).toEqual(grids);
      syncs.push(sim.counters.syncs);
    }
    // Names, bounds, then one block for each of the three sheets…
    expect(syncs[0]).toBe(5);
    // … and more blocks for 5,000 measures (sizes under the real runtime: real-runtime.test.ts).
    expect(syncs[1]).toBeGreaterThan(syncs[0]);
  });

  test.each([
    { title: 'an empty cell', raw: '', format: 'General', formula: '', expected: undefined },
    { title: 'a number with a format', raw: 0.5, format: '0%', formula: 0.5, expected: { value: 0.5, numberFormat: '0%' } },
    { title: 'an Excel error', raw: '#N/A', format: 'General', formula: '#N/A', expected: { value: { error: '#N/A' } } },
    { title: 'a formula', raw: 3, format: 'General', formula: '=1+2', expected: { value: 3, formula: '1+2' } },
    { title: 'text that looks like a formula', raw: '=x', format: '@', formula: '=x', expected: { value: '=x', numberFormat: '@' } },
    { title: 'a formula giving an empty string', raw: '', format: 'General', formula: '=""', expected: { value: null, formula: '""' } },
  ])('reads $title', ({ raw, format, formula, expected }) => {
    expect(toCell(raw, format, formula)).toEqual(expected);
  });

  test('the simulated host refuses to show a property before load and sync, as Office.js does', async () => {
    const sim = new ExcelSim(SimWorkbook.fromGrids({ sheets: [{ name: 'S', rows: [[{ value: 1 }]], tables: [] }] }));
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1');
      expect(() => range.values).toThrow(SimError);
      range.load('values');
      expect(() => range.values).toThrow("The property 'values' is not available");
      await context.sync();
      expect(range.values).toEqual([[1]]);
    });
  });
});
