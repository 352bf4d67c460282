/**
 * The SPC sheet: one block per measure, with the variation and assurance as
 * icon text and in words, a native line chart (special-cause points drawn as
 * markers of their own colour) and, under it, the table of the points it
 * plots (value, average, limits, target, the rules met).
 */
import type { CellStyle, ChartSeries, PlanValue, SheetPlan } from '../../model/plan';
import { formatRange, formatValue } from '../commentary/format';
import { valueAxisFor } from '../shared/chart-axis';
import { SheetBuilder } from '../shared/sheet-builder';
import { parsePeriod, periodWord } from '../measures/period';
import type { SpcMeasure } from './measures';
import { assuranceIcon, assuranceSentence, RULE_WORDS, type SpcFormat, variationIcon, variationSentence } from './wording';

export const SPC_SHEET = 'SPC';

const COLUMNS = ['Period', 'Value', 'Average', 'Lower limit', 'Upper limit', 'Target', 'Special cause', 'Why'];
/** Portrait A4, one page wide at full size: about 95 characters; one rule's words fit on a line. */
const WIDTHS: Record<number, number> = { 0: 12, 1: 8, 2: 8, 3: 8, 4: 8, 5: 8, 6: 8, 7: 32 };
const LAST_COL = COLUMNS.length - 1;
/** The chart, above the table: on the block's first page however long the table runs. */
const CHART_ROWS = 16;

export const SPC_STYLES: Record<string, CellStyle> = {
  'spc.measure': { bold: true, fontSize: 12, fontColour: '#1F3864' },
  'spc.icon': { bold: true, border: true, vertical: 'top' },
  'spc.sentence': { wrap: true, vertical: 'top' },
  'spc.note': { italic: true, fontColour: '#595959', wrap: true, vertical: 'top' },
  ...Object.fromEntries(
    [0, 1, 2, 3].flatMap((d) => {
      const numberFormat = d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
      return [
        [`spc.number.${d}`, { border: true, vertical: 'top', horizontal: 'right', numberFormat }],
        [`spc.special.${d}`, { bold: true, border: true, vertical: 'top', horizontal: 'right', numberFormat, fill: '#FCE4D6' }],
      ];
    }),
  ),
};

/** The most decimal places the measure's figures are shown with. */
function shownDecimals(spc: SpcMeasure): number {
  return Math.max(0, ...spc.measure.measure.observations.map((o) => o.decimals ?? 0));
}

/** Decimal places for the table: as the figures are shown, at least one for the average and limits, at most three. */
function tableDecimals(spc: SpcMeasure): number {
  return Math.min(3, Math.max(1, shownDecimals(spc)));
}

/**
 * A sentence across the table's width, wrapped: text left to run on past the
 * table would widen the printed page and shrink everything on it.
 */
function sentence(builder: SheetBuilder, text: string, style = 'spc.sentence'): void {
  const row = builder.row([text], style);
  builder.merge({ row, col: 0, rowCount: 1, colCount: LAST_COL + 1 });
}

/** Chart colours: dark enough on white, and told apart by dash and marker as well as hue. */
const COLOURS = { data: '#1F3864', mean: '#595959', limit: '#7F7F7F', target: '#C00000', special: '#ED7D31' };

/** The measure's figures as its sheet shows them. */
function spcFormat(spc: SpcMeasure): SpcFormat {
  const { unit } = spc.measure.measure;
  const decimals = shownDecimals(spc);
  return {
    figure: (value) => formatValue(value, unit, decimals),
    average: (value) => formatValue(value, unit, decimals + 1),
    range: (low, high) => formatRange(low, high, unit, decimals),
  };
}

/**
 * The sentence commentary adds where SPC finds a real change in the latest
 * figure; undefined when the variation is common cause.
 */
export function spcCommentary(spc: SpcMeasure | undefined): string | undefined {
  if (!spc || spc.chart.variation === 'common-cause') return undefined;
  const { chart } = spc;
  return variationSentence(chart, spcFormat(spc), periodWord(parsePeriod(chart.points[chart.points.length - 1].label)?.kind));
}

/** One measure's block; returns its first row. */
function block(builder: SheetBuilder, spc: SpcMeasure): number {
  const { measure, chart, target } = spc;
  const m = measure.measure;
  const format = spcFormat(spc);
  const period = periodWord(parsePeriod(chart.points[chart.points.length - 1].label)?.kind);
  const latest = chart.points[chart.points.length - 1];
  const top = builder.row([`${m.name}${m.id !== m.name ? ` (${m.id})` : ''}`], 'spc.measure');
  const icons = builder.row(['Variation', variationIcon(chart.variation, latest.side), null, null, 'Assurance', null, assuranceIcon(chart.assurance)], ['label', 'spc.icon', 'spc.icon', 'spc.icon', 'label', 'label', 'spc.icon', 'spc.icon']);
  builder.merge({ row: icons, col: 1, rowCount: 1, colCount: 3 }).merge({ row: icons, col: 4, rowCount: 1, colCount: 2 }).merge({ row: icons, col: 6, rowCount: 1, colCount: 2 });
  sentence(builder, variationSentence(chart, format, period));
  sentence(builder, assuranceSentence(chart.assurance, target === undefined ? undefined : format.figure(target)));
  if (chart.provisional) sentence(builder, 'Fewer than 15 figures: the limits are provisional and will settle as more come in.', 'spc.note');
  // The table's rows are known before it is written: the chart above it refers to them.
  const chartTop = builder.nextRow;
  const first = chartTop + CHART_ROWS + 2;
  const rows = chart.points.length;
  const column = (col: number) => ({ row: first, col, rowCount: rows, colCount: 1 });
  const series: ChartSeries[] = [
    { name: 'Upper limit', values: column(4), colour: COLOURS.limit, dashed: true, lineWidth: 1.5 },
    { name: 'Lower limit', values: column(3), colour: COLOURS.limit, dashed: true, lineWidth: 1.5 },
    { name: 'Average', values: column(2), colour: COLOURS.mean, lineWidth: 1.5 },
    ...(target === undefined ? [] : [{ name: 'Target', values: column(5), colour: COLOURS.target, dashed: true, lineWidth: 2 }]),
    { name: m.name.length > 40 ? 'Value' : m.name, values: column(1), colour: COLOURS.data, markers: true, lineWidth: 2.25 },
    { name: 'Special cause', values: column(6), colour: COLOURS.special, markers: true, markersOnly: true },
  ];
  const plotted = chart.points.flatMap((p) => [p.value, p.limits.lpl, p.limits.upl]);
  const valueAxis = valueAxisFor(target === undefined ? plotted : [...plotted, target], m.unit.kind === 'percent');
  builder.blank(CHART_ROWS + 1);
  builder.chart({
    kind: 'line',
    title: m.name,
    anchor: { row: chartTop, col: 0, rowCount: CHART_ROWS, colCount: LAST_COL + 1 },
    categories: column(0),
    series,
    ...(m.unit.label ? { yAxisTitle: m.unit.label } : {}),
    ...(valueAxis ? { valueAxis } : {}),
  });
  builder.row(COLUMNS, 'header');
  const d = tableDecimals(spc);
  for (const p of chart.points) {
    const special = p.rules.length > 0;
    const values: PlanValue[] = [p.label, p.value, p.limits.mean, p.limits.lpl, p.limits.upl, target ?? null, special ? p.value : null, p.rules.map((r) => RULE_WORDS[r]).join('; ')];
    const number = `spc.number.${d}`;
    builder.row(values, ['text', number, number, number, number, number, special ? `spc.special.${d}` : number, 'text']);
  }
  builder.blank();
  return top;
}

export function buildSpcSheet(name: string, title: string, period: string, measures: readonly SpcMeasure[]): SheetPlan {
  const builder = new SheetBuilder(name).title(
    `Variation and assurance${period ? `, ${period}` : ''}`,
    'statistical process control (Making Data Count): is a change real, and can the target be relied on? This sheet is replaced each time Ragbook runs.',
  );
  builder.styleCell(1, 0, 'spc.note').merge({ row: 1, col: 0, rowCount: 1, colCount: LAST_COL + 1 });
  sentence(builder, title);
  if (measures.length === 0) builder.row(['No measure has the six or more figures a chart needs.'], 'note');
  const starts = measures.map((spc) => block(builder, spc));
  // No block split where it fits a page, the first included when the title leaves too little room.
  const blocks = starts.map((first, i) => ({ first, last: (starts[i + 1] ?? builder.nextRow) - 1 }));
  return builder.widths(WIDTHS).page({ orientation: 'portrait', fitToWidth: true }).useStyles(SPC_STYLES).keepWhole(blocks).build();
}
