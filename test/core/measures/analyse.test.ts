import { analyseMeasures } from '../../../src/core/measures/analyse';
import { COLOURS } from '../../../src/core/measures/scheme';
import { UnknownPeriodError } from '../../../src/core/errors';
import { sheetGrid, workbook } from '../../helpers/grids';

const options = { today: '2018-11-30' };

const TITLE_ROWS = [['Quarterly performance report'], ['Draft for scrutiny'], []];

describe('wide layout', () => {
  const grids = workbook(
    sheetGrid('Performance', [
      ...TITLE_ROWS,
      ['KPI', 'Outcome', 'Unit', 'Good is', 'Annual target', 'Tolerance', 'Q2 2017/18', 'Q1 2017/18', 'Q2 2016/17', 'England 2016/17'],
      ['Children in care per 10,000', 'Safe', 'Rate per 10,000', 'Plan is best', 60, '55 - 65', 63, 58, 70, 62],
      ['Re-referrals', 'Safe', '%', 'Lower is better', 'In line with national', '±2', { value: 0.231, numberFormat: '0.0%' }, '22%', 25, 21.9],
      ['Assessments in time', 'Help', '%', 'Higher is better', 85, 'Upper 87.5% Lower 78.8%', 'about 80', 84, 'n/a'],
      ['Good', 'Help', '%', 'Good', 90, '', 91, 90, 88],
    ]),
  );
  const analysis = analyseMeasures(grids, options);
  const byName = (name: string) => analysis.measures.find((m) => m.measure.name === name)!;

  test('finds the header below the title rows, by synonyms', () => {
    expect(analysis.source).toMatchObject({ sheet: 'Performance', layout: 'wide', headerRow: 3, lastDataCol: 9 });
    expect(analysis.measures.map((m) => m.measure.id)).toEqual(['children-in-care-per-10-000', 're-referrals', 'assessments-in-time', 'good']);
  });

  test('reports the latest period even when columns run latest first', () => {
    expect(analysis.period).toBe('Q2 2017/18');
    expect(byName('Children in care per 10,000').measure.observations.map((o) => o.label)).toEqual(['Q2 2016/17', '2016/17', 'Q1 2017/18', 'Q2 2017/18']);
  });

  test('plan is best: inside the band is met; moving within it is no change, into it improving', () => {
    const { current, evaluations } = byName('Children in care per 10,000');
    expect(current).toMatchObject({ status: 'met', target: 60, band: { low: 55, high: 65 }, direction: 'no-change', directionYear: 'improving' });
    expect(evaluations.find((e) => e.observation.label === 'Q2 2016/17')?.status).toBe('not-met');
  });

  test('"In line with national" takes the latest England figure; percent cells read as 0–100', () => {
    const { current } = byName('Re-referrals');
    expect(current.observation.actual).toBeCloseTo(23.1, 9);
    expect(current.target).toBe(21.9);
    expect(current.band?.low).toBeCloseTo(19.9, 9);
    expect(current.band?.high).toBeCloseTo(23.9, 9);
    expect(current.status).toBe('within-tolerance');
    expect(current.direction).toBe('worsening');
    expect(current.directionYear).toBe('improving');
  });

  test('messy cells become issues naming sheet and cell, and no data', () => {
    const assessments = byName('Assessments in time');
    expect(assessments.evaluations.find((e) => e.observation.label === 'Q2 2017/18')?.status).toBe('no-data');
    // Judged instead on its latest figure, Q1's 84, one quarter behind.
    expect(assessments).toMatchObject({ current: { status: 'within-tolerance', observation: { label: 'Q1 2017/18' } }, stale: false });
    expect(analysis.issues).toEqual(
      expect.arrayContaining([
        { sheet: 'Performance', cell: 'G7', message: "'about 80' is not a number — treated as no data" },
        expect.objectContaining({ sheet: 'Performance', cell: 'D8', message: expect.stringContaining("'Good' is not a polarity") }),
      ]),
    );
    // 'Good' has a target of 90 but no polarity to judge it by: not "No target".
    expect(byName('Good').current).toMatchObject({ status: 'polarity-unknown', label: 'Polarity unknown', colour: undefined });
  });
});

describe('long layout', () => {
  const grids = workbook(
    sheetGrid('Data', [
      ['Measure ID', 'Measure', 'Period', 'Actual', 'Target', 'Polarity', 'Tolerance', 'Statistical neighbours'],
      ['A1', 'Adoption days', 'Q1 2017/18', 500, 426, 'Lower number of days is better', '10 days', 470],
      ['A1', 'Adoption days', 'Q2 2017/18', 430, 426, 'Lower number of days is better', '10 days', 465],
      ['A1', 'Adoption days', 'Q2 2016/17', 530, 426, 'Lower number of days is better', '10 days'],
      ['B2', 'Early help', 'Q2 2017/18', '#N/A', 300, 'Higher is better'],
      ['B2', 'Early help', 'Q1 2017/18', 310, 300, 'Higher is better'],
    ]),
  );
  const analysis = analyseMeasures(grids, options);

  test('groups rows into measures and judges each period', () => {
    expect(analysis.source?.layout).toBe('long');
    const adoption = analysis.measures[0];
    expect(adoption.current).toMatchObject({ status: 'within-tolerance', direction: 'improving', directionYear: 'improving' });
    expect(adoption.current.observation.benchmarks).toEqual({ 'Statistical neighbours': 465 });
    expect(adoption.evaluations.map((e) => [e.observation.label, e.status])).toEqual([
      ['Q2 2016/17', 'not-met'],
      ['Q1 2017/18', 'not-met'],
      ['Q2 2017/18', 'within-tolerance'],
    ]);
  });

  test('text that is not a number is no data, and the measure is judged on its latest figure', () => {
    const earlyHelp = analysis.measures[1];
    expect(earlyHelp.evaluations.find((e) => e.observation.label === 'Q2 2017/18')).toMatchObject({ status: 'no-data', direction: 'n/a' });
    expect(earlyHelp).toMatchObject({ current: { status: 'met', observation: { label: 'Q1 2017/18', actual: 310 } }, periodsBehind: 1, stale: false });
  });
});

describe('options and settings', () => {
  const rows = [
    ['Measure', 'Polarity', 'Target', 'Q1 2017/18', 'Q2 2017/18'],
    ['Visits', 'Higher is better', 100, 90, 95],
  ];
  test('--period picks an earlier period; an unknown one is an error', () => {
    expect(analyseMeasures(workbook(sheetGrid('M', rows)), { ...options, period: 'q1  2017/18' }).period).toBe('Q1 2017/18');
    expect(() => analyseMeasures(workbook(sheetGrid('M', rows)), { ...options, period: 'Q4 2019/20' })).toThrow(UnknownPeriodError);
  });
  test('a target "better than national" with no polarity to settle it is "Polarity unknown", not "No target"', () => {
    const grids = workbook(
      sheetGrid('M', [
        ['Measure', 'Unit', 'Polarity', 'Target', 'Q1 2017/18', 'England Q1 2017/18'],
        ['Visits', '%', 'Good', '2 percentage points better than National performance', 60, 58],
        ['Calls', '%', 'Good', 'In line with national', 60, null],
      ]),
    );
    const analysis = analyseMeasures(grids, options);
    expect(analysis.measures.map((m) => m.current.status)).toEqual(['polarity-unknown', 'no-target']);
    expect(analysis.issues).toContainEqual({ sheet: 'M', cell: 'D2', message: expect.stringContaining('shown as "Polarity unknown"') });
    expect(analysis.issues).toContainEqual({ sheet: 'M', cell: 'C2', message: expect.stringContaining("'Good' is not a polarity") });
  });
  test('Settings can rename "Polarity unknown" and give it a colour', () => {
    const grids = workbook(
      sheetGrid('M', [
        ['Measure', 'Polarity', 'Target', 'Q1 2017/18'],
        ['Visits', 'Good', 100, 90],
      ]),
      sheetGrid('Settings', [['Polarity unknown', 'Not judged: polarity to confirm', 'grey']]),
    );
    expect(analyseMeasures(grids, options).measures[0].current).toMatchObject({ status: 'polarity-unknown', label: 'Not judged: polarity to confirm', colour: COLOURS.grey });
  });
  test('Settings: scheme, label and colour overrides, default tolerance, amber when improving', () => {
    const grids = workbook(
      sheetGrid('M', [
        ['Measure', 'Polarity', 'Target', 'Q2 2016/17', 'Q1 2017/18', 'Q2 2017/18'],
        ['Visits', 'Higher is better', 100, 80, 90, 85],
      ]),
      sheetGrid('Settings', [
        ['Scheme', 'brag'],
        ['Not met', 'Off track', '#FF0000'],
        ['Default tolerance', 'within 10% of target'],
        ['Amber when improving', 'Yes'],
      ]),
    );
    const analysis = analyseMeasures(grids, options);
    expect(analysis.scheme.name).toBe('brag');
    expect(analysis.measures[0].current).toMatchObject({
      status: 'not-met',
      band: { low: 90, high: 110 },
      label: 'Off track (improving on last year)',
      colour: COLOURS.amber,
    });
  });
  test('a repeated measure id is numbered from its second use, and reported at the id cell', () => {
    const rows = ['A', 'B', 'A', 'A'].map((id, i) => [id, `Measure ${i}`, 'Higher is better', 50, 55]);
    const analysis = analyseMeasures(workbook(sheetGrid('KPIs', [['ID', 'Measure', 'Polarity', 'Target', 'Q1 2017/18'], ...rows])), options);
    expect(analysis.measures.map((m) => m.measure.id)).toEqual(['A', 'B', 'A-2', 'A-3']);
    expect(analysis.issues.map((i) => `${i.cell}: ${i.message}`)).toEqual([
      "A4: the measure id 'A' is used more than once — this one is reported as 'A-2'",
      "A5: the measure id 'A' is used more than once — this one is reported as 'A-3'",
    ]);
  });
  test('a workbook without measures says what it looked for', () => {
    const analysis = analyseMeasures(workbook(sheetGrid('Notes', [['Hello']])), options);
    expect(analysis.source).toBeUndefined();
    expect(analysis.issues.at(-1)?.message).toMatch(/no sheet of measures found/);
  });
});

describe('the figure a measure is judged on', () => {
  // Quarterly and annual columns side by side; KS2 has an annual figure only, CIN both.
  const grids = workbook(
    sheetGrid('Measures', [
      ['Ref', 'Measure', 'Polarity', 'Target', 'Q3 2017/18', 'Q4 2017/18', '2016/17', '2017/18'],
      ['CIN', 'Children in need per 10,000', 'Lower is better', 330, 335, 325, 340, 332],
      ['KS2', 'Pupils reaching the expected standard', 'Higher is better', 60, null, null, 58, null],
    ]),
  );

  test('by default the latest period, Q4 2017/18: a quarter is judged on the quarter, the annual figure a year behind is not stale', () => {
    const analysis = analyseMeasures(grids, options);
    expect(analysis.period).toBe('Q4 2017/18');
    expect(analysis.measures.map((m) => [m.measure.id, m.current.observation.label, m.current.status, m.stale])).toEqual([
      ['CIN', 'Q4 2017/18', 'met', false],
      ['KS2', '2016/17', 'not-met', false],
    ]);
  });

  test('a 2017/18 report takes the annual figure where the measure has one, not its last quarter', () => {
    const analysis = analyseMeasures(grids, { ...options, period: '2017/18' });
    expect(analysis.measures.map((m) => [m.measure.id, m.current.observation.label, m.current.status])).toEqual([
      ['CIN', '2017/18', 'not-met'],
      ['KS2', '2016/17', 'not-met'],
    ]);
  });

  test('a Q3 report never uses a figure for a later period', () => {
    const analysis = analyseMeasures(grids, { ...options, period: 'Q3 2017/18' });
    expect(analysis.measures.map((m) => [m.measure.id, m.current.observation.label, m.periodsBehind])).toEqual([
      ['CIN', 'Q3 2017/18', 0],
      ['KS2', '2016/17', 0],
    ]);
  });
});
