/**
 * Links each strategy's spend to how its measures are doing: counts of the
 * measures whose Strategy matches (loosely), by status, for the reported period.
 */
import { STATUSES, type Status } from '../measures/scheme';
import type { MeasuresAnalysis } from '../measures/types';
import { looseStrategy } from './names';
import type { StrategyBudget } from './types';

export type StatusCounts = Record<Status, number>;

export interface StrategyPerformance {
  /** The reported period. */
  period?: string;
  /** Strategy name (as on the Budgets sheet) → counts; strategies with no measures are absent. */
  counts: Map<string, StatusCounts>;
  /** Measures whose strategy matches no strategy on the Budgets sheet. */
  unmatched: number;
}

export function noMeasures(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Undefined when the measures carry no Strategy at all. */
export function performanceByStrategy(analysis: MeasuresAnalysis, strategies: StrategyBudget[]): StrategyPerformance | undefined {
  const withStrategy = analysis.measures.filter((m) => m.measure.strategy);
  if (withStrategy.length === 0) return undefined;
  const byKey = new Map(strategies.map((s) => [looseStrategy(s.name), s.name]));
  const counts = new Map<string, StatusCounts>();
  let unmatched = 0;
  for (const evaluated of withStrategy) {
    const name = byKey.get(looseStrategy(evaluated.measure.strategy ?? ''));
    if (name === undefined) {
      unmatched++;
      continue;
    }
    const row = counts.get(name) ?? noMeasures();
    row[evaluated.current.status]++;
    counts.set(name, row);
  }
  return { period: analysis.period, counts, unmatched };
}
