/** The worksheet reader's own reading of figures must give exactly what Number() gives, or leave the text to Number(). */
import fc from 'fast-check';
import { numberAt, plainNumberAt } from '../../../src/adapters/file/package/plain-number';

/** The reading of `text` where it lies inside a longer one, as the reader meets it. */
function readInPlace(text: string): number {
  return plainNumberAt(`<v>${text}</v>`, 3, 3 + text.length);
}

describe('reading plain figures from their characters', () => {
  it('reads the figures sheets hold exactly as Number() does, minus zero included', () => {
    for (const text of ['0', '80', '68.4', '-0', '-0.0', '0.1', '0.3', '.5', '-.5', '007', '1.10', '123456789012345', '0.000000000000001', '0.0000000000000000000001', '-000000000000000000068.4', '-99999.99999', '9007199254740.5', '0.1234567890123']) {
      expect(Object.is(readInPlace(text), Number(text))).toBe(true);
    }
  });

  it('leaves to Number() what is not a plain decimal of at most 15 digits', () => {
    for (const text of ['', '-', '.', '1.', '+5', ' 42', '42 ', '1e3', '1E-7', '1.0000000000000002', '1234567890123456', '9007199254740993', '0.00000000000000000000001', '1.2.3', '--1', '0x10', 'Infinity', 'NaN', '1,000', '١٢']) {
      expect(readInPlace(text)).toBeNaN();
    }
  });

  it('agrees with Number() on every decimal it reads', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^0{0,3}[0-9]{0,15}$/), fc.option(fc.stringMatching(/^[0-9]{0,23}$/)))
      .map(([minus, whole, fraction]) => `${minus ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(decimal, (text) => {
        const read = readInPlace(text);
        if (!Number.isNaN(read)) expect(Object.is(read, Number(text))).toBe(true);
        else expect(/^-?(\d+|\d*\.\d{1,22})$/.test(text) && text.replace(/\D/g, '').replace(/^0+/, '').length <= 15).toBe(false);
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with Number() on how JavaScript and Excel write doubles', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), fc.integer({ min: 0, max: 15 }), (value, places) => {
        for (const text of [String(value), value.toFixed(places), value.toPrecision(15)]) {
          const read = readInPlace(text);
          if (!Number.isNaN(read)) expect(Object.is(read, Number(text))).toBe(true);
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads any text as Number() does through numberAt, plain or not (the patcher reads row numbers and formats with it)', () => {
    for (const text of ['', '12', '007', '-0', '68.4', '1.', '+5', ' 42', '1e3', '0x10', 'Infinity', 'x', '1,000']) {
      expect(Object.is(numberAt(`s="${text}"`, 3, 3 + text.length), Number(text))).toBe(true);
    }
  });
});
