import { actionsSummarySection } from '../../../src/core/actions/summary-section';
import { PLAN_HEADER, sheetGrid, workbook } from '../../fixtures/actions/grids';

const options = { today: '2013-03-04' };

describe('the Summary sheet’s action section', () => {
  test('none when the workbook has no action plan', () => {
    expect(actionsSummarySection(workbook(sheetGrid('Measures', [['Measure', 'Target']])), options)).toBeUndefined();
  });

  test('counts per plan, all plans, then per lead; only non-zero counts are coloured', () => {
    const section = actionsSummarySection(
      workbook(
        sheetGrid('Actions', [
          PLAN_HEADER,
          ['R1', 'Rec one.', 'Yes', null, 'Act', 'end of 2012', 'Lead B', null],
          ['R2', 'Rec two.', 'Yes', null, 'Act', 'Completed', 'Lead A', null],
          ['R3', 'Rec three.', 'No', null, null, 'N/A', null, null],
        ]),
      ),
      options,
    );
    if (!section || Array.isArray(section)) throw new Error('expected one section');
    expect(section.heading).toBe('Actions as at 4 March 2013');
    expect(section.header).toEqual(['Plan', 'Overdue', 'Due soon', 'On track', 'Ongoing', 'No date', 'Complete', 'Not accepted', 'Total']);
    expect(section.rows).toEqual([
      ['Actions', 1, 0, 0, 0, 0, 1, 1, 3],
      ['All plans', 1, 0, 0, 0, 0, 1, 1, 3],
      ['Lead', 'Overdue', 'Due soon', 'On track', 'Ongoing', 'No date', 'Complete', 'Not accepted', 'Total'],
      ['(no lead named)', 0, 0, 0, 0, 0, 0, 1, 1],
      ['Lead A', 0, 0, 0, 0, 0, 1, 0, 1],
      ['Lead B', 1, 0, 0, 0, 0, 0, 0, 1],
    ]);
    expect(section.cellStyles?.[0]).toEqual([undefined, 'action.count.overdue', undefined, undefined, undefined, undefined, 'action.count.complete', 'action.count.not-accepted', undefined]);
    expect(section.styles?.['action.count.overdue'].fill).toBe('#F4A6A6');
  });
});
