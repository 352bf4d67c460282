/**
 * The pane's "Prepare email": the same composer as `ragbook email --eml`
 * (subject and body from the report's Summary sheet, protective marking from
 * the attachments' labels) and the same RFC 5322 writer, as a draft .eml that
 * Outlook and Thunderbird open ready to send. Loaded only when used.
 */
import { composeEmail, parseAddresses } from '../email/compose';
import { buildEml, type EmlAttachment } from '../email/eml';
import { EmailError } from '../email/errors';

export interface DraftRequest {
  /** As typed: one or more addresses separated by commas or semicolons. */
  to: string;
  cc: string;
  attachments: EmlAttachment[];
}

export interface EmailDraft {
  /** "[OFFICIAL-SENSITIVE] Performance report, Q2 2017-18.eml" */
  fileName: string;
  subject: string;
  /** The message, CRLF line ends. */
  eml: string;
  /** Labels the email does not show: the pane must say so. */
  warnings: string[];
}

/** The subject up to its status counts, as a file name every system accepts: "… report, Q2 2017-18.eml". */
export function draftFileName(subject: string): string {
  const name = subject
    .split(': ')[0]
    .replace(/\//g, '-')
    .replace(/[\\:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const short = name.length > 100 ? name.slice(0, 100).replace(/\s+\S*$/, '') : name;
  return `${short || 'Ragbook email'}.eml`;
}

export async function prepareEmailDraft(request: DraftRequest): Promise<EmailDraft> {
  const to = parseAddresses([request.to], 'To');
  const cc = parseAddresses([request.cc], 'Cc');
  if (to.length === 0) throw new EmailError('Give at least one address in To.');
  if (request.attachments.length === 0) throw new EmailError('There is nothing to attach: export a report, or attach this workbook.');
  const email = await composeEmail({ attachments: request.attachments, to, cc, marking: true });
  const eml = buildEml({ to: email.to, cc: email.cc, subject: email.subject, body: email.body, attachments: email.attachments, draft: true });
  return { fileName: draftFileName(email.subject), subject: email.subject, eml, warnings: email.warnings };
}
