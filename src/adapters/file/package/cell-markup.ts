/**
 * The markup of a cell Ragbook writes, straight into a part's bytes: its tags
 * are encoded once per namespace prefix, and a text written again and again
 * (a status, a direction of travel) once, with its tags, escaped.
 */
import { columnLetters } from '../../../model/address';
import { isPlanLink, type PlanValue } from '../../../model/plan';
import type { ByteWriter } from './byte-writer';
import { escapeText } from './xml';
import { DOUBLE_QUOTE as QUOTE, LETTER_A as A } from './char-codes';


/** The cell's A1 reference. */
export function writeCellRef(out: ByteWriter, row: number, col: number): void {
  if (col < 26) out.byte(A + col);
  else if (col < 702) {
    out.byte(A - 1 + ((col / 26) | 0));
    out.byte(A + (col % 26));
  } else if (col < 18278) {
    const rest = col - 702;
    out.byte(A + ((rest / 676) | 0));
    out.byte(A + (((rest % 676) / 26) | 0));
    out.byte(A + (rest % 26));
  } else out.write(columnLetters(col));
  out.number(row + 1);
}

const utf8 = new TextEncoder();

/** Texts longer than this are written as they come, not kept. */
const KEPT_LENGTH = 64;
const KEPT_TEXTS = 4096;

/** Writes cells with one namespace prefix. */
class CellTags {
  private readonly open: Uint8Array;
  private readonly style = utf8.encode(' s="');
  private readonly empty = utf8.encode('/>');
  private readonly value: Uint8Array;
  private readonly valueEnd: Uint8Array;
  private readonly booleans: [Uint8Array, Uint8Array];
  /** Text → its cell's markup after the style: type, inline string and end tag. */
  private readonly texts = new Map<string, Uint8Array>();

  constructor(private readonly p: string) {
    this.open = utf8.encode(`<${p}c r="`);
    this.value = utf8.encode(`><${p}v>`);
    this.valueEnd = utf8.encode(`</${p}v></${p}c>`);
    this.booleans = [0, 1].map((b) => utf8.encode(` t="b"><${p}v>${b}</${p}v></${p}c>`)) as [Uint8Array, Uint8Array];
  }

  write(out: ByteWriter, row: number, col: number, xf: number, value: PlanValue | undefined): void {
    out.copy(this.open);
    writeCellRef(out, row, col);
    out.byte(QUOTE);
    if (xf > 0) {
      out.copy(this.style);
      out.number(xf);
      out.byte(QUOTE);
    }
    // An empty string is an empty cell: Excel keeps no empty text constants.
    if (value === null || value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))) {
      out.copy(this.empty);
    } else if (typeof value === 'number') {
      out.copy(this.value);
      if (Number.isInteger(value) && value >= 0) out.number(value);
      else out.write(String(value));
      out.copy(this.valueEnd);
    } else if (typeof value === 'boolean') {
      out.copy(this.booleans[value ? 1 : 0]);
    } else {
      const text = isPlanLink(value) ? value.text : value;
      const kept = this.texts.get(text);
      if (kept) out.copy(kept);
      else if (text.length > KEPT_LENGTH || this.texts.size >= KEPT_TEXTS) out.write(this.inlineText(text));
      else {
        const markup = utf8.encode(this.inlineText(text));
        this.texts.set(text, markup);
        out.copy(markup);
      }
    }
  }

  private inlineText(text: string): string {
    const p = this.p;
    const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
    return ` t="inlineStr"><${p}is><${p}t${space}>${escapeText(text)}</${p}t></${p}is></${p}c>`;
  }
}

const tagsByPrefix = new Map<string, CellTags>();

/** A cell's markup for a plan value; strings are inline text, never formulas. */
export function writeCell(out: ByteWriter, p: string, row: number, col: number, xf: number, value: PlanValue | undefined): void {
  let tags = tagsByPrefix.get(p);
  if (!tags) tagsByPrefix.set(p, (tags = new CellTags(p)));
  tags.write(out, row, col, xf, value);
}
