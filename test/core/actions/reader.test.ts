import { actionSheets, readAccepted, readActionSheet } from '../../../src/core/actions/reader';
import { GENERATED_MARKER } from '../../../src/core/shared/sheet-builder';
import { IssueList } from '../../../src/model/issue';
import { generatedSheetGrid, PLAN_HEADER, sheetGrid, workbook } from '../../fixtures/actions/grids';

function read(rows: (string | null)[][], header = PLAN_HEADER) {
  const issues = new IssueList();
  const actions = readActionSheet(sheetGrid('Actions', [['Scrutiny panel action plan'], [], header, ...rows]), issues);
  return { actions, issues: issues.items };
}

const summary = (actions: ReturnType<typeof read>['actions']) =>
  actions.map((a) => ({ ref: a.ref, rec: a.recommendation.text, action: a.action, lead: a.lead, timescale: a.timescale?.cell?.value, progress: a.progress }));

describe('reading an action plan pasted from Word', () => {
  test('title rows above the header are skipped and every field is read by its header', () => {
    const { actions, issues } = read([['R1', 'Publish opening hours.', 'Yes', 'Agreed.', 'Publish hours online', 'March 2013', 'Head of Early Help', 'Draft ready.']]);
    expect(issues).toEqual([]);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      ref: 'R1', action: 'Publish hours online', lead: 'Head of Early Help', progress: ['Draft ready.'], row: 3,
      recommendation: { ref: 'R1', plan: 'Actions', text: 'Publish opening hours.', accepted: true, response: 'Agreed.' },
      timescale: { cell: { value: 'March 2013' }, row: 3, col: 5 },
    });
  });

  test('a row with no recommendation but its own action is a further action of the recommendation above', () => {
    const { actions } = read([
      ['R1', 'Publish opening hours.', 'Yes', null, 'Publish hours online', 'March 2013', 'Head of Early Help', null],
      [null, null, null, null, 'Consult parents', 'by Autumn 2012', null, 'Survey closed.'],
    ]);
    expect(summary(actions)).toEqual([
      { ref: 'R1.1', rec: 'Publish opening hours.', action: 'Publish hours online', lead: 'Head of Early Help', timescale: 'March 2013', progress: [] },
      // The Who cell was merged in Word: the blank below it is the same lead.
      { ref: 'R1.2', rec: 'Publish opening hours.', action: 'Consult parents', lead: 'Head of Early Help', timescale: 'by Autumn 2012', progress: ['Survey closed.'] },
    ]);
    expect(actions[1].recommendation).toBe(actions[0].recommendation);
  });

  test('a row with only a timescale is a further action too', () => {
    const { actions } = read([
      ['R1', 'Publish opening hours.', 'Yes', null, 'Publish hours online', 'March 2013', 'Lead A', null],
      [null, null, null, null, null, 'June 2013', 'Lead B', 'Second phase.'],
    ]);
    expect(summary(actions).map((a) => [a.ref, a.timescale, a.lead])).toEqual([['R1.1', 'March 2013', 'Lead A'], ['R1.2', 'June 2013', 'Lead B']]);
  });

  test('a row with no recommendation, action or timescale continues the progress of the action above', () => {
    const { actions } = read([
      ['R1', 'Publish opening hours.', 'Yes', 'Agreed', 'Publish hours online', 'March 2013', 'Head of Early Help', 'Draft ready.'],
      [null, null, null, 'in principle.', null, null, null, 'Waiting for web team.'],
      [null, null, null, null, null, null, null, 'Now expected in April.'],
      ['R2', 'Open on Saturdays.', 'No', null, null, 'N/A', null, null],
    ]);
    expect(actions).toHaveLength(2);
    expect(actions[0].progress).toEqual(['Draft ready.', 'Waiting for web team.', 'Now expected in April.']);
    expect(actions[0].recommendation.response).toBe('Agreed\nin principle.');
    expect(actions[1]).toMatchObject({ ref: 'R2', action: '', recommendation: { accepted: false } });
  });

  test('a recommendation row with no action takes the action from the row below rather than becoming an empty action', () => {
    const { actions } = read([
      ['R1', 'Publish opening hours.', 'Yes', null, null, null, null, null],
      [null, null, null, null, 'Publish hours online', 'March 2013', 'Head of Early Help', null],
    ]);
    expect(summary(actions)).toEqual([
      { ref: 'R1', rec: 'Publish opening hours.', action: 'Publish hours online', lead: 'Head of Early Help', timescale: 'March 2013', progress: [] },
    ]);
  });

  test('recommendation text repeated on every row (a filled-down merged cell) is still one recommendation', () => {
    const { actions } = read([
      ['R1', 'Publish opening hours.', 'Yes', null, 'Publish hours online', 'March 2013', 'Lead A', null],
      ['R1', 'Publish opening hours.', 'Yes', null, 'Consult parents', 'June 2013', 'Lead A', null],
      ['R1', 'Publish opening hours.', 'Yes', null, null, null, null, 'Survey open.'],
    ]);
    expect(actions.map((a) => [a.ref, a.action, a.progress])).toEqual([['R1.1', 'Publish hours online', []], ['R1.2', 'Consult parents', ['Survey open.']]]);
  });

  test('refs: written ones kept, missing ones numbered within the plan', () => {
    const { actions } = read([
      [null, 'First recommendation.', 'Yes', null, 'Action one', 'March 2013', null, null],
      [null, 'Second recommendation.', 'Yes', null, 'Action two', 'April 2013', null, null],
      ['2b', null, null, null, 'Action three', 'May 2013', null, null],
    ]);
    expect(actions.map((a) => a.ref)).toEqual(['1', '2.1', '2b']);
  });

  test('a header row repeated at a Word page break and blank rows are skipped', () => {
    const { actions } = read([
      ['R1', 'Publish opening hours.', 'Yes', null, 'Publish hours online', 'March 2013', null, null],
      [],
      PLAN_HEADER,
      ['R2', 'Train staff.', 'Yes', null, 'Training', 'June 2013', null, null],
    ]);
    expect(actions.map((a) => a.ref)).toEqual(['R1', 'R2']);
  });

  test('a Plan column groups recommendations; blanks under a merged plan cell keep the plan above', () => {
    const header = ['Plan', 'Recommendation', 'Action', 'Due', 'Lead'];
    const { actions } = read(
      [
        ['Scrutiny review', 'Rec one.', 'Action one', 'March 2013', 'A'],
        [null, 'Rec two.', 'Action two', 'April 2013', 'B'],
        ['Ofsted inspection', 'Rec three.', 'Action three', 'May 2013', 'C'],
      ],
      header,
    );
    expect(actions.map((a) => [a.recommendation.plan, a.ref])).toEqual([['Scrutiny review', '1'], ['Scrutiny review', '2'], ['Ofsted inspection', '1']]);
  });

  test('an Accepted wording that is neither Yes nor No is reported and treated as accepted', () => {
    const { actions, issues } = read([['R1', 'Publish opening hours.', 'Noted', null, 'Publish hours online', 'March 2013', null, null]]);
    expect(actions[0].recommendation.accepted).toBe(true);
    expect(issues).toEqual([{ sheet: 'Actions', cell: 'C4', message: "'Noted' is not Yes or No — the recommendation is treated as accepted" }]);
  });

  test('a sheet named Actions without the headers is an Issue, not a crash', () => {
    const issues = new IssueList();
    expect(readActionSheet(sheetGrid('Actions', [['Notes'], ['nothing here']]), issues)).toEqual([]);
    expect(issues.items[0]).toMatchObject({ sheet: 'Actions', cell: '' });
  });
});

describe('readAccepted', () => {
  test.each([
    ['Yes', true], ['Y', true], ['Accepted', true], ['Partially', true], ['Agreed in part', true],
    ['No', false], ['N', false], ['Not accepted', false], ['Rejected', false], ['No – not affordable', false],
    ['', undefined], ['Noted', undefined],
  ])('%s → %s', (text, expected) => {
    expect(readAccepted(text)).toBe(expected);
  });
});

describe('which sheets hold action plans', () => {
  test('named Actions or Action plan, or any sheet with matching headers; never Ragbook’s own sheets', () => {
    const grids = workbook(
      sheetGrid('Measures', [['Measure', 'Polarity', 'Target']]),
      sheetGrid('Improvement board', [['Action', 'Deadline', 'Lead']]),
      sheetGrid('Action plan', [['Nothing yet']]),
      generatedSheetGrid('Summary', [['Summary'], [`${GENERATED_MARKER}: …`], ['Action', 'Timescale']]),
    );
    expect(actionSheets(grids).map((s) => s.name)).toEqual(['Improvement board', 'Action plan']);
  });
});
