/** The plan's compact column styles and the ranges they stand for. */
import { columnStyleRuns, type SheetPlan, styledRanges } from '../../src/model/plan';

describe('column styles', () => {
  it('are one range per run of same-styled, adjacent rows', () => {
    expect(columnStyleRuns({ col: 3, rows: [1, 2, 3, 5, 6, 7], styles: ['a', 'a', 'b', 'b', 'b', 'a'] })).toEqual([
      { range: { row: 1, col: 3, rowCount: 2, colCount: 1 }, style: 'a' },
      { range: { row: 3, col: 3, rowCount: 1, colCount: 1 }, style: 'b' },
      // Row 4 is not styled: the run of b starts again at 5.
      { range: { row: 5, col: 3, rowCount: 2, colCount: 1 }, style: 'b' },
      { range: { row: 7, col: 3, rowCount: 1, colCount: 1 }, style: 'a' },
    ]);
  });

  it('come after the sheet’s ranges, column by column as given', () => {
    const header = { range: { row: 0, col: 0, rowCount: 1, colCount: 2 }, style: 'header' };
    const sheet: SheetPlan = {
      name: 'Measures',
      mode: 'existing',
      values: [],
      styles: [header],
      columnStyles: [
        { col: 0, rows: [1], styles: ['a'] },
        { col: 1, rows: [1, 2], styles: ['b', 'b'] },
      ],
    };
    expect(styledRanges(sheet)).toEqual([
      header,
      { range: { row: 1, col: 0, rowCount: 1, colCount: 1 }, style: 'a' },
      { range: { row: 1, col: 1, rowCount: 2, colCount: 1 }, style: 'b' },
    ]);
    expect(styledRanges({ ...sheet, columnStyles: undefined })).toBe(sheet.styles);
  });
});
