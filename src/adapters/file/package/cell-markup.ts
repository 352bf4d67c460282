/** The markup of a cell Ragbook writes, straight into a part's bytes: no string per cell. */
import { columnLetters } from '../../../model/address';
import { isPlanLink, type PlanValue } from '../../../model/plan';
import type { ByteWriter } from './byte-writer';
import { escapeText } from './xml';

const QUOTE = 34;
const A = 65;

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

/** A number as `${value}` writes it. */
function writeNumber(out: ByteWriter, value: number): void {
  if (Number.isInteger(value) && value >= 0) out.number(value);
  else out.write(String(value));
}

/** The tags of cells written with one namespace prefix, made once rather than per cell. */
interface Tags {
  open: string;
  value: string;
  valueEnd: string;
  bool: [string, string];
  inline: string;
  inlinePreserved: string;
  inlineEnd: string;
}

const tagsByPrefix = new Map<string, Tags>();

function tagsOf(p: string): Tags {
  let tags = tagsByPrefix.get(p);
  if (!tags) {
    tags = {
      open: `<${p}c r="`,
      value: `><${p}v>`,
      valueEnd: `</${p}v></${p}c>`,
      bool: [0, 1].map((b) => ` t="b"><${p}v>${b}</${p}v></${p}c>`) as [string, string],
      inline: ` t="inlineStr"><${p}is><${p}t>`,
      inlinePreserved: ` t="inlineStr"><${p}is><${p}t xml:space="preserve">`,
      inlineEnd: `</${p}t></${p}is></${p}c>`,
    };
    tagsByPrefix.set(p, tags);
  }
  return tags;
}

/** A cell's markup for a plan value; strings are inline text, never formulas. */
export function writeCell(out: ByteWriter, p: string, row: number, col: number, xf: number, value: PlanValue | undefined): void {
  const tags = tagsOf(p);
  out.write(tags.open);
  writeCellRef(out, row, col);
  out.byte(QUOTE);
  if (xf > 0) {
    out.write(' s="');
    out.number(xf);
    out.byte(QUOTE);
  }
  // An empty string is an empty cell: Excel keeps no empty text constants.
  if (value === null || value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))) {
    out.write('/>');
  } else if (typeof value === 'number') {
    out.write(tags.value);
    writeNumber(out, value);
    out.write(tags.valueEnd);
  } else if (typeof value === 'boolean') {
    out.write(tags.bool[value ? 1 : 0]);
  } else {
    const text = isPlanLink(value) ? value.text : value;
    out.write(/^\s|\s$|\n/.test(text) ? tags.inlinePreserved : tags.inline);
    out.write(escapeText(text));
    out.write(tags.inlineEnd);
  }
}
