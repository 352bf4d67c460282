/**
 * Worksheet XML → grid rows, streamed through saxes: numbers, shared and
 * inline strings (rich text joined), booleans, errors, formulas with their
 * cached values, and each cell's number format.
 */
import type { Cell, CellValue } from '../../../model/grid';
import { WorkbookReadError } from '../errors';
import { columnOfRef, rowOfRef, shiftFormula } from './cell-refs';
import type { StyleSheet } from './styles';
import { parseXml } from './xml';

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

  let inSheetData = false;
  let rowIndex = -1;
  let cells: (Cell | undefined)[] = [];
  let colIndex = -1;
  // The cell being read.
  let type = '';
  let style = 0;
  let valueText: string | undefined;
  let formulaText: string | undefined;
  let formulaAttrs: Record<string, string> | undefined;
  let inlineText: string | undefined;
  // What text events are collected into: 'v', 'f', 't' (inline string) or none.
  let collecting = '';
  let inPhonetic = false;

  parseXml(xml, part, {
    open(name, a) {
      switch (name) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row': {
          const r = a.r === undefined ? rowIndex + 1 : Number(a.r) - 1;
          rowIndex = Number.isInteger(r) && r >= 0 ? r : rowIndex + 1;
          cells = rows[rowIndex] ?? [];
          rows[rowIndex] = cells;
          colIndex = -1;
          break;
        }
        case 'c': {
          if (!inSheetData) break;
          const ref = a.r;
          const col = ref === undefined ? -1 : columnOfRef(ref);
          colIndex = col >= 0 ? col : colIndex + 1;
          if (ref !== undefined && rowOfRef(ref) >= 0 && rowOfRef(ref) !== rowIndex) {
            // A cell whose reference names another row: trust the reference.
            rowIndex = rowOfRef(ref);
            cells = rows[rowIndex] ?? [];
            rows[rowIndex] = cells;
          }
          type = a.t ?? 'n';
          style = a.s === undefined ? 0 : Number(a.s);
          valueText = undefined;
          formulaText = undefined;
          formulaAttrs = undefined;
          inlineText = undefined;
          break;
        }
        case 'v':
          if (!inSheetData) break;
          collecting = 'v';
          valueText = '';
          break;
        case 'f':
          if (!inSheetData) break;
          collecting = 'f';
          formulaText = '';
          formulaAttrs = a;
          break;
        case 'is':
          if (inSheetData) inlineText = '';
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          if (inSheetData && inlineText !== undefined && !inPhonetic) collecting = 't';
          break;
        case 'tablePart':
          for (const [key, value] of Object.entries(a)) if (key === 'id' || key.endsWith(':id')) tableRelIds.push(value);
          break;
      }
    },
    text(text) {
      if (collecting === 'v') valueText += text;
      else if (collecting === 'f') formulaText += text;
      else if (collecting === 't') inlineText += text;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 'f':
        case 't':
          collecting = '';
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'sheetData':
          inSheetData = false;
          break;
        case 'c': {
          if (!inSheetData) break;
          const formula = formulaOf(formulaText, formulaAttrs, rowIndex, colIndex, sharedFormulas);
          const value = valueOf(type, valueText, inlineText, sharedStrings);
          if (value === null && formula === undefined) break;
          if (--budget.remaining < 0) {
            throw new WorkbookReadError(`the workbook has more than ${budget.limit.toLocaleString('en-GB')} cells; use --max-cells to raise the limit`);
          }
          const cell: Cell = { value };
          const numberFormat = style > 0 ? styles.numberFormatOf(style) : undefined;
          if (numberFormat !== undefined) cell.numberFormat = numberFormat;
          if (formula !== undefined) cell.formula = formula;
          cells[colIndex] = cell;
          break;
        }
      }
    },
  });
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
  attrs: Record<string, string> | undefined,
  row: number,
  col: number,
  shared: Map<string, SharedFormula>,
): string | undefined {
  if (attrs === undefined) return undefined;
  const formula = text?.startsWith('=') ? text.slice(1) : text;
  if (attrs.t !== 'shared' || attrs.si === undefined) return formula || undefined;
  if (formula) {
    shared.set(attrs.si, { formula, row, col });
    return formula;
  }
  const master = shared.get(attrs.si);
  return master ? shiftFormula(master.formula, row - master.row, col - master.col) : undefined;
}
