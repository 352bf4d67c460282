/** "Prepare email" renders from state alone: what it attaches, its labelled fields, the draft's download link, and plain refusals. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { EmailSection } from '../../src/taskpane/components/EmailSection';
import type { EmailState } from '../../src/taskpane/hooks/useRagbook';

function render(change: Partial<EmailState> = {}): string {
  const email: EmailState = { exports: [], canAttachWorkbook: true, canDownload: true, preparing: false, ...change };
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <EmailSection email={email} disabled={false} onPrepare={() => undefined} />
    </FluentProvider>,
  );
}

/** The id of the element whose text is exactly `label`, and the control that names it in aria-labelledby or a <label for>. */
function isLabelled(html: string, label: string): boolean {
  const id = new RegExp(`<label[^>]*for="([^"]+)"[^>]*>${label}`).exec(html)?.[1];
  return id !== undefined && new RegExp(`<input[^>]*id="${id}"`).test(html);
}

test('before any export: says so, offers this workbook, and labels To and Cc', () => {
  const html = render();
  expect(html).toContain('No report has been exported as a new workbook yet; you can attach this workbook.');
  expect(html).toContain('Attach this workbook (as it is now)');
  expect(isLabelled(html, 'To')).toBe(true);
  expect(isLabelled(html, 'Cc \\(optional\\)')).toBe(true);
  expect(html).toMatch(/<input[^>]*type="email"[^>]*required=""|<input[^>]*required=""[^>]*type="email"/);
  expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Prepare email<\/button>/);
  expect(html).not.toMatch(/<button[^>]*disabled=""[^>]*>Prepare email/);
});

test('lists the exported workbooks with their sizes; no checkbox where Excel cannot copy the workbook', () => {
  const html = render({ exports: [{ name: 'Q2-ttc.xlsx', bytes: new Uint8Array(84 * 1024) }], canAttachWorkbook: false });
  expect(html).toContain('Attached from this session:');
  expect(html).toContain('Q2-ttc.xlsx (84 KB)');
  expect(html).not.toContain('Attach this workbook');
});

test('a prepared draft is a download link named after its subject, with any label the email leaves out', () => {
  const html = render({
    exports: [{ name: 'Q2-ttc.xlsx', bytes: new Uint8Array(10) }],
    draft: { fileName: '[OFFICIAL] Performance report, Q2 2017-18.eml', subject: '[OFFICIAL] Performance report, Q2 2017/18', url: 'blob:https://localhost/1', warnings: ["Q2-ttc.xlsx carries the label 'Internal', which is not a security classification"] },
  });
  expect(html).toContain('Email ready');
  expect(html).toMatch(/<a[^>]*href="blob:https:\/\/localhost\/1"[^>]*download="\[OFFICIAL\] Performance report, Q2 2017-18.eml"|<a[^>]*download="\[OFFICIAL\] Performance report, Q2 2017-18.eml"[^>]*href="blob:https:\/\/localhost\/1"/);
  expect(html).toContain('Save [OFFICIAL] Performance report, Q2 2017-18.eml</a>');
  expect(html).toContain('subject “[OFFICIAL] Performance report, Q2 2017/18”');
  expect(html).toContain('which is not a security classification.');
});

test('an error is said in plain words; a busy preparation shows a spinner', () => {
  expect(render({ error: "To: 'clerk' is not an email address" })).toContain('The email was not prepared');
  expect(render({ preparing: true })).toContain('Preparing the email…');
  expect(render({ preparing: true })).toMatch(/<button[^>]*disabled=""[^>]*>Prepare email/);
});

test('where Office lets no add-in save a file, it says so plainly instead of offering a form', () => {
  const html = render({ canDownload: false });
  expect(html).toContain('Excel on Mac and iPad does not let add-ins save files');
  expect(html).not.toContain('Prepare email</button>');
});
