/**
 * Worksheet XML → grid rows, read with the XML cursor: numbers, shared and
 * inline strings (rich text joined), booleans, errors, formulas with their
 * cached values, and each cell's number format.
 *
 * Most cells of a sheet are written one way, <c r="B2" s="3" t="s"><v>19</v></c>:
 * those are read straight from their characters (plainCell, with the scanner
 * the patcher uses too), and everything else tag by tag with the cursor
 * (readCell), which reads any spelling XML allows.
 */
import { type Cell, type CellValue, cellOf } from '../../../model/grid';
import { WorkbookReadError } from '../errors';
import { columnOfRef, rowOfRef, shiftFormula } from './cell-refs';
import { CellPositions } from './cell-positions';
import { PlainTag } from './plain-tag';
import { DIGIT_0, DIGIT_9, isSpace, LETTER_A, LETTER_N, LETTER_S, LETTER_Z, SLASH } from './char-codes';
import { plainNumberAt } from './plain-number';
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
  /** Where its plain rows and cells lie, for the patcher. */
  positions: CellPositions;
}

/**
 * Slots of the table of figures' cells: a figure's cell is found by the
 * figure's bits, and a figure that lands on a taken slot takes it over (so
 * the table stays this size whatever the sheet holds). Enough for the few
 * thousand figures a sheet repeats; a lookup here costs a fraction of a Map's.
 */
const NUMBER_SLOTS = 1 << 14;
const numberBits = new Float64Array(1);
const numberWords = new Int32Array(numberBits.buffer);

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
  return new SheetReader(xml, part, sharedStrings, styles, budget).read();
}

class SheetReader {
  private readonly rows: (Cell | undefined)[][] = [];
  private readonly tableRelIds: string[] = [];
  private readonly cursor: XmlCursor;
  private readonly sharedFormulas = new Map<string, SharedFormula>();
  /** Text and figures repeat down a column (names, periods, 80, 42.5): one cell object per shared string, and per figure up to a bound. */
  private readonly stringCells: Cell[] = [];
  private readonly numberCells: (Cell | undefined)[] = new Array<Cell | undefined>(NUMBER_SLOTS);
  /** Each style's number format, looked up once: "" for General. */
  private readonly formats: string[] = [];
  private rowIndex = -1;
  private cells: (Cell | undefined)[] = [];
  /** The column of the last cell read in the row. */
  private col = -1;
  private readonly tag = new PlainTag();
  private readonly positions: CellPositions;

  constructor(
    private readonly xml: string,
    part: string,
    private readonly sharedStrings: readonly string[],
    private readonly styles: StyleSheet,
    private readonly budget: CellBudget,
  ) {
    this.cursor = new XmlCursor(xml, part);
    this.positions = new CellPositions(xml);
  }

  read(): SheetReading {
    const { cursor } = this;
    while (cursor.next()) {
      if (cursor.kind === 'close') continue;
      if (cursor.is('sheetData')) {
        const { start } = cursor;
        if (cursor.hasContent()) {
          this.readRows();
          // The rows end on </sheetData>: the patcher need not search for it.
          this.positions.sheetData = { start, closeStart: cursor.start, end: cursor.end };
        }
      } else if (cursor.is('tablePart')) {
        const id = cursor.attr('id', true);
        if (id !== undefined) this.tableRelIds.push(id);
      }
    }
    return { rows: this.rows, tableRelIds: this.tableRelIds, positions: this.positions };
  }

  /**
   * Width given to a new row: the last row's, when that row was mostly filled
   * (rows of a sheet are alike). A row grown cell by cell takes up to twice
   * the room its cells need; one made at its width takes just that.
   */
  private expectedWidth = 0;
  /** True while the current row is a new one made at expectedWidth: its length is a guess until it is trimmed. */
  private guessedWidth = false;

  private toRow(index: number): void {
    this.endRow();
    this.rowIndex = index;
    const existing = this.rows[index];
    this.guessedWidth = existing === undefined && this.expectedWidth > 0;
    this.cells = existing ?? (this.guessedWidth ? new Array<Cell | undefined>(this.expectedWidth) : []);
    this.rows[index] = this.cells;
  }

  /** Trims a row made at a guessed width to its last cell, and takes its width as the next guess. */
  private endRow(): void {
    const { cells } = this;
    let width = cells.length;
    while (width > 0 && cells[width - 1] === undefined) width--;
    if (this.guessedWidth && width < cells.length) cells.length = width;
    this.guessedWidth = false;
    let filled = 0;
    for (let col = 0; col < width; col++) if (cells[col] !== undefined) filled++;
    // A sparse row is no guide: a run of rows with one cell far to the right must not each be given that width.
    this.expectedWidth = 2 * filled >= width ? width : 0;
  }

  private readRows(): void {
    const { cursor, positions } = this;
    for (;;) {
      const rowEnd = this.plainRow(cursor.end);
      if (rowEnd >= 0) {
        cursor.seek(rowEnd);
        if (this.xml.charCodeAt(rowEnd - 2) === SLASH) continue;
        positions.beginRow(this.tag, rowEnd, this.rowIndex);
      } else {
        if (!cursor.child('sheetData')) break;
        if (!cursor.is('row')) {
          cursor.skip();
          continue;
        }
        const r = Number(cursor.attr('r') ?? this.rowIndex + 2) - 1;
        this.toRow(Number.isInteger(r) && r >= 0 ? r : this.rowIndex + 1);
        if (!cursor.hasContent()) continue;
      }
      this.col = -1;
      for (;;) {
        const end = this.plainCell(cursor.end);
        if (end >= 0) {
          cursor.seek(end);
          continue;
        }
        const close = this.rowEndTag(cursor.end);
        if (close >= 0) {
          positions.endRow(close - 6, close);
          cursor.seek(close);
          break;
        }
        positions.drop();
        if (!cursor.child('row')) break;
        if (cursor.is('c')) this.readCell();
        else cursor.skip();
      }
    }
    this.endRow();
  }

  /**
   * Moves to the row whose start tag is at `from` when the tag is plain (see
   * PlainTag) with r in digits, and returns where the tag ends; -1, without
   * moving, for any other spelling.
   */
  private plainRow(from: number): number {
    const { xml, tag } = this;
    const end = tag.startTag(xml, from, 'row');
    const r = end < 0 || tag.ref < 0 ? -1 : digitsAt(xml, tag.ref, tag.refEnd, 7);
    if (r <= 0) return -1;
    this.toRow(r - 1);
    return end;
  }

  /** Just past "</row>" when it is written at `from` (after any spaces); -1 otherwise. */
  private rowEndTag(from: number): number {
    const { xml } = this;
    let i = from;
    while (isSpace(xml.charCodeAt(i))) i++;
    return xml.startsWith('</row>', i) ? i + 6 : -1;
  }

  /**
   * Reads the cell after `from` when it is written the usual way (see
   * PlainTag) with r as letters and digits, s as digits, t absent, "n" or
   * "s", and no content or a <v> of a figure or a shared string's index.
   * Returns where the cell ends, or -1, without having changed anything, for
   * any other cell (readCell reads it).
   */
  private plainCell(from: number): number {
    const { xml, tag } = this;
    const end = tag.cell(xml, from);
    if (end < 0) return -1;
    let col = this.col + 1;
    let row = -1;
    if (tag.ref >= 0) {
      let i = tag.ref;
      let code = xml.charCodeAt(i);
      let letters = 0;
      for (; code >= LETTER_A && code <= LETTER_Z; code = xml.charCodeAt(++i)) letters = letters * 26 + code - 64;
      const digitsFrom = i;
      let digits = 0;
      for (; code >= DIGIT_0 && code <= DIGIT_9; code = xml.charCodeAt(++i)) digits = digits * 10 + code - DIGIT_0;
      if (i !== tag.refEnd || digitsFrom === tag.ref || digitsFrom - tag.ref > 3 || i === digitsFrom || i - digitsFrom > 7 || digits === 0) return -1;
      col = letters - 1;
      row = digits - 1;
    }
    const style = tag.style < 0 ? 0 : digitsAt(xml, tag.style, tag.styleEnd, 9);
    if (style < 0) return -1;
    let shared = false;
    if (tag.type >= 0) {
      const code = xml.charCodeAt(tag.type);
      if ((code !== LETTER_S && code !== LETTER_N) || tag.typeEnd !== tag.type + 1) return -1;
      shared = code === LETTER_S;
    }
    let value: CellValue = null;
    let index = -1;
    if (tag.text >= 0) {
      if (shared) {
        index = digitsAt(xml, tag.text, tag.textEnd, 9);
        if (index < 0) return -1;
        value = this.sharedStrings[index] ?? null;
      } else {
        value = plainNumberAt(xml, tag.text, tag.textEnd);
        if (Number.isNaN(value)) return -1;
      }
    }
    // A cell whose reference names another row: trust the reference.
    if (row >= 0 && row !== this.rowIndex) {
      this.positions.drop();
      this.toRow(row);
    }
    this.positions.cell(tag, end, col);
    this.col = col;
    if (value !== null) this.put(col, value, style, undefined, shared ? index : undefined);
    return end;
  }

  /** Reads the cell the cursor is on, whatever its spelling and content. */
  private readCell(): void {
    const { cursor, xml } = this;
    const ref = cursor.valueAt('r');
    let col = this.col + 1;
    if (ref >= 0) {
      const refEnd = cursor.valueEnd;
      const refCol = columnOfRef(xml, ref, refEnd);
      if (refCol >= 0) col = refCol;
      const refRow = rowOfRef(xml, ref, refEnd);
      // A cell whose reference names another row: trust the reference.
      if (refRow >= 0 && refRow !== this.rowIndex) this.toRow(refRow);
    }
    this.col = col;
    const type = cursor.attr('t') ?? 'n';
    const style = Number(cursor.attr('s') ?? 0);
    let valueText: string | undefined;
    let formulaText: string | undefined;
    let formulaType: string | undefined;
    let formulaIndex: string | undefined;
    let inlineText: string | undefined;
    if (cursor.skipTextChild('v')) {
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
    const formula = formulaType === undefined ? undefined : formulaOf(formulaText, formulaType, formulaIndex, this.rowIndex, col, this.sharedFormulas);
    const value = valueOf(type, valueText, inlineText, this.sharedStrings);
    if (value !== null || formula !== undefined) this.put(col, value, style, formula, type === 's' ? Number(valueText) : undefined, type === 'n');
  }

  /**
   * Puts a cell read in the row, counted. One without a format or formula of
   * its own takes the shared cell of its shared string (`shared`: the
   * string's index) or, when `figure`, of its number.
   */
  private put(col: number, value: CellValue, style: number, formula: string | undefined, shared: number | undefined, figure = true): void {
    this.countCell();
    const numberFormat = style > 0 ? this.formatOf(style) : undefined;
    if (numberFormat !== undefined || formula !== undefined) this.cells[col] = cellOf(value, numberFormat, formula);
    else if (shared !== undefined) this.cells[col] = this.stringCells[shared] ??= { value };
    else if (figure && typeof value === 'number') this.cells[col] = this.numberCell(value);
    else this.cells[col] = cellOf(value);
  }

  private countCell(): void {
    const { budget } = this;
    if (--budget.remaining < 0) {
      throw new WorkbookReadError(`the workbook has more than ${groupThousands(budget.limit)} cells; use --max-cells to raise the limit`);
    }
  }

  private formatOf(style: number): string | undefined {
    let format = this.formats[style];
    if (format === undefined) format = this.formats[style] = this.styles.numberFormatOf(style) ?? '';
    return format || undefined;
  }

  private numberCell(value: number): Cell {
    // -0 === 0: minus zero has a cell of its own.
    if (value === 0 && 1 / value < 0) return { value };
    numberBits[0] = value;
    let hash = numberWords[0] ^ numberWords[1];
    hash = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
    const slot = (hash ^ (hash >>> 16)) & (NUMBER_SLOTS - 1);
    let cell = this.numberCells[slot];
    if (cell === undefined || cell.value !== value) cell = this.numberCells[slot] = { value };
    return cell;
  }

}
/** The whole number written in xml[from, to) in at most `most` digits; -1 for anything else (none, a sign, a point, more digits). */
function digitsAt(xml: string, from: number, to: number, most: number): number {
  if (to <= from || to - from > most) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = xml.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) return -1;
    n = n * 10 + code - DIGIT_0;
  }
  return n;
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
