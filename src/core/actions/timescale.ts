/**
 * Reading an action's timescale (SPEC §5.5): free text pasted from Word
 * ("Completed.", "by Autumn 2012", "Q3 2016/17", "Await consultation") or a
 * date cell, read as a due date or as one of the words that mean there is none.
 *
 * Precedence, first match wins:
 *   1. completion words ("Completed March 2013" is complete, not overdue);
 *   2. ongoing words ("Ongoing – annual review", "Quarterly" have no single deadline);
 *   3. dates: the latest one written ("April 2012 to March 2013" is due 31 March 2013),
 *      except a start with no end ("From April 2013 onwards" is ongoing);
 *   4. words that say there is no date yet ("TBC", "Await consultation"), and "N/A";
 *   5. anything else is unreadable: no date, and the caller raises an Issue.
 */
import { type Cell, isCellError } from '../../model/grid';
import { monthIndex, parsePeriod, periodEndDate } from '../measures/period';
import { isDateFormat } from '../shared/values';
import { calendarDate, monthEndDate, serialDate } from './dates';

export type TimescaleReading =
  | { kind: 'complete' }
  | { kind: 'ongoing' }
  | { kind: 'due'; due: string }
  | { kind: 'no-date'; reason: 'blank' | 'words' }
  /** "N/A": with no action as well, the recommendation was not accepted. */
  | { kind: 'not-applicable' }
  | { kind: 'unreadable'; message: string };

/** Curly quotes, non-breaking spaces and Word's line breaks made plain; lower case. */
function plain(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .toLowerCase();
}

const COMPLETION_WORD = /\b(completed|complete|done|signed[\s-]*off)\b/g;
/** Words before a completion word that make it a statement of fact ("now complete", "was signed off"). */
const AFFIRMING = /(?:^|[.;:,!()\n-]|\b(?:now|fully|was|were|been|is|are|already|status))\s*$/;
/** "Complete by March 2013" is an instruction with a deadline, not a report of completion. */
const DEADLINE_AFTER = /^\s+(?:by|before|in|during|within|for|no later than)\b/;

/**
 * True when the text reports the action as finished: "Completed.", "Done",
 * "Signed off by Cabinet 12/03/2013", "This was completed in March 2013";
 * not "To be completed by March 2013", "Partially complete" or "Complete by June 2013".
 */
export function saysComplete(text: string): boolean {
  const s = plain(text).trim();
  for (const match of s.matchAll(COMPLETION_WORD)) {
    const before = s.slice(0, match.index);
    if (!AFFIRMING.test(before)) continue;
    if (match[1] === 'complete' && DEADLINE_AFTER.test(s.slice(match.index + match[0].length))) continue;
    return true;
  }
  return false;
}

/**
 * True when a whole cell is a note of completion and nothing else: "Completed",
 * "Complete – March 2013", "Done." (officers write it in the Who or Progress column).
 */
export function isCompletionNote(text: string): boolean {
  let rest = plain(text);
  for (const form of DATE_FORMS) rest = rest.replace(form.pattern, ' ');
  return /^[\s.,:;()-]*(?:completed?|done|signed[\s-]*off)[\s.,:;()-]*(?:(?:on|in)[\s.]*)?$/.test(rest);
}

const ONGOING =
  /\b(?:on[\s-]?going|continuous(?:ly)?|continual(?:ly)?|continuing|annual(?:ly)?|yearly|quarterly|monthly|weekly|every (?:year|quarter|month|week)|rolling programme|business as usual)\b/;
/** "From April 2013", "April 2013 onwards": a start, not a deadline, unless an end is given too. */
const START_ONLY = /\b(?:from|onwards?|starting|commencing|beginning)\b/;
const END_GIVEN = /\b(?:to|until|till|by|before|end)\b|\s-\s|\d{4}\s*-\s*[a-z]/;
const NO_DATE_YET =
  /\b(?:(?:short|medium|long)[\s-]term|await(?:ing|s)?|tbc|tbd|tba|to be (?:confirmed|determined|agreed|decided|arranged|set|announced)|subject to|dependent (?:on|upon)|depends on|pending|not (?:yet )?known|unknown|date not (?:yet )?set)\b/;
const NOT_APPLICABLE = /^(?:n\/?a|n\.a\.?|not applicable|none)\.?$/;

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const FY = String.raw`(?:fy\s*)?\d{2,4}\s*[/-]\s*\d{2,4}`;
const QUARTER = String.raw`(?:q|qtr|quarter)\s*[1-4]`;

/** Season → the 0-based month it ends in (winter ends in the February after). */
const SEASON_END: Record<string, number> = { spring: 4, summer: 7, autumn: 10, fall: 10, winter: 1 };

function fullYear(text: string): number {
  return text.length <= 2 ? 2000 + Number(text) : Number(text);
}

/** The end date of a period label parsePeriod knows ("Q3 2016/17", "2016/17"), or undefined. */
function periodEnd(label: string): string | undefined {
  const period = parsePeriod(label);
  return period ? periodEndDate(period) : undefined;
}

/** One way of writing a date in text: the pattern, and the date it means (undefined: not a real date). */
interface DateForm {
  pattern: RegExp;
  read(match: RegExpExecArray): string | undefined;
}

/** Most specific first: each match is blanked out so "2016/17" inside "Q3 2016/17" is not read twice. */
const DATE_FORMS: DateForm[] = [
  { pattern: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, read: (m) => calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) },
  // UK order: day/month/year.
  { pattern: /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g, read: (m) => calendarDate(fullYear(m[3]), Number(m[2]), Number(m[1])) },
  // "31 March 2013", "31st of March 2013", "31 Mar 13", "31-Mar-2013", "31-Mar-13".
  {
    pattern: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?${MONTH}\.?,?\s+(\d{4}|\d{2})|-${MONTH}-(\d{4}|\d{2}))\b`, 'g'),
    read: (m) => calendarDate(fullYear(m[3] ?? m[5]), (monthIndex(m[2] ?? m[4]) ?? -1) + 1, Number(m[1])),
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,\s*(\d{4})\b`, 'g'),
    read: (m) => calendarDate(Number(m[3]), (monthIndex(m[1]) ?? -1) + 1, Number(m[2])),
  },
  { pattern: new RegExp(String.raw`\b${QUARTER}\s*,?\s*${FY}\b|\b${FY}\s*,?\s*${QUARTER}\b|\b${QUARTER}\s*,?\s*\d{4}\b`, 'g'), read: (m) => periodEnd(m[0]) },
  {
    pattern: /\b(spring|summer|autumn|fall|winter)(?:\s+term)?\s*(\d{4})(?:\s*\/\s*(\d{4}|\d{2}))?\b/g,
    read: (m) => {
      const year = Number(m[2]);
      return m[1] === 'winter' ? monthEndDate(year + 1, SEASON_END.winter) : monthEndDate(year, SEASON_END[m[1]]);
    },
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\.?(?:\s+(?:of\s+)?|\s*-\s*)(\d{4})\b|\b${MONTH}[-'](\d{2})\b`, 'g'),
    read: (m) => {
      const month = monthIndex(m[1] ?? m[3]);
      return month === undefined ? undefined : monthEndDate(fullYear(m[2] ?? m[4]), month);
    },
  },
  { pattern: new RegExp(String.raw`\b${FY}\b`, 'g'), read: (m) => periodEnd(m[0]) },
  // "end of 2012", "during 2012", "2012".
  { pattern: /\b((?:19|20)\d{2})\b/g, read: (m) => `${m[1]}-12-31` },
];

/** Every date written in the text, and the spans that looked like dates but are not real ones ("31/02/2013"). */
export function findDates(text: string): { dates: string[]; invalid: string[] } {
  let s = plain(text);
  // Quote invalid spans as the officer wrote them, when lower-casing kept the positions.
  const quoted = s.length === text.length ? text : s;
  const dates: string[] = [];
  const invalid: string[] = [];
  for (const form of DATE_FORMS) {
    s = s.replace(form.pattern, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const at = args[args.length - 2] as number;
      const date = form.read(match);
      // Years before 1900 are outside Excel's calendar: "Autumn 1066" is a typing slip, not a deadline.
      if (date && /^\d{4}-/.test(date) && date >= '1900-01-01') dates.push(date);
      else invalid.push(quoted.slice(at, at + match[0].length));
      return ' '.repeat(match[0].length);
    });
  }
  return { dates, invalid };
}

/** Words that mark one milestone of a list as done: "June 2013 – draft (done)". */
const MILESTONE_DONE = /\b(?:done|achieved|delivered|completed?|met)\b|✓|✔/;

/**
 * A list of milestones in one cell: "June 2013 – draft; September 2013 – final".
 * The action is due at the last milestone not yet done, and complete when all are.
 */
function readMilestones(text: string): TimescaleReading | undefined {
  const parts = text.split(/\s*(?:;|\n)\s*/).filter(Boolean);
  if (parts.length < 2) return undefined;
  const milestones = parts.map((part) => ({ dates: findDates(part), done: MILESTONE_DONE.test(plain(part)) }));
  if (milestones.some((m) => m.dates.dates.length === 0 || m.dates.invalid.length > 0)) return undefined;
  const open = milestones.filter((m) => !m.done);
  if (open.length === 0) return { kind: 'complete' };
  return { kind: 'due', due: open.flatMap((m) => m.dates.dates).reduce((a, b) => (b > a ? b : a)) };
}

/** Reads timescale text; see the precedence at the top of this file. */
export function readTimescaleText(text: string): TimescaleReading {
  const milestones = readMilestones(text.trim());
  if (milestones) return milestones;
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const s = plain(trimmed);
  if (!s) return { kind: 'no-date', reason: 'blank' };
  if (saysComplete(s)) return { kind: 'complete' };
  if (ONGOING.test(s)) return { kind: 'ongoing' };
  const { dates, invalid } = findDates(trimmed);
  if (invalid.length > 0) {
    const where = invalid[0] === trimmed ? '' : `'${trimmed}': `;
    return { kind: 'unreadable', message: `${where}'${invalid[0]}' is not a date Ragbook can read (dates are day/month/year) — treated as no date` };
  }
  if (dates.length > 0) {
    if (START_ONLY.test(s) && !END_GIVEN.test(s)) return { kind: 'ongoing' };
    return { kind: 'due', due: dates.reduce((a, b) => (b > a ? b : a)) };
  }
  if (NOT_APPLICABLE.test(s)) return { kind: 'not-applicable' };
  if (NO_DATE_YET.test(s)) return { kind: 'no-date', reason: 'words' };
  return {
    kind: 'unreadable',
    message: `'${trimmed}' is not a timescale Ragbook can read — treated as no date; write a date such as 31/03/2013, March 2013, Autumn 2012 or Q3 2016/17, or "TBC"`,
  };
}

/** Reads a timescale cell: a date cell, a year typed as a number, or text. */
export function readTimescale(cell: Cell | undefined): TimescaleReading {
  const value = cell?.value ?? null;
  if (value === null) return { kind: 'no-date', reason: 'blank' };
  if (isCellError(value)) return { kind: 'unreadable', message: `the timescale is the error ${value.error} — treated as no date` };
  if (typeof value === 'boolean') return { kind: 'unreadable', message: `'${String(value).toUpperCase()}' is not a timescale — treated as no date` };
  if (typeof value === 'number') {
    if (isDateFormat(cell?.numberFormat)) {
      const date = serialDate(value);
      return date ? { kind: 'due', due: date } : { kind: 'unreadable', message: `${value} is outside Excel's calendar, so it is not a date — treated as no date` };
    }
    if (Number.isInteger(value) && value >= 1900 && value <= 2100) return { kind: 'due', due: `${value}-12-31` };
    return { kind: 'unreadable', message: `${value} is a number, not a date — treated as no date (format the cell as a date)` };
  }
  return readTimescaleText(value);
}
