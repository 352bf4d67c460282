/**
 * The Commentary sheet (SPEC §5.2): one row per measure for the reported
 * period, grouped by theme, with the facts, a generated paragraph and the
 * officer columns; then any officer text that no longer has a row of its own.
 * Landscape, one page wide, header row repeated, text wrapped.
 */
import type { CellStyle, PlanValue, SheetPlan } from '../../model/plan';
import { periodShown } from '../measures/period';
import { directionLabel } from '../measures/status';
import type { Scheme } from '../measures/scheme';
import { labelledStatusStyles } from '../apply/status-styles';
import { SheetBuilder } from '../shared/sheet-builder';
import type { Comparison, MeasureFacts } from './facts';
import { formatRange, formatSignedDifference, formatSignedPercent, formatValue } from './format';
import { MEASURE_HEADER, OFFICER_COLUMNS, type OfficerEntry, PERIOD_HEADER, REF_HEADER } from './officer-text';
import { benchmarkClause, benchmarkPhrase } from './sentences';

/** One measure's row: its facts, the paragraph, and the officer cells carried over. */
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

const FACT_HEADERS = [
  REF_HEADER, MEASURE_HEADER, PERIOD_HEADER, 'Status', 'Latest', 'Target', 'Target range', 'Variance to target',
  'Variance (% of target)', 'Against the previous period', 'Against the same period last year', 'Benchmarks', 'Commentary',
];
export const COMMENTARY_HEADERS = [...FACT_HEADERS, ...OFFICER_COLUMNS];
const STATUS_COL = 3;

const WIDTHS: Record<number, number> = {
  0: 8, 1: 28, 2: 11, 3: 12, 4: 11, 5: 11, 6: 13, 7: 14, 8: 10, 9: 18, 10: 18, 11: 26, 12: 56, 13: 28, 14: 24, 15: 24, 16: 24,
};

const COMMENTARY_STYLES: Record<string, CellStyle> = {
  'commentary.theme': { bold: true, fontSize: 12, fontColour: '#1F3864', fill: '#EDEDED', border: true },
  'commentary.figure': { border: true, wrap: true, vertical: 'top', horizontal: 'right' },
  'commentary.section': { bold: true, fontSize: 12, fontColour: '#833C0B' },
};

function comparisonText(comparison: Comparison | undefined, facts: MeasureFacts, none: string): string {
  if (!comparison) return none;
  const then = `${formatValue(comparison.value, facts.unit, comparison.decimals)} in ${comparison.label}`;
  return comparison.direction === 'n/a' ? `Was ${then}` : `${directionLabel(comparison.direction)} (from ${then})`;
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function targetCell(facts: MeasureFacts): string {
  if (facts.target === undefined) return 'No target';
  const value = formatValue(facts.target, facts.unit, facts.targetDecimals);
  return facts.targetFollows ? `${value} (${benchmarkPhrase(facts.targetFollows).replace(/^the /, '')})` : value;
}

/** "91%", or "91% (Q2 2017/18 — latest available)" when the figure is an earlier period's. */
function latestCell(facts: MeasureFacts): string {
  const value = formatValue(facts.actual ?? 0, facts.unit, facts.decimals);
  return facts.latestAvailable ? `${value} (${periodShown(facts.dataPeriod, true)})` : value;
}

function factCells(facts: MeasureFacts): PlanValue[] {
  const { unit, variance, band } = facts;
  return [
    facts.id,
    facts.name,
    facts.period,
    facts.current.label,
    facts.actual === null ? 'No data' : latestCell(facts),
    targetCell(facts),
    band ? formatRange(band.low, band.high, unit, facts.bandDecimals) : '',
    variance ? formatSignedDifference(variance.difference, unit, variance.decimals) : '',
    variance?.percentOfTarget !== undefined ? formatSignedPercent(variance.percentOfTarget) : '',
    facts.actual === null ? '' : comparisonText(facts.previous, facts, 'No earlier figure'),
    facts.actual === null ? '' : comparisonText(facts.lastYear, facts, 'No figure a year earlier'),
    sentenceCase(facts.benchmarks.map((b) => benchmarkClause(facts, b)).join('; ')),
  ];
}

function officerCells(entry: OfficerEntry | undefined): PlanValue[] {
  return OFFICER_COLUMNS.map((_, i) => entry?.texts[i] ?? null);
}

const ROW_STYLES = [
  'text', 'text', 'text', undefined, 'commentary.figure', 'commentary.figure', 'commentary.figure', 'commentary.figure',
  'commentary.figure', 'text', 'text', 'text', 'text', ...OFFICER_COLUMNS.map(() => 'officer'),
];

function keptSection(builder: SheetBuilder, heading: string, note: string, entries: OfficerEntry[]): void {
  if (entries.length === 0) return;
  builder.blank();
  builder.row([heading], 'commentary.section');
  builder.row([note], 'note');
  for (const entry of entries) {
    const facts: PlanValue[] = [entry.id, entry.name, entry.period, ...FACT_HEADERS.slice(3).map(() => '')];
    builder.row([...facts, ...officerCells(entry)], ROW_STYLES.map((s) => s ?? 'text'));
  }
}

export interface CommentarySheetInput {
  name: string;
  title: string;
  period: string;
  scheme: Scheme;
  rows: CommentaryRow[];
  kept: KeptOfficerText;
}

export function buildCommentarySheet(input: CommentarySheetInput): { sheet: SheetPlan; styles: Record<string, CellStyle> } {
  const { rows, kept } = input;
  const builder = new SheetBuilder(input.name).title(
    `${input.title}: commentary for ${input.period || 'no period'}`,
    'the generated columns are replaced each time Ragbook runs; the pale yellow "About…" columns are yours and are always kept, matched to each measure by Ref and Period.',
  );
  builder.blank();
  const headerRow = builder.row(COMMENTARY_HEADERS, 'header');
  const width = COMMENTARY_HEADERS.length;
  let theme: string | undefined;
  for (const row of rows) {
    if (row.facts.theme !== theme) {
      theme = row.facts.theme;
      const at = builder.row([theme || 'Other measures', ...COMMENTARY_HEADERS.slice(1).map(() => '')], 'commentary.theme');
      builder.merge({ row: at, col: 0, rowCount: 1, colCount: width });
    }
    const at = builder.row([...factCells(row.facts), row.paragraph, ...officerCells(row.officer)], ROW_STYLES);
    builder.styleCell(at, STATUS_COL, row.facts.current.style ? `commentary.${row.facts.current.style}` : 'text');
  }
  if (rows.length === 0) builder.row(['No measures were found for this period.'], 'note');
  keptSection(
    builder,
    `Officer text for other periods`,
    `Written for a period other than ${input.period || 'the one reported'}. Kept so nothing is lost: copy what still applies into the measure's row above, and clear the rest to remove it.`,
    kept.otherPeriods,
  );
  keptSection(
    builder,
    'No longer reported',
    'These measures are no longer in the data. Their officer text is kept here so nothing is lost; clear a row\'s text to remove it.',
    kept.noLongerReported,
  );
  builder
    .widths(WIDTHS)
    .freeze(headerRow + 1, 2)
    .page({ orientation: 'landscape', fitToWidth: true, repeatRows: { first: headerRow, last: headerRow } });
  const styles = { ...COMMENTARY_STYLES, ...labelledStatusStyles(input.scheme, 'commentary') };
  return { sheet: builder.useStyles(styles).build(), styles };
}
