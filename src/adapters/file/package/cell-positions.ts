/**
 * Where the reader found each row and plain cell of a sheet's XML, kept so
 * that the patcher, writing the same XML with the plan's edits, finds them
 * without scanning the rows a second time: the sheet is tokenized once, on
 * reading. A row is kept only when all of it was read plainly (a PlainTag
 * start tag, every cell a PlainTag cell in its own row, then "</row>"); the
 * patcher reads any other row itself, as it would without positions.
 */
import type { PlainTag } from './plain-tag';
import { emptyCellFormat, type KnownEnd } from './worksheet-xml';

/**
 * Int32 words per cell: its start, then its length and column, then the
 * offsets from its start of its r and s values and its start tag's close,
 * with the values' lengths (see cell()). Three words, not four: a sheet of
 * 10,000 measures has 200,000 cells, and every word of theirs is fresh memory.
 */
const CELL_WORDS = 3;
const ROW_WORDS = 9;
/**
 * A row's fields, in order: its start tag's "<" and end, its first cell, its
 * "</row>" and end, its index, its spans attribute (from the name to the
 * closing quote, -1 when none) and the format it gives its empty cells (-1
 * when none).
 */
const ROW_START = 0;
const ROW_OPEN_END = 1;
const ROW_FIRST_CELL = 2;
const ROW_CLOSE_START = 3;
const ROW_END = 4;
const ROW_INDEX = 5;
const ROW_SPANS = 6;
const ROW_SPANS_END = 7;
const ROW_FORMAT = 8;

/** Where one cell of a kept row lies, as the patcher takes it (all positions in the sheet's XML). */
export interface CellPlace {
  start: number;
  end: number;
  col: number;
  /** The ">" or "/>" of its start tag. */
  tagClose: number;
  /** Its r and s values, -1 when absent. */
  ref: number;
  refEnd: number;
  style: number;
  styleEnd: number;
}

export class CellPositions {
  private cells: Int32Array;
  private cellCount = 0;
  private rows: Int32Array;
  private keptRows = 0;
  /** The row being read: where it starts in `rows`, or -1 when it cannot be kept. */
  private open = -1;
  /** Where <sheetData> starts, its end tag starts and it ends, once the reader has been through it. */
  sheetData: KnownEnd | undefined;

  constructor(
    /** The XML the positions are in: they hold for that text only. */
    readonly xml: string,
  ) {
    // A plain cell takes at least 20 characters. Typed arrays are zeroed by the system lazily: room not
    // written to is not memory used.
    this.cells = new Int32Array(Math.max(64, Math.ceil(xml.length / 20)) * CELL_WORDS);
    this.rows = new Int32Array(256 * ROW_WORDS);
  }

  /** Row `index`, whose start tag the tag has just read, ending at `openEnd`, has content: its cells come next. */
  beginRow(tag: PlainTag, openEnd: number, index: number): void {
    if (this.rows.length < (this.keptRows + 1) * ROW_WORDS) this.rows = grown(this.rows);
    const at = this.keptRows * ROW_WORDS;
    this.rows[at + ROW_START] = tag.start;
    this.rows[at + ROW_OPEN_END] = openEnd;
    this.rows[at + ROW_FIRST_CELL] = this.cellCount;
    this.rows[at + ROW_INDEX] = index;
    this.rows[at + ROW_SPANS] = tag.spans;
    this.rows[at + ROW_SPANS_END] = tag.spansEnd;
    this.rows[at + ROW_FORMAT] = emptyCellFormat(this.xml, tag.customFormat, tag.customFormatEnd, tag.style, tag.styleEnd);
    this.open = at;
  }

  /** The plain cell the tag has just read, ending at `end`, in column `col`. */
  cell(tag: PlainTag, end: number, col: number): void {
    if (this.open < 0) return;
    const { start } = tag;
    const refOffset = tag.ref < 0 ? 0 : tag.ref - start;
    const styleOffset = tag.style < 0 ? 0 : tag.style - start;
    const refLength = tag.refEnd - tag.ref;
    const styleLength = tag.styleEnd - tag.style;
    const closeOffset = tag.tagClose - start;
    const length = end - start;
    // Packed in half-words, bytes and half-bytes (a plain cell's r has at most 10 characters, its s 9 digits):
    // a cell written longer is not kept.
    if ((refOffset | styleOffset | closeOffset) > 0xff || (refLength | styleLength) > 0xf || (length | col) > 0xffff) {
      this.drop();
      return;
    }
    if (this.cells.length < (this.cellCount + 1) * CELL_WORDS) this.cells = grown(this.cells);
    const at = this.cellCount++ * CELL_WORDS;
    this.cells[at] = start;
    this.cells[at + 1] = length | (col << 16);
    this.cells[at + 2] = refOffset | (styleOffset << 8) | (closeOffset << 16) | (refLength << 24) | (styleLength << 28);
  }

  /** The row read is not kept (a cell read otherwise, a cell naming another row). */
  drop(): void {
    if (this.open < 0) return;
    this.cellCount = this.rows[this.open + ROW_FIRST_CELL];
    this.open = -1;
  }

  /** The row read ends with "</row>" at [closeStart, end). */
  endRow(closeStart: number, end: number): void {
    if (this.open < 0) return;
    this.rows[this.open + ROW_CLOSE_START] = closeStart;
    this.rows[this.open + ROW_END] = end;
    this.keptRows++;
    this.open = -1;
  }

  /** The kept row whose start tag is at `start`; -1 when that row was not kept. */
  rowAt(start: number): number {
    // Rows were kept in the order of the text.
    let low = 0;
    let high = this.keptRows - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = this.rows[middle * ROW_WORDS + ROW_START];
      if (at === start) return middle;
      if (at < start) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** The number of rows kept; their starts, in the order of the text. */
  get rowCount(): number {
    return this.keptRows;
  }

  rowStart(row: number): number {
    return this.rows[row * ROW_WORDS + ROW_START];
  }

  rowIndex(row: number): number {
    return this.rows[row * ROW_WORDS + ROW_INDEX];
  }

  /** Its spans attribute, from the name to the closing quote; -1 when it has none. */
  spans(row: number): number {
    return this.rows[row * ROW_WORDS + ROW_SPANS];
  }

  spansEnd(row: number): number {
    return this.rows[row * ROW_WORDS + ROW_SPANS_END];
  }

  /** The format the row gives its empty cells (customFormat="1" s="…"); -1 when none. */
  rowFormat(row: number): number {
    return this.rows[row * ROW_WORDS + ROW_FORMAT];
  }

  /** Where the row's start tag ends, its first cell and the one after its last, and its "</row>". */
  openEnd(row: number): number {
    return this.rows[row * ROW_WORDS + ROW_OPEN_END];
  }

  firstCell(row: number): number {
    return this.rows[row * ROW_WORDS + ROW_FIRST_CELL];
  }

  cellsEnd(row: number): number {
    return row + 1 < this.keptRows ? this.rows[(row + 1) * ROW_WORDS + ROW_FIRST_CELL] : this.cellCount;
  }

  closeStart(row: number): number {
    return this.rows[row * ROW_WORDS + ROW_CLOSE_START];
  }

  rowEnd(row: number): number {
    return this.rows[row * ROW_WORDS + ROW_END];
  }

  /** Cell `i`'s place, into `place` (reused: no object per cell). */
  place(i: number, place: CellPlace): void {
    const at = i * CELL_WORDS;
    const start = this.cells[at];
    const sized = this.cells[at + 1];
    const offsets = this.cells[at + 2];
    place.start = start;
    place.end = start + (sized & 0xffff);
    place.col = sized >>> 16;
    place.tagClose = start + ((offsets >>> 16) & 0xff);
    const refOffset = offsets & 0xff;
    const styleOffset = (offsets >>> 8) & 0xff;
    place.ref = refOffset === 0 ? -1 : start + refOffset;
    place.refEnd = refOffset === 0 ? -1 : place.ref + ((offsets >>> 24) & 0xf);
    place.style = styleOffset === 0 ? -1 : start + styleOffset;
    place.styleEnd = styleOffset === 0 ? -1 : place.style + (offsets >>> 28);
  }
}

function grown(words: Int32Array): Int32Array {
  const more = new Int32Array(words.length + (words.length >> 1));
  more.set(words);
  return more;
}
