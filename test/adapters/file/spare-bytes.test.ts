/**
 * A big sheet's patched copy is written over the bytes it was read from
 * (PackageParts.takeSpare), in the room inflating left behind them. Those
 * bytes are given once, only when nothing else can still read them, and the
 * workbook written is the same as one written into fresh memory.
 */
import { strFromU8, unzipSync } from 'fflate';
import { openWorkbook } from '../../../src/adapters/file';
import { ByteWriter } from '../../../src/adapters/file/package/byte-writer';
import { PackageParts } from '../../../src/adapters/file/package/parts';
import type { WritePlan } from '../../../src/model/plan';
import { minimalPackage, worksheetXml } from '../../fixtures/package/minimal-package';

const ROWS = 40_000;
const SHEET_PART = 'xl/worksheets/sheet1.xml';

/** A sheet of a few megabytes: figures in A and B, a row a line. */
function bigSheetXml(rows = ROWS): string {
  return worksheetXml(Array.from({ length: rows }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="B${r + 1}"><v>${r / 8}</v></c></row>`).join(''));
}

function bigPackage(): Uint8Array {
  return minimalPackage({ sheets: [{ name: 'Measures', xml: bigSheetXml() }] });
}

const PLAN: WritePlan = {
  styles: { met: { fill: '#A9D18E' } },
  sheets: [{ name: 'Measures', mode: 'existing', values: [{ row: 0, col: 2, values: [['Status']] }], styles: [], columnStyles: [{ col: 1, rows: Array.from({ length: ROWS }, (_, r) => r), styles: new Uint32Array(ROWS), names: ['met'] }] }],
  removeSheets: [],
};

describe('writing a sheet over the bytes it was read from', () => {
  it('the byte writer writes into spare memory when it has room for the expected bytes, and into its own otherwise', () => {
    const spare = new Uint8Array(new ArrayBuffer(4096), 1024, 2048);
    const roomy = new ByteWriter(3000, spare);
    roomy.write('<c r="A1"><v>café</v></c>');
    expect(roomy.bytes().buffer).toBe(spare.buffer);
    expect(new TextDecoder().decode(roomy.bytes())).toBe('<c r="A1"><v>café</v></c>');
    const cramped = new ByteWriter(3100, spare);
    cramped.write('x');
    expect(cramped.bytes().buffer).not.toBe(spare.buffer);
  });

  it('a big part read as text gives its bytes once, with room behind them; a small part, a smaller big one, or one get() lent, gives none', () => {
    const parts = PackageParts.fromZip(bigPackage());
    const text = parts.text(SHEET_PART) as string;
    expect(text.length).toBeGreaterThan(2_000_000);
    const spare = parts.takeSpare(SHEET_PART) as Uint8Array;
    expect(strFromU8(spare)).toBe(text);
    expect(spare.buffer.byteLength - spare.byteOffset).toBeGreaterThan(spare.length * 1.4);
    expect(parts.takeSpare(SHEET_PART)).toBeUndefined();

    parts.text('xl/workbook.xml');
    expect(parts.takeSpare('xl/workbook.xml')).toBeUndefined();

    // Of two big sheets read, only the bigger's bytes are held: the other's are let go as they were.
    const two = PackageParts.fromZip(minimalPackage({ sheets: [{ name: 'Measures', xml: bigSheetXml() }, { name: 'More', xml: bigSheetXml(ROWS * 2) }] }));
    two.text(SHEET_PART);
    two.text('xl/worksheets/sheet2.xml');
    expect(two.takeSpare(SHEET_PART)).toBeUndefined();
    expect(two.takeSpare('xl/worksheets/sheet2.xml')?.length).toBe(two.text('xl/worksheets/sheet2.xml')?.length);

    const lending = PackageParts.fromZip(bigPackage());
    const lent = lending.get(SHEET_PART) as Uint8Array;
    lending.text(SHEET_PART);
    expect(lending.takeSpare(SHEET_PART)).toBeUndefined();
    expect(strFromU8(lent)).toBe(text);
  });

  it('writes the patched sheet over the spare bytes, and the same workbook again from the same opened workbook', async () => {
    const taken = jest.spyOn(PackageParts.prototype, 'takeSpare');
    const opened = await openWorkbook(bigPackage());
    const first = await opened.write(PLAN);
    const spare = taken.mock.results[0]?.value as Uint8Array;
    // The first write let the sheet's text go: the second reads the sheet again, into bytes of its own.
    const second = await opened.write(PLAN);
    expect(taken.mock.results[1]?.value).not.toBe(spare);
    taken.mockRestore();
    expect(Buffer.compare(first, second)).toBe(0);
    const sheet = strFromU8(unzipSync(first)[SHEET_PART]);
    // The patched sheet was written where the sheet's bytes were read from (its rows begin at the same place).
    const rowsFrom = sheet.indexOf('<row ');
    expect(strFromU8(new Uint8Array(spare.buffer, spare.byteOffset, sheet.length)).slice(rowsFrom, rowsFrom + 2000)).toBe(sheet.slice(rowsFrom, rowsFrom + 2000));
    expect(sheet).toContain('<c r="B1" s="');
    expect(sheet.match(/<row /g)?.length).toBe(ROWS);
    const reread = (await openWorkbook(first)).grids.sheets[0];
    expect(reread.rows[0]?.[2]).toEqual({ value: 'Status' });
    expect(reread.rows[ROWS - 1]?.[1]).toEqual({ value: (ROWS - 1) / 8 });
  });
});
