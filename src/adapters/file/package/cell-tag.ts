/**
 * A cell written the usual way, <c r="B2" s="3" t="s"><v>19</v></c>, found
 * from its characters: where its start tag, its r, s and t values, its text
 * and its end lie. The reader and the patcher both go over every cell of a
 * big sheet with this one scanner, so the patcher runs it already compiled.
 * Anything else is left to the XML cursor, which reads any spelling XML allows.
 */
import { DOUBLE_QUOTE, EQUALS, GT, isSpace, LETTER_C, LETTER_R, LETTER_S, LETTER_T, LETTER_V, LT, SLASH } from './char-codes';

/** Reused from cell to cell: one scanner per sheet, no object per cell. */
export class PlainCellTag {
  /** The "<" of the start tag. */
  start = 0;
  /** Where the r, s and t values lie, from the character after the opening quote to the closing one; -1 when absent. */
  ref = -1;
  refEnd = -1;
  style = -1;
  styleEnd = -1;
  type = -1;
  typeEnd = -1;
  /** The ">" or "/>" that ends the start tag. */
  tagClose = 0;
  /** The text of <v>, -1 when the cell has none. */
  text = -1;
  textEnd = -1;
  /** Just past the cell. */
  end = 0;

  /**
   * Reads the cell after `from` and any white space when it is <c> without a
   * prefix, attributes written name="value" (r, s and t once each; white space
   * between them is not insisted on), then nothing, </c>, or <v>text</v></c>. Returns its end, or -1 for any other
   * spelling (the fields are then not to be read).
   */
  scan(xml: string, from: number): number {
    let i = from;
    // (code <= 32 first: a call costs more than the test while this code is still uncompiled, for every cell)
    while (xml.charCodeAt(i) <= 32 && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== LT || xml.charCodeAt(i + 1) !== LETTER_C) return -1;
    this.start = i;
    i += 2;
    let code = xml.charCodeAt(i);
    if (code !== GT && code !== SLASH && !isSpace(code)) return -1;
    this.ref = this.refEnd = this.style = this.styleEnd = this.type = this.typeEnd = -1;
    for (;;) {
      while (code <= 32 && isSpace(code)) code = xml.charCodeAt(++i);
      if (code === GT || code === SLASH) break;
      const name = i;
      while (code !== EQUALS) {
        if (code <= 32 || code === GT || code === SLASH || code === LT || code === DOUBLE_QUOTE || Number.isNaN(code)) return -1;
        code = xml.charCodeAt(++i);
      }
      if (i === name || xml.charCodeAt(i + 1) !== DOUBLE_QUOTE) return -1;
      const value = i + 2;
      const valueEnd = xml.indexOf('"', value);
      if (valueEnd < 0) return -1;
      if (i - name === 1) {
        const letter = xml.charCodeAt(name);
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
      }
      i = valueEnd + 1;
      code = xml.charCodeAt(i);
    }
    this.tagClose = i;
    this.text = this.textEnd = -1;
    if (code === SLASH) {
      if (xml.charCodeAt(i + 1) !== GT) return -1;
      return (this.end = i + 2);
    }
    if (xml.charCodeAt(i + 1) !== LT) return -1;
    if (xml.charCodeAt(i + 2) === SLASH) {
      if (xml.charCodeAt(i + 3) !== LETTER_C || xml.charCodeAt(i + 4) !== GT) return -1;
      return (this.end = i + 5);
    }
    if (xml.charCodeAt(i + 2) !== LETTER_V || xml.charCodeAt(i + 3) !== GT) return -1;
    const text = i + 4;
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
