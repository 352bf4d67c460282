import { MissingSheetError } from '../../../src/adapters/office/errors';
import { applyLikePlan, fillRunCount } from './fixtures';
import { ExcelSim } from './sim/excel-sim';
import { SimWorkbook } from './sim/model';
import { execute, simulated } from './run-plan';

describe('writePlan on the simulated Excel host', () => {
  test('the number of syncs does not grow with the number of measures', async () => {
    const counts: Record<number, { syncs: number; bytes: number }> = {};
    for (const measures of [10, 5000]) {
      const { sim } = await simulated(measures);
      await execute(sim, applyLikePlan(measures));
      counts[measures] = { syncs: sim.counters.syncs, bytes: Math.max(...sim.counters.requestBytes) };
    }
    expect(counts[10].syncs).toBe(2);
    expect(counts[5000].syncs).toBe(counts[10].syncs);
    // The host refuses requests over 5 MB; 5,000 measures fit in one.
    expect(counts[5000].bytes).toBeLessThan(5 * 1024 * 1024);
  });

  test.each([10, 500])('fills are one call per run of same-coloured cells (%i measures)', async (measures) => {
    const { sim } = await simulated(measures);
    const plan = applyLikePlan(measures);
    await execute(sim, plan);
    expect(sim.counters.fills).toBe(fillRunCount(plan));
    // One range per styled run, whatever it sets (fill, font, borders).
    expect(sim.counters.formattedRanges).toBe(plan.sheets.reduce((n, s) => n + s.styles.length, 0));
    // Far fewer calls than cells coloured.
    expect(sim.counters.fills).toBeLessThan(measures * 4);
  });

  test('calculation and screen updating are suspended around the writes', async () => {
    const { sim } = await simulated(10);
    await execute(sim, applyLikePlan(10));
    expect(sim.counters.suspendCalculation).toBe(1);
    expect(sim.counters.suspendScreenUpdating).toBe(1);
  });

  test('text that looks like a formula or a number stays the text in the plan', async () => {
    const { sim } = await simulated(10);
    await execute(sim, applyLikePlan(10));
    const issues = sim.book.sheet('Issues')!;
    const column = [4, 5, 6, 7, 8].map((r) => issues.peek(r, 2));
    expect(column.map((c) => c?.value)).toEqual([
      "'#N/A' is an Excel error — treated as no data",
      '=SUM(A1:A3) was typed as text',
      '-4% / +8% read as a band of 36 to 48',
      '+/-20',
      '@risk: 45%',
    ]);
    expect(column.every((c) => c?.formula === undefined)).toBe(true);
  });

  test('without the Text format the simulated host turns such text into formulas, as Excel does', async () => {
    const sim = new ExcelSim(SimWorkbook.fromGrids({ sheets: [{ name: 'S', rows: [], tables: [] }] }));
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 1, 3).values = [['=SUM(A1:A3)', '45%', 'TRUE']];
      await context.sync();
    });
    const sheet = sim.book.sheet('S')!;
    expect(sheet.peek(0, 0)?.formula).toBe('=SUM(A1:A3)');
    expect(sheet.peek(0, 1)?.value).toBe(0.45);
    expect(sheet.peek(0, 2)?.value).toBe(true);
  });

  test('running the plan again gives the same workbook: generated sheets are replaced, not stacked', async () => {
    const { sim } = await simulated(10);
    const plan = applyLikePlan(10);
    await execute(sim, plan);
    const once = JSON.stringify(sim.book.sheets.map((s) => [s.name, [...s.cells], s.charts]));
    await execute(sim, plan);
    expect(sim.book.sheets.map((s) => s.name)).toEqual(['Measures', 'Notes', 'Summary', 'Issues']);
    expect(JSON.stringify(sim.book.sheets.map((s) => [s.name, [...s.cells], s.charts]))).toBe(once);
  });

  test('charts are native, over the sheet’s cells, with a dashed forecast line', async () => {
    const { sim } = await simulated(10);
    await execute(sim, applyLikePlan(10));
    const [chart] = sim.book.sheet('Summary')!.charts;
    expect(chart).toMatchObject({ type: 'Line', title: 'Measures by status', valueAxisTitle: 'Measures', position: ['A11', 'E24'] });
    expect(chart.series).toEqual([
      { name: 'Measures', values: 'B5:B8', xValues: 'A5:A8', lineColor: '#1F4E79', lineStyle: 'Continuous', markerStyle: 'Automatic' },
      { name: 'If nothing changes', values: 'B5:B8', xValues: 'A5:A8', lineColor: '#7F7F7F', lineStyle: 'Dash', markerStyle: 'None' },
    ]);
  });

  test('page setup, frozen panes and print titles reach the sheet', async () => {
    const { sim } = await simulated(10);
    await execute(sim, applyLikePlan(10));
    const summary = sim.book.sheet('Summary')!;
    expect(summary.page).toEqual({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$4:$4' });
    expect(summary.freeze).toEqual({ rows: 4, cols: 0 });
    expect(summary.tabColor).toBe('#1F4E79');
  });

  test('a plan naming a sheet the workbook lacks changes nothing and says which sheet', async () => {
    const { sim } = await simulated(10);
    const plan = applyLikePlan(10);
    plan.sheets[0] = { ...plan.sheets[0], name: 'Indicators' };
    const before = JSON.stringify(sim.book);
    await expect(execute(sim, plan)).rejects.toThrow(MissingSheetError);
    await expect(execute(sim, plan)).rejects.toThrow('no sheet called "Indicators"');
    expect(JSON.stringify(sim.book)).toBe(before);
  });
});
