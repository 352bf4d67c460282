/**
 * Calendar dates as "YYYY-MM-DD" strings, with arithmetic through Excel day
 * numbers: no clock and no local time zone, so every machine agrees.
 */
import { monthPeriod, periodEndDate } from '../measures/period';
import { isoDateToSerial, serialToIsoDate } from '../shared/values';

/** Excel's last day, 31 December 9999. */
const LAST_EXCEL_SERIAL = 2_958_465;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return isoDateToSerial(to) - isoDateToSerial(from);
}

export function addDays(iso: string, days: number): string {
  return serialToIsoDate(isoDateToSerial(iso) + days);
}

/** Last day of a month (0-based month) as "YYYY-MM-DD". */
export function monthEndDate(year: number, month: number): string {
  return periodEndDate(monthPeriod('', year, month));
}

/** "YYYY-MM-DD" for a real calendar day (1-based month) in Excel's calendar, or undefined (31/02, 13/13, 1/1/1066…). */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > Number(monthEndDate(year, month - 1).slice(8))) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a well-formed "YYYY-MM-DD" naming a real day. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return !!m && calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

/** "2013-03-31" → "31 March 2013", as a committee report writes a date. */
export function formatLongDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** The date an Excel day number stands for; undefined outside Excel's calendar (1900 to 9999). */
export function serialDate(serial: number): string | undefined {
  return Number.isFinite(serial) && serial >= 1 && serial <= LAST_EXCEL_SERIAL ? serialToIsoDate(serial) : undefined;
}
