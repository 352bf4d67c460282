/**
 * Officer-written text on an earlier Commentary sheet, keyed by measure id and
 * period, so a re-run replaces the generated cells and keeps every officer cell.
 */
import type { SheetGrid, WorkbookGrids } from '../../model/grid';
import type { IssueList } from '../../model/issue';
import type { PlanValue } from '../../model/plan';
import { findHeaderRow } from '../shared/headers';
import { isGeneratedSheet } from '../shared/sheet-builder';
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

function readSheet(sheet: SheetGrid, issues: IssueList): Map<string, OfficerEntry> {
  const entries = new Map<string, OfficerEntry>();
  const header = findHeaderRow<OfficerField>(sheet, HEADERS, ['ref', 'period']);
  if (!header) return entries;
  const cols = header.columns;
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    const id = cellText(cells?.[cols.ref ?? -1]);
    if (!cells || !id) continue;
    const texts: PlanValue[] = OFFICER_FIELDS.map((field) => {
      const col = cols[field];
      const cell = col === undefined ? undefined : cells[col];
      if (!cell || col === undefined) return null;
      if (cell.formula !== undefined) issues.add(sheet.name, r, col, 'the officer cell held a formula — its value is kept as text');
      const value = cell.value;
      if (value === null) return null;
      if (typeof value === 'object') return value.error;
      return typeof value === 'string' && value.trim() === '' ? null : value;
    });
    if (!texts.some(hasText)) continue;
    const period = cellText(cells[cols.period ?? -1]);
    const key = officerKey(id, period);
    const earlier = entries.get(key);
    if (earlier) earlier.texts = mergeTexts(earlier.texts, texts);
    else entries.set(key, { id, period, name: cellText(cells[cols.name ?? -1]), texts });
  }
  return entries;
}

/** Officer text from the earlier Commentary sheet, by officerKey, in sheet order; empty when there is none. */
export function readOfficerText(grids: WorkbookGrids, sheetName: string, issues: IssueList): Map<string, OfficerEntry> {
  const sheet = grids.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase() && isGeneratedSheet(s));
  return sheet ? readSheet(sheet, issues) : new Map();
}
