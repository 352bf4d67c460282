import { COLUMNS_MARK, marksToWrite, readMarks, SHEET_MARK } from '../../src/model/marks';

describe('Ragbook’s marks', () => {
  test('a generated sheet is marked with the name it was written under, quoted as Excel quotes text', () => {
    const names = marksToWrite({ name: 'Say "hi" (2)', mode: 'generated', values: [], styles: [] });
    expect(names).toEqual([{ name: SHEET_MARK, formula: '"Say ""hi"" (2)"' }]);
    expect(readMarks('Say "hi" (2)', names)).toEqual({ generated: true });
  });

  test('a copy of the sheet, or the sheet renamed, is no longer Ragbook’s', () => {
    const names = [{ name: SHEET_MARK, formula: '"Summary"' }];
    expect(readMarks('Summary', names)).toEqual({ generated: true });
    expect(readMarks('Summary (3)', names)).toBeUndefined();
    expect(readMarks('Q2 summary', names)).toBeUndefined();
  });

  test('Ragbook’s columns are a reference Excel keeps up to date; deleted columns (#REF!) are no mark', () => {
    const names = marksToWrite({ name: "Officer's KPIs", mode: 'existing', values: [], styles: [], ownColumns: { row: 3, col: 26, rowCount: 1, colCount: 2 } });
    expect(names).toEqual([{ name: COLUMNS_MARK, formula: "'Officer''s KPIs'!$AA$4:$AB$4" }]);
    // Office.js shows the formula with "=", and Excel moves it when columns are inserted before it.
    expect(readMarks("Officer's KPIs", [{ name: 'ragbook_columns', formula: "='Officer''s KPIs'!$AC$4:$AD$4" }])).toEqual({ ownColumns: { row: 3, col: 28, rowCount: 1, colCount: 2 } });
    expect(readMarks('KPIs', [{ name: COLUMNS_MARK, formula: 'KPIs!#REF!' }])).toBeUndefined();
    expect(readMarks('KPIs', [{ name: 'Print_Area', formula: 'KPIs!$A$1:$B$2' }])).toBeUndefined();
  });
});
