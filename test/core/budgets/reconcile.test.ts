import { budgetsReport } from '../../../src/core/budgets/report';
import { varianceOf } from '../../../src/core/budgets/reconcile';
import { DEFAULT_AMBER_ABOVE, DEFAULT_RED_ABOVE } from '../../../src/core/budgets/settings';
import { type GridValue, sheetGrid, workbook } from '../../fixtures/actions/grids';

interface StrategyJson {
  strategy: string;
  lines_total: number;
  stated_total: number | null;
  difference: number | null;
  reconciles: boolean | null;
  tolerance: number | null;
  explanation: string;
  rag?: string;
}
interface BudgetsJson {
  strategies: StrategyJson[];
  duplicates: { line: string; strategies: string[]; amounts: (number | null)[] }[];
  issues: { sheet: string; cell: string; message: string }[];
}

const HEADER = ['Strategy', 'Service line', 'Budget (£m)', 'Stated total'];

function reconcile(rows: GridValue[][], settings?: GridValue[][]): BudgetsJson {
  const sheets = [sheetGrid('Budgets', [HEADER, ...rows])];
  if (settings) sheets.push(sheetGrid('Settings', settings));
  return budgetsReport.run(workbook(...sheets), { today: '2017-10-20' }).json as BudgetsJson;
}

function strategy(json: BudgetsJson, name: string): StrategyJson {
  const found = json.strategies.find((s) => s.strategy === name);
  if (!found) throw new Error(`no strategy ${name} in ${JSON.stringify(json.strategies.map((s) => s.strategy))}`);
  return found;
}

/** One strategy's lines, its stated total on the first line. */
function lines(name: string, stated: GridValue, ...amounts: GridValue[]): GridValue[][] {
  return amounts.map((amount, i) => [name, `${name} line ${i + 1}`, amount, i === 0 ? stated : null]);
}

describe('reconciling within the rounding of the stated figure', () => {
  const cases: { title: string; stated: GridValue; amounts: GridValue[]; reconciles: boolean; difference: number }[] = [
    { title: 'a stated £12.4m against lines of £12.37m', stated: '£12.4m', amounts: ['£8.20m', '£3.96m', '£210k'], reconciles: true, difference: -0.03 },
    { title: 'a stated £3.21m against lines of £3.31m', stated: '£3.21m', amounts: ['£2.16m', '£0.70m', '£0.45m'], reconciles: false, difference: 0.1 },
    { title: 'a stated £12.40m against £12.37m (stated to the penny of £m)', stated: '£12.40m', amounts: [8.2, 3.96, 0.21], reconciles: false, difference: -0.03 },
    { title: 'exactly half a place away reconciles', stated: '£12.4m', amounts: [12.45], reconciles: true, difference: 0.05 },
    { title: 'just over half a place does not', stated: '£12.4m', amounts: [12.451], reconciles: false, difference: 0.051 },
    { title: 'a number formatted to one place', stated: { value: 12.4, numberFormat: '0.0' }, amounts: [12.37], reconciles: true, difference: -0.03 },
    { title: 'a General number 12.4 is shown to one place', stated: 12.4, amounts: [12.37], reconciles: true, difference: -0.03 },
    { title: 'float noise never breaks an exact match', stated: 0.3, amounts: [0.1, 0.2], reconciles: true, difference: 0 },
    { title: 'income lines count against spending', stated: '£1.95m', amounts: ['£1.20m', '£0.45m', 0.8, '(0.50)'], reconciles: true, difference: 0 },
  ];
  test.each(cases)('$title', ({ stated, amounts, reconciles, difference }) => {
    const result = strategy(reconcile(lines('Early Help', stated, ...amounts)), 'Early Help');
    expect(result.reconciles).toBe(reconciles);
    expect(result.difference).toBeCloseTo(difference, 9);
  });

  test('no stated total: nothing to reconcile against', () => {
    const result = strategy(reconcile(lines('Early Help', null, 1, 2)), 'Early Help');
    expect(result).toMatchObject({ lines_total: 3, stated_total: null, difference: null, reconciles: null, explanation: 'No stated total to check against.' });
  });

  test('the explanation names the rounding', () => {
    const result = strategy(reconcile(lines('Looked After Children', '£12.4m', 8.2, 3.96, 0.21)), 'Looked After Children');
    expect(result.explanation).toBe('Reconciles within the rounding of the stated £12.4m (±£0.05m).');
  });
});

describe('a tolerance from the Settings sheet', () => {
  const youth = lines('Youth Justice', '£3.21m', 2.16, 0.7, 0.45);
  test('Budget tolerance widens it', () => {
    const result = strategy(reconcile(youth, [['Budget tolerance', '£0.1m']]), 'Youth Justice');
    expect(result.reconciles).toBe(true);
    expect(result.tolerance).toBe(0.1);
    expect(result.explanation).toBe('Reconciles within the ±£0.100m tolerance set on the Settings sheet.');
  });
  test('Budget rounding gives half the rounding unit', () => {
    const result = strategy(reconcile(youth, [['Budget rounding', '£0.1m']]), 'Youth Justice');
    expect(result.tolerance).toBeCloseTo(0.05, 9);
    expect(result.reconciles).toBe(false);
  });
  test('Budget rounding can be written as decimal places', () => {
    const result = strategy(reconcile(lines('Youth Justice', '£3.21m', 3.26), [['Rounding for budgets', '1 decimal place']]), 'Youth Justice');
    expect(result.tolerance).toBeCloseTo(0.05, 9);
    expect(result.reconciles).toBe(true);
  });
  test('a narrower setting never tightens the rounding', () => {
    const result = strategy(reconcile(lines('LAC', '£12.4m', 12.37), [['Reconciliation tolerance', 0.001]]), 'LAC');
    expect(result.tolerance).toBeCloseTo(0.05, 9);
    expect(result.reconciles).toBe(true);
  });
  test('an unreadable setting is an issue, not a crash', () => {
    const json = reconcile(youth, [['Budget tolerance', 'about a bit']]);
    expect(json.issues).toContainEqual({ sheet: 'Settings', cell: 'B1', message: "'about a bit' is not an amount for Budget tolerance — ignored" });
  });
});

describe('service lines under more than one strategy', () => {
  const rows = [
    ['Early Help', 'Speech & Language Therapy', '£0.45m', '£1.65m'],
    ['Early Help', "Children's Centres", '£1.20m', null],
    ["Children's Health", 'speech and language therapy', '£0.45m', '£3.70m'],
    ["Children's Health", 'Childrens centres.', '£1.25m', null],
    ["Children's Health", 'Health Visiting', '£2.00m', null],
  ];
  test('are matched loosely, with both amounts', () => {
    expect(reconcile(rows).duplicates).toEqual([
      { line: 'Speech & Language Therapy', strategies: ['Early Help', "Children's Health"], amounts: [0.45, 0.45] },
      { line: "Children's Centres", strategies: ['Early Help', "Children's Health"], amounts: [1.2, 1.25] },
    ]);
  });
  test('the same line twice under one strategy is not a cross-strategy duplicate', () => {
    expect(reconcile([...lines('Early Help', null, 1), ['Early Help', 'Early Help line 1', 1, null]]).duplicates).toEqual([]);
  });
});

describe('explaining a difference', () => {
  const prefix = (more: string, stated: string) => `Does not reconcile as stated: the lines come to ${more} than the stated ${stated}. `;
  test('lines counted under another strategy', () => {
    const json = reconcile([
      ...lines('Early Help', '£1.65m', 1.2, 0.45),
      ["Children's Health", 'Health Visiting', 3.1, '£4.50m'],
      ["Children's Health", 'School Nursing', 1.4, null],
      ["Children's Health", 'Early Help line 1', 1.25, null],
      ["Children's Health", 'early help line 2', 0.45, null],
    ]);
    const result = strategy(json, "Children's Health");
    expect(result.reconciles).toBe(false);
    expect(result.explanation).toBe(
      `${prefix('£1.70m more', '£4.50m')}It reconciles once Early Help line 1 and early help line 2, counted under Early Help, are left out.`,
    );
  });
  test('a single line the stated total leaves out', () => {
    const result = strategy(reconcile(lines('Education Support', '£2.50m', '£2.50m', '£0.60m')), 'Education Support');
    expect(result.explanation).toBe(`${prefix('£0.60m more', '£2.50m')}It reconciles once Education Support line 2 (£0.60m) is left out: the stated total may not include it.`);
  });
  test('a line counted twice in the stated total', () => {
    const result = strategy(reconcile(lines('Education Support', '£3.70m', '£2.50m', '£0.60m')), 'Education Support');
    expect(result.explanation).toBe(`${prefix('£0.60m less', '£3.70m')}The stated total is more by the amount of Education Support line 2 (£0.60m): it may have been counted twice.`);
  });
  test("another strategy's line the stated total includes", () => {
    const json = reconcile([...lines('Early Help', '£2.73m', 2.5), ...lines('Youth Justice', null, 0.23)]);
    expect(strategy(json, 'Early Help').explanation).toBe(
      `${prefix('£0.23m less', '£2.73m')}It reconciles once Youth Justice line 1 (£0.23m), listed under Youth Justice, is added: the stated total may include it.`,
    );
  });
  test('a sign slip on a negative income line', () => {
    const result = strategy(reconcile(lines('Disabled Children', '£2.61m', '£1.50m', '£0.90m', '-£0.21m')), 'Disabled Children');
    expect(result.explanation).toBe(
      `${prefix('£0.42m less', '£2.61m')}It reconciles if the sign of the income line Disabled Children line 3 (-£0.21m) is reversed: the stated total appears to add this income as if it were spending.`,
    );
  });
  test('an income line entered as spending', () => {
    const json = reconcile([
      ['Disabled Children', 'Short breaks', 1.5, '£2.19m'],
      ['Disabled Children', 'Direct payments', 0.9, null],
      ['Disabled Children', 'CCG contribution income', 0.21, null],
    ]);
    expect(strategy(json, 'Disabled Children').explanation).toBe(
      `${prefix('£0.42m more', '£2.19m')}It reconciles if CCG contribution income (£0.21m) is entered as income (-£0.21m): the stated total appears to take it away.`,
    );
  });
  test('nothing accounts for it', () => {
    const result = strategy(reconcile(lines('Youth Justice', '£3.21m', 2.16, 0.7, 0.45)), 'Youth Justice');
    expect(result.explanation).toBe(`${prefix('£0.10m more', '£3.21m')}No single line, line shared with another strategy or sign slip accounts for the difference.`);
  });
});

describe('spend against budget', () => {
  const defaults = { amberAbove: DEFAULT_AMBER_ABOVE, redAbove: DEFAULT_RED_ABOVE };
  test.each([
    ['on budget', 1, 1, 'green'],
    ['0.5% over', 1, 1.005, 'green'],
    ['exactly 1% over', 1, 1.01, 'green'],
    ['3% over', 1, 1.03, 'amber'],
    ['exactly 5% over', 1, 1.05, 'amber'],
    ['6% over', 1, 1.06, 'red'],
    ['an underspend', 1, 0.8, 'green'],
    ['income £0.05m short of a £0.50m budget', -0.5, -0.45, 'red'],
    ['income above budget', -0.5, -0.6, 'green'],
    ['spend against a zero budget', 0, 0.1, 'red'],
  ] as const)('%s is %s', (_, budget, outturn, rag) => {
    expect(varianceOf(budget, outturn, defaults).rag).toBe(rag);
  });

  test('thresholds come from the Settings sheet', () => {
    const settings = { amberAbove: 0.02, redAbove: 0.1 };
    expect(varianceOf(1, 1.015, settings).rag).toBe('green');
    expect(varianceOf(1, 1.06, settings).rag).toBe('amber');
    expect(varianceOf(1, 1.11, settings).rag).toBe('red');
  });

  test('the report reads them', () => {
    const grids = workbook(
      sheetGrid('Budgets', [['Strategy', 'Service line', 'Budget', 'Forecast'], ['Early Help', 'Family Support', 1, 1.06]]),
      sheetGrid('Settings', [['Budget amber threshold', '2%'], ['Budget red threshold', '10%']]),
    );
    const json = budgetsReport.run(grids, { today: '2017-10-20' }).json as BudgetsJson;
    expect(strategy(json, 'Early Help').rag).toBe('amber');
  });
});

describe('a grand total', () => {
  test('is checked against every line', () => {
    const grids = workbook(sheetGrid('Budgets', [HEADER, ...lines('Early Help', '£1.20m', 1.2), ...lines('Youth Justice', '£2.16m', 2.16), ['Grand total', null, '£3.46m', null]]));
    const plan = budgetsReport.run(grids, { today: '2017-10-20' }).plan;
    const values = plan.sheets.find((s) => s.name === 'Budget reconciliation')?.values[0].values ?? [];
    expect(values.find((row) => row[0] === 'All strategies (grand total)')).toEqual([
      'All strategies (grand total)', 2, 3.36, 3.46, -0.1, 'No',
      'The grand total on the Budgets sheet does not match: every line together comes to £0.10m less.',
    ]);
  });
});
