/**
 * Money amounts on a Budgets sheet: numbers or text ("£12.07m", "(0.21)",
 * "-£0.21m", "£210k", "£1,234,000"), read into the sheet's own unit (£m,
 * £k or £) with the decimal places they are shown to.
 */
import type { Cell } from '../../model/grid';
import { formatDecimals, parseNumberText, readCellNumber, roundTo } from '../shared/values';

export type BudgetUnit = 'pounds' | 'thousands' | 'millions';

export const UNIT_FACTOR: Record<BudgetUnit, number> = { pounds: 1, thousands: 1e3, millions: 1e6 };
const UNIT_SUFFIX: Record<BudgetUnit, string> = { pounds: '', thousands: 'k', millions: 'm' };

/** "£m", "£k", "£". */
export function unitLabel(unit: BudgetUnit): string {
  return `£${UNIT_SUFFIX[unit]}`;
}

function unitOfFactor(factor: number): BudgetUnit | undefined {
  return (Object.keys(UNIT_FACTOR) as BudgetUnit[]).find((u) => UNIT_FACTOR[u] === factor);
}

/** An amount in the sheet's unit, with the decimal places (in that unit) it is shown to. */
export interface Amount {
  value: number;
  /** Negative when shown coarser than the unit: "£12.4m" on a sheet in pounds is to -5 places (£100,000). */
  decimals: number;
}

/** Half a unit in the last place shown: £12.4m → £0.05m. */
export function roundingTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

export type AmountReading =
  | { kind: 'amount'; amount: Amount; /** A bare figure too large for the sheet's unit, read as pounds. */ readAsPounds: boolean }
  | { kind: 'blank' }
  | { kind: 'not-an-amount'; text: string };

/** The unit a header names: "Budget (£m)", "£'000", "Spend £k", "Amount (£)". */
export function headerUnit(header: string): BudgetUnit | undefined {
  const text = header.toLowerCase();
  if (/£\s*(m|mn|million|millions)\b|\(\s*(m|mn|millions?)\s*\)|\bmillions?\b/.test(text)) return 'millions';
  if (/£\s*'?\s*000s?\b|£\s*k\b|\(\s*k\s*\)|\bthousands?\b/.test(text)) return 'thousands';
  if (/£/.test(text)) return 'pounds';
  return undefined;
}

/** A header without its unit or year: "Budget (£m) 2017/18" → "Budget". */
export function headerWithoutUnit(header: string): string {
  return header
    .replace(/\(\s*(£\s*'?\s*(000s?|m|mn|k|millions?|thousands?)?|millions?|thousands?|m|k)\s*\)/gi, ' ')
    .replace(/£\s*'?\s*(000s?|mn|m|k)?\b|£|\b(in\s+)?(millions?|thousands?)\b/gi, ' ')
    .replace(/\b(19|20)\d\d(\s*[/-]\s*(\d\d){1,2})?\b/g, ' ')
    .trim();
}

/** The units a number format shows: '"£"#,##0.00"m"' → millions; '#,##0.0,,"m"' stores pounds and shows millions. */
function formatUnits(numberFormat: string | undefined): { shown?: BudgetUnit; stored?: BudgetUnit } {
  if (!numberFormat) return {};
  const section = numberFormat.split(';')[0];
  const quoted = (section.match(/"[^"]*"|\\./g) ?? []).map((q) => q.replace(/^"|"$|^\\/g, '').trim().toLowerCase()).join('');
  const shown: BudgetUnit | undefined = /(^|[^a-z])(m|mn|million)$/.test(quoted) ? 'millions' : /(^|[^a-z])k$/.test(quoted) ? 'thousands' : undefined;
  const bare = section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  const scaling = /[0#?](,+)[^0#?]*$/.exec(bare)?.[1].length ?? 0;
  if (scaling > 0) {
    const shownFactor = shown ? UNIT_FACTOR[shown] : 1000 ** scaling;
    return { shown: shown ?? unitOfFactor(shownFactor), stored: unitOfFactor(shownFactor / 1000 ** scaling) };
  }
  return { shown, stored: shown };
}

/**
 * The unit a cell says its amount is in, when it says so: a suffix ("£12.07m",
 * "£210k"), a number format ('"£"0.00"m"'), or a long "£1,234,000".
 */
export function unitEvidence(cell: Cell | undefined): BudgetUnit | undefined {
  const value = cell?.value;
  if (typeof value === 'number') return formatUnits(cell?.numberFormat).shown;
  if (typeof value !== 'string') return undefined;
  const reading = parseNumberText(value);
  if (!reading || reading.percent) return undefined;
  if (reading.multiplier > 1) return unitOfFactor(Math.min(reading.multiplier, 1e6));
  return reading.currency && Math.abs(reading.value) >= 1000 ? 'pounds' : undefined;
}

/** A bare figure (no unit of its own), for guessing a sheet's unit from magnitudes. */
export function bareFigure(cell: Cell | undefined): number | undefined {
  if (unitEvidence(cell) !== undefined) return undefined;
  const number = readCellNumber(cell);
  return number.kind === 'number' && !number.reading.percent ? number.reading.value : undefined;
}

/** Decimal places needed to write the number exactly (at most 6): 0.21 → 2. */
export function decimalsNeeded(value: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(roundTo(value, d) - value) < 1e-9) return d;
  return 6;
}

/** Bare figures this large cannot be £m or £k of one service line: they are pounds. */
const POUNDS_THRESHOLD = 100_000;

/**
 * Reads a cell as an amount in `sheetUnit`. A figure with no unit of its own is
 * in the column's unit (from its header) or else the sheet's.
 */
export function readAmount(cell: Cell | undefined, sheetUnit: BudgetUnit, columnUnit?: BudgetUnit): AmountReading {
  const number = readCellNumber(cell);
  if (number.kind === 'no-data') return number.reason === 'blank' ? { kind: 'blank' } : { kind: 'not-an-amount', text: number.text };
  if (number.kind === 'not-a-number' || number.reading.percent) {
    return { kind: 'not-an-amount', text: number.kind === 'number' ? String(cell?.value ?? '') : number.text };
  }
  const { reading } = number;
  let factor: number;
  let readAsPounds = false;
  const formatted = typeof cell?.value === 'number' ? formatUnits(cell.numberFormat) : {};
  if (reading.multiplier > 1) factor = reading.multiplier;
  else if (formatted.stored) factor = UNIT_FACTOR[formatted.stored];
  else if (reading.currency && typeof cell?.value === 'string' && Math.abs(reading.value) >= 1000) factor = 1;
  else {
    factor = UNIT_FACTOR[columnUnit ?? sheetUnit];
    if (factor > 1 && Math.abs(reading.value) >= POUNDS_THRESHOLD) {
      factor = 1;
      readAsPounds = true;
    }
  }
  const scale = factor / UNIT_FACTOR[sheetUnit];
  // Rounded to the places the figure itself carries, so "£12.4m" in pounds is exactly 12,400,000.
  const value = roundTo(reading.value * scale, Math.max(0, decimalsNeeded(reading.value) - Math.round(Math.log10(scale))));
  const shownDecimals =
    typeof cell?.value === 'number' && formatted.shown && formatted.shown !== formatted.stored
      ? formatDecimals(cell.numberFormat)
      : undefined;
  const written =
    shownDecimals !== undefined
      ? shownDecimals - Math.round(Math.log10(UNIT_FACTOR[formatted.shown ?? sheetUnit] / UNIT_FACTOR[sheetUnit]))
      : (reading.decimals ?? decimalsNeeded(reading.value)) - Math.round(Math.log10(scale));
  return { kind: 'amount', amount: { value, decimals: Math.min(6, Math.round(written)) }, readAsPounds };
}

/** The number format for money in this unit: '"£"#,##0.00"m"'. */
export function moneyFormat(unit: BudgetUnit, decimals: number): string {
  const digits = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  const suffix = UNIT_SUFFIX[unit] ? `"${UNIT_SUFFIX[unit]}"` : '';
  return `"£"#,##0${digits}${suffix}`;
}

/** A difference always shows its sign: +£0.10m, -£0.10m, £0.00m. */
export function differenceFormat(unit: BudgetUnit, decimals: number): string {
  const money = moneyFormat(unit, decimals);
  return `+${money};-${money};${money}`;
}

/** Money as words for sentences: "£12.40m", "-£0.21m", "£1,234,000". */
export function formatMoney(value: number, unit: BudgetUnit, decimals: number): string {
  const rounded = roundTo(Math.abs(value), decimals);
  const [whole, fraction] = rounded.toFixed(decimals).split('.');
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
  return `${value < 0 && rounded !== 0 ? '-' : ''}£${digits}${UNIT_SUFFIX[unit]}`;
}
