/**
 * One measure's XmR chart: its points split into baseline groups (a rebase
 * starts a new group), each group's limits from its first points, every point
 * judged by the special-cause rules, and the measure's variation and assurance
 * from its latest point and its target.
 */
import type { Polarity } from '../measures/types';
import { type XmrLimits, xmrLimits } from './limits';
import { outsideLimits, type Side, shift, trend, twoInThree } from './rules';

export type SpcRule = 'outside-limits' | 'trend' | 'two-in-three' | 'shift';
export type Variation = 'common-cause' | 'special-cause-improving' | 'special-cause-concerning' | 'special-cause-neither';
/** 'none': no target to judge against; 'polarity-unknown': a target, but no polarity to say which side of it is good. */
export type Assurance = 'pass' | 'fail' | 'hit-or-miss' | 'none' | 'polarity-unknown';

/** Fewer points than this: no chart at all. */
export const MIN_POINTS = 6;
/** Fewer points than this: the limits are provisional. */
export const PROVISIONAL_BELOW = 15;

export interface SpcInput {
  label: string;
  value: number;
  /** This point starts a new baseline ("rebase at"). */
  rebase?: boolean;
}

export interface SpcOptions {
  /** Points in a run for a shift or a trend (7). */
  runLength?: number;
  /** Limits from the first N points of each group; all of them when undefined. */
  baselinePoints?: number;
}

export interface SpcPoint {
  label: string;
  value: number;
  /** The rules the point meets, in the order of precedence. */
  rules: SpcRule[];
  /** Which way its strongest signal points: +1 high or rising, -1 low or falling, 0 none. */
  side: Side;
  limits: XmrLimits;
}

export interface SpcChart {
  points: SpcPoint[];
  /** The latest group's limits: those the variation and assurance are read from. */
  limits: XmrLimits;
  variation: Variation;
  /** Which rule made the latest point special, when one did. */
  latestRule?: SpcRule;
  assurance: Assurance;
  /** The latest group has fewer than PROVISIONAL_BELOW points. */
  provisional: boolean;
  /** Rebase periods not used because a group would have had too few points. */
  ignoredRebases: string[];
}

/**
 * Splits the points where a rebase starts a new group. A rebase that would
 * leave either side with fewer than MIN_POINTS points is not made: too few
 * points for limits of their own.
 */
function groups(points: readonly SpcInput[]): { groups: SpcInput[][]; ignored: string[] } {
  const out: SpcInput[][] = [[]];
  const ignored: string[] = [];
  points.forEach((p, i) => {
    if (p.rebase && i > 0) {
      const before = out[out.length - 1].length;
      const after = points.slice(i).findIndex((q, k) => k > 0 && q.rebase);
      const rest = after < 0 ? points.length - i : after;
      if (before >= MIN_POINTS && rest >= MIN_POINTS) out.push([]);
      else ignored.push(p.label);
    }
    out[out.length - 1].push(p);
  });
  return { groups: out, ignored };
}

function judgeGroup(group: readonly SpcInput[], options: SpcOptions): SpcPoint[] {
  const values = group.map((p) => p.value);
  const baseline = values.slice(0, options.baselinePoints ?? values.length);
  const limits = xmrLimits(baseline.length >= 2 ? baseline : values);
  const runLength = options.runLength ?? 7;
  // In the order NHSRplotthedots gives precedence to: the first that marks a point sets its side.
  const marks: [SpcRule, Side[]][] = [
    ['outside-limits', outsideLimits(values, limits)],
    ['trend', trend(values, runLength)],
    ['two-in-three', twoInThree(values, limits)],
    ['shift', shift(values, limits, runLength)],
  ];
  return group.map((p, i) => {
    const met = marks.filter(([, sides]) => sides[i] !== 0);
    return { label: p.label, value: p.value, rules: met.map(([rule]) => rule), side: met[0]?.[1][i] ?? 0, limits };
  });
}

function variationOf(point: SpcPoint, polarity: Polarity | undefined): Variation {
  if (point.side === 0) return 'common-cause';
  if (polarity !== 'higher' && polarity !== 'lower') return 'special-cause-neither';
  return (point.side > 0) === (polarity === 'higher') ? 'special-cause-improving' : 'special-cause-concerning';
}

/**
 * Can the target be relied on? For "higher is better", limits wholly above
 * the target pass and wholly below it fail; for a band, limits wholly inside
 * pass and wholly outside fail; otherwise it is hit or miss.
 */
export function assuranceOf(limits: XmrLimits, polarity: Polarity | undefined, target: number | undefined, band?: { low: number; high: number }): Assurance {
  if (polarity === 'band') {
    if (!band) return 'none';
    if (limits.lpl >= band.low && limits.upl <= band.high) return 'pass';
    if (limits.upl < band.low || limits.lpl > band.high) return 'fail';
    return 'hit-or-miss';
  }
  if (target !== undefined && polarity === undefined) return 'polarity-unknown';
  if (target === undefined || (polarity !== 'higher' && polarity !== 'lower')) return 'none';
  const above = limits.lpl > target;
  const below = limits.upl < target;
  if (!above && !below) return 'hit-or-miss';
  return above === (polarity === 'higher') ? 'pass' : 'fail';
}

/** The chart for a series in time order, or undefined when it has fewer than MIN_POINTS points. */
export function spcChart(series: readonly SpcInput[], polarity: Polarity | undefined, target: number | undefined, band?: { low: number; high: number }, options: SpcOptions = {}): SpcChart | undefined {
  if (series.length < MIN_POINTS) return undefined;
  const split = groups(series);
  const points = split.groups.flatMap((group) => judgeGroup(group, options));
  const latest = points[points.length - 1];
  const latestGroup = split.groups[split.groups.length - 1];
  return {
    points,
    limits: latest.limits,
    variation: variationOf(latest, polarity),
    ...(latest.rules.length > 0 ? { latestRule: latest.rules[0] } : {}),
    assurance: assuranceOf(latest.limits, polarity, target, band),
    provisional: latestGroup.length < PROVISIONAL_BELOW,
    ignoredRebases: split.ignored,
  };
}
