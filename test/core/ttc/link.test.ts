import type { EvaluatedMeasure } from '../../../src/core/measures/types';
import { linkMeasure } from '../../../src/core/ttc/link';

function measure(id: string, name: string): EvaluatedMeasure {
  return { measure: { id, name, unit: { kind: 'number', label: '' }, source: { sheet: 'Measures', row: 1, col: 0 }, observations: [] }, evaluations: [] } as unknown as EvaluatedMeasure;
}

const MEASURES = [
  measure('NI 117', '16-18 year olds not in education, employment or training'),
  measure('CS03', 'Assessments completed within 45 working days'),
  measure('CS04', 'Assessments completed within 10 working days'),
];

describe('linking a TTC block to its measure', () => {
  const cases: [string, string][] = [
    ['cs03', 'CS03'],
    ['ASSESSMENTS COMPLETED WITHIN 45 WORKING DAYS.', 'CS03'],
    ['not in education, employment or training', 'NI 117'],
    ['NI 117 NEET young people', 'NI 117'],
  ];
  it.each(cases)("'%s' finds %s", (text, id) => {
    const link = linkMeasure(text, MEASURES);
    expect(link.kind === 'found' && link.measure.measure.id).toBe(id);
  });

  it('says when the text fits more than one measure, or none', () => {
    expect(linkMeasure('Assessments completed', MEASURES)).toEqual({ kind: 'ambiguous', names: [MEASURES[1].measure.name, MEASURES[2].measure.name] });
    expect(linkMeasure('Homeless families', MEASURES)).toEqual({ kind: 'missing' });
    expect(linkMeasure('  ', MEASURES)).toEqual({ kind: 'missing' });
  });
});
