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
});
