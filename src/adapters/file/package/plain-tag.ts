/**
 * Start tags and cells written the usual way, <row r="12" spans="1:3"> and
 * <c r="B2" s="3" t="s"><v>19</v></c>, found from their characters: where the
 * tag, its r, s and t values, a cell's text and its end lie. The reader (rows
 * and cells) and the patcher (cells) go over every one of a big sheet with
 * this one scanner, so the patcher runs it already compiled. Anything else is
 * left to the XML cursor, which reads any spelling XML allows.
 */
import { DOUBLE_QUOTE, EQUALS, GT, isSpace, LETTER_C, LETTER_R, LETTER_S, LETTER_T, LETTER_V, LT, SLASH } from './char-codes';

/** Reused from tag to tag: one scanner per sheet, no object per cell. */
export class PlainTag {
  /** The "<" of the start tag. */
  start = 0;
  /** Where the r, s and t values lie, from the character after the opening quote to the closing one; -1 when absent. */
  ref = -1;
  refEnd = -1;
  style = -1;
  styleEnd = -1;
  type = -1;
  typeEnd = -1;
  /** A row's spans attribute, from its name to its closing quote, and its customFormat value; -1 when absent. */
  spans = -1;
  spansEnd = -1;
  customFormat = -1;
  customFormatEnd = -1;
  /** The ">" or "/>" that ends the start tag. */
  tagClose = 0;
  /** A cell's <v> text, -1 when it has none. */
  text = -1;
  textEnd = -1;
  /** Just past the cell. */
  end = 0;

  /**
   * Reads the start tag of `name` after `from` and any white space when it is
   * written without a prefix, attributes written name="value" (r, s and t
   * once each; white space between them is not insisted on). Returns where
   * the tag ends, or -1 for any other spelling (the fields are then not to be read).
   */
  startTag(xml: string, from: number, name: string): number {
    let i = from;
    // (code <= 32 first: a call costs more than the test while this code is still uncompiled, for every cell)
    while (xml.charCodeAt(i) <= 32 && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== LT) return -1;
    for (let k = 0; k < name.length; k++) if (xml.charCodeAt(i + 1 + k) !== name.charCodeAt(k)) return -1;
    this.start = i;
    i += 1 + name.length;
    let code = xml.charCodeAt(i);
    if (code !== GT && code !== SLASH && !isSpace(code)) return -1;
    this.ref = this.refEnd = this.style = this.styleEnd = this.type = this.typeEnd = -1;
    this.spans = this.spansEnd = this.customFormat = this.customFormatEnd = -1;
    for (;;) {
      while (code <= 32 && isSpace(code)) code = xml.charCodeAt(++i);
      if (code === GT || code === SLASH) break;
      const attribute = i;
      while (code !== EQUALS) {
        if (code <= 32 || code === GT || code === SLASH || code === LT || code === DOUBLE_QUOTE || Number.isNaN(code)) return -1;
        code = xml.charCodeAt(++i);
      }
      if (i === attribute || xml.charCodeAt(i + 1) !== DOUBLE_QUOTE) return -1;
      const value = i + 2;
      const valueEnd = xml.indexOf('"', value);
      if (valueEnd < 0) return -1;
      if (i - attribute === 1) {
        const letter = xml.charCodeAt(attribute);
        if (letter === LETTER_R) {
          if (this.ref >= 0) return -1;
          this.ref = value;
          this.refEnd = valueEnd;
        } else if (letter === LETTER_S) {
          if (this.style >= 0) return -1;
          this.style = value;
          this.styleEnd = valueEnd;
        } else if (letter === LETTER_T) {
          if (this.type >= 0) return -1;
          this.type = value;
          this.typeEnd = valueEnd;
        }
      } else if (i - attribute === 5 && xml.startsWith('spans', attribute)) {
        if (this.spans >= 0) return -1;
        this.spans = attribute;
        this.spansEnd = valueEnd;
      } else if (i - attribute === 12 && xml.startsWith('customFormat', attribute)) {
        if (this.customFormat >= 0) return -1;
        this.customFormat = value;
        this.customFormatEnd = valueEnd;
      }
      i = valueEnd + 1;
      code = xml.charCodeAt(i);
    }
    this.tagClose = i;
    if (code === GT) return i + 1;
    return xml.charCodeAt(i + 1) === GT ? i + 2 : -1;
  }

  /**
   * Reads the cell after `from` when its start tag is plain (see startTag)
   * and it holds nothing, or <v>text</v>: returns its end, or -1 for any
   * other spelling.
   */
  cell(xml: string, from: number): number {
    const tagEnd = this.startTag(xml, from, 'c');
    if (tagEnd < 0) return -1;
    this.text = this.textEnd = -1;
    if (xml.charCodeAt(this.tagClose) === SLASH) return (this.end = tagEnd);
    if (xml.charCodeAt(tagEnd) !== LT) return -1;
    if (xml.charCodeAt(tagEnd + 1) === SLASH) {
      if (xml.charCodeAt(tagEnd + 2) !== LETTER_C || xml.charCodeAt(tagEnd + 3) !== GT) return -1;
      return (this.end = tagEnd + 4);
    }
    if (xml.charCodeAt(tagEnd + 1) !== LETTER_V || xml.charCodeAt(tagEnd + 2) !== GT) return -1;
    const text = tagEnd + 3;
    let textEnd = text;
    while (xml.charCodeAt(textEnd) !== LT) if (++textEnd >= xml.length) return -1;
    if (!endsValueAndCell(xml, textEnd)) return -1;
    this.text = text;
    this.textEnd = textEnd;
    return (this.end = textEnd + 8);
  }
}

/** True when "</v></c>" is written at `at` (startsWith() costs more than these comparisons, once per cell). */
function endsValueAndCell(xml: string, at: number): boolean {
  return (
    xml.charCodeAt(at) === LT &&
    xml.charCodeAt(at + 1) === SLASH &&
    xml.charCodeAt(at + 2) === LETTER_V &&
    xml.charCodeAt(at + 3) === GT &&
    xml.charCodeAt(at + 4) === LT &&
    xml.charCodeAt(at + 5) === SLASH &&
    xml.charCodeAt(at + 6) === LETTER_C &&
    xml.charCodeAt(at + 7) === GT
  );
}
