/**
 * The facts a commentary row states about one measure for the reported
 * period: the figure, the target and range, the variance, how it moved and how
 * it compares with the benchmarks. Sentences and cells are both made from these.
 */
import { indexOfPreviousOfKind, indexOfSamePeriodLastYear, periodWord } from '../measures/period';
import type { Band, Direction, EvaluatedMeasure, Evaluation, Observation, Polarity, Unit } from '../measures/types';
import { roundTo } from '../shared/values';
import { sensibleDecimals } from './format';

/** A figure from another period that the reported one is compared with. */
export interface Comparison {
  label: string;
  value: number;
  decimals: number;
  /** Judged by polarity (band: toward the range is improving). */
  direction: Direction;
}

export type BenchmarkVerdict = 'better' | 'worse' | 'in line' | 'above' | 'below';

export interface BenchmarkComparison {
  /** The benchmark's name as the measures core reports it: "England", "Statistical neighbours"… */
  name: string;
  value: number;
  /** Decimal places to show it with: what it needs, up to the actual's precision (at least 1). */
  decimals: number;
  verdict: BenchmarkVerdict;
  /** The benchmark's own period when it is not the reported one (the latest published, e.g. "2017/18"). */
  period?: string;
}

/** One period of the measure's recent history, as its block's table and chart show it. */
export interface HistoryPoint {
  label: string;
  actual: number | null;
  target: number | null;
}

export interface MeasureFacts {
  id: string;
  name: string;
  theme: string;
  lead?: string;
  unit: Unit;
  polarity?: Polarity;
  /** The reporting period's label. */
  period: string;
  /** The period of the figure judged: the reporting period's, or the latest available before it. */
  dataPeriod: string;
  /** The figure is the latest available, not the reporting period's own. */
  latestAvailable: boolean;
  /** "quarter", "year", "month" or "period": how the text names the period before. */
  periodWord: string;
  current: Evaluation;
  /** The actual as shown, null for no data. */
  actual: number | null;
  decimals: number;
  target?: number;
  targetDecimals: number;
  /** The benchmark the target follows ("In line with national" → "England"). */
  targetFollows?: string;
  band?: Band;
  /** Decimal places the band's ends need (±2.5 around 18 is 15.5 to 20.5), at most one more than the figures. */
  bandDecimals: number;
  /** Actual minus target, at the precision shown, and as a percentage of the target. */
  variance?: { difference: number; decimals: number; percentOfTarget?: number };
  previous?: Comparison;
  lastYear?: Comparison;
  /** For a period without data: the most recent earlier figure. */
  lastKnown?: { label: string; value: number; decimals: number };
  benchmarks: BenchmarkComparison[];
  /** The reported period and those before it of the same kind (quarters with quarters), oldest first. */
  history: HistoryPoint[];
}

/** Periods of history a block shows: as many as fit across its table. */
export const HISTORY_LENGTH = 6;

const BENCHMARK_ORDER = ['England', 'Statistical neighbours', 'Similar authorities', 'Region'];

function decimalsOf(obs: Observation): number {
  return sensibleDecimals(obs.actual ?? 0, obs.decimals);
}

function shownValue(obs: Observation): number | null {
  return obs.actual === null ? null : roundTo(obs.actual, decimalsOf(obs));
}

function comparison(evaluation: Evaluation | undefined, direction: Direction): Comparison | undefined {
  if (!evaluation) return undefined;
  const value = shownValue(evaluation.observation);
  if (value === null) return undefined;
  return { label: evaluation.observation.label, value, decimals: decimalsOf(evaluation.observation), direction };
}

/** The evaluation of the period before, of the same kind (quarters with quarters), as the direction of travel uses. */
function benchmarkVerdict(actual: number, benchmark: number, decimals: number, polarity: Polarity | undefined): BenchmarkVerdict {
  const a = roundTo(actual, decimals);
  const b = roundTo(benchmark, decimals);
  if (a === b) return 'in line';
  const above = a > b;
  switch (polarity) {
    case 'higher':
      return above ? 'better' : 'worse';
    case 'lower':
      return above ? 'worse' : 'better';
    case 'band':
    case undefined:
      return above ? 'above' : 'below';
    default: {
      const unreachable: never = polarity;
      return unreachable;
    }
  }
}

export function measureFacts(evaluated: EvaluatedMeasure, period: string): MeasureFacts {
  const { measure, evaluations, current } = evaluated;
  const index = evaluations.indexOf(current);
  const obs = current.observation;
  const actual = shownValue(obs);
  const decimals = decimalsOf(obs);
  const facts: MeasureFacts = {
    id: measure.id,
    name: measure.name,
    theme: measure.theme ?? '',
    unit: measure.unit,
    period,
    dataPeriod: actual === null ? period : obs.label,
    latestAvailable: actual !== null && obs.label !== period,
    periodWord: periodWord(obs.period?.kind),
    current,
    actual,
    decimals,
    targetDecimals: 0,
    bandDecimals: 0,
    benchmarks: [],
    history: historyOf(evaluations, index),
  };
  if (measure.lead) facts.lead = measure.lead;
  if (measure.polarity) facts.polarity = measure.polarity;
  if (current.target !== undefined) {
    facts.target = current.target;
    facts.targetDecimals = sensibleDecimals(current.target);
    const follows = obs.follows?.benchmark ?? (obs.target === undefined ? measure.follows?.benchmark : undefined);
    if (follows) facts.targetFollows = follows;
  }
  if (current.band) {
    facts.band = current.band;
    // Relative bands ("-4% / +8%" of 121) give ends like 116.16: one decimal beyond the figures is enough.
    const atMost = Math.max(decimals, facts.targetDecimals) + 1;
    facts.bandDecimals = Math.max(sensibleDecimals(current.band.low, undefined, atMost), sensibleDecimals(current.band.high, undefined, atMost));
  }
  if (actual !== null && facts.target !== undefined) {
    const varianceDecimals = Math.max(decimals, facts.targetDecimals);
    const difference = roundTo(actual - facts.target, varianceDecimals);
    facts.variance = { difference, decimals: varianceDecimals };
    const percentOfTarget = roundTo((difference / Math.abs(facts.target)) * 100, 1);
    // Against a zero (or vanishingly small) target a percentage says nothing.
    if (Number.isFinite(percentOfTarget)) facts.variance.percentOfTarget = percentOfTarget;
  }
  if (index >= 0) {
    // Evaluations follow the measure's observations one for one.
    const previousAt = indexOfPreviousOfKind(measure.observations, index);
    const previous = comparison(previousAt < 0 ? undefined : evaluations[previousAt], current.direction);
    if (previous) facts.previous = previous;
    const lastYearAt = indexOfSamePeriodLastYear(measure.observations, index);
    const lastYear = comparison(lastYearAt < 0 ? undefined : evaluations[lastYearAt], current.directionYear);
    if (lastYear && lastYear.label !== previous?.label) facts.lastYear = lastYear;
  }
  if (actual === null) {
    const earlier = (index >= 0 ? evaluations.slice(0, index) : evaluations).filter((e) => e.observation.actual !== null).at(-1);
    if (earlier) facts.lastKnown = { label: earlier.observation.label, value: shownValue(earlier.observation) ?? 0, decimals: decimalsOf(earlier.observation) };
  } else {
    const source = benchmarkSource(evaluations, index, obs);
    if (source) facts.benchmarks = benchmarkComparisons(actual, decimals, measure.polarity, source, source === obs ? undefined : source.label);
  }
  return facts;
}

function historyOf(evaluations: Evaluation[], index: number): HistoryPoint[] {
  const upTo = index >= 0 ? evaluations.slice(0, index + 1) : evaluations;
  const kind = upTo.at(-1)?.observation.period?.kind;
  return upTo
    .filter((e) => e.observation.period?.kind === kind)
    .slice(-HISTORY_LENGTH)
    .map((e) => ({ label: e.observation.label, actual: shownValue(e.observation), target: e.target ?? null }));
}

/** The reported period's benchmarks, else the latest published before it (benchmarks are often annual). */
function benchmarkSource(evaluations: Evaluation[], index: number, obs: Observation): Observation | undefined {
  if (Object.keys(obs.benchmarks).length > 0) return obs;
  const earlier = index >= 0 ? evaluations.slice(0, index) : [];
  return earlier.map((e) => e.observation).filter((o) => Object.keys(o.benchmarks).length > 0).at(-1);
}

function benchmarkComparisons(actual: number, decimals: number, polarity: Polarity | undefined, source: Observation, period: string | undefined): BenchmarkComparison[] {
  const names = Object.keys(source.benchmarks);
  const ordered = [...BENCHMARK_ORDER.filter((n) => names.includes(n)), ...names.filter((n) => !BENCHMARK_ORDER.includes(n))];
  return ordered.map((name) => {
    const value = source.benchmarks[name];
    const shown = sensibleDecimals(value, undefined, Math.max(decimals, 1));
    const comparison: BenchmarkComparison = { name, value, decimals: shown, verdict: benchmarkVerdict(actual, value, Math.max(decimals, shown), polarity) };
    if (period) comparison.period = period;
    return comparison;
  });
}
