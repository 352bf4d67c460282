/**
 * Action plans as councils write them (issue 20): "What will we do?" /
 * "When?" / "Who will do it?" headers, "From"/"To" ranges, no timescale
 * column at all, "Completed" in the Who or Progress column, milestone lists in
 * one cell, a recommendation continued across a page break, and the officer's
 * own RAG kept beside Ragbook's state.
 */
import { trackActions } from '../../../src/core/actions/tracker';
import { readTimescaleText } from '../../../src/core/actions/timescale';
import { isoDateToSerial } from '../../../src/core/shared/values';
import { sheetGrid, workbook } from '../../fixtures/actions/grids';

const AS_AT = { today: '2013-07-01' };

test('question headers and a From/To range: due at the end of the range', () => {
  const grids = workbook(
    sheetGrid('Improvement plan', [
      ['Ref', 'What will we do?', 'Who will do it?', 'From', 'To', 'Progress'],
      ['1', 'Recruit two social workers', 'Service manager', { value: isoDateToSerial('2013-01-01'), numberFormat: 'dd/mm/yyyy' }, { value: isoDateToSerial('2013-06-30'), numberFormat: 'dd/mm/yyyy' }, 'Interviews held'],
      ['2', 'Audit case files', 'Principal social worker', 'April 2013', 'September 2013', null],
    ]),
  );
  const tracking = trackActions(grids, AS_AT);
  expect(tracking.actions.map((a) => [a.record.action, a.record.lead, a.due, a.state])).toEqual([
    ['Recruit two social workers', 'Service manager', '2013-06-30', 'overdue'],
    ['Audit case files', 'Principal social worker', '2013-09-30', 'on-track'],
  ]);
  expect(tracking.issues).toEqual([]);
});

test('"When?" is a timescale column', () => {
  const grids = workbook(sheetGrid('Actions', [['What will we do?', 'When?', 'Who will do it?'], ['Publish the strategy', 'July 2013', 'Head of service']]));
  expect(trackActions(grids, AS_AT).actions[0]).toMatchObject({ due: '2013-07-31', state: 'on-track' });
});

test('a plan with no timescale column is read, its actions shown with no date and one Issue', () => {
  const grids = workbook(sheetGrid('Actions', [['Recommendation', 'Action', 'Lead', 'Progress'], ['Improve timeliness', 'Weekly tracking meeting', 'Head of service', 'Started in May']]));
  const tracking = trackActions(grids, AS_AT);
  expect(tracking.actions.map((a) => [a.record.action, a.state])).toEqual([['Weekly tracking meeting', 'no-date']]);
  expect(tracking.issues.map((i) => i.message)).toEqual(['the plan has no Timescale column (e.g. "Timescale", "When?", "Due date") — its actions are shown with no date']);
});

test('"Completed" written in the Who or the Progress column completes the action', () => {
  const grids = workbook(
    sheetGrid('Actions', [
      ['Action', 'Timescale', 'Who', 'Progress'],
      ['Publish hours', 'March 2013', 'Completed', null],
      ['Consult parents', 'April 2013', 'Head of Early Help', 'Complete – April 2013'],
      ['Draft the policy', 'May 2013', 'Head of Early Help', 'Completed the first draft; consultation to follow'],
    ]),
  );
  expect(trackActions(grids, AS_AT).actions.map((a) => a.state)).toEqual(['complete', 'complete', 'overdue']);
});

test('a recommendation continued across a page break, with a row that repeats nothing, stays one action', () => {
  const grids = workbook(
    sheetGrid('Actions', [
      ['Recommendation', 'Action', 'Timescale', 'Lead', 'Progress'],
      ['R1 That the council reviews', 'Review the service', 'September 2013', 'Director', 'Terms of reference agreed.'],
      [],
      [null, null, null, null, 'Review panel met in June.'],
    ]),
  );
  const tracking = trackActions(grids, AS_AT);
  expect(tracking.actions).toHaveLength(1);
  expect(tracking.actions[0].record.progress).toEqual(['Terms of reference agreed.', 'Review panel met in June.']);
});

describe('milestones in one cell: due at the last milestone not done', () => {
  test.each([
    ['June 2013 – draft; September 2013 – final', { kind: 'due', due: '2013-09-30' }],
    ['June 2013 – draft (done); September 2013 – final', { kind: 'due', due: '2013-09-30' }],
    ['June 2013 – draft; September 2013 – final (done)', { kind: 'due', due: '2013-06-30' }],
    ['June 2013 – draft (done); September 2013 – final (completed)', { kind: 'complete' }],
    ['June 2013 – draft\nSeptember 2013 – final', { kind: 'due', due: '2013-09-30' }],
  ])('%s', (text, reading) => {
    expect(readTimescaleText(text)).toEqual(reading);
  });
});

test("the officer's RAG is kept beside the state, and a disagreement is an Issue", () => {
  const grids = workbook(
    sheetGrid('Actions', [
      ['Action', 'Timescale', 'Lead', 'RAG'],
      ['Publish hours', 'March 2013', 'Head of service', 'Green'],
      ['Consult parents', 'December 2013', 'Head of service', 'Green'],
    ]),
  );
  const tracking = trackActions(grids, AS_AT);
  expect(tracking.actions.map((a) => [a.state, a.record.status])).toEqual([['overdue', 'Green'], ['on-track', 'Green']]);
  expect(tracking.issues).toEqual([
    { sheet: 'Actions', cell: 'D2', message: "the officer's RAG 'Green' differs from Ragbook's state 'Overdue' for action 1.1 — both are shown on the Action plan sheet" },
  ]);
});
