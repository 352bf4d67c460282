import { MissingSheetError, OutsideSheetError } from '../../../src/adapters/office/errors';
import { applyLikePlan, fillRunCount } from './fixtures';
import { ExcelSim } from './sim/excel-sim';
import { SimWorkbook } from './sim/model';
import { execute, simulated } from './run-plan';

describe('writePlan on the simulated Excel host', () => {
  test('the number of syncs does not grow with the number of measures', async () => {
    const syncs: Record<number, number> = {};
    for (const measures of [10, 5000]) {
      const { sim } = await simulated(measures);
      await execute(sim, applyLikePlan(measures));
      syncs[measures] = sim.counters.syncs;
    }
    // Two to check (names, protection), one to write, one to recalculate.
    expect(syncs[10]).toBe(4);
    expect(syncs[5000]).toBe(syncs[10]);
  });

  test('each colour is one discontiguous range, whatever the number of runs', async () => {
    const fills: number[] = [];
    for (const measures of [10, 500]) {
      const { sim } = await simulated(measures);
      const plan = applyLikePlan(measures);
      await execute(sim, plan);
      fills.push(sim.counters.fills);
      // Every styled run is one area of those ranges, whatever it sets (fill, font, borders).
      const formatted = plan.sheets.flatMap((s) => s.styles).filter((r) => Object.keys(plan.styles[r.style]).some((k) => k !== 'numberFormat'));
      expect(sim.counters.formattedRanges).toBe(formatted.length);
      expect(fillRunCount(plan)).toBeGreaterThan(measures / 2);
    }
    expect(fills[1]).toBe(fills[0]);
  });

  test('calculation and screen updating are suspended while writing, and the workbook recalculated after', async () => {
    const { sim } = await simulated(10);
    await execute(sim, applyLikePlan(10));
    expect(sim.counters.suspendCalculation).toBe(1);
    expect(sim.counters.suspendScreenUpdating).toBe(1);
    expect(sim.counters.recalculations).toBe(1);
  });

  test('a workbook calculated by hand is left to the user to recalculate', async () => {
    const { sim } = await simulated(10);
    sim.book.calculationMode = 'Manual';
    await execute(sim, applyLikePlan(10));
    expect(sim.counters.recalculations).toBe(0);
  });

  test.each([
    ['a protected sheet', (sim: ExcelSim) => (sim.book.sheet('Measures')!.protected = true), 'The sheet "Measures" is protected, so Ragbook cannot write to it. Unprotect it (Review ▸ Unprotect Sheet) and try again. Nothing was changed.'],
    ['a protected workbook structure', (sim: ExcelSim) => (sim.book.structureProtected = true), "This workbook's structure is protected, so Ragbook cannot add or replace its own sheets. Unprotect it (Review ▸ Protect Workbook) and try again. Nothing was changed."],
  ])('%s is found before anything is written', async (_what, protect, message) => {
    const { sim } = await simulated(10);
    protect(sim);
    const before = JSON.stringify(sim.book);
    await expect(execute(sim, applyLikePlan(10))).rejects.toThrow(message);
    expect(JSON.stringify(sim.book)).toBe(before);
    expect(sim.counters.valueWrites + sim.counters.formatCalls).toBe(0);
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
    expect(summary.page).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$4:$4' });
    expect(summary.page.headersFooters).toMatchObject({ leftHeader: 'Performance summary', rightFooter: 'Page &P of &N' });
    expect(summary.page.margins).toMatchObject({ leftMargin: 36, topMargin: 54 });
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

  test('a plan that runs past the last row changes nothing and says which sheet', async () => {
    const { sim } = await simulated(10);
    const plan = applyLikePlan(10);
    plan.sheets[0] = { ...plan.sheets[0], columnStyles: [{ col: 2, rows: [4, 1_048_576], styles: [0, 0], names: [plan.sheets[0].styles[0].style] }] };
    const before = JSON.stringify(sim.book);
    await expect(execute(sim, plan)).rejects.toThrow(OutsideSheetError);
    await expect(execute(sim, plan)).rejects.toThrow(`the last row or column of the sheet "${plan.sheets[0].name}"`);
    expect(JSON.stringify(sim.book)).toBe(before);
  });
});
