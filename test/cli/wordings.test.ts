/**
 * Councils' own wordings end to end: a measures sheet shaped like a published
 * scrutiny appendix (polarity as a sentence or in the name, targets relative
 * to benchmarks, figures pasted with labels and periods, tolerance in words),
 * run through `ragbook apply`, the JSON and the coloured workbook read back.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openWorkbook } from '../../src/adapters/file';
import { readMeasures } from '../../src/core/measures/read-measures';
import { COLOURS } from '../../src/core/measures/scheme';
import { runCli } from '../helpers/cli';
import { fillOf, loadWorkbook, saveWorkbook, tempDir } from '../helpers/xlsx';

interface JsonMeasure {
  id: string;
  name: string;
  status: string;
  target: number | null;
  low: number | null;
  high: number | null;
}

let dir: string;
let output: string;
let json: { measures: JsonMeasure[]; issues: { sheet: string; cell: string; message: string }[] };

beforeAll(async () => {
  dir = await tempDir();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Appendix A');
  sheet.getRow(1).values = ['Ref', 'Indicator', 'Unit', 'What good looks like', 'Target', 'Tolerance', 'Stat neighbours Q1 17/18', 'England average Q1 17/18', 'Q1 17/18', 'Notes 2017/18'];
  const rows: unknown[][] = [
    ['P1', 'Looked After Children participating in learning', '%', 'A higher percentage of Looked After Children participating in learning indicates a better performance', 'In line with National performance', null, 60, 58, 'Actual: 63.6% (April 2015 – March 2016)'],
    ['P2', 'Re-offending rate', '%', 'Lower number of offenders is better', '2 percentage points better than National performance', null, 30, 29, 26],
    ['P3', 'Primary Admission First Choice (bigger is better)', '%', null, '92.0%', null, null, null, { v: 0.93, f: '0.0%' }],
    ['P4', 'Rate of Fixed Term Exclusions (smaller is better)', 'Rate per 1,000', null, '5% below the England average', null, null, 40, 38.5],
    ['P5', 'Children in care', 'Number', 'Lower is better', 350, 'between 320 and 380', null, null, 376],
    ['P6', 'Early help take-up', '%', 'Higher is better', 'In line with national (58%)', null, null, null, 57.5],
    ['P7', 'Care leavers in education', '%', 'Higher is better', 'New measure in Council Business Plan for 2017/2018', null, null, null, 51],
    ['P8', 'Timeliness of plans', '%', 'Depends on the context', 80, null, null, null, 70],
  ];
  rows.forEach((values, i) => {
    const row = sheet.getRow(i + 2);
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      if (value && typeof value === 'object') {
        const { v, f } = value as { v: number; f: string };
        cell.value = v;
        cell.numFmt = f;
      } else if (value !== null) cell.value = value as ExcelJS.CellValue;
    });
  });
  const input = await saveWorkbook(book, dir, 'appendix.xlsx');
  output = path.join(dir, 'appendix-out.xlsx');
  const result = await runCli(['apply', input, '-o', output, '--json']);
  expect(result.code).toBe(0);
  json = JSON.parse(result.out);
});

function measure(id: string): JsonMeasure {
  const found = json.measures.find((m) => m.id === id);
  if (!found) throw new Error(`no measure ${id}`);
  return found;
}

function issuesAt(cell: string): string[] {
  return json.issues.filter((i) => i.sheet === 'Appendix A' && i.cell === cell).map((i) => i.message);
}

test('a polarity sentence and a target in line with the national figure', () => {
  // 63.6 ≥ 58 (England, same period); higher is better.
  expect(measure('P1')).toMatchObject({ target: 58, status: 'met' });
  expect(issuesAt('E2')).toEqual(["read 'In line with National performance' as 58%, the England value for Q1 17/18"]);
});

test('points better than the benchmark follow polarity', () => {
  // Lower is better: 2 points better than 29 is 27; 26 meets it.
  expect(measure('P2')).toMatchObject({ target: 27, status: 'met' });
  expect(issuesAt('E3')[0]).toBe("read '2 percentage points better than National performance' as 27%, 2 percentage points better than the England figure, from the England value for Q1 17/18 of 29%");
});

test('polarity in the name, and a percentage as text against one stored as a number', () => {
  expect(measure('P3')).toMatchObject({ name: 'Primary Admission First Choice', target: 92, status: 'met' });
  expect(measure('P4')).toMatchObject({ name: 'Rate of Fixed Term Exclusions', target: 38, status: 'not-met' });
});

test('tolerance in words', () => {
  // 376 is worse than 350 but inside 320–380.
  expect(measure('P5')).toMatchObject({ target: 350, low: 320, high: 380, status: 'within-tolerance' });
});

test('the figure in brackets is the target when the workbook has no benchmark column', () => {
  expect(measure('P6')).toMatchObject({ target: 58, status: 'not-met' });
  expect(issuesAt('E7')[0]).toContain("read 'In line with national (58%)' as 58%, the England value quoted in the cell");
});

test('a new measure has no target, and says nothing wrong', () => {
  expect(measure('P7')).toMatchObject({ target: null, status: 'no-target' });
  expect(issuesAt('E8')).toEqual([]);
});

test('a wording Ragbook cannot be sure of stays an Issue naming the cell, not a status', () => {
  expect(['met', 'exceeded', 'within-tolerance', 'not-met']).not.toContain(measure('P8').status);
  expect(issuesAt('D9')[0]).toContain("'Depends on the context' is not a polarity Ragbook knows");
});

test('a header that looks like a period but is not read is reported', () => {
  expect(issuesAt('J1')[0]).toContain("the header 'Notes 2017/18' looks like a period or a benchmark");
});

test('the coloured workbook shows the same statuses', async () => {
  const sheet = (await loadWorkbook(output)).getWorksheet('Appendix A')!;
  expect(fillOf(sheet.getCell('I2'))).toBe(COLOURS.green);
  expect(fillOf(sheet.getCell('I5'))).toBe(COLOURS.red);
});

describe('a table pasted from Word: merged theme cells and text carried on to rows of its own', () => {
  let input: string;
  let pasted: { measures: (JsonMeasure & { period: string })[]; issues: { cell: string; message: string }[] };
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Scorecard');
    sheet.getRow(1).values = ['Theme', 'Indicator', 'Polarity', 'Target', '2015/16', '2016/17', 'Comments'];
    sheet.getRow(2).values = ['Children in care', 'Percentage of children looked after', 'Higher is better', 68, 66, 69, 'Placement stability'];
    sheet.getRow(3).values = [null, 'for 2.5 years or more in the same placement', null, null, null, null, 'improved in the year.'];
    sheet.getRow(5).values = [null, 'Care leavers in suitable accommodation', 'Higher is better', 90, 88, 86, null];
    sheet.mergeCells('A2:A5');
    input = await saveWorkbook(book, dir, 'pasted.xlsx');
    const result = await runCli(['apply', input, '-o', path.join(dir, 'pasted-out.xlsx'), '--json']);
    expect(result.code).toBe(0);
    pasted = JSON.parse(result.out);
  });

  test('the carried-on text joins its measure, and the blank under the merged theme is the same theme', () => {
    expect(pasted.measures.map((m) => [m.name, m.status])).toEqual([
      ['Percentage of children looked after for 2.5 years or more in the same placement', 'met'],
      ['Care leavers in suitable accommodation', 'not-met'],
    ]);
    expect(pasted.issues).toEqual([]);
  });

  test('the blank under the merged theme cell is the same theme, and the comment is joined too', async () => {
    const { grids } = await openWorkbook(await fs.readFile(input));
    const measures = readMeasures(grids).data?.measures ?? [];
    expect(measures.map((m) => [m.theme, m.notes])).toEqual([
      ['Children in care', 'Placement stability improved in the year.'],
      ['Children in care', undefined],
    ]);
  });
});
