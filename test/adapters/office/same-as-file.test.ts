import { createWorkbook, openWorkbook } from '../../../src/adapters/file';
import { applyReport } from '../../../src/core/apply/apply-report';
import { differences } from './compare';
import { applyLikePlan, measuresWorkbook } from './fixtures';
import { execute, simulated } from './run-plan';
import { ExcelSim } from './sim/excel-sim';
import { SimWorkbook } from './sim/model';

describe('the Office adapter and the file adapter give the same workbook for the same plan', () => {
  test.each([10, 200])('patching the user’s workbook (%i measures)', async (measures) => {
    const { sim, bytes } = await simulated(measures);
    const plan = applyLikePlan(measures);
    await execute(sim, plan);
    const file = await (await openWorkbook(bytes)).write(plan);
    expect(await differences(file, sim.book)).toEqual([]);
  });

  test('an export: a new workbook of generated sheets', async () => {
    const plan = applyLikePlan(10);
    plan.sheets = plan.sheets.filter((s) => s.mode === 'generated');
    plan.removeSheets = [];
    // Excel's new workbook has one blank sheet, removed once the export's sheets are in.
    const sim = new ExcelSim(SimWorkbook.fromGrids({ sheets: [{ name: 'Sheet1', rows: [], tables: [] }] }));
    await execute(sim, { ...plan, removeSheets: [] });
    sim.book.sheets.splice(0, 1);
    expect(await differences(await createWorkbook(plan), sim.book)).toEqual([]);
  });

  test('Apply colours: each figure’s symbol composed into its own number format, run twice', async () => {
    let bytes = await measuresWorkbook(40);
    for (const run of [1, 2]) {
      const { grids } = await openWorkbook(bytes);
      const plan = applyReport.run(grids, { today: '2018-04-30' }).plan;
      const composed = Object.values(plan.styles).flatMap((s) => (s.numberFormat ? [s.numberFormat] : []));
      expect({ run, composed }).toEqual({ run, composed: expect.arrayContaining(['"✓ "General;"✓ "-General;"✓ "General;"✓ "@', '"✗ "General;"✗ "-General;"✗ "General;"✗ "@']) });
      const sim = new ExcelSim(SimWorkbook.fromGrids(grids));
      await execute(sim, plan);
      bytes = await (await openWorkbook(bytes)).write(plan);
      expect(await differences(bytes, sim.book)).toEqual([]);
    }
  });
});

test('the comparison notices a changed fill, value, link or active sheet', async () => {
  const { sim, bytes } = await simulated(10);
  const plan = applyLikePlan(10);
  await execute(sim, plan);
  const file = await (await openWorkbook(bytes)).write(plan);
  const measures = sim.book.sheet('Measures')!;
  measures.cell(3, 3).fill = '#FFFFFF';
  measures.cell(3, 7).value = 'Met?';
  sim.book.sheet('Issues')!.cell(4, 1).hyperlink = { documentReference: 'Measures!A1' };
  sim.book.activeSheet = 'Notes';
  expect(await differences(file, sim.book)).toEqual([
    'active sheet: file Measures, Office Notes',
    'Measures!D4 fill: file "#FFD966", Office "#FFFFFF"',
    'Measures!H4 value: file "No data", Office "Met?"',
    'Issues!B5 link: file "Measures!E4", Office "Measures!A1"',
  ]);
});
