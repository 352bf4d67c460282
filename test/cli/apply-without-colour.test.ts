/**
 * Statuses read without colour: every coloured figure carries its status's
 * symbol in its own number format, and a measure whose polarity cannot be read
 * is "Polarity unknown", not "No target". Run through the CLI and read back.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { COLOURS } from '../../src/core/measures/scheme';
import { runCli } from '../helpers/cli';
import { fillOf, loadWorkbook, saveWorkbook, tempDir } from '../helpers/xlsx';

let dir: string;
let input: string;
let once: string;
let twice: string;

beforeAll(async () => {
  dir = await tempDir();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('KPIs');
  sheet.getRow(1).values = ['Ref', 'Measure', 'Theme', 'Polarity', 'Target', 'Tolerance', 'Q1 2017/18', 'Q2 2017/18'];
  sheet.getRow(2).values = ['A1', 'Visits on time', 'Help', 'Higher is better', 0.8, '±5', 0.81, 0.76];
  sheet.getRow(3).values = ['A2', 'Repeat referrals', 'Help', 'Lower is better', 2000, '±100', 1950, 2300];
  sheet.getRow(4).values = ['A3', 'Placements', 'Safe', 'Higher is better', 10, null, 12, '9'];
  sheet.getRow(5).values = ['A4', 'Satisfaction', 'Safe', 'Good', 90, null, 91, 88];
  sheet.getRow(6).values = ['A5', 'Enquiries', 'Safe', 'Higher is better', null, null, 40, 42];
  for (const cell of ['E2', 'G2', 'H2']) sheet.getCell(cell).numFmt = '0.0%';
  for (const cell of ['G3', 'H3']) sheet.getCell(cell).numFmt = '#,##0;[Red](#,##0)';
  input = await saveWorkbook(book, dir, 'kpis.xlsx');
  once = path.join(dir, 'once.xlsx');
  twice = path.join(dir, 'twice.xlsx');
  expect((await runCli(['apply', input, '-o', once])).code).toBe(0);
  expect((await runCli(['apply', once, '-o', twice])).code).toBe(0);
});

describe('every coloured figure carries its symbol', () => {
  test("composed into the user's own number format, fill kept", async () => {
    const sheet = (await loadWorkbook(once)).getWorksheet('KPIs')!;
    expect(sheet.getCell('G2').numFmt).toBe('"✓ "0.0%;"✓ "-0.0%;"✓ "0.0%;"✓ "@');
    expect(sheet.getCell('H2').numFmt).toBe('"≈ "0.0%;"≈ "-0.0%;"≈ "0.0%;"≈ "@');
    expect(sheet.getCell('H3').numFmt).toBe('"✗ "#,##0;[Red]"✗ "(#,##0);"✗ "#,##0;"✗ "@');
    // General figures, and a figure typed as text, carry it too.
    expect(sheet.getCell('G4').numFmt).toBe('"✓ "General;"✓ "-General;"✓ "General;"✓ "@');
    expect(sheet.getCell('H4').numFmt).toBe('"✗ "General;"✗ "-General;"✗ "General;"✗ "@');
    expect(sheet.getCell('H4').value).toBe('9');
    expect(fillOf(sheet.getCell('H2'))).toBe(COLOURS.amber);
    expect(fillOf(sheet.getCell('H3'))).toBe(COLOURS.red);
    // The target and the unjudged measures' figures keep their formats.
    expect(sheet.getCell('E2').numFmt).toBe('0.0%');
    expect(sheet.getCell('H5').numFmt).toBeFalsy();
    expect(sheet.getCell('H6').numFmt).toBeFalsy();
  });

  test('a second run recognises its own prefix: symbols never stack, the output is the same', async () => {
    const first = (await loadWorkbook(once)).getWorksheet('KPIs')!;
    const second = (await loadWorkbook(twice)).getWorksheet('KPIs')!;
    for (const cell of ['G2', 'H2', 'G3', 'H3', 'G4', 'H4', 'E2', 'H5']) expect(second.getCell(cell).numFmt).toBe(first.getCell(cell).numFmt);
  });

  test('a figure whose status lost its symbol gets its own format back', async () => {
    const book = await loadWorkbook(once);
    book.getWorksheet('KPIs')!.getCell('E2').value = null;
    const noTarget = await saveWorkbook(book, dir, 'no-target.xlsx');
    const out = path.join(dir, 'no-target-coloured.xlsx');
    expect((await runCli(['apply', noTarget, '-o', out])).code).toBe(0);
    const sheet = (await loadWorkbook(out)).getWorksheet('KPIs')!;
    expect(sheet.getCell('G2').numFmt).toBe('0.0%');
    expect(sheet.getCell('H2').numFmt).toBe('0.0%');
  });

  test('the Summary key names each symbol', async () => {
    const summary = (await loadWorkbook(once)).getWorksheet('Summary')!;
    const rows: unknown[][] = [];
    summary.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const key = rows.findIndex((r) => r[0] === 'Status' && r[1] === 'Symbol');
    expect(rows.slice(key + 1, key + 6).map((r) => r.slice(0, 2))).toEqual([
      ['Met', '✓'],
      ['Within tolerance', '≈'],
      ['Not met', '✗'],
      ['No data', '(none)'],
      ['No target', '(none)'],
    ]);
    expect(rows.slice(key + 6, key + 8).map((r) => r.slice(0, 2))).toEqual([['Polarity unknown', '(none)'], [expect.stringContaining('each coloured figure starts with')]]);
  });
});

describe('a polarity Ragbook cannot read', () => {
  test('is "Polarity unknown" in the Status column, the JSON and the Summary, with an Issue on its cell', async () => {
    const sheet = (await loadWorkbook(once)).getWorksheet('KPIs')!;
    expect(sheet.getCell('I5').value).toBe('Polarity unknown');
    expect(sheet.getCell('I6').value).toBe('No target');
    const json = JSON.parse((await runCli(['apply', input, '--json'])).out);
    const status = (id: string) => json.measures.find((m: { id: string }) => m.id === id);
    expect(status('A4')).toMatchObject({ status: 'polarity-unknown', label: 'Polarity unknown', target: 90, polarity: null, colour: null });
    expect(status('A5')).toMatchObject({ status: 'no-target', target: null });
    expect(json.issues).toContainEqual({ sheet: 'KPIs', cell: 'D5', message: expect.stringContaining("'Good' is not a polarity") });
    const summary = (await loadWorkbook(once)).getWorksheet('Summary')!;
    const header: unknown[] = [];
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'Theme') header.push(...(row.values as unknown[]).slice(1));
    });
    expect(header).toEqual(['Theme', 'Met', 'Within tolerance', 'Not met', 'No data', 'No target', 'Polarity unknown', 'Total', 'Improving but not met', 'Latest available (stale)']);
  });

  test('says so in the summary line', async () => {
    expect((await runCli(['apply', input, '-o', path.join(dir, 'line.xlsx')])).out).toMatch(/^5 measures for Q2 2017\/18: 1 within tolerance, 2 not met, 1 no target, 1 polarity unknown\n/);
  });
});
