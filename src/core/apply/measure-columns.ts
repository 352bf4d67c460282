/**
 * The plan for the user's measures sheet: fills on every actual cell, and the
 * Status and Direction of travel columns beside the data.
 */
import type { SheetGrid } from '../../model/grid';
import type { PlanValue, SheetPlan, StyledRange, ValueBlock } from '../../model/plan';
import { directionLabel } from '../measures/status';
import type { Evaluation, MeasuresAnalysis, MeasuresSource } from '../measures/types';
import { cellText } from '../shared/values';

/** Fills per run of same-styled cells down each column: one range per run, never one per cell. */
export function fillRuns(cells: { row: number; col: number; style: string }[]): StyledRange[] {
  // Grouped by column first: a column's cells mostly come in row order already, so sorting each is cheap
  // where one sort of a million cells by column and row is not.
  const byColumn = new Map<number, { row: number; style: string }[]>();
  for (const { row, col, style } of cells) {
    const column = byColumn.get(col);
    if (column) column.push({ row, style });
    else byColumn.set(col, [{ row, style }]);
  }
  const runs: StyledRange[] = [];
  for (const col of [...byColumn.keys()].sort((a, b) => a - b)) {
    let last: StyledRange | undefined;
    for (const { row, style } of byColumn.get(col)!.sort((a, b) => a.row - b.row)) {
      if (last && last.style === style && last.range.row + last.range.rowCount === row) last.range.rowCount++;
      else runs.push((last = { range: { row, col, rowCount: 1, colCount: 1 }, style }));
    }
  }
  return runs;
}

/** Two free columns right of the data (Ragbook's own from an earlier run, else the first empty pair). */
function statusColumns(sheet: SheetGrid | undefined, source: MeasuresSource): [number, number] {
  if (source.own.status !== undefined) return [source.own.status, source.own.direction ?? source.own.status + 1];
  const rows = [source.headerRow, ...source.dataRows];
  const empty = (col: number) => rows.every((r) => cellText(sheet?.rows[r]?.[col]) === '');
  let col = source.lastDataCol + 1;
  while (!(empty(col) && empty(col + 1))) col++;
  return [col, col + 1];
}

export function measureSheetPlan(analysis: MeasuresAnalysis, sheet: SheetGrid | undefined): SheetPlan | undefined {
  const source = analysis.source;
  if (!source) return undefined;
  const fills: { row: number; col: number; style: string }[] = [];
  const rowsEvaluated = new Map<number, Evaluation>();
  for (const { evaluations, current, measure } of analysis.measures) {
    for (const e of evaluations) {
      const { row, col } = e.observation;
      if (row === undefined || col === undefined) continue;
      if (e.style) fills.push({ row, col, style: e.style });
      if (source.layout === 'long') rowsEvaluated.set(row, e);
    }
    if (source.layout === 'wide') rowsEvaluated.set(measure.source.row, current);
  }

  const [statusCol, directionCol] = statusColumns(sheet, source);
  const headerSuffix = source.layout === 'wide' ? analysis.period ?? 'the period' : 'the period';
  const values: ValueBlock[] = [{ row: source.headerRow, col: statusCol, values: [[`Status for ${headerSuffix}`, `Direction of travel for ${headerSuffix}`]] }];
  const labelCells: { row: number; col: number; style: string }[] = [];
  for (const [row, e] of [...rowsEvaluated.entries()].sort((a, b) => a[0] - b[0])) {
    // Consecutive rows share one block, so the live workbook gets one write per block.
    const last = values.at(-1);
    const rowValues: PlanValue[] = [e.label, directionLabel(e.direction)];
    if (last && last.row + last.values.length === row) last.values.push(rowValues);
    else values.push({ row, col: statusCol, values: [rowValues] });
    if (e.style) labelCells.push({ row, col: statusCol, style: e.style });
  }
  return {
    name: source.sheet,
    mode: 'existing',
    values,
    styles: [{ range: { row: source.headerRow, col: statusCol, rowCount: 1, colCount: 2 }, style: 'header' }, ...fillRuns([...fills, ...labelCells])],
    columnWidths: { [statusCol]: 22, [directionCol]: 34 },
  };
}
