/**
 * A part's bytes built piece by piece, straight into one growing buffer:
 * rewriting a big sheet writes millions of small pieces, and a string for
 * each (or one string of them all) would be garbage to collect and encode.
 * Short pieces are copied a character at a time; longer ones by Node's
 * Buffer.write, which needs no view and no result object per call (in the
 * pane, where there is no Buffer, by the encoder).
 */
const encoder = new TextEncoder();

interface NodeBuffer extends Uint8Array {
  write(text: string, offset: number): number;
}

/** The UTF-8 step Buffer.write takes once it has checked its arguments. */
interface Utf8Writer {
  utf8Write(text: string, offset: number, length: number): number;
}

const NodeBuffer = (globalThis as { Buffer?: { allocUnsafeSlow(size: number): NodeBuffer; from(memory: ArrayBufferLike, offset: number, length: number): NodeBuffer; prototype: object } }).Buffer;

/**
 * Buffer.write's checks of its offset and length cost as much again as the
 * encoding on pieces of a few dozen characters (19 of 38 ms of the patch of
 * 10,000 measures), and the writer has checked them already: its UTF-8 step
 * is called directly. It is not documented, so where a Node lacks it,
 * Buffer.write.
 */
const hasUtf8Write = typeof (NodeBuffer?.prototype as Partial<Utf8Writer> | undefined)?.utf8Write === 'function';

function allocate(size: number): Uint8Array {
  return NodeBuffer ? NodeBuffer.allocUnsafeSlow(size) : new Uint8Array(size);
}

/** All the memory from the start of `spare` to the end of its buffer, when there are `size` bytes of it. */
function room(spare: Uint8Array | undefined, size: number): Uint8Array | undefined {
  if (!spare) return undefined;
  const length = spare.buffer.byteLength - spare.byteOffset;
  if (length < size) return undefined;
  return NodeBuffer ? NodeBuffer.from(spare.buffer, spare.byteOffset, length) : new Uint8Array(spare.buffer, spare.byteOffset, length);
}

/**
 * Up to this many characters a JavaScript loop beats a call into native code:
 * a call costs about 60 ns, and for a long piece a slice of the text to pass
 * it, which is garbage for the collector; the loop about 1.5 ns a character.
 * 64 rather than 16 took 15 ms off the apply of 10,000 measures (0.65 s).
 */
const SHORT = 64;

export class ByteWriter {
  private buffer: Uint8Array;
  /** The bytes written so far. */
  length = 0;

  /** `spare`: memory nothing else reads, to write over when there is room for the expected bytes in it (see PackageParts.takeSpare). */
  constructor(expectedBytes: number, spare?: Uint8Array) {
    const size = Math.max(1024, expectedBytes);
    this.buffer = room(spare, size) ?? allocate(size);
  }

  /** Room for `bytes` more. */
  private reserve(bytes: number): Uint8Array {
    if (this.buffer.length - this.length < bytes) {
      // Half again, not double: a big sheet's buffer is tens of megabytes.
      const grown = allocate(Math.max(this.buffer.length + (this.buffer.length >> 1), this.length + bytes));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    return this.buffer;
  }

  write(text: string): void {
    this.slice(text, 0, text.length);
  }

  /** text.slice(from, to), without making the slice when it is short. */
  slice(text: string, from: number, to: number): void {
    const count = to - from;
    if (count <= 0) return;
    // A UTF-16 code unit never takes more than three bytes in UTF-8.
    const buffer = this.reserve(count * 3);
    if (count > SHORT) {
      const piece = from === 0 && to === text.length ? text : text.slice(from, to);
      this.length += hasUtf8Write
        ? (buffer as unknown as Utf8Writer).utf8Write(piece, this.length, buffer.length - this.length)
        : NodeBuffer
          ? (buffer as NodeBuffer).write(piece, this.length)
          : encoder.encodeInto(piece, buffer.subarray(this.length)).written;
      return;
    }
    let at = this.length;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        this.length = at + encoder.encodeInto(text.slice(i, to), buffer.subarray(at)).written;
        return;
      }
      buffer[at++] = code;
    }
    this.length = at;
  }

  /** Bytes already encoded. */
  copy(bytes: Uint8Array): void {
    const buffer = this.reserve(bytes.length);
    if (bytes.length > SHORT) buffer.set(bytes, this.length);
    else for (let i = 0, at = this.length; i < bytes.length; i++, at++) buffer[at] = bytes[i];
    this.length += bytes.length;
  }

  /** One ASCII character, by its code. */
  byte(code: number): void {
    this.reserve(1)[this.length++] = code;
  }

  /** A whole number in decimal, as String(n) writes it. */
  number(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0 || n > 0x7fffffff) {
      this.write(String(n));
      return;
    }
    let digits = 1;
    for (let rest = n; rest >= 10; rest = (rest / 10) | 0) digits++;
    const buffer = this.reserve(digits);
    let rest = n;
    for (let i = this.length + digits - 1; i >= this.length; i--) {
      buffer[i] = 48 + (rest % 10);
      rest = (rest / 10) | 0;
    }
    this.length += digits;
  }

  /**
   * Drops what was written after `mark`. Views bytes() gave stay as they
   * were (their bytes may be being deflated): the writer goes on in a copy.
   */
  rewind(mark: number): void {
    const buffer = allocate(this.buffer.length);
    buffer.set(this.buffer.subarray(0, mark));
    this.buffer = buffer;
    this.length = mark;
  }

  /** The bytes written (a view, not a copy). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
