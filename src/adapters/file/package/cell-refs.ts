import { columnLetters } from '../../../model/address';

/** Fast A1 parsing for the hot loops (cell references in every <c r="…">). */

/**
 * "BC12" → 0-based column (54); -1 when there are no letters. `from` and `to`
 * read a reference where it lies in a longer text (a cell's r attribute in
 * its worksheet), without slicing it out.
 */
export function columnOfRef(ref: string, from = 0, to = ref.length): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else if (code !== 36) break; // "$"
  }
  return col - 1;
}

/** "BC12" → 0-based row (11); -1 when there is no number. `from` and `to` as for columnOfRef. */
export function rowOfRef(ref: string, from = 0, to = ref.length): number {
  let row = 0;
  let digits = false;
  for (let i = from; i < to; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      row = row * 10 + code - 48;
      digits = true;
    }
  }
  return digits ? row - 1 : -1;
}

/**
 * A shared formula as it reads in a cell `rows` down and `cols` across from
 * the master: relative references move, $-anchored parts stay.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  let out = '';
  // Quoted text and quoted sheet names are copied as they are.
  for (const piece of formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)) {
    if (piece.startsWith('"') || piece.startsWith("'")) {
      out += piece;
      continue;
    }
    out += piece.replace(/(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g, (_, lead: string, colAnchor: string, letters: string, rowAnchor: string, digits: string) => {
      const col = colAnchor ? columnOfRef(letters) : columnOfRef(letters) + cols;
      const row = rowAnchor ? Number(digits) : Number(digits) + rows;
      if (col < 0 || row < 1) return `${lead}#REF!`;
      return `${lead}${colAnchor}${columnLetters(col)}${rowAnchor}${row}`;
    });
  }
  return out;
}

