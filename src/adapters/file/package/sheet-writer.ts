/** A generated sheet's worksheet XML, written whole from its plan, elements in schema order. */
import { rangeAddress } from '../../../model/address';
import type { CellStyle, Colour, HeaderFooterLine, PageSetup, SheetPlan } from '../../../model/plan';
import { ByteWriter } from './byte-writer';
import { columnsOf, EditStream, KEEP_VALUE, lastColumnOf, linksOf, styledXf } from './cell-edits';
import { writeCell } from './cell-markup';
import type { SheetBytes } from './parts';
import { RELATIONSHIPS_NAMESPACE } from './relationships';
import type { StyleSheet } from './styles';
import { colsWithWidths, hyperlinkXml, putWorksheetElement, topLevelElements } from './worksheet-xml';
import { escapeText, withAttr } from './xml';
import { RowsDeflater } from './zip';

const MAIN_NAMESPACE = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function argb(colour: Colour): string {
  return `FF${colour.replace('#', '').toUpperCase()}`;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * A written sheet edited as text without its rows: what comes before and
 * after <sheetData> is decoded around an empty <sheetData/> standing in for
 * the rows, edited, and encoded again around the rows' bytes, which are
 * neither decoded nor copied (a commentary of 10,000 measures has 60 MB of
 * them) and go on deflating. The same sheet when the edit changes nothing.
 */
export function editAroundRows(sheet: SheetBytes, part: string, edit: (xml: string) => string): SheetBytes {
  const before = decoder.decode(sheet.head);
  const after = decoder.decode(sheet.tail);
  const hasRows = sheet.rows.length > 0;
  const standIn = hasRows ? `<${topLevelElements(before + after, part).prefix}sheetData/>` : '';
  const skeleton = before + standIn + after;
  const edited = edit(skeleton);
  if (edited === skeleton) return sheet;
  if (!hasRows) return { ...sheet, head: encoder.encode(edited), tail: new Uint8Array(0) };
  const rows = topLevelElements(edited, part).elements.find((e) => e.name === 'sheetData');
  if (!rows) throw new Error(`An edit of ${part} dropped its <sheetData>.`);
  return { ...sheet, head: encoder.encode(edited.slice(0, rows.start)), tail: encoder.encode(edited.slice(rows.end)) };
}

/** A generated sheet's worksheet part, written whole from its plan. */
export function generatedSheetXml(plan: SheetPlan, styles: StyleSheet, planStyles: Record<string, CellStyle>): SheetBytes {
  // Made a band of rows at a time: a commentary of 10,000 measures edits a million cells.
  const edits = new EditStream(plan, planStyles, true);
  // The rows first: the <dimension> before them names the last row and column, known once they are written.
  // Room for the rows of values at a guess of 256 bytes each: a big sheet's buffer grown from small would be copied many times over.
  let valueRows = 0;
  for (const block of plan.values) valueRows += block.values.length;
  const rows = new ByteWriter(valueRows * 256);
  const deflater = new RowsDeflater(0);
  rows.write('<sheetData>');
  const columns: number[] = [];
  let right = 0;
  let bottom = 0;
  for (let row = edits.peek(); row < Infinity; row = edits.peek()) {
    const cells = edits.take();
    right = Math.max(right, lastColumnOf(cells));
    bottom = row;
    const height = plan.rowHeights?.[row];
    rows.write(`<row r="${row + 1}"${height ? ` ht="${height}" customHeight="1"` : ''}>`);
    const count = columnsOf(cells, columns);
    for (let e = 0; e < count; e++) {
      const col = columns[e];
      const edit = cells[col];
      const value = edit.value === KEEP_VALUE ? null : edit.value;
      if (value !== null || edit.styles.length > 0) writeCell(rows, '', row, col, styledXf(0, edit, styles, planStyles), value);
    }
    rows.write('</row>');
    deflater.wrote(rows);
  }
  rows.write('</sheetData>');

  const head = new ByteWriter(1024);
  head.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}">`);
  const sheetPr = [plan.tabColour ? `<tabColor rgb="${argb(plan.tabColour)}"/>` : '', plan.page?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ''].join('');
  if (sheetPr) head.write(`<sheetPr>${sheetPr}</sheetPr>`);
  head.write(`<dimension ref="${rangeAddress(0, 0, bottom + 1, right + 1)}"/>`);
  head.write(`<sheetViews><sheetView workbookViewId="0">${paneXml(plan.freeze)}</sheetView></sheetViews>`);
  head.write('<sheetFormatPr defaultRowHeight="15"/>');
  if (plan.columnWidths && Object.keys(plan.columnWidths).length > 0) head.write(colsWithWidths('', [], plan.columnWidths));

  const tail = new ByteWriter(1024);
  if (plan.merges?.length) {
    const merges = plan.merges.map((m) => `<mergeCell ref="${rangeAddress(m.row, m.col, m.rowCount, m.colCount)}"/>`);
    tail.write(`<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`);
  }
  const links = linksOf(plan);
  if (links.length > 0) tail.write(`<hyperlinks>${links.map((l) => hyperlinkXml('', l.row, l.col, l.target, l.text)).join('')}</hyperlinks>`);
  tail.write(plan.page ? pageXml(plan.page) : '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  tail.write('</worksheet>');
  return { head: head.bytes(), rows: rows.bytes(), tail: tail.bytes(), rowsDeflating: deflater.finish(rows) };
}

/** <rowBreaks>: a break with id N falls below the N-th row, so a page starts at 0-based row N. */
function rowBreaksXml(rows: number[]): string {
  if (rows.length === 0) return '';
  const breaks = rows.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join('');
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${breaks}</rowBreaks>`;
}

/** pageMargins, pageSetup, headerFooter and rowBreaks, in schema order (sheetPr carries fitToPage). */
export function pageXml(page: PageSetup, p = ''): string {
  const m = page.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  const fit = page.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : page.scale ? ` scale="${page.scale}"` : '';
  const header = headerFooterText(page.header);
  const footer = headerFooterText(page.footer);
  return [
    `<${p}pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
    `<${p}pageSetup paperSize="9" orientation="${page.orientation}"${fit}/>`,
    header || footer
      ? `<${p}headerFooter>${header ? `<${p}oddHeader>${escapeText(header)}</${p}oddHeader>` : ''}${footer ? `<${p}oddFooter>${escapeText(footer)}</${p}oddFooter>` : ''}</${p}headerFooter>`
      : '',
    rowBreaksXml(page.rowBreaks ?? []),
  ].join('');
}

/**
 * The fit and orientation of a plan's page setup on one of the user's sheets
 * (its worksheet XML as text): the user's paper, margins, header, footer and
 * printer settings stay as they were.
 */
export function withPageFit(xml: string, page: PageSetup): string {
  const { prefix: p, elements } = topLevelElements(xml);
  const sheetPr = elements.find((e) => e.name === 'sheetPr');
  const fitToPage = `<${p}pageSetUpPr fitToPage="${page.fitToWidth ? 1 : 0}"/>`;
  let out = xml;
  if (!sheetPr) {
    out = putWorksheetElement(out, 'sheetPr', `<${p}sheetPr>${fitToPage}</${p}sheetPr>`);
  } else {
    const element = xml.slice(sheetPr.start, sheetPr.end);
    const existing = new RegExp(`<${p}pageSetUpPr\\b[^>]*?/?>`).exec(element);
    const patched = existing
      ? element.replace(existing[0], withAttr(existing[0], 'fitToPage', page.fitToWidth ? '1' : '0'))
      : sheetPr.selfClosing
        ? `${element.slice(0, -2)}>${fitToPage}</${p}sheetPr>`
        : element.replace(new RegExp(`</${p}sheetPr>$`), `${fitToPage}</${p}sheetPr>`);
    out = xml.slice(0, sheetPr.start) + patched + xml.slice(sheetPr.end);
  }
  const pageSetup = topLevelElements(out).elements.find((e) => e.name === 'pageSetup');
  let setup = pageSetup ? out.slice(pageSetup.start, pageSetup.end) : `<${p}pageSetup paperSize="9"/>`;
  setup = withAttr(setup, 'orientation', page.orientation);
  setup = page.fitToWidth ? withAttr(withAttr(setup, 'fitToWidth', '1'), 'fitToHeight', '0') : withAttr(setup, 'scale', String(page.scale ?? 100));
  return putWorksheetElement(out, 'pageSetup', setup);
}

/** A header or footer line in the file's form: "&Lleft&Ccentre&Rright". */
export function headerFooterText(line: HeaderFooterLine | undefined): string {
  if (!line) return '';
  return [line.left ? `&L${line.left}` : '', line.center ? `&C${line.center}` : '', line.right ? `&R${line.right}` : ''].join('');
}

/** Frozen rows/columns as a pane: the top-left cell of the scrolling part and which pane is active. */
function paneXml(freeze: SheetPlan['freeze']): string {
  if (!freeze || (freeze.rows <= 0 && freeze.cols <= 0)) return '';
  const { rows, cols } = freeze;
  const topLeft = rangeAddress(rows, cols, 1, 1);
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  return `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}
