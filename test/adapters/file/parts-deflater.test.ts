/**
 * New parts of a patched package are deflated on a thread of their own as
 * they are set (a commentary of 10,000 measures adds 10,000 charts). The zip
 * must hold the bytes the zip writer would have deflated itself, and a part
 * the thread does not answer for is left to the zip writer.
 */
import { deflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { openWorkbook } from '../../../src/adapters/file';
import { PartsDeflater } from '../../../src/adapters/file/package/parts-deflater';
import { DEFLATE_LEVEL, readZipDirectory } from '../../../src/adapters/file/package/zip';
import type { ChartSpec, WritePlan } from '../../../src/model/plan';
import { minimalPackage } from '../../fixtures/package/minimal-package';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** XML-like bytes, different from part to part. */
function partBytes(seed: number, bytes: number): Uint8Array {
  const text: string[] = [];
  for (let i = 0, length = 0; length < bytes; i++) {
    const piece = `<c:pt idx="${i}"><c:v>${(seed * 7919 + i * 104_729) % 100_003}</c:v></c:pt>`;
    text.push(piece);
    length += piece.length;
  }
  return new TextEncoder().encode(text.join(''));
}

const zlibDeflated = (data: Uint8Array) => Buffer.from(deflateRawSync(data, { level: DEFLATE_LEVEL })).toString('base64');
const base64 = (data: Uint8Array) => Buffer.from(data).toString('base64');

describe('the parts deflater', () => {
  it('deflates parts of more than a batch on its thread to the bytes zlib makes, views of bigger buffers too', async () => {
    const deflater = new PartsDeflater(DEFLATE_LEVEL);
    const parts = Array.from({ length: 60 }, (_, i) => partBytes(i, 40_000));
    // A view in the middle of a bigger buffer is deflated as the view alone.
    const around = partBytes(99, 120_000);
    parts.push(around.subarray(30_000, 70_000));
    const deflating = parts.map((part) => deflater.deflate(part));
    deflater.finish();
    const deflated = await Promise.all(deflating);
    deflater.close();
    expect(deflated.map(base64)).toEqual(parts.map(zlibDeflated));
  });

  it('leaves less than a batch to the zip writer, and what the thread had not answered when closed', async () => {
    const few = new PartsDeflater(DEFLATE_LEVEL);
    const small = few.deflate(partBytes(1, 10_000));
    few.finish();
    await expect(small).rejects.toThrow('left to the zip writer');

    const closed = new PartsDeflater(DEFLATE_LEVEL);
    const sent = Array.from({ length: 40 }, (_, i) => closed.deflate(partBytes(i, 40_000)));
    closed.close();
    for (const part of sent) await expect(part).rejects.toThrow('closed');
    await expect(closed.deflate(partBytes(2, 10_000))).rejects.toThrow('closed');
  });

  it('leaves parts to the zip writer while more than 32 MB wait for the thread, and deflates the others', async () => {
    const deflater = new PartsDeflater(DEFLATE_LEVEL);
    // Sent far faster than deflated: a megabyte is copied in well under a millisecond, and deflated in several.
    const part = partBytes(3, 1 << 20);
    const settled = await Promise.allSettled(Array.from({ length: 48 }, () => deflater.deflate(part)));
    deflater.close();
    const left = settled.filter((s) => s.status === 'rejected');
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((s) => String(s.reason).includes('left to the zip writer'))).toBe(true);
    const deflated = settled.flatMap((s) => (s.status === 'fulfilled' ? [base64(s.value)] : []));
    expect(deflated.length).toBeGreaterThanOrEqual(32);
    expect(new Set(deflated)).toEqual(new Set([zlibDeflated(part)]));
  });

  it('writes a workbook with hundreds of charts: each chart part deflated as the zip writer deflates, checksums right', async () => {
    const charts = 300;
    const chart = (i: number): ChartSpec => ({
      kind: 'line',
      title: `Trend of measure ${i + 1}`,
      anchor: { row: i * 16, col: 4, rowCount: 15, colCount: 6 },
      categories: { row: 0, col: 0, rowCount: 12, colCount: 1 },
      series: [
        { name: 'Value', values: { row: 0, col: 1, rowCount: 12, colCount: 1 }, colour: '#1F4E79' },
        { name: 'Target', values: { row: 0, col: 2, rowCount: 12, colCount: 1 }, colour: '#C55A11' },
      ],
    });
    const plan: WritePlan = {
      styles: {},
      sheets: [
        {
          name: 'Commentary',
          mode: 'generated',
          values: [{ row: 0, col: 0, values: Array.from({ length: 12 }, (_, r) => [`Q${(r % 4) + 1} ${2015 + Math.floor(r / 4)}/${16 + Math.floor(r / 4)}`, r * 1.5, 10]) }],
          styles: [],
          charts: Array.from({ length: charts }, (_, i) => chart(i)),
        },
      ],
      removeSheets: [],
      front: ['Commentary'],
    };
    const input = minimalPackage({ sheets: [{ name: 'Measures', xml: `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>` }] });
    const out = await (await openWorkbook(input)).write(plan);
    // Read back through the package reader, which checks every part's size and CRC.
    expect((await openWorkbook(out)).grids.sheets.map((s) => s.name)).toEqual(['Commentary', 'Measures']);
    const files = unzipSync(out);
    const chartParts = Object.keys(files).filter((name) => name.startsWith('xl/charts/'));
    expect(chartParts).toHaveLength(charts);
    // Each big enough to be sent to the thread, together more than a batch: the thread was started, and its bytes are the zip writer's.
    expect(Math.min(...chartParts.map((name) => files[name].length))).toBeGreaterThan(4096);
    expect(chartParts.reduce((sum, name) => sum + files[name].length, 0)).toBeGreaterThan(1 << 20);
    expect(strFromU8(files['xl/charts/chart300.xml'])).toContain('Trend of measure 300');
    for (const entry of readZipDirectory(out, 1_000).filter((e) => e.name.startsWith('xl/charts/'))) {
      expect(base64(out.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize))).toBe(zlibDeflated(files[entry.name]));
    }
  });
});
