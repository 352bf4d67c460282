/**
 * Composes the email that carries report workbooks: recipients checked, sizes
 * checked, subject and body written from the first report's Summary sheet, and
 * the attachments' protective markings shown as council mail rules expect.
 */
import { openWorkbook } from '../adapters/file';
import type { EmlAttachment } from './eml';
import { EmailError } from './errors';
import { type Marking, highestMarking, readMarkings } from './marking';
import { type ReportSummary, readReportSummary } from './report-summary';
import { formatSize } from './size';

export interface EmailRequest {
  attachments: EmlAttachment[];
  to: string[];
  cc: string[];
  /** Replaces the generated subject (the marking is still put in front). */
  subject?: string;
  /** Replaces the generated body (the marking statement is still put on top). */
  body?: string;
  /** False for `--no-marking`: the marking is left out of subject and body. */
  marking: boolean;
}

export interface ComposedEmail {
  to: string[];
  cc: string[];
  subject: string;
  body: string;
  attachments: EmlAttachment[];
  /** Labels the email does not show (`--no-marking`, or not a security classification): the caller must say so. */
  warnings: string[];
}

/** A deliberately plain check: one address, no display name, a dotted domain. */
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isEmailAddress(text: string): boolean {
  return ADDRESS.test(text);
}

/** "a@x.gov.uk, b@y.gov.uk; c@z.org" (repeatable) → the addresses; a malformed one is refused by name. */
export function parseAddresses(values: readonly string[], option: string): string[] {
  const addresses = values.flatMap((value) => value.split(/[,;]/)).map((a) => a.trim()).filter((a) => a !== '');
  for (const address of addresses) {
    if (!isEmailAddress(address)) throw new EmailError(`${option}: '${address}' is not an email address`);
  }
  return addresses;
}

export { formatSize };

/** Refuses attachments larger, together, than the limit that mail servers commonly set. */
export function checkSize(attachments: readonly EmlAttachment[], maxBytes: number): void {
  const limit = formatSize(maxBytes);
  for (const attachment of attachments) {
    if (attachment.bytes.length > maxBytes) {
      throw new EmailError(`${attachment.name} is ${formatSize(attachment.bytes.length)}, over the ${limit} limit for attachments (--max-size)`);
    }
  }
  const total = attachments.reduce((sum, a) => sum + a.bytes.length, 0);
  if (total > maxBytes) throw new EmailError(`the attachments come to ${formatSize(total)}, over the ${limit} limit (--max-size)`);
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Within tolerance" → "within tolerance"; acronyms such as "BRAG" stay. */
function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/** "10 met, 6 within tolerance, 5 not met, 3 no data" (statuses with no measures left out). */
function countsPhrase(summary: ReportSummary): string {
  return summary.counts.filter((c) => c.count > 0).map((c) => `${c.count} ${lowerFirst(c.label)}`).join(', ');
}

/** "Children's services performance report, Q2 2017/18". */
function reportName(summary: ReportSummary): string {
  const title = summary.title ?? 'Performance report';
  return summary.period && !title.includes(summary.period) ? `${title}, ${summary.period}` : title;
}

function generatedSubject(summary: ReportSummary | undefined, names: string[]): string {
  if (!summary) return `${names.length > 1 ? 'Performance reports' : 'Performance report'}: ${listed(names)}`;
  const counts = countsPhrase(summary);
  return counts ? `${reportName(summary)}: ${counts}` : reportName(summary);
}

function generatedBody(summary: ReportSummary | undefined, attachments: readonly EmlAttachment[]): string {
  const lines = ['Hello,', ''];
  if (summary) {
    const title = (summary.title ?? 'performance report').replace(/^the\s+/i, '');
    const period = summary.period && !title.includes(summary.period) ? ` for ${summary.period}` : '';
    lines.push(`Please find attached the ${title}${period}.`);
    const counts = countsPhrase(summary);
    const total = summary.counts.reduce((sum, c) => sum + c.count, 0);
    if (counts) lines.push('', `Measures by status: ${counts} (${total} ${total === 1 ? 'measure' : 'measures'} in all).`);
  } else {
    lines.push(`Please find attached the performance ${attachments.length > 1 ? 'reports' : 'report'}.`);
  }
  lines.push('', 'Attachments:', ...attachments.map((a) => `- ${a.name} (${formatSize(a.bytes.length)})`), '', 'Prepared with Ragbook.');
  return lines.join('\n');
}

/** The statement at the top of the body: the email's marking and which attachments carry which. */
function markingStatement(highest: Marking, marked: { name: string; marking: Marking }[]): string {
  const carriers = marked.filter((m) => m.marking.label === highest.label).map((m) => m.name);
  const others = marked.filter((m) => m.marking.label !== highest.label).map((m) => `${m.name} is marked ${m.marking.label}`);
  const sentence = `This email is marked ${highest.label} because ${listed(carriers)} ${carriers.length > 1 ? 'are' : 'is'} marked ${highest.label}.`;
  return [highest.label, '', others.length > 0 ? `${sentence} ${listed(others)}.` : sentence].join('\n');
}

/** The first attachment that opens as a workbook with a Summary sheet gives the subject and body. */
async function firstReportSummary(attachments: readonly EmlAttachment[]): Promise<ReportSummary | undefined> {
  for (const attachment of attachments) {
    if (!/\.xls[xm]$/i.test(attachment.name)) continue;
    try {
      const summary = readReportSummary((await openWorkbook(attachment.bytes)).grids);
      if (summary) return summary;
    } catch {
      // Not a readable workbook: the email is still sent, described by file names.
    }
  }
  return undefined;
}

export async function composeEmail(request: EmailRequest): Promise<ComposedEmail> {
  if (request.to.length === 0) throw new EmailError('no recipients: give at least one address with --to');
  if (request.attachments.length === 0) throw new EmailError('nothing to send: name at least one file to attach');
  const names = request.attachments.map((a) => a.name);
  const summary = request.subject !== undefined && request.body !== undefined ? undefined : await firstReportSummary(request.attachments);
  let subject = request.subject ?? generatedSubject(summary, names);
  let body = request.body ?? generatedBody(summary, request.attachments);

  const warnings: string[] = [];
  const marked: { name: string; marking: Marking }[] = [];
  for (const attachment of request.attachments) {
    const markings = readMarkings(attachment.bytes);
    const marking = highestMarking(markings);
    if (marking) marked.push({ name: attachment.name, marking });
    for (const other of markings.filter((m) => m.rank < 0)) {
      warnings.push(`${attachment.name} carries the label '${other.label}', which is not a security classification (OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP SECRET); the email does not show it`);
    }
  }
  const highest = highestMarking(marked.map((m) => m.marking));
  if (highest && !request.marking) {
    const carriedBy = marked.filter((m) => m.marking.label === highest.label).map((m) => m.name);
    warnings.push(`--no-marking: the email does not show the ${highest.label} marking that ${listed(carriedBy)} ${carriedBy.length > 1 ? 'carry' : 'carries'}`);
  } else if (highest) {
    const prefix = `[${highest.label}]`;
    if (!subject.toUpperCase().startsWith(prefix.toUpperCase())) subject = `${prefix} ${subject}`;
    body = `${markingStatement(highest, marked)}\n\n${body}`;
  }
  return { to: request.to, cc: request.cc, subject, body, attachments: request.attachments, warnings };
}
