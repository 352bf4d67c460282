import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { reports } from '../../src/core/reports';
import type { Report } from '../../src/core/report';
import { buildSummarySheet } from '../../src/core/summary/summary-sheet';
import { BASE_STYLES } from '../../src/core/shared/styles';
import { KEY, mipProperties, reportWorkbook, STATUS_BY_THEME, withCustomProperties } from '../fixtures/email/report-workbooks';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TITLE = "Children's services performance report";
const SUBJECT = `${TITLE}, Q2 2017/18: 10 met, 6 within tolerance, 5 not met, 3 no data`;

function fakeIo(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    progress: () => undefined,
    today: () => '2017-10-20',
    env,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

interface Received {
  from: string;
  recipients: string[];
  mail: ParsedMail;
}

/** A real SMTP server on 127.0.0.1 (any free port) that keeps what it receives. */
async function startServer(options: SMTPServerOptions = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            recipients: session.envelope.rcptTo.map((r) => r.address),
            mail,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let dir: string;
let coloured: string;
let commentary: string;
let labelled: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ragbook-email-'));
  const report = await reportWorkbook(TITLE);
  coloured = path.join(dir, 'q2-coloured.xlsx');
  commentary = path.join(dir, 'q2-commentary.xlsm');
  labelled = path.join(dir, 'q2-ttc.xlsx');
  await fs.writeFile(coloured, report);
  await fs.writeFile(commentary, await reportWorkbook('Commentary', []));
  await fs.writeFile(labelled, withCustomProperties(await reportWorkbook('Turning the Curve', []), mipProperties('OFFICIAL-SENSITIVE')));
});

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const SENDER = { RAGBOOK_SMTP_FROM: 'performance@council.gov.uk' };

describe('ragbook email through SMTP', () => {
  it('sends the workbooks byte for byte, with a subject and body written from the Summary sheet', async () => {
    const server = await startServer();
    try {
      const { io, out, err } = fakeIo(SENDER);
      const code = await main(['email', coloured, commentary, '--to', 'clerk@council.gov.uk,finance@council.gov.uk', '--cc', 'head@council.gov.uk', '--smtp', server.url], io);
      expect(err()).toBe('');
      expect(code).toBe(0);
      expect(server.received).toHaveLength(1);
      const [{ from, recipients, mail }] = server.received;
      expect(from).toBe('performance@council.gov.uk');
      expect(recipients).toEqual(['clerk@council.gov.uk', 'finance@council.gov.uk', 'head@council.gov.uk']);
      expect(mail.subject).toBe(SUBJECT);
      expect(mail.text).toContain('Measures by status: 10 met, 6 within tolerance, 5 not met, 3 no data (24 measures in all).');
      expect(mail.text).toMatch(/- q2-coloured\.xlsx \(\d+ KB\)\n- q2-commentary\.xlsm \(\d+ KB\)/);
      expect(mail.headers.has('x-unsent')).toBe(false);
      expect(mail.messageId).toMatch(/@council\.gov\.uk>$/);
      expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
        ['q2-coloured.xlsx', XLSX],
        ['q2-commentary.xlsm', 'application/vnd.ms-excel.sheet.macroenabled.12'],
      ]);
      expect(new Uint8Array(mail.attachments[0].content)).toEqual(new Uint8Array(await fs.readFile(coloured)));
      expect(new Uint8Array(mail.attachments[1].content)).toEqual(new Uint8Array(await fs.readFile(commentary)));
      expect(out()).toContain(`Sent "${SUBJECT}" to clerk@council.gov.uk, finance@council.gov.uk, head@council.gov.uk with q2-coloured.xlsx, q2-commentary.xlsm\n`);
    } finally {
      await server.close();
    }
  });

  it('puts the highest protective marking in front of the subject and says in the body which file carries it', async () => {
    const server = await startServer();
    try {
      const { io } = fakeIo(SENDER);
      expect(await main(['email', coloured, labelled, '--to', 'clerk@council.gov.uk', '--smtp', server.url], io)).toBe(0);
      const { mail } = server.received[0];
      expect(mail.subject).toBe(`[OFFICIAL-SENSITIVE] ${SUBJECT}`);
      expect(mail.text).toMatch(/^OFFICIAL-SENSITIVE\n\nThis email is marked OFFICIAL-SENSITIVE because q2-ttc\.xlsx is marked OFFICIAL-SENSITIVE\.\n/);
    } finally {
      await server.close();
    }
  });

  it('keeps the marking in front of a subject and body the officer wrote', async () => {
    const server = await startServer();
    try {
      const body = path.join(dir, 'body.txt');
      await fs.writeFile(body, 'Dear Clerk,\n\nThe Q2 papers for Thursday’s committee.\n');
      const { io } = fakeIo(SENDER);
      expect(await main(['email', labelled, '--to', 'clerk@council.gov.uk', '--subject', 'Committee papers', '--body-file', body, '--smtp', server.url], io)).toBe(0);
      const { mail } = server.received[0];
      expect(mail.subject).toBe('[OFFICIAL-SENSITIVE] Committee papers');
      expect(mail.text).toContain('is marked OFFICIAL-SENSITIVE.\n\nDear Clerk,\n\nThe Q2 papers for Thursday’s committee.\n');
    } finally {
      await server.close();
    }
  });

  it('--no-marking leaves the marking out but names it on stderr', async () => {
    const server = await startServer();
    try {
      const { io, err } = fakeIo(SENDER);
      expect(await main(['email', labelled, '--to', 'clerk@council.gov.uk', '--no-marking', '--smtp', server.url], io)).toBe(0);
      expect(server.received[0].mail.subject).toBe('Turning the Curve');
      expect(server.received[0].mail.text).not.toContain('OFFICIAL');
      expect(err()).toBe('warning: --no-marking: the email does not show the OFFICIAL-SENSITIVE marking that q2-ttc.xlsx carries\n');
    } finally {
      await server.close();
    }
  });

  it('authenticates with the user name and password from the environment', async () => {
    const logins: string[] = [];
    const server = await startServer({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        logins.push(`${auth.username}:${auth.password}`);
        if (auth.username === 'perf@council.gov.uk' && auth.password === 'correct horse') callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
    });
    try {
      const good = fakeIo({ RAGBOOK_SMTP_USER: 'perf@council.gov.uk', RAGBOOK_SMTP_PASSWORD: 'correct horse' });
      expect(await main(['email', coloured, '--to', 'clerk@council.gov.uk', '--smtp', server.url], good.io)).toBe(0);
      expect(server.received.map((r) => r.from)).toEqual(['perf@council.gov.uk']);

      const wrong = fakeIo({ RAGBOOK_SMTP_USER: 'perf@council.gov.uk', RAGBOOK_SMTP_PASSWORD: 'wrong' });
      expect(await main(['email', coloured, '--to', 'clerk@council.gov.uk', '--smtp', server.url], wrong.io)).toBe(1);
      expect(wrong.err()).toMatch(/^ragbook email: 127\.0\.0\.1:\d+ refused the user name or password in RAGBOOK_SMTP_USER\/RAGBOOK_SMTP_PASSWORD .*; nothing was sent\n$/);

      const none = fakeIo(SENDER);
      expect(await main(['email', coloured, '--to', 'clerk@council.gov.uk', '--smtp', server.url], none.io)).toBe(1);
      expect(none.err()).toMatch(/^ragbook email: 127\.0\.0\.1:\d+ refused the sender or recipients \(the server said: 530 .*\); nothing was sent\n$/);

      expect(logins).toEqual(['perf@council.gov.uk:correct horse', 'perf@council.gov.uk:wrong']);
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('fails with one clear line when the server refuses the connection', async () => {
    const port = await closedPort();
    const { io, out, err } = fakeIo(SENDER);
    expect(await main(['email', coloured, '--to', 'clerk@council.gov.uk', '--smtp', `smtp://127.0.0.1:${port}`], io)).toBe(1);
    expect(err()).toBe(`ragbook email: could not send through 127.0.0.1:${port}: the connection was refused (is the address and port right?); nothing was sent\n`);
    expect(out()).toBe('');
  });

  it('does not trust a server whose certificate it cannot verify', async () => {
    const server = await startServer({ disabledCommands: [] });
    try {
      const { io, err } = fakeIo(SENDER);
      expect(await main(['email', coloured, '--to', 'clerk@council.gov.uk', '--smtp', server.url], io)).toBe(1);
      expect(err()).toMatch(/^ragbook email: could not start a secure \(TLS\) connection with 127\.0\.0\.1:\d+: .*; nothing was sent\n$/);
      expect(server.received).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('says which recipients the server refused', async () => {
    const server = await startServer({
      onRcptTo(address, _session, callback) {
        callback(address.address.startsWith('nobody') ? new Error('No such user here') : undefined);
      },
    });
    try {
      const { io, err } = fakeIo(SENDER);
      expect(await main(['email', coloured, '--to', 'clerk@council.gov.uk,nobody@council.gov.uk', '--smtp', server.url], io)).toBe(1);
      expect(err()).toMatch(/refused nobody@council\.gov\.uk; the email went only to clerk@council\.gov\.uk\n$/);
    } finally {
      await server.close();
    }
  });
});

describe('ragbook email --eml', () => {
  it('writes a draft Outlook opens ready to send, which parses back to the same recipients and attachments', async () => {
    const eml = path.join(dir, 'q2.eml');
    const { io, out } = fakeIo();
    expect(await main(['email', coloured, labelled, '--to', 'clerk@council.gov.uk', '--cc', 'finance@council.gov.uk', '--eml', eml], io)).toBe(0);
    expect(out()).toContain('Wrote the draft');
    const text = await fs.readFile(eml, 'utf8');
    expect(text).toMatch(/\r\nX-Unsent: 1\r\n/);
    const mail = await simpleParser(text);
    expect(mail.to).toMatchObject({ value: [{ address: 'clerk@council.gov.uk' }] });
    expect(mail.cc).toMatchObject({ value: [{ address: 'finance@council.gov.uk' }] });
    expect(mail.subject).toBe(`[OFFICIAL-SENSITIVE] ${SUBJECT}`);
    expect(mail.date).toBeInstanceOf(Date);
    expect(mail.attachments.map((a) => a.filename)).toEqual(['q2-coloured.xlsx', 'q2-ttc.xlsx']);
    expect(new Uint8Array(mail.attachments[1].content)).toEqual(new Uint8Array(await fs.readFile(labelled)));
  });

  it('shows the highest classification, says what each file is marked, and warns about a label off the scale', async () => {
    const official = path.join(dir, 'q2-budgets.xlsx');
    const internal = path.join(dir, 'q2-actions.xlsx');
    await fs.writeFile(official, withCustomProperties(await reportWorkbook('Budgets', []), { Classification: 'Official' }));
    await fs.writeFile(internal, withCustomProperties(await reportWorkbook('Actions', []), { Sensitivity: 'Internal only' }));
    const eml = path.join(dir, 'marked.eml');
    const { io, err } = fakeIo();
    expect(await main(['email', official, labelled, internal, '--to', 'clerk@council.gov.uk', '--subject', 'Q2 papers', '--eml', eml], io)).toBe(0);
    const mail = await simpleParser(await fs.readFile(eml));
    expect(mail.subject).toBe('[OFFICIAL-SENSITIVE] Q2 papers');
    expect(mail.text).toMatch(
      /^OFFICIAL-SENSITIVE\n\nThis email is marked OFFICIAL-SENSITIVE because q2-ttc\.xlsx is marked OFFICIAL-SENSITIVE\. q2-budgets\.xlsx is marked OFFICIAL\.\n/,
    );
    expect(err()).toBe(
      "warning: q2-actions.xlsx carries the label 'Internal only', which is not a security classification (OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP SECRET); the email does not show it\n",
    );
  });

  it('names the files in the subject when no attachment has a Summary sheet', async () => {
    const notes = path.join(dir, 'notes.pdf');
    await fs.writeFile(notes, '%PDF-1.4 not really');
    const eml = path.join(dir, 'notes.eml');
    expect(await main(['email', notes, '--to', 'clerk@council.gov.uk', '--eml', eml], fakeIo().io)).toBe(0);
    const mail = await simpleParser(await fs.readFile(eml));
    expect(mail.subject).toBe('Performance report: notes.pdf');
    expect(mail.attachments[0].contentType).toBe('application/pdf');
  });
});

describe('ragbook email refuses, sending nothing', () => {
  it.each([
    { title: 'a missing file', args: ['missing.xlsx', '--to', 'a@council.gov.uk', '--eml', 'x.eml'], message: 'missing.xlsx: no such file' },
    { title: 'no recipients', args: ['FILE', '--eml', 'x.eml'], message: 'no recipients: give at least one address with --to' },
    { title: 'empty recipients', args: ['FILE', '--to', ' , ', '--eml', 'x.eml'], message: 'no recipients: give at least one address with --to' },
    { title: 'a malformed recipient', args: ['FILE', '--to', 'clerk@council.gov.uk,finance at council', '--eml', 'x.eml'], message: "--to: 'finance at council' is not an email address" },
    { title: 'a display name', args: ['FILE', '--to', 'Clerk <clerk@council.gov.uk>', '--eml', 'x.eml'], message: "--to: 'Clerk <clerk@council.gov.uk>' is not an email address" },
    { title: 'a malformed copy', args: ['FILE', '--to', 'a@council.gov.uk', '--cc', 'b@', '--eml', 'x.eml'], message: "--cc: 'b@' is not an email address" },
    { title: 'no destination', args: ['FILE', '--to', 'a@council.gov.uk'], message: "say where the email goes: --smtp URL to send it, or --eml FILE for a draft (see 'ragbook email --help')" },
    { title: 'both destinations', args: ['FILE', '--to', 'a@council.gov.uk', '--smtp', 'smtp://x.org', '--eml', 'x.eml'], message: 'give --smtp URL or --eml FILE, not both' },
    { title: 'no sender for SMTP', args: ['FILE', '--to', 'a@council.gov.uk', '--smtp', 'smtp://x.org'], message: 'sending needs a sender address: --from ADDR, or set RAGBOOK_SMTP_FROM' },
    { title: 'a password in the URL', args: ['FILE', '--to', 'a@council.gov.uk', '--from', 'p@council.gov.uk', '--smtp', 'smtp://perf:secret@127.0.0.1:1'], message: '--smtp: do not put a user name or password in the URL (it would be kept in shell history); set RAGBOOK_SMTP_USER and RAGBOOK_SMTP_PASSWORD instead' },
    { title: 'an attachment over the limit', args: ['FILE', '--to', 'a@council.gov.uk', '--eml', 'x.eml', '--max-size', '0.001'], message: 'q2-coloured.xlsx is SIZE, over the 1 KB limit for attachments (--max-size)' },
    { title: 'a bad size', args: ['FILE', '--to', 'a@council.gov.uk', '--eml', 'x.eml', '--max-size', 'big'], message: "--max-size: 'big' is not a size in MB, such as 20" },
    { title: 'no files', args: ['--to', 'a@council.gov.uk', '--eml', 'x.eml'], message: "name at least one file to attach (see 'ragbook email --help')" },
  ])('$title', async ({ args, message }) => {
    const eml = path.join(dir, 'refused.eml');
    const { io, out, err } = fakeIo();
    const argv = args.map((a) => (a === 'FILE' ? coloured : a === 'x.eml' ? eml : a === 'missing.xlsx' ? path.join(dir, a) : a));
    expect(await main(['email', ...argv], io)).toBe(1);
    const size = `${Math.round((await fs.stat(coloured)).size / 1024)} KB`;
    expect(err()).toBe(`ragbook email: ${message.replace('missing.xlsx', path.join(dir, 'missing.xlsx')).replace('SIZE', size)}\n`);
    expect(out()).toBe('');
    await expect(fs.access(eml)).rejects.toThrow();
  });
});

describe('ragbook run --email-to', () => {
  /** A report that writes its own workbook with a Summary sheet, standing in for the real reports. */
  const summaryReport: Report = {
    name: 'summary',
    title: 'Summary',
    fileSuffix: 'summary',
    target: 'new',
    run() {
      const { sheet, styles } = buildSummarySheet(`${TITLE}: summary`, [STATUS_BY_THEME, KEY]);
      return { plan: { styles: { ...BASE_STYLES, ...styles }, sheets: [sheet], removeSheets: [] }, json: {}, issues: [], summary: '24 measures' };
    },
  };
  let saved: Report[];
  beforeAll(() => {
    saved = reports.splice(0, reports.length, summaryReport);
  });
  afterAll(() => {
    reports.splice(0, reports.length, ...saved);
  });

  it("emails the run's workbooks at the end", async () => {
    const server = await startServer();
    try {
      const outDir = path.join(dir, 'run-out');
      const { io, out, err } = fakeIo(SENDER);
      const code = await main(['run', coloured, '-o', outDir, '--email-to', 'clerk@council.gov.uk', '--smtp', server.url], io);
      expect(err()).toBe('');
      expect(code).toBe(0);
      const written = path.join(outDir, 'q2-coloured-summary.xlsx');
      expect(out()).toContain(`Wrote ${written}\nSent "`);
      const { recipients, mail } = server.received[0];
      expect(recipients).toEqual(['clerk@council.gov.uk']);
      expect(mail.subject).toBe(SUBJECT);
      expect(mail.attachments.map((a) => a.filename)).toEqual(['q2-coloured-summary.xlsx']);
      expect(new Uint8Array(mail.attachments[0].content)).toEqual(new Uint8Array(await fs.readFile(written)));
    } finally {
      await server.close();
    }
  });

  it('checks the email options before running any report', async () => {
    const outDir = path.join(dir, 'run-refused');
    const { io, err } = fakeIo();
    expect(await main(['run', coloured, '-o', outDir, '--email-to', 'clerk@council', '--eml', path.join(dir, 'r.eml')], io)).toBe(1);
    expect(err()).toBe("ragbook run: --email-to: 'clerk@council' is not an email address\n");
    expect(await main(['run', coloured, '-o', outDir, '--smtp', 'smtp://x.org'], io)).toBe(1);
    expect(err()).toContain('ragbook run: --smtp and --eml need --email-to ADDR: who the workbooks go to\n');
    await expect(fs.access(outDir)).rejects.toThrow();
  });
});
