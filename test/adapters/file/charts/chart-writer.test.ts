import ExcelJS from 'exceljs';
import { addCharts } from '../../../../src/adapters/file/charts';
import { rangeFormula } from '../../../../src/adapters/file/charts/chart-xml';
import { createWorkbook, openWorkbook } from '../../../../src/adapters/file';
import type { ChartSpec, SheetPlan, WritePlan } from '../../../../src/model/plan';
import { packageProblems } from '../package-validity';
import { chartsOfSheet, packageTexts } from './read-chart';

const SHEET = "Bob's summary";

/** A status-count table like the Summary sheet's: themes down, statuses across. */
const COUNTS: SheetPlan = {
  name: SHEET,
  mode: 'existing',
  values: [
    {
      row: 0,
      col: 0,
      values: [
        ['Theme', 'Met', 'Not met', 'No data'],
        ['Safeguarding', 4, 2, null],
        ['Children in care', 3, 1, 1],
        ['Education & skills', 2, 0, 2],
      ],
    },
  ],
  styles: [],
};

const STACKED: ChartSpec = {
  kind: 'stacked-column',
  title: 'Status by theme',
  anchor: { row: 6, col: 0, rowCount: 15, colCount: 6 },
  categories: { row: 1, col: 0, rowCount: 3, colCount: 1 },
  series: [
    { name: 'Met', values: { row: 1, col: 1, rowCount: 3, colCount: 1 }, colour: '#A9D18E' },
    { name: 'Not met', values: { row: 1, col: 2, rowCount: 3, colCount: 1 }, colour: '#FF7C80' },
    { name: 'Missing', values: { row: 1, col: 3, rowCount: 3, colCount: 1 }, colour: '#D9D9D9', dashed: true },
  ],
  yAxisTitle: 'Measures',
};

/** A workbook whose sheet already has print settings, a header/footer and a table: the <drawing> must go between them. */
async function userWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET);
  COUNTS.values[0].values.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null) sheet.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
  }));
  sheet.pageSetup = { orientation: 'landscape', margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } };
  sheet.headerFooter = { oddFooter: 'Page &P of &N' };
  sheet.addTable({ name: 'Lookup', ref: 'H1', columns: [{ name: 'Key' }, { name: 'Value' }], rows: [['a', 1], ['b', 2]] });
  workbook.addWorksheet('Other');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function planWith(chart: ChartSpec): WritePlan {
  return { styles: {}, sheets: [{ ...COUNTS, charts: [chart] }], removeSheets: [] };
}

const topLevelOrder = (xml: string) => [...xml.matchAll(/<(\w+)[\s/>]/g)].map((m) => m[1]).filter((n) => ['pageMargins', 'pageSetup', 'headerFooter', 'drawing', 'legacyDrawing', 'tableParts', 'extLst'].includes(n));

describe('the chart-part writer', () => {
  it('quotes sheet names in formulas, doubling apostrophes', () => {
    expect(rangeFormula(SHEET, { row: 1, col: 1, rowCount: 3, colCount: 1 })).toBe("'Bob''s summary'!$B$2:$B$4");
    expect(rangeFormula('Summary', { row: 0, col: 0, rowCount: 1, colCount: 1 })).toBe("'Summary'!$A$1");
  });

  it('adds a stacked column chart whose series carry caches, colours and references to the right cells', async () => {
    const bytes = addCharts(await userWorkbook(), planWith(STACKED));
    expect(packageProblems(bytes)).toEqual([]);
    const texts = packageTexts(bytes);
    const { sheetXml, charts } = chartsOfSheet(texts, SHEET);
    expect(topLevelOrder(sheetXml)).toEqual(['pageMargins', 'pageSetup', 'headerFooter', 'drawing', 'tableParts']);
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart).toMatchObject({ plot: 'barChart', grouping: 'stacked', title: 'Status by theme' });
    expect(chart.series.map((s) => [s.name, s.nameRef, s.valuesRef, s.values, s.colour])).toEqual([
      ['Met', "'Bob''s summary'!$B$1", "'Bob''s summary'!$B$2:$B$4", [4, 3, 2], 'A9D18E'],
      ['Not met', "'Bob''s summary'!$C$1", "'Bob''s summary'!$C$2:$C$4", [2, 1, 0], 'FF7C80'],
      // Not the text above its column ("No data"), so the name is written as it is, and the empty cell stays a gap.
      ['Missing', undefined, "'Bob''s summary'!$D$2:$D$4", [undefined, 1, 2], 'D9D9D9'],
    ]);
    for (const s of chart.series) {
      expect(s.categoriesRef).toBe("'Bob''s summary'!$A$2:$A$4");
      expect(s.categories).toEqual(['Safeguarding', 'Children in care', 'Education & skills']);
    }
    expect([...texts.keys()].filter((p) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(p)).sort()).toEqual(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml']);
  });

  it('draws line series solid or dashed, with or without markers', async () => {
    const line: ChartSpec = {
      ...STACKED,
      kind: 'line',
      categories: { row: 0, col: 1, rowCount: 1, colCount: 3 },
      series: [
        { name: 'Safeguarding', values: { row: 1, col: 1, rowCount: 1, colCount: 3 }, colour: '#1F4E79', markers: true },
        { name: 'Forecast', values: { row: 2, col: 1, rowCount: 1, colCount: 3 }, colour: '#C00000', dashed: true },
      ],
    };
    const { charts } = chartsOfSheet(packageTexts(addCharts(await userWorkbook(), planWith(line))), SHEET);
    expect(charts[0].plot).toBe('lineChart');
    expect(charts[0].series.map((s) => [s.name, s.nameRef, s.dash, s.marker, s.categories])).toEqual([
      ['Safeguarding', "'Bob''s summary'!$A$2", 'solid', 'circle', ['Met', 'Not met', 'No data']],
      ['Forecast', undefined, 'dash', 'none', ['Met', 'Not met', 'No data']],
    ]);
  });

  it('puts a second chart on the same sheet into its one drawing part', async () => {
    const column = { ...STACKED, kind: 'column' as const, anchor: { ...STACKED.anchor, row: 22 } };
    const bytes = addCharts(await userWorkbook(), { styles: {}, sheets: [{ ...COUNTS, charts: [STACKED, column] }], removeSheets: [] });
    expect(packageProblems(bytes)).toEqual([]);
    const texts = packageTexts(bytes);
    const { sheetXml, drawing, charts } = chartsOfSheet(texts, SHEET);
    expect(sheetXml.match(/<drawing\b/g)).toHaveLength(1);
    expect(charts.map((c) => c.grouping)).toEqual(['stacked', 'clustered']);
    const ids = [...(texts.get(drawing) ?? '').matchAll(/cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(2);
  });

  it('leaves a plan without charts byte for byte alone', async () => {
    const bytes = await userWorkbook();
    expect(addCharts(bytes, { styles: {}, sheets: [COUNTS], removeSheets: [] })).toBe(bytes);
  });

  it('runs for new workbooks and for the patched input workbook, where a re-run replaces the chart rather than adding one', async () => {
    const summary: SheetPlan = { ...COUNTS, name: 'Summary', mode: 'generated', values: [{ row: 0, col: 0, values: [['Generated by Ragbook: test'], ...COUNTS.values[0].values.slice(1)] }] };
    const chart: ChartSpec = { ...STACKED, series: STACKED.series.map((s) => ({ ...s, name: s.name === 'Missing' ? 'No data' : s.name })) };
    const plan: WritePlan = { styles: {}, sheets: [{ ...summary, charts: [chart] }], removeSheets: [] };

    const created = await createWorkbook(plan);
    expect(packageProblems(created)).toEqual([]);
    expect(chartsOfSheet(packageTexts(created), 'Summary').charts).toHaveLength(1);

    const once = await (await openWorkbook(await userWorkbook())).write(plan);
    const twice = await (await openWorkbook(once)).write(plan);
    for (const bytes of [once, twice]) {
      expect(packageProblems(bytes)).toEqual([]);
      const texts = packageTexts(bytes);
      expect(chartsOfSheet(texts, 'Summary').charts.map((c) => c.series.map((s) => s.values))).toEqual([[[4, 3, 2], [2, 1, 0], [undefined, 1, 2]]]);
      expect([...texts.keys()].filter((p) => /^xl\/charts\/[^/]+\.xml$/.test(p))).toHaveLength(1);
    }
  });
});
