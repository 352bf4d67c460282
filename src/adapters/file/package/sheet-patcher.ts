/**
 * Executes a plan on one of the user's worksheets by editing its XML: only
 * the cells the plan touches are written anew, in one pass over the rows;
 * every other byte of the sheet is copied as it was, in runs as long as they
 * go on, straight into the part's bytes.
 */
import { cellAddress, rangeAddress } from '../../../model/address';
import type { CellStyle, SheetPlan } from '../../../model/plan';
import { columnOfRef, rowOfRef } from './cell-refs';
import { type CellEdit, columnsOf, editBounds, EditStream, KEEP_VALUE, linksOf, type RowEdits, styledXf } from './cell-edits';
import { writeCell, writeCellRef } from './cell-markup';
import type { StyleSheet } from './styles';
import { childElements, colsWithWidths, columnStyle, emptyCellFormat, hyperlinkXml, putWorksheetElement, readColumns, type TopLevelElement, topLevelElements } from './worksheet-xml';
import { attrOf, declaredUtf8, withAttr } from './xml';
import { XmlCursor } from './xml-cursor';
import { DOUBLE_QUOTE, GT, isSpace, SLASH } from './char-codes';
import { ByteWriter } from './byte-writer';
import { numberAt } from './plain-number';
import { PlainTag } from './plain-tag';
import type { SheetBytes } from './parts';
import { withPageFit } from './sheet-writer';
import { type CellPlace, CellPositions } from './cell-positions';
import { RowsDeflater } from './zip';

export interface PatchResult extends SheetBytes {
  /** True when a cell that held a formula was overwritten (the calculation chain is then stale). */
  overwroteFormula: boolean;
}

/**
 * `positions`, where the reader found the sheet's rows and cells, spare the patcher reading them again when they are of this very text.
 * `spare`: memory nothing else reads any more (the bytes the sheet was read from), to write the patched sheet into when it has room.
 */
export function patchExistingSheet(xml: string, part: string, plan: SheetPlan, styles: StyleSheet, planStyles: Record<string, CellStyle>, positions?: CellPositions, spare?: Uint8Array): PatchResult {
  if (plan.merges?.length || plan.freeze || plan.tabColour || plan.charts?.length) {
    throw new Error(`The write plan asks for merges, panes, a tab colour or charts on the user's sheet "${plan.name}"; Ragbook only adds those to its own sheets.`);
  }
  const bounds = editBounds(plan);
  const kept = positions?.xml === xml ? positions : undefined;
  const { prefix: p, elements } = topLevelElements(xml, part, kept?.sheetData);
  const cols = elements.find((e) => e.name === 'cols');
  const sheetData = elements.find((e) => e.name === 'sheetData');
  if (bounds && !sheetData) throw new Error(`The worksheet "${plan.name}" has no sheetData.`);
  const columns = readColumns(cols && xml.slice(cols.start, cols.end), part);

  // The rows are nearly all of a big sheet: the other elements are edited on the sheet without them
  // (a small string), and the rows are put back once at the end, instead of every edit copying them.
  // The part is written as UTF-8 whatever it was read from, and says so.
  const prefix = sheetData?.prefix ?? p;
  const placeholder = `<${prefix}sheetData/>`;
  let skeleton = declaredUtf8(sheetData ? xml.slice(0, sheetData.start) + placeholder + xml.slice(sheetData.end) : xml);
  if (bounds) skeleton = withDimension(skeleton, part, bounds);
  if (plan.columnWidths && Object.keys(plan.columnWidths).length > 0) {
    skeleton = putWorksheetElement(skeleton, 'cols', colsWithWidths(p, columns, plan.columnWidths));
  }
  const links = linksOf(plan);
  if (links.length > 0) skeleton = withHyperlinks(skeleton, part, p, links);
  if (plan.page) skeleton = withPageFit(skeleton, plan.page);
  if (!sheetData) {
    const bytes = new TextEncoder().encode(skeleton);
    return { ...sheetBytesOf(bytes, bytes.length, bytes.length), overwroteFormula: false };
  }

  const at = topLevelElements(skeleton, part).elements.find((e) => e.name === 'sheetData') as TopLevelElement;
  const out = new ByteWriter(xml.length + skeleton.length + growthOf(plan, bounds ? bounds.bottom - bounds.top + 1 : 0), spare);
  out.slice(skeleton, 0, at.start);
  const sheetDataAt = out.length;
  let deflater = new RowsDeflater(sheetDataAt);
  if (!bounds) {
    out.slice(xml, sheetData.start, sheetData.end);
    const sheetDataEnd = out.length;
    const rowsDeflating = deflater.finish(out);
    out.slice(skeleton, at.end, skeleton.length);
    return { ...sheetBytesOf(out.bytes(), sheetDataAt, sheetDataEnd, rowsDeflating), overwroteFormula: false };
  }
  const rows = (): RowPatcher => new RowPatcher(xml, part, prefix, new EditStream(plan, planStyles), { styles, planStyles, columns }, out, kept, deflater);
  let patcher = rows();
  if (sheetData.selfClosing) {
    out.write(`${xml.slice(sheetData.start, sheetData.openEnd - 2).trimEnd()}>`);
    patcher.addRemainingRows();
    out.write(`</${prefix}sheetData>`);
  } else {
    out.slice(xml, sheetData.start, sheetData.openEnd);
    const mark = out.length;
    if (!patcher.patchInOrder(sheetData.openEnd, sheetData.closeStart)) {
      // Files from other tools may list rows out of order: then they are found first and written in row order.
      out.rewind(mark);
      deflater = new RowsDeflater(sheetDataAt);
      patcher = rows();
      patcher.patchSorted(rowsOf(xml, sheetData, part), sheetData.closeStart);
    }
    out.slice(xml, sheetData.closeStart, sheetData.end);
  }
  const sheetDataEnd = out.length;
  const rowsDeflating = deflater.finish(out);
  out.slice(skeleton, at.end, skeleton.length);
  return { ...sheetBytesOf(out.bytes(), sheetDataAt, sheetDataEnd, rowsDeflating), overwroteFormula: patcher.overwroteFormula };
}

/** A worksheet written whole as UTF-8 `bytes`, its <sheetData> at [sheetDataAt, sheetDataEnd) (both its length when it has none), as the pieces it is kept in. */
function sheetBytesOf(bytes: Uint8Array, sheetDataAt: number, sheetDataEnd: number, rowsDeflating?: Promise<Uint8Array[]>): SheetBytes {
  return { head: bytes.subarray(0, sheetDataAt), rows: bytes.subarray(sheetDataAt, sheetDataEnd), tail: bytes.subarray(sheetDataEnd), rowsDeflating };
}

/** About what the plan adds to the sheet's bytes: a new cell's markup, a format's digits, a row's rewritten tags. */
function growthOf(plan: SheetPlan, rows: number): number {
  let values = 0;
  for (const block of plan.values) for (const row of block.values) values += row?.length ?? 0;
  let styled = 0;
  for (const { range } of plan.styles) styled += range.rowCount * range.colCount;
  for (const { rows: styledRows } of plan.columnStyles ?? []) styled += styledRows.length;
  return values * 64 + styled * 4 + rows * 16;
}

/** A row of the sheet: its index, where its element lies, and where the text before it (whitespace, comments) starts. */
interface RowSpan {
  index: number;
  from: number;
  start: number;
  end: number;
}

/** The 0-based index of the row at the cursor; as the reader does, a row without a usable number follows the one before. */
function rowIndexAt(cursor: XmlCursor, previous: number): number {
  const r = cursor.valueAt('r');
  const n = r < 0 ? -1 : numberAt(cursor.xml, r, cursor.valueEnd) - 1;
  return Number.isInteger(n) && n >= 0 ? n : previous + 1;
}

/** The rows of <sheetData>, in row order (sorted: only used when the file lists them out of order). */
function rowsOf(xml: string, sheetData: TopLevelElement, part: string): { rows: RowSpan[]; trailing: number } {
  const cursor = new XmlCursor(xml, part);
  cursor.seek(sheetData.openEnd);
  const rows: RowSpan[] = [];
  let from = sheetData.openEnd;
  let index = -1;
  while (cursor.child('sheetData')) {
    const start = cursor.start;
    if (cursor.is('row')) {
      index = rowIndexAt(cursor, index);
      cursor.skip();
      rows.push({ index, from, start, end: cursor.end });
      from = cursor.end;
    } else cursor.skip();
  }
  return { rows: rows.sort((a, b) => a.index - b.index), trailing: from };
}

/** What new and restyled cells take their formats from. */
interface Formats {
  styles: StyleSheet;
  planStyles: Record<string, CellStyle>;
  columns: ReturnType<typeof readColumns>;
}

/**
 * The existing cells of the row being patched, as columns of numbers reused
 * from row to row (no object per cell): where each one's markup lies, and
 * the column it is in.
 */
class RowCells {
  count = 0;
  /** Cell indexes in column order (files from other tools may list cells out of order). */
  readonly order: number[] = [];
  readonly col: number[] = [];
  /** Where the text before the cell (whitespace, comments, an extension list) starts: kept with the cell. */
  readonly from: number[] = [];
  readonly start: number[] = [];
  /** Just past the element name in the start tag, where its ">" or "/>" is, and where the start tag ends. */
  readonly afterName: number[] = [];
  readonly tagClose: number[] = [];
  readonly tagEnd: number[] = [];
  readonly end: number[] = [];
  /** Where its r attribute's value lies (-1 when it has none). */
  readonly ref: number[] = [];
  readonly refEnd: number[] = [];
  /** Its cell format (the s attribute), 0 when none, and where that attribute's value lies (-1 when none). */
  readonly xf: number[] = [];
  readonly xfFrom: number[] = [];
  readonly xfTo: number[] = [];
  private readonly tag = new PlainTag();
  private readonly place: CellPlace = { start: 0, end: 0, col: 0, tagClose: 0, ref: -1, refEnd: -1, style: -1, styleEnd: -1 };

  /** The cells of a row the reader kept the positions of (see CellPositions); returns where the text after the last cell starts. */
  take(xml: string, positions: CellPositions, row: number): number {
    const { place } = this;
    let from = positions.openEnd(row);
    let ordered = true;
    let col = -1;
    let i = 0;
    for (let c = positions.firstCell(row), end = positions.cellsEnd(row); c < end; c++, i++) {
      positions.place(c, place);
      this.from[i] = from;
      this.plainSlot(xml, i, place);
      this.end[i] = place.end;
      this.setCell(xml, i, place.col);
      ordered &&= place.col > col;
      col = place.col;
      from = place.end;
    }
    this.ordered(i, ordered);
    return from;
  }

  /** Reads the <c> elements of the row at the cursor; the cursor ends on the row's end tag. Returns where the text after the last cell starts. */
  read(cursor: XmlCursor): number {
    const { xml } = cursor;
    let from = cursor.end;
    let col = -1;
    let ordered = true;
    let i = 0;
    for (;;) {
      // Most cells are plain (<c r="B2" s="3"><v>42</v></c>) and read here; anything else by the cursor.
      let end = this.readPlain(xml, from, i);
      if (end < 0) {
        cursor.seek(from);
        if (!cursor.child('row')) break;
        if (!cursor.is('c')) {
          // Anything else in a row (an extension list) stays where it is, with the text before the next cell.
          cursor.skip();
          continue;
        }
        end = this.readByCursor(cursor, i);
      }
      const refCol = this.ref[i] < 0 ? -1 : columnOfRef(xml, this.ref[i], this.refEnd[i]);
      const cellCol = refCol >= 0 ? refCol : col + 1;
      ordered &&= cellCol > col;
      col = cellCol;
      this.from[i] = from;
      this.end[i] = end;
      this.setCell(xml, i++, col);
      from = end;
    }
    this.ordered(i, ordered);
    return from;
  }

  /** Slot i's column, and its format from its s value. */
  private setCell(xml: string, i: number, col: number): void {
    this.col[i] = col;
    this.xf[i] = this.xfFrom[i] < 0 ? 0 : numberAt(xml, this.xfFrom[i], this.xfTo[i]) || 0;
    this.order[i] = i;
  }

  /** The row has `count` cells; sorted into column order unless they came in it. */
  private ordered(count: number, ordered: boolean): void {
    this.count = count;
    if (ordered) return;
    const order = this.order.slice(0, count).sort((a, b) => this.col[a] - this.col[b]);
    for (let k = 0; k < count; k++) this.order[k] = order[k];
  }

  /** The cell at the cursor, into slot i; returns its end. */
  private readByCursor(cursor: XmlCursor, i: number): number {
    this.start[i] = cursor.start;
    this.afterName[i] = cursor.afterName;
    this.ref[i] = cursor.valueAt('r');
    this.refEnd[i] = cursor.valueEnd;
    this.xfFrom[i] = cursor.valueAt('s');
    this.xfTo[i] = cursor.valueEnd;
    this.tagClose[i] = cursor.end - (cursor.hasContent() ? 1 : 2);
    this.tagEnd[i] = cursor.end;
    if (!cursor.skipTextChild('v')) cursor.skip();
    return cursor.end;
  }

  /** The cell after `from` (and any white space) into slot i when it is written plainly (see PlainTag); returns its end, or -1 (nothing read): the cursor reads that. */
  private readPlain(xml: string, from: number, i: number): number {
    const { tag } = this;
    const end = tag.cell(xml, from);
    if (end < 0) return -1;
    this.plainSlot(xml, i, tag);
    return end;
  }

  /** Slot i's tag from a plain cell's place: one the scanner has just read, or one the reader kept. */
  private plainSlot(xml: string, i: number, cell: Omit<CellPlace, 'col'>): void {
    this.start[i] = cell.start;
    this.afterName[i] = cell.start + 2;
    this.ref[i] = cell.ref;
    this.refEnd[i] = cell.refEnd;
    this.xfFrom[i] = cell.style;
    this.xfTo[i] = cell.styleEnd;
    this.tagClose[i] = cell.tagClose;
    this.tagEnd[i] = xml.charCodeAt(cell.tagClose) === SLASH ? cell.end : cell.tagClose + 1;
  }
}

/** Writes the rows of <sheetData> with the plan's edits made and its new rows added in place. */
class RowPatcher {
  overwroteFormula = false;
  private readonly cursor: XmlCursor;
  /** The source text copied next, as one run while it goes on. */
  private runFrom = 0;
  private runTo = 0;
  private readonly cells = new RowCells();
  private readonly columns: number[] = [];
  /** Column → its default cell format, as looked up. */
  private readonly columnFormats: number[] = [];

  constructor(
    private readonly xml: string,
    part: string,
    /** The prefix new rows and cells are written with: their parent's. */
    private readonly p: string,
    /** The edited rows, ascending, each taken when written. */
    private readonly edits: EditStream,
    private readonly formats: Formats,
    private readonly out: ByteWriter,
    /** Where the reader found the rows and cells of this XML, if it kept them. */
    private readonly positions: CellPositions | undefined,
    /** Deflates the rows as they are written. */
    private readonly deflater: RowsDeflater,
  ) {
    this.cursor = new XmlCursor(xml, part);
  }

  /** Copies xml[from, to) next: it joins the run when it follows on. */
  private copy(from: number, to: number): void {
    if (from !== this.runTo) {
      this.flush();
      this.runFrom = from;
    }
    this.runTo = to;
  }

  /** Writes the run; anything written directly must come after it. */
  private flush(): void {
    if (this.runTo > this.runFrom) this.out.slice(this.xml, this.runFrom, this.runTo);
    this.runFrom = this.runTo;
  }

  /**
   * The rows between `from` and `to` (the content of <sheetData>) in one pass;
   * false when they are not in row order, having written what must be dropped.
   */
  patchInOrder(from: number, to: number): boolean {
    const { cursor, positions } = this;
    cursor.seek(from);
    this.runFrom = this.runTo = from;
    let done = from;
    let index = -1;
    let kept = -1;
    for (;;) {
      let start = done;
      let rowIndex: number;
      // A kept row after the one before (white space apart) is taken from the positions; any other by the cursor.
      if (positions && kept >= 0 && kept + 1 < positions.rowCount && onlySpace(this.xml, done, positions.rowStart(kept + 1))) {
        kept++;
        start = positions.rowStart(kept);
        rowIndex = positions.rowIndex(kept);
      } else {
        if (!cursor.child('sheetData')) break;
        if (!cursor.is('row')) {
          cursor.skip();
          continue;
        }
        start = cursor.start;
        rowIndex = rowIndexAt(cursor, index);
        kept = positions ? positions.rowAt(start) : -1;
      }
      if (rowIndex <= index) return false;
      index = rowIndex;
      this.row(done, start, index, kept);
      done = cursor.end;
    }
    this.copy(done, to);
    this.addRemainingRows();
    return true;
  }

  /** The rows as rowsOf() found them, in row order. */
  patchSorted({ rows, trailing }: ReturnType<typeof rowsOf>, to: number): void {
    for (const row of rows) {
      this.cursor.seek(row.start);
      this.cursor.next();
      this.row(row.from, row.start, row.index, this.positions ? this.positions.rowAt(row.start) : -1);
    }
    this.copy(trailing, to);
    this.addRemainingRows();
  }

  /**
   * The row starting at `start`, after the text from `from`; the new rows
   * before it go first. `kept`: the row in the positions, else -1 and the
   * cursor is on its start tag. Leaves the cursor past the row.
   */
  private row(from: number, start: number, index: number, kept: number): void {
    const { cursor, edits } = this;
    this.copy(from, start);
    while (edits.peek() < index) this.newRow(edits.peek(), edits.take());
    if (edits.peek() === index) {
      this.patchRow(start, index, edits.take(), kept);
    } else {
      if (kept >= 0) cursor.seek((this.positions as CellPositions).rowEnd(kept));
      else cursor.skip();
      this.copy(start, cursor.end);
    }
    this.deflater.wrote(this.out);
  }

  /** The new rows after the last existing one. */
  addRemainingRows(): void {
    this.flush();
    while (this.edits.peek() < Infinity) this.newRow(this.edits.peek(), this.edits.take());
  }

  private newRow(row: number, cells: RowEdits): void {
    const { out, p } = this;
    this.flush();
    out.write(`<${p}row r="`);
    out.number(row + 1);
    out.write('">');
    const { columns } = this;
    const count = columnsOf(cells, columns);
    for (let e = 0; e < count; e++) this.addedCell(p, row, columns[e], cells[columns[e]], this.columnFormat(columns[e]));
    out.write(`</${p}row>`);
    this.deflater.wrote(out);
  }

  private columnFormat(col: number): number {
    let xf = this.columnFormats[col];
    if (xf === undefined) this.columnFormats[col] = xf = columnStyle(this.formats.columns, col);
    return xf;
  }

  private addedCell(p: string, row: number, col: number, edit: CellEdit, baseXf: number): void {
    this.flush();
    writeCell(this.out, p, row, col, styledXf(baseXf, edit, this.formats.styles, this.formats.planStyles), edit.value === KEEP_VALUE ? null : edit.value);
  }

  /**
   * The row starting at `start` with its edits made (cells go in with the
   * row's own prefix): `kept` in the positions, or at the cursor when -1.
   * Leaves the cursor past the row.
   */
  private patchRow(start: number, row: number, edits: RowEdits, kept: number): void {
    const { cursor, cells, out } = this;
    const positions = this.positions as CellPositions;
    // A kept row is written <row …>, with content, without a prefix.
    const p = kept >= 0 ? '' : cursor.prefix();
    const format = kept >= 0 ? positions.rowFormat(kept) : rowFormat(cursor);
    const rowStyle = format < 0 ? undefined : format;
    const hasContent = kept >= 0 || cursor.hasContent();
    const openEnd = kept >= 0 ? positions.openEnd(kept) : cursor.end;
    // The start tag as rewritten: never self-closing, and without spans (a loading hint that added cells would make wrong).
    const close = hasContent ? openEnd - 1 : openEnd - 2;
    const spans = kept >= 0 ? positions.spans(kept) : cursor.valueAt('spans') < 0 ? -1 : cursor.attributeStart;
    const spansEnd = kept >= 0 ? positions.spansEnd(kept) : cursor.valueEnd;
    if (spans < 0) this.copy(start, close);
    else {
      // The attribute goes with the space before it.
      this.copy(start, spans - 1);
      this.copy(spansEnd + 1, close);
    }
    this.flush();
    out.byte(GT);
    let trailing = openEnd;
    let closeStart = openEnd;
    let rowEnd = openEnd;
    if (kept >= 0) {
      trailing = cells.take(this.xml, positions, kept);
      closeStart = positions.closeStart(kept);
      rowEnd = positions.rowEnd(kept);
    } else if (hasContent) {
      trailing = cells.read(cursor);
      closeStart = cursor.start;
      rowEnd = cursor.end;
    } else cells.count = 0;
    const cols = this.columns;
    const count = columnsOf(edits, cols);
    let e = 0;
    for (let k = 0; k < cells.count; k++) {
      const i = cells.order[k];
      const col = cells.col[i];
      for (; e < count && cols[e] < col; e++) this.addedCell(p, row, cols[e], edits[cols[e]], rowStyle ?? this.columnFormat(cols[e]));
      const edit = e < count && col === cols[e] ? edits[cols[e++]] : undefined;
      this.copy(cells.from[i], cells.start[i]);
      this.editedCell(i, p, row, edit);
    }
    for (; e < count; e++) this.addedCell(p, row, cols[e], edits[cols[e]], rowStyle ?? this.columnFormat(cols[e]));
    this.copy(trailing, closeStart);
    if (hasContent) this.copy(closeStart, rowEnd);
    else {
      this.flush();
      out.write(`</${p}row>`);
    }
    cursor.seek(rowEnd);
  }

  /** An existing cell after the edit: a new value replaces the old one; styles are laid over its format. */
  private editedCell(i: number, p: string, row: number, edit: CellEdit | undefined): void {
    const { cells, out } = this;
    const hasRef = cells.ref[i] >= 0;
    if (hasRef && !edit) {
      this.copy(cells.start[i], cells.end[i]);
      return;
    }
    const xf = edit && styledXf(cells.xf[i], edit, this.formats.styles, this.formats.planStyles);
    if (edit && edit.value !== KEEP_VALUE) {
      if (this.holdsFormula(i)) this.overwroteFormula = true;
      this.flush();
      writeCell(out, p, row, cells.col[i], xf as number, edit.value);
      return;
    }
    this.copy(cells.start[i], cells.afterName[i]);
    if (!hasRef) {
      // Cells around may be added, so every cell names its place.
      this.flush();
      out.write(' r="');
      writeCellRef(out, row, cells.col[i]);
      out.byte(DOUBLE_QUOTE);
    }
    if (xf === undefined) {
      this.copy(cells.afterName[i], cells.end[i]);
    } else if (cells.xfFrom[i] < 0) {
      this.copy(cells.afterName[i], cells.tagClose[i]);
      this.flush();
      out.write(' s="');
      out.number(xf);
      out.byte(DOUBLE_QUOTE);
      this.copy(cells.tagClose[i], cells.end[i]);
    } else {
      this.copy(cells.afterName[i], cells.xfFrom[i]);
      this.flush();
      out.number(xf);
      this.copy(cells.xfTo[i], cells.end[i]);
    }
  }

  /** True when the cell has an <f> child (read only for cells whose value is replaced). */
  private holdsFormula(i: number): boolean {
    const { cursor, cells } = this;
    if (cells.tagEnd[i] === cells.end[i]) return false;
    cursor.seek(cells.start[i]);
    cursor.next();
    while (cursor.child('c')) {
      if (cursor.is('f')) return true;
      cursor.skip();
    }
    return false;
  }
}

/** True when xml[from, to) is white space or nothing. */
function onlySpace(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(xml.charCodeAt(i))) return false;
  return true;
}

/** The format the row at the cursor gives its empty cells (see emptyCellFormat). */
function rowFormat(cursor: XmlCursor): number {
  const custom = cursor.valueAt('customFormat');
  const customEnd = cursor.valueEnd;
  const s = cursor.valueAt('s');
  return emptyCellFormat(cursor.xml, custom, customEnd, s, cursor.valueEnd);
}

/** Widens <dimension ref> to take in the edited cells. */
function withDimension(xml: string, part: string, edits: NonNullable<ReturnType<typeof editBounds>>): string {
  const { elements } = topLevelElements(xml, part);
  const dimension = elements.find((e) => e.name === 'dimension');
  if (!dimension) return xml;
  const tag = xml.slice(dimension.start, dimension.end);
  const [from, to = from] = (attrOf(tag, 'ref') ?? 'A1').split(':');
  const top = Math.min(Math.max(0, rowOfRef(from)), edits.top);
  const left = Math.min(Math.max(0, columnOfRef(from)), edits.left);
  const bottom = Math.max(Math.max(0, rowOfRef(from)), rowOfRef(to), edits.bottom);
  const right = Math.max(Math.max(0, columnOfRef(from)), columnOfRef(to), edits.right);
  const ref = rangeAddress(top, left, bottom - top + 1, right - left + 1);
  return xml.slice(0, dimension.start) + withAttr(tag, 'ref', ref) + xml.slice(dimension.end);
}

/** Adds internal links to <hyperlinks>, replacing any earlier link on the same cell. */
function withHyperlinks(xml: string, part: string, p: string, links: ReturnType<typeof linksOf>): string {
  const existing = topLevelElements(xml, part).elements.find((e) => e.name === 'hyperlinks');
  const refs = new Set(links.map((l) => cellAddress(l.row, l.col)));
  const kept = existing
    ? childElements(xml.slice(existing.start, existing.end), part)
        .filter((h) => h.name === 'hyperlink' && !refs.has(attrOf(h.startTag, 'ref') ?? ''))
        .map((h) => h.xml)
    : [];
  const added = links.map((l) => hyperlinkXml(p, l.row, l.col, l.target, l.text));
  return putWorksheetElement(xml, 'hyperlinks', `<${p}hyperlinks>${[...kept, ...added].join('')}</${p}hyperlinks>`);
}
