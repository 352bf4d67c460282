/** Status classification (SPEC §2) and direction of travel. */
import { roundTo } from '../shared/values';
import type { Status } from './scheme';
import type { Band, Direction, Polarity } from './types';

/**
 * a is greater than b beyond float noise: 0.1 + 0.2 must equal 0.3 here. The
 * noise allowed is worked out inline: a function returning it would return a
 * new heap number whenever the optimiser did not inline it, and the analysis
 * compares a million figures.
 */
function above(a: number, b: number): boolean {
  return a - b > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function below(a: number, b: number): boolean {
  return above(b, a);
}

export interface Judgement {
  actual: number | null;
  target?: number;
  band?: Band;
  polarity?: Polarity;
  /** Decimal places the actual is shown with: it is compared at that precision. */
  decimals?: number;
}

/**
 * Classifies one actual. Boundaries go to the better status: exactly on target
 * is met, exactly on the worse end of the band is within tolerance.
 */
export function classify({ actual, target, band, polarity, decimals }: Judgement): Status {
  return classifyFigure(actual, target, band, polarity, decimals);
}

/** `classify` with its arguments in a row: the analysis classifies a million figures without a million argument objects. */
export function classifyFigure(actual: number | null, target: number | undefined, band: Band | undefined, polarity: Polarity | undefined, decimals: number | undefined): Status {
  if (actual === null || !Number.isFinite(actual)) return 'no-data';
  if (target === undefined) return 'no-target';
  if (polarity === undefined) return 'polarity-unknown';
  const a = decimals === undefined ? actual : roundTo(actual, decimals);
  switch (polarity) {
    case 'higher':
      if (band && above(a, band.high)) return 'exceeded';
      if (!below(a, target)) return 'met';
      if (band && !below(a, band.low)) return 'within-tolerance';
      return 'not-met';
    case 'lower':
      if (band && below(a, band.low)) return 'exceeded';
      if (!above(a, target)) return 'met';
      if (band && !above(a, band.high)) return 'within-tolerance';
      return 'not-met';
    case 'band':
      if (band) return below(a, band.low) || above(a, band.high) ? 'not-met' : 'met';
      return below(a, target) || above(a, target) ? 'not-met' : 'met';
    default: {
      const unreachable: never = polarity;
      return unreachable;
    }
  }
}

/** How far a value is from the band (or from the target without one): 0 inside. */
function distanceFromBand(value: number, band: Band | undefined, target: number | undefined): number | undefined {
  if (band) return value < band.low ? band.low - value : value > band.high ? value - band.high : 0;
  return target === undefined ? undefined : Math.abs(value - target);
}

/**
 * Direction of travel from `earlier` to `later`, judged by polarity. For "plan
 * is best", moving toward the band (or target) is improving.
 */
export function directionOfTravel(
  later: number | null,
  earlier: number | null | undefined,
  polarity: Polarity | undefined,
  band?: Band,
  target?: number,
): Direction {
  if (later === null || earlier === null || earlier === undefined || polarity === undefined) return 'n/a';
  switch (polarity) {
    case 'higher':
      return above(later, earlier) ? 'improving' : below(later, earlier) ? 'worsening' : 'no-change';
    case 'lower':
      return below(later, earlier) ? 'improving' : above(later, earlier) ? 'worsening' : 'no-change';
    case 'band': {
      const now = distanceFromBand(later, band, target);
      const then = distanceFromBand(earlier, band, target);
      if (now === undefined || then === undefined) return 'n/a';
      return below(now, then) ? 'improving' : above(now, then) ? 'worsening' : 'no-change';
    }
    default: {
      const unreachable: never = polarity;
      return unreachable;
    }
  }
}

/** "↑ Improving": arrows never stand alone. */
export function directionLabel(direction: Direction): string {
  switch (direction) {
    case 'improving':
      return '↑ Improving';
    case 'worsening':
      return '↓ Worsening';
    case 'no-change':
      return '→ No change';
    case 'n/a':
      return 'No comparison';
    default: {
      const unreachable: never = direction;
      return unreachable;
    }
  }
}

/** Rank of a status, best first, for comparisons and property tests. */
export function statusRank(status: Status): number {
  switch (status) {
    case 'exceeded':
      return 3;
    case 'met':
      return 2;
    case 'within-tolerance':
      return 1;
    case 'not-met':
      return 0;
    case 'no-data':
    case 'no-target':
    case 'polarity-unknown':
      return -1;
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
