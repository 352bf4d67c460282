/**
 * Headers that look like a period or a benchmark: a column Ragbook could not
 * read but should not pass over in silence ("Outturn 2016/17 (provisional)",
 * "Welsh average", "Q5 2017/18").
 */
import { monthIndex } from '../measures/period';
import { wordsOf } from './words';

const PERIOD_LIKE = /\b(?:19|20)\d{2}\b|\b\d{2}\s*[/-]\s*\d{2}\b|\bq(?:tr)?\s*\d\b|\bquarter\b|\bytd\b|\byear to date\b/;
const BENCHMARK_LIKE = new Set(['national', 'nat', 'england', 'eng', 'english', 'statistical', 'stat', 'sn', 'sns', 'neighbours', 'neighbour', 'similar', 'comparator', 'comparators', 'cipfa', 'region', 'regional', 'benchmark']);

/** True when a header reads like a period or a benchmark. */
export function looksLikePeriodOrBenchmark(text: string): boolean {
  const words = wordsOf(text);
  if (PERIOD_LIKE.test(words.join(' '))) return true;
  return words.some((word) => BENCHMARK_LIKE.has(word) || (monthIndex(word) !== undefined && word.length >= 3 && /\d/.test(text)));
}
