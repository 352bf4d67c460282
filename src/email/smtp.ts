/**
 * Sends a composed message through an SMTP server with nodemailer.
 * smtp://host[:port] upgrades with STARTTLS (port 587 unless given);
 * smtps://host[:port] is TLS from the start (port 465 unless given).
 * The user name and password come only from the environment, never the URL.
 */
import type nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { EmailError } from './errors';

export const SMTP_USER_VARIABLE = 'RAGBOOK_SMTP_USER';
export const SMTP_PASSWORD_VARIABLE = 'RAGBOOK_SMTP_PASSWORD';

const NOTHING_SENT = 'nothing was sent';

/** Loopback hosts: the only ones a password may be sent to without TLS (as Go's net/smtp allows). */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Turns the --smtp URL and the environment into nodemailer's options; refuses what is unsafe or unclear. */
export function smtpOptions(url: string, env: Record<string, string | undefined>): SMTPTransport.Options {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EmailError(`--smtp: '${url}' is not a mail server address; write it like smtp://mail.council.gov.uk:587 or smtps://mail.council.gov.uk`);
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new EmailError(`--smtp: '${url}' must start smtp:// (STARTTLS) or smtps:// (TLS)`);
  }
  if (parsed.username || parsed.password) {
    throw new EmailError(
      `--smtp: do not put a user name or password in the URL (it would be kept in shell history); set ${SMTP_USER_VARIABLE} and ${SMTP_PASSWORD_VARIABLE} instead`,
    );
  }
  if (!parsed.hostname) throw new EmailError(`--smtp: '${url}' names no mail server`);
  const user = env[SMTP_USER_VARIABLE];
  const pass = env[SMTP_PASSWORD_VARIABLE];
  if (!!user !== !!pass) throw new EmailError(`set both ${SMTP_USER_VARIABLE} and ${SMTP_PASSWORD_VARIABLE}, or neither`);
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    // Never send a password in clear text, except to this computer.
    requireTLS: !secure && !!user && !isLoopback(parsed.hostname),
    auth: user && pass ? { user, pass } : undefined,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  };
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

const TLS_FAILURE = /certificate|self[- ]signed|CERT_|altnames|SSL|TLS/i;

/** One line saying what went wrong in words an officer can act on. */
function failureMessage(error: SmtpFailure, server: string): string {
  const said = error.response ? ` (the server said: ${error.response.trim()})` : '';
  // Certificate problems surface as socket errors; to the officer they are TLS failures.
  const code = error.code === 'ESOCKET' && TLS_FAILURE.test(error.message ?? '') ? 'ETLS' : error.code;
  switch (code) {
    case 'EAUTH':
      return `${server} refused the user name or password in ${SMTP_USER_VARIABLE}/${SMTP_PASSWORD_VARIABLE}${said}; ${NOTHING_SENT}`;
    case 'ENOAUTH':
      return `${server} needs a user name and password: set ${SMTP_USER_VARIABLE} and ${SMTP_PASSWORD_VARIABLE}; ${NOTHING_SENT}`;
    case 'ETLS':
      if (/upgrading connection with STARTTLS/i.test(error.message ?? '')) {
        return `${server} does not offer STARTTLS, and Ragbook sends a password only over TLS (try smtps://, or ask IT for the secure port); ${NOTHING_SENT}`;
      }
      return `could not start a secure (TLS) connection with ${server}: ${error.message ?? 'no reason given'}; ${NOTHING_SENT}`;
    case 'EENVELOPE':
      return `${server} refused the sender or recipients${said || `: ${error.message}`}; ${NOTHING_SENT}`;
    case 'EMESSAGE':
      return `${server} refused the message${said}; ${NOTHING_SENT}`;
    default:
      return connectionFailure(error, server, said);
  }
}

function connectionFailure(error: SmtpFailure, server: string, said: string): string {
  const message = error.message ?? '';
  const reason = /ECONNREFUSED/.test(message)
    ? 'the connection was refused (is the address and port right?)'
    : /ENOTFOUND|EAI_AGAIN/.test(message)
      ? 'no such server name'
      : /timeout|ETIMEDOUT/i.test(`${error.code} ${message}`)
        ? 'it did not answer in time'
        : message || 'unknown error';
  return `could not send through ${server}: ${reason}${said}; ${NOTHING_SENT}`;
}

export interface Envelope {
  from: string;
  /** Every recipient: To and Cc. */
  to: string[];
}

/**
 * Sends the message text as-is. All or nothing where SMTP allows: if the server
 * refuses some recipients after accepting others, the error names them.
 */
export async function sendRawMessage(raw: string, envelope: Envelope, url: string, env: Record<string, string | undefined>): Promise<void> {
  const options = smtpOptions(url, env);
  const server = `${options.host}:${options.port}`;
  // Loaded only when a message is sent, so the other commands start without it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; import() would need ES modules under Jest
  const { createTransport } = require('nodemailer') as typeof nodemailer;
  const transport = createTransport(options);
  let info: SMTPTransport.SentMessageInfo;
  try {
    info = await transport.sendMail({ envelope, raw });
  } catch (error) {
    throw new EmailError(failureMessage(error as SmtpFailure, server));
  } finally {
    transport.close();
  }
  const refused = info.rejected.map((r) => (typeof r === 'string' ? r : r.address));
  if (refused.length > 0) {
    throw new EmailError(`${server} refused ${refused.join(', ')}; the email went only to ${info.accepted.map((a) => (typeof a === 'string' ? a : a.address)).join(', ')}`);
  }
}
