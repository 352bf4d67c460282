/**
 * The numbers behind a Turning the Curve sheet: the trend over the shown
 * years (a least-squares line judged by polarity), the "rate" against the
 * previous period, and the forecast "if nothing changes".
 */
import type { Period } from '../measures/period';
import { directionOfTravel } from '../measures/status';
import type { Direction, Polarity, Unit } from '../measures/types';

/** A fitted change smaller than this share of the average level reads as "no change". */
export const NO_CHANGE_SHARE = 0.02;
/** Changes on the previous period below this share of it are "slight"; at or above MARKED_SHARE, "marked". */
export const SLIGHT_SHARE = 0.05;
export const MARKED_SHARE = 0.15;

export interface Point {
  x: number;
  y: number;
}

/** Least-squares line through the points; undefined for fewer than two distinct x. */
export function leastSquares(points: readonly Point[]): { slope: number; intercept: number } | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

export interface Trend {
  direction: Direction;
  /** Change per period along the fitted line; undefined with fewer than two figures. */
  slope?: number;
  /** How many figures the line was fitted to. */
  points: number;
}

/**
 * The trend over the shown periods: the fitted change from first to last is
 * "no change" when it is under NO_CHANGE_SHARE of the average level; otherwise
 * it is judged by polarity (toward the target for "plan is best").
 */
export function judgeTrend(points: readonly Point[], polarity: Polarity | undefined, target?: number): Trend {
  const line = leastSquares(points);
  if (!line) return { direction: 'n/a', points: points.length };
  const first = Math.min(...points.map((p) => p.x));
  const last = Math.max(...points.map((p) => p.x));
  const start = line.intercept + line.slope * first;
  const end = line.intercept + line.slope * last;
  const level = points.reduce((s, p) => s + Math.abs(p.y), 0) / points.length;
  const noChange = level === 0 ? end === start : Math.abs(end - start) < NO_CHANGE_SHARE * level;
  const direction = noChange ? 'no-change' : directionOfTravel(end, start, polarity, undefined, target);
  return { direction, slope: line.slope, points: points.length };
}


/**
 * The "rate" line: how the latest figure compares with the one before, in
 * words. Values are compared as shown (rounded), so 61.98 → 62.0 is no change.
 */
export function rateWording(latest: number | null, previous: number | null, polarity: Polarity | undefined, word: string, target?: number): string {
  if (latest === null) return 'No figure for the baseline';
  if (previous === null) return `No figure for the previous ${word} to compare with`;
  const direction = directionOfTravel(latest, previous, polarity, undefined, target);
  const share = previous === 0 ? Infinity : Math.abs(latest - previous) / Math.abs(previous);
  const size = share < SLIGHT_SHARE ? 'Slight' : share >= MARKED_SHARE ? 'Marked' : '';
  const phrase = (noun: string) => (size ? `${size} ${noun}` : noun[0].toUpperCase() + noun.slice(1));
  switch (direction) {
    case 'improving':
      return `${phrase('improvement')} on previous ${word}`;
    case 'worsening':
      return `${phrase('decline')} on previous ${word}`;
    case 'no-change':
      return 'No improvement shown';
    case 'n/a':
      return polarity === undefined ? 'Not judged: the measure has no polarity' : 'Not judged: the measure has no target to judge against';
    default: {
      const unreachable: never = direction;
      return unreachable;
    }
  }
}

/** Keeps a projection inside what the unit allows: 0–100 for percentages, not below 0 for rates and days. */
function withinUnit(value: number, unit: Unit): number {
  switch (unit.kind) {
    case 'percent':
      return Math.min(100, Math.max(0, value));
    case 'rate':
    case 'days':
      return Math.max(0, value);
    case 'number':
    case 'money':
      return value;
    default: {
      const unreachable: never = unit.kind;
      return unreachable;
    }
  }
}

/** The forecast "if nothing changes": the baseline carried forward along the fitted slope. */
export function forecast(baseline: number, slope: number | undefined, steps: number, unit: Unit): number[] {
  return Array.from({ length: steps }, (_, i) => withinUnit(baseline + (slope ?? 0) * (i + 1), unit));
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Labels of the periods after `period`, written the way the workbook writes such periods. */
export function nextPeriodLabels(period: Period | undefined, count: number): string[] {
  return Array.from({ length: count }, (_, i) => nextLabel(period, i + 1));
}

function nextLabel(period: Period | undefined, step: number): string {
  if (!period) return `Forecast ${step}`;
  switch (period.kind) {
    case 'fy': {
      const year = Math.floor(period.start / 12) + step;
      return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
    }
    case 'year':
      return String(Math.floor(period.start / 12) + step);
    case 'fy-quarter': {
      const start = period.start + 3 * step;
      const fyStart = Math.floor((start - 3) / 12);
      return `Q${Math.floor((start - 3 - fyStart * 12) / 3) + 1} ${fyStart}/${String((fyStart + 1) % 100).padStart(2, '0')}`;
    }
    case 'quarter': {
      const start = period.start + 3 * step;
      return `Q${Math.floor((start % 12) / 3) + 1} ${Math.floor(start / 12)}`;
    }
    case 'month': {
      const at = period.start + step;
      return `${MONTH_NAMES[at % 12]} ${Math.floor(at / 12)}`;
    }
    case 'span':
      return `Forecast ${step}`;
    default: {
      const unreachable: never = period.kind;
      return unreachable;
    }
  }
}
