/**
 * Worksheet XML as text: where each top-level element sits, inserting one in
 * the schema's order, and the links and columns Ragbook writes (its cells'
 * markup is cell-markup.ts).
 */
import { cellAddress } from '../../../model/address';
import { DIGIT_1 } from './char-codes';
import { numberAt } from './plain-number';
import { attrOf, escapeAttr, withAttr } from './xml';
import { XmlCursor } from './xml-cursor';

/** The children of <worksheet>, in the order CT_Worksheet requires. */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
] as const;

export interface TopLevelElement {
  /** Local name, and the prefix it is written with ("x:" or ""). */
  name: string;
  prefix: string;
  start: number;
  /** Index just past the element's end. */
  end: number;
  /** Index just past the start tag. */
  openEnd: number;
  /** Where the end tag starts (openEnd when self-closing). */
  closeStart: number;
  selfClosing: boolean;
}

/** Where an element's end tag starts and where the element ends, when already known (the reader has been through the sheet's rows). */
export interface KnownEnd {
  start: number;
  closeStart: number;
  end: number;
}

/**
 * The root's children, located by the tokenizer without reading their
 * contents (each end found in one pass; the element starting at `known.start`
 * not searched at all).
 */
export function topLevelElements(xml: string, part = 'the worksheet', known?: KnownEnd): { prefix: string; elements: TopLevelElement[]; rootClose: number } {
  const cursor = new XmlCursor(xml, part);
  if (!cursor.next() || !cursor.is('worksheet') || cursor.kind === 'close') throw new Error('The part is not a worksheet.');
  const prefix = cursor.prefix();
  if (!cursor.hasContent()) throw cursor.damaged('the worksheet is empty');
  const elements: TopLevelElement[] = [];
  while (cursor.child('worksheet')) {
    const { start, end: openEnd } = cursor;
    const isKnown = known?.start === start && cursor.hasContent();
    const closeStart = isKnown ? known.closeStart : cursor.closingTag();
    const end = isKnown ? known.end : cursor.closeEnd;
    elements.push({ name: cursor.name(), prefix: cursor.prefix(), start, end, openEnd, closeStart, selfClosing: !cursor.hasContent() });
    cursor.seek(end);
  }
  return { prefix, elements, rootClose: cursor.start };
}

/** Where an element named `name` goes: before the first existing element that follows it in schema order. */
export function insertionPoint(xml: string, name: string): number {
  const { elements, rootClose } = topLevelElements(xml);
  const rank = WORKSHEET_ORDER.indexOf(name as (typeof WORKSHEET_ORDER)[number]);
  const later = elements.find((e) => WORKSHEET_ORDER.indexOf(e.name as (typeof WORKSHEET_ORDER)[number]) > rank);
  return later ? later.start : rootClose;
}

/** Replaces the top-level element `name` (or inserts it in schema order) with `element`. */
export function putWorksheetElement(xml: string, name: string, element: string): string {
  const existing = topLevelElements(xml).elements.find((e) => e.name === name);
  if (existing) return xml.slice(0, existing.start) + element + xml.slice(existing.end);
  const at = insertionPoint(xml, name);
  return xml.slice(0, at) + element + xml.slice(at);
}

/**
 * The format a row gives its empty cells, from where its customFormat and s
 * values lie (-1 when absent): its s (0 when absent or not a number) when
 * customFormat is "1", else -1 (none).
 */
export function emptyCellFormat(xml: string, custom: number, customEnd: number, style: number, styleEnd: number): number {
  if (custom < 0 || customEnd !== custom + 1 || xml.charCodeAt(custom) !== DIGIT_1) return -1;
  return style < 0 ? 0 : numberAt(xml, style, styleEnd) || 0;
}

/** The <hyperlink> for a link to a place in the workbook. */
export function hyperlinkXml(p: string, row: number, col: number, target: string, text: string): string {
  return `<${p}hyperlink ref="${cellAddress(row, col)}" location="${escapeAttr(target)}" display="${escapeAttr(text)}"/>`;
}

interface ColumnRange {
  min: number;
  max: number;
  /** The <col> element's text. */
  xml: string;
}

/** A child element as text: its local name, its start tag and its whole markup. */
export interface ChildElement {
  name: string;
  startTag: string;
  xml: string;
}

/** The children of the element `xml` holds, in order (comments between them are left out). */
export function childElements(xml: string, part: string): ChildElement[] {
  const cursor = new XmlCursor(xml, part);
  const children: ChildElement[] = [];
  if (!cursor.next() || !cursor.hasContent()) return children;
  const parent = cursor.name();
  while (cursor.child(parent)) {
    const { start, end } = cursor;
    const name = cursor.name();
    cursor.skip();
    children.push({ name, startTag: xml.slice(start, end), xml: xml.slice(start, cursor.end) });
  }
  return children;
}

/** The <col> ranges of a <cols> element (1-based min/max, as in the file). */
export function readColumns(colsXml: string | undefined, part: string): ColumnRange[] {
  if (!colsXml) return [];
  return childElements(colsXml, part)
    .filter((child) => child.name === 'col')
    .map(({ startTag }) => ({
      min: Number(attrOf(startTag, 'min')),
      max: Number(attrOf(startTag, 'max')),
      // A <col> holds nothing: written self-closing.
      xml: startTag.endsWith('/>') ? startTag : `${startTag.slice(0, -1)}/>`,
    }));
}

/** The column's default cell format (its <col style>), or 0. */
export function columnStyle(columns: readonly ColumnRange[], col: number): number {
  const range = columns.find((c) => c.min <= col + 1 && col + 1 <= c.max);
  return Number((range && attrOf(range.xml, 'style')) ?? 0);
}

/** <cols> with the given widths set (0-based column → characters), splitting ranges as needed. */
export function colsWithWidths(p: string, columns: readonly ColumnRange[], widths: Record<number, number>): string {
  let ranges = [...columns];
  for (const [key, width] of Object.entries(widths)) {
    const n = Number(key) + 1;
    const at = ranges.findIndex((c) => c.min <= n && n <= c.max);
    const sized = (xml: string) => withAttr(withAttr(xml, 'width', String(width)), 'customWidth', '1');
    if (at < 0) {
      ranges.push({ min: n, max: n, xml: sized(`<${p}col min="${n}" max="${n}"/>`) });
      continue;
    }
    const range = ranges[at];
    const piece = (min: number, max: number, xml: string) => ({ min, max, xml: withAttr(withAttr(xml, 'min', String(min)), 'max', String(max)) });
    const replacement = [
      ...(range.min < n ? [piece(range.min, n - 1, range.xml)] : []),
      piece(n, n, sized(range.xml)),
      ...(n < range.max ? [piece(n + 1, range.max, range.xml)] : []),
    ];
    ranges = [...ranges.slice(0, at), ...replacement, ...ranges.slice(at + 1)];
  }
  ranges.sort((a, b) => a.min - b.min);
  return `<${p}cols>${ranges.map((r) => r.xml).join('')}</${p}cols>`;
}
