/**
 * SPEC §4 under Microsoft's own Office.js runtime: user sheets named like
 * every sheet Ragbook generates survive each report cell for cell, Ragbook's
 * own go to "… (2)", and a plan that would replace a user's sheet is refused
 * before anything is sent to write.
 */
import { openWorkbook } from '../../../../src/adapters/file';
import { reports } from '../../../../src/core/reports';
import type { WorkbookGrids } from '../../../../src/model/grid';
import { REPORT_OPTIONS, sampleWithUserSheets } from '../../../fixtures/user-sheets';
import { SimWorkbook } from '../sim/model';
import { type RealRuntime, startRealRuntime } from './harness';

let runtime: RealRuntime;
let grids: WorkbookGrids;
let userSheets: string[];

beforeAll(async () => {
  runtime = await startRealRuntime();
  const sample = await sampleWithUserSheets();
  grids = (await openWorkbook(sample.bytes)).grids;
  userSheets = sample.userSheets;
}, 60_000);

afterAll(async () => {
  await runtime?.close();
});

/** A sheet's cells as the simulated host holds them before any write. */
function cellsBefore(name: string): Record<string, unknown> {
  const sheet = SimWorkbook.fromGrids(grids).sheet(name)!;
  return Object.fromEntries([...sheet.cells].map(([key, cell]) => [key, { value: cell.value, formula: cell.formula, numberFormat: cell.numberFormat, fill: cell.fill }]));
}

test.each(reports.map((r) => r.name))('%s keeps every user sheet named like its own and writes its own as "… (2)"', async (name) => {
  const { plan } = reports.find((r) => r.name === name)!.run(grids, REPORT_OPTIONS);
  const outcome = await runtime.call('write', { grids }, plan);
  expect(outcome.error).toBeUndefined();
  for (const sheet of userSheets) expect([sheet, outcome.cells[sheet]]).toEqual([sheet, JSON.parse(JSON.stringify(cellsBefore(sheet)))]);
  const own = plan.sheets.filter((s) => s.mode === 'generated').map((s) => s.name);
  for (const sheet of own) {
    expect(sheet).toMatch(/ \(2\)$/);
    expect(outcome.sheetNames).toContain(sheet);
  }
}, 60_000);

test('a plan made before the user added a sheet of that name is refused before anything is written', async () => {
  const withoutContents = { sheets: grids.sheets.filter((s) => s.name !== 'Contents') };
  const { plan } = reports.find((r) => r.name === 'ttc')!.run(withoutContents, REPORT_OPTIONS);
  expect(plan.sheets[0].name).toBe('Contents');
  // The workbook the plan reaches has the user's Contents sheet after all.
  const outcome = await runtime.call('write', { grids }, plan);
  expect(outcome.error).toMatchObject({ name: 'UserSheetInTheWayError' });
  expect(outcome.sent.flatMap((r) => r.actions).filter((a) => a === 'SetProperty Values' || a === 'Method Add' || a === 'Method Delete')).toEqual([]);
  expect(outcome.cells.Contents).toEqual(JSON.parse(JSON.stringify(cellsBefore('Contents'))));
}, 60_000);
