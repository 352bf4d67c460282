/**
 * Reporting periods: labels kept as written, recognised where possible so they
 * sort chronologically. Months are counted as year * 12 + month (0 = January).
 */

export type PeriodKind = 'fy-quarter' | 'quarter' | 'fy' | 'year' | 'month' | 'span';

export interface Period {
  /** The label exactly as the workbook wrote it. */
  label: string;
  kind: PeriodKind;
  /** First month covered (year * 12 + 0-based month). */
  start: number;
  /** Last month covered, inclusive. */
  end: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Sept", "September", "sep" → 8; undefined when not a month name. */
export function monthIndex(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0) return undefined;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][i];
  return full.startsWith(w) || w === 'sept' ? i : undefined;
}

/** "2017", "17" → 2017. Two-digit years are 20xx (reports start well after 2000). */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

/** "2016/17", "2016-17", "2016/2017", "16/17" → 2016 when the second year follows the first. */
function financialYearStart(first: string, second: string): number | undefined {
  const a = fullYear(first);
  const b = second.length === 4 ? Number(second) : Math.floor(a / 100) * 100 + Number(second);
  return b === a + 1 || (second.length === 2 && b % 100 === (a + 1) % 100) ? a : undefined;
}

const FY = String.raw`(?:fy\s*)?(\d{4}|\d{2})\s*[/\-–]\s*(\d{4}|\d{2})`;
const DASH = String.raw`\s*(?:-|–|—|to)\s*`;
const FY_QUARTER = new RegExp(String.raw`^(?:q|qtr|quarter)\s*([1-4])\s*,?\s*${FY}$`);
const FY_THEN_QUARTER = new RegExp(String.raw`^${FY}\s*,?\s*(?:q|qtr|quarter)\s*([1-4])$`);
const FINANCIAL_YEAR = new RegExp(String.raw`^${FY}$`);
/** "Nov - Jan 2009/10": months inside a financial year. */
const MONTH_SPAN_IN_FY = new RegExp(String.raw`^([a-z]+)\.?${DASH}([a-z]+)\.?,? ${FY}$`);
const MONTH_SPAN = new RegExp(String.raw`^([a-z]+)\.?(?: (\d{4}|\d{2}))?${DASH}([a-z]+)\.? (\d{4}|\d{2})$`);

/** Recognises a period label, or returns undefined (such labels keep their sheet order). */
export function parsePeriod(label: string): Period | undefined {
  const text = label.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  let m: RegExpExecArray | null;

  // Financial quarter: "Q1 2017/18", "Quarter 1 2017-18", "2017/18 Q1". Q1 = Apr–Jun.
  if ((m = FY_QUARTER.exec(lower)) ||
      (m = FY_THEN_QUARTER.exec(lower))) {
    const [q, y1, y2] = m[1].length === 1 ? [m[1], m[2], m[3]] : [m[3], m[1], m[2]];
    const year = financialYearStart(y1, y2);
    if (year === undefined) return undefined;
    const start = year * 12 + 3 + (Number(q) - 1) * 3;
    return { label, kind: 'fy-quarter', start, end: start + 2 };
  }
  // Financial year: "2016/17", "FY 2016-17", "2016/2017".
  // ("2011-12" is a financial year; "2016-01", whose years do not follow, is a month.)
  if ((m = FINANCIAL_YEAR.exec(lower))) {
    const year = financialYearStart(m[1], m[2]);
    if (year !== undefined) return { label, kind: 'fy', start: year * 12 + 3, end: year * 12 + 14 };
  }
  // Calendar quarter: "Q1 2016" (Jan–Mar).
  if ((m = /^(?:q|qtr|quarter)\s*([1-4])\s*,?\s*(\d{4})$/.exec(lower))) {
    const start = Number(m[2]) * 12 + (Number(m[1]) - 1) * 3;
    return { label, kind: 'quarter', start, end: start + 2 };
  }
  // Calendar year: "2011", "Calendar year 2011".
  if ((m = /^(?:calendar year |cy ?)?((?:19|20)\d{2})$/.exec(lower))) {
    const year = Number(m[1]);
    return { label, kind: 'year', start: year * 12, end: year * 12 + 11 };
  }
  // Span of months in a financial year: "Nov - Jan 2009/10" (Nov 2009 to Jan 2010).
  if ((m = MONTH_SPAN_IN_FY.exec(lower))) {
    const first = monthIndex(m[1]);
    const last = monthIndex(m[2]);
    const year = financialYearStart(m[3], m[4]);
    if (first === undefined || last === undefined || year === undefined) return undefined;
    const inYear = (month: number) => (month >= 3 ? year : year + 1) * 12 + month;
    const start = inYear(first);
    const end = inYear(last);
    if (end < start) return undefined;
    return end === start ? { label, kind: 'month', start, end } : { label, kind: 'span', start, end };
  }
  // Span of months: "Jan–Dec 2016", "Apr 2016 - Mar 2017", "Jan-Dec 16".
  if ((m = MONTH_SPAN.exec(lower))) {
    const first = monthIndex(m[1]);
    const last = monthIndex(m[3]);
    if (first === undefined || last === undefined) return undefined;
    const endYear = fullYear(m[4]);
    const startYear = m[2] ? fullYear(m[2]) : first <= last ? endYear : endYear - 1;
    const start = startYear * 12 + first;
    const end = endYear * 12 + last;
    if (end < start || end - start > 120) return undefined;
    return end === start ? { label, kind: 'month', start, end } : { label, kind: 'span', start, end };
  }
  // Month: "Jan 2016", "January 2016", "Jan-16", "2016-01".
  if ((m = /^([a-z]+)\.?[ \-']?(\d{4}|\d{2})$/.exec(lower))) {
    const month = monthIndex(m[1]);
    if (month === undefined) return undefined;
    const at = fullYear(m[2]) * 12 + month;
    return { label, kind: 'month', start: at, end: at };
  }
  if ((m = /^((?:19|20)\d{2})-(0[1-9]|1[0-2])$/.exec(lower))) {
    const at = Number(m[1]) * 12 + Number(m[2]) - 1;
    return { label, kind: 'month', start: at, end: at };
  }
  return undefined;
}

/** A period for a month given as an Excel date in a header cell. */
export function monthPeriod(label: string, year: number, month: number): Period {
  const at = year * 12 + month;
  return { label, kind: 'month', start: at, end: at };
}

/**
 * Chronological order: by last month, then by first month (a year before the
 * quarter that ends it). Labels that are not recognised come first, in their
 * sheet order, so the latest period is always a recognised one.
 */
export function comparePeriods(a: Period | undefined, b: Period | undefined): number {
  if (!a || !b) return (a ? 1 : 0) - (b ? 1 : 0);
  return a.end - b.end || a.start - b.start || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** True when `candidate` is the period a year before `current`, of the same kind. */
function isSamePeriodLastYear(candidate: Period | undefined, current: Period): boolean {
  return candidate !== undefined && candidate.kind === current.kind && candidate.start === current.start - 12 && candidate.end === current.end - 12;
}

/** The index of the latest item before `items[index]` with a period of the same kind (quarters go with quarters), or -1. */
export function indexOfPreviousOfKind(items: readonly { period?: Period }[], index: number): number {
  const kind = items[index].period?.kind;
  for (let i = index - 1; i >= 0; i--) if (items[i].period?.kind === kind) return i;
  return -1;
}

/**
 * The index of the same period a year before `items[index]`'s, or -1. The items
 * are in chronological order (see comparePeriods), so the search stops a year back.
 */
export function indexOfSamePeriodLastYear(items: readonly { period?: Period }[], index: number): number {
  const current = items[index].period;
  if (!current) return -1;
  let found = -1;
  for (let i = index - 1; i >= 0; i--) {
    const candidate = items[i].period;
    if (!candidate || candidate.end < current.end - 12) break;
    // No early return: the earliest match wins (a list could hold the same period twice).
    if (isSamePeriodLastYear(candidate, current)) found = i;
  }
  return found;
}

/** True when `value` ends no later than `reporting`: a figure a report for `reporting` may use. */
export function endsByPeriod(value: Period, reporting: Period): boolean {
  return value.end <= reporting.end;
}

/**
 * How many of its own periods a figure lags the reporting period: Q2 in a Q4
 * report is two quarters behind, 2016/17 in a 2017/18 (or Q4 2017/18) report one year.
 */
export function periodsBehind(value: Period, reporting: Period): number {
  const length = value.end - value.start + 1;
  return Math.max(0, Math.floor((reporting.end - value.end) / length));
}

/** A judged figure's period as reports show it: "Q2 2017/18 — latest available" when stale. */
export function periodShown(label: string, stale: boolean): string {
  return stale ? `${label} — latest available` : label;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Apr 2016 to Mar 2017": the months a period covers, for explanations. */
export function describeMonths(period: Period): string {
  const name = (at: number) => `${MONTH_NAMES[at % 12]} ${Math.floor(at / 12)}`;
  return period.start === period.end ? name(period.start) : `${name(period.start)} to ${name(period.end)}`;
}

/** Last day of the period as "YYYY-MM-DD" (e.g. the due date of "Q3 2016/17" is 2016-12-31). */
export function periodEndDate(period: Period): string {
  const year = Math.floor(period.end / 12);
  const month = period.end % 12;
  const lastDay = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month];
  return `${year}-${String(month + 1).padStart(2, '0')}-${lastDay}`;
}

/** "quarter", "year", "month" or "period": how text names a period of this kind. */
export function periodWord(kind: PeriodKind | undefined): string {
  switch (kind) {
    case 'fy-quarter':
    case 'quarter':
      return 'quarter';
    case 'fy':
    case 'year':
      return 'year';
    case 'month':
      return 'month';
    case 'span':
    case undefined:
      return 'period';
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
