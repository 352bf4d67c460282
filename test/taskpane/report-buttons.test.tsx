/** The pane's report buttons come from the core's list: the exception report has its button, enabled when the workbook has measures. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { reports } from '../../src/core/reports';
import { ReportButtons } from '../../src/taskpane/components/ReportButtons';
import type { WorkbookGrids } from '../../src/model/grid';
import { sheetGrid, workbook } from '../helpers/grids';
import { wideRows } from '../fixtures/exceptions/mixed-frequency';

function buttons(grids: WorkbookGrids): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <ReportButtons reports={reports} grids={grids} disabled={false} onRun={() => undefined} />
    </FluentProvider>,
  );
}

test('"Report exceptions" is a button like the other reports, enabled for a workbook of measures', () => {
  const html = buttons(workbook(sheetGrid('Measures', wideRows())));
  expect(html).toMatch(/<button(?![^>]*disabled)[^>]*>Report exceptions<\/button>/);
  expect(html.indexOf('>Apply colours<')).toBeLessThan(html.indexOf('>Report exceptions<'));
});

test('without measures it is disabled and says what it needs', () => {
  const html = buttons(workbook(sheetGrid('Notes', [['Nothing here']])));
  expect(html).toMatch(/<button(?=[^>]*disabled="")(?=[^>]*aria-describedby="report-hint-exceptions")[^>]*>Report exceptions<\/button>/);
  expect(html).toContain('Needs a sheet of measures.');
});
