/**
 * Hand-made worksheets that are valid XML but defeat text search (issue 17):
 * markup-like text in comments and processing instructions, whitespace inside
 * end tags, prefixed elements, rows out of order, UTF-16 parts. Each holds the
 * same three measures, so one expectation checks every reading. Two more hold
 * a document type declaration, which Ragbook must refuse as Excel does.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { minimalPackage } from '../../fixtures/package/minimal-package';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** What every readable fixture holds, row by row. */
export const HOSTILE_VALUES = [
  ['Measure', 'Q1', 'Q2'],
  ['Rough sleepers', 12, 9],
  ['Fly-tips', 300, 280],
];

type Row = readonly (string | number)[];

function cells(p: string, row: number, values: Row, close = `</${p}c>`): string {
  return values
    .map((v, c) => {
      const ref = `${String.fromCharCode(65 + c)}${row + 1}`;
      return typeof v === 'number' ? `<${p}c r="${ref}"><${p}v>${v}</${p}v>${close}` : `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${v}</${p}t></${p}is>${close}`;
    })
    .join('');
}

function rowXml(p: string, row: number, rowClose = `</${p}row>`, cellClose?: string): string {
  return `<${p}row r="${row + 1}">${cells(p, row, HOSTILE_VALUES[row], cellClose)}${rowClose}`;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

function sheet(body: string, { prefix = '', before = '', after = '', declaration = DECLARATION } = {}): string {
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `${declaration}\n${before}<${p}worksheet ${ns}><${p}dimension ref="A1:C3"/>${body}<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>${after}`;
}

const allRows = (p = '') => HOSTILE_VALUES.map((_, r) => rowXml(p, r)).join('');

/** Replaces one part of a package with raw bytes (a UTF-16 sheet). */
function withPart(bytes: Uint8Array, path: string, data: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  files[path] = new Uint8Array(data);
  return zipSync(files);
}

function utf16le(text: string): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
}

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), le]));
}

const one = (xml: string) => minimalPackage({ sheets: [{ name: 'Measures', xml }] });

/** Readable fixtures: each must read as HOSTILE_VALUES and patch into a valid package. */
export const HOSTILE_SHEETS: Record<string, () => Uint8Array> = {
  'comments and processing instructions holding <row and </row>': () =>
    one(
      sheet(
        `<sheetData><!-- <row r="1"><c r="A1"><v>666</v></c></row> -->${rowXml('', 0)}<?ragbook-note </row><row r="9"> ?>` +
          `<row r="2"><!-- </row> --><c r="A2" t="inlineStr"><is><t>Rough sleepers</t></is></c><?pi </c></row>?><c r="B2"><v>12</v><!-- </c> --></c><c r="C2"><v>9</v></c></row>` +
          `${rowXml('', 2)}<!-- </sheetData> --></sheetData>`,
        { before: '<!-- written by hand: <worksheet><sheetData><row r="1"> -->\n<?producer <sheetData/> ?>\n', after: '\n<!-- </worksheet> -->' },
      ),
    ),
  'whitespace inside end tags': () =>
    one(sheet(`<sheetData >${HOSTILE_VALUES.map((_, r) => rowXml('', r, '</row >', '</c\n>')).join('\n')}</sheetData\t>`)),
  'a prefixed sheetData inside an unprefixed worksheet': () => one(sheet(`<x:sheetData xmlns:x="${MAIN}">${allRows('x:')}</x:sheetData>`)),
  'every element prefixed': () => one(sheet(`<x:sheetData>${allRows('x:')}</x:sheetData>`, { prefix: 'x' })),
  'rows out of order': () => one(sheet(`<sheetData>${rowXml('', 2)}${rowXml('', 0)}${rowXml('', 1)}</sheetData>`)),
  'CDATA holding markup': () =>
    one(sheet(`<sheetData>${rowXml('', 0)}<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[Rough sleepers]]></t></is></c><c r="B2"><v>12</v></c><c r="C2"><v><![CDATA[9]]></v></c><!-- <![CDATA[ </row> ]]> --></row>${rowXml('', 2)}</sheetData>`)),
  'a UTF-16LE sheet': () =>
    withPart(one(sheet('')), 'xl/worksheets/sheet1.xml', utf16le(sheet(`<sheetData>${allRows()}</sheetData>`, { declaration: '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>' }))),
  'a UTF-16BE sheet': () =>
    withPart(one(sheet('')), 'xl/worksheets/sheet1.xml', utf16be(sheet(`<sheetData>${allRows()}</sheetData>`, { declaration: "<?xml version='1.0' encoding='utf-16'?>" }))),
};

/** Fixtures with a document type declaration, and the part Ragbook must name when it refuses them. */
export const DTD_SHEETS: Record<string, { bytes: () => Uint8Array; part: string }> = {
  'shared strings whose DTD declares an entity holding a string': {
    part: 'xl/sharedStrings.xml',
    bytes: () =>
      withPart(
        minimalPackage({
          sheets: [{ name: 'Measures', xml: sheet(`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row></sheetData>`) }],
          sharedStrings: ['<si><t>Measure</t></si>', '<si><t>Q1</t></si>'],
        }),
        'xl/sharedStrings.xml',
        strToU8(
          `${DECLARATION}\n<!DOCTYPE sst [<!ENTITY extra "<si><t>Injected</t></si>"> <!ELEMENT sst ANY>]>\n<sst xmlns="${MAIN}" count="2" uniqueCount="2">&extra;<si><t>Measure</t></si><si><t>Q1</t></si></sst>`,
        ),
      ),
  },
  'a worksheet with a DTD': {
    part: 'xl/worksheets/sheet1.xml',
    bytes: () => one(sheet(`<sheetData>${allRows()}</sheetData>`, { before: '<!DOCTYPE worksheet [<!ENTITY q "Q1">]>\n' })),
  },
  'a workbook part with a DTD': {
    part: 'xl/workbook.xml',
    bytes: () => {
      const bytes = one(sheet(`<sheetData>${allRows()}</sheetData>`));
      const workbook = new TextDecoder().decode(unzipSync(bytes)['xl/workbook.xml']).replace('?>\n', '?>\n<!DOCTYPE workbook>\n');
      return withPart(bytes, 'xl/workbook.xml', strToU8(workbook));
    },
  },
};
