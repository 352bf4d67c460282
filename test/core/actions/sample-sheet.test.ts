import ExcelJS from 'exceljs';
import { openWorkbook } from '../../../src/adapters/file';
import { trackActions } from '../../../src/core/actions/tracker';
import { addActionsSheet } from '../../fixtures/actions/sample-actions-sheet';

test('the bundled sample’s action plan shows every state as at its Settings date', async () => {
  const book = new ExcelJS.Workbook();
  addActionsSheet(book);
  book.addWorksheet('Settings').addRows([['Setting', 'Value'], ['Scheme', 'brag'], ['As at', '2018-11-30']]);
  const { grids } = await openWorkbook(new Uint8Array(await book.xlsx.writeBuffer()));
  const tracking = trackActions(grids, { today: '2026-01-01' });
  expect(tracking.asAt).toBe('2018-11-30');
  expect(tracking.issues).toEqual([]);
  expect(tracking.actions.map((a) => [a.record.ref, a.state, a.daysOverdue ?? null])).toEqual([
    ['1.1', 'overdue', 61],
    ['1.2', 'due-soon', null],
    ['2', 'complete', null],
    ['3', 'not-accepted', null],
    ['4', 'ongoing', null],
    ['5', 'on-track', null],
    ['6', 'on-track', null],
    ['7', 'no-date', null],
    ['8', 'complete', null],
  ]);
  expect(new Set(tracking.actions.map((a) => a.record.recommendation.plan)).size).toBe(2);
  expect(tracking.actions[1].record.progress).toEqual(['64 of 90 staff trained.', 'Remaining sessions booked for December.']);
});
