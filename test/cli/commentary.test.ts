/**
 * `ragbook commentary` end to end: a workbook written with exceljs, the CLI
 * run in-process, the Commentary sheet read back; officer text typed into the
 * output and carried through further runs.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chartsOfSheet, packageTexts } from '../adapters/file/charts/read-chart';
import { COLOURS } from '../../src/core/measures/scheme';
import { runCli } from '../helpers/cli';
import { markGeneratedSheets } from '../../src/adapters/file/package/sheet-marks';
import { canPrintToPdf, medianWordPoints, pageText, type PdfPage, pdfPages, printToPdf } from '../helpers/pdf-text';
import { fillOf, loadWorkbook, tempDir, typeIntoCells } from '../helpers/xlsx';
import { commentaryWorkbook, MEASURES } from '../fixtures/commentary/commentary-workbook';

const OFFICER = ['About the latest performance', 'About the target', 'About the target range', 'About benchmarking'];

/** One measure's block on the Commentary sheet, as a reader sees it. */
interface Block {
  ref: string;
  title: string;
  /** Row numbers (1-based) of the block's title and last officer box. */
  firstRow: number;
  lastRow: number;
  facts: Record<string, string>;
  factCells: Record<string, ExcelJS.Cell>;
  /** Benchmark name → [figure, period, comparison]. */
  benchmarks: Record<string, string[]>;
  paragraph: string;
  boxes: Record<string, ExcelJS.Cell>;
}

/** A cell's text; a cell merged into another reads as empty (exceljs cannot print one whose first cell is empty). */
function textOf(cell: ExcelJS.Cell): string {
  return cell.isMerged && cell.master.address !== cell.address ? '' : cell.text;
}

const FACT_LABELS = new Set(['Ref', 'Period', 'Status', 'Latest figure', 'Target', 'Target range', 'Variance to target']);

/** The Commentary sheet's blocks, each from its title row (two rows above its Ref row) to its last officer box. */
function readBlocks(book: ExcelJS.Workbook, name = 'Commentary'): { blocks: Block[]; sheet: ExcelJS.Worksheet; texts: string[] } {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no ${name} sheet`);
  const blocks: Block[] = [];
  const texts: string[] = [];
  let block: Block | undefined;
  let inBenchmarks = false;
  for (let n = 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const label = row.getCell(1).text;
    texts.push(label);
    if (label === 'Ref') {
      block = {
        ref: row.getCell(2).text, title: sheet.getRow(n - 2).getCell(1).text, firstRow: n - 2, lastRow: n,
        facts: {}, factCells: {}, benchmarks: {}, paragraph: '', boxes: {},
      };
      blocks.push(block);
    }
    if (!block) continue;
    if (label === 'Benchmark') inBenchmarks = true;
    else if (inBenchmarks && label && label !== 'Summary of performance') block.benchmarks[label] = [2, 4, 6].map((c) => textOf(row.getCell(c)));
    if (label === 'Summary of performance') {
      inBenchmarks = false;
      block.paragraph = sheet.getRow(n + 1).getCell(1).text;
    }
    if ((FACT_LABELS.has(label) || label.startsWith('Against the')) && !(label in block.facts)) {
      block.facts[label] = row.getCell(2).text;
      block.factCells[label] = row.getCell(2);
    }
    for (let c = 1; c <= 7; c++) {
      const text = textOf(row.getCell(c));
      if (OFFICER.includes(text) && !(text in block.boxes)) {
        block.boxes[text] = sheet.getRow(n + 1).getCell(c);
        block.lastRow = n + 1;
      }
    }
  }
  return { blocks, sheet, texts };
}

/** Where the link in a cell leads, from the sheet's XML (a location inside the workbook). */
function internalLink(file: string, sheetName: string, cell: string): string | undefined {
  const { sheetXml } = chartsOfSheet(packageTexts(new Uint8Array(readFileSync(file))), sheetName);
  const link = [...sheetXml.matchAll(/<hyperlink\b[^>]*>/g)].map((m) => m[0]).find((l) => l.includes(`ref="${cell}"`));
  return link && /location="([^"]*)"/.exec(link)?.[1].replace(/&apos;/g, "'");
}

function byRef(blocks: Block[], ref: string): Block {
  const found = blocks.find((b) => b.ref === ref);
  if (!found) throw new Error(`no block for ${ref}`);
  return found;
}

/** The rows (0-based) a manual page break sits above, from the sheet's XML. */
function rowBreaks(file: string, sheetName: string): number[] {
  const texts = packageTexts(new Uint8Array(readFileSync(file)));
  const { sheetXml } = chartsOfSheet(texts, sheetName);
  return [...sheetXml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
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
    const { blocks } = readBlocks(await loadWorkbook(output));
    const block = byRef(blocks, ref);
    expect(block.facts).toMatchObject({
      Period: 'Q2 2018/19', Status: status, 'Latest figure': latest, Target: target, 'Target range': range || 'None set',
      'Variance to target': variance ? `${variance}${percent ? ` (${percent} of target)` : ''}` : 'Not applicable',
      'Against the previous quarter': previous, 'Against the same quarter last year': lastYear,
    });
    if (benchmarks === '') expect(block.benchmarks).toEqual({});
    expect(fillOf(block.factCells.Status)).toBe(fill);
    for (const fact of text) expect(block.paragraph).toContain(fact);
  });

  test('a benchmark table sets this council beside each benchmark', async () => {
    const block = byRef(readBlocks(await loadWorkbook(output)).blocks, 'AS1');
    expect(block.benchmarks).toEqual({
      'This council': ['89.5%', 'Q2 2018/19', ''],
      England: ['82.7%', '2017/18', 'Better'],
      'Statistical neighbours': ['84.2%', '2017/18', 'Better'],
    });
    expect(byRef(readBlocks(await loadWorkbook(output)).blocks, 'CC2').benchmarks.England).toEqual(['43.3 per 10,000', '2017/18', 'Above']);
  });

  test('each block has a native history chart with its target line, over the figures on the sheet', async () => {
    const { blocks, sheet } = readBlocks(await loadWorkbook(output));
    const { charts } = chartsOfSheet(packageTexts(new Uint8Array(readFileSync(output))), 'Commentary');
    // EH2 has figures before its missing one, so every measure has a chart.
    expect(charts).toHaveLength(MEASURES.length);
    const as1 = charts[blocks.findIndex((b) => b.ref === 'AS1')];
    expect(as1.plot).toBe('lineChart');
    expect(as1.series.map((s) => [s.name, s.dash])).toEqual([['Figure', 'solid'], ['Target', 'dash']]);
    expect(as1.series[0].values).toEqual([80.1, 84.1, 83, 85.2, 86, 89.5]);
    expect(as1.series[1].values).toEqual([85, 85, 85, 85, 85, 85]);
    expect(as1.series[0].categories).toEqual(['Q1 2017/18', 'Q2 2017/18', 'Q3 2017/18', 'Q4 2017/18', 'Q1 2018/19', 'Q2 2018/19']);
    // Scaled to the figures (80 to 90), not from 0.
    expect(as1.valueAxis.min).toBeGreaterThan(70);
    const figuresRow = Number(/\$(\d+):/.exec(as1.series[0].valuesRef)?.[1]);
    expect(sheet.getRow(figuresRow).getCell(1).text).toBe('Figure');
    expect(sheet.getRow(figuresRow).getCell(7).value).toBe(89.5);
  });

  test('blocks print on portrait A4, a manual page break before each block that would not fit', async () => {
    const { blocks, sheet } = readBlocks(await loadWorkbook(output));
    // One page wide does not shrink it: the columns fit portrait A4 at full size (the print test measures that).
    expect(sheet.pageSetup).toMatchObject({ orientation: 'portrait' });
    expect(sheet.headerFooter.oddFooter).toContain('Page &P of &N');
    const breaks = rowBreaks(output, 'Commentary');
    expect(breaks.length).toBeGreaterThan(0);
    const starts = new Set(blocks.map((b) => b.firstRow - 1));
    for (const at of breaks) expect(starts.has(at)).toBe(true);
    expect(sheet.getCell('A2').text).toMatch(/^Generated by Ragbook: .*always kept/);
    expect(sheet.getCell('A1').text).toBe("Children's Services Performance Report: commentary for Q2 2018/19");
  });

  test('officer boxes are pale yellow and empty; the title and definition head each block', async () => {
    const { blocks, sheet } = readBlocks(await loadWorkbook(output));
    expect(blocks.map((b) => b.ref)).toEqual(MEASURES.map((m) => m[0]));
    const as1 = byRef(blocks, 'AS1');
    expect(as1.title).toBe('AS1  Assessments completed within 45 working days');
    expect(sheet.getRow(as1.firstRow + 1).getCell(1).text).toBe('Measured as: %. Higher is better. Theme: Safeguarding.');
    expect(Object.keys(as1.boxes)).toEqual(OFFICER);
    for (const cell of Object.values(as1.boxes)) {
      expect(fillOf(cell)).toBe('#FFF9E5');
      expect(cell.text).toBe('');
      expect(cell.alignment?.wrapText).toBe(true);
    }
  });

  test('the overview has a row per measure, grouped by theme, landscape with its header repeated', async () => {
    const book = await loadWorkbook(output);
    const sheet = book.getWorksheet('Commentary overview') as ExcelJS.Worksheet;
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape' });
    let header = 0;
    sheet.eachRow((row, n) => {
      if (!header && row.getCell(1).text === 'Ref') header = n;
    });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    const rows = Array.from({ length: sheet.rowCount - header }, (_, i) => sheet.getRow(header + 1 + i));
    expect(rows.filter((r) => r.getCell(1).text === r.getCell(2).text).map((r) => r.getCell(1).text)).toEqual(['Safeguarding', 'Adoption', 'Early help', 'Finance']);
    const as1 = rows.find((r) => r.getCell(1).text === 'AS1') as ExcelJS.Row;
    expect([2, 3, 4, 5, 6, 7, 8].map((c) => as1.getCell(c).text)).toEqual([
      'Assessments completed within 45 working days', 'Exceeded', '89.5%', '85%', '82% to 88%', '+4.5 percentage points', '↑ Improving',
    ]);
    expect(fillOf(as1.getCell(3))).toBe(COLOURS.blue);
    // The Ref opens the measure's block.
    const title = byRef(readBlocks(book).blocks, 'AS1').firstRow;
    expect(internalLink(output, 'Commentary overview', `A${as1.number}`)).toBe(`Commentary!A${title}`);
  });

  test('text from the input that starts with @ is written as text', async () => {
    const block = byRef(readBlocks(await loadWorkbook(output)).blocks, 'EH3');
    expect(block.title).toBe('EH3  @Risk: families open to early help');
  });

  test('neighbouring paragraphs do not open alike', async () => {
    const { blocks } = readBlocks(await loadWorkbook(output));
    const openings = blocks.map((b) => b.paragraph.split(' ').slice(0, 2).join(' '));
    for (let i = 1; i < openings.length; i++) expect(openings[i]).not.toBe(openings[i - 1]);
  });
});

/** Writes officer text into a Commentary sheet's boxes, as an officer would in Excel. */
async function writeOfficerText(file: string, out: string, texts: Record<string, Record<string, string>>): Promise<void> {
  const { blocks } = readBlocks(await loadWorkbook(file));
  const cells = Object.entries(texts).flatMap(([ref, byBox]) =>
    Object.entries(byBox).map(([box, value]) => {
      const cell = byRef(blocks, ref).boxes[box];
      return { row: Number(cell.row), col: Number(cell.col), value };
    }),
  );
  await typeIntoCells(file, out, 'Commentary', cells);
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

  test.each([['second run', () => second], ['third run', () => third]])('survives the %s, in the same boxes, as text', async (_, file) => {
    const book = await loadWorkbook(file());
    expect(book.worksheets.filter((s) => /^commentary/i.test(s.name)).map((s) => s.name)).toEqual(['Commentary', 'Commentary overview']);
    const { blocks } = readBlocks(book);
    for (const [ref, byBox] of Object.entries(EDITS)) {
      for (const [box, text] of Object.entries(byBox)) {
        const cell = byRef(blocks, ref).boxes[box];
        expect(cell.value).toBe(text);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
      }
      expect(byRef(blocks, ref).paragraph).not.toBe('');
    }
    expect(byRef(blocks, 'PL1').boxes[OFFICER[0]].text).toBe('');
  });

  test('text written in the earlier one-row-per-measure layout moves into the blocks', async () => {
    const book = await loadWorkbook(output);
    book.removeWorksheet((book.getWorksheet('Commentary') as ExcelJS.Worksheet).id);
    const old = book.addWorksheet('Commentary');
    old.getCell('A1').value = 'Commentary for Q2 2018/19';
    old.getCell('A2').value = 'Generated by Ragbook: the generated columns are replaced each time Ragbook runs.';
    old.getRow(4).values = ['Ref', 'Measure', 'Period', 'Status', 'Commentary', ...OFFICER];
    old.getRow(5).values = ['AS1', 'Assessments completed within 45 working days', 'Q2 2018/19', 'Exceeded', 'Old words', 'Written in the old layout', null, null, 'Benchmarks noted'];
    const oldFile = path.join(dir, 'old-layout.xlsx');
    // Ragbook's own sheet: it carries Ragbook's mark.
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    await fs.writeFile(oldFile, markGeneratedSheets(bytes, { styles: {}, sheets: [{ name: 'Commentary', mode: 'generated', values: [], styles: [] }], removeSheets: [] }));
    const moved = path.join(dir, 'old-layout-moved.xlsx');
    expect((await runCli(['commentary', oldFile, '-o', moved])).code).toBe(0);
    const as1 = byRef(readBlocks(await loadWorkbook(moved)).blocks, 'AS1');
    expect(as1.boxes[OFFICER[0]].value).toBe('Written in the old layout');
    expect(as1.boxes[OFFICER[3]].value).toBe('Benchmarks noted');
  });

  test('text for a measure no longer in the data is kept in a marked section, and stays there', async () => {
    const book = await loadWorkbook(second);
    const measures = book.getWorksheet('Measures')!;
    let fnRow = 0;
    measures.eachRow((row, n) => {
      if (row.getCell(1).text === 'FN1') fnRow = n;
    });
    const dropped = path.join(dir, 'dropped.xlsx');
    const cleared = Array.from({ length: measures.columnCount }, (_, c) => ({ row: fnRow, col: c + 1, value: null }));
    await typeIntoCells(second, dropped, 'Measures', cleared);
    const once = path.join(dir, 'dropped-once.xlsx');
    const twice = path.join(dir, 'dropped-twice.xlsx');
    expect((await runCli(['commentary', dropped, '-o', once])).code).toBe(0);
    expect((await runCli(['commentary', once, '-o', twice])).code).toBe(0);
    for (const file of [once, twice]) {
      const { blocks, texts } = readBlocks(await loadWorkbook(file));
      const section = texts.indexOf('No longer reported') + 1;
      expect(section).toBeGreaterThan(0);
      const kept = blocks.filter((b) => b.ref === 'FN1');
      expect(kept).toHaveLength(1);
      expect(kept[0].firstRow).toBeGreaterThan(section);
      expect(kept[0].title).toBe('FN1  Spend on agency social workers');
      expect(kept[0].facts.Period).toBe('Q2 2018/19');
      expect(kept[0].boxes['About the target'].value).toBe(EDITS.FN1['About the target']);
    }
  });

  test('text for another period is kept apart, and returns when that period is reported again', async () => {
    const earlier = path.join(dir, 'earlier-period.xlsx');
    expect((await runCli(['commentary', second, '-o', earlier, '--period', 'Q1 2018/19'])).code).toBe(0);
    const { blocks, texts } = readBlocks(await loadWorkbook(earlier));
    const as1 = blocks.filter((b) => b.ref === 'AS1');
    expect(as1.map((b) => [b.facts.Period, b.boxes[OFFICER[0]].text])).toEqual([['Q1 2018/19', ''], ['Q2 2018/19', EDITS.AS1[OFFICER[0]]]]);
    expect(as1[1].firstRow).toBeGreaterThan(texts.indexOf('Officer text for other periods') + 1);

    const back = path.join(dir, 'back.xlsx');
    expect((await runCli(['commentary', earlier, '-o', back])).code).toBe(0);
    const again = readBlocks(await loadWorkbook(back));
    expect(again.blocks.filter((b) => b.ref === 'AS1').map((b) => [b.facts.Period, b.boxes[OFFICER[0]].text])).toEqual([['Q2 2018/19', EDITS.AS1[OFFICER[0]]]]);
    expect(again.texts).not.toContain('Officer text for other periods');
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

/**
 * The commentary `npm run demo` writes, printed as a reader would (LibreOffice
 * to PDF) and measured: text size from pdftotext's word boxes, and each block
 * whole on one page.
 */
(canPrintToPdf() ? describe : describe.skip)('the demo commentary on paper', () => {
  let pages: PdfPage[];
  let refs: string[];
  beforeAll(async () => {
    const sample = path.join(__dirname, '../../assets/sample-performance.xlsx');
    const file = path.join(dir, 'sample-performance-commentary.xlsx');
    expect((await runCli(['commentary', sample, '-o', file])).code).toBe(0);
    refs = (JSON.parse((await runCli(['commentary', sample, '--json'])).out) as { measures: { id: string }[] }).measures.map((m) => m.id);
    const [pdf] = await printToPdf([file], path.join(dir, 'print'));
    pages = pdfPages(pdf);
  }, 240_000);

  const words = (page: PdfPage) => page.words.map((w) => w.text);
  /** Commentary pages carry officer boxes; overview pages repeat the overview's header row. */
  const commentaryPages = () => pages.filter((p) => pageText(p).includes('About the latest performance'));
  const overviewPages = () => pages.filter((p) => p.width > p.height && pageText(p).includes('Direction of travel'));

  test('commentary pages print portrait with the median word at 9 pt or more', () => {
    expect(commentaryPages().length).toBeGreaterThanOrEqual(refs.length / 2);
    for (const page of commentaryPages()) {
      expect(page.height).toBeGreaterThan(page.width);
      expect(medianWordPoints(page)).toBeGreaterThanOrEqual(9);
    }
  });

  test('overview pages print landscape at 8 pt or more, every page under the header row', () => {
    expect(overviewPages().length).toBeGreaterThanOrEqual(2);
    const listed = new Set<string>();
    for (const page of overviewPages()) {
      expect(medianWordPoints(page)).toBeGreaterThanOrEqual(8);
      expect(words(page)).toEqual(expect.arrayContaining(['Ref', 'Measure', 'Status', 'Latest', 'Target', 'range', 'Variance', 'Direction', 'travel']));
      for (const w of words(page)) if (refs.includes(w)) listed.add(w);
    }
    expect([...listed].sort()).toEqual([...refs].sort());
  });

  test('no measure block crosses a page: each is on one page with all four officer boxes', () => {
    const seen = new Map<string, number>();
    for (const page of commentaryPages()) {
      const onPage = new Set(words(page).filter((w) => refs.includes(w)));
      const lastBoxes = words(page).filter((w, i, all) => w === 'benchmarking' && all[i - 1] === 'About').length;
      expect([page.number, lastBoxes]).toEqual([page.number, onPage.size]);
      for (const ref of onPage) {
        expect([ref, seen.get(ref)]).toEqual([ref, undefined]);
        seen.set(ref, page.number);
      }
    }
    expect([...seen.keys()].sort()).toEqual([...refs].sort());
  });
});
