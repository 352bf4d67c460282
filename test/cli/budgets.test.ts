/**
 * `ragbook budgets` end to end, in-process: the fixture workbooks built with
 * exceljs, the JSON document checked against SPEC §6, and the Budget
 * reconciliation sheet read back (values, number formats, fills).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { COLOURS } from '../../src/core/measures/scheme';
import { EXPECTED, STRATEGIES, columnTotalsBook, totalRowsBook } from '../fixtures/budgets/budget-books';

async function ragbook(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const captured = { out: '', err: '' };
  const io: CliIo = {
    stdout: (text) => void (captured.out += text),
    stderr: (text) => void (captured.err += text),
    progress: () => undefined,
    today: () => '2017-10-20',
    env: {},
  };
  const code = await main(argv, io);
  return { code, ...captured };
}

let dir: string;
const files = { columns: '', rows: '' };

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ragbook-budgets-'));
  files.columns = path.join(dir, 'columns.xlsx');
  files.rows = path.join(dir, 'rows.xlsx');
  await fs.writeFile(files.columns, await columnTotalsBook({ measures: true }));
  await fs.writeFile(files.rows, await totalRowsBook());
});

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('ragbook budgets --json', () => {
  test('prints exactly the SPEC §6 document', async () => {
    const { code, out, err } = await ragbook('budgets', files.columns, '--json');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['strategies', 'duplicates', 'issues']);
    expect(json.issues).toEqual([]);
    for (const s of json.strategies) {
      expect(Object.keys(s).slice(0, 5)).toEqual(['strategy', 'lines_total', 'stated_total', 'difference', 'reconciles']);
    }
    expect(json.strategies.map((s: { strategy: string; lines_total: number; stated_total: number; reconciles: boolean }) => [s.strategy, [s.lines_total, s.stated_total, s.reconciles]])).toEqual(
      Object.entries(EXPECTED),
    );
    expect(json.duplicates).toEqual([
      { line: 'Family Support', strategies: [STRATEGIES.earlyHelp, STRATEGIES.health], amounts: [1.2, 1.25] },
      { line: 'Speech & Language Therapy', strategies: [STRATEGIES.earlyHelp, STRATEGIES.health], amounts: [0.45, 0.45] },
    ]);
    const health = json.strategies.find((s: { strategy: string }) => s.strategy === STRATEGIES.health);
    expect(health).toMatchObject({
      difference: 1.7,
      unit: '£m',
      explanation:
        'Does not reconcile as stated: the lines come to £1.70m more than the stated £4.50m. It reconciles once Speech and language therapy and Family support, counted under Early Help, are left out.',
    });
  });

  test('links each strategy to its measures by status', async () => {
    const json = JSON.parse((await ragbook('budgets', files.columns, '--json')).out);
    const measures = Object.fromEntries(json.strategies.map((s: { strategy: string; measures: Record<string, number> }) => [s.strategy, s.measures]));
    // "Early Help strategy" and "Looked after children" match loosely; "Public Health" is on no Budgets line.
    const count = (name: string) => Object.values(measures[name] as Record<string, number>).reduce((a, b) => a + b, 0);
    expect([STRATEGIES.earlyHelp, STRATEGIES.lac, STRATEGIES.youth, STRATEGIES.health].map(count)).toEqual([2, 2, 1, 0]);
    // Youth justice's Q2 figure is 'Not available': it is judged on its latest, Q1's 110 against 120.
    expect(measures[STRATEGIES.youth].met).toBe(1);
  });
});

async function sheetOf(file: string, name: string): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`${file} has no sheet ${name}`);
  return sheet;
}

/** The row whose column A says `text`, after row `from`. */
function rowOf(sheet: ExcelJS.Worksheet, text: string, from = 1): ExcelJS.Row {
  for (let r = from; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === text) return sheet.getRow(r);
  throw new Error(`no row '${text}' on ${sheet.name}`);
}

const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

describe('the Budget reconciliation sheet', () => {
  test('shows each strategy in £m, differences highlighted', async () => {
    const out = path.join(dir, 'rows-budgets.xlsx');
    const { code, out: stdout } = await ragbook('budgets', files.rows, '-o', out);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "Budgets: 6 strategies: 2 reconcile, 4 do not (Children's Health, Youth Justice, Disabled Children and Education Support); 2 service lines under more than one strategy",
    );
    const sheet = await sheetOf(out, 'Budget reconciliation');
    expect(sheet.getCell('A1').value).toBe('Budget reconciliation by commissioning strategy');
    expect(String(sheet.getCell('A2').value)).toMatch(/^Generated by Ragbook: from the Budget sheet/);
    expect(String(sheet.getCell('A3').value)).toBe("Amounts are in £m: from the header 'Budget (£m)'. A difference is the sum of lines minus the stated total.");

    const header = rowOf(sheet, 'Strategy');
    expect((header.values as unknown[]).slice(1, 8)).toEqual(['Strategy', 'Service lines', 'Sum of lines', 'Stated total', 'Difference', 'Reconciles', 'Explanation']);

    const youth = rowOf(sheet, STRATEGIES.youth, header.number);
    expect([2, 3, 4, 5, 6].map((c) => youth.getCell(c).value)).toEqual([3, 3.31, 3.21, 0.1, 'No']);
    expect(youth.getCell(3).numFmt).toBe('"£"#,##0.00"m"');
    expect(youth.getCell(5).numFmt).toBe('+"£"#,##0.00"m";-"£"#,##0.00"m";"£"#,##0.00"m"');
    expect(fillOf(youth.getCell(5))).toBe(argb(COLOURS.red));
    expect(fillOf(youth.getCell(6))).toBe(argb(COLOURS.red));
    expect(youth.getCell(7).value).toBe('No single line, line shared with another strategy or sign slip accounts for the difference.');

    const lac = rowOf(sheet, STRATEGIES.lac, header.number);
    expect([3, 4, 5, 6].map((c) => lac.getCell(c).value)).toEqual([12.37, 12.4, -0.03, 'Yes']);
    expect(lac.getCell(4).numFmt).toBe('"£"#,##0.0"m"');
    expect(fillOf(lac.getCell(5))).toBeUndefined();
    expect(fillOf(lac.getCell(6))).toBe(argb(COLOURS.green));
    expect(lac.getCell(7).value).toBe('Reconciles within the rounding of the stated £12.4m (±£0.05m).');

    const grand = rowOf(sheet, 'All strategies (grand total)', header.number);
    expect(grand.getCell(6).value).toBe('Yes');

    const shared = rowOf(sheet, 'Family Support', header.number);
    expect(shared.getCell(4).value).toBe(
      'Listed under 2 strategies with different amounts (£1.20m and £1.25m): possible double counting, and the figures disagree.',
    );
    expect(fillOf(shared.getCell(4))).toBe(argb(COLOURS.red));
    expect(fillOf(rowOf(sheet, 'Speech & Language Therapy', header.number).getCell(4))).toBe(argb(COLOURS.amber));

    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
  });

  test('rates spend against budget when there is an actual/forecast', async () => {
    const out = path.join(dir, 'columns-budgets.xlsx');
    expect((await ragbook('budgets', files.columns, '-o', out)).code).toBe(0);
    const sheet = await sheetOf(out, 'Budget reconciliation');
    const spend = rowOf(sheet, 'Spend against budget');
    const lac = rowOf(sheet, STRATEGIES.lac, spend.number);
    expect([2, 3, 4, 6].map((c) => lac.getCell(c).value)).toEqual([12.37, 13.5, 1.13, 'Red']);
    expect(lac.getCell(5).value).toBeCloseTo(1.13 / 12.37, 9);
    expect(fillOf(lac.getCell(6))).toBe(argb(COLOURS.red));
    const youth = rowOf(sheet, STRATEGIES.youth, spend.number);
    expect(youth.getCell(6).value).toBe('Green');
  });

  test("leaves the user's Budgets sheet as it was, and a re-run replaces its own sheet", async () => {
    const first = path.join(dir, 'first.xlsx');
    const second = path.join(dir, 'second.xlsx');
    await ragbook('budgets', files.columns, '-o', first);
    const rerun = await ragbook('budgets', first, '-o', second);
    expect(rerun.code).toBe(0);
    const values = async (file: string) => {
      const sheet = await sheetOf(file, 'Budgets');
      return (sheet.getSheetValues() as unknown[][]).map((row) => (row ? [...row] : row));
    };
    expect(await values(second)).toEqual(await values(files.columns));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(second);
    expect(book.worksheets.filter((s) => s.name === 'Budget reconciliation')).toHaveLength(1);
  });

  test("lists problems on the Issues sheet and never replaces a user's own sheet of the same name", async () => {
    const file = path.join(dir, 'messy.xlsx');
    const out = path.join(dir, 'messy-budgets.xlsx');
    const book = new ExcelJS.Workbook();
    const budgets = book.addWorksheet('Budgets');
    budgets.addRow(['Strategy', 'Service line', 'Budget (£m)', 'Strategy total (£m)']);
    budgets.addRow(['Early Help', 'Family Support', 'about 2m', 1.2]);
    budgets.addRow(['Early Help', 'Parenting', 1.2, null]);
    book.addWorksheet('Budget reconciliation').addRow(['My own working notes']);
    await book.xlsx.writeFile(file);
    expect((await ragbook('budgets', file, '-o', out)).code).toBe(0);
    const mine = await sheetOf(out, 'Budget reconciliation');
    expect(mine.getCell('A1').value).toBe('My own working notes');
    const ours = await sheetOf(out, 'Budget reconciliation (2)');
    expect(rowOf(ours, 'Early Help').getCell(6).value).toBe('Yes');
    const issues = await sheetOf(out, 'Issues');
    const row = rowOf(issues, 'Budgets');
    expect(row.getCell(3).value).toBe("'about 2m' is not an amount — Family Support is left out of Early Help's sum of lines");
  });

  test('a workbook with no Budgets sheet is a one-line reason and exit code 1', async () => {
    const file = path.join(dir, 'none.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Measures').addRow(['Measure', 'Q1 2017/18']);
    await book.xlsx.writeFile(file);
    expect(await ragbook('budgets', file, '--json')).toEqual({
      code: 1,
      out: '',
      err: `ragbook budgets: ${file}: no Budgets sheet found: Ragbook looks for a sheet named Budgets, or headers naming a strategy, a service line and a budget\n`,
    });
  });
});
