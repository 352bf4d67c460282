/**
 * Splits a long run of writes into requests that Excel on the web accepts.
 * Excel on the web refuses any request over 5 MB; Office.js sends everything
 * queued since the last `context.sync()` as one request. Each write first asks
 * for room: its arguments' size (measured as the JSON Office.js sends) plus
 * the object paths and actions around them. When the request would pass the
 * budget, what is queued is sent first. So the number of requests grows with
 * the bytes written, never with the number of calls.
 *
 * The estimate is checked against Microsoft's own serialiser in
 * test/adapters/office/real-runtime (every request of a 50,000-measure plan
 * stays under 4 MB).
 */

/** What a request may carry by this module's estimate; the real request stays under 4 MB. */
export const REQUEST_BUDGET_BYTES = 3 * 1024 * 1024;

/**
 * What one call adds to the request beyond its arguments: the object paths
 * (sheet, range, format, fill…) and actions around them, measured at 300–600
 * bytes under the real runtime.
 */
export const CALL_OVERHEAD_BYTES = 700;

/** Office.js writes arrays of more than 1,500 cells as row blocks, each with its own range paths. */
const OFFICE_JS_BLOCK_CELLS = 1500;

const encoder = new TextEncoder();

/** The UTF-8 size of a value as JSON, which is how Office.js sends arguments. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** The size of a call that sets a cell array of `cells` cells whose JSON is `bytes` long. */
export function arrayCallBytes(bytes: number, cells: number): number {
  return bytes + Math.ceil(cells / OFFICE_JS_BLOCK_CELLS) * CALL_OVERHEAD_BYTES;
}

export class RequestBatch {
  private queued = 0;

  /** `startRequest` queues what every request needs first (suspending calculation and screen updating). */
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly startRequest: () => void,
  ) {}

  /** Makes room for a call carrying `bytes` of arguments, sending what is queued when the call would not fit. */
  async room(bytes: number): Promise<void> {
    const cost = bytes + CALL_OVERHEAD_BYTES;
    if (this.queued > 0 && this.queued + cost > REQUEST_BUDGET_BYTES) await this.send();
    if (this.queued === 0) this.startRequest();
    this.queued += cost;
  }

  /** Sends what is queued, if anything. */
  async send(): Promise<void> {
    if (this.queued === 0) return;
    await this.context.sync();
    this.queued = 0;
  }
}
