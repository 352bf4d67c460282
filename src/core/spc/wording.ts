/**
 * SPC in plain words for councillors (no "special cause", no "sigma"), and
 * the icons as cell text that reads without colour.
 */
import type { Assurance, SpcChart, SpcRule, Variation } from './chart';

/** How many of the latest points in a row meet the latest point's rule. */
function runAtEnd(chart: SpcChart): number {
  const rule = chart.latestRule;
  let n = 0;
  for (let i = chart.points.length - 1; i >= 0 && rule && chart.points[i].rules.includes(rule); i--) n++;
  return n;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

function count(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

function meaning(variation: Variation): string {
  switch (variation) {
    case 'special-cause-improving':
      return 'a real improvement';
    case 'special-cause-concerning':
      return 'a real change for the worse';
    case 'special-cause-neither':
    case 'common-cause':
      return 'a real change';
    default: {
      const unreachable: never = variation;
      return unreachable;
    }
  }
}

/** Numbers in the measure's unit, to the precision its figures are shown with. */
export interface SpcFormat {
  figure(value: number): string;
  /** An average, one place finer than the figures. */
  average(value: number): string;
  range(low: number, high: number): string;
}

/**
 * What the chart says about the latest figure: "The last seven quarters have
 * all been above the average: this is a real improvement, not chance."
 * `period` is "quarter", "year"…
 */
export function variationSentence(chart: SpcChart, format: SpcFormat, period: string): string {
  const latest = chart.points[chart.points.length - 1];
  const figure = format.figure;
  const range = format.range(chart.limits.lpl, chart.limits.upl);
  const high = latest.side > 0;
  const n = runAtEnd(chart);
  switch (chart.latestRule) {
    case undefined:
      return `The figures vary within the usual range of ${range}: the ups and downs are what we would expect by chance.`;
    case 'outside-limits':
      return `The latest figure, ${figure(latest.value)}, is ${high ? 'above' : 'below'} the usual range of ${range}: this is ${meaning(chart.variation)}, not chance.`;
    case 'trend':
      return `The figure has ${high ? 'risen' : 'fallen'} ${count(n - 1)} ${period}s in a row: this is ${meaning(chart.variation)}, not chance.`;
    case 'shift':
      return `The last ${count(n)} ${period}s have all been ${high ? 'above' : 'below'} the average of ${format.average(latest.limits.mean)}: this is ${meaning(chart.variation)}, not chance.`;
    case 'two-in-three':
      return `Two of the last three figures are near the ${high ? 'top' : 'bottom'} of the usual range of ${range}: an early sign of ${meaning(chart.variation)}.`;
    default: {
      const unreachable: never = chart.latestRule;
      return unreachable;
    }
  }
}

/** Can the target be relied on, in words. */
export function assuranceSentence(assurance: Assurance, target: string | undefined): string {
  switch (assurance) {
    case 'pass':
      return `If nothing changes, the target of ${target} will be met every time.`;
    case 'fail':
      return `If nothing changes, the target of ${target} will not be met: it is outside the usual range.`;
    case 'hit-or-miss':
      return `The target of ${target} is inside the usual range, so it will be met some times and missed others.`;
    case 'none':
      return 'There is no target to judge against.';
    case 'polarity-unknown':
      return `The workbook does not say whether a higher or a lower figure is better, so the target of ${target} cannot be judged.`;
    default: {
      const unreachable: never = assurance;
      return unreachable;
    }
  }
}

/** The variation icon as text: a symbol and words, so it reads in greyscale. */
export function variationIcon(variation: Variation, side: number): string {
  const arrow = side > 0 ? '▲ High' : '▼ Low';
  switch (variation) {
    case 'common-cause':
      return '~ No significant change';
    case 'special-cause-improving':
      return `${arrow}: improving`;
    case 'special-cause-concerning':
      return `${arrow}: concerning`;
    case 'special-cause-neither':
      return `${arrow}: a real change`;
    default: {
      const unreachable: never = variation;
      return unreachable;
    }
  }
}

export function assuranceIcon(assurance: Assurance): string {
  switch (assurance) {
    case 'pass':
      return '✓ P: will meet the target';
    case 'fail':
      return '✗ F: will miss the target';
    case 'hit-or-miss':
      return '? Hit or miss';
    case 'none':
      return '– No target';
    case 'polarity-unknown':
      return '– Polarity unknown';
    default: {
      const unreachable: never = assurance;
      return unreachable;
    }
  }
}

/** The rules a point meets, in words for the sheet's table. */
export const RULE_WORDS: Record<SpcRule, string> = {
  'outside-limits': 'outside the usual range',
  trend: 'part of a run rising or falling',
  'two-in-three': 'two of three near the edge',
  shift: 'part of a run on one side of the average',
};
