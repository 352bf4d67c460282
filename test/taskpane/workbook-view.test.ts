import { openWorkbook } from '../../src/adapters/file';
import { cleanSettings } from '../../src/taskpane/pane-settings';
import { viewWorkbook } from '../../src/taskpane/workbook-view';
import type { WorkbookGrids } from '../../src/model/grid';
import { buildSampleWorkbook, SAMPLE_MEASURES, SAMPLE_QUARTERS } from '../fixtures/sample/build-sample';

let grids: WorkbookGrids;
beforeAll(async () => {
  grids = (await openWorkbook(new Uint8Array(await buildSampleWorkbook()))).grids;
});

const today = '2018-11-30';

describe('what the pane shows of a workbook', () => {
  test('finds the measures sheet, its layout and every period, oldest first', () => {
    const view = viewWorkbook(grids, { today });
    expect(view.sheet).toBe('Measures');
    expect(view.layout).toBe('wide');
    expect(view.measureCount).toBe(SAMPLE_MEASURES.length);
    // The quarters in order, with the annual 2017/18 column placed by when it ends.
    expect(view.periods.filter((p) => p.startsWith('Q'))).toEqual(SAMPLE_QUARTERS);
    expect(view.periods.indexOf('2017/18')).toBe(view.periods.indexOf('Q4 2017/18') - 1);
    expect(view.period).toBe(SAMPLE_QUARTERS.at(-1));
  });

  test('counts every measure once, under the scheme’s labels', () => {
    for (const scheme of ['rag', 'brag', 'achieved']) {
      const view = viewWorkbook(grids, { today, scheme });
      expect(view.scheme).toBe(scheme);
      expect(view.counts.reduce((n, c) => n + c.count, 0)).toBe(SAMPLE_MEASURES.length);
      expect(new Set(view.counts.map((c) => c.label)).size).toBe(view.counts.length);
    }
    const achieved = viewWorkbook(grids, { today, scheme: 'achieved' }).counts.map((c) => c.label);
    expect(achieved.every((label) => ['Achieved', 'Not achieved', 'No data', 'No target', 'Polarity unknown'].includes(label))).toBe(true);
  });

  test('reports the period chosen, and the latest when a remembered period is no longer there', () => {
    expect(viewWorkbook(grids, { today, period: 'Q2 2017/18' }).period).toBe('Q2 2017/18');
    expect(viewWorkbook(grids, { today, period: 'Q9 1999/00' }).period).toBe(SAMPLE_QUARTERS.at(-1));
  });

  test('a workbook without measures says so rather than failing', () => {
    const view = viewWorkbook({ sheets: [{ name: 'Notes', rows: [[{ value: 'hello' }]], tables: [] }] }, { today });
    expect(view).toMatchObject({ sheet: undefined, measureCount: 0, periods: [], counts: [] });
  });
});

test.each([
  { title: 'nothing stored', stored: undefined, expected: { exportTo: 'new-workbook' } },
  { title: 'a full set', stored: { scheme: 'brag', period: 'Q1 2017/18', exportTo: 'this-workbook' }, expected: { scheme: 'brag', period: 'Q1 2017/18', exportTo: 'this-workbook' } },
  { title: 'an unknown scheme', stored: { scheme: 'rainbow' }, expected: { exportTo: 'new-workbook' } },
  { title: 'something else entirely', stored: 'hello', expected: { exportTo: 'new-workbook' } },
])('remembered settings: $title', ({ stored, expected }) => {
  expect(cleanSettings(stored)).toEqual(expected);
});
