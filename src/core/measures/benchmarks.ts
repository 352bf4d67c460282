import { normaliseHeader } from '../shared/headers';

/** Comparator sets, by the name Ragbook reports them under. */
export const BENCHMARK_WORDINGS: Record<string, readonly string[]> = {
  England: ['national', 'england', 'eng', 'national average', 'england average', 'national rate', 'england rate'],
  'Statistical neighbours': [
    'statistical neighbours', 'statistical neighbour', 'stat neighbours', 'sn', 'sns', 'statistical neighbours average',
    'stat neighbour average', 'sn average',
  ],
  'Similar authorities': ['similar authorities', 'cipfa', 'cipfa neighbours', 'cipfa nearest neighbours', 'comparator authorities', 'similar councils'],
  Region: ['region', 'regional', 'regional average', 'region average'],
};

const LOOKUP = new Map<string, string>();
for (const [name, wordings] of Object.entries(BENCHMARK_WORDINGS)) {
  LOOKUP.set(normaliseHeader(name), name);
  for (const w of wordings) LOOKUP.set(normaliseHeader(w), name);
}

/** "National", "England average", "SN" → the benchmark's name; undefined otherwise. */
export function matchBenchmark(text: string): string | undefined {
  return LOOKUP.get(normaliseHeader(text));
}

/**
 * A target written as text that points at a benchmark: "In line with national",
 * "England average", "At or better than statistical neighbours".
 */
export function benchmarkTarget(text: string): string | undefined {
  const stripped = normaliseHeader(text)
    .replace(/^(?:in line with|at or better than|better than|match|matching|same as|equal to|at)\s+/, '')
    .replace(/^the\s+/, '')
    .replace(/\s+(?:average|avg|figure|level|performance)$/, '');
  return matchBenchmark(stripped) ?? matchBenchmark(`${stripped} average`);
}
