/**
 * The special-cause rules, one function each, as NHSRplotthedots applies them
 * (R/ptd_calculate_point_type.R). Each takes the points of one baseline group
 * and returns, per point, whether it is part of a signal and on which side
 * (+1 high, -1 low, 0 none).
 */
import type { XmrLimits } from './limits';

export type Side = -1 | 0 | 1;

/** A point beyond a process limit. */
export function outsideLimits(values: readonly number[], limits: XmrLimits): Side[] {
  return values.map((v) => (v > limits.upl ? 1 : v < limits.lpl ? -1 : 0));
}

/** Every point of a run of `length` or more that `sideOf` puts on one side (0 breaks a run). */
function runs(count: number, sideOf: (i: number) => Side, length: number): Side[] {
  const marks: Side[] = new Array<Side>(count).fill(0);
  let start = 0;
  for (let i = 1; i <= count; i++) {
    if (i < count && sideOf(i) !== 0 && sideOf(i) === sideOf(start)) continue;
    const side = sideOf(start);
    if (side !== 0 && i - start >= length) for (let j = start; j < i; j++) marks[j] = side;
    start = i;
  }
  return marks;
}

/** A shift: `length` (7) or more points in a row on one side of the mean; a point on the mean breaks it. */
export function shift(values: readonly number[], limits: XmrLimits, length = 7): Side[] {
  return runs(values.length, (i) => Math.sign(values[i] - limits.mean) as Side, length);
}

/**
 * A trend: `length` (7) or more points in a row each higher (or each lower)
 * than the one before; an equal pair breaks it. The first point of the run
 * counts, as it is one of the seven.
 */
export function trend(values: readonly number[], length = 7): Side[] {
  const step = (i: number): Side => (i === 0 ? 0 : (Math.sign(values[i] - values[i - 1]) as Side));
  // Runs of equal steps: a run of n steps spans n + 1 points.
  const steps = runs(values.length, step, length - 1);
  const marks = [...steps];
  for (let i = 1; i < values.length; i++) if (steps[i] !== 0 && steps[i - 1] === 0) marks[i - 1] = steps[i];
  return marks;
}

/**
 * Two out of three points in a row beyond two sigma on the same side, all
 * three on that side of the mean. The points beyond two sigma (and inside the
 * limits) are marked.
 */
export function twoInThree(values: readonly number[], limits: XmrLimits): Side[] {
  const side = (i: number): Side => Math.sign(values[i] - limits.mean) as Side;
  const close = values.map((v) => v <= limits.upl && v >= limits.lpl && (v > limits.nearHigh || v < limits.nearLow));
  const marks: Side[] = new Array<Side>(values.length).fill(0);
  for (let i = 0; i + 2 < values.length; i++) {
    const window = [i, i + 1, i + 2];
    const s = side(i);
    if (s === 0 || !window.every((j) => side(j) === s)) continue;
    if (window.filter((j) => close[j]).length < 2) continue;
    for (const j of window) if (close[j]) marks[j] = s;
  }
  return marks;
}
