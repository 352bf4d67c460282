import { openWorkbook } from '../../src/adapters/file';
import { periodIn, readReportSummary } from '../../src/email/report-summary';
import { KEY, reportWorkbook, STATUS_BY_THEME } from '../fixtures/email/report-workbooks';

async function summaryOf(bytes: Uint8Array) {
  return readReportSummary((await openWorkbook(bytes)).grids);
}

describe('readReportSummary', () => {
  it('reads the title, the period from the table heading and the "All themes" row', async () => {
    const summary = await summaryOf(await reportWorkbook("Children's services performance report"));
    expect(summary).toEqual({
      title: "Children's services performance report",
      period: 'Q2 2017/18',
      counts: [
        { label: 'Met', count: 10 },
        { label: 'Within tolerance', count: 6 },
        { label: 'Not met', count: 5 },
        { label: 'No data', count: 3 },
      ],
    });
  });

  it('sums the themes when there is no total row, and takes the period from the title first', async () => {
    const bytes = await reportWorkbook('Performance report, Quarter 3 2016-17', [
      { ...STATUS_BY_THEME, heading: 'Measures by status, latest period', rows: STATUS_BY_THEME.rows.slice(0, 2), notes: ['A note.'] },
    ]);
    expect(await summaryOf(bytes)).toMatchObject({ period: 'Quarter 3 2016-17', counts: [{ count: 10 }, { count: 6 }, { count: 5 }, { count: 3 }] });
  });

  it("takes the Settings sheet's own status labels under the \"Measures by status\" heading", async () => {
    const bytes = await reportWorkbook('Corporate scorecard', [
      { heading: 'Measures by status, 2016/17', header: ['Theme', 'On track', 'Off track', 'Total'], rows: [['All themes', 7, 2, 9]] },
    ]);
    expect(await summaryOf(bytes)).toEqual({ title: 'Corporate scorecard', period: '2016/17', counts: [{ label: 'On track', count: 7 }, { label: 'Off track', count: 2 }] });
  });

  it('stops at the Total column: the counts after it ("Improving but not met", "Latest available (stale)") are not statuses', async () => {
    const bytes = await reportWorkbook('Performance report', [
      { heading: 'Measures by status, Q4 2017/18', header: ['Theme', 'Met', 'Not met', 'Total', 'Improving but not met', 'Latest available (stale)'], rows: [['All themes', 5, 5, 10, 3, 2]] },
    ]);
    expect(await summaryOf(bytes)).toEqual({ title: 'Performance report', period: 'Q4 2017/18', counts: [{ label: 'Met', count: 5 }, { label: 'Not met', count: 5 }] });
  });

  it('reads a table with one row per status, and not the key', async () => {
    const bytes = await reportWorkbook('Adult social care scorecard', [
      KEY,
      { heading: 'Actions by state', header: ['State', 'Actions'], rows: [['Overdue', 4]] },
      { heading: 'Status counts', header: ['Status', 'Measures', '%'], rows: [['Exceeded', 2, 0.2], ['Met', 5, 0.5], ['Not met', 3, 0.3]] },
    ]);
    expect(await summaryOf(bytes)).toEqual({
      title: 'Adult social care scorecard',
      period: undefined,
      counts: [
        { label: 'Exceeded', count: 2 },
        { label: 'Met', count: 5 },
        { label: 'Not met', count: 3 },
      ],
    });
  });

  it("gives no counts when the Summary has no status table, and nothing without Ragbook's Summary sheet", async () => {
    const bytes = await reportWorkbook('Budget reconciliation', [{ heading: 'Strategies', header: ['Strategy', 'Reconciles'], rows: [['Safer', 'Yes']] }]);
    expect(await summaryOf(bytes)).toEqual({ title: 'Budget reconciliation', period: undefined, counts: [] });
    const usersOwn = { name: 'Summary', rows: [[{ value: 'Our summary' }], [{ value: 'Status' }], [{ value: 'Met' }, { value: 3 }]], tables: [] };
    expect(readReportSummary({ sheets: [usersOwn] })).toBeUndefined();
  });
});

describe('periodIn', () => {
  it.each([
    ['Performance report, Q2 2017/18', 'Q2 2017/18'],
    ['Scorecard 2016/17 Q4 (draft)', '2016/17 Q4'],
    ['Annual report 2016/17', '2016/17'],
    ['Monthly report, June 2018', 'June 2018'],
    ['Report 2016/19', undefined],
    ['Performance report', undefined],
  ])('%s → %s', (text, period) => expect(periodIn(text)).toBe(period));
});
