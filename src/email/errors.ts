/** The email could not be prepared or sent; the message says why in plain words, and that nothing was sent. */
export class EmailError extends Error {
  override name = 'EmailError';
}
