/**
 * A sheet plan as per-cell edits: the value to write and the styles to lay
 * over, by row then column. A big plan edits a million cells, so each edit is
 * one small object (no wrapper for the value), the cells that only take one
 * style share one, and rows and cells are sparse arrays, not maps.
 */
import { type CellStyle, isPlanLink, type PlanValue, type SheetPlan } from '../../../model/plan';
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

/** The plan's edits by row: a sparse array indexed by row, so rows come in order without sorting. */
export class CellEdits {
  private readonly byRow: RowEdits[] = [];
  private sorted: number[] | undefined;

  /** `width`: the columns a row is made with room for (a row grown cell by cell would be reallocated on the way, and keep the slack). */
  constructor(private readonly width = 0) {}

  get(row: number): RowEdits | undefined {
    return this.byRow[row];
  }

  /** The row's edits, made empty when it has none. */
  at(row: number): RowEdits {
    let cells = this.byRow[row];
    if (!cells) {
      this.byRow[row] = cells = new Array<CellEdit>(this.width);
      this.sorted = undefined;
    }
    return cells;
  }

  /** The edited rows, ascending. */
  rows(): readonly number[] {
    if (!this.sorted) {
      const rows: number[] = [];
      for (let row = 0; row < this.byRow.length; row++) if (this.byRow[row] !== undefined) rows.push(row);
      this.sorted = rows;
    }
    return this.sorted;
  }

  get size(): number {
    return this.rows().length;
  }
}

const NO_STYLES: readonly string[] = Object.freeze([]);

/** The cell's edit, to change: a shared one (see collectEdits) is first replaced by a copy of its own. */
export function editAt(edits: CellEdits, row: number, col: number): CellEdit {
  return editIn(edits.at(row), col);
}

function editIn(cells: RowEdits, col: number): CellEdit {
  let edit = cells[col];
  if (!edit) cells[col] = edit = { value: KEEP_VALUE, styles: NO_STYLES };
  else if (Object.isFrozen(edit)) cells[col] = edit = { value: edit.value, styles: edit.styles };
  return edit;
}

/** The first and last columns a row edits; -1 when it edits none. */
export function firstColumnOf(cells: RowEdits): number {
  for (let col = 0; col < cells.length; col++) if (cells[col] !== undefined) return col;
  return -1;
}

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
  for (const block of plan.values) for (const row of block.values) width = Math.max(width, block.col + (row?.length ?? 0));
  for (const { range } of plan.styles) width = Math.max(width, range.col + range.colCount);
  for (const { col } of plan.columnStyles ?? []) width = Math.max(width, col + 1);
  return width;
}

export function collectEdits(plan: SheetPlan, styles: Record<string, CellStyle>): CellEdits {
  const edits = new CellEdits(widthOf(plan));
  for (const block of plan.values) {
    for (let r = 0; r < block.values.length; r++) {
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
  // Most cells get one style and keep their value: they share one frozen edit per style.
  const single = new Map<string, CellEdit>();
  const layOn = (cells: RowEdits, col: number, style: string) => {
    let alone = single.get(style);
    if (!alone) {
      if (!styles[style]) throw new Error(`The write plan names an unknown style "${style}".`);
      single.set(style, (alone = Object.freeze({ value: KEEP_VALUE, styles: Object.freeze([style]) })));
    }
    const edit = cells[col];
    if (!edit) cells[col] = alone;
    else if (edit.styles.length === 0 && !Object.isFrozen(edit)) edit.styles = alone.styles;
    else cells[col] = { value: edit.value, styles: [...edit.styles, style] };
  };
  for (const { range, style } of plan.styles) {
    for (let r = range.row; r < range.row + range.rowCount; r++) {
      const cells = edits.at(r);
      for (let c = range.col; c < range.col + range.colCount; c++) layOn(cells, c, style);
    }
  }
  for (const { col, rows, styles: names } of plan.columnStyles ?? []) {
    for (let i = 0; i < rows.length; i++) layOn(edits.at(rows[i]), col, names[i]);
  }
  return edits;
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

export function linksOf(edits: CellEdits): PlannedLink[] {
  const links: PlannedLink[] = [];
  for (const row of edits.rows()) {
    const cells = edits.get(row) as RowEdits;
    for (let col = 0; col < cells.length; col++) {
      const value = cells[col]?.value;
      if (value !== undefined && value !== KEEP_VALUE && value !== null && isPlanLink(value)) links.push({ row, col, target: value.target, text: value.text });
    }
  }
  return links;
}
