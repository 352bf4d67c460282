/**
 * Executes a plan on one of the user's worksheets by editing its XML as text:
 * only the rows the plan touches are re-serialised; every other byte of the
 * sheet stays as it was.
 */
import { cellAddress, rangeAddress } from '../../../model/address';
import type { CellStyle, SheetPlan } from '../../../model/plan';
import { columnOfRef, rowOfRef } from './cell-refs';
import { type CellEdit, type CellEdits, collectEdits, editedColumns, KEEP_VALUE, linksOf, type RowEdits, styledXf } from './cell-edits';
import type { StyleSheet } from './styles';
import { cellXml, childElements, colsWithWidths, columnStyle, hyperlinkXml, putWorksheetElement, readColumns, type TopLevelElement, topLevelElements } from './worksheet-xml';
import { attrOf, declaredUtf8, withAttr } from './xml';
import { XmlCursor } from './xml-cursor';
import { ByteWriter } from './byte-writer';
import { withPageFit } from './sheet-writer';

export interface PatchResult {
  /** The worksheet part's new bytes (UTF-8). */
  xml: Uint8Array;
  /** True when a cell that held a formula was overwritten (the calculation chain is then stale). */
  overwroteFormula: boolean;
}

interface Context {
  /** The worksheet part, for messages. */
  part: string;
  /** The prefix new rows and cells are written with: their parent's. */
  p: string;
  styles: StyleSheet;
  planStyles: Record<string, CellStyle>;
  columns: ReturnType<typeof readColumns>;
  overwroteFormula: boolean;
}

export function patchExistingSheet(xml: string, part: string, plan: SheetPlan, styles: StyleSheet, planStyles: Record<string, CellStyle>): PatchResult {
  if (plan.merges?.length || plan.freeze || plan.tabColour || plan.charts?.length) {
    throw new Error(`The write plan asks for merges, panes, a tab colour or charts on the user's sheet "${plan.name}"; Ragbook only adds those to its own sheets.`);
  }
  const edits = collectEdits(plan, planStyles);
  const { prefix: p, elements } = topLevelElements(xml, part);
  const cols = elements.find((e) => e.name === 'cols');
  const sheetData = elements.find((e) => e.name === 'sheetData');
  if (edits.size > 0 && !sheetData) throw new Error(`The worksheet "${plan.name}" has no sheetData.`);
  const context: Context = { part, p: sheetData?.prefix ?? p, styles, planStyles, columns: readColumns(cols && xml.slice(cols.start, cols.end), part), overwroteFormula: false };

  // The rows are nearly all of a big sheet: the other elements are edited on the sheet without them
  // (a small string), and the rows are put back once at the end, instead of every edit copying them.
  // The part is written as UTF-8 whatever it was read from, and says so.
  const placeholder = `<${context.p}sheetData/>`;
  let skeleton = declaredUtf8(sheetData ? xml.slice(0, sheetData.start) + placeholder + xml.slice(sheetData.end) : xml);
  if (edits.size > 0) skeleton = withDimension(skeleton, part, edits);
  if (plan.columnWidths && Object.keys(plan.columnWidths).length > 0) {
    skeleton = putWorksheetElement(skeleton, 'cols', colsWithWidths(p, context.columns, plan.columnWidths));
  }
  const links = linksOf(edits);
  if (links.length > 0) skeleton = withHyperlinks(skeleton, part, p, links);
  if (plan.page) skeleton = withPageFit(skeleton, plan.page);
  if (!sheetData) return { xml: new TextEncoder().encode(skeleton), overwroteFormula: false };

  const at = topLevelElements(skeleton, part).elements.find((e) => e.name === 'sheetData') as TopLevelElement;
  const out = new ByteWriter(xml.length + edits.size * 256);
  out.write(skeleton.slice(0, at.start));
  if (edits.size > 0 && sheetData.selfClosing) {
    out.write(`${xml.slice(sheetData.start, sheetData.openEnd - 2).trimEnd()}>`);
    patchRows(xml, { rows: [], trailing: sheetData.openEnd }, sheetData.openEnd, edits, context, out);
    out.write(`</${context.p}sheetData>`);
  } else if (edits.size > 0) {
    out.write(xml.slice(sheetData.start, sheetData.openEnd));
    patchRows(xml, rowsOf(xml, sheetData, part), sheetData.closeStart, edits, context, out);
    out.write(xml.slice(sheetData.closeStart, sheetData.end));
  } else {
    out.write(xml.slice(sheetData.start, sheetData.end));
  }
  out.write(skeleton.slice(at.end));
  return { xml: out.bytes(), overwroteFormula: context.overwroteFormula };
}

/** A row of the sheet: its index, where its element lies, and where the text before it (whitespace, comments) starts. */
interface RowSpan {
  index: number;
  from: number;
  start: number;
  /** Where its end tag starts (its end when self-closing). */
  closeStart: number;
  end: number;
}

/**
 * The rows of <sheetData>, in row order: files from other tools may list them
 * out of order, and a new row must go before the first row below it.
 */
function rowsOf(xml: string, sheetData: TopLevelElement, part: string): { rows: RowSpan[]; trailing: number } {
  const cursor = new XmlCursor(xml, part);
  cursor.seek(sheetData.openEnd);
  const rows: RowSpan[] = [];
  let from = sheetData.openEnd;
  let index = -1;
  let ordered = true;
  while (cursor.child('sheetData')) {
    const start = cursor.start;
    if (cursor.is('row')) {
      const r = cursor.valueAt('r');
      const n = r < 0 ? -1 : Number(xml.slice(r, cursor.valueEnd)) - 1;
      // As the reader does: a row without a usable number follows the one before.
      const rowIndex = Number.isInteger(n) && n >= 0 ? n : index + 1;
      ordered &&= rowIndex > index;
      index = rowIndex;
      const closeStart = cursor.closingTag();
      cursor.seek(cursor.closeEnd);
      rows.push({ index, from, start, closeStart, end: cursor.end });
      from = cursor.end;
    } else cursor.skip();
  }
  return { rows: ordered ? rows : rows.sort((a, b) => a.index - b.index), trailing: from };
}

/** Writes the rows in row order, re-serialising the touched ones and adding new ones in place; the text from `trailing` to `to` closes them. */
function patchRows(xml: string, { rows, trailing }: { rows: readonly RowSpan[]; trailing: number }, to: number, edits: CellEdits, context: Context, out: ByteWriter): void {
  const pending = [...edits.keys()].sort((a, b) => a - b);
  const cursor = new XmlCursor(xml, context.part);
  // Untouched text is copied in runs as long as they are contiguous.
  let runFrom = rows[0]?.from ?? to;
  let runTo = runFrom;
  const copy = (from: number, end: number) => {
    if (from !== runTo) {
      out.write(xml.slice(runFrom, runTo));
      runFrom = from;
    }
    runTo = end;
  };
  const flush = () => {
    out.write(xml.slice(runFrom, runTo));
    runFrom = runTo;
  };
  let next = 0;
  for (const row of rows) {
    copy(row.from, row.start);
    if (pending[next] < row.index) flush();
    // New rows that come before this one.
    for (; next < pending.length && pending[next] < row.index; next++) out.write(newRow(pending[next], edits.get(pending[next]) as RowEdits, context));
    if (pending[next] === row.index) {
      flush();
      cursor.seek(row.start);
      cursor.next();
      out.write(patchRow(cursor, row, edits.get(row.index) as RowEdits, context));
      next++;
      runFrom = runTo = row.end;
    } else copy(row.start, row.end);
  }
  copy(trailing, to);
  flush();
  for (; next < pending.length; next++) out.write(newRow(pending[next], edits.get(pending[next]) as RowEdits, context));
}

function newRow(row: number, cells: RowEdits, context: Context): string {
  const { p } = context;
  let content = '';
  cells.forEach((edit, col) => {
    content += cellXml(p, row, col, styledXf(columnStyle(context.columns, col), edit, context.styles, context.planStyles), edit.value === KEEP_VALUE ? null : edit.value);
  });
  return `<${p}row r="${row + 1}">${content}</${p}row>`;
}

/** An existing cell of a touched row: where its markup lies, and the column it is in. */
interface ExistingCell {
  col: number;
  /** Where the text before it (whitespace, comments) starts: kept with the cell. */
  from: number;
  start: number;
  /** Just past the element name in the start tag, and where its ">" or "/>" is. */
  afterName: number;
  tagClose: number;
  tagEnd: number;
  end: number;
  /** Its cell format (the s attribute), 0 when none, and where that attribute's value lies (-1 when none). */
  xf: number;
  xfFrom: number;
  xfTo: number;
  hasRef: boolean;
}

/** The <c> elements of a row's content, in column order (files from other tools may list them out of order); the cursor ends on the row's end tag. */
function existingCells(cursor: XmlCursor): { cells: ExistingCell[]; trailing: number } {
  const { xml } = cursor;
  const cells: ExistingCell[] = [];
  let from = cursor.end;
  let col = -1;
  let ordered = true;
  while (cursor.child('row')) {
    if (!cursor.is('c')) {
      // Anything else in a row (an extension list) stays where it is, with the text before the next cell.
      cursor.skip();
      continue;
    }
    const { start, afterName } = cursor;
    const ref = cursor.valueAt('r');
    const refCol = ref < 0 ? -1 : columnOfRef(xml, ref, cursor.valueEnd);
    const cellCol = refCol >= 0 ? refCol : col + 1;
    ordered &&= cellCol > col;
    col = cellCol;
    const xfFrom = cursor.valueAt('s');
    const xfTo = xfFrom < 0 ? -1 : cursor.valueEnd;
    const xf = xfFrom < 0 ? 0 : Number(xml.slice(xfFrom, xfTo)) || 0;
    const tagClose = cursor.end - (cursor.hasContent() ? 1 : 2);
    const tagEnd = cursor.end;
    if (!cursor.skipTextChild('v')) cursor.skip();
    cells.push({ col, from, start, afterName, tagClose, tagEnd, end: cursor.end, xf, xfFrom, xfTo, hasRef: ref >= 0 });
    from = cursor.end;
  }
  if (!ordered) cells.sort((a, b) => a.col - b.col);
  return { cells, trailing: from };
}

/** The row's start tag as rewritten: never self-closing, and without spans (a loading hint that added cells would make wrong). */
function rowStartTag(cursor: XmlCursor): string {
  const { xml } = cursor;
  const close = cursor.hasContent() ? cursor.end - 1 : cursor.end - 2;
  const spans = cursor.valueAt('spans');
  // The attribute goes with the space before it.
  return spans < 0 ? `${xml.slice(cursor.start, close)}>` : `${xml.slice(cursor.start, cursor.attributeStart - 1)}${xml.slice(cursor.valueEnd + 1, close)}>`;
}

/** The format a row gives its empty cells (customFormat="1" s="…"), if any. */
function rowFormat(cursor: XmlCursor): number | undefined {
  const { xml } = cursor;
  const custom = cursor.valueAt('customFormat');
  if (custom < 0 || xml.slice(custom, cursor.valueEnd) !== '1') return undefined;
  const s = cursor.valueAt('s');
  return s < 0 ? 0 : Number(xml.slice(s, cursor.valueEnd)) || 0;
}

/** The row at the cursor with its edits made; cells go in with the row's own prefix. */
function patchRow(cursor: XmlCursor, span: RowSpan, edits: RowEdits, sheetContext: Context): string {
  const { xml } = cursor;
  const row = span.index;
  const { closeStart } = span;
  const context = { ...sheetContext, p: cursor.prefix() };
  const rowStyle = rowFormat(cursor);
  let out = rowStartTag(cursor);
  const endTag = cursor.hasContent() ? xml.slice(closeStart, span.end) : `</${context.p}row>`;
  const { cells, trailing } = cursor.hasContent() ? existingCells(cursor) : { cells: [], trailing: closeStart };
  const cols = editedColumns(edits);
  let e = 0;
  for (const cell of cells) {
    for (; e < cols.length && cols[e] < cell.col; e++) out += addedCell(row, cols[e], edits[cols[e]], rowStyle, context);
    const edit = cell.col === cols[e] ? edits[cols[e++]] : undefined;
    out += xml.slice(cell.from, cell.start) + editedCell(cursor, cell, row, edit, context);
  }
  for (; e < cols.length; e++) out += addedCell(row, cols[e], edits[cols[e]], rowStyle, context);
  sheetContext.overwroteFormula ||= context.overwroteFormula;
  return `${out}${xml.slice(trailing, closeStart)}${endTag}`;
}

function addedCell(row: number, col: number, edit: CellEdit, rowStyle: number | undefined, context: Context): string {
  const xf = styledXf(rowStyle ?? columnStyle(context.columns, col), edit, context.styles, context.planStyles);
  return cellXml(context.p, row, col, xf, edit.value === KEEP_VALUE ? null : edit.value);
}

/** An existing cell after the edit: a new value replaces the old one; styles are laid over its format. */
function editedCell(cursor: XmlCursor, cell: ExistingCell, row: number, edit: CellEdit | undefined, context: Context): string {
  const { xml } = cursor;
  if (cell.hasRef && !edit) return xml.slice(cell.start, cell.end);
  const xf = edit && styledXf(cell.xf, edit, context.styles, context.planStyles);
  if (edit && edit.value !== KEEP_VALUE) {
    if (holdsFormula(cursor, cell)) context.overwroteFormula = true;
    return cellXml(context.p, row, cell.col, xf as number, edit.value);
  }
  // Cells around may be added, so every cell names its place.
  const ref = cell.hasRef ? '' : ` r="${cellAddress(row, cell.col)}"`;
  const head = xml.slice(cell.start, cell.afterName) + ref;
  if (xf === undefined) return head + xml.slice(cell.afterName, cell.end);
  if (cell.xfFrom < 0) return `${head}${xml.slice(cell.afterName, cell.tagClose)} s="${xf}"${xml.slice(cell.tagClose, cell.end)}`;
  return head + xml.slice(cell.afterName, cell.xfFrom) + xf + xml.slice(cell.xfTo, cell.end);
}

/** True when the cell has an <f> child (read only for cells whose value is replaced). */
function holdsFormula(cursor: XmlCursor, cell: ExistingCell): boolean {
  if (cell.tagEnd === cell.end) return false;
  cursor.seek(cell.start);
  cursor.next();
  while (cursor.child('c')) {
    if (cursor.is('f')) return true;
    cursor.skip();
  }
  return false;
}

/** Widens <dimension ref> to take in the edited cells. */
function withDimension(xml: string, part: string, edits: CellEdits): string {
  const { elements } = topLevelElements(xml, part);
  const dimension = elements.find((e) => e.name === 'dimension');
  if (!dimension) return xml;
  const tag = xml.slice(dimension.start, dimension.end);
  const [from, to = from] = (attrOf(tag, 'ref') ?? 'A1').split(':');
  let top = Math.max(0, rowOfRef(from));
  let left = Math.max(0, columnOfRef(from));
  let bottom = Math.max(top, rowOfRef(to));
  let right = Math.max(left, columnOfRef(to));
  for (const [row, cells] of edits) {
    top = Math.min(top, row);
    bottom = Math.max(bottom, row);
    const cols = editedColumns(cells);
    left = Math.min(left, cols[0] ?? left);
    right = Math.max(right, cols[cols.length - 1] ?? right);
  }
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
