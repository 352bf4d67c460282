import { generatedSheet, generatedSheetName } from '../../../src/core/shared/sheet-names';
import { generatedSheetGrid, sheetGrid, workbook } from '../../helpers/grids';

describe('names for the sheets Ragbook generates', () => {
  test('the name wanted when it is free or Ragbook’s own', () => {
    expect(generatedSheetName(workbook(), 'Summary')).toBe('Summary');
    expect(generatedSheetName(workbook(generatedSheetGrid('summary', [])), 'Summary')).toBe('Summary');
  });

  test('"X (2)" beside a user’s sheet of that name, whatever the case, and "X (3)" when the user has "X (2)" too', () => {
    expect(generatedSheetName(workbook(sheetGrid('CONTENTS', [])), 'Contents')).toBe('Contents (2)');
    expect(generatedSheetName(workbook(sheetGrid('Contents', []), sheetGrid('Contents (2)', [])), 'Contents')).toBe('Contents (3)');
  });

  test('a re-run finds its own "X (2)" and replaces it rather than adding "X (3)"', () => {
    const grids = workbook(sheetGrid('Issues', [['My log']]), generatedSheetGrid('Issues (2)', []));
    expect(generatedSheetName(grids, 'Issues')).toBe('Issues (2)');
    expect(generatedSheet(grids, 'Issues')?.name).toBe('Issues (2)');
    expect(generatedSheet(workbook(sheetGrid('Issues', [])), 'Issues')).toBeUndefined();
  });

  test('names Excel accepts: no []:*?/\\, at most 31 characters cut at a word, not History, unique within the run', () => {
    const taken = new Set<string>();
    const none = workbook();
    expect(generatedSheetName(none, '1. Health: [adults]/carers?', taken)).toBe('1. Health adults carers');
    expect(generatedSheetName(none, '2. A very long strategic priority name indeed', taken)).toBe('2. A very long strategic…');
    expect(generatedSheetName(none, '1. Timely assessments for children in need', taken)).toBe('1. Timely assessments…');
    expect(generatedSheetName(none, '2. A very long strategic priority name again', taken)).toBe('2. A very long strategic… (2)');
    expect(generatedSheetName(none, '3. Stable homes for children in care', taken)).toBe('3. Stable homes for children…');
    expect(generatedSheetName(none, "'quoted'", taken)).toBe('quoted');
    expect(generatedSheetName(none, 'History', taken)).toBe('History (2)');
    for (const name of taken) expect(name.length).toBeLessThanOrEqual(31);
  });

  describe('long names fit a tab whole-worded', () => {
    const none = workbook();
    const name = (wanted: string, taken?: Set<string>) => generatedSheetName(none, wanted, taken);

    test('never inside a bracket it would leave open, nor on a joining word or sign', () => {
      expect(name('1. Children (aged nought to five years) in need')).toBe('1. Children…');
      expect(name('2. Children (aged 0 to 5) with a development check')).toBe('2. Children (aged 0 to 5)…');
      expect(name('3. Reablement & rehabilitation – people still at home')).toBe('3. Reablement & rehabilitation…');
      expect(name('4. Households in temporary accommodation – all types')).toBe('4. Households in temporary…');
    });

    test('a single word too long for a tab is cut within it, never through a character', () => {
      const long = name('Supercalifragilisticexpialidocious-measures');
      expect(long).toBe('Supercalifragilisticexpialidoc…');
      expect(long).toHaveLength(31);
      const emoji = name(`${'x'.repeat(29)}😀 more`);
      expect(emoji).toBe(`${'x'.repeat(29)}…`);
      expect(emoji.length).toBeLessThanOrEqual(31);
    });

    test('a dozen names sharing their first 31 characters stay unique, each within 31 characters and readable', () => {
      const taken = new Set<string>();
      const names = Array.from({ length: 12 }, (_, i) => name(`Percentage of children in need with a plan, area ${i + 1}`, taken));
      expect(new Set(names).size).toBe(12);
      for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
      expect(names.slice(0, 3)).toEqual(['Percentage of children in need…', 'Percentage of children… (2)', 'Percentage of children… (3)']);
      expect(names[11]).toBe('Percentage of children… (12)');
    });

    test('the sample’s Turning the Curve priorities keep their meaning', () => {
      const taken = new Set<string>();
      expect(['1. Timely assessments for children in need', '2. Stable homes for children in care', '3. School readiness'].map((t) => name(t, taken))).toEqual([
        '1. Timely assessments…',
        '2. Stable homes for children…',
        '3. School readiness',
      ]);
    });
  });
});
