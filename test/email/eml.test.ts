import { simpleParser } from 'mailparser';
import fc from 'fast-check';
import { base64, buildEml, contentTypeFor } from '../../src/email/eml';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSM = 'application/vnd.ms-excel.sheet.macroEnabled.12';

function bytes(length: number, seed = 7): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) % 256);
}

describe('buildEml', () => {
  it('gives a message mailparser reads back: recipients, subject, body and byte-exact attachments', async () => {
    const coloured = bytes(100_003);
    const macro = bytes(4_000, 3);
    const eml = buildEml({
      to: ['clerk@council.gov.uk', 'finance@council.gov.uk'],
      cc: ['head.of.service@council.gov.uk'],
      subject: 'Performance report, Q2 2017/18: 10 met',
      body: 'Hello,\n\nAttached: the report.\n',
      attachments: [
        { name: 'q2-coloured.xlsx', bytes: coloured },
        { name: 'q2-tracker.xlsm', bytes: macro },
      ],
    });
    const mail = await simpleParser(eml);
    expect(mail.to).toMatchObject({ value: [{ address: 'clerk@council.gov.uk' }, { address: 'finance@council.gov.uk' }] });
    expect(mail.cc).toMatchObject({ value: [{ address: 'head.of.service@council.gov.uk' }] });
    expect(mail.subject).toBe('Performance report, Q2 2017/18: 10 met');
    expect(mail.text).toBe('Hello,\n\nAttached: the report.\n');
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.contentDisposition])).toEqual([
      ['q2-coloured.xlsx', XLSX, 'attachment'],
      ['q2-tracker.xlsm', XLSM.toLowerCase(), 'attachment'], // MIME types compare without case
    ]);
    expect(eml).toContain(`Content-Type: ${XLSM}; name="q2-tracker.xlsm"`);
    expect(new Uint8Array(mail.attachments[0].content)).toEqual(coloured);
    expect(new Uint8Array(mail.attachments[1].content)).toEqual(macro);
    expect(mail.headers.get('x-unsent')).toBe('1');
  });

  it('uses CRLF line ends and keeps every line within 998 characters', () => {
    const eml = buildEml({ to: ['a@b.org'], subject: 'x'.repeat(950), body: 'y', attachments: [{ name: 'a.xlsx', bytes: bytes(5000) }] });
    expect(eml.split('\r\n').every((line) => line.length <= 998 && !line.includes('\n'))).toBe(true);
  });

  it('encodes a subject, body and file name that are not plain ASCII', async () => {
    const subject = `[OFFICIAL-SENSITIVE] Children’s services performance report, Q2 2017/18 – ${'£'.repeat(40)}`;
    const eml = buildEml({
      to: ['a@b.org'],
      subject,
      body: 'Spend: £0.9m — “on track”.',
      attachments: [{ name: 'Rapport été.xlsx', bytes: bytes(10) }],
    });
    expect([...eml].every((char) => char.charCodeAt(0) < 128)).toBe(true);
    const mail = await simpleParser(eml);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toBe('Spend: £0.9m — “on track”.');
    expect(mail.attachments[0].filename).toBe('Rapport été.xlsx');
  });

  it('writes From, Date and Message-ID when given, and no X-Unsent when not a draft', async () => {
    const eml = buildEml({
      from: 'performance@council.gov.uk',
      to: ['a@b.org'],
      subject: 's',
      body: 'b',
      attachments: [],
      date: new Date(Date.UTC(2017, 9, 20, 9, 5, 7)),
      messageId: 'abc@council.gov.uk',
      draft: false,
    });
    expect(eml).toContain('Date: Fri, 20 Oct 2017 09:05:07 +0000\r\n');
    const mail = await simpleParser(eml);
    expect(mail.from?.value[0].address).toBe('performance@council.gov.uk');
    expect(mail.messageId).toBe('<abc@council.gov.uk>');
    expect(mail.headers.has('x-unsent')).toBe(false);
  });

  it('never lets a line break in a subject start a new header', () => {
    const eml = buildEml({ to: ['a@b.org'], subject: 'Report\r\nBcc: spy@evil.example', body: '', attachments: [] });
    expect(eml).toContain('Subject: Report Bcc: spy@evil.example\r\n');
    expect(eml).not.toMatch(/^Bcc:/m);
  });
});

describe('base64', () => {
  it('matches Node for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (data) => base64(data) === Buffer.from(data).toString('base64')));
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['report.xlsx', XLSX],
    ['REPORT.XLSM', XLSM],
    ['notes.pdf', 'application/pdf'],
    ['data.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s → %s', (name, type) => expect(contentTypeFor(name)).toBe(type));
});
