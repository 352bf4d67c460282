/**
 * Officer-written text on an earlier Commentary sheet, keyed by measure id and
 * period, so a re-run replaces the generated cells and keeps every officer cell.
 * Two layouts are read: the blocks Ragbook writes now (a Ref and a Period row,
 * each box's text under its label) and the earlier table (a row per measure
 * under a header row naming Ref, Period and the four officer columns).
 */
import type { SheetGrid, WorkbookGrids } from '../../model/grid';
import type { IssueList } from '../../model/issue';
import type { PlanValue } from '../../model/plan';
import { findHeaderRow, type HeaderRow } from '../shared/headers';
import { isGeneratedSheet } from '../shared/sheet-names';
import { cellText, valueText } from '../shared/values';

/** The sheet's preferred name (generatedSheetName picks another when the user has a sheet of their own by it). */
export const COMMENTARY_SHEET = 'Commentary';

/** The columns officers write in; Ragbook never overwrites them. */
export const OFFICER_COLUMNS = ['About the latest performance', 'About the target', 'About the target range', 'About benchmarking'] as const;

/** The headers the reader keys rows by. */
export const REF_HEADER = 'Ref';
export const MEASURE_HEADER = 'Measure';
export const PERIOD_HEADER = 'Period';

/** One row's officer cells, in OFFICER_COLUMNS order (null where empty). */
export interface OfficerEntry {
  id: string;
  period: string;
  /** The measure's name as the earlier sheet showed it. */
  name: string;
  texts: PlanValue[];
}

/** "Q2 2017/18" and "q2  2017/18" are the same period. */
export function officerKey(id: string, period: string): string {
  return `${id.trim().toLowerCase()}\u0000${period.replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

type OfficerField = 'ref' | 'period' | 'name' | 'officer0' | 'officer1' | 'officer2' | 'officer3';

const HEADERS: Record<OfficerField, readonly string[]> = {
  ref: [REF_HEADER],
  period: [PERIOD_HEADER],
  name: [MEASURE_HEADER],
  officer0: [OFFICER_COLUMNS[0]],
  officer1: [OFFICER_COLUMNS[1]],
  officer2: [OFFICER_COLUMNS[2]],
  officer3: [OFFICER_COLUMNS[3]],
};
const OFFICER_FIELDS = ['officer0', 'officer1', 'officer2', 'officer3'] as const;

function hasText(value: PlanValue): boolean {
  return value !== null && value !== '';
}

/** Two rows for the same measure and period (an officer copied one): keep both texts. */
function mergeTexts(earlier: PlanValue[], later: PlanValue[]): PlanValue[] {
  return earlier.map((value, i) => {
    const other = later[i];
    if (!hasText(other) || other === value) return value;
    return hasText(value) ? `${valueText(value as string | number | boolean)}\n\n${valueText(other as string | number | boolean)}` : other;
  });
}

/** An officer cell's value, kept as typed; a formula is kept as its value, with an issue. */
function officerValue(sheet: SheetGrid, row: number, col: number | undefined, issues: IssueList): PlanValue {
  const cell = col === undefined ? undefined : sheet.rows[row]?.[col];
  if (!cell || col === undefined) return null;
  if (cell.formula !== undefined) issues.add(sheet.name, row, col, 'the officer cell held a formula — its value is kept as text');
  const value = cell.value;
  if (value === null) return null;
  if (typeof value === 'object') return value.error;
  return typeof value === 'string' && value.trim() === '' ? null : value;
}

function keep(entries: Map<string, OfficerEntry>, entry: OfficerEntry): void {
  if (!entry.id || !entry.texts.some(hasText)) return;
  const key = officerKey(entry.id, entry.period);
  const earlier = entries.get(key);
  if (earlier) earlier.texts = mergeTexts(earlier.texts, entry.texts);
  else entries.set(key, entry);
}

/** The earlier layout: a row per measure under a header row. */
function readTable(sheet: SheetGrid, header: HeaderRow<OfficerField>, issues: IssueList): Map<string, OfficerEntry> {
  const entries = new Map<string, OfficerEntry>();
  const cols = header.columns;
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    const id = cellText(cells?.[cols.ref ?? -1]);
    if (!cells || !id) continue;
    const texts = OFFICER_FIELDS.map((field) => officerValue(sheet, r, cols[field], issues));
    keep(entries, { id, period: cellText(cells[cols.period ?? -1]), name: cellText(cells[cols.name ?? -1]), texts });
  }
  return entries;
}

/** Rows from a block's title down to its Ref row (title, definition or note, Ref). */
const TITLE_ABOVE_REF = 2;

/** The block layout: "Ref" and "Period" rows start a block; each officer box's text sits under its label. */
function readBlocks(sheet: SheetGrid, issues: IssueList): Map<string, OfficerEntry> {
  const entries = new Map<string, OfficerEntry>();
  let entry: OfficerEntry | undefined;
  let refRow = -1;
  const finish = () => {
    if (entry) keep(entries, entry);
  };
  sheet.rows.forEach((cells, r) => {
    if (!cells) return;
    const label = cellText(cells[0]);
    if (label === REF_HEADER) {
      finish();
      const id = cellText(cells[1]);
      const title = cellText(sheet.rows[r - TITLE_ABOVE_REF]?.[0]);
      const name = title.startsWith(`${id} `) ? title.slice(id.length).trim() : title;
      entry = { id, period: '', name, texts: OFFICER_COLUMNS.map(() => null) };
      refRow = r;
      return;
    }
    if (!entry) return;
    // The Period row follows the Ref row; a later row so labelled is not the block's.
    if (label === PERIOD_HEADER && r === refRow + 1) entry.period = cellText(cells[1]);
    cells.forEach((cell, c) => {
      const box = OFFICER_COLUMNS.indexOf(cellText(cell) as (typeof OFFICER_COLUMNS)[number]);
      if (box < 0 || !entry) return;
      // Only the first cell of a merged box holds the text; a reader may repeat the label across it.
      const text = officerValue(sheet, r + 1, c, issues);
      if (hasText(text)) entry.texts[box] = text;
    });
  });
  finish();
  return entries;
}

function readSheet(sheet: SheetGrid, issues: IssueList): Map<string, OfficerEntry> {
  const header = findHeaderRow<OfficerField>(sheet, HEADERS, ['ref', 'period']);
  const isTable = header !== undefined && OFFICER_FIELDS.some((field) => header.columns[field] !== undefined);
  return header && isTable ? readTable(sheet, header, issues) : readBlocks(sheet, issues);
}

/** Officer text from the earlier Commentary sheet, by officerKey, in sheet order; empty when there is none. */
export function readOfficerText(grids: WorkbookGrids, sheetName: string, issues: IssueList): Map<string, OfficerEntry> {
  const sheet = grids.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase() && isGeneratedSheet(s));
  return sheet ? readSheet(sheet, issues) : new Map();
}
