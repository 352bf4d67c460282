/**
 * Properties of the worksheet reader and patcher over sheets written every
 * way XML allows: either quote, spaces around "=", attributes in any order,
 * a namespace prefix, entities and CDATA, comments between cells. Whatever the
 * spelling, the reader gives back the values written, and a patch that fills
 * cells keeps every value and leaves a valid package.
 */
import fc from 'fast-check';
import { openWorkbook } from '../../../src/adapters/file';
import { columnLetters } from '../../../src/model/address';
import type { WritePlan } from '../../../src/model/plan';
import { minimalPackage, worksheetXml } from '../../fixtures/package/minimal-package';
import { packageProblems } from './package-validity';

type Value = number | boolean | string;

interface Spelling {
  quote: '"' | "'";
  spaced: boolean;
  typeFirst: boolean;
  cdata: boolean;
  comment: boolean;
}

// Characters XML 1.0 can carry, markup characters among them.
const printable = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
const text = fc.string({ unit: fc.oneof(fc.constantFrom('<', '>', '&', '&amp;', '&#60;', '"', "'", ']]>', 'é', '€', '😀'), printable), minLength: 1, maxLength: 12 });
// + 0 turns -0 into 0: a sheet cannot tell them apart.
const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((n) => n + 0);
const value: fc.Arbitrary<Value> = fc.oneof(number, fc.boolean(), text);
const spelling: fc.Arbitrary<Spelling> = fc.record({ quote: fc.constantFrom('"' as const, "'" as const), spaced: fc.boolean(), typeFirst: fc.boolean(), cdata: fc.boolean(), comment: fc.boolean() });

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cellXml(p: string, row: number, col: number, v: Value, how: Spelling): string {
  const attr = (name: string, val: string) => ` ${name}${how.spaced ? ' = ' : '='}${how.quote}${val.replace(/&/g, '&amp;').replace(/["']/g, (q) => (q === '"' ? '&quot;' : '&apos;'))}${how.quote}`;
  const ref = attr('r', `${columnLetters(col)}${row + 1}`);
  const typed = (t: string) => (how.typeFirst ? `${attr('t', t)}${ref}` : `${ref}${attr('t', t)}`);
  const note = how.comment ? '<!-- officer note -->' : '';
  if (typeof v === 'number') return `${note}<${p}c${ref}><${p}v>${v}</${p}v></${p}c>`;
  if (typeof v === 'boolean') return `${note}<${p}c${typed('b')}><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  const body = how.cdata && !v.includes(']]>') ? `<![CDATA[${v}]]>` : escape(v);
  return `${note}<${p}c${typed('inlineStr')}><${p}is><${p}t xml:space="preserve">${body}</${p}t></${p}is></${p}c>`;
}

const sheets = fc.record({
  prefix: fc.constantFrom('', 'x'),
  rows: fc.array(fc.array(fc.tuple(value, spelling), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
});

function sheetBytes(prefix: string, rows: [Value, Spelling][][]): Uint8Array {
  const p = prefix ? `${prefix}:` : '';
  const data = rows.map((cells, r) => `<${p}row r="${r + 1}">${cells.map(([v, how], c) => cellXml(p, r, c, v, how)).join('')}</${p}row>`).join('');
  return minimalPackage({ sheets: [{ name: 'Measures', xml: worksheetXml(data, prefix) }] });
}

const valuesOf = (rows: [Value, Spelling][][]) => rows.map((cells) => cells.map(([v]) => v));

describe('worksheet XML, however it is spelt', () => {
  it('reads back every value written', async () => {
    await fc.assert(
      fc.asyncProperty(sheets, async ({ prefix, rows }) => {
        const grid = (await openWorkbook(sheetBytes(prefix, rows))).grids.sheets[0];
        expect(grid.rows.map((cells) => Array.from(cells, (cell) => cell?.value))).toEqual(valuesOf(rows));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every value through a patch that fills cells and adds a column', async () => {
    await fc.assert(
      fc.asyncProperty(sheets, fc.nat(), async ({ prefix, rows }, seed) => {
        const opened = await openWorkbook(sheetBytes(prefix, rows));
        const width = Math.max(...rows.map((cells) => cells.length));
        const plan: WritePlan = {
          styles: { met: { fill: '#A9D18E' } },
          sheets: [
            {
              name: 'Measures',
              mode: 'existing',
              values: [{ row: 0, col: width, values: rows.map((_, r) => [`Status ${r}`]) }],
              styles: rows.map((cells, r) => ({ range: { row: r, col: (seed + r) % cells.length, rowCount: 1, colCount: 1 }, style: 'met' })),
            },
          ],
          removeSheets: [],
        };
        const out = await opened.write(plan);
        expect(packageProblems(out)).toEqual([]);
        const grid = (await openWorkbook(out)).grids.sheets[0];
        const expected = valuesOf(rows).map((cells, r) => [...cells, ...Array(width - cells.length).fill(undefined), `Status ${r}`]);
        expect(grid.rows.map((cells) => Array.from(cells, (cell) => cell?.value))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
