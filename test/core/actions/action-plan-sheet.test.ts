import { buildActionPlanSheet } from '../../../src/core/actions/action-plan-sheet';
import { COLOURS } from '../../../src/core/measures/scheme';
import { trackActions } from '../../../src/core/actions/tracker';
import { GENERATED_MARKER } from '../../../src/core/shared/sheet-builder';
import { PLAN_HEADER, sheetGrid, workbook } from '../../fixtures/actions/grids';

const TODAY = '2013-03-04';

function build(rows: (string | null)[][]) {
  const tracking = trackActions(workbook(sheetGrid('Actions', [PLAN_HEADER, ...rows])), { today: TODAY });
  return buildActionPlanSheet('Action plan', tracking);
}

describe('the Action plan sheet', () => {
  test('marker line, header repeated on every printed page, frozen below the header, landscape at a readable scale', () => {
    const { sheet } = build([['R1', 'Publish opening hours.', 'Yes', null, 'Publish hours online', 'March 2013', 'A', null]]);
    const values = sheet.values[0].values;
    expect(String(values[1][0])).toMatch(new RegExp(`^${GENERATED_MARKER}`));
    const header = values.findIndex((r) => r[0] === 'Ref');
    expect(sheet.page).toMatchObject({ orientation: 'landscape', fitToWidth: false, scale: 75, repeatRows: { first: header, last: header } });
    expect(sheet.page?.header).toEqual({ left: 'Action plan as at 4 March 2013' });
    expect(sheet.freeze).toEqual({ rows: header + 1, cols: 0 });
  });

  test('a short recommendation spans the table; a long one stays in the wrapped Action column', () => {
    const long = 'Make sure that '.repeat(20);
    const { sheet } = build([
      ['R1', 'Publish opening hours.', 'Yes', null, 'Act', 'March 2013', null, null],
      ['R2', long, 'Yes', null, 'Act', 'March 2013', null, null],
    ]);
    const rows = sheet.values[0].values;
    const r1 = rows.findIndex((r) => r[1] === 'Recommendation R1: Publish opening hours.');
    const r2 = rows.findIndex((r) => String(r[1]).startsWith('Recommendation R2:'));
    expect(sheet.merges).toEqual([{ row: r1, col: 1, rowCount: 1, colCount: 7 }]);
    expect(r2).toBeGreaterThan(r1);
  });

  test('progress longer than an Excel cell holds is cut short with an ellipsis', () => {
    const { sheet } = build([['R1', 'Rec.', 'Yes', null, 'Act', 'March 2013', null, 'x'.repeat(40_000)]]);
    const progress = sheet.values[0].values.map((r) => r[7]).find((v) => typeof v === 'string' && v.startsWith('xxx')) as string;
    expect(progress).toHaveLength(32_767);
    expect(progress.endsWith('…')).toBe(true);
  });

  test('due dates are Excel day numbers in the date style; states carry their own style', () => {
    const { sheet, styles } = build([['R1', 'Rec.', 'Yes', null, 'Act', '31/03/2013', null, null]]);
    const row = sheet.values[0].values.findIndex((r) => r[0] === 'R1' && r[5] === 'Due soon');
    expect(sheet.values[0].values[row][4]).toBe(41364);
    const styleAt = (col: number) => sheet.styles.find((s) => s.range.row <= row && row < s.range.row + s.range.rowCount && s.range.col <= col && col < s.range.col + s.range.colCount)?.style;
    expect(styleAt(4)).toBe('date');
    expect(styleAt(5)).toBe('action.due-soon');
    expect(styles['action.due-soon'].fill).toBe(COLOURS.amber);
  });
});
