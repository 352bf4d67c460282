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

  it('copies slices of a text, short and long, ASCII or not, as their UTF-8', () => {
    const text = `<row r="7"><c r="A7"><v>1</v></c><c r="B7" t="inlineStr"><is><t>café £5 – ✓ 𝔸 ${'x'.repeat(300)} ✓</t></is></c></row>`.repeat(3);
    // Pieces from a few characters to a few hundred, so some of each length hold non-ASCII characters
    // (cut, as the patcher cuts, between characters: never inside a surrogate pair).
    const isHighSurrogate = (at: number) => (text.charCodeAt(at) & 0xfc00) === 0xd800;
    for (const step of [3, 17, 70, 150, 400]) {
      const writer = new ByteWriter(0);
      for (let from = 0, to = 0; from < text.length; from = to) {
        to = Math.min(from + step, text.length);
        if (isHighSurrogate(to - 1)) to++;
        writer.slice(text, from, to);
      }
      expect(new TextDecoder().decode(writer.bytes())).toBe(text);
    }
  });

  it('writes numbers as String() does, and drops what is written after a length it is set back to', () => {
    const writer = new ByteWriter(4);
    const numbers = [0, 7, 10, 99, 1048576, 2147483647, 2147483648, -3, 1.5, 1e21, -0];
    for (const n of numbers) {
      writer.number(n);
      writer.byte(44);
    }
    const mark = writer.length;
    writer.write('dropped');
    writer.length = mark;
    writer.write('end');
    expect(new TextDecoder().decode(writer.bytes())).toBe(`${numbers.map((n) => String(n)).join(',')},end`);
  });
});
