import { Body1, Button, Caption1, Checkbox, Field, Input, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { formatSize } from '../../email/size';
import type { EmailRequest, EmailState } from '../hooks/useRagbook';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface EmailSectionProps {
  email: EmailState;
  disabled: boolean;
  onPrepare(request: EmailRequest): void;
}

/**
 * "Prepare email": addresses in, a draft .eml out (a download link), with the
 * exported workbooks and, where Excel allows, a copy of this one attached.
 */
export function EmailSection({ email, disabled, onPrepare }: EmailSectionProps) {
  const styles = useStyles();
  const [to, setTo] = useState('');
  const [cc, setCc] = useState('');
  const [attachWorkbook, setAttachWorkbook] = useState(false);
  const download = useRef<HTMLAnchorElement>(null);
  // Keyboard and screen-reader users land on the result as soon as it is ready.
  useEffect(() => download.current?.focus(), [email.draft?.url]);

  if (!email.canDownload) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          Excel on Mac and iPad does not let add-ins save files, so the email cannot be prepared here. Use Excel on the web or on Windows, or the
          command <code>ragbook email</code>.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPrepare({ to, cc, attachWorkbook: attachWorkbook && email.canAttachWorkbook });
  };
  return (
    // noValidate: addresses are checked by the composer, which says what is wrong in Ragbook's words.
    <form className={styles.form} onSubmit={submit} aria-label="Prepare email" noValidate>
      <Body1>Makes a draft email with the workbooks attached, for Outlook or Thunderbird to open ready to send.</Body1>
      {email.exports.length > 0 ? (
        <>
          <Caption1 id="email-exports">Attached from this session:</Caption1>
          <ul className={styles.list} aria-labelledby="email-exports">
            {email.exports.map((file) => (
              <li key={file.name}>
                <Caption1>
                  {file.name} ({formatSize(file.bytes.length)})
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Caption1>No report has been exported as a new workbook yet{email.canAttachWorkbook ? '; you can attach this workbook.' : '.'}</Caption1>
      )}
      {email.canAttachWorkbook && (
        <Checkbox label="Attach this workbook (as it is now)" checked={attachWorkbook} disabled={disabled} onChange={(_, data) => setAttachWorkbook(data.checked === true)} />
      )}
      <Field label="To" required hint="One or more addresses, separated by commas">
        <Input type="email" multiple autoComplete="email" value={to} disabled={disabled} onChange={(_, data) => setTo(data.value)} />
      </Field>
      <Field label="Cc (optional)">
        <Input type="email" multiple autoComplete="email" value={cc} disabled={disabled} onChange={(_, data) => setCc(data.value)} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="secondary" disabled={disabled || email.preparing}>
          Prepare email
        </Button>
        {email.preparing && <Spinner size="tiny" label="Preparing the email…" />}
      </div>
      <div role="alert">
        {email.error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The email was not prepared</MessageBarTitle>
              {email.error}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {email.draft && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Email ready</MessageBarTitle>
            <Link ref={download} href={email.draft.url} download={email.draft.fileName}>
              Save {email.draft.fileName}
            </Link>
            , then open it: Outlook or Thunderbird shows it as a draft, subject “{email.draft.subject}”, ready to send.
            {email.draft.warnings.map((warning) => (
              <Caption1 key={warning} as="p">
                {warning}.
              </Caption1>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
