/**
 * A sheet plan as per-cell edits: the value to write and the styles to lay
 * over, by row then column. A big plan edits a million cells, so each edit is
 * one small object: no wrapper for the value, and the one-style list most
 * cells get is shared between them.
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

export type CellEdits = Map<number, RowEdits>;

const NO_STYLES: readonly string[] = Object.freeze([]);

/** The cell's edit, to change: a shared one (see collectEdits) is first replaced by a copy of its own. */
export function editAt(edits: CellEdits, row: number, col: number): CellEdit {
  let cells = edits.get(row);
  if (!cells) edits.set(row, (cells = []));
  let edit = cells[col];
  if (!edit) cells[col] = edit = { value: KEEP_VALUE, styles: NO_STYLES };
  else if (Object.isFrozen(edit)) cells[col] = edit = { value: edit.value, styles: edit.styles };
  return edit;
}

/** The columns a row edits, ascending, in `into` (reused from row to row). */
export function columnsOf(cells: RowEdits, into: number[]): number[] {
  into.length = 0;
  for (let col = 0; col < cells.length; col++) if (cells[col] !== undefined) into.push(col);
  return into;
}

/** The rows edited, ascending. */
export function editedRows(edits: CellEdits): number[] {
  const rows = [...edits.keys()];
  for (let i = 1; i < rows.length; i++) if (rows[i] < rows[i - 1]) return rows.sort((a, b) => a - b);
  return rows;
}

export function collectEdits(plan: SheetPlan, styles: Record<string, CellStyle>): CellEdits {
  const edits: CellEdits = new Map();
  for (const block of plan.values) {
    block.values.forEach((rowValues, r) => {
      rowValues.forEach((value, c) => {
        editAt(edits, block.row + r, block.col + c).value = value;
      });
    });
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
  const rowEdits = (row: number) => {
    let cells = edits.get(row);
    if (!cells) edits.set(row, (cells = []));
    return cells;
  };
  for (const { range, style } of plan.styles) {
    for (let r = range.row; r < range.row + range.rowCount; r++) {
      const cells = rowEdits(r);
      for (let c = range.col; c < range.col + range.colCount; c++) layOn(cells, c, style);
    }
  }
  for (const { col, rows, styles: names } of plan.columnStyles ?? []) {
    for (let i = 0; i < rows.length; i++) layOn(rowEdits(rows[i]), col, names[i]);
  }
  return edits;
}

/** The cell format after laying the edit's styles over `baseXf`. */
export function styledXf(baseXf: number, edit: CellEdit, sheet: StyleSheet, styles: Record<string, CellStyle>): number {
  let xf = baseXf;
  for (const name of edit.styles) xf = sheet.overlay(xf, name, styles[name]);
  return xf;
}

export interface PlannedLink {
  row: number;
  col: number;
  target: string;
  text: string;
}

export function linksOf(edits: CellEdits): PlannedLink[] {
  const links: PlannedLink[] = [];
  for (const [row, cells] of edits) {
    cells.forEach(({ value }, col) => {
      if (value !== KEEP_VALUE && value !== null && isPlanLink(value)) links.push({ row, col, target: value.target, text: value.text });
    });
  }
  return links.sort((a, b) => a.row - b.row || a.col - b.col);
}
