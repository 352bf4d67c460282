/**
 * A wide sheet of figures alone keeps its plain rows' figures as numbers and
 * makes their observations only when asked: what the reports see must be
 * what reading every figure the long way gives.
 */
import { analyseMeasures } from '../../../src/core/measures/analyse';
import { observationsToRead, PlainWideMeasure } from '../../../src/core/measures/plain-figures';
import type { Observation } from '../../../src/core/measures/types';
import { type GridValue, sheetGrid, workbook } from '../../helpers/grids';

const options = { today: '2018-11-30' };
const HEADER = ['Measure', 'Unit', 'Polarity', 'Target', 'Tolerance', 'Q1 2016/17', 'Q2 2016/17', 'Q1 2017/18', 'Q2 2017/18', 'Q3 2017/18'];
const ROWS: GridValue[][] = [
  ['Children in care per 10,000', 'Rate per 10,000', 'Lower is better', 60, '±5%', 64, 66, 61, 59, 57.5],
  ['Assessments in time', '%', 'Higher is better', 85, '2', 80, null, 84, 86, 83],
  ['Re-referrals', '%', 'Lower is better', 22, '', 25, 24, 'about 23', 23, 21],
  ['Care leavers in work', '%', 'Higher is better', 60, '5', { value: 0.585, numberFormat: '0.0%' }, 0.6, 0.61, 0.59, 0.62],
  ['Visits on time', 'Number', 'Plan is best', 100, '90 - 110', 95, 120, 105, 99, null],
];

/** The same sheet with an empty target column by period: nothing changes, but every row is read the long way. */
function withEmptyTargetColumn(rows: GridValue[][]): GridValue[][] {
  return [[...HEADER, 'Target Q3 2017/18'], ...rows.map((row) => [...row, null])];
}

const judged = (grids: ReturnType<typeof workbook>) =>
  analyseMeasures(grids, options).measures.map(({ measure, current, evaluations, periodsBehind, stale }) => ({
    name: measure.name,
    observations: measure.observations.map(({ target: _target, ...rest }: Observation) => rest),
    current: { ...current, observation: { ...current.observation } },
    evaluations: evaluations.map((e) => [e.observation.label, e.status, e.label, e.direction, e.directionYear, e.directionLongTerm, e.target, e.band]),
    periodsBehind,
    stale,
  }));

describe('a wide sheet of figures alone', () => {
  const plainGrids = workbook(sheetGrid('Measures', [HEADER, ...ROWS]));
  const analysis = analyseMeasures(plainGrids, options);

  it('keeps the rows of plain figures as numbers, and reads the others the long way', () => {
    expect(analysis.measures.map(({ measure }) => measure instanceof PlainWideMeasure)).toEqual([true, true, false, false, true]);
    expect(analysis.issues.map((i) => `${i.cell}: ${i.message}`)).toContain("H4: 'about 23' is not a number — treated as no data");
  });

  it('judges every figure as reading them all the long way does', () => {
    const longWayGrids = workbook(sheetGrid('Measures', withEmptyTargetColumn(ROWS)));
    expect(analyseMeasures(longWayGrids, options).measures.some(({ measure }) => measure instanceof PlainWideMeasure)).toBe(false);
    expect(judged(plainGrids)).toEqual(judged(longWayGrids));
    expect(analyseMeasures(plainGrids, options).issues).toEqual(analyseMeasures(longWayGrids, options).issues);
  });

  it('makes a measure’s observations once, when asked, as the long way reads them', () => {
    const { measure } = analysis.measures[1];
    const observations = measure.observations;
    expect(measure.observations).toBe(observations);
    expect(observations).toEqual([
      { label: 'Q1 2016/17', period: expect.anything(), order: 0, actual: 80, row: 2, col: 5, decimals: undefined, benchmarks: {} },
      { label: 'Q2 2016/17', period: expect.anything(), order: 1, actual: null, row: 2, col: 6, decimals: undefined, benchmarks: {} },
      { label: 'Q1 2017/18', period: expect.anything(), order: 2, actual: 84, row: 2, col: 7, decimals: undefined, benchmarks: {} },
      { label: 'Q2 2017/18', period: expect.anything(), order: 3, actual: 86, row: 2, col: 8, decimals: undefined, benchmarks: {} },
      { label: 'Q3 2017/18', period: expect.anything(), order: 4, actual: 83, row: 2, col: 9, decimals: undefined, benchmarks: {} },
    ]);
  });

  it('reads a measure’s figures in place, one measure at a time', () => {
    // A sheet of its own: the tests above made every measure's observations.
    const [first, , , , last] = analyseMeasures(workbook(sheetGrid('Measures', [HEADER, ...ROWS])), options).measures.map(({ measure }) => measure);
    expect(observationsToRead(first).map((o) => o.actual)).toEqual([64, 66, 61, 59, 57.5]);
    const read = observationsToRead(last);
    expect(read.map((o) => [o.actual, o.row])).toEqual([[95, 5], [120, 5], [105, 5], [99, 5], [null, 5]]);
    // The next plain measure's figures are read into the same objects.
    expect(observationsToRead(first)).toBe(read);
  });
});
