/** Reading grids straight from the package, and refusing files that would exhaust memory. */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openWorkbook, WorkbookReadError } from '../../../src/adapters/file';
import { inflateEntry, inflateEntryAhead, readZipDirectory, type ZipEntry } from '../../../src/adapters/file/package/zip';
import { minimalPackage, worksheetXml } from '../../fixtures/package/minimal-package';
import { packageProblems } from './package-validity';

async function excelJsBook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Measures');
  sheet.addRow(['Measure', 'Actual', 'Met?', 'As at', 'Rate', 'Average']);
  sheet.addRow(['Children in care', 64.25, true, new Date(Date.UTC(2018, 2, 31)), 0.875, { formula: 'AVERAGE(B2:B3)', result: 60.125 }]);
  sheet.addRow([{ richText: [{ text: 'Care ' }, { font: { bold: true }, text: 'leavers' }] }, 56, false, null, { error: '#N/A' }]);
  sheet.getCell('E2').numFmt = '0.0%';
  sheet.addTable({
    name: 'Figures',
    ref: 'A6',
    columns: [{ name: 'Ref' }, { name: 'Value' }],
    rows: [['A', 1], ['B', 2]],
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('reading grids from the package', () => {
  it('reads numbers, shared and rich strings, booleans, errors, dates, formulas, number formats and tables', async () => {
    const { grids } = await openWorkbook(await excelJsBook());
    const [sheet] = grids.sheets;
    expect(sheet.name).toBe('Measures');
    expect(sheet.rows[1]).toEqual([
      { value: 'Children in care' },
      { value: 64.25 },
      { value: true },
      { value: 43190, numberFormat: 'mm-dd-yy' },
      { value: 0.875, numberFormat: '0.0%' },
      { value: 60.125, formula: 'AVERAGE(B2:B3)' },
    ]);
    expect(sheet.rows[2].slice(0, 5)).toEqual([{ value: 'Care leavers' }, { value: 56 }, { value: false }, undefined, { value: { error: '#N/A' } }]);
    expect(sheet.tables).toEqual([{ name: 'Figures', top: 5, left: 0, bottom: 7, right: 1 }]);
  });

  it('reads inline strings, phonetic runs, ISO dates, missing references, shared formulas and the x: prefix', async () => {
    const data =
      '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>Re-</x:t></x:r><x:r><x:t xml:space="preserve">referrals </x:t></x:r><x:rPh sb="0" eb="1"><x:t>ignored</x:t></x:rPh></x:is></x:c>' +
      '<x:c t="d"><x:v>2017-03-31</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>' +
      '<x:row r="4"><x:c r="B4"><x:v>10</x:v></x:c><x:c r="C4"><x:f t="shared" ref="C4:C5" si="0">B4*2</x:f><x:v>20</x:v></x:c></x:row>' +
      '<x:row><x:c r="B5"><x:v>11</x:v></x:c><x:c r="C5"><x:f t="shared" si="0"/><x:v>22</x:v></x:c><x:c r="D5" t="str"><x:f>"Q"&amp;B5</x:f><x:v>Q11</x:v></x:c></x:row>';
    const bytes = minimalPackage({
      sheets: [{ name: 'Data', xml: worksheetXml(data, 'x') }],
      sharedStrings: ['<si><t>first</t></si>', '<si><r><t>Lower </t></r><r><rPr><b/></rPr><t>is better</t></r></si>'],
    });
    const [sheet] = (await openWorkbook(bytes)).grids.sheets;
    expect(sheet.rows[0]).toEqual([{ value: 'Re-referrals ' }, { value: 42825 }, { value: 'Lower is better' }]);
    expect(sheet.rows[3]).toEqual([undefined, { value: 10 }, { value: 20, formula: 'B4*2' }]);
    expect(sheet.rows[4]).toEqual([undefined, { value: 11 }, { value: 22, formula: 'B5*2' }, { value: 'Q11', formula: '"Q"&B5' }]);
  });

  it('reads what other generators write: quotes, spacing, comments, CDATA, entities and unknown elements', async () => {
    const data =
      "<?hint kept?><!-- a comment between rows --><row r = '1' spans='1:3'>" +
      "<c r='A1' t='inlineStr' data-note=\"a > b\"><is><t><![CDATA[Fish & <chips>]]></t></is></c>" +
      '<c r="B1"\n s="0"><extLst><ext uri="x"><x14:thing xmlns:x14="y"/></ext></extLst><v>1.5</v></c>' +
      '<c r="C1" t="str"><v>&#x20AC;5 &amp; &#163;4</v></c><c r="D1"><v/></c></row>' +
      '<row r="3"><c r="A3" t="b"><v>1</v></c></row>';
    const bytes = minimalPackage({ sheets: [{ name: 'Data', xml: worksheetXml(data) }] });
    const [sheet] = (await openWorkbook(bytes)).grids.sheets;
    expect(sheet.rows[0]).toEqual([{ value: 'Fish & <chips>' }, { value: 1.5 }, { value: '€5 & £4' }]);
    expect(sheet.rows[2]).toEqual([{ value: true }]);
  });

  it.each([
    ['an end tag that closes the wrong element', '<row r="1"><c r="A1"><v>1</v></row></c>', /<\/row> where <\/c> was expected/],
    ['an unclosed value', '<row r="1"><c r="A1"><v>1', /<v> is not closed/],
    ['an unclosed comment', '<row r="1"><!-- <c r="A1"/>', /<!-- section is not closed/],
    ['an element inside a value', '<row r="1"><c r="A1"><v><b/>1</v></c></row>', /<v> holds an element where text was expected/],
  ])('names the damaged part when a sheet has %s', async (_title, data, reason) => {
    const bytes = minimalPackage({ sheets: [{ name: 'S', xml: worksheetXml(data) }] });
    await expect(openWorkbook(bytes)).rejects.toThrow(/the part xl\/worksheets\/sheet1.xml is damaged/);
    await expect(openWorkbook(bytes)).rejects.toThrow(reason);
  });

  it('maps built-in and custom number format ids to their codes', async () => {
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot; days&quot;"/></numFmts>' +
      '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>';
    const data = '<row r="1"><c r="A1" s="1"><v>43190</v></c><c r="B1" s="2"><v>12.5</v></c><c r="C1" s="3"><v>0.5</v></c><c r="D1" s="0"><v>7</v></c></row>';
    const [sheet] = (await openWorkbook(minimalPackage({ sheets: [{ name: 'S', xml: worksheetXml(data) }], styles }))).grids.sheets;
    expect(sheet.rows[0]).toEqual([
      { value: 43190, numberFormat: 'mm-dd-yy' },
      { value: 12.5, numberFormat: '0.0" days"' },
      { value: 0.5, numberFormat: '0.00%' },
      { value: 7 },
    ]);
  });

  it('writes into a sheet that uses the x: prefix, keeping the prefix', async () => {
    const bytes = minimalPackage({ sheets: [{ name: 'Data', xml: worksheetXml('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>', 'x') }] });
    const opened = await openWorkbook(bytes);
    const out = await opened.write({
      styles: { met: { fill: '#A9D18E' } },
      sheets: [{ name: 'Data', mode: 'existing', values: [{ row: 0, col: 1, values: [['Met']] }], styles: [{ range: { row: 0, col: 0, rowCount: 1, colCount: 2 }, style: 'met' }] }],
      removeSheets: [],
    });
    const [sheet] = (await openWorkbook(out)).grids.sheets;
    expect(sheet.rows[0]).toEqual([{ value: 1 }, { value: 'Met' }]);
    // The package had no styles part: one is added, with its relationship and content type.
    const files = unzipSync(out);
    expect(strFromU8(files['xl/worksheets/sheet1.xml'])).toMatch(/<x:c r="A1" s="1"><x:v>1<\/x:v><\/x:c><x:c r="B1" s="1" t="inlineStr"><x:is><x:t>Met<\/x:t><\/x:is><\/x:c>/);
    expect(strFromU8(files['xl/styles.xml'])).toContain('<fgColor rgb="FFA9D18E"/>');
    expect(packageProblems(out)).toEqual([]);
  });
});

/** Rewrites the uncompressed size a zip's directory declares for one entry. */
function lieAboutSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const encoded = strToU8(name);
  for (let at = 0; at < out.length - 46; at++) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== encoded.length) continue;
    if (Buffer.from(out.subarray(at + 46, at + 46 + encoded.length)).equals(Buffer.from(encoded))) view.setUint32(at + 24, size, true);
  }
  return out;
}

describe('untrusted files', () => {
  const sheet = () => worksheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c></row>');

  it('refuses a zip bomb from its directory, before inflating anything', async () => {
    const bomb = minimalPackage({ sheets: [{ name: 'S', xml: sheet() }], extra: { 'xl/media/padding.xml': ' '.repeat(20 * 1024 * 1024) } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(openWorkbook(bomb, { maxUncompressedBytes: 16 * 1024 * 1024 })).rejects.toThrow(
      new WorkbookReadError('the workbook expands to more than 16 MiB; use --max-size to raise the limit'),
    );
    await expect(openWorkbook(bomb)).resolves.toBeDefined();
  });

  it('catches an entry that expands past the size its directory declares', async () => {
    const bytes = lieAboutSize(minimalPackage({ sheets: [{ name: 'S', xml: sheet() }] }), 'xl/worksheets/sheet1.xml', 40);
    await expect(openWorkbook(bytes)).rejects.toThrow(/damaged or truncated \(xl\/worksheets\/sheet1.xml does not match its checksum\)/);
  });

  it('inflates a part on the thread pool to the same bytes as in line, and refuses a damaged one for the same reason', async () => {
    const good = zipSync({ 'deflated.xml': strToU8(sheet().repeat(50)), 'stored.xml': [strToU8(sheet()), { level: 0 }], 'empty.xml': new Uint8Array(0) });
    const entries = readZipDirectory(good, 10);
    // fflate deflates even the empty part.
    expect(entries.map((e) => [e.name, e.method])).toEqual([['deflated.xml', 8], ['stored.xml', 0], ['empty.xml', 8]]);
    for (const entry of entries) expect(Buffer.from(await inflateEntryAhead(good, entry)).equals(Buffer.from(inflateEntry(good, entry)))).toBe(true);
    for (const size of [40, 4_000]) {
      const lying = lieAboutSize(minimalPackage({ sheets: [{ name: 'S', xml: sheet() }] }), 'xl/worksheets/sheet1.xml', size);
      const entry = readZipDirectory(lying, 10).find((e) => e.name === 'xl/worksheets/sheet1.xml') as ZipEntry;
      expect(() => inflateEntry(lying, entry)).toThrow('xl/worksheets/sheet1.xml does not match its checksum');
      await expect(inflateEntryAhead(lying, entry)).rejects.toThrow('xl/worksheets/sheet1.xml does not match its checksum');
    }
  });

  it('caps the cells and the parts read', async () => {
    const bytes = minimalPackage({ sheets: [{ name: 'S', xml: sheet() }] });
    await expect(openWorkbook(bytes, { maxCells: 3 })).rejects.toThrow('the workbook has more than 3 cells; use --max-cells to raise the limit');
    await expect(openWorkbook(bytes, { maxCells: 4 })).resolves.toBeDefined();
    await expect(openWorkbook(bytes, { maxParts: 3 })).rejects.toThrow(/more than 3 parts/);
  });

  it.each([
    ['truncated', (b: Uint8Array) => b.slice(0, Math.floor(b.length / 2)), /damaged or truncated/],
    ['a zip with no workbook in it', () => zipSync({ 'notes.txt': strToU8('hello') }), /not an Excel workbook/],
    ['malformed sheet XML', () => minimalPackage({ sheets: [{ name: 'S', xml: '<worksheet><sheetData><row></sheetData>' }] }), /the part xl\/worksheets\/sheet1.xml is damaged/],
  ])('gives a plain reason for a file that is %s', async (_title, make, message) => {
    const bytes = make(minimalPackage({ sheets: [{ name: 'S', xml: sheet() }] }));
    await expect(openWorkbook(bytes)).rejects.toThrow(WorkbookReadError);
    await expect(openWorkbook(bytes)).rejects.toThrow(message);
  });
});
