/** A sheet plan as per-cell edits: the value to write and the styles to lay over, by row then column. */
import { type CellStyle, isPlanLink, type PlanValue, type SheetPlan } from '../../../model/plan';
import type { StyleSheet } from './styles';

export interface CellEdit {
  /** Present when the plan writes a value here (null clears the cell). */
  value?: { is: PlanValue };
  /** Style names in plan order; later ones are laid over earlier ones. */
  styles: string[];
}

/** One row's edits: a sparse array indexed by column (faster than a Map for a million cells). */
export type RowEdits = CellEdit[];

export type CellEdits = Map<number, RowEdits>;

export function editAt(edits: CellEdits, row: number, col: number): CellEdit {
  let cells = edits.get(row);
  if (!cells) edits.set(row, (cells = []));
  let edit = cells[col];
  if (!edit) cells[col] = edit = { styles: [] };
  return edit;
}

/** The columns a row edits, ascending. */
export function editedColumns(cells: RowEdits): number[] {
  const cols: number[] = [];
  cells.forEach((_, col) => cols.push(col));
  return cols;
}

export function collectEdits(plan: SheetPlan, styles: Record<string, CellStyle>): CellEdits {
  const edits: CellEdits = new Map();
  for (const block of plan.values) {
    block.values.forEach((rowValues, r) => {
      rowValues.forEach((value, c) => {
        editAt(edits, block.row + r, block.col + c).value = { is: value };
      });
    });
  }
  for (const { range, style } of plan.styles) {
    if (!styles[style]) throw new Error(`The write plan names an unknown style "${style}".`);
    for (let r = 0; r < range.rowCount; r++) {
      for (let c = 0; c < range.colCount; c++) {
        const edit = editAt(edits, range.row + r, range.col + c);
        // Most cells get one style: an array of exactly one, where a push onto an empty array reserves room for 17.
        if (edit.styles.length === 0) edit.styles = [style];
        else edit.styles.push(style);
      }
    }
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
    cells.forEach((edit, col) => {
      const value = edit.value?.is;
      if (value !== undefined && value !== null && isPlanLink(value)) links.push({ row, col, target: value.target, text: value.text });
    });
  }
  return links.sort((a, b) => a.row - b.row || a.col - b.col);
}
