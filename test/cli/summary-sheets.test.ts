/** The Summary names only sheets the written workbook holds, and links to them (issue 18). */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from '../helpers/cli';
import { loadWorkbook, tempDir } from '../helpers/xlsx';

const SAMPLE = path.join(__dirname, '../../assets/sample-performance.xlsx');

/** Every sheet a Summary cell names ("… on the X sheet"), with the location its hyperlink goes to. */
function sheetMentions(summary: ExcelJS.Worksheet, summaryXml: string): { sheet: string; link?: string }[] {
  const out: { sheet: string; link?: string }[] = [];
  summary.eachRow((row) =>
    row.eachCell((cell) => {
      const named = /(?:on|listed on) the (.+?) sheet/.exec(cell.text)?.[1];
      const link = new RegExp(`<hyperlink ref="${cell.address}" location="([^"]*)"`).exec(summaryXml)?.[1].replace(/&apos;/g, "'");
      if (named) out.push({ sheet: named, link });
    }),
  );
  return out;
}

/** The Summary's worksheet XML (Ragbook adds it after the user's sheets: the highest-numbered new part). */
function summaryXmlOf(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const parts = Object.keys(files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
  return parts.map((p) => strFromU8(files[p])).find((xml) => xml.includes('summary</t>')) ?? '';
}

describe('the Summary’s pointers to other sheets', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
    expect((await runCli(['run', SAMPLE, '-o', dir])).code).toBe(0);
  }, 60_000);
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('name only sheets in that workbook, each as a link to it', async () => {
    const checked: string[] = [];
    for (const suffix of ['coloured', 'budgets', 'actions']) {
      const file = path.join(dir, `sample-performance-${suffix}.xlsx`);
      const book = await loadWorkbook(file);
      const names = book.worksheets.map((s) => s.name);
      const xml = summaryXmlOf(new Uint8Array(await fs.readFile(file)));
      for (const mention of sheetMentions(book.getWorksheet('Summary') as ExcelJS.Worksheet, xml)) {
        expect({ suffix, sheet: mention.sheet, present: names.includes(mention.sheet) }).toEqual({ suffix, sheet: mention.sheet, present: true });
        expect(mention.link).toBe(`'${mention.sheet}'!A1`);
        checked.push(`${suffix}: ${mention.sheet}`);
      }
    }
    expect(checked).toEqual(['budgets: Budget reconciliation', 'actions: Action plan']);
  });
});
