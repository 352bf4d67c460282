/**
 * Numbers as a careful officer writes them in prose: the unit attached the
 * right way ("45.2%", "12 days", "38.1 per 10,000", "£1.2m"), rounded as the
 * workbook shows them, and differences of percentages in percentage points.
 */
import { groupThousands, roundTo } from '../shared/values';
import type { CellStyle } from '../../model/plan';
import type { Unit } from '../measures/types';

/**
 * Decimal places to show: the workbook's own when known, else what the value
 * needs, up to `atMost` (default 2, or 3 below 1: float noise never shows).
 */
export function sensibleDecimals(value: number, shown?: number, atMost?: number): number {
  if (shown !== undefined) return shown;
  const cap = atMost ?? (Math.abs(value) < 1 ? 3 : 2);
  for (let d = 0; d < cap; d++) if (roundTo(value, d) === roundTo(value, cap)) return d;
  return cap;
}

/** "1234.5" → "1,234.5"; never "-0". (Intl.NumberFormat writes the same, a test checks, but took a tenth of the commentary's time.) */
export function plainNumber(value: number, decimals: number): string {
  // A sum that overflowed stands at the largest figure a spreadsheet holds, never "Infinity".
  const rounded = roundTo(Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, value)) || 0, decimals);
  const text = groupThousands(toPlaces(Math.abs(rounded), decimals));
  return rounded < 0 ? `−${text}` : text;
}

/**
 * A number roundTo has just rounded, written to `decimals` places from its
 * shortest decimal form, which is the decimal number it stands for; toFixed
 * would print its binary expansion (…989.9063 for …989.9062 in the hundreds
 * of billions).
 */
function toPlaces(value: number, decimals: number): string {
  if (value >= 1e21) return `${wholeDigits(value)}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`;
  const shortest = String(value);
  const point = shortest.indexOf('.');
  const places = point < 0 ? 0 : shortest.length - point - 1;
  if (shortest.includes('e') || places > decimals) return value.toFixed(decimals);
  if (places === decimals) return shortest;
  return `${shortest}${point < 0 ? '.' : ''}${'0'.repeat(decimals - places)}`;
}

/**
 * A whole number too big for toFixed (which writes 1e+21 and up in exponent
 * form): its fifteen significant digits, as Excel shows it, then zeros.
 */
function wholeDigits(value: number): string {
  const [mantissa, exponent] = value.toExponential(14).split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  return digits + '0'.repeat(Number(exponent) + 1 - digits.length);
}

/** "per 10,000" or "per 10,000 children" from the unit's label. */
function rateWords(unit: Unit): string {
  const base = plainNumber(unit.per ?? 1, 0);
  const after = /per\s*[\d,]+\s*([A-Za-z][A-Za-z ]{0,30})/i.exec(unit.label)?.[1]?.trim();
  return after ? `per ${base} ${after.toLowerCase()}` : `per ${base}`;
}

type MoneyScale = 1 | 1e3 | 1e6;

/** The scale money figures are typed in: "£m" means 1.2 is £1.2m, "£000" or "£k" means thousands. */
function moneyScale(unit: Unit): MoneyScale {
  const label = unit.label.toLowerCase().replace(/\s+/g, '');
  if (/£m\b|£million|millions?|\(m\)|£mn/.test(label)) return 1e6;
  if (/£k\b|£000|£'000|thousands?|\(k\)/.test(label)) return 1e3;
  return 1;
}

/** Money in the form committee papers use: £1.25m, £350k, £9,500; in the workbook's own scale when its unit names one. */
function moneyText(value: number, unit: Unit, decimals: number | undefined): string {
  const scale = moneyScale(unit);
  // A value read from "£0.9m" text is already in pounds; a plain 0.9 under "£m" is in millions.
  const pounds = scale > 1 && Math.abs(value) < 1e5 ? value * scale : value;
  const abs = Math.abs(pounds);
  const sign = pounds < 0 ? '−' : '';
  if (scale === 1e6 || (scale === 1 && abs >= 1e6)) {
    const millions = abs / 1e6;
    return `${sign}£${plainNumber(millions, sensibleDecimals(millions, scale === 1e6 ? decimals : undefined, 2))}m`;
  }
  if (scale === 1e3) return `${sign}£${plainNumber(abs / 1e3, sensibleDecimals(abs / 1e3, decimals))}k`;
  return `${sign}£${plainNumber(abs, sensibleDecimals(abs, decimals, abs >= 100 ? 0 : 2))}`;
}

const IRREGULAR: Record<string, string> = { children: 'child', people: 'person', men: 'man', women: 'woman' };

function singular(noun: string): string {
  const words = noun.split(' ');
  const last = words[words.length - 1];
  words[words.length - 1] = IRREGULAR[last] ?? last.replace(/ies$/, 'y').replace(/s$/, '');
  return words.join(' ');
}

/** A value with its unit: "45.2%", "12 days", "1 day", "38.1 per 10,000", "£1.2m", "1,234". */
export function formatValue(value: number, unit: Unit, decimals?: number): string {
  switch (unit.kind) {
    case 'percent':
      return `${plainNumber(value, sensibleDecimals(value, decimals))}%`;
    case 'days': {
      const text = plainNumber(value, sensibleDecimals(value, decimals));
      return `${text} ${text === '1' ? 'day' : 'days'}`;
    }
    case 'rate':
      return `${plainNumber(value, sensibleDecimals(value, decimals))} ${rateWords(unit)}`;
    case 'money':
      return moneyText(value, unit, decimals);
    case 'number': {
      // Counts stay counts: "268 children", "1 child".
      const text = plainNumber(value, sensibleDecimals(value, decimals));
      return unit.noun ? `${text} ${text === '1' ? singular(unit.noun) : unit.noun}` : text;
    }
    default: {
      const unreachable: never = unit.kind;
      return unreachable;
    }
  }
}

/**
 * The size of a difference, unsigned, with its unit: for percentages that is
 * percentage points ("2.1 percentage points"), for the rest the unit itself.
 */
export function formatDifference(difference: number, unit: Unit, decimals?: number): string {
  const size = Math.abs(difference);
  if (unit.kind === 'percent') {
    const text = plainNumber(size, sensibleDecimals(size, decimals));
    return `${text} percentage ${text === '1' ? 'point' : 'points'}`;
  }
  return formatValue(size, unit, decimals);
}

/** "+2.1 percentage points", "−25", "0 days": the difference with its sign. */
export function formatSignedDifference(difference: number, unit: Unit, decimals?: number): string {
  const text = formatDifference(difference, unit, decimals);
  const rounded = roundTo(difference, decimals ?? sensibleDecimals(Math.abs(difference)));
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

/** "+2.7%", "−6.1%": a difference relative to the target. */
export function formatSignedPercent(percent: number): string {
  const rounded = roundTo(percent, 1);
  const text = plainNumber(Math.abs(rounded), 1);
  return rounded > 0 ? `+${text}%` : rounded < 0 ? `−${text}%` : `${text}%`;
}

/** "42% to 46%", "25 to 35 days", "£1.1m to £1.3m": a range in prose, the unit said once where it trails. */
export function formatRange(low: number, high: number, unit: Unit, decimals?: number): string {
  const highText = formatValue(high, unit, decimals);
  if (unit.kind === 'days' || unit.kind === 'rate' || unit.kind === 'number') {
    return `${plainNumber(low, sensibleDecimals(low, decimals))} to ${highText}`;
  }
  return `${formatValue(low, unit, decimals)} to ${highText}`;
}

/** The number style for figures with this many decimals, as a percentage or not; added to the plan's styles. */
export function figureStyle(decimals: number, unit: Unit | undefined): { name: string; style: CellStyle } {
  const digits = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  const percent = unit?.kind === 'percent';
  return {
    name: `figure.${decimals}${percent ? '.percent' : ''}`,
    style: { border: true, horizontal: 'right', numberFormat: percent ? `${digits}"%"` : `#,##${digits}` },
  };
}
