/**
 * A big sheet's rows are deflated on the thread pool in pieces while they and
 * the rest of the package are written, and joined between what comes before
 * and after them (the views and a drawing, which may still change). The
 * pieces joined must be one valid DEFLATE stream, whatever steps the rows were
 * written in, and the workbook the same one the plain way writes.
 */
import { inflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { openWorkbook } from '../../../src/adapters/file';
import { ByteWriter } from '../../../src/adapters/file/package/byte-writer';
import { deflatedAround, RowsDeflater } from '../../../src/adapters/file/package/zip';
import type { WritePlan } from '../../../src/model/plan';
import { minimalPackage } from '../../fixtures/package/minimal-package';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Sheet-like text of `bytes` bytes that repeats at a distance (so pieces reach back into the ones before). */
function rowsText(bytes: number): Uint8Array {
  const text: string[] = [];
  let length = 0;
  for (let r = 1; length < bytes; r++) {
    const row = `<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 10007}</v></c><c r="B${r}" s="1"><v>${r % 97}.5</v></c></row>`;
    text.push(row);
    length += row.length;
  }
  return new TextEncoder().encode(text.join(''));
}

/** The rows deflated as a writer writes them after `head`, in steps of the given sizes (cycled), telling the deflater after each. */
function deflatedInSteps(head: Uint8Array, rows: Uint8Array, steps: number[]): Promise<Uint8Array[]> | undefined {
  // Starting small, the writer grows (and moves its bytes) while pieces are being deflated.
  const out = new ByteWriter(1024);
  out.copy(head);
  const deflater = new RowsDeflater(out.length);
  for (let at = 0, step = 0; at < rows.length; step++) {
    const next = Math.min(rows.length, at + steps[step % steps.length]);
    out.copy(rows.subarray(at, next));
    deflater.wrote(out);
    at = next;
  }
  return deflater.finish(out);
}

describe('deflating a part ahead, in pieces', () => {
  it('joins the pieces between any head and end into a stream that inflates to the three', async () => {
    const rows = rowsText(3_500_000);
    const pieces = (await deflatedInSteps(new Uint8Array(0), rows, [rows.length])) as Uint8Array[];
    // Four pieces of a megabyte, each as zlib wrote it: its bytes, then what the flush ending it wrote.
    expect(pieces.length).toBe(8);
    const ends = ['', '</worksheet>', '<pageMargins left="0.7"/><drawing r:id="rId1"/></worksheet>'];
    for (const [head, end] of [['', ''], ...['<worksheet><sheetViews><sheetView tabSelected="1"/></sheetViews>', '<worksheet>'].flatMap((h) => ends.map((e) => [h, e]))]) {
      const [headBytes, endBytes] = [head, end].map((text) => new TextEncoder().encode(text));
      const inflated = new Uint8Array(inflateRawSync(Buffer.concat(deflatedAround(headBytes, pieces, endBytes))));
      expect(inflated.length).toBe(headBytes.length + rows.length + endBytes.length);
      expect(Buffer.compare(inflated.subarray(0, headBytes.length), headBytes)).toBe(0);
      expect(Buffer.compare(inflated.subarray(headBytes.length, headBytes.length + rows.length), rows)).toBe(0);
      expect(Buffer.compare(inflated.subarray(headBytes.length + rows.length), endBytes)).toBe(0);
    }
  });

  it('deflates the rows to the same pieces whatever steps they are written in, after any head', async () => {
    const rows = rowsText(2_300_000);
    const whole = (await deflatedInSteps(new Uint8Array(0), rows, [rows.length])) as Uint8Array[];
    const head = new TextEncoder().encode('<worksheet><sheetViews><sheetView workbookViewId="0"/></sheetViews>');
    for (const steps of [[1], [97, 4_099], [65_536], [1_048_575, 2], [1_048_576]]) {
      // Steps of a byte are slow to write: a shorter run of rows for those.
      const written = steps[0] === 1 ? rows.subarray(0, 1_100_000) : rows;
      const pieces = (await deflatedInSteps(head, written, steps)) as Uint8Array[];
      const expected = written === rows ? whole : ((await deflatedInSteps(new Uint8Array(0), written, [written.length])) as Uint8Array[]);
      expect(pieces.map((piece) => Buffer.from(piece).toString('base64'))).toEqual(expected.map((piece) => Buffer.from(piece).toString('base64')));
    }
  });

  it('leaves rows of less than a piece to be deflated with their part', () => {
    expect(deflatedInSteps(new Uint8Array(0), rowsText(1_000_000), [4_096])).toBeUndefined();
  });

  it('writes a big sheet whose tab is deselected after its rows are written: every row kept, the views changed, checksums right', async () => {
    const rows = 40_000;
    const sheetData = Array.from({ length: rows }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="B${r + 1}"><v>${r / 8}</v></c></row>`).join('');
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData>${sheetData}</sheetData></worksheet>`;
    const input = minimalPackage({ sheets: [{ name: 'Measures', xml }] });
    const plan: WritePlan = {
      styles: { met: { fill: '#A9D18E' } },
      sheets: [
        { name: 'Measures', mode: 'existing', values: [{ row: 0, col: 2, values: [['Status']] }], styles: [], columnStyles: [{ col: 1, rows: Array.from({ length: rows }, (_, r) => r), styles: new Uint16Array(rows), names: ['met'] }] },
        { name: 'Summary', mode: 'generated', values: [{ row: 0, col: 0, values: [['Summary']] }], styles: [] },
      ],
      removeSheets: [],
      front: ['Summary'],
    };
    const out = await (await openWorkbook(input)).write(plan);
    // Read back through the package reader, which checks every part's size and CRC.
    const sheet = (await openWorkbook(out)).grids.sheets.find((s) => s.name === 'Measures');
    expect(sheet?.rows.length).toBe(rows);
    expect(sheet?.rows[0]?.[2]).toEqual({ value: 'Status' });
    expect(sheet?.rows[rows - 1]?.[1]).toEqual({ value: (rows - 1) / 8 });
    const written = strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml']);
    expect(written).toContain('<sheetView workbookViewId="0"/>');
    expect(written.match(/<row /g)?.length).toBe(rows);
  });

  it('writes a big sheet whose rows turn out of order after megabytes of them: the pieces deflated so far are dropped, every row written once', async () => {
    const rows = 40_000;
    // Row 2 comes last: the patcher learns only at the end that the rows are out of order, and writes them again sorted.
    const order = [1, ...Array.from({ length: rows - 2 }, (_, i) => i + 3), 2];
    const sheetData = order.map((r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r / 8}</v></c></row>`).join('');
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`;
    expect(sheetData.length).toBeGreaterThan(2_500_000);
    const plan: WritePlan = {
      styles: { met: { fill: '#A9D18E' } },
      sheets: [{ name: 'Measures', mode: 'existing', values: [], styles: [], columnStyles: [{ col: 1, rows: Array.from({ length: rows }, (_, r) => r), styles: new Uint16Array(rows), names: ['met'] }] }],
      removeSheets: [],
    };
    const out = await (await openWorkbook(minimalPackage({ sheets: [{ name: 'Measures', xml }] }))).write(plan);
    // Read back through the package reader, which checks every part's size and CRC.
    const sheet = (await openWorkbook(out)).grids.sheets.find((s) => s.name === 'Measures');
    expect(sheet?.rows.map((row) => row?.[0]?.value)).toEqual(Array.from({ length: rows }, (_, r) => r + 1));
    const written = strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml']);
    expect(written.match(/<row r="(\d+)"/g)?.map((tag) => Number(tag.slice(8, -1)))).toEqual(Array.from({ length: rows }, (_, r) => r + 1));
  });

  it('writes a big generated sheet with a chart: the <drawing> goes in after its rows, which are deflated ahead and kept whole', async () => {
    const rows = 30_000;
    const values = Array.from({ length: rows }, (_, r) => [`Measure ${r + 1} with a name long enough to make a big sheet`, r, r / 4]);
    const plan: WritePlan = {
      styles: {},
      sheets: [
        {
          name: 'Commentary',
          mode: 'generated',
          values: [{ row: 0, col: 0, values }],
          styles: [],
          charts: [
            {
              kind: 'line',
              title: 'Trend',
              anchor: { row: 0, col: 4, rowCount: 15, colCount: 6 },
              categories: { row: 0, col: 0, rowCount: 4, colCount: 1 },
              series: [{ name: 'Value', values: { row: 0, col: 2, rowCount: 4, colCount: 1 }, colour: '#1F4E79' }],
            },
          ],
        },
      ],
      removeSheets: [],
      front: ['Commentary'],
    };
    const out = await (await openWorkbook(minimalPackage({ sheets: [{ name: 'Measures', xml: `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>` }] }))).write(plan);
    // Read back through the package reader, which checks every part's size and CRC.
    const sheet = (await openWorkbook(out)).grids.sheets.find((s) => s.name === 'Commentary');
    expect(sheet?.rows.length).toBe(rows);
    expect(sheet?.rows[rows - 1]?.[2]).toEqual({ value: (rows - 1) / 4 });
    const files = unzipSync(out);
    const written = strFromU8(files['xl/worksheets/sheet2.xml']);
    expect(written.length).toBeGreaterThan(3_000_000);
    expect(written.match(/<row /g)?.length).toBe(rows);
    // In schema order: after the rows and the page setup; the sheet is the selected one.
    expect(written).toMatch(/<\/sheetData>.*<pageMargins[^>]*\/>.*<drawing r:id="rId\d+"\/><\/worksheet>$/s);
    expect(written).toContain('tabSelected="1"');
    expect(Object.keys(files).filter((name) => name.startsWith('xl/charts/'))).toEqual(['xl/charts/chart1.xml']);
  });
});

