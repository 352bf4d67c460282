/**
 * `ragbook spc` end to end (issue 21): a quarterly workbook with a measure
 * that has shifted, one with an outlier, one steady and one too short, run
 * through the CLI; the JSON, the SPC sheet and its chart read back.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli';
import { loadWorkbook, saveWorkbook, tempDir } from '../helpers/xlsx';
import { chartsOfSheet, packageTexts } from '../adapters/file/charts/read-chart';

const QUARTERS = Array.from({ length: 16 }, (_, i) => `Q${(i % 4) + 1} ${2014 + Math.floor(i / 4)}/${String(15 + Math.floor(i / 4)).padStart(2, '0')}`);

const MEASURES: [string, string, string, number, number[]][] = [
  // Eight quarters around 50, then eight around 55: the last seven (and more) above the average.
  ['S1', 'Shifted up', 'Higher is better', 60, [50, 51, 49, 50, 52, 48, 50, 51, 55, 56, 54, 55, 57, 55, 56, 55]],
  // Steady around 30, then one far below: higher is better, so a concern.
  ['O1', 'Outlier low', 'Higher is better', 20, [30, 31, 29, 30, 32, 30, 29, 31, 30, 30, 31, 29, 30, 31, 30, 18]],
  // Steady well above its target: passing every time.
  ['P1', 'Steady and passing', 'Higher is better', 80, [90, 91, 89, 90, 92, 90, 89, 91, 90, 90, 91, 89, 90, 91, 90, 91]],
  ['T1', 'Too short', 'Higher is better', 10, [10, 11, 12, 11, 12]],
];

interface SpcJson {
  measures: { id: string; variation: string; assurance: string; mean: number; lpl: number; upl: number; points: { period: string; value: number; special: boolean; rules: string[] }[] }[];
  issues: { sheet: string; cell: string; message: string }[];
}

let dir: string;
let output: string;
let json: SpcJson;

beforeAll(async () => {
  dir = await tempDir();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Measures');
  sheet.getRow(1).values = ['Ref', 'Measure', 'Polarity', 'Target', ...QUARTERS];
  MEASURES.forEach(([ref, name, polarity, target, values], i) => {
    const offset = QUARTERS.length - values.length;
    const row: (string | number | null)[] = [ref, name, polarity, target, ...QUARTERS.map((_, q) => (q < offset ? null : values[q - offset]))];
    sheet.getRow(i + 2).values = row;
  });
  const input = await saveWorkbook(book, dir, 'quarterly.xlsx');
  output = path.join(dir, 'quarterly-spc.xlsx');
  const result = await runCli(['spc', input, '-o', output, '--json']);
  expect(result.code).toBe(0);
  json = JSON.parse(result.out);
});

const measure = (id: string) => json.measures.find((m) => m.id === id);

test('a shift upward on a higher-is-better measure is a real improvement', () => {
  const shifted = measure('S1');
  expect(shifted?.variation).toBe('special-cause-improving');
  // Mean of the sixteen figures: 52.75.
  expect(shifted?.mean).toBe(52.75);
  expect(shifted?.points.slice(-7).every((p) => p.rules.includes('shift'))).toBe(true);
  // The target of 60 is above the upper limit, so it will be missed.
  expect(shifted?.upl).toBeLessThan(60);
  expect(shifted?.assurance).toBe('fail');
});

test('a figure far below the usual range is flagged, and read by polarity', () => {
  const outlier = measure('O1');
  expect(outlier?.points.at(-1)).toEqual({ period: 'Q4 2017/18', value: 18, special: true, rules: ['outside-limits'] });
  expect(outlier?.variation).toBe('special-cause-concerning');
});

test('a steady measure above its target passes', () => {
  expect(measure('P1')).toMatchObject({ variation: 'common-cause', assurance: 'pass' });
  expect(measure('P1')?.points.every((p) => !p.special)).toBe(true);
});

test('a measure with fewer than six figures gets no chart, and an Issue naming its row', () => {
  expect(measure('T1')).toBeUndefined();
  expect(json.issues).toContainEqual({ sheet: 'Measures', cell: 'B5', message: "'Too short' has 5 figures of one kind: SPC needs at least 6 — no chart" });
});

test('the SPC sheet reads without colour, and its chart has the data, average, limits and target', async () => {
  const sheet = (await loadWorkbook(output)).getWorksheet('SPC');
  expect(sheet).toBeDefined();
  const texts: string[] = [];
  sheet?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
  expect(texts).toContain('▲ High: improving');
  expect(texts).toContain('✗ F: will miss the target');
  expect(texts).toContain('✓ P: will meet the target');
  expect(texts.some((t) => /^The last (seven|eight|\d+) quarters have all been above the average of 52\.8: this is a real improvement, not chance\.$/.test(t))).toBe(true);
  const { charts } = chartsOfSheet(packageTexts(new Uint8Array(await fs.readFile(output))), 'SPC');
  expect(charts).toHaveLength(3);
  expect(charts[0].series.map((s) => s.name).sort()).toEqual(['Average', 'Lower limit', 'Shifted up', 'Special cause', 'Target', 'Upper limit']);
  const special = charts[0].series.find((s) => s.name === 'Special cause');
  expect(special?.values.filter((v) => v !== undefined)).toHaveLength(json.measures[0].points.filter((p) => p.special).length);
});
