/**
 * Targets written in words (SPEC §1). Relative to a benchmark:
 * "In line with National performance", "In line with statistical neighbours",
 * "2 percentage points better than National performance", "5% below the England
 * average", "At or above nat. ave.", "In line with national (58%)" — the figure
 * in brackets is the benchmark's value as the writer saw it.
 * Or no target at all: "New measure in Council Business Plan for 2017/2018".
 */
import type { Polarity, UnitKind } from '../measures/types';
import { readBenchmarkName } from './benchmark-name';

/** How far from the benchmark, and on which side. */
export interface BenchmarkOffset {
  value: number;
  /** A share of the benchmark's value ("5% below" on a count) rather than in the measure's own units. */
  ofBenchmark: boolean;
  /** better/worse follow polarity; above/below are numeric. */
  side: 'better' | 'worse' | 'above' | 'below';
}

export interface BenchmarkTarget {
  benchmark: string;
  offset?: BenchmarkOffset;
  /** The benchmark's figure the writer quoted in brackets. */
  seen?: number;
}

export type TargetWording =
  | { kind: 'benchmark'; target: BenchmarkTarget }
  /** A known way of saying there is no target yet. */
  | { kind: 'none' };

const NO_TARGET = /^(?:new (?:measure|indicator|kpi|pi)\b|baseline (?:year|to be set|being set)\b|no target\b|target (?:not set|to be set)\b|not targeted\b|monitor(?:ing)? only\b|for monitoring\b|data only\b|context(?:ual)? (?:measure|indicator|only)\b)/;
// Longer phrases first: "at or better than" before "at".
const SAME = /^(?:to be |be |performance )?(?:in line with|inline with|in-line with|at or (?:better than|above|below)|at least|at|match|matches|matching|the same as|same as|equal to|level with|similar to|comparable (?:to|with)|no worse than|better than)?\s*(.+)$/;
const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const RELATIVE = new RegExp(String.raw`^(?:to be |be )?${NUMBER}\s*(%\s*points?|%|per ?cent|percentage points?|percent points?|points?|pts?|pp|[a-z]+)?\s*(better|worse|above|below|higher|lower|more|less|over|under)(?: than)?\s+(.+)$`);
const SEEN = new RegExp(String.raw`^(.*?)\s*\(\s*${NUMBER}\s*(%)?\s*\)$`);

const SIDES: Record<string, BenchmarkOffset['side']> = {
  better: 'better', worse: 'worse', above: 'above', higher: 'above', more: 'above', over: 'above', below: 'below', lower: 'below', less: 'below', under: 'below',
};

/** Reads a target written in words for a measure of the given kind of unit; undefined when it is not one. */
export function readTargetWording(text: string, kind: UnitKind): TargetWording | undefined {
  let t = text.toLowerCase().replace(/\u00a0/g, ' ').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim().replace(/[.;:]+$/, '');
  if (NO_TARGET.test(t)) return { kind: 'none' };
  let seen: number | undefined;
  const bracket = SEEN.exec(t);
  if (bracket) {
    t = bracket[1];
    seen = Number(bracket[2]);
  }
  let offset: BenchmarkOffset | undefined;
  let rest = t;
  const relative = RELATIVE.exec(t);
  if (relative) {
    const unit = (relative[2] ?? '').replace(/\s+/g, ' ');
    const percent = /^(?:%|per ?cent)$/.test(unit);
    // As with tolerances, "%" on a percentage measure means percentage points; other words ("days") are the measure's own units.
    const ofBenchmark = percent && kind !== 'percent';
    offset = { value: Number(relative[1]), ofBenchmark, side: SIDES[relative[3]] };
    rest = relative[4];
  } else {
    rest = SAME.exec(t)?.[1] ?? t;
  }
  const benchmark = readBenchmarkName(rest);
  if (!benchmark) return undefined;
  const target: BenchmarkTarget = { benchmark };
  if (offset && offset.value !== 0) target.offset = offset;
  if (seen !== undefined) target.seen = seen;
  return { kind: 'benchmark', target };
}

/**
 * The target a benchmark-relative wording gives once the benchmark's figure is
 * known; undefined when better/worse cannot be placed (no polarity, or a band).
 */
export function resolveBenchmarkTarget(target: BenchmarkTarget, figure: number, polarity: Polarity | undefined): number | undefined {
  const offset = target.offset;
  if (!offset) return figure;
  const amount = offset.ofBenchmark ? (Math.abs(figure) * offset.value) / 100 : offset.value;
  switch (offset.side) {
    case 'above':
      return figure + amount;
    case 'below':
      return figure - amount;
    case 'better':
    case 'worse':
      if (polarity !== 'higher' && polarity !== 'lower') return undefined;
      return (polarity === 'higher') === (offset.side === 'better') ? figure + amount : figure - amount;
    default: {
      const unreachable: never = offset.side;
      return unreachable;
    }
  }
}

/** How a benchmark-relative target reads in an explanation: "2 percentage points better than the England figure". */
export function describeBenchmarkTarget(target: BenchmarkTarget, unitKind: UnitKind): string {
  const offset = target.offset;
  const figure = `the ${target.benchmark} figure`;
  if (!offset) return `in line with ${figure}`;
  const amount = offset.ofBenchmark ? `${offset.value}%` : unitKind === 'percent' ? `${offset.value} percentage point${offset.value === 1 ? '' : 's'}` : String(offset.value);
  return `${amount} ${offset.side === 'better' || offset.side === 'worse' ? `${offset.side} than` : offset.side} ${figure}`;
}
