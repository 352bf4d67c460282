/** The Exceptions sheet's words: why a measure is listed, its history and its change on last year. */
import { periodWord } from '../measures/period';
import { formatDifference, formatValue, sensibleDecimals } from '../commentary/format';
import { listWithAnd } from '../commentary/sentences';
import { indexOfPreviousOfKind, indexOfSamePeriodLastYear } from '../measures/period';
import type { Direction, EvaluatedMeasure, Evaluation } from '../measures/types';
import { roundTo } from '../shared/values';
import { type ExceptionReason, lastWithFigures, type MeasureException } from './find-exceptions';

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "two", "ten", "12": numbers in words up to ten, as in prose. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** "two quarters", "one year", "12 months". */
function count(n: number, word: string): string {
  return `${numberWord(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** An evaluation's figure as shown: "24.5%", "390", "12 days". */
export function figureText(evaluated: EvaluatedMeasure, evaluation: Evaluation): string {
  const { actual, decimals } = evaluation.observation;
  if (actual === null) return 'No data';
  return formatValue(actual, evaluated.measure.unit, sensibleDecimals(actual, decimals));
}

/** "the same quarter last year"; for a year, "the year before". */
function lastYearWords(evaluated: EvaluatedMeasure): string {
  const word = periodWord(evaluated.current.observation.period?.kind);
  return word === 'year' ? 'the year before' : `the same ${word} last year`;
}

function evaluationAt(evaluated: EvaluatedMeasure, index: number): Evaluation | undefined {
  return index < 0 ? undefined : evaluated.evaluations[index];
}

/** The evaluation of the same period a year before the judged one, when it has a figure. */
function lastYearOf(evaluated: EvaluatedMeasure): Evaluation | undefined {
  const at = evaluated.evaluations.indexOf(evaluated.current);
  const found = evaluationAt(evaluated, at < 0 ? -1 : indexOfSamePeriodLastYear(evaluated.measure.observations, at));
  return found?.observation.actual === null ? undefined : found;
}

function previousOf(evaluated: EvaluatedMeasure): Evaluation | undefined {
  const at = evaluated.evaluations.indexOf(evaluated.current);
  const found = evaluationAt(evaluated, at < 0 ? -1 : indexOfPreviousOfKind(evaluated.measure.observations, at));
  return found?.observation.actual === null ? undefined : found;
}

/** One reason in a sentence, for a measure reported for `reporting`. */
export function reasonText(exception: MeasureException, reason: ExceptionReason, reporting: string): string {
  const { evaluated } = exception;
  const current = evaluated.current;
  const word = periodWord(current.observation.period?.kind);
  switch (reason) {
    case 'not-met-consecutive': {
      const periods = exception.notMetRun.map((e) => e.observation.label);
      return `Not met in each of its last ${count(periods.length, word)} with figures (${listWithAnd(periods)}).`;
    }
    case 'worse-than-last-year': {
      const before = lastYearOf(evaluated);
      const then = before ? `: ${figureText(evaluated, current)} in ${current.observation.label} against ${figureText(evaluated, before)} in ${before.observation.label}` : '';
      return `Worse than ${lastYearWords(evaluated)}${then}.`;
    }
    case 'stale':
      return `The latest figure is for ${current.observation.label}, ${count(evaluated.periodsBehind, word)} behind ${reporting}.`;
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
}

/** The last few figures, one a line, earliest first: "Q3 2017/18: 26% (Not met)". */
export function historyText(evaluated: EvaluatedMeasure, periods = 5): string {
  return lastWithFigures(evaluated, periods)
    .map((e) => `${e.observation.label}: ${figureText(evaluated, e)} (${e.label})`)
    .join('\n');
}

function judgement(direction: Direction): string {
  switch (direction) {
    case 'improving':
      return 'Better';
    case 'worsening':
      return 'Worse';
    case 'no-change':
    case 'n/a':
      return '';
    default: {
      const unreachable: never = direction;
      return unreachable;
    }
  }
}

/** "Worse: up 2.5 percentage points from 24.5% in Q4 2016/17". */
function movement(evaluated: EvaluatedMeasure, before: Evaluation, direction: Direction): string {
  const now = evaluated.current.observation;
  const decimals = Math.max(sensibleDecimals(now.actual ?? 0, now.decimals), sensibleDecimals(before.observation.actual ?? 0, before.observation.decimals));
  const difference = roundTo((now.actual ?? 0) - (before.observation.actual ?? 0), decimals);
  const from = `${figureText(evaluated, before)} in ${before.observation.label}`;
  if (difference === 0 || direction === 'no-change') return `No change from ${from}`;
  const moved = `${difference > 0 ? 'up' : 'down'} ${formatDifference(difference, evaluated.measure.unit, decimals)} from ${from}`;
  const verdict = judgement(direction);
  return verdict ? `${verdict}: ${moved}` : moved.charAt(0).toUpperCase() + moved.slice(1);
}

/**
 * The change on the same period last year; with `orPrevious`, on the
 * previous period when there is no figure a year earlier (as "improving" is judged).
 */
export function changeText(evaluated: EvaluatedMeasure, orPrevious = false): string {
  const current = evaluated.current;
  if (current.observation.actual === null) return '';
  const lastYear = lastYearOf(evaluated);
  if (lastYear) return movement(evaluated, lastYear, current.directionYear);
  const previous = orPrevious ? previousOf(evaluated) : undefined;
  if (previous) return `${movement(evaluated, previous, current.direction)} (no figure a year earlier)`;
  return 'No figure a year earlier';
}

/** Why an improving measure that is not met is listed: "Not met, but better than the same quarter last year." */
export function improvingText(evaluated: EvaluatedMeasure): string {
  const word = periodWord(evaluated.current.observation.period?.kind);
  const against = lastYearOf(evaluated) ? lastYearWords(evaluated) : `the previous ${word}`;
  return `Not met, but better than ${against}.`;
}
