import { actionsSummarySection } from '../../../src/core/actions/summary-section';
import { CHART_GREY, COLOURS } from '../../../src/core/measures/scheme';
import { PLAN_HEADER, sheetGrid, workbook } from '../../fixtures/actions/grids';

const options = { today: '2013-03-04' };

describe('the Summary sheet’s action section', () => {
  test('none when the workbook has no action plan', () => {
    expect(actionsSummarySection(workbook(sheetGrid('Measures', [['Measure', 'Target']])), options)).toBeUndefined();
  });

  test('a table per plan with an All plans row and a chart, then a table per lead; only non-zero counts are styled', () => {
    const sections = actionsSummarySection(
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
    if (!Array.isArray(sections)) throw new Error('expected two sections');
    const [byPlan, byLead] = sections;
    expect(byPlan.heading).toBe('Actions by plan, as at 4 March 2013');
    expect(byPlan.header).toEqual(['Plan', 'Overdue', 'Due soon', 'On track', 'Ongoing', 'No date', 'Complete', 'Not accepted', 'Total']);
    expect(byPlan.rows).toEqual([
      ['Actions', 1, 0, 0, 0, 0, 1, 1, 3],
      ['All plans', 1, 0, 0, 0, 0, 1, 1, 3],
    ]);
    expect(byPlan.cellStyles?.[0]).toEqual([undefined, 'action.count.overdue', undefined, undefined, undefined, undefined, 'action.count.complete', 'action.count.not-accepted', undefined]);
    expect(byPlan.cellStyles?.[1][0]).toBe('total');
    // The chart leaves out the All plans row and the uncoloured Not accepted column.
    expect(byPlan.chartRows).toBe(1);
    expect(byPlan.chart?.series.map((s) => byPlan.header[s.col])).toEqual(['Overdue', 'Due soon', 'On track', 'Ongoing', 'No date', 'Complete']);
    // On track, Ongoing and Complete share green in cells; the chart tells them apart by shade.
    expect(byPlan.chart?.series.map((s) => s.colour)).toEqual([COLOURS.red, COLOURS.amber, COLOURS.green, '#C5E0B4', CHART_GREY, '#E2F0D9']);
    expect(byPlan.styles?.['action.count.overdue'].fill).toBe(COLOURS.red);
    expect(byLead.header[0]).toBe('Lead');
    expect(byLead.rows).toEqual([
      ['(no lead named)', 0, 0, 0, 0, 0, 0, 1, 1],
      ['Lead A', 0, 0, 0, 0, 0, 1, 0, 1],
      ['Lead B', 1, 0, 0, 0, 0, 0, 0, 1],
    ]);
  });
});
