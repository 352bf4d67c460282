/**
 * SPEC §4 in the add-in: the live workbook (simulated) has sheets of the
 * user's own named like every sheet Ragbook generates. Each report, read and
 * written through the Office adapter, leaves them cell for cell as they were,
 * puts its own at "… (2)" exactly as the file adapter does, and a re-run
 * replaces those rather than adding "… (3)".
 */
import { openWorkbook } from '../../../src/adapters/file';
import { readGrids } from '../../../src/adapters/office/read-grids';
import { UserSheetInTheWayError } from '../../../src/adapters/office/errors';
import { reports } from '../../../src/core/reports';
import { REPORT_OPTIONS, sampleWithUserSheets, type UserSheetsWorkbook } from '../../fixtures/user-sheets';
import { differences } from './compare';
import { execute } from './run-plan';
import { ExcelSim } from './sim/excel-sim';
import { SimWorkbook } from './sim/model';

let sample: UserSheetsWorkbook;
beforeAll(async () => {
  sample = await sampleWithUserSheets();
});

function read(sim: ExcelSim) {
  return sim.run((context) => readGrids(context as unknown as Excel.RequestContext));
}

function userSheetCells(sim: ExcelSim): string {
  return JSON.stringify(sample.userSheets.map((name) => [name, [...sim.book.sheet(name)!.cells], sim.book.sheet(name)!.names]));
}

describe.each(reports.map((r) => r.name))('%s in the add-in, beside user sheets named like its own', (name) => {
  const report = reports.find((r) => r.name === name)!;

  test('keeps every user sheet, writes its own as "… (2)" as the CLI does, and a re-run adds no "(3)"', async () => {
    const opened = await openWorkbook(sample.bytes);
    const sim = new ExcelSim(SimWorkbook.fromGrids(opened.grids));
    const untouched = userSheetCells(sim);

    const { plan } = report.run(await read(sim), REPORT_OPTIONS);
    // Grids carry values, not the user's own fills: compare only what the plan adds.
    const before = await differences(sample.bytes, sim.book);
    await execute(sim, plan);
    expect(userSheetCells(sim)).toBe(untouched);
    const after = await differences(await opened.write(plan), sim.book);
    expect(after.filter((d) => !before.includes(d))).toEqual([]);
    const own = plan.sheets.filter((s) => s.mode === 'generated').map((s) => s.name);
    expect(own.length).toBeGreaterThan(0);
    for (const sheet of own) expect(sheet).toMatch(/ \(2\)$/);

    const names = sim.book.sheets.map((s) => s.name);
    const again = report.run(await read(sim), REPORT_OPTIONS).plan;
    expect(again.sheets.filter((s) => s.mode === 'generated').map((s) => s.name)).toEqual(own);
    await execute(sim, again);
    expect(sim.book.sheets.map((s) => s.name)).toEqual(names);
    expect(userSheetCells(sim)).toBe(untouched);
  });
});

test('a plan made before the user added a sheet of that name is refused, and nothing is written', async () => {
  const opened = await openWorkbook(sample.bytes);
  const sim = new ExcelSim(SimWorkbook.fromGrids({ sheets: opened.grids.sheets.filter((s) => s.name !== 'Contents') }));
  const { plan } = reports.find((r) => r.name === 'ttc')!.run(await read(sim), REPORT_OPTIONS);
  expect(plan.sheets[0].name).toBe('Contents');
  // Meanwhile the user adds a sheet called Contents.
  await sim.run(async (context) => {
    context.workbook.worksheets.add('Contents').getRange('A1').values = [['Mine']];
    await context.sync();
  });
  const before = JSON.stringify(sim.book.sheets.map((s) => [s.name, [...s.cells]]));
  await expect(execute(sim, plan)).rejects.toThrow(UserSheetInTheWayError);
  expect(JSON.stringify(sim.book.sheets.map((s) => [s.name, [...s.cells]]))).toBe(before);
});

test('an earlier sheet the plan removes is removed only when it carries Ragbook’s mark', async () => {
  const sim = new ExcelSim(
    SimWorkbook.fromGrids({
      sheets: [
        { name: 'Measures', rows: [], tables: [] },
        { name: 'Issues', rows: [[{ value: 'My issues log' }]], tables: [] },
        { name: 'Old issues', rows: [[{ value: 'Issues' }]], tables: [], marks: { generated: true } },
      ],
    }),
  );
  await execute(sim, { styles: {}, sheets: [], removeSheets: ['Issues', 'Old issues'] });
  // "Old issues" carries a mark written under that name; "Issues" carries none.
  expect(sim.book.sheets.map((s) => s.name)).toEqual(['Measures', 'Issues']);
});
