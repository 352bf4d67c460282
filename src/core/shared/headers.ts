import { type SheetGrid, cellAt, isCellError } from '../../model/grid';
import { cellText } from './values';

/** Lower case, punctuation and extra spaces removed: "Good is:" → "good is". */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}%£]+/gu, ' ')
    .trim();
}

/** A field and the header wordings that mean it. */
export type HeaderSynonyms<Field extends string> = Record<Field, readonly string[]>;

/** Normalised wording → field, built once per synonyms table (a sheet 16,384 columns wide asks thousands of times). */
const lookups = new WeakMap<object, Map<string, string>>();

function lookupFor<Field extends string>(synonyms: HeaderSynonyms<Field>): Map<string, Field> {
  let lookup = lookups.get(synonyms) as Map<string, Field> | undefined;
  if (!lookup) {
    lookup = new Map();
    for (const field of Object.keys(synonyms) as Field[]) {
      for (const wording of synonyms[field]) {
        const normalised = normaliseHeader(wording);
        if (!lookup.has(normalised)) lookup.set(normalised, field);
      }
    }
    lookups.set(synonyms, lookup);
  }
  return lookup;
}

/** The field a header names, or undefined. The first field listing a wording wins. */
export function matchHeader<Field extends string>(text: string, synonyms: HeaderSynonyms<Field>): Field | undefined {
  const normalised = normaliseHeader(text);
  if (!normalised) return undefined;
  return lookupFor(synonyms).get(normalised);
}

export interface HeaderRow<Field extends string> {
  /** 0-based row index of the header row. */
  row: number;
  /** Field → 0-based column. The first column wins when a field repeats. */
  columns: Partial<Record<Field, number>>;
  /** Every header cell's text by column, including ones no field matched. */
  texts: string[];
}

/** A row read as a header row, with how many fields it names. */
export interface HeaderCandidate<Field extends string> extends HeaderRow<Field> {
  count: number;
}

/** The first `scanRows` rows read as header rows: a reader that tries several requirements reads them once. */
export function headerCandidates<Field extends string>(sheet: SheetGrid, synonyms: HeaderSynonyms<Field>, scanRows = 30): HeaderCandidate<Field>[] {
  const candidates: HeaderCandidate<Field>[] = [];
  const last = Math.min(sheet.rows.length, scanRows);
  for (let r = 0; r < last; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const columns: Partial<Record<Field, number>> = {};
    const texts: string[] = [];
    let count = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = cellAt(sheet, r, c);
      // A header formula that failed (#NAME?) names nothing: "#NAME?" is not the header "Name".
      const text = cell && isCellError(cell.value) ? '' : cellText(cell);
      texts[c] = text;
      const field = matchHeader(text, synonyms);
      if (field !== undefined && columns[field] === undefined) {
        columns[field] = c;
        count++;
      }
    }
    candidates.push({ row: r, columns, texts, count });
  }
  return candidates;
}

/** The candidate naming the most fields (the first of equals) among those naming every `required` field. */
export function bestHeaderRow<Field extends string>(candidates: readonly HeaderCandidate<Field>[], required: readonly Field[]): HeaderRow<Field> | undefined {
  let best: HeaderCandidate<Field> | undefined;
  for (const candidate of candidates) {
    if (candidate.count > (best?.count ?? 0) && required.every((f) => candidate.columns[f] !== undefined)) best = candidate;
  }
  return best && { row: best.row, columns: best.columns, texts: best.texts };
}

/**
 * Finds the header row in the first `scanRows` rows: the row matching the most
 * fields, which must include every `required` field. Title rows above are skipped.
 */
export function findHeaderRow<Field extends string>(
  sheet: SheetGrid,
  synonyms: HeaderSynonyms<Field>,
  required: readonly Field[],
  scanRows = 30,
): HeaderRow<Field> | undefined {
  return bestHeaderRow(headerCandidates(sheet, synonyms, scanRows), required);
}
