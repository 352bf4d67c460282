/**
 * Turning the Curve sheets as partnerships write them (issue 20): a chosen
 * baseline year, the officer's own trend note beside Ragbook's reading, a RAG
 * rating field, and several measures under one priority, each with its own
 * data table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { fakeIo } from '../helpers/cli';
import { fieldValue, loadWorkbook } from '../helpers/xlsx';
import { buildTtcWorkbook, TWO_PRIORITIES, ttcBlock } from '../fixtures/ttc/ttc-workbook';

let dir: string;
let workbook: ExcelJS.Workbook;
let json: { priorities: { priority: string; sheet: string; measure: { id: string } | null; baseline: { period: string; value: number } | null; trend_note: string | null; rag_rating: string | null }[]; issues: { message: string }[] };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ragbook-ttc-wordings-'));
  const bytes = await buildTtcWorkbook({
    measures: TWO_PRIORITIES.measures,
    ttcRows: [
      ...ttcBlock('Children get a good start', 'ED01', {
        'Baseline year': '2014/15',
        Trend: 'Improving, but the gap to England is widening',
        'RAG rating': 'Amber',
      }),
      ['Measure', 'YJ01'],
    ],
  });
  const input = path.join(dir, 'partnership.xlsx');
  writeFileSync(input, bytes);
  const output = path.join(dir, 'partnership-ttc.xlsx');
  const io = fakeIo('2017-06-01');
  expect(await main(['ttc', input, '-o', output, '--json'], io)).toBe(0);
  json = JSON.parse(io.out);
  workbook = await loadWorkbook(output);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('several measures under one priority give a sheet each', () => {
  expect(json.priorities.map((p) => [p.priority, p.measure?.id])).toEqual([
    ['Children get a good start', 'ED01'],
    ['Children get a good start', 'YJ01'],
  ]);
  expect(new Set(json.priorities.map((p) => p.sheet)).size).toBe(2);
});

test('the chosen baseline year is the baseline', () => {
  expect(json.priorities[0].baseline).toEqual({ period: '2014/15', value: 57.5 });
  const sheet = workbook.getWorksheet(json.priorities[0].sheet) as ExcelJS.Worksheet;
  expect(fieldValue(sheet, 'Baseline')).toBe('57.5% (2014/15)');
});

test("the officer's trend note wins, with the computed reading beside it", () => {
  const sheet = workbook.getWorksheet(json.priorities[0].sheet) as ExcelJS.Worksheet;
  expect(fieldValue(sheet, 'Trend')).toMatch(/^Improving, but the gap to England is widening \(from the figures: ↑ Improving/);
  expect(json.priorities[0].trend_note).toBe('Improving, but the gap to England is widening');
});

test('the RAG rating field is kept', () => {
  const sheet = workbook.getWorksheet(json.priorities[0].sheet) as ExcelJS.Worksheet;
  expect(fieldValue(sheet, 'RAG rating')).toBe('Amber');
  expect(json.priorities[0].rag_rating).toBe('Amber');
});

test('the repeated Measure row is not reported as given twice', () => {
  expect(json.issues.map((i) => i.message).filter((m) => m.includes('given twice'))).toEqual([]);
});
