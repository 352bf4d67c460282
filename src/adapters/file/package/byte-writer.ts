/**
 * A part's bytes built piece by piece. Rewriting a big sheet makes a million
 * small strings; joined into one string they would all live until the end
 * (and the garbage collector copies every survivor), so they are encoded a
 * batch at a time into one growing buffer instead.
 */
const encoder = new TextEncoder();

/** Characters gathered before they are encoded: small enough to die young, big enough to make encoding calls few. */
const BATCH = 1 << 16;

export class ByteWriter {
  private buffer: Uint8Array;
  private length = 0;
  private pending = '';

  constructor(expectedBytes: number) {
    this.buffer = new Uint8Array(Math.max(1024, expectedBytes));
  }

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= BATCH) this.flush();
  }

  private flush(): void {
    // A UTF-16 code unit never takes more than three bytes in UTF-8.
    const room = this.pending.length * 3;
    if (this.buffer.length - this.length < room) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + room));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += encoder.encodeInto(this.pending, this.buffer.subarray(this.length)).written;
    this.pending = '';
  }

  /** The bytes written (a view, not a copy). */
  bytes(): Uint8Array {
    this.flush();
    return this.buffer.subarray(0, this.length);
  }
}
