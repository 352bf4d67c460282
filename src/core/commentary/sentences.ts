/**
 * The generated paragraph: how the figure stands against its target, how it
 * moved, and how it compares with the benchmarks, in plain British English.
 * Openings rotate with the measure's position, so neighbouring paragraphs do
 * not start alike, and the same workbook always gives the same words.
 */
import type { Direction } from '../measures/types';
import type { BenchmarkComparison, BenchmarkVerdict, Comparison, MeasureFacts } from './facts';
import { formatDifference, formatRange, formatValue } from './format';

/** "the England average", "the statistical neighbours' average"; with a period, "the 2017/18 England average". */
export function benchmarkPhrase(name: string, period?: string): string {
  const phrase = benchmarkWords(name);
  return period ? phrase.replace(/^the /, `the ${period} `) : phrase;
}

function benchmarkWords(name: string): string {
  switch (name) {
    case 'England':
      return 'the England average';
    case 'Statistical neighbours':
      return "the statistical neighbours' average";
    case 'Similar authorities':
      return 'the average for similar authorities';
    case 'Region':
      return 'the regional average';
    default:
      return `the ${name} average`;
  }
}

function actualText(facts: MeasureFacts): string {
  return facts.actual === null ? '' : formatValue(facts.actual, facts.unit, facts.decimals);
}

function targetText(facts: MeasureFacts): string {
  if (facts.target === undefined) return '';
  const value = formatValue(facts.target, facts.unit, facts.targetDecimals);
  return facts.targetFollows ? `${value} (in line with ${benchmarkPhrase(facts.targetFollows)})` : value;
}

function rangeText(facts: MeasureFacts): string {
  return facts.band ? formatRange(facts.band.low, facts.band.high, facts.unit, facts.bandDecimals) : '';
}

function differenceText(facts: MeasureFacts): string {
  return facts.variance ? formatDifference(facts.variance.difference, facts.unit, facts.variance.decimals) : '';
}

/** How the figure stands against its target, as a verb phrase: "met the target of 44% with 1.2 percentage points to spare". */
function standing(facts: MeasureFacts): string {
  const target = `the target of ${targetText(facts)}`;
  const by = differenceText(facts);
  const range = rangeText(facts);
  const difference = facts.variance?.difference ?? 0;
  const status = facts.current.status;
  if (facts.polarity === 'band') {
    if (facts.band) {
      if (status === 'met') return `was within the target range of ${range}`;
      const above = (facts.actual ?? 0) > facts.band.high;
      const gap = above ? (facts.actual ?? 0) - facts.band.high : facts.band.low - (facts.actual ?? 0);
      return `was ${formatDifference(gap, facts.unit, Math.max(facts.decimals, facts.bandDecimals))} ${above ? 'above' : 'below'} the target range of ${range}`;
    }
    return status === 'met' ? `was on ${target}` : `was ${by} ${difference > 0 ? 'above' : 'below'} ${target}, which it aims to match`;
  }
  switch (status) {
    case 'exceeded': {
      const end = facts.polarity === 'lower' ? `below the bottom of the tolerance range (${formatValue(facts.band?.low ?? 0, facts.unit, facts.bandDecimals)})` : `above the top of the tolerance range (${formatValue(facts.band?.high ?? 0, facts.unit, facts.bandDecimals)})`;
      return `exceeded ${target} by ${by} and was ${end}`;
    }
    case 'met':
      return difference === 0 ? `met ${target} exactly` : `met ${target} with ${by} to spare`;
    case 'within-tolerance':
      return `missed ${target} by ${by} but was within the tolerance range of ${range}`;
    case 'not-met':
      return range ? `missed ${target} by ${by} and was outside the tolerance range of ${range}` : `missed ${target} by ${by}`;
    case 'no-data':
    case 'no-target':
    case 'polarity-unknown':
      return '';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

function statusSentence(facts: MeasureFacts, variant: number): string {
  const actual = actualText(facts);
  const period = facts.period;
  if (facts.actual === null) {
    const known = facts.lastKnown;
    if (!known) return `No figure has been reported for ${period}, nor for any earlier period.`;
    const against = facts.target !== undefined ? `, against a target of ${targetText(facts)}` : '';
    // Openings differ from the neighbours' (see the variants below), whatever their status.
    const opening = [`No figure has been reported for ${period}`, `There is no figure yet for ${period}`, `The figure for ${period} is not available`][variant % 3];
    return `${opening}; the most recent is ${formatValue(known.value, facts.unit, known.decimals)} for ${known.label}${against}.`;
  }
  if (facts.latestAvailable) return latestAvailableSentence(facts, actual, variant);
  if (facts.current.status === 'no-target' || facts.current.status === 'polarity-unknown') {
    return [`The figure for ${period} was ${actual}.`, `The ${period} figure was ${actual}.`, `In ${period} the figure was ${actual}.`][variant % 3] + ` ${noStatusReason(facts)}`;
  }
  const verb = standing(facts);
  switch (variant % 3) {
    case 0:
      return `At ${actual} in ${period}, performance ${verb}.`;
    case 1:
      return `The ${period} figure of ${actual} ${verb}.`;
    default:
      return `In ${period} the figure was ${actual}, which ${verb}.`;
  }
}

function noStatusReason(facts: MeasureFacts): string {
  return facts.current.status === 'polarity-unknown'
    ? `Its status is "${facts.current.label}": the workbook does not say whether a higher or a lower figure is better${facts.target === undefined ? ', which its target needs' : ` (the target is ${targetText(facts)})`}.`
    : 'There is no target for this measure, so it has no status.';
}

/** The figure is an earlier period's, the latest available: the sentence says so, and names the reporting period. */
function latestAvailableSentence(facts: MeasureFacts, actual: string, variant: number): string {
  const { dataPeriod, period } = facts;
  if (facts.current.status === 'no-target' || facts.current.status === 'polarity-unknown') {
    return `There is no figure yet for ${period}; the latest available, for ${dataPeriod}, was ${actual}. ${noStatusReason(facts)}`;
  }
  const verb = standing(facts);
  switch (variant % 3) {
    case 0:
      return `There is no figure yet for ${period}; at ${actual} in ${dataPeriod}, the latest available, performance ${verb}.`;
    case 1:
      return `The latest available figure is for ${dataPeriod}, not ${period}: at ${actual} it ${verb}.`;
    default:
      return `No figure has been reported for ${period} yet; the latest available, ${actual} for ${dataPeriod}, ${verb}.`;
  }
}

type Judgement = 'good' | 'bad' | 'neutral';

interface Clause {
  /** "an improvement on", "worse than"… */
  lead: string;
  /** "the previous quarter (42.1% in Q1 2017/18)" */
  object: string;
  judgement: Judgement;
}

function movementLead(direction: Direction, band: boolean, rising: boolean, level: boolean): { lead: string; judgement: Judgement } {
  // "Plan is best": two figures inside the range are equally good, though not equal.
  if (band && direction === 'no-change' && !level) return { lead: 'on a par with', judgement: 'neutral' };
  switch (direction) {
    case 'improving':
      return { lead: band ? 'closer to the target range than' : 'an improvement on', judgement: 'good' };
    case 'worsening':
      return { lead: band ? 'further from the target range than' : 'worse than', judgement: 'bad' };
    case 'no-change':
      return { lead: 'level with', judgement: 'neutral' };
    case 'n/a':
      return { lead: level ? 'level with' : rising ? 'up on' : 'down on', judgement: 'neutral' };
    default: {
      const unreachable: never = direction;
      return unreachable;
    }
  }
}

function clause(facts: MeasureFacts, comparison: Comparison, description: string): Clause {
  const actual = facts.actual ?? 0;
  const { lead, judgement } = movementLead(comparison.direction, facts.polarity === 'band', actual > comparison.value, actual === comparison.value);
  return { lead, judgement, object: `${description} (${formatValue(comparison.value, facts.unit, comparison.decimals)} in ${comparison.label})` };
}

function joinClauses(first: Clause, second: Clause): string {
  if (first.lead === second.lead) return `${first.lead} both ${first.object} and ${second.object}`;
  const opposed = first.judgement !== second.judgement && first.judgement !== 'neutral' && second.judgement !== 'neutral';
  return `${first.lead} ${first.object} ${opposed ? 'but' : 'and'} ${second.lead} ${second.object}`;
}

function directionSentence(facts: MeasureFacts, variant: number): string {
  if (facts.actual === null) return '';
  const word = facts.periodWord;
  const clauses: Clause[] = [];
  if (facts.previous) clauses.push(clause(facts, facts.previous, `the previous ${word}`));
  if (facts.lastYear) clauses.push(clause(facts, facts.lastYear, `the same ${word} last year`));
  if (clauses.length === 0) return '';
  const opener = ['This is', 'That is', 'This figure is'][variant % 3];
  return `${opener} ${clauses.length === 2 ? joinClauses(clauses[0], clauses[1]) : `${clauses[0].lead} ${clauses[0].object}`}.`;
}

const VERDICT_WORDS: Record<BenchmarkVerdict, string> = {
  better: 'better than',
  worse: 'worse than',
  'in line': 'in line with',
  above: 'above',
  below: 'below',
};

/** "the England average of 410"; the benchmark's period is said when `withPeriod`. */
function benchmarkObject(facts: MeasureFacts, benchmark: BenchmarkComparison, withPeriod = true): string {
  return `${benchmarkPhrase(benchmark.name, withPeriod ? benchmark.period : undefined)} of ${formatValue(benchmark.value, facts.unit, benchmark.decimals)}`;
}

/** "better than the England average of 410": one comparison, for the sheet's Benchmarks column. */
export function benchmarkClause(facts: MeasureFacts, benchmark: BenchmarkComparison): string {
  return `${VERDICT_WORDS[benchmark.verdict]} ${benchmarkObject(facts, benchmark)}`;
}

/** "a, b and c". */
export function listWithAnd(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function benchmarkSentence(facts: MeasureFacts, variant: number): string {
  if (facts.benchmarks.length === 0) return '';
  const groups = new Map<BenchmarkVerdict, BenchmarkComparison[]>();
  for (const b of facts.benchmarks) groups.set(b.verdict, [...(groups.get(b.verdict) ?? []), b]);
  // The benchmarks' period ("the 2017/18 England average") is said once, where it first appears or changes.
  let lastPeriod: string | undefined;
  const object = (b: BenchmarkComparison) => {
    const text = benchmarkObject(facts, b, b.period !== lastPeriod);
    lastPeriod = b.period;
    return text;
  };
  const parts = [...groups].map(([verdict, list]) => `${VERDICT_WORDS[verdict]} ${listWithAnd(list.map(object))}`);
  const body = parts.length === 2 ? `${parts[0]} but ${parts[1]}` : listWithAnd(parts);
  const opener = ['It is', 'Performance is', 'Against the benchmarks, it is'][variant % 3];
  return `${opener} ${body}.`;
}

/** The generated paragraph for one measure; `position` is its place on the sheet (it rotates the openings). */
export function commentaryParagraph(facts: MeasureFacts, position: number): string {
  return [statusSentence(facts, position), directionSentence(facts, position + 1), benchmarkSentence(facts, position + 2)]
    .filter((s) => s !== '')
    .join(' ');
}
