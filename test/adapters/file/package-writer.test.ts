/** Executing write plans on the package: values, style overlays, generated sheets, removal. */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { openWorkbook, WorkbookWriteError } from '../../../src/adapters/file';
import type { SheetPlan, WritePlan } from '../../../src/model/plan';
import { SheetBuilder } from '../../../src/core/shared/sheet-builder';
import { BASE_STYLES } from '../../../src/core/shared/styles';
import { fillOf } from '../../helpers/xlsx';
import { minimalPackage, worksheetXml } from '../../fixtures/package/minimal-package';
import { packageProblems } from './package-validity';

async function userWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Measures');
  sheet.addRow(['Measure ID', 'Measure', 'Polarity', 'Target', 'Q1 2017/18']);
  sheet.addRow(['M1', 'Children in care per 10,000', 'Lower is better', 60, 64.25]);
  sheet.addRow(['M2', 'Care leavers in suitable accommodation', 'Higher is better', 0.9, 0.875]);
  sheet.getCell('E2').numFmt = '0.0';
  sheet.getCell('E2').font = { italic: true, name: 'Arial', size: 10 };
  sheet.getCell('E3').numFmt = '0.0%';
  sheet.getColumn(2).width = 40;
  book.addWorksheet('Notes').getCell('A1').value = 'Officer notes';
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book;
}

function plan(sheets: SheetPlan[], removeSheets: string[] = []): WritePlan {
  return { styles: { ...BASE_STYLES, met: { fill: '#A9D18E' }, notMet: { fill: '#F4B183', bold: true } }, sheets, removeSheets };
}

function existing(values: SheetPlan['values'], styles: SheetPlan['styles'] = [], extra: Partial<SheetPlan> = {}): SheetPlan {
  return { name: 'Measures', mode: 'existing', values, styles, ...extra };
}

function summarySheet(name = 'Summary', rows = 3): SheetPlan {
  const builder = new SheetBuilder(name).title(`${name} of the quarter`, 'this sheet is replaced each time Ragbook runs');
  builder.row(['Status', 'Measures'], 'header');
  for (let i = 0; i < rows; i++) builder.row([`Status ${i + 1}`, i], ['text', 'number']);
  builder.row([{ text: 'Back to the measures', target: "'Measures'!A1" }]);
  const sheet = builder
    .widths({ 0: 32, 1: 12 })
    .freeze(3, 1)
    .merge({ row: 0, col: 0, rowCount: 1, colCount: 2 })
    .page({ orientation: 'landscape', fitToWidth: true, repeatRows: { first: 2, last: 2 }, printArea: { row: 0, col: 0, rowCount: rows + 4, colCount: 2 } })
    .build();
  return { ...sheet, tabColour: '#1F4E79' };
}

describe('values on the user sheet', () => {
  it.each(['=SUM(A1:A3)', '+44 7700 900123', '-5 on last year', '@Home'])('writes %p as text, never a formula', async (text) => {
    const opened = await openWorkbook(await userWorkbook());
    const out = await opened.write(plan([existing([{ row: 1, col: 5, values: [[text]] }])]));
    const xml = strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml']);
    expect(xml).not.toMatch(/<f>/);
    expect((await openWorkbook(out)).grids.sheets[0].rows[1][5]).toEqual({ value: text });
  });

  it('writes numbers, booleans and nulls, and adds a new row after the last', async () => {
    const opened = await openWorkbook(await userWorkbook());
    const out = await opened.write(plan([existing([{ row: 1, col: 5, values: [[1.5, true, null]] }, { row: 6, col: 0, values: [['Added']] }])]));
    const grid = (await openWorkbook(out)).grids.sheets[0];
    expect(grid.rows[1].slice(5)).toEqual([{ value: 1.5 }, { value: true }]);
    expect(grid.rows[6][0]).toEqual({ value: 'Added' });
    expect(strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml'])).toMatch(/<dimension ref="A1:H7"\/>/);
  });

  it('patches rows as other tools write them: no references, self-closing rows, row formats, comments, cells out of order', async () => {
    const data =
      '<row r="1" spans="1:3"><c t="inlineStr"><is><t>Measure</t></is></c><!-- kept --><c><v>10</v></c><c s="0"/></row>' +
      '<row r="2" customFormat="1" s="1"/>' +
      '<row r="3"><c r="C3"><v>3</v></c><c r="A3"><f>C3*2</f><v>6</v></c></row>';
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>';
    const opened = await openWorkbook(minimalPackage({ sheets: [{ name: 'Measures', xml: worksheetXml(data) }], styles }));
    const out = await opened.write(
      plan([
        existing(
          [{ row: 1, col: 1, values: [['Added']] }, { row: 2, col: 1, values: [[4]] }],
          [{ range: { row: 0, col: 1, rowCount: 3, colCount: 1 }, style: 'met' }],
        ),
      ]),
    );
    const xml = strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml']);
    // Every cell names its place once cells are added around it; spans goes; the comment stays.
    expect(xml).toContain('<row r="1"><c r="A1" t="inlineStr"><is><t>Measure</t></is></c><!-- kept --><c r="B1" s="2"><v>10</v></c><c r="C1" s="0"/></row>');
    // The row's own format is the base for a cell added to it.
    expect(xml).toMatch(/<row r="2" customFormat="1" s="1"><c r="B2" s="3" t="inlineStr"><is><t>Added<\/t><\/is><\/c><\/row>/);
    // Cells listed out of order come back in column order, the formula kept.
    expect(xml).toContain('<row r="3"><c r="A3"><f>C3*2</f><v>6</v></c><c r="B3" s="2"><v>4</v></c><c r="C3"><v>3</v></c></row>');
    expect(packageProblems(out)).toEqual([]);
    const grid = (await openWorkbook(out)).grids.sheets[0];
    expect(grid.rows.map((row) => Array.from(row, (cell) => cell?.value ?? null))).toEqual([['Measure', 10], [null, 'Added'], [6, 4, 3]]);
  });

  it('lays a fill over a cell without losing its number format or font', async () => {
    const opened = await openWorkbook(await userWorkbook());
    const out = await opened.write(plan([existing([], [{ range: { row: 1, col: 4, rowCount: 2, colCount: 1 }, style: 'notMet' }])]));
    const sheet = (await load(out)).getWorksheet('Measures') as ExcelJS.Worksheet;
    expect(fillOf(sheet.getCell('E2'))).toBe('#F4B183');
    expect(sheet.getCell('E2').numFmt).toBe('0.0');
    expect(sheet.getCell('E2').font).toMatchObject({ italic: true, bold: true, name: 'Arial', size: 10 });
    expect(sheet.getCell('E3').numFmt).toBe('0.0%');
    expect(sheet.getCell('E2').value).toBe(64.25);
  });

  it('refuses a plan that runs past the last row, naming the sheet, before writing anything', async () => {
    const opened = await openWorkbook(await userWorkbook());
    const tooLong = summarySheet('Commentary');
    tooLong.values.push({ row: 1_048_575, col: 0, values: [['last row'], ['one past it']] });
    await expect(opened.write(plan([tooLong]))).rejects.toThrow(WorkbookWriteError);
    await expect(opened.write(plan([tooLong]))).rejects.toThrow("the Commentary sheet would run past Excel's last row or column (1,048,576 rows, 16,384 columns), so no workbook was written");
  });

  it('lays column styles after the ranges, and writes the same file as the same styles given as ranges', async () => {
    const input = await userWorkbook();
    const asColumns = existing([], [{ range: { row: 1, col: 4, rowCount: 2, colCount: 1 }, style: 'met' }], {
      columnStyles: [{ col: 4, rows: [1, 2], styles: [0, 1], names: ['notMet', 'met'] }, { col: 3, rows: [2], styles: [0], names: ['met'] }],
    });
    const asRanges = existing([], [
      { range: { row: 1, col: 4, rowCount: 2, colCount: 1 }, style: 'met' },
      { range: { row: 1, col: 4, rowCount: 1, colCount: 1 }, style: 'notMet' },
      { range: { row: 2, col: 4, rowCount: 1, colCount: 1 }, style: 'met' },
      { range: { row: 2, col: 3, rowCount: 1, colCount: 1 }, style: 'met' },
    ]);
    const out = await (await openWorkbook(input)).write(plan([asColumns]));
    const sheet = (await load(out)).getWorksheet('Measures') as ExcelJS.Worksheet;
    // notMet laid over met: its fill and its bold, on the cell's own italic Arial.
    expect(fillOf(sheet.getCell('E2'))).toBe('#F4B183');
    expect(sheet.getCell('E2').font).toMatchObject({ italic: true, bold: true, name: 'Arial' });
    expect(fillOf(sheet.getCell('E3'))).toBe('#A9D18E');
    expect(fillOf(sheet.getCell('D3'))).toBe('#A9D18E');
    expect(fillOf(sheet.getCell('D2'))).toBeUndefined();
    const sheetXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheetXml(out)).toBe(sheetXml(await (await openWorkbook(input)).write(plan([asRanges]))));
  });

  it('appends one fill and one cell format per distinct style, reused across cells and runs', async () => {
    const input = await userWorkbook();
    const opened = await openWorkbook(input);
    const styled = plan([existing([], [
      { range: { row: 1, col: 0, rowCount: 2, colCount: 4 }, style: 'met' },
      { range: { row: 0, col: 0, rowCount: 1, colCount: 4 }, style: 'met' },
    ])]);
    const out = await opened.write(styled);
    const count = (xml: string, tag: string) => Number(new RegExp(`<${tag} count="(\\d+)"`).exec(xml)?.[1]);
    const before = strFromU8(unzipSync(input)['xl/styles.xml']);
    const after = strFromU8(unzipSync(out)['xl/styles.xml']);
    expect(count(after, 'fills')).toBe(count(before, 'fills') + 1);
    // Header cells and body cells started from different formats: one overlay each.
    expect(count(after, 'cellXfs') - count(before, 'cellXfs')).toBeLessThanOrEqual(2);
    const again = await (await openWorkbook(out)).write(styled);
    expect(strFromU8(unzipSync(again)['xl/styles.xml'])).toBe(after);
  });

  it('sets column widths, splitting the user’s column ranges', async () => {
    const opened = await openWorkbook(await userWorkbook());
    const out = await opened.write(plan([existing([], [], { columnWidths: { 5: 24, 1: 44 } })]));
    const sheet = (await load(out)).getWorksheet('Measures') as ExcelJS.Worksheet;
    expect(sheet.getColumn(6).width).toBe(24);
    expect(sheet.getColumn(2).width).toBe(44);
  });

  it('refuses merges or page setup on the user sheet', async () => {
    const opened = await openWorkbook(await userWorkbook());
    await expect(opened.write(plan([existing([], [], { merges: [{ row: 0, col: 0, rowCount: 1, colCount: 2 }] })]))).rejects.toThrow(/only adds those to its own sheets/);
  });

  it('names the sheet when the plan asks for one the workbook lacks', async () => {
    const opened = await openWorkbook(await userWorkbook());
    await expect(opened.write(plan([{ ...existing([]), name: 'Data' }]))).rejects.toThrow(/"Data"/);
  });
});

describe('generated sheets', () => {
  it('adds them after the user sheets in plan order, with panes, merges, widths, links and print setup', async () => {
    const opened = await openWorkbook(await userWorkbook());
    const out = await opened.write(plan([summarySheet('Summary'), summarySheet('Issues', 1)]));
    expect(packageProblems(out)).toEqual([]);
    const book = await load(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Measures', 'Notes', 'Summary', 'Issues']);
    const sheet = book.getWorksheet('Summary') as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('Summary of the quarter');
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(fillOf(sheet.getCell('A3'))).toBe('#D9E1F2');
    expect(sheet.getCell('B5').value).toBe(1);
    expect(sheet.getColumn(1).width).toBe(32);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3 });
    expect(sheet.properties.tabColor).toEqual({ argb: 'FF1F4E79' });
    expect(sheet.model.merges).toEqual(['A1:B1']);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const workbookXml = strFromU8(unzipSync(out)['xl/workbook.xml']);
    expect(workbookXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="2">Summary!$3:$3</definedName>');
    expect(workbookXml).toContain('<definedName name="_xlnm.Print_Area" localSheetId="2">Summary!$A$1:$B$7</definedName>');
    expect(workbookXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="3">Issues!$3:$3</definedName>');
    const sheetXml = strFromU8(unzipSync(out)['xl/worksheets/sheet3.xml']);
    expect(sheetXml).toContain('<hyperlink ref="A7" location="\'Measures\'!A1" display="Back to the measures"/>');
    expect(sheetXml).toContain('<sheetPr><tabColor rgb="FF1F4E79"/><pageSetUpPr fitToPage="1"/></sheetPr>');
  });

  it('replaces its own sheet in place on a re-run and removes the ones a run no longer makes', async () => {
    const first = await (await openWorkbook(await userWorkbook())).write(plan([summarySheet('Summary'), summarySheet('Issues', 1)]));
    const firstFiles = unzipSync(first);
    const second = await (await openWorkbook(first)).write(plan([summarySheet('Summary', 5)], ['Issues']));
    expect(packageProblems(second)).toEqual([]);
    const files = unzipSync(second);
    const book = await load(second);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Measures', 'Notes', 'Summary']);
    expect((book.getWorksheet('Summary') as ExcelJS.Worksheet).getCell('A8').value).toBe('Status 5');
    // Same part and relationship as before; the Issues part, its relationship and content type are gone.
    expect(strFromU8(files['xl/workbook.xml'])).toMatch(/<sheet name="Summary" sheetId="3" r:id="(rId\d+)"\/>/);
    expect(Object.keys(files)).not.toContain('xl/worksheets/sheet4.xml');
    expect(strFromU8(files['[Content_Types].xml'])).not.toContain('sheet4.xml');
    expect(strFromU8(files['xl/_rels/workbook.xml.rels'])).not.toContain('sheet4.xml');
    expect(strFromU8(files['xl/workbook.xml'])).not.toContain('localSheetId="3"');
    expect(files['xl/worksheets/sheet1.xml']).toEqual(firstFiles['xl/worksheets/sheet1.xml']);
  });

  it('shifts sheet-level names of later sheets when an earlier own sheet is removed', async () => {
    const first = await (await openWorkbook(await userWorkbook())).write(plan([summarySheet('Issues', 1), summarySheet('Summary')]));
    const second = await (await openWorkbook(first)).write(plan([], ['Issues']));
    const workbookXml = strFromU8(unzipSync(second)['xl/workbook.xml']);
    expect(workbookXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="2">Summary!$3:$3</definedName>');
    expect(workbookXml).not.toContain('Issues');
    expect(packageProblems(second)).toEqual([]);
  });

  it('puts print titles after the workbook’s external references, in schema order', async () => {
    const bytes = minimalPackage({
      sheets: [{ name: 'Data', xml: worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }],
      afterSheets: '<externalReferences><externalReference r:id="rId1"/></externalReferences>',
    });
    const out = await (await openWorkbook(bytes)).write(plan([summarySheet('Summary')]));
    expect(strFromU8(unzipSync(out)['xl/workbook.xml'])).toMatch(
      /<\/sheets><externalReferences>.*<\/externalReferences><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">.*<\/definedNames><calcPr/,
    );
  });

  it('never removes or replaces a sheet of the user’s that happens to share the name', async () => {
    const opened = await openWorkbook(await userWorkbook());
    const removed = await opened.write(plan([], ['Notes']));
    expect((await load(removed)).worksheets.map((s) => s.name)).toEqual(['Measures', 'Notes']);
    await expect(opened.write(plan([summarySheet('Notes')]))).rejects.toThrow(WorkbookWriteError);
    await expect(opened.write(plan([summarySheet('notes')]))).rejects.toThrow(/already has a sheet of its own called "Notes"/);
  });
});
