/**
 * A written sheet is edited around its rows: the text before and after
 * <sheetData> changes, the rows' bytes are carried over as they are.
 */
import type { SheetBytes } from '../../../src/adapters/file/package/parts';
import { editAroundRows } from '../../../src/adapters/file/package/sheet-writer';
import { joinBytes } from '../../../src/core/shared/bytes';
import { putWorksheetElement } from '../../../src/adapters/file/package/worksheet-xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function sheetBytes(before: string, rows: string, after: string): SheetBytes {
  const [head, body, tail] = [before, rows, after].map((text) => new TextEncoder().encode(text));
  return { head, rows: body, tail };
}

const text = (sheet: SheetBytes) => new TextDecoder().decode(joinBytes([sheet.head, sheet.rows, sheet.tail]));

describe('editing a written sheet around its rows', () => {
  const rows = '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Café £5 — ✓</x:t></x:is></x:c></x:row></x:sheetData>';
  const sheet = sheetBytes(`<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews>`, rows, '<x:pageMargins left="0.7"/></x:worksheet>');

  it('edits what is around the rows and keeps their bytes, with the sheet’s own prefix', () => {
    let seen = '';
    const edited = editAroundRows(sheet, 'xl/worksheets/sheet1.xml', (xml) => {
      seen = xml;
      return putWorksheetElement(xml.replace('workbookViewId="0"', 'tabSelected="1" workbookViewId="0"'), 'drawing', '<x:drawing r:id="rId1"/>');
    });
    expect(seen).toContain('<x:sheetData/>');
    expect(seen).not.toContain('Café');
    expect(text(edited)).toBe(`<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetViews><x:sheetView tabSelected="1" workbookViewId="0"/></x:sheetViews>${rows}<x:pageMargins left="0.7"/><x:drawing r:id="rId1"/></x:worksheet>`);
    // The very bytes, not a copy of them.
    expect(edited.rows).toBe(sheet.rows);
  });

  it('gives back the same sheet when the edit changes nothing', () => {
    expect(editAroundRows(sheet, 'xl/worksheets/sheet1.xml', (xml) => xml)).toBe(sheet);
  });

  it('edits a sheet without rows as a whole', () => {
    const empty = sheetBytes(`<worksheet xmlns="${MAIN}"><pageMargins left="0.7"/></worksheet>`, '', '');
    const edited = editAroundRows(empty, 'xl/worksheets/sheet2.xml', (xml) => putWorksheetElement(xml, 'drawing', '<drawing r:id="rId1"/>'));
    expect(text(edited)).toBe(`<worksheet xmlns="${MAIN}"><pageMargins left="0.7"/><drawing r:id="rId1"/></worksheet>`);
    expect([edited.rows.length, edited.tail.length]).toEqual([0, 0]);
  });

  it('refuses an edit that drops the rows', () => {
    expect(() => editAroundRows(sheet, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<x:sheetData/>', ''))).toThrow('dropped its <sheetData>');
  });
});
