/**
 * The worksheet reader reads cells written the usual way
 * (<c r="B2" s="3" t="s"><v>19</v></c>) straight from their characters, and
 * every other spelling tag by tag. Both must give the same cells: each sheet
 * here is read twice, once as written and once with every attribute spelt
 * r = '…' and rows ended </row > (which only the tag-by-tag reading takes),
 * and the grids compared.
 */
import fc from 'fast-check';
import { openWorkbook } from '../../../src/adapters/file';
import { columnLetters } from '../../../src/model/address';
import { minimalPackage, worksheetXml } from '../../fixtures/package/minimal-package';

const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>' +
  '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>' +
  '</styleSheet>';

const SHARED_STRINGS = ['<si><t>Measure</t></si>', '<si><t>Higher is better</t></si>', '<si><r><t>Q1 </t></r><r><t>2025/26</t></r></si>'];

interface CellSpec {
  /** Column of the reference, relative to the cell's place (0: its own column); undefined: no reference. */
  colShift: number | undefined;
  /** Row of the reference, relative to the row it is written in. */
  rowShift: number;
  style: string | undefined;
  type: string | undefined;
  extra: string | undefined;
  /** undefined: <c …/>; null: <c …></c>. */
  value: string | null | undefined;
}

const cellSpec: fc.Arbitrary<CellSpec> = fc.record({
  colShift: fc.option(fc.constantFrom(0, 0, 0, 1, 30), { nil: undefined }),
  rowShift: fc.constantFrom(0, 0, 0, 0, 1),
  style: fc.option(fc.constantFrom('0', '1', '2', '3', '9', '01', ''), { nil: undefined }),
  type: fc.option(fc.constantFrom('n', 's', 's', 'b', 'str', 'e', 'inlineStr', 'd', 'x'), { nil: undefined }),
  extra: fc.option(fc.constantFrom('cm="1"', 'x14ac:dyDescent="0.25"', 'ph="1"', 'z=""'), { nil: undefined }),
  value: fc.option(
    fc.constantFrom('0', '1', '2', '3', '-0', '80', '68.4', '-12.75', '0.1', '.5', '1.', '007', '1e3', '1E-7', ' 42', '+5', '', '1.0000000000000002', '123456789012345678', '99', '-1', 'TRUE', '#N/A', '2025-03-31', '1&amp;2', '4294967296'),
    { nil: null },
  ),
}).chain((spec) => fc.constantFrom(spec, { ...spec, value: undefined }));

function cellXml(spec: CellSpec, row: number, col: number, odd: boolean): string {
  const attr = (name: string, value: string) => (odd ? ` ${name} = '${value}'` : ` ${name}="${value}"`);
  let attrs = '';
  if (spec.extra) attrs += ` ${spec.extra}`;
  if (spec.colShift !== undefined) attrs += attr('r', `${columnLetters(col + spec.colShift)}${row + 1 + spec.rowShift}`);
  if (spec.style !== undefined) attrs += attr('s', spec.style);
  if (spec.type !== undefined) attrs += attr('t', spec.type);
  if (spec.value === undefined) return `<c${attrs}/>`;
  if (spec.value === null) return `<c${attrs}></c>`;
  return `<c${attrs}><v>${spec.value}</v></c>`;
}

/** A row's start tag, as different producers write it (the odd spelling only the tag-by-tag reading takes). */
const ROW_TAGS = [(n: number) => `<row r="${n}"`, (n: number) => `<row r="${n}" spans="1:5" x14ac:dyDescent="0.25"`, (n: number) => `\n <row r="${n}"  ht="20" customHeight="1" `];

function rowXml(cells: CellSpec[], r: number, odd: boolean): string {
  const tag = odd ? `<row r = '${r + 1}'` : ROW_TAGS[r % ROW_TAGS.length](r + 1);
  if (cells.length === 0) return `${tag}/>`;
  const indent = r % ROW_TAGS.length === 2 ? '\n  ' : '';
  return `${tag}>${cells.map((spec, c) => indent + cellXml(spec, r, c, odd)).join('')}${indent}${odd ? '</row >' : '</row>'}`;
}

function sheet(rows: CellSpec[][], odd: boolean): Uint8Array {
  const data = rows.map((cells, r) => rowXml(cells, r, odd)).join('');
  return minimalPackage({ sheets: [{ name: 'Measures', xml: worksheetXml(data) }], sharedStrings: SHARED_STRINGS, styles: STYLES });
}

async function rowsOf(bytes: Uint8Array) {
  return (await openWorkbook(bytes)).grids.sheets[0].rows;
}

describe('cells written the usual way', () => {
  it('read as the same cells as any other spelling of them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cellSpec, { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 6 }), async (rows) => {
        expect(await rowsOf(sheet(rows, false))).toEqual(await rowsOf(sheet(rows, true)));
      }),
      { numRuns: 400 },
    );
  });

  it('keep minus zero, number formats, shared strings and references to other rows', async () => {
    const data =
      '<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1"><v>0</v></c><c r="C1"><v>-0</v></c><c r="D1" s="1"><v>0.875</v></c><c r="E1" s="3" t="n"><v>46112</v></c><c r="F1" t="s"><v>7</v></c></row>' +
      '<row r="2"><c r="B3" s="2"><v>68.44</v></c><c t="s"><v>1</v></c><c r="F3"/><c cm="1"><v>12</v></c></row>';
    const rows = await rowsOf(minimalPackage({ sheets: [{ name: 'Measures', xml: worksheetXml(data) }], sharedStrings: SHARED_STRINGS, styles: STYLES }));
    expect(rows[0]).toEqual([{ value: 'Q1 2025/26' }, { value: 0 }, { value: -0 }, { value: 0.875, numberFormat: '0.00%' }, { value: 46112, numberFormat: 'mm-dd-yy' }]);
    expect(Object.is(rows[0][2]?.value, -0)).toBe(true);
    expect(rows[1]).toEqual([]);
    expect(rows[2]).toEqual([undefined, { value: 68.44, numberFormat: '0.0' }, { value: 'Higher is better' }, undefined, undefined, undefined, { value: 12 }]);
  });

  it('give each row its own length, however wide the row before it', async () => {
    const wide = (r: number) => `<row r="${r}">${['A', 'B', 'C', 'D', 'E'].map((c, i) => `<c r="${c}${r}"><v>${i}</v></c>`).join('')}</row>`;
    const data = `${wide(1)}${wide(2)}<row r="3"><c r="B3"><v>7</v></c></row><row r="4"/>${wide(5)}<row r="6"><c r="G6"><v>9</v></c></row><row r="7"></row>${wide(8)}<row r="9"><c r="A9"/></row>`;
    const rows = await rowsOf(minimalPackage({ sheets: [{ name: 'Measures', xml: worksheetXml(data) }] }));
    expect(rows.map((cells) => cells.length)).toEqual([5, 5, 2, 0, 5, 7, 0, 5, 0]);
    expect(rows[2]).toEqual([undefined, { value: 7 }]);
    expect(rows[5][6]).toEqual({ value: 9 });
  });

  it('read shared strings however each item is written', async () => {
    const items = [
      '<si><t>Fish &amp; chips &#8211; &lt;b&gt;</t></si>',
      '<si><t xml:space="preserve"> padded </t></si>',
      '<si><t><![CDATA[a < b & c]]></t></si>',
      '<si><t/></si>',
      '<si><t></t></si>',
      '<si><r><t>Lower </t></r><r><t>is better</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>',
      '<si><t>plain</t><rPh sb="0" eb="1"><t>ignored</t></rPh></si>',
      '<si>\n  <t>indented</t>\n</si>',
    ];
    const data = `<row r="1">${items.map((_, i) => `<c r="${columnLetters(i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`;
    const rows = await rowsOf(minimalPackage({ sheets: [{ name: 'Measures', xml: worksheetXml(data) }], sharedStrings: items }));
    expect(rows[0].map((cell) => cell?.value)).toEqual(['Fish & chips \u2013 <b>', ' padded ', 'a < b & c', '', '', 'Lower is better', 'plain', 'indented']);
  });
});
