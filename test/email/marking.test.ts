import { customProperties, highestMarking, markingOf, markingsInProperties, readMarkings } from '../../src/email/marking';
import { mipProperties, reportWorkbook, withCustomProperties } from '../fixtures/email/report-workbooks';

describe('markingOf', () => {
  it.each([
    { label: 'OFFICIAL', shown: 'OFFICIAL', rank: 0 },
    { label: 'OFFICIAL-SENSITIVE', shown: 'OFFICIAL-SENSITIVE', rank: 1 },
    { label: 'Official Sensitive', shown: 'OFFICIAL-SENSITIVE', rank: 1 },
    { label: 'Official_Sensitive - Personal', shown: 'OFFICIAL-SENSITIVE PERSONAL', rank: 1 },
    { label: 'SECRET', shown: 'SECRET', rank: 2 },
    { label: 'Top Secret', shown: 'TOP SECRET', rank: 3 },
    { label: 'Confidential', shown: 'Confidential', rank: -1 },
    { label: 'Officially public', shown: 'Officially public', rank: -1 },
  ])('$label is shown as $shown (rank $rank)', ({ label, shown, rank }) => {
    expect(markingOf(label)).toEqual({ label: shown, rank });
  });

  it('picks the highest marking', () => {
    expect(highestMarking(['Confidential', 'OFFICIAL', 'OFFICIAL-SENSITIVE', 'OFFICIAL'].map(markingOf))?.label).toBe('OFFICIAL-SENSITIVE');
    expect(highestMarking([])).toBeUndefined();
    expect(highestMarking([markingOf('Confidential')])).toBeUndefined();
  });
});

describe('custom properties', () => {
  it('reads text properties and decodes entities', () => {
    const xml = '<Properties xmlns:vt="v"><property fmtid="{x}" pid="2" name="Owner &amp; team"><vt:lpwstr>A &lt;B&gt; &#8217;</vt:lpwstr></property>' +
      '<property fmtid="{x}" pid="3" name="Reviewed"><vt:filetime>2017-10-20T00:00:00Z</vt:filetime></property></Properties>';
    expect([...customProperties(xml)]).toEqual([['Owner & team', 'A <B> ’']]);
  });

  it.each([
    { title: 'an enabled MIP label', properties: mipProperties('OFFICIAL-SENSITIVE'), expected: ['OFFICIAL-SENSITIVE'] },
    { title: 'a disabled MIP label', properties: mipProperties('OFFICIAL-SENSITIVE', false), expected: [] },
    { title: 'a plain Classification property', properties: { Classification: 'OFFICIAL' }, expected: ['OFFICIAL'] },
    { title: 'a plain Sensitivity property', properties: { sensitivity: 'Secret' }, expected: ['SECRET'] },
    { title: 'the same label twice', properties: { ...mipProperties('OFFICIAL'), Classification: 'Official' }, expected: ['OFFICIAL'] },
    { title: 'unrelated properties', properties: { Owner: 'Performance team', Status: 'Final' }, expected: [] },
  ])('$title', ({ properties, expected }) => {
    expect(markingsInProperties(new Map(Object.entries(properties))).map((m) => m.label)).toEqual(expected);
  });

  it('finds the MIP label in a workbook package, and nothing in one without custom properties', async () => {
    const plain = await reportWorkbook('Performance report');
    expect(readMarkings(plain)).toEqual([]);
    expect(readMarkings(withCustomProperties(plain, mipProperties('OFFICIAL-SENSITIVE')))).toEqual([{ label: 'OFFICIAL-SENSITIVE', rank: 1 }]);
    expect(readMarkings(new TextEncoder().encode('not a zip'))).toEqual([]);
  });
});
