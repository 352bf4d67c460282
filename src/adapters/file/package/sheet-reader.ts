/**
 * Worksheet XML → grid rows, read with the XML cursor: numbers, shared and
 * inline strings (rich text joined), booleans, errors, formulas with their
 * cached values, and each cell's number format.
 */
import { type Cell, type CellValue, cellOf } from '../../../model/grid';
import { WorkbookReadError } from '../errors';
import { columnOfRef, rowOfRef, shiftFormula } from './cell-refs';
import type { StyleSheet } from './styles';
import { XmlCursor } from './xml-cursor';
import { unescapeXml } from './xml';
import { groupThousands } from '../../../core/shared/values';

export interface CellBudget {
  /** Cells still allowed across the workbook. */
  remaining: number;
  readonly limit: number;
}

export interface SheetReading {
  rows: (Cell | undefined)[][];
  /** Relationship ids of the sheet's table parts. */
  tableRelIds: string[];
}

/** Distinct figures whose cell objects are shared: enough for a sheet's repeats, bounded for one of all-different figures. */
const MAX_SHARED_NUMBERS = 1 << 16;

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** An ISO date (cells of type "d") as an Excel serial number. */
function isoToSerial(text: string): CellValue {
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(text);
  const time = Date.parse(/T/.test(text) || !/^\d{4}-\d\d-\d\d$/.test(text) ? (hasZone ? text : `${text}Z`) : `${text}T00:00:00Z`);
  return Number.isNaN(time) ? text : (time - EXCEL_EPOCH_UTC) / 86_400_000;
}

interface SharedFormula {
  formula: string;
  row: number;
  col: number;
}

export function readSheetXml(xml: string, part: string, sharedStrings: readonly string[], styles: StyleSheet, budget: CellBudget): SheetReading {
  const rows: (Cell | undefined)[][] = [];
  const tableRelIds: string[] = [];
  const sharedFormulas = new Map<string, SharedFormula>();
  const sharedCells: Cell[] = [];
  const numberCells = new Map<string, Cell>();
  const cursor = new XmlCursor(xml, part);
  let rowIndex = -1;
  let cells: (Cell | undefined)[] = [];
  const rowAtIndex = (index: number) => {
    rowIndex = index;
    cells = rows[index] ?? [];
    rows[index] = cells;
  };

  let valueText: string | undefined;

  const readCell = (colBefore: number): number => {
    const ref = cursor.valueAt('r');
    let col = colBefore + 1;
    if (ref >= 0) {
      const refEnd = cursor.valueEnd;
      const refCol = columnOfRef(xml, ref, refEnd);
      if (refCol >= 0) col = refCol;
      const refRow = rowOfRef(xml, ref, refEnd);
      // A cell whose reference names another row: trust the reference.
      if (refRow >= 0 && refRow !== rowIndex) rowAtIndex(refRow);
    }
    const type = cursor.attr('t') ?? 'n';
    const style = Number(cursor.attr('s') ?? 0);
    valueText = undefined;
    let formulaText: string | undefined;
    let formulaType: string | undefined;
    let formulaIndex: string | undefined;
    let inlineText: string | undefined;
    if (cursor.skipTextChild('v')) {
      // The usual cell, <c …><v>figure</v></c>, read in place.
      valueText = unescapeXml(xml.slice(cursor.textStart, cursor.textEnd));
    } else if (cursor.hasContent()) {
      while (cursor.child('c')) {
        if (cursor.is('v')) valueText = cursor.text();
        else if (cursor.is('f')) {
          formulaType = cursor.attr('t') ?? '';
          formulaIndex = cursor.attr('si');
          formulaText = cursor.text();
        } else if (cursor.is('is')) inlineText = cursor.richText('is');
        else cursor.skip();
      }
    }
    const formula = formulaType === undefined ? undefined : formulaOf(formulaText, formulaType, formulaIndex, rowIndex, col, sharedFormulas);
    const value = valueOf(type, valueText, inlineText, sharedStrings);
    if (value === null && formula === undefined) return col;
    if (--budget.remaining < 0) {
      throw new WorkbookReadError(`the workbook has more than ${groupThousands(budget.limit)} cells; use --max-cells to raise the limit`);
    }
    const numberFormat = style > 0 ? styles.numberFormatOf(style) : undefined;
    if (type === 's' && numberFormat === undefined && formula === undefined) {
      // Text repeats down a column (names, periods, polarities): one cell object per distinct string.
      const index = Number(valueText);
      cells[col] = sharedCells[index] ??= { value };
    } else if (type === 'n' && typeof value === 'number' && numberFormat === undefined && formula === undefined) {
      // Figures repeat too (80, 42.5): one cell object per distinct text, up to a bound on the distinct ones kept.
      const text = valueText as string;
      let cell = numberCells.get(text);
      if (!cell) {
        cell = { value };
        if (numberCells.size < MAX_SHARED_NUMBERS) numberCells.set(text, cell);
      }
      cells[col] = cell;
    } else {
      cells[col] = cellOf(value, numberFormat, formula);
    }
    return col;
  };

  const readRows = () => {
    while (cursor.child('sheetData')) {
      if (!cursor.is('row')) {
        cursor.skip();
        continue;
      }
      const r = Number(cursor.attr('r') ?? rowIndex + 2) - 1;
      rowAtIndex(Number.isInteger(r) && r >= 0 ? r : rowIndex + 1);
      if (!cursor.hasContent()) continue;
      let col = -1;
      while (cursor.child('row')) {
        if (cursor.is('c')) col = readCell(col);
        else cursor.skip();
      }
    }
  };

  while (cursor.next()) {
    if (cursor.kind === 'close') continue;
    if (cursor.is('sheetData')) {
      if (cursor.hasContent()) readRows();
    } else if (cursor.is('tablePart')) {
      const id = cursor.attr('id', true);
      if (id !== undefined) tableRelIds.push(id);
    }
  }
  return { rows, tableRelIds };
}

function valueOf(type: string, text: string | undefined, inline: string | undefined, sharedStrings: readonly string[]): CellValue {
  switch (type) {
    case 's':
      return text === undefined || text === '' ? null : (sharedStrings[Number(text)] ?? null);
    case 'inlineStr':
      return inline ?? text ?? null;
    case 'str':
      return text ?? null;
    case 'b':
      return text === undefined || text === '' ? null : text.trim() === '1' || text.trim().toLowerCase() === 'true';
    case 'e':
      return text === undefined ? null : { error: text };
    case 'd':
      return text === undefined || text === '' ? null : isoToSerial(text);
    default: {
      if (text === undefined || text.trim() === '') return null;
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
  }
}

function formulaOf(
  text: string | undefined,
  type: string,
  sharedIndex: string | undefined,
  row: number,
  col: number,
  shared: Map<string, SharedFormula>,
): string | undefined {
  const formula = text?.startsWith('=') ? text.slice(1) : text;
  if (type !== 'shared' || sharedIndex === undefined) return formula || undefined;
  if (formula) {
    shared.set(sharedIndex, { formula, row, col });
    return formula;
  }
  const master = shared.get(sharedIndex);
  return master ? shiftFormula(master.formula, row - master.row, col - master.col) : undefined;
}
