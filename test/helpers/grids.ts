/** Grids written by hand: what an adapter would give the core. */
import type { Cell, SheetGrid, WorkbookGrids } from '../../src/model/grid';

/** A value, or a full cell (e.g. `{ value: 0.45, numberFormat: '0%' }`). */
export type GridValue = string | number | boolean | null | undefined | Cell;

export function sheetGrid(name: string, rows: GridValue[][]): SheetGrid {
  return {
    name,
    rows: rows.map((row) => row.map((v): Cell | undefined => (v === null || v === undefined || v === '' ? undefined : typeof v === 'object' ? v : { value: v }))),
    tables: [],
  };
}

export function workbook(...sheets: SheetGrid[]): WorkbookGrids {
  return { sheets };
}

/** A sheet carrying Ragbook's mark, as an adapter reads one of Ragbook's own sheets. */
export function generatedSheetGrid(name: string, rows: GridValue[][]): SheetGrid {
  return { ...sheetGrid(name, rows), marks: { generated: true } };
}
