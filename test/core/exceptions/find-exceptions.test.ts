/**
 * Exceptions on a mixed-frequency workbook (quarterly, annual a year and two
 * years behind, a measure published to Q2 only, a trajectory), in both layouts.
 * Every expectation below was worked out by hand from the fixture's figures.
 */
import { findExceptions } from '../../../src/core/exceptions/find-exceptions';
import { changeText, historyText, improvingText, reasonText } from '../../../src/core/exceptions/exception-words';
import { exceptionsReport } from '../../../src/core/exceptions/report';
import { analyseMeasures } from '../../../src/core/measures/analyse';
import type { EvaluatedMeasure } from '../../../src/core/measures/types';
import type { WorkbookGrids } from '../../../src/model/grid';
import { type GridValue, sheetGrid, workbook } from '../../helpers/grids';
import { longRows, wideRows } from '../../fixtures/exceptions/mixed-frequency';

const options = { today: '2018-11-30' };

function book(rows: GridValue[][], settings?: GridValue[][]): WorkbookGrids {
  return workbook(sheetGrid('Measures', [["Children's Services Performance Report"], [], ...rows]), ...(settings ? [sheetGrid('Settings', settings)] : []));
}

interface ExceptionsJson {
  period: string;
  exceptions: { id: string; name: string; period: string; status: string; reasons: string[] }[];
  improving_not_met: string[];
  issues: unknown[];
}

function exceptionsJson(grids: WorkbookGrids, period?: string): ExceptionsJson {
  return exceptionsReport.run(grids, { ...options, ...(period ? { period } : {}) }).json as ExceptionsJson;
}

const EXPECTED_EXCEPTIONS = [
  { id: 'RR1', period: 'Q4 2017/18', status: 'not-met', reasons: ['not-met-consecutive', 'worse-than-last-year'] },
  { id: 'AS1', period: 'Q4 2017/18', status: 'not-met', reasons: ['not-met-consecutive'] },
  { id: 'SW1', period: 'Q4 2017/18', status: 'met', reasons: ['worse-than-last-year'] },
  { id: 'PL1', period: 'Q4 2017/18', status: 'not-met', reasons: ['not-met-consecutive'] },
  { id: 'HA1', period: 'Q2 2017/18', status: 'met', reasons: ['stale'] },
  { id: 'CL1', period: '2016/17', status: 'not-met', reasons: ['not-met-consecutive'] },
  { id: 'CP1', period: '2015/16', status: 'met', reasons: ['stale'] },
];

describe.each([
  ['wide', wideRows()],
  ['long', longRows()],
])('the %s layout', (_layout, rows) => {
  const grids = book(rows);
  const analysis = analyseMeasures(grids, options);
  const byId = (id: string) => analysis.measures.find((m) => m.measure.id === id) as EvaluatedMeasure;

  test('the reporting period is the latest in the workbook', () => {
    expect(analysis.period).toBe('Q4 2017/18');
    expect(analysis.issues).toEqual([]);
  });

  test.each([
    // id, status, period of the figure judged, own periods behind, stale
    ['RR1', 'not-met', 'Q4 2017/18', 0, false],
    ['AS1', 'not-met', 'Q4 2017/18', 0, false],
    ['SW1', 'met', 'Q4 2017/18', 0, false],
    ['PL1', 'not-met', 'Q4 2017/18', 0, false],
    ['HA1', 'met', 'Q2 2017/18', 2, true], // published to Q2 only
    ['MC1', 'within-tolerance', 'Q3 2017/18', 1, false], // one quarter behind
    ['CL1', 'not-met', '2016/17', 1, false], // annual, a year behind
    ['CP1', 'met', '2015/16', 2, true], // annual, two years behind
    ['EH1', 'not-met', 'Q4 2017/18', 0, false],
    ['AD1', 'exceeded', 'Q4 2017/18', 0, false],
  ])('%s: %s on %s, %i behind, stale %p', (id, status, period, behind, stale) => {
    const m = byId(id);
    expect([m.current.status, m.current.observation.label, m.periodsBehind, m.stale]).toEqual([status, period, behind, stale]);
  });

  test('a trajectory judges each quarter against its own target, not the annual one', () => {
    const quarters = byId('EH1').evaluations.filter((e) => e.observation.label.endsWith('2017/18') && e.observation.actual !== null);
    expect(quarters.map((e) => [e.observation.label, e.observation.actual, e.target, e.status])).toEqual([
      ['Q1 2017/18', 110, 100, 'met'],
      ['Q2 2017/18', 190, 200, 'not-met'],
      ['Q3 2017/18', 310, 300, 'met'],
      ['Q4 2017/18', 390, 400, 'not-met'],
    ]);
    // Q4 2016/17 had no trajectory: the annual target applies.
    expect(byId('EH1').evaluations.find((e) => e.observation.label === 'Q4 2016/17')).toMatchObject({ target: 400, status: 'not-met' });
  });

  test('the exceptions, with exactly their reasons, and the improving-but-not-met list', () => {
    const json = exceptionsJson(grids);
    expect(json.period).toBe('Q4 2017/18');
    expect(json.exceptions.map(({ id, period, status, reasons }) => ({ id, period, status, reasons }))).toEqual(EXPECTED_EXCEPTIONS);
    expect(json.exceptions[0].name).toBe('Re-referrals within 12 months');
    // EH1 is not an exception: met in Q3 against its trajectory, so not twice running.
    expect(json.improving_not_met).toEqual(['AS1', 'CL1', 'EH1']);
    expect(json.issues).toEqual([]);
  });
});

describe('in words', () => {
  const analysis = analyseMeasures(book(wideRows()), options);
  const found = findExceptions(analysis.measures, 2);
  const exception = (id: string) => found.exceptions.find((e) => e.evaluated.measure.id === id)!;
  const measure = (id: string) => analysis.measures.find((m) => m.measure.id === id)!;

  test.each([
    ['RR1', 'not-met-consecutive', 'Not met in each of its last two quarters with figures (Q3 2017/18 and Q4 2017/18).'],
    ['RR1', 'worse-than-last-year', 'Worse than the same quarter last year: 27% in Q4 2017/18 against 24.5% in Q4 2016/17.'],
    ['SW1', 'worse-than-last-year', 'Worse than the same quarter last year: 17 in Q4 2017/18 against 15 in Q4 2016/17.'],
    ['CL1', 'not-met-consecutive', 'Not met in each of its last two years with figures (2015/16 and 2016/17).'],
    ['HA1', 'stale', 'The latest figure is for Q2 2017/18, two quarters behind Q4 2017/18.'],
    ['CP1', 'stale', 'The latest figure is for 2015/16, two years behind Q4 2017/18.'],
  ] as const)('%s %s', (id, reason, text) => {
    expect(reasonText(exception(id), reason, 'Q4 2017/18')).toBe(text);
  });

  test.each([
    ['RR1', 'Worse: up 2.5 percentage points from 24.5% in Q4 2016/17'],
    ['AS1', 'Better: up 10 percentage points from 70% in Q4 2016/17'],
    ['PL1', 'No change from 68.3% in Q4 2016/17'],
    ['HA1', 'Better: up 3 percentage points from 88% in Q2 2016/17'],
    ['CL1', 'Better: up 2 percentage points from 50% in 2015/16'],
    ['CP1', 'No figure a year earlier'],
    ['AD1', 'Better: down 40 days from 450 days in Q4 2016/17'],
  ])('%s change on last year: %s', (id, text) => {
    expect(changeText(measure(id))).toBe(text);
  });

  test('history: the last five figures of its kind with their statuses', () => {
    expect(historyText(measure('RR1'))).toBe(
      ['Q4 2016/17: 24.5% (Not met)', 'Q1 2017/18: 23% (Within tolerance)', 'Q2 2017/18: 25% (Not met)', 'Q3 2017/18: 26% (Not met)', 'Q4 2017/18: 27% (Not met)'].join('\n'),
    );
    expect(historyText(measure('CL1'))).toBe('2015/16: 50% (Not met)\n2016/17: 52% (Not met)');
  });

  test('why an improving measure is listed', () => {
    expect(improvingText(measure('EH1'))).toBe('Not met, but better than the same quarter last year.');
    expect(improvingText(measure('CL1'))).toBe('Not met, but better than the year before.');
  });
});

describe('edges', () => {
  const header = ['Ref', 'Measure', 'Unit', 'Polarity', 'Target', 'Q4 2016/17', 'Q3 2017/18', 'Q4 2017/18'];

  test('without a figure a year earlier, improving means better than the previous period', () => {
    const grids = book([header, ['NW1', 'New measure', 'Number', 'Higher is better', 50, null, 40, 45]]);
    const analysis = analyseMeasures(grids, options);
    expect(exceptionsJson(grids).improving_not_met).toEqual(['NW1']);
    expect(changeText(analysis.measures[0], true)).toBe('Better: up 5 from 40 in Q3 2017/18 (no figure a year earlier)');
    expect(improvingText(analysis.measures[0])).toBe('Not met, but better than the previous quarter.');
  });

  test('float noise is no change: not worse than last year', () => {
    const grids = book([header, ['FN1', 'Error rate', '%', 'Lower is better', 1, 0.3, 0.2, 0.1 + 0.2]]);
    expect(exceptionsJson(grids).exceptions).toEqual([]);
  });

  test('a measure with no figure at all is not an exception, nor stale', () => {
    const grids = book([header, ['ND1', 'Not yet collected', '%', 'Higher is better', 50, null, null, null], ['OK1', 'Fine', '%', 'Higher is better', 50, 50, 51, 52]]);
    const analysis = analyseMeasures(grids, options);
    expect(analysis.measures[0]).toMatchObject({ current: { status: 'no-data', observation: { label: 'Q4 2017/18' } }, stale: false });
    expect(exceptionsJson(grids).exceptions).toEqual([]);
  });

  test('--period: each measure is judged at or before the period asked for', () => {
    const json = exceptionsJson(book(wideRows()), 'Q2 2017/18');
    expect(json.period).toBe('Q2 2017/18');
    // RR1 was within tolerance in Q1; MC1 missed its band in Q1 and Q2; CP1's 2015/16 is 18 months, one year, behind Q2 2017/18.
    expect(json.exceptions.map((e) => [e.id, e.period, e.reasons])).toEqual([
      ['RR1', 'Q2 2017/18', ['worse-than-last-year']],
      ['AS1', 'Q2 2017/18', ['not-met-consecutive']],
      ['SW1', 'Q2 2017/18', ['worse-than-last-year']],
      ['PL1', 'Q2 2017/18', ['not-met-consecutive']],
      ['MC1', 'Q2 2017/18', ['not-met-consecutive']],
      ['CL1', '2016/17', ['not-met-consecutive']],
    ]);
    expect(json.improving_not_met).toEqual(['AS1', 'PL1', 'CL1', 'EH1']);
  });

  test('Settings ask for three periods not met in a row, and stale only from three periods behind', () => {
    const json = exceptionsJson(book(wideRows(), [['Not met periods', 3], ['Stale after', '3 periods']]));
    expect(json.exceptions.map((e) => [e.id, e.reasons])).toEqual([
      ['RR1', ['not-met-consecutive', 'worse-than-last-year']],
      ['AS1', ['not-met-consecutive']],
      ['SW1', ['worse-than-last-year']],
      ['PL1', ['not-met-consecutive']],
    ]);
  });

  test('an unreadable setting is an Issue naming its cell, and the default is used', () => {
    const json = exceptionsJson(book(wideRows(), [['Stale after', 'a while'], ['Not met periods', 'two']]));
    expect(json.issues).toEqual([
      { sheet: 'Settings', cell: 'B1', message: "'a while' is not a number of periods (write a whole number such as 2) — 2 used" },
      { sheet: 'Settings', cell: 'B2', message: "'two' is not a number of periods (write a whole number such as 2) — 2 used" },
    ]);
    expect(json.exceptions.map(({ id, period, status, reasons }) => ({ id, period, status, reasons }))).toEqual(EXPECTED_EXCEPTIONS);
  });
});
