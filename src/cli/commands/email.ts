import path from 'node:path';
import { type ComposedEmail, composeEmail, isEmailAddress, parseAddresses, checkSize } from '../../email/compose';
import { type EmlAttachment, buildEml } from '../../email/eml';
import { EmailError } from '../../email/errors';
import { SMTP_PASSWORD_VARIABLE, SMTP_USER_VARIABLE, sendRawMessage } from '../../email/smtp';
import { type Command, type OptionSpec, parseCommandArgs } from '../command';
import { CliError, type CliIo, readInputFile, writeFileAtomic } from '../io';

export const DEFAULT_MAX_SIZE_MB = 20;
const FROM_VARIABLE = 'RAGBOOK_SMTP_FROM';

/** Where the email goes: through a server, or into a draft file. */
type Delivery = { kind: 'smtp'; url: string; from: string } | { kind: 'eml'; file: string };

/** Everything needed to send, checked before any work is done. */
export interface EmailPlan {
  to: string[];
  cc: string[];
  subject?: string;
  body?: string;
  marking: boolean;
  maxBytes: number;
  delivery: Delivery;
}

type Values = Record<string, string | boolean | string[] | undefined>;

function strings(value: string | boolean | string[] | undefined): string[] {
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

function text(value: string | boolean | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function deliveryFrom(smtp: string | undefined, eml: string | undefined, from: string | undefined, io: CliIo, command: string): Delivery {
  if (smtp !== undefined && eml !== undefined) throw new CliError('give --smtp URL or --eml FILE, not both');
  if (eml !== undefined) return { kind: 'eml', file: eml };
  if (smtp === undefined) throw new CliError(`say where the email goes: --smtp URL to send it, or --eml FILE for a draft (see 'ragbook ${command} --help')`);
  const user = io.env[SMTP_USER_VARIABLE];
  const sender = from ?? io.env[FROM_VARIABLE] ?? (user && isEmailAddress(user) ? user : undefined);
  if (!sender) throw new CliError(`sending needs a sender address: --from ADDR, or set ${FROM_VARIABLE}`);
  if (!isEmailAddress(sender)) throw new CliError(`--from: '${sender}' is not an email address`);
  return { kind: 'smtp', url: smtp, from: sender };
}

function maxBytesFrom(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_SIZE_MB * 1024 * 1024;
  const mb = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(mb > 0)) throw new CliError(`--max-size: '${value}' is not a size in MB, such as 20`);
  return mb * 1024 * 1024;
}

/** EmailError carries a message for people: it becomes the command's one-line reason. */
function rethrowForCli(error: unknown): never {
  if (error instanceof EmailError) throw new CliError(error.message);
  throw error;
}

function withEmailErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    return rethrowForCli(error);
  }
}

/** Sends or saves the composed email; says on stdout what was done. */
async function deliver(email: ComposedEmail, delivery: Delivery, io: CliIo): Promise<void> {
  const recipients = [...email.to, ...email.cc];
  switch (delivery.kind) {
    case 'eml': {
      const eml = buildEml({ ...email, date: new Date(), draft: true });
      writeFileAtomic(delivery.file, new TextEncoder().encode(eml));
      io.stdout(`Wrote the draft ${path.normalize(delivery.file)} (to ${recipients.join(', ')}): open it in Outlook or Thunderbird to check and send\n`);
      return;
    }
    case 'smtp': {
      const domain = delivery.from.split('@')[1];
      const raw = buildEml({ ...email, from: delivery.from, date: new Date(), messageId: `${crypto.randomUUID()}@${domain}`, draft: false });
      io.progress(`Sending to ${recipients.join(', ')}…`);
      await sendRawMessage(raw, { from: delivery.from, to: recipients }, delivery.url, io.env).catch(rethrowForCli);
      io.stdout(`Sent "${email.subject}" to ${recipients.join(', ')} with ${email.attachments.map((a) => a.name).join(', ')}\n`);
      return;
    }
    default: {
      const unreachable: never = delivery;
      throw new Error(`unknown delivery ${String(unreachable)}`);
    }
  }
}

/** Reads the files, composes, warns about a marking left out, and sends or saves. Nothing goes out on any error. */
export async function emailFiles(files: string[], plan: EmailPlan, io: CliIo): Promise<void> {
  const attachments: EmlAttachment[] = [];
  for (const file of files) attachments.push({ name: path.basename(file), bytes: readInputFile(file) });
  withEmailErrors(() => checkSize(attachments, plan.maxBytes));
  const email = await composeEmail({ attachments, to: plan.to, cc: plan.cc, subject: plan.subject, body: plan.body, marking: plan.marking }).catch(
    rethrowForCli,
  );
  for (const warning of email.warnings) io.stderr(`warning: ${warning}\n`);
  await deliver(email, plan.delivery, io);
}

const EMAIL_OPTIONS: OptionSpec = {
  to: { type: 'string', multiple: true },
  cc: { type: 'string', multiple: true },
  from: { type: 'string' },
  subject: { type: 'string' },
  'body-file': { type: 'string' },
  smtp: { type: 'string' },
  eml: { type: 'string' },
  'max-size': { type: 'string' },
  'no-marking': { type: 'boolean' },
};

const CREDENTIALS_HELP = [
  `The server's user name and password are read only from the environment: ${SMTP_USER_VARIABLE} and`,
  `${SMTP_PASSWORD_VARIABLE} (never from the URL or a file). A password is only ever sent over TLS (or to this computer).`,
];

/** `ragbook email`: sends report workbooks, or writes them into an .eml draft. */
export const emailCommand: Command = {
  name: 'email',
  summary: 'Email report workbooks (through an SMTP server, or as an .eml draft)',
  help: [
    'Usage: ragbook email <files...> --to ADDR[,ADDR] [--cc ADDR] [--subject TEXT] [--body-file FILE]',
    '                     (--smtp URL [--from ADDR] | --eml out.eml) [--max-size MB] [--no-marking]',
    '',
    "The subject and body are written from the first report's Summary sheet (title, period, measures by",
    'status) unless you give your own. When an attachment carries a protective marking (a sensitivity',
    'label such as OFFICIAL-SENSITIVE), the subject starts with the highest one, [OFFICIAL-SENSITIVE] …,',
    'and the body says which attachments carry it.',
    '',
    '  --to ADDR         Recipients, separated by commas (repeatable)',
    '  --cc ADDR         Copy recipients (repeatable)',
    '  --subject TEXT    The subject (default: from the report)',
    '  --body-file FILE  The body, as plain text in a UTF-8 file (default: from the report)',
    '  --smtp URL        Send through this server: smtp://host[:587] (STARTTLS) or smtps://host[:465] (TLS)',
    `  --from ADDR       The sender (default: ${FROM_VARIABLE}, else ${SMTP_USER_VARIABLE} when it is an address)`,
    '  --eml FILE        Write a draft .eml instead of sending: Outlook opens it ready to send',
    `  --max-size MB     Refuse attachments larger than this in all (default ${DEFAULT_MAX_SIZE_MB})`,
    '  --no-marking      Leave the marking out of subject and body (a warning names it)',
    '',
    ...CREDENTIALS_HELP,
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, EMAIL_OPTIONS, 'email');
    if (values.help) {
      io.stdout(`${this.help}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new CliError(`name at least one file to attach (see 'ragbook email --help')`);
    const bodyFile = text(values['body-file']);
    const plan: EmailPlan = {
      to: withEmailErrors(() => parseAddresses(strings(values.to), '--to')),
      cc: withEmailErrors(() => parseAddresses(strings(values.cc), '--cc')),
      subject: text(values.subject),
      body: bodyFile === undefined ? undefined : new TextDecoder().decode(readInputFile(bodyFile)),
      marking: values['no-marking'] !== true,
      maxBytes: maxBytesFrom(text(values['max-size'])),
      delivery: deliveryFrom(text(values.smtp), text(values.eml), text(values.from), io, 'email'),
    };
    if (plan.to.length === 0) throw new CliError('no recipients: give at least one address with --to');
    await emailFiles(positionals, plan, io);
    return 0;
  },
};

/** The options `ragbook run` takes to email what it wrote. */
export const RUN_EMAIL_OPTIONS: OptionSpec = {
  'email-to': { type: 'string', multiple: true },
  'email-cc': { type: 'string', multiple: true },
  'email-from': { type: 'string' },
  smtp: { type: 'string' },
  eml: { type: 'string' },
};

export const RUN_EMAIL_HELP = [
  '  --email-to ADDR   Email the workbooks written to these recipients at the end (see ragbook email)',
  '  --email-cc ADDR   Copy recipients',
  '  --smtp URL        The server to send through: smtp://host[:587] or smtps://host[:465]',
  '  --email-from ADDR  The sender (default: RAGBOOK_SMTP_FROM)',
  '  --eml FILE        Write an .eml draft instead of sending',
].join('\n');

/** Checks `run`'s email options before the reports run; undefined when no --email-to was given. */
export function runEmailPlan(values: Values, io: CliIo): EmailPlan | undefined {
  const to = withEmailErrors(() => parseAddresses(strings(values['email-to']), '--email-to'));
  if (to.length === 0) {
    if (values.smtp !== undefined || values.eml !== undefined || values['email-to'] !== undefined) {
      throw new CliError('--smtp and --eml need --email-to ADDR: who the workbooks go to');
    }
    return undefined;
  }
  return {
    to,
    cc: withEmailErrors(() => parseAddresses(strings(values['email-cc']), '--email-cc')),
    marking: true,
    maxBytes: DEFAULT_MAX_SIZE_MB * 1024 * 1024,
    delivery: deliveryFrom(text(values.smtp), text(values.eml), text(values['email-from']), io, 'run'),
  };
}

/** Emails the workbooks a run wrote (called by `ragbook run` at the end). */
export async function sendReports(files: string[], plan: EmailPlan, io: CliIo): Promise<void> {
  if (files.length === 0) throw new CliError('no workbooks were written, so nothing was emailed');
  await emailFiles(files, plan, io);
}
