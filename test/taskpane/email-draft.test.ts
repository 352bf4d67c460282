/** The pane's email path: the same composer as `ragbook email`, a draft .eml that mail programs read back exactly. */
import { simpleParser } from 'mailparser';
import { EmailError } from '../../src/email/errors';
import { draftFileName, prepareEmailDraft } from '../../src/taskpane/email-draft';
import { mipProperties, reportWorkbook, withCustomProperties } from '../fixtures/email/report-workbooks';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('exports and a labelled copy of the workbook: To, Cc, marked subject and byte-exact attachments', async () => {
  const exported = await reportWorkbook("Children's services performance report, Q2 2017/18");
  const workbook = withCustomProperties(await reportWorkbook('Performance workbook'), mipProperties('Official Sensitive'));
  const draft = await prepareEmailDraft({
    to: 'committee.clerk@council.gov.uk; finance@council.gov.uk',
    cc: ' ',
    attachments: [
      { name: 'Q2 performance-ttc.xlsx', bytes: exported },
      { name: 'Q2 performance.xlsx', bytes: workbook },
    ],
  });
  const subject = "[OFFICIAL-SENSITIVE] Children's services performance report, Q2 2017/18: 10 met, 6 within tolerance, 5 not met, 3 no data";
  expect(draft.subject).toBe(subject);
  expect(draft.fileName).toBe("[OFFICIAL-SENSITIVE] Children's services performance report, Q2 2017-18.eml");
  expect(draft.warnings).toEqual([]);

  const mail = await simpleParser(draft.eml);
  expect(mail.to).toMatchObject({ value: [{ address: 'committee.clerk@council.gov.uk' }, { address: 'finance@council.gov.uk' }] });
  expect(mail.cc).toBeUndefined();
  expect(mail.subject).toBe(subject);
  expect(mail.headers.get('x-unsent')).toBe('1');
  expect(mail.text).toMatch(/^OFFICIAL-SENSITIVE\n\nThis email is marked OFFICIAL-SENSITIVE because Q2 performance.xlsx is marked OFFICIAL-SENSITIVE\./);
  expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
    ['Q2 performance-ttc.xlsx', XLSX],
    ['Q2 performance.xlsx', XLSX],
  ]);
  expect(new Uint8Array(mail.attachments[0].content)).toEqual(exported);
  expect(new Uint8Array(mail.attachments[1].content)).toEqual(workbook);
});

test.each([
  ['no address', { to: '  ', cc: '' }, 'Give at least one address in To.'],
  ['a malformed address', { to: 'clerk', cc: '' }, "To: 'clerk' is not an email address"],
  ['a malformed Cc', { to: 'a@council.gov.uk', cc: 'finance at council' }, "Cc: 'finance at council' is not an email address"],
])('refuses %s in plain words', async (_, addresses, message) => {
  const attempt = prepareEmailDraft({ ...addresses, attachments: [{ name: 'a.xlsx', bytes: new Uint8Array(4) }] });
  await expect(attempt).rejects.toThrow(EmailError);
  await expect(attempt).rejects.toThrow(message);
});

test('refuses an email with nothing attached', async () => {
  await expect(prepareEmailDraft({ to: 'a@council.gov.uk', cc: '', attachments: [] })).rejects.toThrow('There is nothing to attach: export a report, or attach this workbook.');
});

test.each([
  ['Performance report: 3 met', 'Performance report.eml'],
  ['Q2 2017/18 "draft"? <v2>', 'Q2 2017-18 draft v2.eml'],
  [`${'word '.repeat(30)}end`, `${'word '.repeat(19)}word.eml`],
  ['   ', 'Ragbook email.eml'],
])('draft file name for %j', (subject, name) => {
  expect(draftFileName(subject)).toBe(name);
});
