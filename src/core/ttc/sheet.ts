/**
 * The one-page intelligence sheet for a priority (SPEC §5.3) and the
 * contents sheet linking to each. Long text is broken into lines, one row
 * each, so every viewer and the printed page show it whole (rows of wrapped
 * text do not grow to fit in merged cells, and the plan carries no heights).
 */
import { quoteSheetName } from '../../model/address';
import type { Issue } from '../../model/issue';
import type { CellStyle, ChartSeries, PlanValue, SheetPlan } from '../../model/plan';
import { figureStyle, formatValue } from '../commentary/format';
import { describePolarity } from '../measures/polarity';
import { directionLabel } from '../measures/status';
import { valueAxisFor } from '../shared/chart-axis';
import type { RowBlock } from '../shared/page-breaks';
import { SheetBuilder } from '../shared/sheet-builder';
import { parseNumberText } from '../shared/values';
import { fieldText, type TtcPriority } from './priority';
import type { TtcField } from './reader';

/** Columns A (labels) and B–J (values, periods of the comparator table). */
const LAST_COL = 9;
const LABEL_WIDTH = 28;
const VALUE_WIDTH = 10;
/** Characters of text that fit across B–J, and across A–F for an action. */
const LINE_CHARS = 92;
const ACTION_CHARS = 70;
const WHO_CHARS = 36;
const WHO_COL = 6;
/** Rows the chart covers. */
const CHART_ROWS = 18;

export const TTC_STYLES: Record<string, CellStyle> = {
  'ttc.line': { vertical: 'top' },
  'ttc.period': { bold: true, fill: '#D9E1F2', border: true, horizontal: 'center' },
  'ttc.forecast-period': { bold: true, italic: true, fill: '#F2F2F2', border: true, horizontal: 'center' },
  'ttc.trend.improving': { bold: true, fontColour: '#375623' },
  'ttc.trend.worsening': { bold: true, fontColour: '#C00000' },
  'ttc.trend.same': { bold: true },
};

/**
 * The series of the curve, in the comparator table's row order. Series often
 * coincide (a target "in line with England" is the England line), so none may
 * hide another: comparators are wide lines, drawn first, with narrower ones
 * over them; targets and the forecast are dashed, so what lies beneath shows.
 */
export const CURVE_SERIES = [
  { key: 'la', name: 'This council', colour: '#1F4E79', markers: true, lineWidth: 2.25 },
  { key: 'statisticalNeighbours', name: 'Statistical neighbours', colour: '#ED7D31', lineWidth: 4 },
  { key: 'england', name: 'England', colour: '#A6A6A6', lineWidth: 6 },
  { key: 'baselineTarget', name: 'Baseline target', colour: '#548235', dashed: true, lineWidth: 2 },
  { key: 'excellenceTarget', name: 'Excellence target', colour: '#7030A0', dashed: true, lineWidth: 2 },
  { key: 'forecast', name: 'Forecast if nothing changes', colour: '#C00000', dashed: true, markers: true, lineWidth: 2.25 },
] as const;

/** Splits text into lines of at most `width` characters at spaces, keeping the writer's own line breaks. */
export function textLines(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = '';
      }
      line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** A label in A and its text in B, over as many rows as the text needs. */
function labelled(builder: SheetBuilder, label: string, text: string, valueStyle = 'ttc.line'): void {
  textLines(text, LINE_CHARS).forEach((line, i) => builder.row([i === 0 ? label : null, line], [i === 0 ? 'label' : undefined, valueStyle]));
}

/** A heading row, then the text in A over as many rows as it needs. */
function section(builder: SheetBuilder, heading: string, text: string): void {
  builder.blank();
  builder.row([heading], 'heading');
  for (const line of textLines(text, LINE_CHARS + LABEL_WIDTH - 4)) builder.row([line], 'ttc.line');
}

/** A figure with its unit; a target written in words keeps them: "In line with England (70.7%)". */
function figure(value: number | undefined, priority: TtcPriority, written: string): string {
  if (value === undefined || !priority.unit) return written;
  const shown = formatValue(value, priority.unit, priority.decimals);
  return written && parseNumberText(written) === undefined ? `${written} (${shown})` : shown;
}

function trendStyle(priority: TtcPriority): string {
  switch (priority.trend.direction) {
    case 'improving':
      return 'ttc.trend.improving';
    case 'worsening':
      return 'ttc.trend.worsening';
    case 'no-change':
    case 'n/a':
      return 'ttc.trend.same';
    default: {
      const unreachable: never = priority.trend.direction;
      return unreachable;
    }
  }
}

function measureLines(builder: SheetBuilder, priority: TtcPriority): void {
  const { measure, baseline, columns } = priority;
  const m = measure?.measure;
  labelled(builder, 'Measure', m ? `${m.name}${m.id && m.id !== m.name ? ` (${m.id})` : ''}${m.polarity ? `: ${describePolarity(m.polarity)}` : ''}` : fieldText(priority.block, 'measure'));
  if (priority.category) labelled(builder, 'Type of measure', priority.category);
  const rag = fieldText(priority.block, 'rag');
  if (rag) labelled(builder, 'RAG rating', rag);
  labelled(builder, 'Baseline', baseline ? `${figure(baseline.value, priority, '')} (${baseline.label})` : 'No figure');
  const history = columns.filter((c) => c.la !== null);
  const span = history.length >= 2 ? ` (${history[0].label} to ${history.at(-1)?.label})` : '';
  const computed = priority.trend.direction === 'n/a' ? 'Not enough figures for a trend' : `${directionLabel(priority.trend.direction)}${span}`;
  // The officer's own note wins; Ragbook's reading of the figures stays beside it.
  const note = fieldText(priority.block, 'trendNote');
  builder.row(['Trend', note ? `${note} (from the figures: ${computed})` : computed], ['label', note ? 'ttc.line' : trendStyle(priority)]);
  labelled(builder, 'Rate', priority.rate);
  labelled(builder, 'Baseline target', figure(priority.baselineTarget, priority, fieldText(priority.block, 'baselineTarget')));
  labelled(builder, 'Excellence target', figure(priority.excellenceTarget, priority, fieldText(priority.block, 'excellenceTarget')));
  const last = columns.at(-1);
  if (last && last.la === null && last.forecast !== null) labelled(builder, 'If nothing changes', `${figure(last.forecast, priority, '')} by ${last.label}`);
}

/** The comparator table (rows: series; columns: periods) and the chart over it. */
function comparatorAndCurve(builder: SheetBuilder, priority: TtcPriority, figureStyleName: string, whole: (write: () => void) => void): void {
  const { columns } = priority;
  if (columns.length === 0) return;
  builder.blank();
  builder.row(['Comparator table'], 'heading');
  const unitLabel = priority.unit?.kind === 'percent' ? 'Percentage' : priority.unit?.label ?? '';
  const header = builder.row(
    [unitLabel, ...columns.map((c) => c.label)],
    ['header', ...columns.map((c) => (c.la === null && c.forecast !== null ? 'ttc.forecast-period' : 'ttc.period'))],
  );
  const series: ChartSeries[] = [];
  const plotted: (number | null)[] = [];
  for (const s of CURVE_SERIES) {
    const values = columns.map((c) => c[s.key]);
    const row = builder.row([s.name, ...values], ['header', ...values.map(() => figureStyleName)]);
    if (values.every((v) => v === null)) continue;
    plotted.push(...values);
    series.push({
      name: s.name,
      values: { row, col: 1, rowCount: 1, colCount: columns.length },
      colour: s.colour,
      lineWidth: s.lineWidth,
      ...('dashed' in s ? { dashed: true } : {}),
      ...('markers' in s ? { markers: true } : {}),
    });
  }
  // Wider lines first, so each narrower one is drawn over them (sort is stable: table order otherwise).
  series.sort((a, b) => (b.lineWidth ?? 0) - (a.lineWidth ?? 0));
  const valueAxis = valueAxisFor(plotted, priority.unit?.kind === 'percent');
  whole(() => {
    builder.blank();
    builder.row(['The curve'], 'heading');
    const top = builder.nextRow;
    builder.blank(CHART_ROWS);
    builder.chart({
      kind: 'line',
      title: priority.measure?.measure.name ?? priority.title,
      anchor: { row: top, col: 0, rowCount: CHART_ROWS, colCount: LAST_COL + 1 },
      categories: { row: header, col: 1, rowCount: 1, colCount: columns.length },
      series,
      ...(unitLabel ? { yAxisTitle: unitLabel } : {}),
      ...(valueAxis ? { valueAxis } : {}),
    });
  });
}

function actionPlan(builder: SheetBuilder, priority: TtcPriority): void {
  builder.blank();
  builder.row(['Action plan'], 'heading');
  const header = builder.row(['Action detail', ...Array(WHO_COL - 1).fill(null), 'Who will be doing what'], 'header');
  builder.merge({ row: header, col: 0, rowCount: 1, colCount: WHO_COL }).merge({ row: header, col: WHO_COL, rowCount: 1, colCount: LAST_COL - WHO_COL + 1 });
  if (priority.block.actions.length === 0) builder.row(['No actions given'], 'note');
  for (const action of priority.block.actions) {
    const detail = textLines(action.detail, ACTION_CHARS);
    const who = textLines(action.who, WHO_CHARS);
    for (let i = 0; i < Math.max(detail.length, who.length); i++) {
      const values: PlanValue[] = Array(LAST_COL + 1).fill(null);
      values[0] = detail[i] ?? null;
      values[WHO_COL] = who[i] ?? null;
      builder.row(values, 'ttc.line');
    }
  }
}

const TEXT_SECTIONS: [TtcField, string][] = [
  ['story', 'Story behind the baseline'],
  ['partners', 'Partners'],
  ['healthWarning', 'Health warning'],
  ['whatWorks', 'What works'],
];

const CLOSING_SECTIONS: [TtcField, string][] = [
  ['success', 'What will success look like'],
  ['monitoring', 'Monitoring and accountability'],
  ['references', 'References'],
];

/** One priority's sheet; its figure style is added to `styles`. */
export function buildPrioritySheet(name: string, priority: TtcPriority, styles: Record<string, CellStyle>): SheetPlan {
  const figures = figureStyle(priority.decimals, priority.unit);
  styles[figures.name] = figures.style;
  const builder = new SheetBuilder(name).title(`Turning the Curve: ${priority.title}`, 'a Results Based Accountability intelligence sheet; made again each time Ragbook runs.');
  builder.blank();
  labelled(builder, 'Strategic priority', priority.title);
  labelled(builder, 'Priority action', fieldText(priority.block, 'action'));
  labelled(builder, 'Officer lead', fieldText(priority.block, 'lead'));
  labelled(builder, 'Current situation', fieldText(priority.block, 'situation'));
  builder.blank();
  measureLines(builder, priority);
  // Kept whole on the printed page: the curve (heading and chart), each section, the action plan.
  const blocks: RowBlock[] = [];
  const whole = (write: () => void) => {
    const first = builder.nextRow;
    write();
    if (builder.nextRow > first) blocks.push({ first, last: builder.nextRow - 1 });
  };
  comparatorAndCurve(builder, priority, figures.name, whole);
  for (const [field, heading] of TEXT_SECTIONS) {
    const text = fieldText(priority.block, field);
    if (text || field !== 'whatWorks') whole(() => section(builder, heading, text));
  }
  whole(() => actionPlan(builder, priority));
  for (const [field, heading] of CLOSING_SECTIONS) whole(() => section(builder, heading, fieldText(priority.block, field)));
  const lastRow = builder.nextRow - 1;
  // Period labels are bold: "Q1 2017/18" needs a little more than its length.
  const valueWidth = Math.max(VALUE_WIDTH, ...priority.columns.map((c) => Math.ceil(c.label.length * 1.15) + 1));
  return builder
    .widths({ 0: LABEL_WIDTH, ...Object.fromEntries(Array.from({ length: LAST_COL }, (_, i) => [i + 1, valueWidth])) })
    .page({ orientation: 'portrait', fitToWidth: true, printArea: { row: 0, col: 0, rowCount: lastRow + 1, colCount: LAST_COL + 1 } })
    .keepWhole(blocks)
    .build();
}

/** The contents sheet: a line per priority linking to its sheet, then any problems found in the TTC sheet. */
export function buildContentsSheet(name: string, title: string, priorities: { sheet: string; priority: TtcPriority }[], issues: readonly Issue[]): SheetPlan {
  const builder = new SheetBuilder(name).title(`Turning the Curve: ${title}`, 'one sheet per strategic priority; made again each time Ragbook runs.');
  builder.blank();
  const header = builder.row(['Strategic priority', 'Measure', 'Baseline', 'Trend', 'Rate', 'Officer lead'], 'header');
  for (const { sheet, priority } of priorities) {
    builder.row(
      [
        { text: priority.title, target: `${quoteSheetName(sheet)}!A1` },
        priority.measure?.measure.name ?? fieldText(priority.block, 'measure'),
        priority.baseline ? `${figure(priority.baseline.value, priority, '')} (${priority.baseline.label})` : 'No figure',
        priority.trend.direction === 'n/a' ? 'No trend' : directionLabel(priority.trend.direction),
        priority.rate,
        fieldText(priority.block, 'lead'),
      ],
      'text',
    );
  }
  if (issues.length > 0) {
    builder.blank();
    builder.row([`Problems found in the input (${issues.length})`], 'heading');
    builder.row(['Where', 'What was wrong and what Ragbook did'], 'header');
    builder.merge({ row: builder.nextRow - 1, col: 1, rowCount: 1, colCount: 5 });
    for (const issue of issues) builder.row([issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet, issue.message], ['text', 'ttc.line']);
  }
  return builder
    .widths({ 0: 40, 1: 60, 2: 24, 3: 14, 4: 36, 5: 30 })
    .freeze(header + 1)
    .page({ orientation: 'landscape', fitToWidth: true, repeatRows: { first: header, last: header } })
    .build();
}
