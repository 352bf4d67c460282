/**
 * XmR (individuals) chart limits, as NHS England's "Making Data Count" and the
 * NHS-R community's NHSRplotthedots compute them (R/ptd_spc_standard.R):
 * the mean and the average moving range of the baseline points, moving ranges
 * of 3.267 × that average or more screened out once and the average taken
 * again, process limits at mean ± 2.66 × average moving range, and the
 * "two sigma" lines at two thirds of the way out.
 */

/** E2 for moving ranges of two: the process limits' distance in average moving ranges. */
export const LIMIT_FACTOR = 2.66;
/** D4 for moving ranges of two: a moving range this many averages or more is screened out. */
export const SCREEN_FACTOR = 3.267;

export interface XmrLimits {
  mean: number;
  /** Average moving range after screening. */
  averageMovingRange: number;
  lpl: number;
  upl: number;
  /** Two sigma below and above the mean. */
  nearLow: number;
  nearHigh: number;
}

function average(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Limits from baseline values (at least two). */
export function xmrLimits(baseline: readonly number[], screenOutliers = true): XmrLimits {
  const mean = average(baseline);
  const ranges = baseline.slice(1).map((v, i) => Math.abs(v - baseline[i]));
  let amr = average(ranges);
  if (screenOutliers) {
    const kept = ranges.filter((r) => r < SCREEN_FACTOR * amr);
    if (kept.length > 0) amr = average(kept);
  }
  const near = (2 * LIMIT_FACTOR * amr) / 3;
  return { mean, averageMovingRange: amr, lpl: mean - LIMIT_FACTOR * amr, upl: mean + LIMIT_FACTOR * amr, nearLow: mean - near, nearHigh: mean + near };
}
