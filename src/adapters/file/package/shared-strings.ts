/**
 * The shared-string table (xl/sharedStrings.xml): every item's text, rich
 * text runs joined and phonetic guides left out. Most items are written
 * <si><t>text</t></si> one after another: those are read straight from their
 * characters, the rest (attributes, white space, runs, a prefix) by the cursor.
 */
import { unescapeXml } from './xml';
import { XmlCursor } from './xml-cursor';

export function readSharedStrings(xml: string, part: string): string[] {
  const strings: string[] = [];
  const cursor = new XmlCursor(xml, part);
  while (cursor.next()) {
    if (cursor.kind === 'close' || !cursor.is('si')) continue;
    strings.push(cursor.skipTextChild('t') ? unescapeXml(xml.slice(cursor.textStart, cursor.textEnd)) : cursor.richText('si'));
    for (let end = plainItem(xml, cursor.end, strings); end >= 0; end = plainItem(xml, end, strings)) cursor.seek(end);
  }
  return strings;
}

const ITEM_START = '<si><t>';
const ITEM_END = '</t></si>';

/** When <si><t>text</t></si> is written at `from`, adds its text and returns where it ends; -1 for anything else. */
function plainItem(xml: string, from: number, strings: string[]): number {
  if (!xml.startsWith(ITEM_START, from)) return -1;
  const text = from + ITEM_START.length;
  const textEnd = xml.indexOf('<', text);
  if (textEnd < 0 || !xml.startsWith(ITEM_END, textEnd)) return -1;
  strings.push(unescapeXml(xml.slice(text, textEnd)));
  return textEnd + ITEM_END.length;
}
