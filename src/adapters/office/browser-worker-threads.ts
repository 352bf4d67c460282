/**
 * What the file adapter's parts deflater takes from Node's worker_threads,
 * for the browser (webpack puts this module in place of "node:worker_threads"
 * in the pane's export chunk). The pane never patches a package, so it never
 * asks for a thread; if it did, its parts would be deflated with the zip.
 */
export class Worker {
  constructor() {
    throw new Error('threads are not available in the task pane');
  }
}
