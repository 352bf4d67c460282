/**
 * The patcher takes the rows and cells of a sheet from where the reader found
 * them (CellPositions) instead of reading the XML a second time. Whatever the
 * sheet, that must write the very bytes a patch reading every row itself
 * writes: rows and cells the reader could not keep (odd spellings, formulas,
 * comments, a cell naming another row, long attributes) are read again.
 */
import fc from 'fast-check';
import { CellPositions } from '../../../src/adapters/file/package/cell-positions';
import { patchExistingSheet } from '../../../src/adapters/file/package/sheet-patcher';
import { readSheetXml } from '../../../src/adapters/file/package/sheet-reader';
import { StyleSheet } from '../../../src/adapters/file/package/styles';
import { joinBytes } from '../../../src/core/shared/bytes';
import { columnLetters } from '../../../src/model/address';
import type { CellStyle, SheetPlan } from '../../../src/model/plan';
import { worksheetXml } from '../../fixtures/package/minimal-package';

const STYLES_XML =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders>' +
  '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="2"/><xf numFmtId="14"/></cellXfs>' +
  '</styleSheet>';
const PLAN_STYLES: Record<string, CellStyle> = { met: { fill: '#A9D18E' }, missed: { fill: '#FF8B8B', bold: true } };
const PART = 'xl/worksheets/sheet1.xml';

/** How a cell is spelt: the usual way the reader keeps, or one of the ways it reads by the cursor. */
const SPELLINGS = [
  (ref: string) => `<c r="${ref}"><v>68.4</v></c>`,
  (ref: string) => `<c r="${ref}" s="2"><v>-12.75</v></c>`,
  (ref: string) => `<c r="${ref}" t="s"><v>0</v></c>`,
  (ref: string) => `<c r="${ref}" s="1"/>`,
  (ref: string) => `<c r="${ref}"></c>`,
  () => '<c><v>7</v></c>',
  (ref: string) => `<c s="3" r="${ref}" t="n"><v>46112</v></c>`,
  (ref: string) => `<c r="${ref}"><f>A1*2</f><v>3</v></c>`,
  (ref: string) => `<c r="${ref}" t="inlineStr"><is><t>Lower is better</t></is></c>`,
  (ref: string) => `<c r = '${ref}'><v>1</v></c>`,
  (ref: string) => `<!-- note --><c r="${ref}"><v>2</v></c>`,
  (ref: string) => `\n  <c r="${ref}"><v>5</v></c>`,
  (ref: string) => `<c x14ac:note="${'x'.repeat(300)}" r="${ref}"><v>9</v></c>`,
  (ref: string) => `<c r="${ref.replace(/\d+$/, (n) => String(Number(n) + 1))}"><v>4</v></c>`,
];

interface RowSpec {
  cells: { spelling: number; col: number }[];
  tag: number;
  /** Written after the row: nothing, or a line break (rows are then found by the cursor). */
  after: string;
}

const ROW_TAGS = [
  (n: number) => `<row r="${n}">`,
  (n: number) => `<row r="${n}" spans="1:5" x14ac:dyDescent="0.25">`,
  (n: number) => `<row r="${n}" s="1" customFormat="1" spans="2:3">`,
  (n: number) => `<row spans="1:2" customFormat="0" s="2" r="${n}">`,
  (n: number) => `<row r='${n}' customFormat="1" s="2">`,
];

function sheetXml(rows: RowSpec[]): string {
  const data = rows
    .map(({ cells, tag, after }, r) => {
      if (cells.length === 0) return `<row r="${r + 1}"/>`;
      const sorted = [...cells].sort((a, b) => a.col - b.col).filter((c, i, all) => i === 0 || all[i - 1].col !== c.col);
      return `${ROW_TAGS[tag](r + 1)}${sorted.map((c) => SPELLINGS[c.spelling](`${columnLetters(c.col)}${r + 1}`)).join('')}</row>${after}`;
    })
    .join('');
  return worksheetXml(data);
}

const rowSpec: fc.Arbitrary<RowSpec> = fc.record({
  cells: fc.array(fc.record({ spelling: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: SPELLINGS.length - 1 })), col: fc.integer({ min: 0, max: 6 }) }), { maxLength: 6 }),
  tag: fc.integer({ min: 0, max: ROW_TAGS.length - 1 }),
  after: fc.constantFrom('', '', '\n'),
});

const planOf = (rows: number, fillFrom: number, valueCol: number): SheetPlan => ({
  name: 'Measures',
  mode: 'existing',
  values: [{ row: 0, col: valueCol, values: Array.from({ length: rows + 1 }, (_, r) => [r % 2 ? 'Met' : 42.5]) }],
  styles: [{ range: { row: fillFrom, col: 1, rowCount: Math.max(1, rows - fillFrom), colCount: 3 }, style: 'met' }],
  columnStyles: [columnOf(Array.from({ length: rows }, (_, r) => r).filter((r) => r % 3 !== 1))],
});

const columnOf = (rows: number[]) => ({ col: 5, rows, styles: rows.map((r) => r % 2), names: ['met', 'missed'] });

function patched(xml: string, plan: SheetPlan, positions?: CellPositions): string {
  const { head, rows, tail } = patchExistingSheet(xml, PART, plan, new StyleSheet(STYLES_XML, 'xl/styles.xml'), PLAN_STYLES, positions);
  return new TextDecoder().decode(joinBytes([head, rows, tail]));
}

function positionsOf(xml: string): CellPositions {
  return readSheetXml(xml, PART, ['Measure'], new StyleSheet(STYLES_XML, 'xl/styles.xml'), { remaining: 1e6, limit: 1e6 }).positions;
}

describe('patching from the positions the reader kept', () => {
  it('writes the same bytes as reading every row again, however the sheet is spelt', () => {
    fc.assert(
      fc.property(fc.array(rowSpec, { minLength: 1, maxLength: 8 }), fc.nat(8), fc.integer({ min: 0, max: 8 }), (rows, fillFrom, valueCol) => {
        const xml = sheetXml(rows);
        const plan = planOf(rows.length, fillFrom, valueCol);
        expect(patched(xml, plan, positionsOf(xml))).toBe(patched(xml, plan));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the rows written the usual way and leaves the others to the patcher', () => {
    const xml = worksheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>80</v></c></row>' +
        '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row>' +
        `<row r="3"><c x14ac:note="${'x'.repeat(300)}" r="A3"><v>1</v></c></row>` +
        '<row r="4"><c r="A5"><v>1</v></c></row>' +
        '<row r="6" spans="1:2"><c r="A6"/><c r="B6"><v>3</v></c></row>',
    );
    const positions = positionsOf(xml);
    const rowStarts = [...xml.matchAll(/<row /g)].map((m) => m.index);
    expect(rowStarts.map((start) => positions.rowAt(start) >= 0)).toEqual([true, false, false, false, true]);
    const sixth = positions.rowAt(rowStarts[4]);
    expect(positions.cellsEnd(sixth) - positions.firstCell(sixth)).toBe(2);
    const place = { start: 0, end: 0, col: 0, tagClose: 0, ref: -1, refEnd: -1, style: -1, styleEnd: -1 };
    positions.place(positions.firstCell(sixth) + 1, place);
    expect([xml.slice(place.start, place.end), xml.slice(place.ref, place.refEnd), place.col, place.style]).toEqual(['<c r="B6"><v>3</v></c>', 'B6', 1, -1]);
  });

  it('are not used for another text than the one they were read from', () => {
    const xml = worksheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>');
    const other = worksheetXml('<row r="1"><c r="A1" s="2"><v>10</v></c><c r="B1"><v>2</v></c></row>');
    const plan = planOf(1, 0, 3);
    expect(patched(other, plan, positionsOf(xml))).toBe(patched(other, plan));
  });
});
