import { latestProgress, trackActions } from '../../../src/core/actions/tracker';
import { isoDateToSerial } from '../../../src/core/shared/values';
import { PLAN_HEADER, sheetGrid, workbook } from '../../fixtures/actions/grids';

const TODAY = '2013-03-04';

const plan = (...rows: (string | null)[][]) => sheetGrid('Actions', [PLAN_HEADER, ...rows]);
const oneAction = (timescale: string) => plan(['R1', 'Publish opening hours.', 'Yes', null, 'Publish hours online', timescale, 'Head of Early Help', null]);

describe('as-at date and warning window', () => {
  test('--as-at wins over the Settings sheet, which wins over today', () => {
    const settings = sheetGrid('Settings', [['As at', '31/01/2013']]);
    const grids = workbook(oneAction('28/02/2013'), settings);
    expect(trackActions(grids, { today: TODAY }).asAt).toBe('2013-01-31');
    expect(trackActions(grids, { today: TODAY, asAt: '2013-02-15' }).asAt).toBe('2013-02-15');
    expect(trackActions(workbook(oneAction('28/02/2013')), { today: TODAY }).asAt).toBe(TODAY);
  });

  test('an as-at date that does not exist is refused, not rolled over into March', () => {
    expect(() => trackActions(workbook(oneAction('March 2013')), { today: TODAY, asAt: '2013-02-30' })).toThrow(
      "the as-at date '2013-02-30' is not a real date (write it YYYY-MM-DD)",
    );
  });

  test('Settings "As at" may be a date cell', () => {
    const settings = sheetGrid('Settings', [['As at', { value: isoDateToSerial('2013-01-31'), numberFormat: 'dd/mm/yyyy' }]]);
    expect(trackActions(workbook(oneAction('March 2013'), settings), { today: TODAY }).asAt).toBe('2013-01-31');
  });

  test('an unreadable Settings "As at" is an Issue and today is used', () => {
    const settings = sheetGrid('Settings', [['Scheme', 'rag'], ['As at', 'last Friday']]);
    const tracking = trackActions(workbook(oneAction('March 2013'), settings), { today: TODAY });
    expect(tracking.asAt).toBe(TODAY);
    expect(tracking.issues).toEqual([{ sheet: 'Settings', cell: 'B2', message: "'last Friday' is not a date — actions are judged as at today, 4 March 2013" }]);
  });

  test('the warning window comes from Settings, default 28 days', () => {
    const grids = (days?: string | number) =>
      workbook(oneAction('15/03/2013'), ...(days === undefined ? [] : [sheetGrid('Settings', [['Warning window', days]])]));
    expect(trackActions(grids(), { today: TODAY }).warningDays).toBe(28);
    expect(trackActions(grids(7), { today: TODAY }).actions[0].state).toBe('on-track');
    expect(trackActions(grids('14 days'), { today: TODAY }).actions[0].state).toBe('due-soon');
    const bad = trackActions(grids('a month'), { today: TODAY });
    expect(bad.warningDays).toBe(28);
    expect(bad.issues[0]).toMatchObject({ sheet: 'Settings', cell: 'B1' });
  });

  test('scheme: the option, else Settings, else rag; complete is blue only under brag', () => {
    const done = oneAction('Completed.');
    expect(trackActions(workbook(done), { today: TODAY }).scheme.name).toBe('rag');
    expect(trackActions(workbook(done, sheetGrid('Settings', [['Scheme', 'BRAG']])), { today: TODAY }).scheme.name).toBe('brag');
    expect(trackActions(workbook(done, sheetGrid('Settings', [['Scheme', 'BRAG']])), { today: TODAY, scheme: 'achieved' }).scheme.name).toBe('achieved');
  });
});

describe('tracking actions', () => {
  test('each action gets its state, label, due date and days overdue; unreadable timescales become Issues naming the cell', () => {
    const tracking = trackActions(
      workbook(
        plan(
          ['R1', 'Publish opening hours.', 'Yes', null, 'Publish hours online', 'Completed March 2013', 'A', null],
          [null, null, null, null, 'Consult parents', 'by Autumn 2012', null, null],
          ['R2', 'Open on Saturdays.', 'No', 'Not affordable.', null, 'N/A', null, null],
          ['R3', 'Recruit volunteers.', 'Yes', null, null, 'N/A', null, null],
          ['R4', 'Share good practice.', 'Yes', null, 'Events', 'when staffing allows', 'B', null],
          ['R5', 'Train staff.', 'Yes', null, 'Training', '04/03/2013', 'C', null],
        ),
      ),
      { today: TODAY },
    );
    expect(tracking.actions.map((a) => [a.record.ref, a.state, a.label, a.due, a.daysOverdue])).toEqual([
      ['R1.1', 'complete', 'Complete', undefined, undefined],
      ['R1.2', 'overdue', 'Overdue', '2012-11-30', 94],
      ['R2', 'not-accepted', 'Not accepted', undefined, undefined],
      // N/A with no action: not accepted, even though the Accepted column was left as Yes.
      ['R3', 'not-accepted', 'Not accepted', undefined, undefined],
      ['R4', 'no-date', 'No date', undefined, undefined],
      ['R5', 'due-soon', 'Due soon', '2013-03-04', undefined],
    ]);
    expect(tracking.issues).toEqual([
      { sheet: 'Actions', cell: 'F6', message: expect.stringContaining("'when staffing allows' is not a timescale Ragbook can read — treated as no date") },
    ]);
  });

  test('a date cell shows as a date in words, not as a day number', () => {
    const grids = workbook(plan(['R1', 'Rec.', 'Yes', null, 'Act', null, null, null]));
    grids.sheets[0].rows[1][5] = { value: isoDateToSerial('2013-06-30'), numberFormat: 'd-mmm-yy' };
    const [action] = trackActions(grids, { today: TODAY }).actions;
    expect([action.timescaleText, action.due, action.state]).toEqual(['30 June 2013', '2013-06-30', 'on-track']);
  });

  test('a Status of Complete wins over a past date; a Status of Not accepted wins over everything', () => {
    const header = [...PLAN_HEADER, 'Status'];
    const grids = workbook(
      sheetGrid('Actions', [
        header,
        ['R1', 'Rec one.', 'Yes', null, 'Act', 'end of 2012', null, null, 'Complete'],
        ['R2', 'Rec two.', 'Yes', null, 'Act', 'end of 2012', null, null, 'Not accepted'],
        ['R3', 'Rec three.', 'Yes', null, 'Act', 'end of 2012', null, null, 'In progress'],
      ]),
    );
    expect(trackActions(grids, { today: TODAY }).actions.map((a) => a.state)).toEqual(['complete', 'not-accepted', 'overdue']);
  });
});

describe('latest progress', () => {
  test('undated progress is shown whole', () => {
    expect(latestProgress(['Draft ready.', 'Waiting for the web team.'])).toBe('Draft ready.\nWaiting for the web team.');
  });
  test('dated updates: the latest, wherever it is in the cell', () => {
    expect(latestProgress(['Jan 2013: second audit done.\nMore detail.\nOct 2012: first audit done.'])).toBe('Jan 2013: second audit done.\nMore detail.');
    expect(latestProgress(['12/10/2012 - first audit.', '15/01/2013 - second audit.'])).toBe('15/01/2013 - second audit.');
  });
  test('one dated line is not enough to pick from', () => {
    expect(latestProgress(['Update 12/02/2013: on schedule.\nNo concerns.'])).toBe('Update 12/02/2013: on schedule.\nNo concerns.');
  });
});
