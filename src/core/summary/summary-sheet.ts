import type { WorkbookGrids } from '../../model/grid';
import type { CellStyle, ChartSpec, Colour, PlanValue, SheetPlan } from '../../model/plan';
import type { ReportOptions } from '../report';
import { quoteSheetName } from '../../model/address';
import type { RowBlock } from '../shared/page-breaks';
import { SheetBuilder } from '../shared/sheet-builder';

/** A table on the Summary sheet: a heading, a header row and data rows, optionally charted. */
export interface SummarySection {
  heading: string;
  header: string[];
  rows: PlanValue[][];
  /** Style per data cell (same shape as rows); undefined cells get the plain number/text style. */
  cellStyles?: (string | undefined)[][];
  /** Lines of explanation under the table (a legend, a note). */
  notes?: string[];
  /**
   * Where the detail is: a link to the report's own sheet under the notes,
   * shown only when that sheet is in the workbook being written.
   */
  seeSheet?: { sheet: string; text: string };
  /** A chart of this table: rows are categories, the named columns are series. */
  chart?: { kind: ChartSpec['kind']; title: string; series: { col: number; colour: Colour }[]; yAxisTitle?: string };
  /** How many data rows the chart covers (default all: leave out a totals row). */
  chartRows?: number;
  /** Styles the section's cells use, beyond the base styles. */
  styles?: Record<string, CellStyle>;
}

/** Gives the sections for one kind of data; none when the workbook has no such data. */
export type SummarySectionSource = (grids: WorkbookGrids, options: ReportOptions) => SummarySection | SummarySection[] | undefined;


/**
 * The Summary sheet holds a section for each kind of data the workbook has
 * (measures by status, actions by state…). Every report that writes the sheet
 * builds all of its sections, so the sheet is the same whichever runs last.
 */
export const SUMMARY_SHEET = 'Summary';

export function buildSummarySheet(
  title: string,
  sections: SummarySection[],
  name = SUMMARY_SHEET,
  hasSheet: (sheet: string) => boolean = () => true,
): { sheet: SheetPlan; styles: Record<string, CellStyle> } {
  const builder = new SheetBuilder(name).title(title, 'this sheet is replaced each time Ragbook runs.');
  const styles: Record<string, CellStyle> = {};
  const widths: Record<number, number> = { 0: 34 };
  const blocks: RowBlock[] = [];
  for (const section of sections) {
    Object.assign(styles, section.styles);
    builder.blank();
    const first = builder.row([section.heading], 'heading');
    const headerRow = builder.row(section.header, 'header');
    section.rows.forEach((values, r) =>
      builder.row(values, values.map((v, c) => section.cellStyles?.[r]?.[c] ?? (typeof v === 'number' ? 'number' : 'text'))),
    );
    section.header.forEach((text, c) => {
      if (c === 0) return;
      // Plain text (a key's meanings) runs on across the empty cells to its right instead of widening the column.
      const sized = section.rows.filter((_, r) => section.cellStyles?.[r]?.[c] !== 'plain');
      // Headers wrap: one needs room for its longest word, and at most two lines.
      const header = Math.max(...text.split(/\s+/).map((word) => word.length), Math.ceil(text.length / 2));
      const longest = Math.max(header, ...sized.map((r) => String(r[c] ?? '').length));
      widths[c] = Math.max(widths[c] ?? 0, Math.min(longest, 24) + 2);
    });
    for (const note of section.notes ?? []) builder.row([note], 'note');
    if (section.seeSheet && hasSheet(section.seeSheet.sheet)) {
      builder.row([{ text: section.seeSheet.text, target: `${quoteSheetName(section.seeSheet.sheet)}!A1` }], 'plain');
    }
    const chartRows = section.chartRows ?? section.rows.length;
    const charted = section.chart !== undefined && chartRows > 0;
    if (section.chart && charted) {
      const chartTop = builder.nextRow + 1;
      const height = Math.max(14, chartRows + 8);
      builder.chart({
        kind: section.chart.kind,
        title: section.chart.title,
        anchor: { row: chartTop, col: 0, rowCount: height, colCount: Math.max(5, section.header.length) },
        categories: { row: headerRow + 1, col: 0, rowCount: chartRows, colCount: 1 },
        series: section.chart.series.map(({ col, colour }) => ({
          name: section.header[col],
          values: { row: headerRow + 1, col, rowCount: chartRows, colCount: 1 },
          colour,
        })),
        yAxisTitle: section.chart.yAxisTitle,
      });
      builder.blank(height);
    }
    blocks.push({ first, last: builder.nextRow - 1 });
    if (charted) builder.blank();
  }
  // A section (its table, notes and chart) is never split where it fits a page.
  return { sheet: builder.widths(widths).page({ orientation: 'landscape', fitToWidth: true }).keepWhole(blocks).build(), styles };
}
