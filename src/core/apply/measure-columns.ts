/**
 * The plan for the user's measures sheet: fills on every actual cell, and the
 * Status and Direction of travel columns beside the data (with SPC's
 * Variation and Assurance after them when asked for).
 */
import type { SheetGrid, WorkbookGrids } from '../../model/grid';
import { observationsToRead } from '../measures/plain-figures';
import { readMeasures } from '../measures/read-measures';
import type { ColumnStyles, PageSetup, PlanValue, SheetPlan, ValueBlock } from '../../model/plan';
import { periodShown } from '../measures/period';
import { directionLabel } from '../measures/status';
import { type ShownJudgement, shownJudgement } from '../measures/analyse';
import type { EvaluatedMeasure, MeasuresAnalysis, MeasuresSource, OwnColumns } from '../measures/types';
import type { SpcMeasure } from '../spc/measures';
import { assuranceIcon, variationIcon } from '../spc/wording';
import { READABLE_SCALE } from '../shared/print-setup';
import { cellText } from '../shared/values';
import { figureStyleName } from './status-styles';

/** One column's fills so far, side by side in typed arrays: rows, and their styles as numbers for names. */
interface ColumnFill {
  rows: Int32Array;
  styles: Int32Array;
  count: number;
}

/**
 * The cells to fill, gathered by column as rows and style names side by side:
 * a big workbook fills a million cells, so no object per cell or per run.
 * They go into typed arrays: arrays grown by push to 100,000 items are copied
 * as they grow, a megabyte at a time, and took 0.28 s of the 100,000 measures'
 * apply.
 */
class ColumnFills {
  /** By column index (a sheet has at most 16,384): an array lookup per cell, not a map's. */
  private readonly columns: (ColumnFill | undefined)[] = [];
  /** The style names, each numbered by its first fill (a sheet uses a few dozen). */
  private readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();

  /**
   * `rows`: the data rows, which no column fills more than once. Each column
   * is made that long at once: grown by doubling from a few rows, the arrays
   * of 10,000 measures took three times the memory, all of it fresh.
   */
  constructor(private readonly rows: number) {}

  add(row: number, col: number, style: string): void {
    let column = this.columns[col];
    if (!column) this.columns[col] = column = { rows: new Int32Array(this.rows), styles: new Int32Array(this.rows), count: 0 };
    if (column.count === column.rows.length) {
      column.rows = doubled(column.rows, new Int32Array(column.count * 2 + 16));
      column.styles = doubled(column.styles, new Int32Array(column.count * 2 + 16));
    }
    let number = this.numbers.get(style);
    if (number === undefined) {
      this.numbers.set(style, (number = this.names.length));
      this.names.push(style);
    }
    column.rows[column.count] = row;
    column.styles[column.count++] = number;
  }

  /** Each column's fills in row order (they nearly always come so already: sorted only when they do not). */
  byColumn(): ColumnStyles[] {
    const byColumn: ColumnStyles[] = [];
    const { names } = this;
    for (let col = 0; col < this.columns.length; col++) {
      const column = this.columns[col];
      if (!column) continue;
      const rows = column.rows.subarray(0, column.count);
      const styles = column.styles.subarray(0, column.count);
      if (!ascending(rows)) {
        const order = Array.from(rows, (_, i) => i).sort((a, b) => rows[a] - rows[b]);
        byColumn.push({ col, rows: Int32Array.from(order, (i) => rows[i]), styles: Int32Array.from(order, (i) => styles[i]), names });
        continue;
      }
      // The period columns of a wide sheet fill the same rows: they share one list of them, kept to the end of the write.
      const before = byColumn.at(-1)?.rows;
      byColumn.push({ col, rows: before && sameRows(before, rows) ? before : rows, styles, names });
    }
    return byColumn;
  }
}

function doubled(items: Int32Array, into: Int32Array): Int32Array {
  into.set(items);
  return into;
}

function ascending(rows: Int32Array): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1] >= rows[i]) return false;
  return true;
}

function sameRows(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const SPC_HEADERS = ['Variation (SPC)', 'Assurance (SPC)'];
const TOO_FEW_FIGURES = '– Too few figures';
/** Status, Direction of travel, Variation, Assurance: widths in characters. */
const COLUMN_WIDTHS = [22, 34, 26, 26];

/** Where Ragbook's columns go, and its own columns of an earlier run that this run no longer fills. */
interface ColumnPlace {
  col: number;
  stale?: OwnColumns;
}

/**
 * `count` free columns right of the data: Ragbook's own from an earlier run
 * (known by their mark), grown into free columns beside them when SPC's are
 * added, else the first empty run. Never inside an Excel table, and never
 * touching one's right edge: Excel grows a table over a column written
 * beside it, the file never does, and the two must give the same workbook.
 */
function placeColumns(sheet: SheetGrid | undefined, source: MeasuresSource, count: number): ColumnPlace {
  const rows = [source.headerRow, ...source.dataRows];
  // A loop, not Math.min(...rows): a long sheet has more rows than a call takes arguments.
  let top = source.headerRow;
  let bottom = source.headerRow;
  for (let i = 0; i < source.dataRows.length; i++) {
    const r = source.dataRows[i];
    if (r < top) top = r;
    if (r > bottom) bottom = r;
  }
  const tables = (sheet?.tables ?? []).filter((t) => t.top <= bottom && t.bottom >= top);
  const empty = (col: number) => rows.every((r) => cellText(sheet?.rows[r]?.[col]) === '');
  const free = (col: number) => empty(col) && tables.every((t) => col < t.left || col > t.right + 1);
  const freeRun = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i).every(free);
  const own = source.own;
  if (own && own.count >= count) return { col: own.col, ...(own.count > count ? { stale: { col: own.col + count, count: own.count - count } } : {}) };
  if (own && freeRun(own.col + own.count, count - own.count)) return { col: own.col };
  let col = source.lastDataCol + 1;
  while (!freeRun(col, count)) col++;
  return { col, ...(own ? { stale: own } : {}) };
}

/** Blanks for Ragbook's own cells that this run no longer fills (SPC columns turned off, or columns moved). */
function clearedColumns(source: MeasuresSource, stale: OwnColumns): ValueBlock[] {
  const blanks = () => Array.from({ length: stale.count }, () => null);
  const blocks: ValueBlock[] = [];
  for (const row of [source.headerRow, ...source.dataRows].sort((a, b) => a - b)) {
    const last = blocks.at(-1);
    if (last && last.row + last.values.length === row) last.values.push(blanks());
    else blocks.push({ row, col: stale.col, values: [blanks()] });
  }
  return blocks;
}

/**
 * SPC's Variation and Assurance columns are written when asked for, and kept
 * on later runs that do not say (a workbook that has them keeps them up to date).
 */
export function wantsSpcColumns(source: MeasuresSource, asked: boolean | undefined): boolean {
  return asked ?? source.own?.count === 4;
}

/** The SPC icons for a measure's row: words after a symbol, so they read without colour. */
function spcCells(spc: SpcMeasure | undefined): PlanValue[] {
  if (!spc) return [TOO_FEW_FIGURES, TOO_FEW_FIGURES];
  const latest = spc.chart.points[spc.chart.points.length - 1];
  const provisional = spc.chart.provisional ? ' (provisional)' : '';
  return [`${variationIcon(spc.chart.variation, latest.side)}${provisional}`, assuranceIcon(spc.chart.assurance)];
}

/**
 * The measures sheet is the user's, but a wide table fitted to one page
 * prints too small to read: it prints landscape at READABLE_SCALE (text of
 * 11 pt prints at 8.25 pt) over as many pages wide as it needs, with the
 * header row and the measure names repeated on every page. Only the fit,
 * orientation and print titles change; the user's paper size, margins,
 * header, footer and print area stay.
 */
function measuresPrintSetup(source: MeasuresSource, nameCol: number): PageSetup {
  return {
    orientation: 'landscape',
    fitToWidth: false,
    scale: READABLE_SCALE,
    repeatRows: { first: source.headerRow, last: source.headerRow },
    ...(nameCol <= 3 ? { repeatColumns: { first: 0, last: nameCol } } : {}),
  };
}

/**
 * The print setup alone, for reports that otherwise leave the measures sheet
 * as it is: every sheet of a workbook Ragbook writes prints readably.
 */
export function measuresPrintPlan(grids: WorkbookGrids): SheetPlan | undefined {
  const data = readMeasures(grids).data;
  if (!data) return undefined;
  return { name: data.sheet, mode: 'existing', values: [], styles: [], page: measuresPrintSetup(data, data.measures[0]?.source.col ?? 0) };
}

/**
 * `spc`: each measure's SPC chart, when the Variation and Assurance columns
 * are written (undefined: Status and Direction of travel only).
 */
export function measureSheetPlan(analysis: MeasuresAnalysis, sheet: SheetGrid | undefined, spc?: ReadonlyMap<EvaluatedMeasure, SpcMeasure>): SheetPlan | undefined {
  const source = analysis.source;
  if (!source) return undefined;
  const fills = new ColumnFills(source.dataRows.length);
  // Wide: one row per measure, its current evaluation; long: one row per observation.
  const rowsEvaluated: ShownJudgement[] = [];
  const rowNumbers: number[] = [];
  const long = source.layout === 'long';
  /** Wide rows judged on another period's figure: the Status cell names that period. */
  const periodNotes = new Map<number, string>();
  /** The SPC icons by row: a wide measure's row, or a long measure's latest observation. */
  const spcRows = new Map<number, PlanValue[]>();
  // Indexed loops over every measure: they run once, mostly before V8 optimises them, where for-of costs five times as much.
  for (let m = 0; m < analysis.measures.length; m++) {
    const evaluated = analysis.measures[m];
    const { current, measure, stale } = evaluated;
    const spcRow = long ? current.observation.row : measure.source.row;
    if (spc && spcRow !== undefined) spcRows.set(spcRow, spcCells(spc.get(evaluated)));
    const observations = observationsToRead(measure);
    for (let index = 0; index < observations.length; index++) {
      const { row, col } = observations[index];
      if (row === undefined || col === undefined) continue;
      const e = shownJudgement(evaluated, index);
      const figure = figureStyleName(e.style, sheet?.rows[row]?.[col]?.numberFormat);
      if (figure) fills.add(row, col, figure);
      if (long) {
        rowNumbers.push(row);
        rowsEvaluated.push(e);
      }
    }
    if (!long) {
      rowNumbers.push(measure.source.row);
      rowsEvaluated.push(current);
      const label = current.observation.label;
      if (current.observation.actual !== null && label !== analysis.period) periodNotes.set(measure.source.row, periodShown(label, stale));
    }
  }

  const count = spc ? 4 : 2;
  const place = placeColumns(sheet, source, count);
  const statusCol = place.col;
  const headerSuffix = source.layout === 'wide' ? analysis.period ?? 'the period' : 'the period';
  const headers = [`Status for ${headerSuffix}`, `Direction of travel for ${headerSuffix}`, ...(spc ? SPC_HEADERS : [])];
  const values: ValueBlock[] = [...(place.stale ? clearedColumns(source, place.stale) : []), { row: source.headerRow, col: statusCol, values: [headers] }];
  // Wide rows come in order; a long sheet's rows come measure by measure.
  const inOrder = rowNumbers.every((row, i) => i === 0 || rowNumbers[i - 1] <= row);
  const byRow = inOrder ? undefined : rowNumbers.map((_, i) => i).sort((a, b) => rowNumbers[a] - rowNumbers[b]);
  for (let at = 0; at < rowNumbers.length; at++) {
    const i = byRow ? byRow[at] : at;
    const row = rowNumbers[i];
    const e = rowsEvaluated[i];
    // Consecutive rows share one block, so the live workbook gets one write per block.
    const last = values.at(-1);
    const note = periodNotes.get(row);
    const rowValues: PlanValue[] = [note ? `${e.label} (${note})` : e.label, directionLabel(e.direction)];
    if (spc) rowValues.push(...(spcRows.get(row) ?? [null, null]));
    if (last && last.row + last.values.length === row) last.values.push(rowValues);
    else values.push({ row, col: statusCol, values: [rowValues] });
    if (e.style) fills.add(row, statusCol, e.style);
  }
  return {
    name: source.sheet,
    mode: 'existing',
    values,
    styles: [{ range: { row: source.headerRow, col: statusCol, rowCount: 1, colCount: count }, style: 'header' }],
    columnStyles: fills.byColumn(),
    columnWidths: Object.fromEntries(COLUMN_WIDTHS.slice(0, count).map((width, i) => [statusCol + i, width])),
    page: measuresPrintSetup(source, analysis.measures[0]?.measure.source.col ?? 0),
    ownColumns: { row: source.headerRow, col: statusCol, rowCount: 1, colCount: count },
  };
}
