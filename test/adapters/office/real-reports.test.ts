/**
 * The core's own reports on the bundled sample workbook, executed by both
 * adapters: the live workbook (simulated) ends up with the same cells as the
 * file. And Apply colours on 10 and on 5,000 measures takes the same syncs.
 */
import ExcelJS from 'exceljs';
import { createWorkbook, openWorkbook } from '../../../src/adapters/file';
import { reports } from '../../../src/core/reports';
import { styledRanges } from '../../../src/model/plan';
import { buildSampleWorkbook } from '../../fixtures/sample/build-sample';
import { differences } from './compare';
import { execute } from './run-plan';
import { ExcelSim } from './sim/excel-sim';
import { SimWorkbook } from './sim/model';

const options = { today: '2018-11-30' };

describe.each(reports.filter((r) => r.target === 'input').map((r) => [r.name, r] as const))('%s', (_name, report) => {
  test('gives the same workbook through Office.js as through the file', async () => {
    const bytes = new Uint8Array(await buildSampleWorkbook());
    const opened = await openWorkbook(bytes);
    if (report.appliesTo && !report.appliesTo(opened.grids)) return;
    const { plan } = report.run(opened.grids, options);
    const sim = new ExcelSim(SimWorkbook.fromGrids(opened.grids));
    // Grids carry values, not the officer's own formatting (bold titles, header fills): those
    // differ before the plan runs, so the test asks that the plan adds no difference of its own.
    const before = await differences(bytes, sim.book);
    await execute(sim, plan);
    const after = await differences(await opened.write(plan), sim.book);
    expect(after.filter((d) => !before.includes(d))).toEqual([]);
    // Two to check (names; Ragbook's marks and the protection of the user's sheets it writes to), one to write, one to recalculate.
    expect(sim.counters.syncs).toBe(4);
  });
});

describe.each(reports.filter((r) => r.target === 'new').map((r) => [r.name, r] as const))('%s (an export)', (_name, report) => {
  test('as sheets in the open workbook, the same as the new file', async () => {
    const { grids } = await openWorkbook(new Uint8Array(await buildSampleWorkbook()));
    if (report.appliesTo && !report.appliesTo(grids)) return;
    const { plan } = report.run(grids, options);
    const sim = new ExcelSim(SimWorkbook.fromGrids({ sheets: [{ name: 'Sheet1', rows: [], tables: [] }] }));
    await execute(sim, plan);
    sim.book.sheets.splice(0, 1);
    expect(await differences(await createWorkbook(plan), sim.book)).toEqual([]);
    // Every chart is a native chart; forecast lines are dashed.
    const planned = plan.sheets.flatMap((sheet) => sheet.charts ?? []);
    const made = sim.book.sheets.flatMap((sheet) => sheet.charts);
    expect(made.map((c) => c.title)).toEqual(planned.map((c) => c.title));
    expect(made.flatMap((c) => c.series.filter((s) => s.lineStyle === 'Dash')).length).toBe(planned.flatMap((c) => c.series.filter((s) => s.dashed)).length);
  });
});

async function wideWorkbook(measures: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Measures');
  sheet.addRow(['Ref', 'Measure', 'Polarity', 'Target', 'Tolerance', 'Q1 2017/18', 'Q2 2017/18', 'Q3 2017/18', 'Q4 2017/18']);
  for (let i = 0; i < measures; i++) {
    sheet.addRow([`M${i + 1}`, `Measure ${i + 1}`, i % 3 ? 'Higher is better' : 'Lower is better', 50, '±5', ...[0, 1, 2, 3].map((q) => 40 + ((i * 7 + q * 11) % 21))]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

test('Apply colours: the same number of syncs for 10 and for 5,000 measures', async () => {
  const apply = reports.find((r) => r.name === 'apply')!;
  const syncs: number[] = [];
  let runs = 0;
  for (const measures of [10, 5000]) {
    const { grids } = await openWorkbook(await wideWorkbook(measures));
    const { plan } = apply.run(grids, options);
    const sim = new ExcelSim(SimWorkbook.fromGrids(grids));
    await execute(sim, plan);
    syncs.push(sim.counters.syncs);
    // One discontiguous range per colour and 8,000 characters of its addresses, not one per run.
    runs = plan.sheets.flatMap(styledRanges).filter((r) => plan.styles[r.style]?.fill).length;
    expect(sim.counters.fills).toBeLessThan(Math.max(20, runs / 100));
  }
  expect(runs).toBeGreaterThan(5000);
  expect(syncs).toEqual([4, 4]);
}, 60_000);
