/**
 * `ragbook commentary` end to end: a workbook written with exceljs, the CLI
 * run in-process, the Commentary sheet read back; officer text written into the
 * output with exceljs and carried through further runs.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { COLOURS } from '../../src/core/measures/scheme';
import { runCli } from '../helpers/cli';
import { fillOf, loadWorkbook, tempDir } from '../helpers/xlsx';
import { commentaryWorkbook, MEASURES } from '../fixtures/commentary/commentary-workbook';

const OFFICER = ['About the latest performance', 'About the target', 'About the target range', 'About benchmarking'];

interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** The Commentary sheet's rows by header, from its header row down. */
function readCommentary(book: ExcelJS.Workbook, name = 'Commentary'): { header: string[]; rows: SheetRow[]; sheet: ExcelJS.Worksheet } {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no ${name} sheet`);
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).text === 'Ref') headerRow = n;
  });
  const header = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: SheetRow[] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
    const cells: Record<string, string> = {};
    header.forEach((h, c) => {
      cells[h] = sheet.getRow(n).getCell(c + 1).text;
    });
    rows.push({ row: n, cells });
  }
  return { header, rows, sheet };
}

function byRef(rows: SheetRow[], ref: string): SheetRow {
  const found = rows.find((r) => r.cells.Ref === ref);
  if (!found) throw new Error(`no row for ${ref}`);
  return found;
}

let dir: string;
let input: string;
let output: string;
beforeAll(async () => {
  dir = await tempDir();
  input = path.join(dir, 'measures.xlsx');
  await commentaryWorkbook().xlsx.writeFile(input);
  output = path.join(dir, 'commentary.xlsx');
  const result = await runCli(['commentary', input, '-o', output]);
  expect(result).toMatchObject({ code: 0, err: '' });
  expect(result.out).toContain(`Commentary for ${MEASURES.length} measures for Q2 2018/19`);
});

describe('the generated Commentary sheet', () => {
  test.each([
    {
      ref: 'AS1', status: 'Exceeded', fill: COLOURS.blue, latest: '89.5%', target: '85%', range: '82% to 88%', variance: '+4.5 percentage points', percent: '+5.3%',
      previous: '↑ Improving (from 86% in Q1 2018/19)', lastYear: '↑ Improving (from 84.1% in Q2 2017/18)',
      benchmarks: "Better than the 2017/18 England average of 82.7%; better than the 2017/18 statistical neighbours' average of 84.2%",
      text: [
        'exceeded the target of 85% by 4.5 percentage points and was above the top of the tolerance range (88%)',
        'an improvement on both the previous quarter (86% in Q1 2018/19) and the same quarter last year (84.1% in Q2 2017/18)',
        "better than the 2017/18 England average of 82.7% and the statistical neighbours' average of 84.2%",
      ],
    },
    {
      ref: 'PL1', status: 'Within tolerance', fill: COLOURS.amber, latest: '10.6%', target: '10%', range: '9% to 11%', variance: '+0.6 percentage points', percent: '+6.0%',
      previous: '↓ Worsening (from 10.1% in Q1 2018/19)', lastYear: '↑ Improving (from 11.3% in Q2 2017/18)',
      text: [
        'missed the target of 10% by 0.6 percentage points but was within the tolerance range of 9% to 11%',
        'worse than the previous quarter (10.1% in Q1 2018/19) but an improvement on the same quarter last year (11.3% in Q2 2017/18)',
        "worse than the 2017/18 England average of 10% and the statistical neighbours' average of 10.4%",
      ],
    },
    {
      ref: 'CC1', status: 'Not met', fill: COLOURS.red, latest: '68.4 per 10,000', target: '60 per 10,000', range: '55 to 65 per 10,000', variance: '+8.4 per 10,000', percent: '+14.0%',
      previous: '↓ Worsening (from 66.1 per 10,000 in Q1 2018/19)', lastYear: '↓ Worsening (from 65.1 per 10,000 in Q2 2017/18)',
      text: [
        'was 3.4 per 10,000 above the target range of 55 to 65 per 10,000',
        'further from the target range than both the previous quarter (66.1 per 10,000 in Q1 2018/19)',
        "above the 2017/18 England average of 64 per 10,000 and the statistical neighbours' average of 66.5 per 10,000",
      ],
    },
    {
      ref: 'CC2', status: 'Met', fill: COLOURS.green, latest: '45.3 per 10,000', target: '45 per 10,000', range: '40 to 50 per 10,000', variance: '+0.3 per 10,000', percent: '+0.7%',
      previous: '→ No change (from 44.9 per 10,000 in Q1 2018/19)', lastYear: '→ No change (from 47.9 per 10,000 in Q2 2017/18)',
      text: [
        'was within the target range of 40 to 50 per 10,000',
        'on a par with both the previous quarter (44.9 per 10,000 in Q1 2018/19) and the same quarter last year (47.9 per 10,000 in Q2 2017/18)',
        "above the 2017/18 England average of 43.3 per 10,000 but below the statistical neighbours' average of 47.1 per 10,000",
      ],
    },
    {
      ref: 'AD1', status: 'Not met', fill: COLOURS.red, latest: '452 days', target: '426 days', range: '416 to 436 days', variance: '+26 days', percent: '+6.1%',
      previous: '↑ Improving (from 460 days in Q1 2018/19)', lastYear: '↑ Improving (from 469 days in Q2 2017/18)',
      text: [
        'missed the target of 426 days by 26 days and was outside the tolerance range of 416 to 436 days',
        'an improvement on both the previous quarter (460 days in Q1 2018/19) and the same quarter last year (469 days in Q2 2017/18)',
        "better than the 2017/18 England average of 486 days and the statistical neighbours' average of 470 days",
      ],
    },
    {
      ref: 'EH1', status: 'Met', fill: COLOURS.green, latest: '314', target: '300', range: '', variance: '+14', percent: '+4.7%',
      previous: '↑ Improving (from 304 in Q1 2018/19)', lastYear: '↑ Improving (from 273 in Q2 2017/18)', benchmarks: '',
      text: ['met the target of 300 with 14 to spare'],
    },
    {
      // No figure for Q2 2018/19: judged on the latest available, Q1 2018/19's.
      ref: 'EH2', status: 'Met', fill: COLOURS.green, latest: '62.9% (Q1 2018/19 — latest available)', target: '60%', range: '55% to 65%', variance: '+2.9 percentage points', percent: '+4.8%',
      previous: '↓ Worsening (from 65.2% in Q4 2017/18)', lastYear: '↑ Improving (from 58.7% in Q1 2017/18)', benchmarks: '',
      text: ['There is no figure yet for Q2 2018/19; at 62.9% in Q1 2018/19, the latest available, performance met the target of 60% with 2.9 percentage points to spare.'],
    },
    {
      ref: 'EH3', status: 'No target', fill: undefined, latest: '1,684', target: 'No target', range: '', variance: '', percent: '',
      previous: '↑ Improving (from 1,654 in Q1 2018/19)', lastYear: '↑ Improving (from 1,596 in Q2 2017/18)',
      text: ['was 1,684. There is no target for this measure, so it has no status.', 'an improvement on both the previous quarter (1,654 in Q1 2018/19)'],
    },
    {
      ref: 'FN1', status: 'Not met', fill: COLOURS.red, latest: '£1.45m', target: '£1.2m', range: '', variance: '+£0.25m', percent: '+20.8%',
      previous: '↓ Worsening (from £1.42m in Q1 2018/19)', lastYear: '↓ Worsening (from £1.28m in Q2 2017/18)',
      text: ['missed the target of £1.2m by £0.25m.', 'worse than both the previous quarter (£1.42m in Q1 2018/19) and the same quarter last year (£1.28m in Q2 2017/18)'],
    },
  ])('$ref: $status', async ({ ref, status, fill, latest, target, range, variance, percent, previous, lastYear, benchmarks, text }) => {
    const { rows, header, sheet } = readCommentary(await loadWorkbook(output));
    const row = byRef(rows, ref);
    expect(row.cells).toMatchObject({
      Period: 'Q2 2018/19', Status: status, Latest: latest, Target: target, 'Target range': range,
      'Variance to target': variance, 'Variance (% of target)': percent,
      'Against the previous period': previous, 'Against the same period last year': lastYear,
    });
    if (benchmarks !== undefined) expect(row.cells.Benchmarks).toBe(benchmarks);
    expect(fillOf(sheet.getRow(row.row).getCell(header.indexOf('Status') + 1))).toBe(fill);
    for (const fact of text) expect(row.cells.Commentary).toContain(fact);
  });

  test('is grouped by theme, print-ready, and officer columns are pale yellow and empty', async () => {
    const { rows, header, sheet } = readCommentary(await loadWorkbook(output));
    expect(header).toEqual([
      'Ref', 'Measure', 'Period', 'Status', 'Latest', 'Target', 'Target range', 'Variance to target', 'Variance (% of target)',
      'Against the previous period', 'Against the same period last year', 'Benchmarks', 'Commentary', ...OFFICER,
    ]);
    // Theme rows are merged across the sheet, so every cell reads as the theme.
    expect(rows.filter((r) => r.cells.Ref === r.cells.Measure).map((r) => r.cells.Ref)).toEqual(['Safeguarding', 'Adoption', 'Early help', 'Finance']);
    expect(sheet.getCell('A2').text).toMatch(/^Generated by Ragbook: .*always kept/);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${rows[0].row - 1}:${rows[0].row - 1}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: rows[0].row - 1, xSplit: 2 });
    const commentaryCell = sheet.getRow(byRef(rows, 'AS1').row).getCell(header.indexOf('Commentary') + 1);
    expect(commentaryCell.alignment?.wrapText).toBe(true);
    const officerCell = sheet.getRow(byRef(rows, 'AS1').row).getCell(header.indexOf(OFFICER[0]) + 1);
    expect(fillOf(officerCell)).toBe('#FFF9E5');
    expect(officerCell.text).toBe('');
  });

  test('text from the input that starts with @ is written as text', async () => {
    const { rows, header, sheet } = readCommentary(await loadWorkbook(output));
    const cell = sheet.getRow(byRef(rows, 'EH3').row).getCell(header.indexOf('Measure') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('@Risk: families open to early help');
  });

  test('neighbouring paragraphs do not open alike', async () => {
    const { rows } = readCommentary(await loadWorkbook(output));
    const openings = rows.filter((r) => r.cells.Commentary).map((r) => r.cells.Commentary.split(' ').slice(0, 2).join(' '));
    for (let i = 1; i < openings.length; i++) expect(openings[i]).not.toBe(openings[i - 1]);
  });
});

/** Writes officer text into a Commentary sheet's officer cells, as an officer would in Excel. */
async function writeOfficerText(file: string, out: string, texts: Record<string, Record<string, string>>): Promise<void> {
  const book = await loadWorkbook(file);
  const { rows, header, sheet } = readCommentary(book);
  for (const [ref, byColumn] of Object.entries(texts)) {
    const row = byRef(rows, ref);
    for (const [column, text] of Object.entries(byColumn)) sheet.getRow(row.row).getCell(header.indexOf(column) + 1).value = text;
  }
  await book.xlsx.writeFile(out);
}

const EDITS: Record<string, Record<string, string>> = {
  AS1: { 'About the latest performance': 'Extra social workers joined in July.', 'About benchmarking': '=Better than all our neighbours' },
  FN1: { 'About the target': '- Target set before the market rate rose.' },
};

describe('officer text', () => {
  let edited: string;
  let second: string;
  let third: string;
  beforeAll(async () => {
    edited = path.join(dir, 'edited.xlsx');
    await writeOfficerText(output, edited, EDITS);
    second = path.join(dir, 'second.xlsx');
    third = path.join(dir, 'third.xlsx');
    expect((await runCli(['commentary', edited, '-o', second])).code).toBe(0);
    expect((await runCli(['commentary', second, '-o', third])).code).toBe(0);
  });

  test.each([['second run', () => second], ['third run', () => third]])('survives the %s, in the same rows, as text', async (_, file) => {
    const book = await loadWorkbook(file());
    expect(book.worksheets.filter((s) => /commentary/i.test(s.name)).map((s) => s.name)).toEqual(['Commentary']);
    const { rows, header, sheet } = readCommentary(book);
    for (const [ref, byColumn] of Object.entries(EDITS)) {
      const row = byRef(rows, ref);
      for (const [column, text] of Object.entries(byColumn)) {
        const cell = sheet.getRow(row.row).getCell(header.indexOf(column) + 1);
        expect(cell.value).toBe(text);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
      }
      expect(row.cells.Commentary).not.toBe('');
    }
    expect(byRef(rows, 'PL1').cells[OFFICER[0]]).toBe('');
  });

  test('text for a measure no longer in the data is kept in a marked section, and stays there', async () => {
    const book = await loadWorkbook(second);
    const measures = book.getWorksheet('Measures')!;
    let fnRow = 0;
    measures.eachRow((row, n) => {
      if (row.getCell(1).text === 'FN1') fnRow = n;
    });
    measures.spliceRows(fnRow, 1);
    const dropped = path.join(dir, 'dropped.xlsx');
    await book.xlsx.writeFile(dropped);
    const once = path.join(dir, 'dropped-once.xlsx');
    const twice = path.join(dir, 'dropped-twice.xlsx');
    expect((await runCli(['commentary', dropped, '-o', once])).code).toBe(0);
    expect((await runCli(['commentary', once, '-o', twice])).code).toBe(0);
    for (const file of [once, twice]) {
      const { rows } = readCommentary(await loadWorkbook(file));
      const section = rows.findIndex((r) => r.cells.Ref === 'No longer reported');
      expect(section).toBeGreaterThan(0);
      const kept = rows.slice(section).find((r) => r.cells.Ref === 'FN1');
      expect(kept?.cells).toMatchObject({ Measure: 'Spend on agency social workers', Period: 'Q2 2018/19', 'About the target': EDITS.FN1['About the target'] });
      expect(rows.slice(0, section).some((r) => r.cells.Ref === 'FN1')).toBe(false);
    }
  });

  test('text for another period is kept apart, and returns when that period is reported again', async () => {
    const earlier = path.join(dir, 'earlier-period.xlsx');
    expect((await runCli(['commentary', second, '-o', earlier, '--period', 'Q1 2018/19'])).code).toBe(0);
    const { rows } = readCommentary(await loadWorkbook(earlier));
    expect(byRef(rows, 'AS1').cells).toMatchObject({ Period: 'Q1 2018/19', [OFFICER[0]]: '' });
    const section = rows.findIndex((r) => r.cells.Ref === 'Officer text for other periods');
    expect(rows.slice(section).find((r) => r.cells.Ref === 'AS1')?.cells).toMatchObject({ Period: 'Q2 2018/19', [OFFICER[0]]: EDITS.AS1[OFFICER[0]] });

    const back = path.join(dir, 'back.xlsx');
    expect((await runCli(['commentary', earlier, '-o', back])).code).toBe(0);
    const again = readCommentary(await loadWorkbook(back)).rows;
    expect(byRef(again, 'AS1').cells).toMatchObject({ Period: 'Q2 2018/19', [OFFICER[0]]: EDITS.AS1[OFFICER[0]] });
    expect(again.some((r) => r.cells.Ref === 'Officer text for other periods')).toBe(false);
  });
});

describe('ragbook commentary --json', () => {
  test('prints the period, each measure with its status and commentary, and the issues', async () => {
    const result = await runCli(['commentary', input, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json.period).toBe('Q2 2018/19');
    expect(json.measures).toHaveLength(MEASURES.length);
    expect(json.measures[0]).toMatchObject({
      id: 'AS1', name: 'Assessments completed within 45 working days', status: 'exceeded', label: 'Exceeded', actual: 89.5, target: 85,
      low: 82, high: 88, variance: 4.5, variance_percent: 5.3, direction: 'improving', direction_year: 'improving',
    });
    expect(json.measures[0].commentary).toContain('exceeded the target of 85%');
    expect(json.measures[0].benchmarks[0]).toEqual({ name: 'England', value: 82.7, comparison: 'better', period: '2017/18' });
    expect(Array.isArray(json.issues)).toBe(true);
  });
});
