/**
 * The pane renders from state alone (no Excel, no Office): rendered to HTML
 * here, driven for real in Chromium by the end-to-end test.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { Pane, type PaneProps } from '../../src/taskpane/components/Pane';
import type { Report } from '../../src/core/report';

const noop = async () => undefined;

function report(name: string, title: string, appliesTo?: () => boolean, needs?: string): Report {
  return { name, title, fileSuffix: name, target: 'input', appliesTo, needs, run: () => { throw new Error('not run here'); } };
}

function render(change: Partial<PaneProps> = {}): string {
  const props: PaneProps = {
    loading: false,
    busy: false,
    settings: { exportTo: 'new-workbook' },
    grids: { sheets: [] },
    view: {
      sheet: 'Measures',
      layout: 'wide',
      measureCount: 24,
      periods: ['Q1 2017/18', 'Q2 2017/18'],
      period: 'Q2 2017/18',
      scheme: 'rag',
      counts: [{ label: 'Met', colour: '#A9D18E', count: 10 }, { label: 'Not met', colour: '#F4A6A6', count: 14 }],
      spcColumns: false,
    },
    reports: [report('apply', 'Apply colours'), report('budgets', 'Reconcile budgets', () => false, 'a Budgets sheet')],
    setScheme: () => undefined,
    setPeriod: () => undefined,
    setExportTo: () => undefined,
    setSpcColumns: () => undefined,
    run: noop,
    addRefusedToThisWorkbook: noop,
    selectIssue: noop,
    reload: noop,
    email: { exports: [], canAttachWorkbook: true, canDownload: true, preparing: false },
    prepareEmail: noop,
    ...change,
  };
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <Pane {...props} />
    </FluentProvider>,
  );
}

test('says where the measures are and counts them by status, in words beside the colours', () => {
  const html = render();
  expect(html).toContain('24 measures on the sheet &quot;Measures&quot; (one row per measure).');
  expect(html).toContain('aria-label="Measures by status for Q2 2017/18: 10 Met, 14 Not met"');
  expect(html).toContain('Latest with data (Q2 2017/18)');
});

test('one button per report; one the workbook cannot use is disabled and says what it needs', () => {
  const html = render();
  expect(html).toMatch(/<button[^>]*>Apply colours<\/button>/);
  expect(html).toMatch(/<button(?=[^>]*disabled="")(?=[^>]*aria-describedby="report-hint-budgets")[^>]*>Reconcile budgets<\/button>/);
  expect(html).toContain('Needs a Budgets sheet.');
});

test('after a report: its summary, where it went, and the issues as buttons naming their cells', () => {
  const html = render({
    outcome: { title: 'Apply colours', summary: '24 measures for Q2 2017/18: 10 met, 14 not met', note: 'This workbook was updated.', issues: [{ sheet: 'Measures', cell: 'F12', message: "'about 40' is not a number — treated as no data" }] },
  });
  expect(html).toContain('Apply colours: done');
  expect(html).toContain('24 measures for Q2 2017/18: 10 met, 14 not met</span>. This workbook was updated.');
  expect(html).toContain('Issues (1)');
  expect(html).toMatch(/<button[^>]*title="Go to Measures!F12"[^>]*>.*Measures!F12.*about 40/);
});

test('the result sits above the options, in a live region that can take the focus, there before any result', () => {
  const empty = render();
  expect(empty).toMatch(/<section tabindex="-1" aria-live="polite" data-testid="result"[^>]*><\/section>/);
  const html = render({ outcome: { title: 'Apply colours', summary: '24 measures', note: 'This workbook was updated.', issues: [] } });
  const result = html.indexOf('data-testid="result"');
  expect(result).toBeGreaterThan(html.indexOf('id="data-source"'));
  expect(result).toBeLessThan(html.indexOf('id="options-heading"'));
  expect(html).toMatch(/<section tabindex="-1" aria-live="polite" aria-labelledby="result-heading" data-testid="result"/);
  expect(html.slice(result, html.indexOf('id="options-heading"'))).toContain('No problems found.');
});

test('an export too large for a new workbook offers to add its sheets here instead', () => {
  const html = render({ refused: { message: 'The new workbook would be 6.1 MB…', report: report('ttc', 'Export Turning the Curve sheets'), result: { plan: { styles: {}, sheets: [], removeSheets: [] }, json: {}, issues: [], summary: '' } } });
  expect(html).toContain('Too large for a new workbook');
  expect(html).toContain('Add the sheets to this workbook');
});

test('a workbook without measures is told what Ragbook looks for', () => {
  const html = render({ view: { measureCount: 0, periods: [], scheme: 'rag', counts: [], spcColumns: false } });
  expect(html).toContain('No sheet of measures found.');
  expect(html).not.toContain('Measures by status');
});

test('the SPC columns switch shows what the workbook has until the officer chooses, and is off without a measures sheet', () => {
  const switchOf = (html: string) => /<input[^>]*role="switch"[^>]*>/.exec(html)?.[0] ?? '';
  expect(switchOf(render())).not.toContain('checked');
  const withColumns = render({ view: { sheet: 'Measures', layout: 'wide', measureCount: 2, periods: [], scheme: 'rag', counts: [], spcColumns: true } });
  expect(switchOf(withColumns)).toContain('checked');
  expect(switchOf(render({ settings: { exportTo: 'new-workbook', spcColumns: false }, view: { sheet: 'Measures', layout: 'wide', measureCount: 2, periods: [], scheme: 'rag', counts: [], spcColumns: true } }))).not.toContain('checked');
  expect(render()).toContain('Add Variation and Assurance columns when applying colours');
  expect(switchOf(render({ view: { measureCount: 0, periods: [], scheme: 'rag', counts: [], spcColumns: false } }))).toContain('disabled');
});
