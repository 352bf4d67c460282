import * as zlib from 'node:zlib';
import { deflateRawSync, inflateRawSync } from '../../../src/adapters/office/browser-zlib';

const text = new TextEncoder().encode('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>'.repeat(200));

test('what the browser deflates, Node inflates, and the other way round', () => {
  expect(new Uint8Array(zlib.inflateRawSync(deflateRawSync(text, { level: 6 })))).toEqual(text);
  expect(inflateRawSync(new Uint8Array(zlib.deflateRawSync(text)), { maxOutputLength: text.length })).toEqual(text);
});

test('refuses output larger than the entry says, as Node does', () => {
  expect(() => inflateRawSync(new Uint8Array(zlib.deflateRawSync(text)), { maxOutputLength: 10 })).toThrow(RangeError);
});
