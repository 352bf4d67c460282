/**
 * Executes a plan on one of the user's worksheets by editing its XML as text:
 * only the rows the plan touches are re-serialised; every other byte of the
 * sheet stays as it was.
 */
import { cellAddress, rangeAddress } from '../../../model/address';
import type { CellStyle, SheetPlan } from '../../../model/plan';
import { columnOfRef, rowOfRef } from './cell-refs';
import { type CellEdit, type CellEdits, collectEdits, editedColumns, linksOf, type RowEdits, styledXf } from './cell-edits';
import type { StyleSheet } from './styles';
import { cellXml, colsWithWidths, columnStyle, hyperlinkXml, putWorksheetElement, readColumns, type TopLevelElement, topLevelElements } from './worksheet-xml';
import { attrOf, withAttr, withoutAttr } from './xml';

export interface PatchResult {
  xml: string;
  /** True when a cell that held a formula was overwritten (the calculation chain is then stale). */
  overwroteFormula: boolean;
}

interface Context {
  p: string;
  styles: StyleSheet;
  planStyles: Record<string, CellStyle>;
  columns: ReturnType<typeof readColumns>;
  overwroteFormula: boolean;
}

export function patchExistingSheet(xml: string, plan: SheetPlan, styles: StyleSheet, planStyles: Record<string, CellStyle>): PatchResult {
  if (plan.merges?.length || plan.freeze || plan.page || plan.tabColour || plan.charts?.length) {
    throw new Error(`The write plan asks for merges, panes, page setup, a tab colour or charts on the user's sheet "${plan.name}"; Ragbook only adds those to its own sheets.`);
  }
  const edits = collectEdits(plan, planStyles);
  const { prefix: p, elements } = topLevelElements(xml);
  const cols = elements.find((e) => e.name === 'cols');
  const context: Context = { p, styles, planStyles, columns: readColumns(cols && xml.slice(cols.start, cols.end)), overwroteFormula: false };
  const sheetData = elements.find((e) => e.name === 'sheetData');
  if (edits.size > 0 && !sheetData) throw new Error(`The worksheet "${plan.name}" has no sheetData.`);

  // The rows are nearly all of a big sheet: the other elements are edited on the sheet without them
  // (a small string), and the rows are put back once at the end, instead of every edit copying them.
  const placeholder = `<${p}sheetData/>`;
  let skeleton = sheetData ? xml.slice(0, sheetData.start) + placeholder + xml.slice(sheetData.end) : xml;
  if (edits.size > 0) skeleton = withDimension(skeleton, edits);
  if (plan.columnWidths && Object.keys(plan.columnWidths).length > 0) {
    skeleton = putWorksheetElement(skeleton, 'cols', colsWithWidths(p, context.columns, plan.columnWidths));
  }
  const links = linksOf(edits);
  if (links.length > 0) skeleton = withHyperlinks(skeleton, p, links);
  if (!sheetData) return { xml: skeleton, overwroteFormula: false };

  let rows = xml.slice(sheetData.start, sheetData.end);
  if (edits.size > 0) {
    const inner = sheetData.selfClosing ? '' : xml.slice(sheetData.openEnd, sheetData.end - `</${p}sheetData>`.length);
    rows = `<${p}sheetData>${patchRows(inner, edits, context)}</${p}sheetData>`;
  }
  const at = topLevelElements(skeleton).elements.find((e) => e.name === 'sheetData') as TopLevelElement;
  return { xml: skeleton.slice(0, at.start) + rows + skeleton.slice(at.end), overwroteFormula: context.overwroteFormula };
}

/** Walks the rows in file order, re-serialising the touched ones and adding new ones in place. */
function patchRows(inner: string, edits: CellEdits, context: Context): string {
  const { p } = context;
  const pending = [...edits.keys()].sort((a, b) => a - b);
  let next = 0;
  const pieces: string[] = [];
  let copiedTo = 0;
  let rowIndex = -1;
  const open = `<${p}row`;
  const close = `</${p}row>`;
  for (let at = inner.indexOf(open); at >= 0; at = inner.indexOf(open, at)) {
    const after = inner.charCodeAt(at + open.length);
    if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
      at += open.length;
      continue;
    }
    const tagEnd = inner.indexOf('>', at) + 1;
    const selfClosing = inner[tagEnd - 2] === '/';
    const end = selfClosing ? tagEnd : inner.indexOf(close, tagEnd) + close.length;
    const tag = inner.slice(at, tagEnd);
    const r = attrOf(tag, 'r');
    rowIndex = r === undefined ? rowIndex + 1 : Number(r) - 1;
    // New rows that come before this one.
    const before: string[] = [];
    while (next < pending.length && pending[next] < rowIndex) {
      before.push(newRow(pending[next], edits.get(pending[next]) as RowEdits, context));
      next++;
    }
    const touched = next < pending.length && pending[next] === rowIndex;
    if (before.length > 0 || touched) {
      pieces.push(inner.slice(copiedTo, at), ...before);
      if (touched) {
        const content = selfClosing ? '' : inner.slice(tagEnd, end - close.length);
        pieces.push(patchRow(tag, content, rowIndex, edits.get(rowIndex) as RowEdits, context));
        next++;
        copiedTo = end;
      } else {
        copiedTo = at;
      }
    }
    at = end;
  }
  pieces.push(inner.slice(copiedTo));
  for (; next < pending.length; next++) pieces.push(newRow(pending[next], edits.get(pending[next]) as RowEdits, context));
  return pieces.join('');
}

function newRow(row: number, cells: RowEdits, context: Context): string {
  const { p } = context;
  const content = editedColumns(cells)
    .map((col) => editedCell(undefined, row, col, cells[col], columnStyle(context.columns, col), context))
    .join('');
  return `<${p}row r="${row + 1}">${content}</${p}row>`;
}

const CELL = /<([\w.-]+:)?c(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/([\w.-]+:)?c>)/g;

function patchRow(tag: string, content: string, row: number, edits: RowEdits, context: Context): string {
  const { p } = context;
  const rowStyle = attrOf(tag, 'customFormat') === '1' ? Number(attrOf(tag, 's') ?? 0) : undefined;
  const existing: { col: number; xml: string }[] = [];
  let col = -1;
  for (const xml of content.match(CELL) ?? []) {
    const ref = attrOf(xml.slice(0, xml.indexOf('>') + 1), 'r');
    col = ref === undefined ? col + 1 : columnOfRef(ref);
    existing.push({ col, xml });
  }
  const byCol = new Map(existing.map((c) => [c.col, c.xml]));
  const cols = [...new Set([...byCol.keys(), ...editedColumns(edits)])].sort((a, b) => a - b);
  const cells = cols.map((c) => {
    const edit = edits[c];
    const xml = byCol.get(c);
    if (!edit) return xml && !/\sr\s*=/.test(xml.slice(0, xml.indexOf('>'))) ? withAttr(xml.slice(0, xml.indexOf('>') + 1), 'r', cellAddress(row, c)) + xml.slice(xml.indexOf('>') + 1) : (xml as string);
    return editedCell(xml, row, c, edit, rowStyle ?? columnStyle(context.columns, c), context);
  });
  // spans is only a loading hint, and added cells would make it wrong.
  const openTag = withoutAttr(tag.endsWith('/>') ? `${tag.slice(0, -2)}>` : tag, 'spans');
  return `${openTag}${cells.join('')}</${p}row>`;
}

/** The cell after the edit: a new value replaces the old one; styles are laid over its format. */
function editedCell(xml: string | undefined, row: number, col: number, edit: CellEdit, defaultXf: number, context: Context): string {
  const openTag = xml?.slice(0, xml.indexOf('>') + 1);
  const baseXf = openTag === undefined ? defaultXf : Number(attrOf(openTag, 's') ?? 0);
  const xf = styledXf(baseXf, edit, context.styles, context.planStyles);
  if (edit.value === undefined) {
    if (xml === undefined) return cellXml(context.p, row, col, xf, null);
    const tag = withAttr(openTag as string, 's', String(xf));
    return tag + xml.slice((openTag as string).length);
  }
  if (xml !== undefined && /<([\w.-]+:)?f[\s>/]/.test(xml)) context.overwroteFormula = true;
  return cellXml(context.p, row, col, xf, edit.value.is);
}

/** Widens <dimension ref> to take in the edited cells. */
function withDimension(xml: string, edits: CellEdits): string {
  const { elements } = topLevelElements(xml);
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
function withHyperlinks(xml: string, p: string, links: ReturnType<typeof linksOf>): string {
  const existing = topLevelElements(xml).elements.find((e) => e.name === 'hyperlinks');
  const refs = new Set(links.map((l) => cellAddress(l.row, l.col)));
  const kept = existing
    ? (xml.slice(existing.openEnd, existing.end).match(/<([\w.-]+:)?hyperlink\b[^>]*?(\/>|>[\s\S]*?<\/([\w.-]+:)?hyperlink>)/g) ?? []).filter(
        (h) => !refs.has(attrOf(h, 'ref') ?? ''),
      )
    : [];
  const added = links.map((l) => hyperlinkXml(p, l.row, l.col, l.target, l.text));
  return putWorksheetElement(xml, 'hyperlinks', `<${p}hyperlinks>${[...kept, ...added].join('')}</${p}hyperlinks>`);
}
