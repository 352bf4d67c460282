/**
 * Names for the sheets Ragbook generates: the one place that decides them, so
 * both adapters execute plans that never take a user's sheet's place (SPEC §4).
 * A sheet is Ragbook's only when it carries Ragbook's mark (model/marks.ts),
 * whatever its name or its text says.
 */
import type { SheetGrid, WorkbookGrids } from '../../model/grid';

const MAX_SHEET_NAME = 31;
/** Excel reserves this name for its change history. */
const RESERVED = 'history';

/** True when the sheet is one Ragbook generated (and will replace on a re-run). */
export function isGeneratedSheet(sheet: SheetGrid): boolean {
  return sheet.marks?.generated === true;
}

/** Words a shortened name should not end on ("Timely assessments for…"). */
const DANGLING = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', '-', '–', '—', '&', '+', '/']);

/** The first `length` UTF-16 units of `text`, never half of a character outside the BMP (Excel counts units). */
function firstUnits(text: string, length: number): string {
  const cut = text.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * `text` in at most `length` characters: whole if it fits, else cut after a
 * whole word (not on a small joining word, not inside a bracket it leaves
 * open) and marked "…". A single word longer than that is cut within it.
 */
function shortened(text: string, length: number): string {
  if (text.length <= length) return text;
  const room = length - 1;
  let words = firstUnits(text, room).split(' ');
  if (text[room] !== ' ' && words.length > 1) words.pop();
  // "Children (aged 0 to…": the bracket's words go, so no bracket is left open.
  const kept = words.join(' ');
  const bracket = kept.lastIndexOf('(');
  if (bracket > 0 && !kept.includes(')', bracket)) words = kept.slice(0, bracket).trimEnd().split(' ');
  while (words.length > 1 && DANGLING.has(words.at(-1)?.toLowerCase() ?? '')) words.pop();
  return `${words.join(' ').replace(/[\s,.;:(–—&/+-]+$/, '')}…`;
}

/** A name Excel accepts: no []:*?/\ , no apostrophe at either end (length: see shortened). */
function cleanSheetName(wanted: string): string {
  return wanted.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || 'Sheet';
}

/**
 * The name for a generated sheet: the one wanted (at most 31 characters, cut
 * at a word and marked "…"), unless the user has a sheet
 * of that name (compared without case, as Excel does) or this run has already
 * given it (`taken`, lower case; the name chosen is added). Then "Contents (2)",
 * "Contents (3)"…: the first that is free or Ragbook's own, so a re-run
 * replaces its own "Contents (2)" rather than adding "Contents (3)".
 */
export function generatedSheetName(grids: WorkbookGrids, wanted: string, taken: Set<string> = new Set()): string {
  const clean = cleanSheetName(wanted);
  const sheets = new Map(grids.sheets.map((s) => [s.name.toLowerCase(), s]));
  const usable = (name: string) => {
    const key = name.toLowerCase();
    const sheet = sheets.get(key);
    return !taken.has(key) && key !== RESERVED && (!sheet || isGeneratedSheet(sheet));
  };
  let name = shortened(clean, MAX_SHEET_NAME);
  for (let n = 2; !usable(name); n++) {
    const suffix = ` (${n})`;
    name = shortened(clean, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** Ragbook's own sheet that generatedSheetName would replace, when the workbook has one. */
export function generatedSheet(grids: WorkbookGrids, wanted: string): SheetGrid | undefined {
  const name = generatedSheetName(grids, wanted).toLowerCase();
  return grids.sheets.find((s) => s.name.toLowerCase() === name && isGeneratedSheet(s));
}
