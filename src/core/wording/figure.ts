/**
 * Figures carrying other text, as pasted from Word: "Actual: 77.94%",
 * "25% (April 2015 – March 2016)", "Actual: 63.6% (April 2015 – March 2016)",
 * "Target - 92%". The label in front and a period in brackets behind are set
 * aside; what is left must be one number.
 */
import type { Cell } from '../../model/grid';
import { parsePeriod } from '../measures/period';
import { type CellNumber, parseNumberText, readCellNumber } from '../shared/values';

const LABEL = /^(?:actual|actuals|outturn|result|performance|figure|value|current|latest|ytd|year to date|target|annual target|baseline)\s*(?:[:=]|-|–)\s*/i;
const BRACKET = /\s*\(([^()]*)\)\s*$/;

/** The number's text with a label and a bracketed period removed; undefined when there was neither. */
export function figureText(text: string): string | undefined {
  let t = text.trim();
  const labelled = LABEL.exec(t);
  if (labelled) t = t.slice(labelled[0].length);
  const bracket = BRACKET.exec(t);
  const period = bracket && parsePeriod(bracket[1].replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim());
  if (bracket && period) t = t.slice(0, bracket.index);
  return labelled || period ? t.trim() : undefined;
}

/** A cell read as a number, reading through a label and a bracketed period around the figure. */
export function readFigure(cell: Cell | undefined): CellNumber {
  const read = readCellNumber(cell);
  if (read.kind !== 'not-a-number') return read;
  const inner = figureText(read.text);
  const reading = inner === undefined ? undefined : parseNumberText(inner);
  return reading ? { kind: 'number', reading } : read;
}
