/**
 * `ragbook apply` end to end: workbooks written with exceljs in both layouts,
 * the CLI run in-process, the output read back cell by cell.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { COLOURS } from '../../src/core/measures/scheme';
import { runCli } from '../helpers/cli';
import { fillOf, loadWorkbook, saveWorkbook, tempDir } from '../helpers/xlsx';

/** Every row's values from column A, holes as undefined. */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  return Array.from(sheet.getSheetValues(), (r) => (Array.isArray(r) ? Array.from(r.slice(1)) : []));
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

/** A wide sheet as officers keep it: title rows, synonyms, a formula, messy cells. */
async function wideWorkbook(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('KPIs');
  sheet.getCell('A1').value = 'Performance report';
  sheet.getCell('A2').value = 'Quarter 2 2017/18';
  sheet.getRow(4).values = ['Ref', 'Performance measure', 'Theme', 'Unit', 'Direction', 'Target', 'Tolerance', 'Q1 2017/18', 'Q2 2017/18', 'Notes'];
  sheet.getRow(5).values = ['H1', 'Visits completed on time', 'Help', '%', 'Higher is better', 80, '±5', 81, 76];
  sheet.getRow(6).values = ['H2', 'Repeat referrals', 'Help', '%', 'Lower is better', 20, '+/- 2', 19, 23];
  sheet.getRow(7).values = ['S1', 'Children in care per 10,000', 'Safe', 'Rate per 10,000', 'Plan is best', 60, '55 - 65', 66, 61];
  sheet.getRow(8).values = ['S2', 'Adoption days', 'Safe', 'Days', 'Lower number of days is better', 426, '10 days', 500, 'about 430'];
  sheet.getRow(9).values = ['S3', 'Placements', 'Safe', 'Number', 'Higher is better', null, null, 10, 12];
  sheet.getCell('I5').value = { formula: 'H5-5', result: 76 };
  sheet.getCell('J5').value = '=not a formula, typed as text';
  sheet.getCell('B6').note = 'Checked with the service';
  return saveWorkbook(book, dir, 'wide.xlsx');
}

async function longWorkbook(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Data');
  sheet.getRow(1).values = ['Indicator', 'Period', 'Value', 'Annual target', 'Good is', 'Tolerance', 'England'];
  sheet.getRow(2).values = ['Re-offending rate', '2015/16', 41, 38, 'Lower is better', '±2', 40];
  sheet.getRow(3).values = ['Re-offending rate', '2016/17', 39.5, 38, 'Lower is better', '±2', 39];
  sheet.getRow(4).values = ['First-time entrants', '2016/17', 350, 'In line with national', 'Down', '±20', 340];
  sheet.getRow(5).values = ['First-time entrants', '2015/16', '#N/A', 'In line with national', 'Down', '±20', 360];
  return saveWorkbook(book, dir, 'long.xlsx');
}

describe('ragbook apply on a wide sheet', () => {
  let input: string;
  let output: string;
  let inputBytes: Buffer;
  beforeAll(async () => {
    input = await wideWorkbook();
    inputBytes = await fs.readFile(input);
    output = path.join(dir, 'wide-out.xlsx');
    const result = await runCli(['apply', input, '-o', output, '--scheme', 'brag']);
    expect(result).toMatchObject({ code: 0, err: '' });
    // S2's Q2 figure is unreadable: it is judged on its latest figure, Q1's 500.
    expect(result.out).toContain('5 measures for Q2 2017/18: 1 met, 1 within tolerance, 2 not met, 1 no target');
  });

  test('the input file is untouched', async () => {
    expect(await fs.readFile(input)).toEqual(inputBytes);
  });

  test('fills every actual by its status, and leaves other cells alone', async () => {
    const sheet = (await loadWorkbook(output)).getWorksheet('KPIs')!;
    expect(fillOf(sheet.getCell('H5'))).toBe(COLOURS.green); // 81 ≥ 80
    expect(fillOf(sheet.getCell('I5'))).toBe(COLOURS.amber); // 76 within 75–85
    expect(fillOf(sheet.getCell('I6'))).toBe(COLOURS.red); // 23 > 22
    expect(fillOf(sheet.getCell('H7'))).toBe(COLOURS.red); // 66 outside 55–65
    expect(fillOf(sheet.getCell('I7'))).toBe(COLOURS.green);
    expect(fillOf(sheet.getCell('I8'))).toBe(COLOURS.grey); // "about 430"
    expect(fillOf(sheet.getCell('I9'))).toBeUndefined(); // no target: uncoloured
    expect(fillOf(sheet.getCell('F5'))).toBeUndefined();
  });

  test('keeps values, formulas, text and notes exactly', async () => {
    const sheet = (await loadWorkbook(output)).getWorksheet('KPIs')!;
    expect(sheet.getCell('I5').value).toEqual({ formula: 'H5-5', result: 76 });
    expect(sheet.getCell('J5').value).toBe('=not a formula, typed as text');
    expect(sheet.getCell('I8').value).toBe('about 430');
    expect(sheet.getCell('B6').note).toBe('Checked with the service');
    expect(sheet.getCell('A1').value).toBe('Performance report');
  });

  test('adds Status and Direction of travel beside the data', async () => {
    const sheet = (await loadWorkbook(output)).getWorksheet('KPIs')!;
    expect(sheet.getCell('K4').value).toBe('Status for Q2 2017/18');
    expect(sheet.getCell('L4').value).toBe('Direction of travel for Q2 2017/18');
    expect([5, 6, 7, 8, 9].map((r) => sheet.getCell(`K${r}`).value)).toEqual(['Within tolerance', 'Not met', 'Met', 'Not met (Q1 2017/18)', 'No target']);
    expect([5, 6, 7, 8, 9].map((r) => sheet.getCell(`L${r}`).value)).toEqual(['↓ Worsening', '↓ Worsening', '↑ Improving', 'No comparison', '↑ Improving']);
    expect(fillOf(sheet.getCell('K6'))).toBe(COLOURS.red);
  });

  test('writes a Summary with counts per theme and an Issues sheet naming the cell', async () => {
    const book = await loadWorkbook(output);
    const summary = book.getWorksheet('Summary')!;
    const rows = sheetRows(summary);
    const header = rows.find((r) => r[0] === 'Theme')!;
    expect(header).toEqual(['Theme', 'Exceeded', 'Met', 'Within tolerance', 'Not met', 'No data', 'No target', 'Total', 'Improving but not met', 'Latest available (stale)']);
    expect(rows.find((r) => r[0] === 'Help')).toEqual(['Help', 0, 0, 1, 1, 0, 0, 2, 0, 0]);
    expect(rows.find((r) => r[0] === 'All themes')).toEqual(['All themes', 0, 1, 1, 2, 0, 1, 5, 0, 0]);
    const issues = book.getWorksheet('Issues')!;
    const issueRows = sheetRows(issues);
    const adoption = issueRows.find((r) => r[2] === "'about 430' is not a number — treated as no data");
    expect(adoption?.[0]).toBe('KPIs');
    expect(adoption?.[1]).toBe('I8');
    // The cell address links to the cell (exceljs does not read in-workbook links back, so look at the part).
    const parts = unzipSync(new Uint8Array(await fs.readFile(output)));
    const issuesPart = Object.entries(parts).find(([name, bytes]) => name.startsWith('xl/worksheets/') && strFromU8(bytes).includes('about 430'));
    expect(strFromU8(issuesPart![1])).toMatch(/<hyperlink ref="B\d+" location="KPIs!I8"/);
  });

  test('re-running on its own output gives the same workbook: no second columns or sheets', async () => {
    const again = path.join(dir, 'wide-again.xlsx');
    expect((await runCli(['apply', output, '-o', again, '--scheme', 'brag'])).code).toBe(0);
    const [first, second] = await Promise.all([loadWorkbook(output), loadWorkbook(again)]);
    expect(second.worksheets.map((s) => s.name)).toEqual(first.worksheets.map((s) => s.name));
    const a = first.getWorksheet('KPIs')!;
    const b = second.getWorksheet('KPIs')!;
    expect(b.getCell('M4').value).toBeNull();
    for (let r = 1; r <= 9; r++) {
      for (let c = 1; c <= 13; c++) {
        expect([r, c, b.getCell(r, c).value, fillOf(b.getCell(r, c))]).toEqual([r, c, a.getCell(r, c).value, fillOf(a.getCell(r, c))]);
      }
    }
  });

  test('--json prints the SPEC document', async () => {
    const result = await runCli(['apply', input, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json.scheme).toBe('rag');
    expect(json.measures[0]).toEqual({
      id: 'H1', name: 'Visits completed on time', period: 'Q2 2017/18', stale: false, actual: 76, target: 80, low: 75, high: 85,
      polarity: 'higher', status: 'within-tolerance', label: 'Within tolerance', colour: COLOURS.amber, direction: 'worsening',
    });
    expect(json.issues).toContainEqual({ sheet: 'KPIs', cell: 'I8', message: "'about 430' is not a number — treated as no data" });
  });
});

describe('ragbook apply on a long sheet', () => {
  test('colours each row and adds a status per row', async () => {
    const input = await longWorkbook();
    const output = path.join(dir, 'long-out.xlsx');
    const result = await runCli(['apply', input, '-o', output]);
    expect(result.code).toBe(0);
    const sheet = (await loadWorkbook(output)).getWorksheet('Data')!;
    expect(fillOf(sheet.getCell('C3'))).toBe(COLOURS.amber); // 39.5 within 36–40
    expect(fillOf(sheet.getCell('C2'))).toBe(COLOURS.red);
    expect(fillOf(sheet.getCell('C4'))).toBe(COLOURS.amber); // 350 against England's 340 ±20, lower is better
    expect(fillOf(sheet.getCell('C5'))).toBe(COLOURS.grey);
    expect(sheet.getCell('H1').value).toBe('Status for the period');
    expect(['H2', 'H3', 'H4', 'H5'].map((a) => sheet.getCell(a).value)).toEqual(['Not met', 'Within tolerance', 'Within tolerance', 'No data']);
    expect(sheet.getCell('I3').value).toBe('↑ Improving');
  });
});

describe('ragbook apply on an Excel table', () => {
  test('reads the table by its headers and stops at its last row', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Scorecard');
    sheet.getCell('A1').value = 'Scorecard';
    sheet.addTable({
      name: 'Measures',
      ref: 'A3',
      headerRow: true,
      columns: [{ name: 'Indicator' }, { name: 'Good is' }, { name: 'Target' }, { name: '2016/17' }, { name: '2017/18' }],
      rows: [
        ['Placements stable', 'Up', 70, 66, 71],
        ['Days to adoption', 'Down', 426, 480, 470],
      ],
    });
    sheet.getCell('A7').value = 'Source: local data, not a measure';
    sheet.getCell('D7').value = 12;
    const input = await saveWorkbook(book, dir, 'table.xlsx');
    const json = JSON.parse((await runCli(['apply', input, '--json'])).out);
    expect(json.measures.map((m: { name: string; status: string }) => [m.name, m.status])).toEqual([
      ['Placements stable', 'met'],
      ['Days to adoption', 'not-met'],
    ]);
    expect(json.period).toBe('2017/18');
  });
});

describe('ragbook apply: bad usage and unreadable input', () => {
  test.each([
    [['apply'], /takes one input workbook/],
    [['apply', 'missing.xlsx'], /missing.xlsx: no such file/],
    [['apply', 'x.xlsx', '--scheme', 'purple'], /--scheme must be one of rag, brag, achieved/],
    [['apply', 'x.xlsx', '--colour'], /Unknown option '--colour'/],
    [['paint', 'x.xlsx'], /unknown command 'paint'/],
  ])('%p → exit 1 with one line', async (args, message) => {
    const result = await runCli(args as string[]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });

  test('a file that is not a workbook', async () => {
    const file = path.join(dir, 'report.xlsx');
    await fs.writeFile(file, 'Measure,Q1\nVisits,10\n');
    const result = await runCli(['apply', file]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/not an Excel workbook/);
  });

  test('an unknown --period names the periods there are', async () => {
    const result = await runCli(['apply', await longWorkbook(), '--period', 'Q9 2030/31']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no period 'Q9 2030\/31' \(it has .*2016\/17/);
  });
});
