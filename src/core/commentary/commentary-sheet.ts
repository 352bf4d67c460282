/**
 * The Commentary sheet (SPEC §5.2), laid out as a committee pack's appendix:
 * one block per measure on portrait A4 — title and definition, the facts with
 * a status tile beside a small history chart, the history and benchmark
 * tables, the generated paragraph and the four officer boxes. A manual page
 * break falls between blocks wherever the next one would not fit, so no block
 * is split across pages. Officer text that no longer has a measure's block
 * follows in blocks of its own.
 */
import type { CellStyle, ChartSeries, PlanValue, SheetPlan } from '../../model/plan';
import { labelledStatusStyles } from '../apply/status-styles';
import { periodShown } from '../measures/period';
import { describePolarity } from '../measures/polarity';
import type { Scheme } from '../measures/scheme';
import { directionLabel } from '../measures/status';
import { valueAxisFor } from '../shared/chart-axis';
import type { RowBlock } from '../shared/page-breaks';
import { SheetBuilder } from '../shared/sheet-builder';
import type { Comparison, MeasureFacts } from './facts';
import { figureStyle, formatRange, formatSignedDifference, formatSignedPercent, formatValue } from './format';
import { OFFICER_COLUMNS, type OfficerEntry, PERIOD_HEADER, REF_HEADER } from './officer-text';
import { benchmarkPhrase } from './sentences';

/** One measure's block: its facts, the paragraph, and the officer text carried over. */
export interface CommentaryRow {
  facts: MeasureFacts;
  paragraph: string;
  officer?: OfficerEntry;
}

export interface KeptOfficerText {
  /** Measures still reported, with text written for another period. */
  otherPeriods: OfficerEntry[];
  /** Measures no longer in the data. */
  noLongerReported: OfficerEntry[];
}

/**
 * Columns A (labels) and B–G (a period each in the history table): 67
 * characters, which A4 portrait holds at full size even where Calibri is
 * replaced by a wider font (LibreOffice without Carlito prints ~7 pt a character).
 */
const COLUMNS = 7;
const WIDTHS: Record<number, number> = { 0: 16, 1: 8.5, 2: 8.5, 3: 8.5, 4: 8.5, 5: 8.5, 6: 8.5 };
/** The facts take A–D, the chart E–G. */
const FACT_VALUE = { col: 1, colCount: 3 };
const CHART_COLS = { col: 4, colCount: 3 };
/** Officer boxes two abreast: A–C and D–G. */
const BOX_COLS = [{ col: 0, colCount: 3 }, { col: 3, colCount: 4 }];
/** Room to write in an empty officer box, in points. */
const BOX_HEIGHT = 48;
const TITLE_HEIGHT = 21;

export const BLOCK_STYLES: Record<string, CellStyle> = {
  'commentary.block-title': { bold: true, fontSize: 13, fontColour: '#1F3864', fill: '#DDEBF7', wrap: true, vertical: 'middle' },
  'commentary.definition': { italic: true, fontColour: '#404040', wrap: true, vertical: 'top' },
  'commentary.fact-label': { bold: true, fill: '#F2F2F2', border: true, wrap: true, vertical: 'top' },
  'commentary.period': { bold: true, fill: '#D9E1F2', border: true, wrap: true, horizontal: 'center' },
  'commentary.figure': { border: true, wrap: true, vertical: 'top', horizontal: 'right' },
  'commentary.paragraph': { wrap: true, vertical: 'top' },
  'commentary.box-label': { bold: true, fontColour: '#1F3864', vertical: 'bottom' },
  'commentary.section': { bold: true, fontSize: 13, fontColour: '#833C0B' },
  'commentary.sheet-title': { bold: true, fontSize: 12, fontColour: '#1F3864', wrap: true, vertical: 'top' },
  'commentary.note': { italic: true, fontColour: '#595959', wrap: true, vertical: 'top' },
};

/**
 * The sheet's title and marker note wrapped across its width: text running on
 * past the last column would widen the printed page.
 */
export function wrapTitleRows(builder: SheetBuilder, width: number): void {
  for (const [row, style] of [[0, 'commentary.sheet-title'], [1, 'commentary.note']] as const) {
    builder.styleCell(row, 0, style).merge({ row, col: 0, rowCount: 1, colCount: width });
  }
}

export function statusTileStyle(facts: MeasureFacts): string {
  return facts.current.style ? `commentary.${facts.current.style}` : 'total';
}

export function comparisonText(comparison: Comparison | undefined, facts: MeasureFacts, none: string): string {
  if (!comparison) return none;
  const then = `${formatValue(comparison.value, facts.unit, comparison.decimals)} in ${comparison.label}`;
  return comparison.direction === 'n/a' ? `Was ${then}` : `${directionLabel(comparison.direction)} (from ${then})`;
}

export function targetText(facts: MeasureFacts): string {
  if (facts.target === undefined) return 'No target';
  const value = formatValue(facts.target, facts.unit, facts.targetDecimals);
  return facts.targetFollows ? `${value} (${benchmarkPhrase(facts.targetFollows).replace(/^the /, '')})` : value;
}

export function rangeText(facts: MeasureFacts): string {
  return facts.band ? formatRange(facts.band.low, facts.band.high, facts.unit, facts.bandDecimals) : '';
}

/** "91%", or "91% (Q2 2017/18 — latest available)" when the figure is an earlier period's. */
export function latestText(facts: MeasureFacts): string {
  if (facts.actual === null) return 'No data';
  const value = formatValue(facts.actual, facts.unit, facts.decimals);
  return facts.latestAvailable ? `${value} (${periodShown(facts.dataPeriod, true)})` : value;
}

function varianceText(facts: MeasureFacts): string {
  const { variance, unit } = facts;
  if (!variance) return '';
  const difference = formatSignedDifference(variance.difference, unit, variance.decimals);
  return variance.percentOfTarget === undefined ? difference : `${difference} (${formatSignedPercent(variance.percentOfTarget)} of target)`;
}

/** "Rate per 10,000. Within the target range is best. Theme: Safeguarding. Lead officer: Head of Safeguarding." */
function definition(facts: MeasureFacts): string {
  const parts = [
    facts.unit.label ? `Measured as: ${facts.unit.label}` : '',
    facts.polarity ? describePolarity(facts.polarity).replace(/^./, (c) => c.toUpperCase()) : 'The workbook does not say whether higher or lower is better',
    facts.theme ? `Theme: ${facts.theme}` : '',
    facts.lead ? `Lead officer: ${facts.lead}` : '',
  ];
  return parts.filter(Boolean).map((p) => `${p}.`).join(' ');
}

/** Places blocks on the sheet and remembers where each starts and ends, for the page breaks. */
class BlockWriter {
  readonly builder: SheetBuilder;
  readonly blocks: RowBlock[] = [];
  /** Block title rows, by measure id (lower case), for the overview's links. */
  readonly titleRows = new Map<string, number>();

  constructor(builder: SheetBuilder, private readonly styles: Record<string, CellStyle>) {
    this.builder = builder;
  }

  /** A value over columns [col, col + colCount) of one row, merged when wider than a column. */
  private spanned(row: number, col: number, colCount: number): void {
    if (colCount > 1) this.builder.merge({ row, col, rowCount: 1, colCount });
  }

  /** A row holding one text across the block's width. */
  wide(text: string, style: string, height?: number): number {
    const at = this.builder.row([text, ...Array(COLUMNS - 1).fill(null)], style);
    this.spanned(at, 0, COLUMNS);
    if (height) this.builder.leastHeight(at, height);
    return at;
  }

  /** A label in A and its value across B–D. */
  fact(label: string, value: PlanValue, valueStyle = 'text'): number {
    const values: PlanValue[] = [label, value, null, null];
    const at = this.builder.row(values, ['commentary.fact-label', valueStyle, valueStyle, valueStyle]);
    this.spanned(at, FACT_VALUE.col, FACT_VALUE.colCount);
    return at;
  }

  /** Two officer boxes abreast: their labels, then the yellow cells beneath. */
  boxes(labels: readonly string[], texts: readonly PlanValue[]): void {
    const labelRow: PlanValue[] = Array(COLUMNS).fill(null);
    const textRow: PlanValue[] = Array(COLUMNS).fill(null);
    BOX_COLS.forEach(({ col }, i) => {
      labelRow[col] = labels[i] ?? null;
      textRow[col] = texts[i] ?? null;
    });
    const labelAt = this.builder.row(labelRow, 'commentary.box-label');
    const textAt = this.builder.row(textRow, 'officer');
    for (const { col, colCount } of BOX_COLS) {
      this.spanned(labelAt, col, colCount);
      this.spanned(textAt, col, colCount);
    }
    this.builder.leastHeight(textAt, BOX_HEIGHT);
  }

  officerBoxes(texts: readonly PlanValue[]): void {
    this.boxes(OFFICER_COLUMNS.slice(0, 2), texts.slice(0, 2));
    this.boxes(OFFICER_COLUMNS.slice(2, 4), texts.slice(2, 4));
  }

  /** Ends a block begun at `first`, with a blank row after it. */
  close(first: number): void {
    this.builder.blank();
    this.blocks.push({ first, last: this.builder.nextRow - 1 });
  }

  build(): SheetPlan {
    return this.builder.useStyles(this.styles).keepWhole(this.blocks).build();
  }
}

/** The history table (periods, figures, targets) and the chart drawn from it beside the facts. */
function historyAndChart(writer: BlockWriter, facts: MeasureFacts, chartTop: number, chartRows: number, figure: string): void {
  const { builder } = writer;
  const history = facts.history;
  if (history.length === 0 || history.every((h) => h.actual === null)) return;
  const labels = builder.row(['Recent figures', ...history.map((h) => h.label)], ['commentary.fact-label', ...history.map(() => 'commentary.period')]);
  const series: ChartSeries[] = [];
  const figuresRow = builder.row(['Figure', ...history.map((h) => h.actual)], ['commentary.fact-label', ...history.map(() => figure)]);
  series.push({ name: 'Figure', values: { row: figuresRow, col: 1, rowCount: 1, colCount: history.length }, colour: '#1F4E79', markers: true });
  const plotted: (number | null)[] = history.map((h) => h.actual);
  if (history.some((h) => h.target !== null)) {
    const targetsRow = builder.row(['Target', ...history.map((h) => h.target)], ['commentary.fact-label', ...history.map(() => figure)]);
    // Dashed and drawn last, so a figure on target still shows beneath it.
    series.push({ name: 'Target', values: { row: targetsRow, col: 1, rowCount: 1, colCount: history.length }, colour: '#C55A11', dashed: true, lineWidth: 2 });
    plotted.push(...history.map((h) => h.target));
  }
  const valueAxis = valueAxisFor(plotted, facts.unit.kind === 'percent');
  builder.chart({
    kind: 'line',
    title: 'Recent figures',
    anchor: { row: chartTop, ...CHART_COLS, rowCount: chartRows },
    categories: { row: labels, col: 1, rowCount: 1, colCount: history.length },
    series,
    ...(valueAxis ? { valueAxis } : {}),
  });
}

const VERDICTS = { better: 'Better', worse: 'Worse', 'in line': 'In line', above: 'Above', below: 'Below' } as const;

/** This council's figure beside each benchmark, and how it compares. */
function benchmarkTable(writer: BlockWriter, facts: MeasureFacts): void {
  if (facts.benchmarks.length === 0) return;
  const { builder } = writer;
  const row = (cells: [string, string, string, string], styles: [string, string, string, string]) => {
    const at = builder.row([cells[0], cells[1], null, cells[2], null, cells[3], null], [styles[0], styles[1], styles[1], styles[2], styles[2], styles[3], styles[3]]);
    builder.merge({ row: at, col: 1, rowCount: 1, colCount: 2 }).merge({ row: at, col: 3, rowCount: 1, colCount: 2 }).merge({ row: at, col: 5, rowCount: 1, colCount: 2 });
  };
  row(['Benchmark', 'Figure', 'Period', 'This council is'], ['header', 'header', 'header', 'header']);
  row(['This council', formatValue(facts.actual ?? 0, facts.unit, facts.decimals), facts.dataPeriod, ''], ['commentary.fact-label', 'commentary.figure', 'text', 'text']);
  for (const b of facts.benchmarks) {
    row([b.name, formatValue(b.value, facts.unit, b.decimals), b.period ?? facts.period, VERDICTS[b.verdict]], ['commentary.fact-label', 'commentary.figure', 'text', 'text']);
  }
}

function measureBlock(writer: BlockWriter, row: CommentaryRow, styles: Record<string, CellStyle>): void {
  const { builder } = writer;
  const { facts } = row;
  const periodWord = facts.periodWord;
  const figures = figureStyle(Math.max(facts.decimals, facts.targetDecimals), facts.unit);
  styles[figures.name] = figures.style;
  const first = writer.wide(`${facts.id}  ${facts.name}`, 'commentary.block-title', TITLE_HEIGHT);
  writer.titleRows.set(facts.id.toLowerCase(), first);
  writer.wide(definition(facts), 'commentary.definition');
  const factsTop = writer.fact(REF_HEADER, facts.id);
  writer.fact(PERIOD_HEADER, facts.period);
  writer.fact('Status', facts.current.label, statusTileStyle(facts));
  writer.fact('Latest figure', latestText(facts), 'commentary.figure');
  writer.fact('Target', targetText(facts), 'commentary.figure');
  writer.fact('Target range', rangeText(facts) || 'None set', 'commentary.figure');
  writer.fact('Variance to target', varianceText(facts) || 'Not applicable', 'commentary.figure');
  writer.fact(`Against the previous ${periodWord}`, facts.actual === null ? '' : comparisonText(facts.previous, facts, 'No earlier figure'));
  writer.fact(`Against the same ${periodWord} last year`, facts.actual === null ? '' : comparisonText(facts.lastYear, facts, 'No figure a year earlier'));
  const chartRows = builder.nextRow - factsTop;
  historyAndChart(writer, facts, factsTop, chartRows, figures.name);
  benchmarkTable(writer, facts);
  builder.row(['Summary of performance'], 'commentary.box-label');
  writer.wide(row.paragraph, 'commentary.paragraph');
  writer.officerBoxes(row.officer?.texts ?? []);
  writer.close(first);
}

/** A block holding only officer text kept from an earlier sheet, with the note saying why it is here. */
function keptBlock(writer: BlockWriter, entry: OfficerEntry, note: string): void {
  const first = writer.wide(`${entry.id}  ${entry.name}`, 'commentary.block-title', TITLE_HEIGHT);
  writer.wide(note, 'commentary.note');
  writer.fact(REF_HEADER, entry.id);
  writer.fact(PERIOD_HEADER, entry.period);
  writer.officerBoxes(entry.texts);
  writer.close(first);
}

function keptSection(writer: BlockWriter, heading: string, note: string, entries: OfficerEntry[], entryNote: (entry: OfficerEntry) => string): void {
  if (entries.length === 0) return;
  const first = writer.builder.row([heading], 'commentary.section');
  writer.wide(note, 'commentary.note');
  writer.builder.blank();
  // The heading belongs with the first block, so it never ends a page alone.
  const before = writer.blocks.length;
  entries.forEach((entry) => keptBlock(writer, entry, entryNote(entry)));
  writer.blocks[before].first = first;
}

export interface CommentarySheetInput {
  name: string;
  title: string;
  period: string;
  scheme: Scheme;
  rows: CommentaryRow[];
  kept: KeptOfficerText;
}

export interface CommentarySheet {
  sheet: SheetPlan;
  styles: Record<string, CellStyle>;
  /** Each measure's block title row, by id (lower case). */
  titleRows: Map<string, number>;
}

export function buildCommentarySheet(input: CommentarySheetInput): CommentarySheet {
  const { rows, kept } = input;
  const styles: Record<string, CellStyle> = { ...BLOCK_STYLES, ...labelledStatusStyles(input.scheme, 'commentary') };
  const builder = new SheetBuilder(input.name).title(
    `${input.title}: commentary for ${input.period || 'no period'}`,
    'the figures are rewritten on each run; the yellow "About…" boxes are yours and always kept.',
  );
  wrapTitleRows(builder, COLUMNS);
  const writer = new BlockWriter(builder, styles);
  for (const row of rows) measureBlock(writer, row, styles);
  if (rows.length === 0) builder.row(['No measures were found for this period.'], 'note');
  keptSection(
    writer,
    'Officer text for other periods',
    `Written for a period other than ${input.period || 'the one reported'}. Kept so nothing is lost: copy what still applies into the measure's boxes above, and clear the rest to remove it.`,
    kept.otherPeriods,
    (entry) => `Written for ${entry.period || 'no period'}.`,
  );
  keptSection(
    writer,
    'No longer reported',
    'These measures are no longer in the data. Their officer text is kept here so nothing is lost; clear a block\'s boxes to remove it.',
    kept.noLongerReported,
    (entry) => `No longer in the data; written for ${entry.period || 'no period'}.`,
  );
  builder.widths(WIDTHS).period(input.period).page({ orientation: 'portrait', fitToWidth: true });
  return { sheet: writer.build(), styles, titleRows: writer.titleRows };
}
