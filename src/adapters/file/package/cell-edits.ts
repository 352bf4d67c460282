/**
 * A sheet plan as per-cell edits: the value to write and the styles to lay
 * over, by row then column. A big plan edits a million cells, so each edit is
 * one small object (no wrapper for the value), the cells that only take one
 * style share one, and rows and cells are sparse arrays, not maps.
 */
import { blockWidth, type CellRange, type CellStyle, isPlanLink, type PlanValue, type SheetPlan } from '../../../model/plan';
import type { StyleSheet } from './styles';

/** The value of an edit that leaves the cell's value as it is (only styles it). */
export const KEEP_VALUE: unique symbol = Symbol('keep the value');

export interface CellEdit {
  /** The value to write (null clears the cell), or KEEP_VALUE. */
  value: PlanValue | typeof KEEP_VALUE;
  /** Style names in plan order; later ones are laid over earlier ones. Shared: replace, never push. */
  styles: readonly string[];
}

/** One row's edits: a sparse array indexed by column (faster than a Map for a million cells). */
export type RowEdits = CellEdit[];

/** The plan's edits by row: a sparse array indexed by row (from `first`), so rows come in order without sorting. */
export class CellEdits {
  private readonly byRow: RowEdits[] = [];
  private sorted: number[] | undefined;

  /**
   * `width`: the columns a row is made with room for (a row grown cell by
   * cell would be reallocated on the way, and keep the slack). `first`: the
   * first row held (a band of a big sheet's rows is held from its start).
   */
  constructor(
    private readonly width = 0,
    private readonly first = 0,
  ) {}

  get(row: number): RowEdits | undefined {
    return this.byRow[row - this.first];
  }

  /** The row's edits, made empty when it has none. */
  at(row: number): RowEdits {
    let cells = this.byRow[row - this.first];
    if (!cells) {
      this.byRow[row - this.first] = cells = new Array<CellEdit>(this.width);
      this.sorted = undefined;
    }
    return cells;
  }

  /** The edited rows, ascending. */
  rows(): readonly number[] {
    if (!this.sorted) {
      const rows: number[] = [];
      for (let i = 0; i < this.byRow.length; i++) if (this.byRow[i] !== undefined) rows.push(this.first + i);
      this.sorted = rows;
    }
    return this.sorted;
  }
}

const NO_STYLES: readonly string[] = Object.freeze([]);

/** The cell's edit, to change: a shared one (see EditBuilder.layOn) is first replaced by a copy of its own. */
export function editAt(edits: CellEdits, row: number, col: number): CellEdit {
  return editIn(edits.at(row), col);
}

function editIn(cells: RowEdits, col: number): CellEdit {
  let edit = cells[col];
  if (!edit) cells[col] = edit = { value: KEEP_VALUE, styles: NO_STYLES };
  else if (Object.isFrozen(edit)) cells[col] = edit = { value: edit.value, styles: edit.styles };
  return edit;
}

/** The last column a row edits; -1 when it edits none. */
export function lastColumnOf(cells: RowEdits): number {
  for (let col = cells.length - 1; col >= 0; col--) if (cells[col] !== undefined) return col;
  return -1;
}

/** The columns a row edits, ascending, into `into` (reused from row to row); returns how many. */
export function columnsOf(cells: RowEdits, into: number[]): number {
  let count = 0;
  for (let col = 0; col < cells.length; col++) if (cells[col] !== undefined) into[count++] = col;
  return count;
}

/** One past the rightmost column the plan edits. */
function widthOf(plan: SheetPlan): number {
  let width = 0;
  for (const block of plan.values) if (block.values.length > 0) width = Math.max(width, block.col + blockWidth(block));
  for (const { range } of plan.styles) width = Math.max(width, range.col + range.colCount);
  for (const { col } of plan.columnStyles ?? []) width = Math.max(width, col + 1);
  return width;
}

/** Lays the plan's values and styles on rows; most cells get one style and keep their value: they share one frozen edit per style. */
class EditBuilder {
  private readonly single = new Map<string, CellEdit>();

  constructor(private readonly styles: Record<string, CellStyle>) {}

  /** The values of the plan's blocks in rows [from, to). */
  values(edits: CellEdits, plan: SheetPlan, from: number, to: number): void {
    for (const block of plan.values) {
      for (let r = Math.max(0, from - block.row); r < Math.min(block.values.length, to - block.row); r++) {
        const rowValues = block.values[r];
        if (rowValues === undefined) continue;
        let cells: RowEdits | undefined;
        for (let c = 0; c < rowValues.length; c++) {
          const value = rowValues[c];
          // A hole in the block is no value (as forEach reads it).
          if (value === undefined && !(c in rowValues)) continue;
          cells ??= edits.at(block.row + r);
          editIn(cells, block.col + c).value = value;
        }
      }
    }
  }

  /** A style range's rows in [from, to). */
  range(edits: CellEdits, { range, style }: SheetPlan['styles'][number], from: number, to: number): void {
    for (let r = Math.max(range.row, from); r < Math.min(range.row + range.rowCount, to); r++) {
      const cells = edits.at(r);
      for (let c = range.col; c < range.col + range.colCount; c++) this.layOn(cells, c, style);
    }
  }

  layOn(cells: RowEdits, col: number, style: string): void {
    let alone = this.single.get(style);
    if (!alone) {
      if (!this.styles[style]) throw new Error(`The write plan names an unknown style "${style}".`);
      this.single.set(style, (alone = Object.freeze({ value: KEEP_VALUE, styles: Object.freeze([style]) })));
    }
    const edit = cells[col];
    if (!edit) cells[col] = alone;
    else if (edit.styles.length === 0 && !Object.isFrozen(edit)) edit.styles = alone.styles;
    else cells[col] = { value: edit.value, styles: [...edit.styles, style] };
  }
}

/** Rows in a band of edits: few enough for the band to die young, enough to make bands few. */
const BAND_ROWS = 1024;

/**
 * The plan's edits row by row, ascending, made a band of rows at a time and
 * let go after: a big sheet's million edits never all live at once (nor
 * survive the garbage collector's young generation to be copied on).
 *
 * With `spreadMerges` (a generated sheet's plan): a merged area shows its
 * first cell, but Excel draws each covered cell's own borders, so the covered
 * cells take the first cell's styles, as Excel does on merging.
 */
export class EditStream {
  private readonly builder: EditBuilder;
  private readonly width: number;
  private readonly lastBand: number;
  /** Per band, the style ranges reaching into it, in plan order. */
  private readonly rangesByBand: number[][] = [];
  /** Per band, the merges reaching into it (when spread), in plan order. */
  private readonly mergesByBand: CellRange[][] = [];
  /** The styles of merges that reach on into bands not yet made. */
  private readonly mergeStyles = new Map<CellRange, readonly string[]>();
  /** Per column style (its rows ascend, as the model has them): the next of its cells a band lays on. */
  private readonly columnNext: number[];
  private band = -1;
  private edits = new CellEdits();
  private rows: readonly number[] = [];
  private at = 0;

  constructor(
    private readonly plan: SheetPlan,
    styles: Record<string, CellStyle>,
    spreadMerges = false,
  ) {
    this.builder = new EditBuilder(styles);
    this.width = widthOf(plan);
    let last = -1;
    for (const block of plan.values) if (block.values.length > 0) last = Math.max(last, block.row + block.values.length - 1);
    plan.styles.forEach(({ range }, i) => {
      if (range.rowCount <= 0) return;
      const end = range.row + range.rowCount - 1;
      last = Math.max(last, end);
      for (let band = Math.floor(range.row / BAND_ROWS); band <= Math.floor(end / BAND_ROWS); band++) (this.rangesByBand[band] ??= []).push(i);
    });
    for (const merge of spreadMerges ? (plan.merges ?? []) : []) {
      if (merge.rowCount <= 0 || merge.colCount <= 0) continue;
      const end = merge.row + merge.rowCount - 1;
      last = Math.max(last, end);
      for (let band = Math.floor(merge.row / BAND_ROWS); band <= Math.floor(end / BAND_ROWS); band++) (this.mergesByBand[band] ??= []).push(merge);
    }
    const columns = plan.columnStyles ?? [];
    for (const { rows } of columns) if (rows.length > 0) last = Math.max(last, rows[rows.length - 1]);
    this.columnNext = columns.map(() => 0);
    this.lastBand = last < 0 ? -1 : Math.floor(last / BAND_ROWS);
  }

  /** The next edited row, or Infinity when there is none. */
  peek(): number {
    while (this.at >= this.rows.length) {
      if (this.band >= this.lastBand) return Infinity;
      this.makeBand(++this.band);
    }
    return this.rows[this.at];
  }

  /** The edits of the row peek() gave, moving on. */
  take(): RowEdits {
    this.peek();
    return this.edits.get(this.rows[this.at++]) as RowEdits;
  }

  private makeBand(band: number): void {
    const from = band * BAND_ROWS;
    const to = from + BAND_ROWS;
    const { builder, plan } = this;
    // The band before is written: let it go first, so that a collection while this one is made need not keep it.
    this.edits = new CellEdits();
    const edits = new CellEdits(this.width, from);
    builder.values(edits, plan, from, to);
    for (const i of this.rangesByBand[band] ?? []) builder.range(edits, plan.styles[i], from, to);
    (plan.columnStyles ?? []).forEach(({ col, rows, styles, names }, k) => {
      let next = this.columnNext[k];
      for (; next < rows.length && rows[next] < to; next++) builder.layOn(edits.at(rows[next]), col, names[styles[next]]);
      this.columnNext[k] = next;
    });
    for (const merge of this.mergesByBand[band] ?? []) this.spread(edits, merge, from, to);
    this.edits = edits;
    this.rows = edits.rows();
    this.at = 0;
  }

  /** The merge's top-left styles on its cells in rows [from, to): read there in the band of its top row, kept for the bands after. */
  private spread(edits: CellEdits, merge: CellRange, from: number, to: number): void {
    const end = merge.row + merge.rowCount;
    let styles = this.mergeStyles.get(merge);
    if (styles === undefined) {
      styles = edits.get(merge.row)?.[merge.col]?.styles ?? NO_STYLES;
      if (end > to) this.mergeStyles.set(merge, styles);
    } else if (end <= to) this.mergeStyles.delete(merge);
    if (styles.length === 0) return;
    for (let r = Math.max(merge.row, from); r < Math.min(end, to); r++) {
      for (let c = merge.col; c < merge.col + merge.colCount; c++) editAt(edits, r, c).styles = styles;
    }
  }
}

/** Where the plan's edits lie, as the rows and columns they reach; undefined when it edits nothing. */
export function editBounds(plan: SheetPlan): { top: number; left: number; bottom: number; right: number } | undefined {
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  const row = (r: number) => {
    if (r < 0) return;
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
  };
  const column = (c: number) => {
    left = Math.min(left, c);
    right = Math.max(right, c);
  };
  // Indexed loops over every value (a block is a row per measure): they run once, mostly before V8 optimises
  // them, where a callback per value costs several times as much. A hole is no value, as forEach reads it.
  for (const block of plan.values) {
    for (let r = 0; r < block.values.length; r++) {
      const rowValues = block.values[r];
      if (rowValues === undefined) continue;
      let first = -1;
      let last = -1;
      for (let c = 0; c < rowValues.length; c++) {
        if (!(c in rowValues)) continue;
        if (first < 0) first = c;
        last = c;
      }
      if (first < 0) continue;
      row(block.row + r);
      column(block.col + first);
      column(block.col + last);
    }
  }
  for (const { range } of plan.styles) {
    if (range.rowCount <= 0) continue;
    row(range.row);
    row(range.row + range.rowCount - 1);
    if (range.colCount > 0) {
      column(range.col);
      column(range.col + range.colCount - 1);
    }
  }
  for (const { col, rows } of plan.columnStyles ?? []) {
    if (rows.length === 0) continue;
    // The rows ascend (as the model has them): the first and last bound them.
    row(rows[0]);
    row(rows[rows.length - 1]);
    column(col);
  }
  return top === Infinity ? undefined : { top, left, bottom, right };
}

/** The cell format after laying the edit's styles over `baseXf`. */
export function styledXf(baseXf: number, edit: CellEdit, sheet: StyleSheet, styles: Record<string, CellStyle>): number {
  return sheet.layered(baseXf, edit.styles, styles);
}

export interface PlannedLink {
  row: number;
  col: number;
  target: string;
  text: string;
}

/** The internal links the plan writes, by row then column: a link a later block writes over is none. */
export function linksOf(plan: SheetPlan): PlannedLink[] {
  const links: PlannedLink[] = [];
  plan.values.forEach((block, b) => {
    block.values.forEach((rowValues, r) => {
      rowValues.forEach((value, c) => {
        if (value === null || !isPlanLink(value)) return;
        const row = block.row + r;
        const col = block.col + c;
        if (!plan.values.slice(b + 1).some((later) => col - later.col in (later.values[row - later.row] ?? []))) {
          links.push({ row, col, target: value.target, text: value.text });
        }
      });
    });
  });
  return links.sort((a, b) => a.row - b.row || a.col - b.col);
}
