/**
 * Polarity written as a sentence, as councils write it. Three shapes:
 * - direction first, judgement last: "A higher percentage of Looked After
 *   Children participating in learning indicates a better performance",
 *   "Lower number of offenders is better", "The lower the better";
 * - judgement first, then direction: "Good is low", "Good performance is a higher figure";
 * - an aim: "Aim to reduce", "Reduce the number of…".
 * A judgement of worse turns the direction round. Anything else (a negation,
 * a judgement with no direction) is not read: it stays an Issue, never a guess.
 * Words inside the measure's own name ("high needs", "under 18s") are not
 * taken for the direction, because the direction must open the phrase.
 */
import type { Polarity } from '../measures/types';
import { wordsOf } from './words';

const UP = new Set([
  'higher', 'high', 'bigger', 'big', 'larger', 'large', 'greater', 'more', 'increase', 'increased', 'increases', 'increasing',
  'rise', 'rises', 'rising', 'up', 'upward', 'upwards', 'maximise', 'maximize', 'above', 'highest', '↑',
]);
const DOWN = new Set([
  'lower', 'low', 'smaller', 'small', 'fewer', 'less', 'lesser', 'reduce', 'reduced', 'reduces', 'reducing', 'reduction',
  'decrease', 'decreased', 'decreases', 'decreasing', 'fall', 'falls', 'falling', 'down', 'downward', 'downwards', 'minimise',
  'minimize', 'below', 'lowest', 'fewest', '↓',
]);
const GOOD = new Set(['better', 'good', 'best', 'improvement', 'improved', 'improving', 'positive', 'desirable', 'desired', 'preferable', 'preferred', 'favourable', 'success', 'successful']);
const BAD = new Set(['worse', 'worst', 'bad', 'poorer', 'poor', 'negative', 'deterioration', 'deteriorating', 'undesirable', 'unfavourable']);
/** Words that open an aim: "Aim to reduce", "Target: increase". */
const AIM = new Set(['aim', 'aims', 'aiming', 'goal', 'objective', 'ambition', 'target']);
/** Verbs that, first in the phrase, are an aim in themselves: "Reduce the number of…". */
const AIM_VERBS = new Set(['increase', 'reduce', 'decrease', 'maximise', 'maximize', 'minimise', 'minimize']);
const NEGATIONS = new Set(['not', "isn't", 'isnt', 'no']);

/** "Within target range is best", "Closer to target is better", "On plan". */
const BAND = /\b(?:within|inside|closer to|close to|nearer to|nearer|near|on|in line with|at)\s+(?:the\s+)?(?:target|plan|range|band|tolerance)\b|^(?:plan|target band|in band|band|within range|↔)(?:\s+is\s+(?:best|better|good))?$/;

const ARTICLES = new Set(['a', 'an', 'the']);

function isDirection(word: string): boolean {
  return UP.has(word) || DOWN.has(word);
}

function isJudgement(word: string): boolean {
  return GOOD.has(word) || BAD.has(word);
}

function polarityOf(direction: string, judgement: string): Polarity {
  return UP.has(direction) === GOOD.has(judgement) ? 'higher' : 'lower';
}

/** The polarity a phrase states, or undefined when it states none Ragbook can be sure of. */
export function readPolarityWording(text: string): Polarity | undefined {
  const words = wordsOf(text).filter((w) => !ARTICLES.has(w));
  if (words.length === 0 || words.some((w) => NEGATIONS.has(w))) return undefined;
  const first = words[0];
  if (isDirection(first)) {
    // The last judgement is the verdict: "a lower number of poor placements is better".
    const judgement = words.slice(1).reverse().find(isJudgement);
    if (judgement) return polarityOf(first, judgement);
    return AIM_VERBS.has(first) ? (UP.has(first) ? 'higher' : 'lower') : undefined;
  }
  if (isJudgement(first) || AIM.has(first)) {
    const direction = words.slice(1).find(isDirection);
    if (!direction) return undefined;
    return isJudgement(first) ? polarityOf(direction, first) : UP.has(direction) ? 'higher' : 'lower';
  }
  return BAND.test(words.join(' ')) ? 'band' : undefined;
}

/**
 * Polarity written in brackets at the end of a measure's name: "Primary
 * Admission First Choice (bigger is better)". The name is returned without
 * the brackets. Only a phrase with a judgement counts here, so a name such as
 * "Pupils (high needs)" is left alone.
 */
export function polarityInName(name: string): { name: string; polarity: Polarity } | undefined {
  const bracket = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(name);
  if (!bracket) return undefined;
  const words = wordsOf(bracket[2]);
  const judged = words.some((w) => GOOD.has(w) || BAD.has(w)) || BAND.test(words.join(' '));
  const polarity = judged ? readPolarityWording(bracket[2]) : undefined;
  return polarity && { name: bracket[1], polarity };
}
