/**
 * The print setup Ragbook writes, read back from the workbook: its own sheets
 * carry header, footer, margins and a readable fit; the user's measures sheet
 * gets only a readable fit and print titles; a marked workbook's marking is
 * printed on Ragbook's pages.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from '../helpers/cli';
import { loadWorkbook, tempDir } from '../helpers/xlsx';
import { mipProperties, withCustomProperties } from '../fixtures/email/report-workbooks';

const SAMPLE = path.join(__dirname, '../../assets/sample-performance.xlsx');

describe('print setup of an applied workbook', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("prints the user's measures sheet at 75% with its header row and measure names repeated, keeping the user's margins", async () => {
    const output = path.join(dir, 'coloured.xlsx');
    expect((await runCli(['apply', SAMPLE, '-o', output])).code).toBe(0);
    const before = (await loadWorkbook(SAMPLE)).getWorksheet('Measures') as ExcelJS.Worksheet;
    const after = (await loadWorkbook(output)).getWorksheet('Measures') as ExcelJS.Worksheet;
    expect(after.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: false, scale: 75, paperSize: before.pageSetup.paperSize });
    expect(after.pageSetup.margins).toEqual(before.pageSetup.margins);
    const workbookXml = strFromU8(unzipSync(new Uint8Array(await fs.readFile(output)))['xl/workbook.xml']);
    expect(workbookXml).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="1">Measures!\$A:\$[A-D],Measures!\$\d+:\$\d+<\/definedName>/);
  });

  it("heads Ragbook's sheets with title and period and numbers their pages", async () => {
    const output = path.join(dir, 'coloured.xlsx');
    const summary = (await loadWorkbook(output)).getWorksheet('Summary') as ExcelJS.Worksheet;
    expect(summary.headerFooter.oddHeader).toMatch(/^&LChildren's Services Performance Report: summary/);
    expect(summary.headerFooter.oddFooter).toBe('&LRagbook&RPage &P of &N');
    expect(summary.pageSetup.margins).toMatchObject({ left: 0.5, right: 0.5 });
  });

  it("prints a marked workbook's protective marking on Ragbook's pages", async () => {
    const marked = path.join(dir, 'marked.xlsx');
    await fs.writeFile(marked, withCustomProperties(new Uint8Array(await fs.readFile(SAMPLE)), mipProperties('Official_Sensitive')));
    const output = path.join(dir, 'marked-coloured.xlsx');
    expect((await runCli(['apply', marked, '-o', output])).code).toBe(0);
    const book = await loadWorkbook(output);
    for (const name of ['Summary', 'Issues']) {
      const sheet = book.getWorksheet(name) as ExcelJS.Worksheet;
      expect(sheet.headerFooter.oddHeader).toContain('&C&"-,Bold"OFFICIAL-SENSITIVE');
      expect(sheet.headerFooter.oddFooter).toContain('&C&"-,Bold"OFFICIAL-SENSITIVE');
    }
  });
});
