import { type Cell, type CellValue, isCellError } from '../../model/grid';

/** The text a person sees for a cell's value (numbers unformatted). */
export function cellText(cell: Cell | undefined): string {
  return valueText(cell?.value ?? null);
}

export function valueText(value: CellValue): string {
  if (value === null) return '';
  if (isCellError(value)) return value.error;
  return String(value).trim();
}

/** A number read from a cell or from text such as "45%", "1,234", "£0.9m", "(0.21)". */
export interface NumberReading {
  /** The number as written, before any k/m/bn multiplier: "£0.9m" → 0.9. */
  value: number;
  /** 1, 1e3, 1e6 or 1e9 for "k", "m", "bn". */
  multiplier: number;
  percent: boolean;
  currency: boolean;
  /** Decimal places shown, when known: "12.30" → 2; a cell formatted "0.0" → 1. */
  decimals?: number;
}

const NO_DATA_WORDS = new Set([
  '', '-', '–', '—', '..', '.', '*', 'x', 'n/a', 'na', 'n.a.', 'not available', 'not applicable', 'no data',
  'not known', 'unknown', 'tbc', 'to be confirmed', 'awaiting data', 'not yet available', 'data not available',
  'not reported', 'not published', 'suppressed', 'no return',
]);

/** True for text that means "there is no figure": blank, "Not available", "n/a", "-"… */
export function isNoDataText(text: string): boolean {
  return NO_DATA_WORDS.has(text.trim().toLowerCase().replace(/\s+/g, ' '));
}

const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9 };

/**
 * Reads a number written as text: "45%", "1,234", "£0.9m", "£210k", "(0.21)",
 * "-£0.21m", "12.5 days". Returns undefined when the text is not one number.
 */
export function parseNumberText(text: string): NumberReading | undefined {
  let s = text.trim().replace(/\u00a0/g, ' ');
  if (!s || s.length > 60) return undefined;
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(s);
  if (bracketed) {
    negative = true;
    s = bracketed[1].trim();
  }
  const match = /^([-+−]?)\s*(£?)\s*([-+−]?)\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*(%|k|m|mn|bn|b)?\s*(days?|per\s*10,?000|per\s*1,?000|per\s*100,?000)?$/i.exec(s);
  if (!match || (match[4] === undefined && match[5] === undefined)) return undefined;
  const [, sign1, pound, sign2, whole = '0', fraction = '', suffix = ''] = match;
  if ((sign1 && sign2) || (bracketed && (sign1 || sign2))) return undefined;
  if (sign1 === '-' || sign1 === '−' || sign2 === '-' || sign2 === '−') negative = true;
  const digits = whole.replace(/,/g, '') + fraction;
  let value = Number(digits);
  if (!Number.isFinite(value)) return undefined;
  if (negative) value = -value;
  if (Object.is(value, -0)) value = 0;
  const lower = suffix.toLowerCase();
  return {
    value,
    multiplier: lower && lower !== '%' ? MULTIPLIERS[lower] : 1,
    percent: lower === '%',
    currency: pound === '£',
    decimals: fraction ? fraction.length - 1 : 0,
  };
}

/** Decimal places a number format shows: "0.0" → 1, "#,##0.00" → 2, "0%" → 0; undefined for General. */
export function formatDecimals(numberFormat: string | undefined): number | undefined {
  if (!numberFormat || /^general$/i.test(numberFormat)) return undefined;
  const section = numberFormat.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (!/[0#?]/.test(section)) return undefined;
  const fraction = /\.([0#?]+)/.exec(section);
  return fraction ? fraction[1].length : 0;
}

export function isPercentFormat(numberFormat: string | undefined): boolean {
  return !!numberFormat && /%/.test(numberFormat.split(';')[0].replace(/"[^"]*"|\\./g, ''));
}

export function isDateFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  const stripped = numberFormat.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dy]/i.test(stripped) || /m{3,}/i.test(stripped) || /^m+\/|\/m+$/i.test(stripped);
}

type FormatTraits = Pick<NumberReading, 'percent' | 'currency' | 'decimals'>;

/** Number formats are few and cells many: each format is parsed once. */
const formatTraitsCache = new Map<string, FormatTraits>();

const NO_FORMAT: FormatTraits = { percent: false, currency: false, decimals: undefined };

function formatTraits(numberFormat: string | undefined): FormatTraits {
  if (!numberFormat) return NO_FORMAT;
  let traits = formatTraitsCache.get(numberFormat);
  if (!traits) {
    traits = { percent: isPercentFormat(numberFormat), currency: numberFormat.includes('£'), decimals: formatDecimals(numberFormat) };
    formatTraitsCache.set(numberFormat, traits);
  }
  return traits;
}

export type CellNumber =
  | { kind: 'number'; reading: NumberReading }
  | { kind: 'no-data'; reason: 'blank' | 'words' | 'error'; text: string }
  | { kind: 'not-a-number'; text: string };

/** The value of a cell holding a number with no number format to apply, else undefined: the common case, read without parsing. */
export function plainCellNumber(cell: Cell | undefined): number | undefined {
  return cell !== undefined && typeof cell.value === 'number' && !cell.numberFormat ? cell.value : undefined;
}

/**
 * Reads a cell as a number. Percent-formatted cells (0.45 shown as 45%) and
 * "45%" text are both read on the 0–100 scale, so they compare with targets
 * typed as 45.
 */
export function readCellNumber(cell: Cell | undefined): CellNumber {
  const value = cell?.value ?? null;
  if (value === null) return { kind: 'no-data', reason: 'blank', text: '' };
  if (isCellError(value)) return { kind: 'no-data', reason: 'error', text: value.error };
  if (typeof value === 'number') {
    const { percent, currency, decimals } = formatTraits(cell?.numberFormat);
    return { kind: 'number', reading: { value: percent ? roundTo(value * 100, 10) : value, multiplier: 1, percent, currency, decimals } };
  }
  if (typeof value === 'boolean') return { kind: 'not-a-number', text: String(value).toUpperCase() };
  const text = value.trim();
  if (isNoDataText(text)) return { kind: 'no-data', reason: text ? 'words' : 'blank', text };
  const reading = parseNumberText(text);
  return reading ? { kind: 'number', reading } : { kind: 'not-a-number', text };
}

/**
 * Digits with the thousands separated, as en-GB writes them: 3000000 →
 * "3,000,000", "1234.50" → "1,234.50" (a plain decimal, no sign). By hand,
 * because Intl's first use in a process costs a fiftieth of a second.
 */
export function groupThousands(value: number | string): string {
  const digits = String(value);
  const point = digits.indexOf('.');
  const whole = point < 0 ? digits : digits.slice(0, point);
  let grouped = whole;
  for (let at = whole.length - 3; at > 0; at -= 3) grouped = `${grouped.slice(0, at)},${grouped.slice(at)}`;
  return point < 0 ? grouped : grouped + digits.slice(point);
}

/** Rounds to the given decimal places without binary noise (1.005 → 1.01). */
export function roundTo(value: number, decimals: number): number {
  // From 2^52 up every double is a whole number (and scaling it up could overflow to Infinity).
  if (!Number.isFinite(value) || Math.abs(value) >= 2 ** 52) return value;
  const factor = 10 ** decimals;
  return Math.round((value + Math.sign(value) * Number.EPSILON * Math.abs(value)) * factor) / factor;
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Excel serial (1900 system) → "YYYY-MM-DD". */
export function serialToIsoDate(serial: number): string {
  return new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → Excel serial (1900 system). */
export function isoDateToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_UTC) / DAY_MS);
}
