/**
 * Which measures need a committee's attention, and why (SPEC §5.6): not met in
 * each of their last periods with figures, worse than the same period last
 * year, or judged on a stale figure. Also the measures improving but not met.
 */
import { isImproving } from '../measures/analyse';
import type { EvaluatedMeasure, Evaluation } from '../measures/types';

export type ExceptionReason = 'not-met-consecutive' | 'worse-than-last-year' | 'stale';

export interface MeasureException {
  evaluated: EvaluatedMeasure;
  /** In the order of ExceptionReason's definition. */
  reasons: ExceptionReason[];
  /** The figures not met in a row, earliest first (empty unless the reasons include not-met-consecutive). */
  notMetRun: Evaluation[];
}

export interface ExceptionsFound {
  exceptions: MeasureException[];
  /** Not met, but improving (isImproving). */
  improvingNotMet: EvaluatedMeasure[];
}

/**
 * The measure's last `count` evaluations with figures, up to the one it is
 * judged on, of that one's kind (quarters with quarters); fewer when it has fewer.
 */
export function lastWithFigures({ measure, evaluations, current }: EvaluatedMeasure, count: number): Evaluation[] {
  const at = evaluations.indexOf(current);
  if (at < 0 || current.observation.actual === null) return [];
  const kind = current.observation.period?.kind;
  const found: Evaluation[] = [];
  for (let i = at; i >= 0 && found.length < count; i--) {
    const obs = measure.observations[i];
    if (obs.actual !== null && obs.period?.kind === kind) found.unshift(evaluations[i]);
  }
  return found;
}

function reasonsFor(evaluated: EvaluatedMeasure, notMetPeriods: number): { reasons: ExceptionReason[]; notMetRun: Evaluation[] } {
  const reasons: ExceptionReason[] = [];
  const run = lastWithFigures(evaluated, notMetPeriods);
  const notMetRun = run.length === notMetPeriods && run.every((e) => e.status === 'not-met') ? run : [];
  if (notMetRun.length > 0) reasons.push('not-met-consecutive');
  if (evaluated.current.directionYear === 'worsening') reasons.push('worse-than-last-year');
  if (evaluated.stale) reasons.push('stale');
  return { reasons, notMetRun };
}

/** `notMetPeriods`: how many periods with figures in a row must be not met (Settings; at least 2 by default). */
export function findExceptions(measures: readonly EvaluatedMeasure[], notMetPeriods: number): ExceptionsFound {
  const exceptions: MeasureException[] = [];
  const improvingNotMet: EvaluatedMeasure[] = [];
  for (const evaluated of measures) {
    const { reasons, notMetRun } = reasonsFor(evaluated, notMetPeriods);
    if (reasons.length > 0) exceptions.push({ evaluated, reasons, notMetRun });
    if (evaluated.current.status === 'not-met' && isImproving(evaluated.current)) improvingNotMet.push(evaluated);
  }
  return { exceptions, improvingNotMet };
}
