import { smtpOptions } from '../../src/email/smtp';

const CREDENTIALS = { RAGBOOK_SMTP_USER: 'perf@council.gov.uk', RAGBOOK_SMTP_PASSWORD: 'p4ss' };

describe('smtpOptions', () => {
  it.each([
    { url: 'smtp://mail.council.gov.uk', env: {}, expected: { host: 'mail.council.gov.uk', port: 587, secure: false, requireTLS: false, auth: undefined } },
    { url: 'smtps://mail.council.gov.uk', env: CREDENTIALS, expected: { port: 465, secure: true, requireTLS: false, auth: { user: 'perf@council.gov.uk', pass: 'p4ss' } } },
    { url: 'smtp://mail.council.gov.uk:2525', env: CREDENTIALS, expected: { port: 2525, secure: false, requireTLS: true } },
    { url: 'smtp://127.0.0.1:2525', env: CREDENTIALS, expected: { host: '127.0.0.1', requireTLS: false } },
    { url: 'smtp://[::1]:25', env: CREDENTIALS, expected: { host: '::1', port: 25, requireTLS: false } },
  ])('$url: STARTTLS is required when a password would otherwise go in clear', ({ url, env, expected }) => {
    expect(smtpOptions(url, env)).toMatchObject(expected);
  });

  it.each([
    { url: 'smtp://perf:secret@mail.council.gov.uk', env: {}, message: /do not put a user name or password in the URL/ },
    { url: 'smtp://perf@mail.council.gov.uk', env: {}, message: /do not put a user name or password in the URL/ },
    { url: 'http://mail.council.gov.uk', env: {}, message: /must start smtp:\/\/ \(STARTTLS\) or smtps:\/\/ \(TLS\)/ },
    { url: 'mail.council.gov.uk', env: {}, message: /is not a mail server address/ },
    { url: 'smtp://mail.council.gov.uk', env: { RAGBOOK_SMTP_USER: 'perf' }, message: /set both RAGBOOK_SMTP_USER and RAGBOOK_SMTP_PASSWORD, or neither/ },
  ])('refuses $url', ({ url, env, message }) => {
    expect(() => smtpOptions(url, env)).toThrow(message);
  });
});
