import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { fakeIo, type CapturedIo } from '../helpers/cli';
import { fieldValue, loadWorkbook } from '../helpers/xlsx';
import { pageText, pdfPages } from '../helpers/pdf-text';
import { chartsOfSheet, packageTexts, type ReadChart } from '../adapters/file/charts/read-chart';
import { packageProblems } from '../adapters/file/package-validity';
import { buildTtcWorkbook, TTC_YEARS, ttcBlock, type TtcMeasure, TWO_PRIORITIES } from '../fixtures/ttc/ttc-workbook';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ragbook-ttc-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function exportTtc(bytes: Uint8Array, name: string): Promise<{ file: string; io: CapturedIo }> {
  const input = path.join(dir, `${name}.xlsx`);
  writeFileSync(input, bytes);
  const io = fakeIo('2017-06-01');
  expect(await main(['ttc', input], io)).toBe(0);
  return { file: path.join(dir, `${name}-ttc.xlsx`), io };
}

function rowNumberOf(sheet: ExcelJS.Worksheet, label: string, after = 0): number {
  for (let r = after + 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === label) return r;
  throw new Error(`no '${label}' on ${sheet.name}`);
}

describe('ragbook ttc', () => {
  let file: string;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const result = await exportTtc(await buildTtcWorkbook(TWO_PRIORITIES), 'board');
    file = result.file;
    expect(result.io.out).toBe(`2 Turning the Curve sheets: 2 improving\nWrote ${file}\n`);
    workbook = await loadWorkbook(file);
  });

  it('writes a workbook of its own: a contents sheet linking to one sheet per priority', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Contents', '1. School readiness', '2. Youth offending']);
    const contents = workbook.getWorksheet('Contents') as ExcelJS.Worksheet;
    expect(contents.getCell('A5').value).toEqual({ text: 'School readiness', hyperlink: "#'1. School readiness'!A1" });
    expect(contents.getCell('A6').value).toEqual({ text: 'Youth offending', hyperlink: "#'2. Youth offending'!A1" });
  });

  it('fills every field of the intelligence sheet', () => {
    const sheet = workbook.getWorksheet('1. School readiness') as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('Turning the Curve: School readiness');
    expect(fieldValue(sheet, 'Strategic priority')).toBe('School readiness');
    expect(fieldValue(sheet, 'Priority action')).toBe('Turn the curve on school readiness');
    expect(fieldValue(sheet, 'Officer lead')).toBe('Jo Bloggs, Head of Service');
    expect(fieldValue(sheet, 'Current situation')).toBe('Performance has been below our statistical neighbours for three years.');
    expect(fieldValue(sheet, 'Measure')).toBe('Good level of development at age five (ED01): higher is better');
    expect(fieldValue(sheet, 'Type of measure')).toBe('Is anyone better off?');
    expect(fieldValue(sheet, 'Baseline')).toBe('61.8% (2016/17)');
    expect(fieldValue(sheet, 'Trend')).toBe('↑ Improving (2012/13 to 2016/17)');
    expect(fieldValue(sheet, 'Rate')).toBe('Slight improvement on previous year');
    expect(fieldValue(sheet, 'Baseline target')).toBe('60.0%');
    expect(fieldValue(sheet, 'Excellence target')).toBe('70.0%');
    const below = (heading: string) => sheet.getCell(rowNumberOf(sheet, heading) + 1, 1).value;
    expect(below('Story behind the baseline')).toBe('Fewer early help places after 2014; a new assessment model from 2015.');
    expect(below('Partners')).toBe('Schools; health visitors; police');
    expect(below('Health warning')).toBe('The 2014/15 figure was collected differently.');
    expect(below('What works')).toBe('Targeted two-year-old offer; home learning environment programmes.');
    expect(below('What will success look like')).toBe('Fewer children needing statutory help.');
    expect(below('Monitoring and accountability')).toBe('Quarterly to the Improvement Board.');
    expect(below('References')).toBe('DfE statistical release SFR 2017');
    const actions = rowNumberOf(sheet, 'Action detail');
    expect(sheet.getCell(actions, 7).value).toBe('Who will be doing what');
    expect([sheet.getCell(actions + 1, 1).value, sheet.getCell(actions + 1, 7).value]).toEqual(['Increase take-up of the two-year-old offer in the three lowest wards', 'Early Years Manager']);
    expect([sheet.getCell(actions + 2, 1).value, sheet.getCell(actions + 2, 7).value]).toEqual(['Home learning visits for families on the edge of care', "Children's Centre leads"]);
  });

  it('tabulates the comparator figures by year, shown as percentages', () => {
    const sheet = workbook.getWorksheet('1. School readiness') as ExcelJS.Worksheet;
    const header = rowNumberOf(sheet, 'Percentage');
    const row = (label: string) => (sheet.getRow(rowNumberOf(sheet, label, header)).values as unknown[]).slice(2, 10);
    expect((sheet.getRow(header).values as unknown[]).slice(2, 10)).toEqual([...TTC_YEARS, '2017/18', '2018/19', '2019/20']);
    expect(row('This council')).toEqual([51.2, 54, 57.5, 59.1, 61.8]);
    expect(row('Statistical neighbours')).toEqual([53.1, 56.2, 59, 61.4, 63]);
    expect(row('England')).toEqual([51.7, 60.4, 66.3, 69.3, 70.7]);
    expect(row('Baseline target')).toEqual([52, 55, 58, 60, 62, 60, 60, 60]);
    expect(row('Excellence target')).toEqual([undefined, undefined, undefined, undefined, undefined, 70, 70, 70]);
    const forecast = row('Forecast if nothing changes') as (number | undefined)[];
    expect(forecast.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, 61.8]);
    // Slope of the least-squares line through 2012/13–2016/17 is 2.63 a year.
    expect(forecast.slice(5).map((v) => Number(v?.toFixed(2)))).toEqual([64.43, 67.06, 69.69]);
    expect(sheet.getCell(header + 1, 2).numFmt).toBe('0.0"%"');
  });

  it('is print-ready: portrait, one page wide at a scale that keeps text at 8 pt or more, with a print area', () => {
    const sheet = workbook.getWorksheet('2. Youth offending') as ExcelJS.Worksheet;
    expect(sheet.pageSetup).toMatchObject({ orientation: 'portrait', fitToPage: false });
    expect(sheet.pageSetup.scale).toBeGreaterThanOrEqual(73);
    expect(sheet.pageSetup.printArea).toBe(`A1:J${sheet.rowCount}`);
  });

  it('draws the curve as a native line chart over the comparator table', () => {
    const bytes = new Uint8Array(readFileSync(file));
    expect(packageProblems(bytes)).toEqual([]);
    const texts = packageTexts(bytes);
    const { charts } = chartsOfSheet(texts, '1. School readiness');
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart.plot).toBe('lineChart');
    expect(chart.title).toBe('Good level of development at age five');
    const sheet = workbook.getWorksheet('1. School readiness') as ExcelJS.Worksheet;
    const header = rowNumberOf(sheet, 'Percentage');
    const q = "'1. School readiness'";
    expect(chart.series.map((s) => [s.name, s.nameRef, s.valuesRef, s.colour, s.dash])).toEqual([
      ['England', `${q}!$A$${header + 3}`, `${q}!$B$${header + 3}:$I$${header + 3}`, 'A6A6A6', 'solid'],
      ['Statistical neighbours', `${q}!$A$${header + 2}`, `${q}!$B$${header + 2}:$I$${header + 2}`, 'ED7D31', 'solid'],
      ['This council', `${q}!$A$${header + 1}`, `${q}!$B$${header + 1}:$I$${header + 1}`, '1F4E79', 'solid'],
      ['Forecast if nothing changes', `${q}!$A$${header + 6}`, `${q}!$B$${header + 6}:$I$${header + 6}`, 'C00000', 'dash'],
      ['Baseline target', `${q}!$A$${header + 4}`, `${q}!$B$${header + 4}:$I$${header + 4}`, '548235', 'dash'],
      ['Excellence target', `${q}!$A$${header + 5}`, `${q}!$B$${header + 5}:$I$${header + 5}`, '7030A0', 'dash'],
    ]);
    const council = chart.series[2];
    expect(council.categoriesRef).toBe(`${q}!$B$${header}:$I$${header}`);
    expect(council.categories).toEqual([...TTC_YEARS, '2017/18', '2018/19', '2019/20']);
    expect(council.values).toEqual([51.2, 54, 57.5, 59.1, 61.8, undefined, undefined, undefined]);
    expect(chart.legend).toBe(true);
    // The Youth offending measure has no per-year targets: its series are the ones with figures.
    expect(chartsOfSheet(texts, '2. Youth offending').charts[0].series.map((s) => s.name).sort()).toEqual([
      'Baseline target', 'England', 'Excellence target', 'Forecast if nothing changes', 'Statistical neighbours', 'This council',
    ]);
  });

  it('never splits the curve across printed pages: no page break falls inside the chart', () => {
    const texts = packageTexts(new Uint8Array(readFileSync(file)));
    for (const name of ['1. School readiness', '2. Youth offending']) {
      const { sheetXml, drawing } = chartsOfSheet(texts, name);
      const rows = [...(texts.get(drawing) ?? '').matchAll(/<xdr:row>(\d+)<\/xdr:row>/g)].map((m) => Number(m[1]));
      const [from, to] = [Math.min(...rows), Math.max(...rows)];
      const breaks = [...sheetXml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
      expect(breaks.filter((b) => b > from && b < to)).toEqual([]);
    }
  });

  it('scales the value axis to the figures and leaves every series visible where lines coincide', () => {
    const texts = packageTexts(new Uint8Array(readFileSync(file)));
    for (const name of ['1. School readiness', '2. Youth offending']) {
      const [chart] = chartsOfSheet(texts, name).charts;
      const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== undefined);
      const { min = NaN, max = NaN } = chart.valueAxis;
      expect(min).toBeLessThanOrEqual(Math.min(...values));
      expect(max).toBeGreaterThanOrEqual(Math.max(...values));
      // The axis spends at least half its height on the span of the figures (not 0 to 70 for figures of 50 to 70).
      expect(Math.max(...values) - Math.min(...values)).toBeGreaterThanOrEqual((max - min) / 2);
      expect(hiddenSeries(chart)).toEqual([]);
    }
  });


  it('prints the priorities as JSON with --json', async () => {
    const io = fakeIo('2017-06-01');
    expect(await main(['ttc', path.join(dir, 'board.xlsx'), '--json'], io)).toBe(0);
    const json = JSON.parse(io.out) as { priorities: Record<string, unknown>[]; issues: unknown[] };
    expect(json.issues).toEqual([]);
    expect(json.priorities[1]).toMatchObject({
      priority: 'Youth offending',
      measure: { id: 'YJ01', name: 'First-time entrants to the youth justice system per 100,000' },
      baseline: { period: '2016/17', value: 470 },
      trend: 'improving',
      rate: 'Improvement on previous year',
      baseline_target: 450,
      excellence_target: 400,
      category: 'How well did we do it?',
      actions: [{ action: 'Run a pilot in two schools', who: 'Head of Inclusion, with school leaders' }],
    });
  });
});

describe('trend words by polarity', () => {
  const RISING = [50, 52, 54, 56, 58];
  const FLAT = [50, 50.4, 49.8, 50.1, 50];
  const FALLING = [58, 56, 54, 52, 50];
  const cases: [string, string, number[], string][] = [
    ['Higher is better', 'rising', RISING, '↑ Improving'],
    ['Higher is better', 'flat', FLAT, '→ No change'],
    ['Higher is better', 'falling', FALLING, '↓ Worsening'],
    ['Lower is better', 'rising', RISING, '↓ Worsening'],
    ['Lower is better', 'flat', FLAT, '→ No change'],
    ['Lower is better', 'falling', FALLING, '↑ Improving'],
  ];

  it('writes the arrow and word the least-squares trend and polarity give', async () => {
    const measures: TtcMeasure[] = cases.map(([polarity, shape, actuals], i) => ({ ref: `M${i + 1}`, name: `${shape} ${polarity}`, unit: 'Number', polarity, actuals }));
    const bytes = await buildTtcWorkbook({ measures, ttcRows: cases.flatMap((_, i) => ttcBlock(`Priority ${i + 1}`, `M${i + 1}`)) });
    const { file } = await exportTtc(bytes, 'polarity');
    const workbook = await loadWorkbook(file);
    const trends = cases.map((_, i) => fieldValue(workbook.getWorksheet(`${i + 1}. Priority ${i + 1}`) as ExcelJS.Worksheet, 'Trend'));
    expect(trends.map((t) => String(t).replace(/ \(.*\)$/, ''))).toEqual(cases.map((c) => c[3]));
  });
});

describe('problems in the TTC sheet', () => {
  it('lists them on the contents sheet and still writes the priority sheet', async () => {
    const bytes = await buildTtcWorkbook({
      measures: TWO_PRIORITIES.measures,
      ttcSheetName: 'TTC 2017',
      ttcRows: [['Strategic priority', 'Housing'], ['Measure', 'Homeless families'], ['Partners', 'Housing associations']],
    });
    const { file, io } = await exportTtc(bytes, 'problems');
    expect(io.out).toContain("TTC 2017!B2: 'Homeless families' is not a measure on the measures sheet");
    const workbook = await loadWorkbook(file);
    const contents = workbook.getWorksheet('Contents') as ExcelJS.Worksheet;
    const where = rowNumberOf(contents, 'TTC 2017!B2');
    expect(String(contents.getCell(where, 2).value)).toContain("'Homeless families' is not a measure");
    const sheet = workbook.getWorksheet('1. Housing') as ExcelJS.Worksheet;
    expect(fieldValue(sheet, 'Measure')).toBe('Homeless families');
    expect(fieldValue(sheet, 'Baseline')).toBe('No figure');
    expect(chartsOfSheet(packageTexts(new Uint8Array(readFileSync(file))), '1. Housing').charts).toEqual([]);
  });
});

const hasLibreOffice = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v soffice && command -v pdftoppm'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Pixels of a binary PPM (pdftoppm's default output) within `tolerance` of a colour. */
function pixelsNear(ppm: Buffer, [r, g, b]: number[], tolerance = 40): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a PPM');
  let count = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (Math.abs(ppm[i] - r) + Math.abs(ppm[i + 1] - g) + Math.abs(ppm[i + 2] - b) <= tolerance) count++;
  }
  return count;
}

(hasLibreOffice ? describe : describe.skip)('LibreOffice (headless)', () => {
  it('opens the export and draws the curve on the printed page', async () => {
    const { file } = await exportTtc(await buildTtcWorkbook(TWO_PRIORITIES), 'render');
    const profile = mkdtempSync(path.join(tmpdir(), 'ragbook-lo-'));
    try {
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 170_000 });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const pdf = file.replace(/\.xlsx$/, '.pdf');
    // The first priority's chart: the first page after the contents that names the forecast series.
    const chartPage = pdfPages(pdf).find((p) => p.number > 1 && pageText(p).includes('Forecast if nothing changes'));
    expect(chartPage).toBeDefined();
    const n = String(chartPage?.number);
    execFileSync('pdftoppm', ['-r', '50', '-f', n, '-l', n, pdf, path.join(dir, 'page')]);
    const ppm = readdirSync(dir).find((f) => /^page-\d+\.ppm$/.test(f)) as string;
    const page = readFileSync(path.join(dir, ppm));
    // The statistical neighbours line is orange and the forecast red: only the chart uses those colours.
    expect(pixelsNear(page, [0xed, 0x7d, 0x31])).toBeGreaterThan(40);
    expect(pixelsNear(page, [0xc0, 0x00, 0x00])).toBeGreaterThan(20);
  }, 180_000);
});

/**
 * Series that a later-drawn one covers entirely: the same value at every point
 * they have, drawn over with a solid line at least as wide.
 */
function hiddenSeries(chart: ReadChart): string[] {
  return chart.series.filter((under, i) => chart.series.slice(i + 1).some((over) => {
    const covered = under.values.every((v, k) => v === undefined || v === over.values[k]);
    return covered && over.dash === 'solid' && (over.lineWidth ?? 2.25) >= (under.lineWidth ?? 2.25);
  })).map((s) => s.name);
}
