/**
 * Tracks every action in the workbook as at a date: the as-at date, warning
 * window and scheme (options first, then the Settings sheet, then defaults),
 * each action's due date and state, and the Issues found on the way.
 */
import type { WorkbookGrids } from '../../model/grid';
import { type Issue, IssueList } from '../../model/issue';
import { ReportInputError } from '../errors';
import { readMeasureSettings } from '../measures/measure-settings';
import { COLOURS, type Scheme } from '../measures/scheme';
import type { ReportOptions } from '../report';
import { normaliseHeader } from '../shared/headers';
import { readSettingsSheet, type SettingRow } from '../shared/settings-sheet';
import { cellText, isDateFormat, readCellNumber } from '../shared/values';
import { formatLongDate, isIsoDate, serialDate } from './dates';
import { type ActionRecord, readActionPlans } from './reader';
import { type ActionState, DEFAULT_WARNING_DAYS, judgeAction, stateLook } from './state';
import { findDates, isCompletionNote, readTimescale, saysComplete, type TimescaleReading } from './timescale';

export interface TrackedAction {
  record: ActionRecord;
  /** The timescale as the officer wrote it (a date cell shown as "31 March 2013"). */
  timescaleText: string;
  reading: TimescaleReading;
  state: ActionState;
  label: string;
  due?: string;
  daysOverdue?: number;
  /** The newest dated update in the progress text, or all of it when the updates are not dated. */
  latestProgress: string;
}

export interface ActionTracking {
  asAt: string;
  warningDays: number;
  scheme: Scheme;
  actions: TrackedAction[];
  issues: Issue[];
}

/** A date from a Settings value: a date cell, an Excel day number, or text such as "31/03/2013". */
function settingDate(row: SettingRow): string | undefined {
  const cell = row.values[0];
  if (typeof cell?.value === 'number') return isDateFormat(cell.numberFormat) || cell.value > 3000 ? serialDate(cell.value) : undefined;
  const { dates, invalid } = findDates(cellText(cell));
  return dates.length === 1 && invalid.length === 0 ? dates[0] : undefined;
}

function resolveAsAt(options: ReportOptions, row: SettingRow | undefined, issues: IssueList): string {
  if (options.asAt) {
    if (!isIsoDate(options.asAt)) throw new ReportInputError(`the as-at date '${options.asAt}' is not a real date (write it YYYY-MM-DD)`);
    return options.asAt;
  }
  if (!row || !cellText(row.values[0])) return options.today;
  const date = settingDate(row);
  if (date) return date;
  issues.add(row.sheet, row.row, 1, `'${cellText(row.values[0])}' is not a date — actions are judged as at today, ${formatLongDate(options.today)}`);
  return options.today;
}

function resolveWarningDays(row: SettingRow | undefined, issues: IssueList): number {
  if (!row || !cellText(row.values[0])) return DEFAULT_WARNING_DAYS;
  const number = readCellNumber(row.values[0]);
  if (number.kind === 'number' && Number.isInteger(number.reading.value) && number.reading.value >= 0 && number.reading.value <= 366) {
    return number.reading.value;
  }
  issues.add(row.sheet, row.row, 1, `'${cellText(row.values[0])}' is not a number of days from 0 to 366 — the default of ${DEFAULT_WARNING_DAYS} days is used`);
  return DEFAULT_WARNING_DAYS;
}

/** A Status column that says the recommendation was turned down. */
const STATUS_REJECTED = /^(?:not accepted|not agreed|rejected|declined)$/;

const LEADING_DATE = /^\s*\(?([^:()]{4,30}?)\)?\s*(?::|\s[-–]\s)/;

function leadingDate(line: string): string | undefined {
  const match = LEADING_DATE.exec(line);
  if (!match) return undefined;
  const { dates, invalid } = findDates(match[1]);
  return dates.length === 1 && invalid.length === 0 ? dates[0] : undefined;
}

/**
 * Progress cells gather updates over months ("Jan 2013: consultation closed…").
 * When two or more lines start with a date, the update with the latest date is
 * the latest progress (officers add them at the top or the bottom); otherwise
 * the whole text is.
 */
export function latestProgress(progress: readonly string[]): string {
  const whole = progress.join('\n').trim();
  const entries: { date?: string; lines: string[] }[] = [];
  for (const line of whole.split('\n')) {
    const date = leadingDate(line);
    if (date || entries.length === 0) entries.push({ date, lines: [line] });
    else entries[entries.length - 1].lines.push(line);
  }
  const dated = entries.filter((e) => e.date !== undefined);
  if (dated.length < 2) return whole;
  const latest = dated.reduce((a, b) => ((b.date as string) >= (a.date as string) ? b : a));
  return latest.lines.join('\n').trim();
}

/** The colour an officer's RAG column gives, in the words officers use; undefined for other text. */
function officerColour(text: string): string | undefined {
  const words = normaliseHeader(text).split(' ');
  if (words.includes('red') || words.includes('r')) return COLOURS.red;
  if (words.includes('amber') || words.includes('a') || words.includes('yellow')) return COLOURS.amber;
  if (words.includes('green') || words.includes('g')) return COLOURS.green;
  if (words.includes('blue') || words.includes('b')) return COLOURS.blue;
  return undefined;
}

/** An officer's own RAG is kept as written; where it disagrees with the state Ragbook works out, an Issue says so. */
function checkOfficerRag(record: ActionRecord, state: ActionState, scheme: Scheme, issues: IssueList): void {
  const colour = officerColour(record.status);
  if (!colour || !record.statusAt) return;
  const look = stateLook(state, scheme);
  const agrees = colour === look.colour || (state === 'complete' && (colour === COLOURS.blue || colour === COLOURS.green));
  if (agrees) return;
  issues.add(record.sheet, record.statusAt.row, record.statusAt.col, `the officer's RAG '${record.status}' differs from Ragbook's state '${look.label}' for action ${record.ref} — both are shown on the Action plan sheet`);
}

export function trackActions(grids: WorkbookGrids, options: ReportOptions): ActionTracking {
  const issues = new IssueList();
  const settings = readSettingsSheet(grids);
  const asAt = resolveAsAt(options, settings.find('As at', 'As at date', 'Report date', 'Reporting date'), issues);
  const warningDays = resolveWarningDays(settings.find('Warning window', 'Warning window (days)', 'Due soon window', 'Due soon (days)', 'Warning days'), issues);
  const { scheme } = readMeasureSettings(settings, options, issues);

  const actions = readActionPlans(grids, issues).map((record): TrackedAction => {
    const reading = readTimescale(record.timescale?.cell);
    if (reading.kind === 'unreadable' && record.timescale) issues.add(record.sheet, record.timescale.row, record.timescale.col, reading.message);
    const progress = latestProgress(record.progress);
    const judgement = judgeAction({
      reading,
      rejected: !record.recommendation.accepted || STATUS_REJECTED.test(normaliseHeader(record.status)),
      hasAction: record.action !== '',
      // "Completed" may be written in the Status, the Who or the Progress column.
      statusComplete: saysComplete(record.status) || isCompletionNote(record.lead) || isCompletionNote(progress),
      asAt,
      warningDays,
    });
    checkOfficerRag(record, judgement.state, scheme, issues);
    return {
      record,
      timescaleText: reading.kind === 'due' && typeof record.timescale?.cell?.value === 'number' ? formatLongDate(reading.due) : cellText(record.timescale?.cell),
      reading,
      state: judgement.state,
      label: stateLook(judgement.state, scheme).label,
      due: judgement.due,
      daysOverdue: judgement.daysOverdue,
      latestProgress: progress,
    };
  });
  return { asAt, warningDays, scheme, actions, issues: issues.items };
}
