/**
 * Deflates a package's new parts on a thread of its own while the plan is
 * still being written. A commentary of 10,000 measures adds 10,000 charts
 * (130 MB of XML): deflated one by one when the zip was written, they held
 * the main thread for half a second at the end, with the second core idle.
 *
 * Parts go to the thread in batches of about a megabyte (a message per part
 * would cost more than its deflating), and the thread starts only once a
 * first batch is full: a package with less to deflate leaves it all to the
 * zip writer, as before. The thread deflates with the same zlib at the same
 * level, so the bytes are the ones the zip writer would make. A part the
 * thread does not answer for (it stopped, or too much was waiting) is left
 * to the zip writer too. Only a writer that patches a package asks for this
 * (see PackageParts.deflateWhenSet), which the pane never does.
 */
import { Worker } from 'node:worker_threads';

/** What one message to the thread carries. */
const BATCH_BYTES = 1 << 20;
/**
 * At most this much sent and not yet deflated (each message is a copy):
 * parts that come faster than the thread deflates them are left to the zip
 * writer rather than queued without end.
 */
const MAX_QUEUED_KIB = 32 * 1024;

/**
 * The thread: deflates each batch in order and sends the parts back in it
 * (each in a buffer of its own, handed over rather than copied). It counts
 * the kibibytes it has deflated in shared memory, which the main thread
 * reads while it is too busy setting parts to take the answers.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
parentPort.on('message', ({ parts, level, kib }) => {
  const deflated = parts.map((part) => new Uint8Array(zlib.deflateRawSync(part, { level })));
  Atomics.add(workerData.deflatedKiB, 0, kib);
  parentPort.postMessage(deflated, deflated.map((part) => part.buffer));
});
`;

interface Waiting {
  resolve(deflated: Uint8Array): void;
  reject(error: Error): void;
}

const LEFT_TO_THE_ZIP = 'left to the zip writer';

export class PartsDeflater {
  private thread: Worker | undefined;
  /** Why no more parts are taken: the thread stopped, or the deflater was closed. */
  private stopped: Error | undefined;
  private batch: Uint8Array[] = [];
  private batchWaiting: Waiting[] = [];
  private batchBytes = 0;
  /** The batches sent, oldest first: the thread answers them in order. */
  private readonly sent: Waiting[][] = [];
  private sentKiB = 0;
  /** What the thread has deflated, counted by the thread. */
  private deflatedKiB: Int32Array | undefined;

  constructor(private readonly level: number) {}

  /** The part deflated (raw DEFLATE, as the zip writer deflates it); rejected when it is left to the zip writer. */
  deflate(data: Uint8Array): Promise<Uint8Array> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (this.deflatedKiB && this.sentKiB - Atomics.load(this.deflatedKiB, 0) > MAX_QUEUED_KIB) return Promise.reject(new Error(LEFT_TO_THE_ZIP));
    const deflated = new Promise<Uint8Array>((resolve, reject) => this.batchWaiting.push({ resolve, reject }));
    // A message copies a view's whole buffer: a part that is a view of a bigger one is copied alone.
    this.batch.push(data.byteLength === data.buffer.byteLength ? data : data.slice());
    this.batchBytes += data.length;
    if (this.batchBytes >= BATCH_BYTES) this.send();
    return deflated;
  }

  /** Sends what is left; without a thread (too little to start one) it is left to the zip writer. */
  finish(): void {
    if (this.thread && !this.stopped) this.send();
    else this.rejectBatch(new Error(LEFT_TO_THE_ZIP));
  }

  /** Lets the thread go; any part not yet answered is left to the zip writer. */
  close(): void {
    this.stop(new Error('the deflater is closed'));
    void this.thread?.terminate();
  }

  private send(): void {
    if (this.batch.length === 0) return;
    const kib = Math.ceil(this.batchBytes / 1024);
    try {
      this.thread ??= this.start();
      this.thread.postMessage({ parts: this.batch, level: this.level, kib });
    } catch (error) {
      this.stop(error as Error);
      return;
    }
    this.sent.push(this.batchWaiting);
    this.sentKiB += kib;
    this.batch = [];
    this.batchWaiting = [];
    this.batchBytes = 0;
  }

  private start(): Worker {
    this.deflatedKiB = new Int32Array(new SharedArrayBuffer(4));
    const thread = new Worker(THREAD_SOURCE, { eval: true, workerData: { deflatedKiB: this.deflatedKiB } });
    // A command that ends (or fails) before the last answer does not wait for the thread.
    thread.unref();
    thread.on('message', (deflated: Uint8Array[]) => (this.sent.shift() ?? []).forEach((waiting, i) => waiting.resolve(deflated[i])));
    thread.on('error', (error) => this.stop(error));
    thread.on('exit', () => this.stop(new Error('the deflating thread stopped')));
    return thread;
  }

  private stop(why: Error): void {
    this.stopped ??= why;
    this.rejectBatch(this.stopped);
    for (const batch of this.sent.splice(0)) for (const waiting of batch) waiting.reject(this.stopped);
  }

  private rejectBatch(why: Error): void {
    for (const waiting of this.batchWaiting) waiting.reject(why);
    this.batch = [];
    this.batchWaiting = [];
    this.batchBytes = 0;
  }
}
