/**
 * The write plan: everything a generator wants done to a workbook, as plain
 * data. Both adapters (the .xlsx file and the live workbook through Office.js)
 * execute the same plan, so the CLI and the add-in give identical workbooks.
 * Rows and columns are 0-based. See MODEL.md.
 */

/** "#RRGGBB". */
export type Colour = string;

/**
 * A named style. Styles are overlays: only the properties given are changed,
 * so filling a user's cell keeps its number format, font and borders.
 */
export interface CellStyle {
  fill?: Colour;
  fontColour?: Colour;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  numberFormat?: string;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  /** A thin border on every side of each cell. */
  border?: boolean;
}

/** A link to a place in the same workbook, e.g. "'Priority 1'!A1". */
export interface PlanLink {
  text: string;
  target: string;
}

/**
 * A value to write. Strings are always written as text, never as formulas,
 * even when they start with "=", "+", "-" or "@". Dates are Excel serial
 * numbers with a date style.
 */
export type PlanValue = string | number | boolean | null | PlanLink;

export interface CellRange {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface ValueBlock {
  row: number;
  col: number;
  /** values[r][c] lands at (row + r, col + c). */
  values: PlanValue[][];
}

export interface StyledRange {
  range: CellRange;
  style: string;
}

/**
 * Cells of one column, each with its own style: `rows[i]` gets the style
 * named `names[styles[i]]`, rows ascending. A million fills are two arrays of
 * numbers (typed arrays, where the core makes them), not a million ranges.
 */
export interface ColumnStyles {
  col: number;
  rows: ArrayLike<number>;
  styles: ArrayLike<number>;
  names: readonly string[];
}

/** A column's styled cells as one range per run of same-styled rows, in row order. */
export function columnStyleRuns({ col, rows, styles, names }: ColumnStyles): StyledRange[] {
  const runs: StyledRange[] = [];
  let last: StyledRange | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const style = names[styles[i]];
    if (last && last.style === style && last.range.row + last.range.rowCount === row) last.range.rowCount++;
    else runs.push((last = { range: { row, col, rowCount: 1, colCount: 1 }, style }));
  }
  return runs;
}

/** Every style a sheet plan lays on, as ranges in the order they apply (the column styles after the ranges). */
export function styledRanges(sheet: SheetPlan): StyledRange[] {
  const columns = sheet.columnStyles ?? [];
  return columns.length === 0 ? sheet.styles : [...sheet.styles, ...columns.flatMap(columnStyleRuns)];
}

/** One line of a printed header or footer; text may hold Excel's codes (&P page, &N pages, && a literal &). */
export interface HeaderFooterLine {
  left?: string;
  center?: string;
  right?: string;
}

/** Page margins in inches. */
export interface PageMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

/**
 * How a sheet prints on A4. Generators state an orientation; SheetBuilder
 * settles the fit (see core/shared/print-setup.ts) so text never prints below
 * 8 pt: one page wide only where that keeps the text that size, otherwise a
 * fixed scale over as many pages wide as needed.
 */
export interface PageSetup {
  orientation: 'portrait' | 'landscape';
  /** Fit all columns on one page wide (height free). */
  fitToWidth: boolean;
  /** Print scale in per cent, used when not fitting to width. */
  scale?: number;
  /** Rows repeated at the top of every printed page, 0-based inclusive. */
  repeatRows?: { first: number; last: number };
  /** Columns repeated at the left of every printed page (when it runs several pages wide), 0-based inclusive. */
  repeatColumns?: { first: number; last: number };
  printArea?: CellRange;
  /** Manual page breaks: a new page starts at each of these rows (0-based), so a block is never split. */
  rowBreaks?: number[];
  margins?: PageMargins;
  header?: HeaderFooterLine;
  footer?: HeaderFooterLine;
}

export interface ChartSeries {
  name: string;
  /** A single row or column of this sheet holding the values. */
  values: CellRange;
  colour: Colour;
  dashed?: boolean;
  markers?: boolean;
  /** Markers with no line between them (points picked out of another series). */
  markersOnly?: boolean;
  /** Line width in points (2.25 when not given); a wider line drawn first stays visible under a narrower one. */
  lineWidth?: number;
}

export interface ChartSpec {
  kind: 'line' | 'column' | 'stacked-column';
  title: string;
  /** The cells the chart covers on the sheet. */
  anchor: CellRange;
  /** A single row or column of this sheet holding the category labels. */
  categories: CellRange;
  series: ChartSeries[];
  yAxisTitle?: string;
  /** The value axis's bounds, scaled to the data (a chart of values from 60 to 70 need not start at 0). */
  valueAxis?: { min: number; max: number };
}

export interface SheetPlan {
  name: string;
  /**
   * `existing`: a user's sheet; only the cells named are touched.
   * `generated`: Ragbook's own sheet, created afresh (replacing the earlier one of this name,
   * which must carry Ragbook's mark: adapters refuse to replace or remove a sheet without it).
   */
  mode: 'existing' | 'generated';
  /** Values first … */
  values: ValueBlock[];
  /** … then styles, one entry per run of same-styled cells … */
  styles: StyledRange[];
  /** … then cells styled one by one, by column (the actuals of a big measures sheet). */
  columnStyles?: ColumnStyles[];
  /** Column index → width in characters. */
  columnWidths?: Record<number, number>;
  /**
   * Row index → height in points, for rows of wrapped text on generated
   * sheets (viewers do not all grow rows to fit wrapped text by themselves).
   */
  rowHeights?: Record<number, number>;
  merges?: CellRange[];
  freeze?: { rows: number; cols: number };
  page?: PageSetup;
  charts?: ChartSpec[];
  tabColour?: Colour;
  /**
   * On a user's sheet: the header cells of Ragbook's own columns (Status and
   * Direction of travel). Adapters mark them (marks.ts) so a re-run finds them
   * by that mark, never by their header text.
   */
  ownColumns?: CellRange;
}

export interface WritePlan {
  /** Style name → style; SheetPlan.styles refer to these names. */
  styles: Record<string, CellStyle>;
  /**
   * Generated sheets are added after the user's sheets, in this order (a
   * replaced sheet keeps its place), unless `front` moves them.
   */
  sheets: SheetPlan[];
  /** Ragbook's own sheets from an earlier run that this run no longer produces (removed only if they carry its mark). */
  removeSheets: string[];
  /**
   * The report's own sheets that lead the tab order, in this order: the
   * workbook opens on the first (the active sheet, the only one selected).
   * Every other sheet keeps its order among the rest, after them. Adapters
   * move only Ragbook's own sheets, never the user's.
   */
  front?: string[];
}

/** Excel's last row and column, 0-based (1,048,576 rows, 16,384 columns). */
const LAST_ROW = 1_048_575;
export const LAST_COLUMN = 16_383;

/** The widest row of a block (a loop: a block can have more rows than a call takes arguments; a hole in it is no row). */
export function blockWidth(block: ValueBlock): number {
  let widest = 0;
  for (let r = 0; r < block.values.length; r++) {
    const length = block.values[r]?.length ?? 0;
    if (length > widest) widest = length;
  }
  return widest;
}

function beyondExcel(row: number, col: number): boolean {
  return row > LAST_ROW || col > LAST_COLUMN;
}

/**
 * The first sheet the plan would write or style past Excel's last row or
 * column, undefined when it fits: both adapters refuse such a plan before
 * writing anything (a file with a row past the last one does not open cleanly).
 */
export function sheetBeyondExcel(plan: WritePlan): string | undefined {
  for (const sheet of plan.sheets) {
    const outside =
      sheet.values.some((b) => beyondExcel(b.row + b.values.length - 1, b.col + Math.max(1, blockWidth(b)) - 1)) ||
      sheet.styles.some(({ range }) => beyondExcel(range.row + range.rowCount - 1, range.col + range.colCount - 1)) ||
      (sheet.columnStyles ?? []).some(({ col, rows }) => rows.length > 0 && beyondExcel(rows[rows.length - 1], col));
    if (outside) return sheet.name;
  }
  return undefined;
}

export function emptyPlan(): WritePlan {
  return { styles: {}, sheets: [], removeSheets: [] };
}

export function isPlanLink(value: PlanValue): value is PlanLink {
  return typeof value === 'object' && value !== null;
}
