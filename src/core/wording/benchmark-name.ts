/**
 * Which benchmark a phrase names: "National", "England average", "Nat. ave.",
 * "Stat neighbours", "SN average", "Similar Authority", "CIPFA nearest neighbours".
 * Words that qualify rather than name ("the", "average", "performance"…) are
 * set aside, and what is left must be one of the known names.
 */
import { wordsOf } from './words';

/** The comparator sets, by the name Ragbook reports them under, with the cores of their wordings. */
const NAMES: Record<string, readonly string[]> = {
  England: ['national', 'nat', 'nationally', 'england', 'eng', 'english', 'national england', 'england national', 'all england'],
  'Statistical neighbours': [
    'statistical neighbours', 'statistical neighbour', 'stat neighbours', 'stat neighbour', 'stat nbrs', 'stat nn', 'sn', 'sns',
    'statistical nn', 'statistical neighbour group',
  ],
  'Similar authorities': [
    'similar authorities', 'similar authority', 'similar councils', 'similar council', 'comparator authorities', 'comparator councils',
    'cipfa', 'cipfa neighbours', 'cipfa nearest neighbours', 'nearest neighbours', 'cipfa comparators', 'comparators',
  ],
  Region: ['region', 'regional', 'regional neighbours'],
};

/** Words that say which figure of a benchmark, not which benchmark. */
const QUALIFIERS = new Set(['the', 'average', 'ave', 'avg', 'av', 'mean', 'performance', 'figure', 'figures', 'level', 'rate', 'value', 'data', 'result', 'results', 'position', 'benchmark', 'group', 'of', 'our']);

const LOOKUP = new Map<string, string>();
for (const [name, cores] of Object.entries(NAMES)) {
  LOOKUP.set(name.toLowerCase(), name);
  for (const core of cores) LOOKUP.set(core, name);
}

/** Every word that can be part of a benchmark's name, to tell headers that look like one. */
export const BENCHMARK_WORDS: ReadonlySet<string> = new Set([...LOOKUP.keys()].flatMap((core) => core.split(' ')));

/** The benchmark a phrase names, or undefined. */
export function readBenchmarkName(text: string): string | undefined {
  return benchmarkOfWords(wordsOf(text));
}

export function benchmarkOfWords(words: readonly string[]): string | undefined {
  const core = words.filter((word) => !QUALIFIERS.has(word)).join(' ');
  return core ? LOOKUP.get(core) : undefined;
}
