/**
 * Builds an RFC 5322 message (MIME multipart/mixed: a plain-text body and the
 * attachments, all base64) as text. Browser-safe: no Node modules, so the task
 * pane's "Prepare email" and the CLI share one composer.
 */

export interface EmlAttachment {
  name: string;
  bytes: Uint8Array;
}

export interface EmlMessage {
  /** Omitted in a draft: Outlook fills in the sender when it opens the file. */
  from?: string;
  to: string[];
  cc?: string[];
  subject: string;
  body: string;
  attachments: EmlAttachment[];
  /** Date header; omitted when not given (drafts get theirs when sent). */
  date?: Date;
  /** Message-ID without angle brackets, e.g. "uuid@council.gov.uk". */
  messageId?: string;
  /** Adds `X-Unsent: 1`, so Outlook opens the file as a draft ready to send. Default true. */
  draft?: boolean;
}

const CRLF = '\r\n';
/** "=_" never appears in base64 text, so the boundary cannot occur inside a part. */
const BOUNDARY = '=_ragbook_part_boundary';

const MIME_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  pdf: 'application/pdf',
  csv: 'text/csv',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The attachment's MIME type from its extension; octet-stream when unknown. */
export function contentTypeFor(name: string): string {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}

const BASE64_DIGITS = utf8Bytes('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PAD = 61; // "="

function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Standard base64 (RFC 4648), built as bytes so megabyte attachments stay fast. */
export function base64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = BASE64_DIGITS[(n >> 18) & 63];
    out[o++] = BASE64_DIGITS[(n >> 12) & 63];
    out[o++] = i + 1 < bytes.length ? BASE64_DIGITS[(n >> 6) & 63] : PAD;
    out[o++] = i + 2 < bytes.length ? BASE64_DIGITS[n & 63] : PAD;
  }
  return new TextDecoder().decode(out);
}

/** Base64 in lines of 76 characters, as MIME requires. */
function base64Lines(bytes: Uint8Array): string {
  const text = base64(bytes);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return lines.join(CRLF);
}

function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/**
 * RFC 2047 encoded words for a header value that is not plain ASCII, each at
 * most 75 characters and never splitting a character.
 */
function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (utf8Bytes(chunk + char).length > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${base64(utf8Bytes(word))}?=`);
}

/** Line breaks in a header value would start a new header: they become spaces. */
function singleLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

function unstructuredHeader(name: string, value: string): string {
  const text = singleLine(value);
  if (isPlainAscii(text) && name.length + text.length < 900) return `${name}: ${text}`;
  return `${name}: ${encodedWords(text).join(`${CRLF} `)}`;
}

/** A parameter value (file name) quoted, or as one encoded word when not plain ASCII. */
function parameterValue(text: string): string {
  const value = singleLine(text);
  if (isPlainAscii(value)) return `"${value.replace(/["\\]/g, '\\$&')}"`;
  return `"=?UTF-8?B?${base64(utf8Bytes(value))}?="`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date in UTC: "Sun, 22 Nov 2026 13:28:06 +0000". */
function rfc5322Date(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/** The whole message as text with CRLF line ends, ready to save as .eml or send as-is. */
export function buildEml(message: EmlMessage): string {
  const headers: string[] = [];
  if (message.from) headers.push(`From: ${singleLine(message.from)}`);
  headers.push(`To: ${message.to.map(singleLine).join(', ')}`);
  if (message.cc && message.cc.length > 0) headers.push(`Cc: ${message.cc.map(singleLine).join(', ')}`);
  headers.push(unstructuredHeader('Subject', message.subject));
  if (message.date) headers.push(`Date: ${rfc5322Date(message.date)}`);
  if (message.messageId) headers.push(`Message-ID: <${singleLine(message.messageId)}>`);
  if (message.draft ?? true) headers.push('X-Unsent: 1');
  headers.push('MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${BOUNDARY}"`);

  const parts = [
    ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', base64Lines(utf8Bytes(message.body.replace(/\r?\n/g, CRLF)))].join(CRLF),
    ...message.attachments.map((attachment) =>
      [
        `Content-Type: ${contentTypeFor(attachment.name)}; name=${parameterValue(attachment.name)}`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment; filename=${parameterValue(attachment.name)}`,
        '',
        base64Lines(attachment.bytes),
      ].join(CRLF),
    ),
  ];
  return [
    ...headers,
    '',
    'This is a multi-part message in MIME format.',
    ...parts.map((part) => `--${BOUNDARY}${CRLF}${part}`),
    `--${BOUNDARY}--`,
    '',
  ].join(CRLF);
}
