/** Finds the measure a TTC block names, by id or name, loosely. */
import { normaliseHeader } from '../shared/headers';
import type { EvaluatedMeasure } from '../measures/types';

export type MeasureLink =
  | { kind: 'found'; measure: EvaluatedMeasure }
  | { kind: 'ambiguous'; names: string[] }
  | { kind: 'missing' };

/**
 * Exact id or name first (case and punctuation ignored); then the one measure
 * whose name contains the text or is contained in it ("NI 117" and
 * "NI 117 16-18 year olds not in education" both find it).
 */
export function linkMeasure(text: string, measures: readonly EvaluatedMeasure[]): MeasureLink {
  const wanted = normaliseHeader(text);
  if (!wanted) return { kind: 'missing' };
  const exact = measures.filter((m) => normaliseHeader(m.measure.id) === wanted || normaliseHeader(m.measure.name) === wanted);
  if (exact.length >= 1) return { kind: 'found', measure: exact[0] };
  const loose = measures.filter((m) => {
    const name = normaliseHeader(m.measure.name);
    const id = normaliseHeader(m.measure.id);
    return name.includes(wanted) || (name.length >= 4 && wanted.includes(name)) || (id.length >= 2 && wanted.startsWith(`${id} `));
  });
  if (loose.length === 1) return { kind: 'found', measure: loose[0] };
  if (loose.length > 1) return { kind: 'ambiguous', names: loose.map((m) => m.measure.name) };
  return { kind: 'missing' };
}
