/** The byte writer: what it encodes is exactly the UTF-8 of what was written, however it grows. */
import { ByteWriter } from '../../../src/adapters/file/package/byte-writer';

describe('ByteWriter', () => {
  it('encodes many pieces, across batches and growth, to the UTF-8 of their join', () => {
    const pieces = Array.from({ length: 30_000 }, (_, i) => (i % 7 === 0 ? `<t>£${i} – café ✓ 𝔸</t>` : `<c r="A${i}"><v>${i / 8}</v></c>`));
    const writer = new ByteWriter(16);
    for (const piece of pieces) writer.write(piece);
    const bytes = writer.bytes();
    expect(bytes.length).toBe(Buffer.byteLength(pieces.join('')));
    expect(new TextDecoder().decode(bytes)).toBe(pieces.join(''));
  });

  it('gives the bytes written so far, and goes on after', () => {
    const writer = new ByteWriter(0);
    writer.write('abc');
    expect(new TextDecoder().decode(writer.bytes())).toBe('abc');
    writer.write('dé');
    expect(new TextDecoder().decode(writer.bytes())).toBe('abcdé');
  });
});
