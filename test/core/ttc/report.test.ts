import { sheetGrid, workbook } from '../../helpers/grids';
import { NothingToReportError } from '../../../src/core/errors';
import { IssueList } from '../../../src/model/issue';
import type { PlanLink, SheetPlan } from '../../../src/model/plan';
import { readTtcBlocks } from '../../../src/core/ttc/reader';
import { ttcReport } from '../../../src/core/ttc/report';
import { textLines } from '../../../src/core/ttc/sheet';

const YEARS = ['2013/14', '2014/15', '2015/16', '2016/17'];

const measures = sheetGrid('Measures', [
  ['Ref', 'Measure', 'Unit', 'Polarity', 'Category', ...YEARS, ...YEARS.map((y) => `SN ${y}`), ...YEARS.map((y) => `National ${y}`)],
  ['ED01', 'Good level of development', '%', 'Higher is better', 'Is anyone better off?', 54, 57.5, 59.1, 61.8, 56.2, 59, 61.4, 63, 60.4, 66.3, 69.3, 70.7],
  ['YJ01', 'First-time entrants per 100,000', 'Rate per 100,000', 'Lower is better', '', 590, 555, 520, 470, 560, 520, 480, 450, 441, 409, 369, 327],
  ['CS01', 'Referrals per 10,000', 'Rate per 10,000', 'Plan is best', '', 600, 601, 599, 600, null, null, null, null, null, null, null, null],
]);

function ttc(...rows: (string | number | null)[][]) {
  return sheetGrid('TTC priorities', rows);
}

/** Every cell value of a generated sheet, as rows. */
function cells(sheet: SheetPlan): (string | number | boolean | PlanLink | null)[][] {
  return sheet.values[0].values;
}

function rowStarting(sheet: SheetPlan, label: string): (string | number | boolean | PlanLink | null)[] {
  const row = cells(sheet).find((r) => r[0] === label);
  if (!row) throw new Error(`no row '${label}' on ${sheet.name}`);
  return row;
}

const FULL_BLOCK: (string | number | null)[][] = [
  ['Strategic priority', 'School readiness'],
  ['Priority action', 'More two-year-olds in early education'],
  ['Officer lead', 'Early Years Manager'],
  ['Measure', 'ed01'],
  ['Current situation', 'Below statistical neighbours.'],
  ['Story behind the baseline', 'Fewer places after 2014.'],
  [null, 'A new assessment model from 2015.'],
  ['Partners', 'Schools'],
  ['Health warning', 'None'],
  ['Baseline target', 62],
  ['Excellence target', '70%'],
  ['What will success look like', 'More children ready for school.'],
  ['Monitoring and accountability', 'Improvement Board, quarterly'],
  ['References', 'DfE EYFSP 2017'],
  ['What works', 'Home learning visits'],
  ['Action detail', 'Who will be doing what'],
  ['Offer places in the three lowest wards', 'Early Years Manager'],
  ['Home learning visits', "Children's centres"],
];

describe('reading TTC blocks', () => {
  it('reads key/value rows, continuation rows and the actions of each block', () => {
    const issues = new IssueList();
    const [block] = readTtcBlocks(workbook(ttc(['Turning the Curve 2017'], [], ...FULL_BLOCK)), issues);
    expect(block.row).toBe(2);
    expect(block.fields.priority?.text).toBe('School readiness');
    expect(block.fields.story?.text).toBe('Fewer places after 2014.\nA new assessment model from 2015.');
    expect(block.fields.whatWorks?.text).toBe('Home learning visits');
    expect(block.actions.map((a) => [a.detail, a.who])).toEqual([
      ['Offer places in the three lowest wards', 'Early Years Manager'],
      ['Home learning visits', "Children's centres"],
    ]);
    expect(issues.items).toEqual([]);
  });

  it('splits blocks at each Strategic priority row', () => {
    const issues = new IssueList();
    const blocks = readTtcBlocks(workbook(ttc(...FULL_BLOCK, ['Strategic priority', 'Youth offending'], ['Measure', 'YJ01'])), issues);
    expect(blocks.map((b) => b.fields.priority?.text)).toEqual(['School readiness', 'Youth offending']);
    expect(blocks[1].fields.measure?.text).toBe('YJ01');
    expect(blocks[0].actions).toHaveLength(2);
  });

  it('reports a key it does not know, naming the cell', () => {
    const issues = new IssueList();
    readTtcBlocks(workbook(ttc(['Strategic priority', 'X'], ['Storey behind the baseline', 'typo'])), issues);
    expect(issues.items).toEqual([{ sheet: 'TTC priorities', cell: 'A2', message: expect.stringContaining("'Storey behind the baseline' is not a Turning the Curve field") }]);
  });
});

describe('the ttc report', () => {
  const run = (...rows: (string | number | null)[][]) => ttcReport.run(workbook(measures, ttc(...rows)), { today: '2017-06-01' });

  it('applies only to workbooks with a TTC sheet', () => {
    expect(ttcReport.appliesTo?.(workbook(measures))).toBe(false);
    expect(ttcReport.appliesTo?.(workbook(measures, ttc()))).toBe(true);
    expect(() => ttcReport.run(workbook(measures, ttc(['Nothing here'])), { today: '2017-06-01' })).toThrow(NothingToReportError);
  });

  it('makes a contents sheet linking to one sheet per priority, every sheet generated', () => {
    const result = run(...FULL_BLOCK, ['Strategic priority', 'Youth offending'], ['Measure', 'First-time entrants']);
    expect(result.plan.sheets.map((s) => [s.name, s.mode])).toEqual([
      ['Contents', 'generated'],
      ['1. School readiness', 'generated'],
      ['2. Youth offending', 'generated'],
    ]);
    const links = cells(result.plan.sheets[0]).flat().filter((v): v is PlanLink => typeof v === 'object' && v !== null);
    expect(links).toEqual([
      { text: 'School readiness', target: "'1. School readiness'!A1" },
      { text: 'Youth offending', target: "'2. Youth offending'!A1" },
    ]);
  });

  it('writes every field, the comparator table and the chart over it', () => {
    const result = run(...FULL_BLOCK);
    const sheet = result.plan.sheets[1];
    expect(rowStarting(sheet, 'Strategic priority')[1]).toBe('School readiness');
    expect(rowStarting(sheet, 'Priority action')[1]).toBe('More two-year-olds in early education');
    expect(rowStarting(sheet, 'Officer lead')[1]).toBe('Early Years Manager');
    expect(rowStarting(sheet, 'Current situation')[1]).toBe('Below statistical neighbours.');
    expect(rowStarting(sheet, 'Measure')[1]).toBe('Good level of development (ED01): higher is better');
    expect(rowStarting(sheet, 'Type of measure')[1]).toBe('Is anyone better off?');
    expect(rowStarting(sheet, 'Baseline')[1]).toBe('61.8% (2016/17)');
    expect(rowStarting(sheet, 'Trend')[1]).toBe('↑ Improving (2013/14 to 2016/17)');
    expect(rowStarting(sheet, 'Rate')[1]).toBe('Slight improvement on previous year');
    expect(rowStarting(sheet, 'Baseline target')[1]).toBe('62.0%');
    expect(rowStarting(sheet, 'Excellence target')[1]).toBe('70.0%');
    const all = cells(sheet).flat();
    for (const text of ['Story behind the baseline', 'Fewer places after 2014.', 'A new assessment model from 2015.', 'Partners', 'Schools', 'Health warning', 'What works',
      'Home learning visits', 'Action detail', 'Who will be doing what', 'Offer places in the three lowest wards', 'What will success look like',
      'More children ready for school.', 'Monitoring and accountability', 'Improvement Board, quarterly', 'References', 'DfE EYFSP 2017']) {
      expect(all).toContain(text);
    }

    const header = cells(sheet).findIndex((r) => r[1] === '2013/14');
    expect(cells(sheet)[header].slice(0, 8)).toEqual(['Percentage', ...YEARS, '2017/18', '2018/19', '2019/20']);
    const tableRow = (label: string) => cells(sheet).slice(header).find((r) => r[0] === label) ?? [];
    expect(tableRow('This council').slice(1, 8)).toEqual([54, 57.5, 59.1, 61.8, null, null, null]);
    expect(tableRow('Statistical neighbours').slice(1, 5)).toEqual([56.2, 59, 61.4, 63]);
    expect(tableRow('England').slice(1, 5)).toEqual([60.4, 66.3, 69.3, 70.7]);
    expect(tableRow('Baseline target').slice(1, 8)).toEqual([null, null, null, null, 62, 62, 62]);
    expect(tableRow('Excellence target').slice(1, 8)).toEqual([null, null, null, null, 70, 70, 70]);
    const projected = tableRow('Forecast if nothing changes').slice(1, 8);
    expect(projected.slice(0, 4)).toEqual([null, null, null, 61.8]);
    expect(projected[4]).toBeCloseTo(64.3, 4); // slope 2.5 a year over 2013/14–2016/17

    const [chart] = sheet.charts ?? [];
    expect(chart.kind).toBe('line');
    expect(chart.categories).toEqual({ row: header, col: 1, rowCount: 1, colCount: 7 });
    // Drawn widest first: the England and neighbours lines lie under the council's and the dashed targets.
    expect(chart.series.map((s) => [s.name, s.values.row, Boolean(s.dashed)])).toEqual([
      ['England', header + 3, false],
      ['Statistical neighbours', header + 2, false],
      ['This council', header + 1, false],
      ['Forecast if nothing changes', header + 6, true],
      ['Baseline target', header + 4, true],
      ['Excellence target', header + 5, true],
    ]);
    expect(new Set(chart.series.map((s) => s.colour)).size).toBe(6);
    // Scaled to the data (54 to 70.7), not from 0.
    expect(chart.valueAxis).toEqual({ min: 50, max: 75 });
    expect(sheet.page).toMatchObject({ orientation: 'portrait', printArea: { row: 0, col: 0, colCount: 10 } });
    expect(sheet.page?.fitToWidth || (sheet.page?.scale ?? 0) >= 73).toBe(true);
    expect(result.issues).toEqual([]);
  });

  it('judges the trend by polarity: falling is improving when lower is better; flat is no change', () => {
    const json = run(['Strategic priority', 'Youth'], ['Measure', 'YJ01'], ['Strategic priority', 'Referrals'], ['Measure', 'CS01']).json as { priorities: { trend: string; rate: string }[] };
    expect(json.priorities.map((p) => [p.trend, p.rate])).toEqual([
      ['improving', 'Improvement on previous year'],
      ['no-change', 'Not judged: the measure has no target to judge against'],
    ]);
  });

  it('turns missing fields and an unknown measure into Issues naming the cells, and still makes the sheet', () => {
    const result = run(['Strategic priority', 'Housing'], ['Measure', 'Homeless households'], ['Baseline target', 'about 40']);
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { sheet: 'TTC priorities', cell: 'A1', message: expect.stringMatching(/^the block for 'Housing' has no Priority action, Officer lead, Current situation, .*References — left blank/) },
        { sheet: 'TTC priorities', cell: 'A1', message: expect.stringContaining('has no actions') },
        { sheet: 'TTC priorities', cell: 'B2', message: expect.stringContaining("'Homeless households' is not a measure on the measures sheet") },
        { sheet: 'TTC priorities', cell: 'B3', message: expect.stringContaining("'about 40' is not a number") },
      ]),
    );
    const sheet = result.plan.sheets[1];
    expect(sheet.charts).toEqual([]);
    expect(rowStarting(sheet, 'Baseline target')[1]).toBe('about 40');
    expect(cells(result.plan.sheets[0]).flat()).toContain('TTC priorities!B2');
  });
});

describe('quarterly measures', () => {
  const QUARTERS = ['Q1 2017/18', 'Q2 2017/18', 'Q3 2017/18', 'Q4 2017/18', 'Q1 2018/19'];
  const quarterly = sheetGrid('Measures', [
    ['Ref', 'Measure', 'Unit', 'Polarity', ...QUARTERS, 'England 2017/18', 'SN 2017/18'],
    ['ED01', 'Good level of development', '%', 'Higher is better', 66, 66.5, 67, 67.4, 68, 70.7, 70.1],
  ]);

  it('lets an annual comparator stand for each quarter of its year, and a target name a comparator', () => {
    const grids = workbook(quarterly, ttc(['Strategic priority', 'School readiness'], ['Measure', 'ED01'], ['Baseline target', 'In line with England']));
    const result = ttcReport.run(grids, { today: '2018-08-01' });
    const json = result.json as { priorities: { comparator: { period: string; england: number | null; statistical_neighbours: number | null; baseline_target: number | null }[]; rate: string; baseline_target: number }[] };
    const [priority] = json.priorities;
    expect(priority.comparator.map((c) => [c.period, c.england, c.statistical_neighbours])).toEqual([
      ['Q1 2017/18', 70.7, 70.1], ['Q2 2017/18', 70.7, 70.1], ['Q3 2017/18', 70.7, 70.1], ['Q4 2017/18', 70.7, 70.1], ['Q1 2018/19', null, null],
      ['Q2 2018/19', null, null], ['Q3 2018/19', null, null], ['Q4 2018/19', null, null],
    ]);
    expect(priority.rate).toBe('Slight improvement on previous quarter');
    expect(priority.baseline_target).toBe(70.7);
    expect(rowStarting(result.plan.sheets[1], 'Baseline target')[1]).toBe('In line with England (70.7%)');
    expect(result.issues.filter((i) => i.sheet === 'TTC priorities')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^the block for 'School readiness' has no Priority action/) }),
      expect.objectContaining({ message: expect.stringContaining('has no actions') }),
    ]);
  });
});

describe('text lines', () => {
  it('breaks text at spaces and keeps the writer’s line breaks', () => {
    expect(textLines('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(textLines('first\nsecond', 80)).toEqual(['first', 'second']);
    expect(textLines('', 80)).toEqual(['']);
  });
});
