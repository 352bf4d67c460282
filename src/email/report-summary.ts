/**
 * What an email about a report says, read back from the report's Summary sheet:
 * its title (A1), the period it covers and the count of measures per status.
 * Pure: works on grids, whichever adapter read them.
 */
import type { SheetGrid, WorkbookGrids } from '../model/grid';
import { SUMMARY_SHEET } from '../core/summary/summary-sheet';
import { generatedSheet } from '../core/shared/sheet-names';
import { normaliseHeader } from '../core/shared/headers';
import { cellText, readCellNumber } from '../core/shared/values';
import { parsePeriod } from '../core/measures/period';
import { SCHEME_NAMES, STATUSES, schemeNamed } from '../core/measures/scheme';

export interface StatusCount {
  /** The status label as the sheet writes it: "Within tolerance". */
  label: string;
  count: number;
}

export interface ReportSummary {
  title?: string;
  /** The reported period as written, e.g. "Q2 2017/18". */
  period?: string;
  /** Measures per status, in the sheet's order; empty when the sheet has no status table. */
  counts: StatusCount[];
}

/** Every scheme's status labels, normalised: "met", "within tolerance", "not achieved"… */
const STATUS_LABELS = new Set(
  SCHEME_NAMES.flatMap((name) => STATUSES.map((status) => normaliseHeader(schemeNamed(name)?.looks[status].label ?? ''))),
);
const TOTAL_ROWS = new Set(['total', 'all', 'all measures', 'overall', 'all themes']);
const TOTAL_COLUMNS = new Set(['total', 'all', 'measures', 'all measures']);

function isStatusLabel(text: string): boolean {
  return STATUS_LABELS.has(normaliseHeader(text));
}

/** Candidate period wordings inside longer text: "Q2 2017/18", "Quarter 2 2017-18", "2017/18", "June 2018". */
const PERIOD_PATTERN =
  /\b(?:(?:Q|Qtr|Quarter)\s*[1-4],?\s*\d{2,4}\s*[/\-–]\s*\d{2,4}|\d{4}\s*[/\-–]\s*\d{2,4}\s*,?\s*(?:Q|Qtr|Quarter)\s*[1-4]|\d{4}\s*[/\-–]\s*\d{2,4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})\b/gi;

/** The first recognised period mentioned in the text. */
export function periodIn(text: string): string | undefined {
  for (const match of text.matchAll(PERIOD_PATTERN)) if (parsePeriod(match[0])) return match[0];
  return undefined;
}

function rowTexts(sheet: SheetGrid, row: number): string[] {
  return (sheet.rows[row] ?? []).map((cell) => cellText(cell));
}

function isBlankRow(texts: string[]): boolean {
  return texts.every((text) => text === '');
}

function cellCount(sheet: SheetGrid, row: number, col: number): number {
  const reading = readCellNumber(sheet.rows[row]?.[col]);
  return reading.kind === 'number' ? reading.reading.value * reading.reading.multiplier : 0;
}

/** A table with one column per status ("Theme | Met | Not met… | Total"): the total row, else the sum of its rows. */
function countsAcross(sheet: SheetGrid, headerRow: number, statusCols: number[]): StatusCount[] {
  const header = rowTexts(sheet, headerRow);
  const sums = statusCols.map(() => 0);
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const texts = rowTexts(sheet, r);
    if (isBlankRow(texts) || statusCols.every((c) => texts[c] === '')) break;
    if (TOTAL_ROWS.has(normaliseHeader(texts[0] ?? ''))) {
      return statusCols.map((c) => ({ label: header[c], count: cellCount(sheet, r, c) }));
    }
    statusCols.forEach((c, i) => (sums[i] += cellCount(sheet, r, c)));
  }
  return statusCols.map((c, i) => ({ label: header[c], count: sums[i] }));
}

/** A table with one row per status ("Status | Measures"): the label and the first number on each row. */
function countsDown(sheet: SheetGrid, headerRow: number): StatusCount[] {
  const counts: StatusCount[] = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const texts = rowTexts(sheet, r);
    const col = texts.findIndex((_, c) => c > 0 && readCellNumber(sheet.rows[r]?.[c]).kind === 'number');
    if (!isStatusLabel(texts[0] ?? '') || col < 0) break;
    counts.push({ label: texts[0], count: cellCount(sheet, r, col) });
  }
  return counts;
}

/**
 * The first status table on the sheet, either way round. Under a "Measures by
 * status" heading every column but the first and Total is a status (labels may
 * be the Settings sheet's own); elsewhere the columns must be known labels.
 */
function statusCounts(sheet: SheetGrid): StatusCount[] {
  for (let r = 1; r < sheet.rows.length; r++) {
    const texts = rowTexts(sheet, r);
    const underHeading = normaliseHeader(rowTexts(sheet, r - 1)[0] ?? '').startsWith('measures by status');
    // Columns after Total ("Improving but not met", "Latest available (stale)") count some measures again: not statuses.
    const totalAt = texts.findIndex((text, c) => c > 0 && TOTAL_COLUMNS.has(normaliseHeader(text)));
    const statusCols = texts.flatMap((text, c) =>
      c > 0 && text !== '' && (underHeading ? !TOTAL_COLUMNS.has(normaliseHeader(text)) && (totalAt < 0 || c < totalAt) : isStatusLabel(text)) ? [c] : [],
    );
    if (statusCols.length >= 2) return countsAcross(sheet, r, statusCols);
    if (normaliseHeader(texts[0] ?? '') === 'status') {
      const counts = countsDown(sheet, r);
      if (counts.length > 0) return counts;
    }
  }
  return [];
}

/** Ragbook's Summary sheet: "Summary", or "Summary (2)" beside a user's own. */
function summarySheet(grids: WorkbookGrids): SheetGrid | undefined {
  return generatedSheet(grids, SUMMARY_SHEET);
}

/** The Summary sheet's title, period and status counts; undefined when the workbook has no Summary sheet. */
export function readReportSummary(grids: WorkbookGrids): ReportSummary | undefined {
  const sheet = summarySheet(grids);
  if (!sheet) return undefined;
  // The sheet is titled "<report title>: summary"; the email is about the report.
  const title = cellText(sheet.rows[0]?.[0]).replace(/\s*:\s*summary$/i, '') || undefined;
  const columnA = sheet.rows.map((row) => cellText(row?.[0]));
  const period = columnA.map(periodIn).find((p) => p !== undefined);
  return { title, period, counts: statusCounts(sheet) };
}
