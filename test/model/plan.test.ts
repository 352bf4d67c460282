/** The plan's compact column styles and the ranges they stand for. */
import { blockWidth, columnStyleRuns, type SheetPlan, sheetBeyondExcel, styledRanges, type WritePlan } from '../../src/model/plan';

describe('column styles', () => {
  it('are one range per run of same-styled, adjacent rows', () => {
    expect(columnStyleRuns({ col: 3, rows: [1, 2, 3, 5, 6, 7], styles: [0, 0, 1, 1, 1, 0], names: ['a', 'b'] })).toEqual([
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
        { col: 0, rows: [1], styles: [0], names: ['a'] },
        { col: 1, rows: [1, 2], styles: [0, 0], names: ['b'] },
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

describe("Excel's last row and column", () => {
  const plan = (sheet: Partial<SheetPlan>): WritePlan => ({
    styles: { a: { bold: true } },
    removeSheets: [],
    sheets: [
      { name: 'Summary', mode: 'generated', values: [{ row: 0, col: 0, values: [['Title']] }], styles: [] },
      { name: 'Commentary', mode: 'generated', values: [], styles: [], ...sheet },
    ],
  });

  it('holds a plan that reaches the last row and column', () => {
    expect(sheetBeyondExcel(plan({ values: [{ row: 1_048_575, col: 16_382, values: [['last', 'cells']] }] }))).toBeUndefined();
    expect(sheetBeyondExcel(plan({ columnStyles: [{ col: 16_383, rows: [0, 1_048_575], styles: [0, 0], names: ['a'] }] }))).toBeUndefined();
  });

  it('names the sheet whose values, ranges or column styles go past them', () => {
    expect(sheetBeyondExcel(plan({ values: [{ row: 1_048_574, col: 0, values: [['a'], ['b'], ['c']] }] }))).toBe('Commentary');
    expect(sheetBeyondExcel(plan({ values: [{ row: 0, col: 16_383, values: [['a', 'b']] }] }))).toBe('Commentary');
    expect(sheetBeyondExcel(plan({ styles: [{ range: { row: 1_048_570, col: 0, rowCount: 7, colCount: 1 }, style: 'a' }] }))).toBe('Commentary');
    expect(sheetBeyondExcel(plan({ columnStyles: [{ col: 2, rows: [5, 1_048_576], styles: [0, 0], names: ['a'] }] }))).toBe('Commentary');
  });
});

describe('blockWidth', () => {
  it('is the widest row, a hole in the block being no row', () => {
    const values: string[][] = [['a'], ['a', 'b', 'c']];
    values[3] = ['d', 'e'];
    expect(blockWidth({ row: 0, col: 4, values })).toBe(3);
    expect(blockWidth({ row: 0, col: 4, values: [] })).toBe(0);
  });
});
