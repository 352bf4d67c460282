/** The commentary report on hand-written grids: wording for each case, and officer text read back from an earlier sheet. */
import { commentaryReport } from '../../../src/core/commentary/report';
import type { SheetGrid, WorkbookGrids } from '../../../src/model/grid';
import type { SheetPlan } from '../../../src/model/plan';
import { type GridValue, generatedSheetGrid, sheetGrid, workbook } from '../../helpers/grids';

const HEADER = ['Ref', 'Measure', 'Theme', 'Unit', 'Polarity', 'Target', 'Tolerance'];

function measures(periods: string[], rows: GridValue[][]): SheetGrid {
  return sheetGrid('Measures', [[...HEADER, ...periods], ...rows]);
}

interface JsonMeasure {
  id: string;
  status: string;
  label: string;
  commentary: string;
  officer: Record<string, unknown>;
}

function run(grids: WorkbookGrids, period?: string) {
  const result = commentaryReport.run(grids, { today: '2018-11-30', ...(period ? { period } : {}) });
  const json = result.json as { period: string; measures: JsonMeasure[]; kept: { id: string; period: string }[] };
  return { result, json, text: (id: string) => json.measures.find((m) => m.id === id)?.commentary ?? '' };
}

const QUARTERS = ['Q1 2018/19', 'Q2 2018/19'];

describe('wording', () => {
  const { text, json } = run(workbook(measures(QUARTERS, [
    ['L1', 'Days to complete an assessment', 'A', 'Days', 'Lower is better', 30, '±5', 27, 22],
    ['H1', 'Visits on time', 'A', '%', 'Higher is better', 80, null, 78, 80],
    ['B1', 'Children in care per 10,000', 'B', 'Rate per 10,000', 'Plan is best', 45, '43 - 47', 44, 41],
    ['B2', 'Foster carers', 'B', 'Number', 'Plan is best', 45, null, 44, 47],
    ['B3', 'Adopters approved', 'B', 'Number', 'Plan is best', 45, null, 44, 45],
    ['N1', 'New measure', 'C', '%', 'Higher is better', 60, null, null, 'Not available'],
    ['F1', 'First figure', 'C', 'Number', 'Higher is better', 10, null, null, 12],
    ['R1', 'Days to match with a family', 'C', 'Days', 'Lower is better', 121, '-4% / +8%', 134, 129],
    ['P1', 'Young people in suitable accommodation', 'C', '%', 'Good', 95, '±2', 93.3, 93.1],
    ['P2', 'Pupils attending', 'C', '%', 'Good', '2 percentage points better than National (89%)', null, 90, 91],
    ['P3', 'Enquiries answered', 'C', 'Number', 'Higher is better', null, null, 40, 42],
  ])));

  test.each([
    ['L1', 'exceeded the target of 30 days by 8 days and was below the bottom of the tolerance range (25 days)'],
    ['L1', 'an improvement on the previous quarter (27 days in Q1 2018/19).'],
    ['H1', 'met the target of 80% exactly'],
    ['B1', 'was 2 per 10,000 below the target range of 43 to 47 per 10,000'],
    ['B1', 'further from the target range than the previous quarter (44 per 10,000 in Q1 2018/19)'],
    ['B2', 'was 2 above the target of 45, which it aims to match'],
    ['B3', 'was on the target of 45'],
    ['N1', 'No figure has been reported for Q2 2018/19, nor for any earlier period.'],
    ['R1', 'missed the target of 121 days by 8 days but was within the tolerance range of 116.2 to 130.7 days'],
    ['P1', 'Its status is "Polarity unknown": the workbook does not say whether a higher or a lower figure is better (the target is 95%).'],
    ['P2', 'Its status is "Polarity unknown": the workbook does not say whether a higher or a lower figure is better, which its target needs.'],
    ['P3', 'There is no target for this measure, so it has no status.'],
  ])('%s: %s', (id, fact) => {
    expect(text(id)).toContain(fact);
  });

  test('a first figure has no direction sentence, and a measure without benchmarks no benchmark sentence', () => {
    expect(text('F1')).toMatch(/^[^.]*12[^.]*met the target of 10 with 2 to spare\.$/);
  });

  test('the same workbook always gives the same words', () => {
    expect(run(workbook(measures(QUARTERS, [['L1', 'Days', 'A', 'Days', 'Lower is better', 30, '±5', 27, 22]]))).json.measures[0].commentary)
      .toBe(run(workbook(measures(QUARTERS, [['L1', 'Days', 'A', 'Days', 'Lower is better', 30, '±5', 27, 22]]))).json.measures[0].commentary);
    expect(json.period).toBe('Q2 2018/19');
  });
});

test('annual periods compare with the previous year once', () => {
  const { text } = run(workbook(measures(['2015/16', '2016/17', '2017/18'], [['Y1', 'Re-offending', 'A', '%', 'Lower is better', 38, null, 41, 39.5, 40.2]])));
  expect(text('Y1')).toContain('worse than the previous year (39.5% in 2016/17).');
  expect(text('Y1')).not.toContain('last year');
});

test('amber when improving: the label says so, and the text gives both facts', () => {
  const settings = sheetGrid('Settings', [['Amber when improving', 'Yes']]);
  const { json } = run(workbook(measures(['Q2 2017/18', 'Q1 2018/19', 'Q2 2018/19'], [['R1', 'Repeat referrals', 'A', '%', 'Lower is better', 20, null, 26, 23, 24]]), settings));
  expect(json.measures[0]).toMatchObject({ status: 'not-met', label: 'Not met (improving on last year)' });
  expect(json.measures[0].commentary).toContain('missed the target of 20% by 4 percentage points');
  expect(json.measures[0].commentary).toContain('worse than the previous quarter (23% in Q1 2018/19) but an improvement on the same quarter last year (26% in Q2 2017/18)');
});

/** The generated sheet as a reader would see it after the file was saved. */
function asGrid(plan: SheetPlan): SheetGrid {
  return generatedSheetGrid(plan.name, plan.values[0].values.map((row) => row.map((v) => (typeof v === 'object' && v !== null ? v.text : v))));
}

/** The row and column of an officer box's text: the cell under its label, in the block whose Ref row names `ref`. */
function boxCell(grid: SheetGrid, ref: string, label: string): { row: number; col: number } {
  const refRow = grid.rows.findIndex((r) => r?.[0]?.value === 'Ref' && r[1]?.value === ref);
  for (let r = refRow; r < grid.rows.length; r++) {
    const col = grid.rows[r]?.findIndex((c) => c?.value === label) ?? -1;
    if (col >= 0) return { row: r + 1, col };
  }
  throw new Error(`no box ${label} for ${ref}`);
}

function put(grid: SheetGrid, at: { row: number; col: number }, cell: SheetGrid['rows'][number][number]): void {
  const row = grid.rows[at.row] ?? (grid.rows[at.row] = []);
  row[at.col] = cell;
}

describe('officer text on an earlier sheet', () => {
  const data = measures(QUARTERS, [['H1', 'Visits on time', 'A', '%', 'Higher is better', 80, null, 78, 80]]);
  const first = run(workbook(data)).result.plan.sheets.find((s) => s.name === 'Commentary')!;
  const earlier = asGrid(first);
  const copy = (): SheetGrid => ({ ...earlier, rows: earlier.rows.map((r) => [...r]) });

  test('is kept by Ref and Period from the boxes under their labels; a formula is kept as its value, with an issue', () => {
    const edited = copy();
    put(edited, boxCell(edited, 'H1', 'About the target'), { value: 'Target agreed with the panel' });
    put(edited, boxCell(edited, 'H1', 'About benchmarking'), { value: 12, formula: 'SUM(A1:A3)' });
    const { json, result } = run(workbook(data, edited));
    expect(json.measures[0].officer).toMatchObject({ 'About the target': 'Target agreed with the panel', 'About benchmarking': 12, 'About the latest performance': null });
    expect(result.issues).toContainEqual(expect.objectContaining({ sheet: 'Commentary', message: expect.stringContaining('formula') }));
  });

  test('text written in the earlier one-row-per-measure layout is carried into the blocks', () => {
    const table = generatedSheetGrid('Commentary', [
      ['Children: commentary for Q2 2018/19'],
      ['Generated by Ragbook: the generated columns are replaced each time Ragbook runs.'],
      [],
      ['Ref', 'Measure', 'Period', 'Status', 'Commentary', 'About the latest performance', 'About the target', 'About the target range', 'About benchmarking'],
      ['A'],
      ['H1', 'Visits on time', 'Q2 2018/19', 'Met', 'Old words', 'More visits in July', null, null, 'Best in the region'],
      ['Z9', 'Dropped measure', 'Q2 2018/19', 'Met', 'Old words', null, 'Kept for the record', null, null],
    ]);
    const { json, result } = run(workbook(data, table));
    expect(json.measures[0].officer).toMatchObject({ 'About the latest performance': 'More visits in July', 'About benchmarking': 'Best in the region' });
    expect(json.kept).toEqual([expect.objectContaining({ id: 'Z9', period: 'Q2 2018/19' })]);
    // Written back in the new layout, under the box labels.
    const written = asGrid(result.plan.sheets.find((s) => s.name === 'Commentary')!);
    const at = boxCell(written, 'H1', 'About the latest performance');
    expect(written.rows[at.row][at.col]?.value).toBe('More visits in July');
    const kept = boxCell(written, 'Z9', 'About the target');
    expect(written.rows[kept.row][kept.col]?.value).toBe('Kept for the record');
  });

  test('two blocks for the same measure and period keep both texts', () => {
    const edited = copy();
    put(edited, boxCell(edited, 'H1', 'About the target'), { value: 'First note' });
    const refRow = edited.rows.findIndex((r) => r?.[0]?.value === 'Ref');
    const block = edited.rows.slice(refRow - 2);
    edited.rows.push(...block.map((r) => [...r]));
    const second = edited.rows.length - block.length;
    const at = boxCell({ ...edited, rows: edited.rows.slice(second) }, 'H1', 'About the target');
    put(edited, { row: second + at.row, col: at.col }, { value: 'Second note' });
    expect(run(workbook(data, edited)).json.measures[0].officer['About the target']).toBe('First note\n\nSecond note');
  });

  test("a user's own sheet called Commentary is neither read nor replaced", () => {
    const own = sheetGrid('Commentary', [['Ref', 'Period', 'About the target'], ['H1', 'Q2 2018/19', 'Mine']]);
    const { result, json } = run(workbook(data, own));
    expect(result.plan.sheets.map((s) => s.name)).toContain('Commentary (2)');
    expect(result.plan.sheets.map((s) => s.name)).not.toContain('Commentary');
    expect(json.measures[0].officer['About the target']).toBeNull();
  });
});
