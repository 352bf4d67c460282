/**
 * The package patcher gives the same workbook in meaning as the exceljs
 * round trip it replaced: on the same plans, every sheet has the same cells
 * (values and labels) and the same fills, read back cell by cell.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openWorkbook } from '../../../src/adapters/file';
import { reports } from '../../../src/core/reports';
import { buildMessyActionPlan } from '../../fixtures/actions/messy-action-plan';
import { columnTotalsBook } from '../../fixtures/budgets/budget-books';
import { buildRichWorkbook } from '../../fixtures/package/rich-workbook';
import { fillOf } from '../../helpers/xlsx';
import { patchWithExcelJs } from './exceljs-reference';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book;
}

/** What a reader sees in the cell: its text, the result of a formula, a link's text. */
function shown(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  // exceljs keeps an empty string; the patcher writes an empty cell: the same to a reader.
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return (value as ExcelJS.CellFormulaValue).result ?? null;
  if ('hyperlink' in value) return (value as ExcelJS.CellHyperlinkValue).text;
  if ('error' in value) return value.error;
  return JSON.stringify(value);
}

interface CellSeen {
  address: string;
  value: unknown;
  fill: string | undefined;
}

function cellsOf(sheet: ExcelJS.Worksheet): CellSeen[] {
  const cells: CellSeen[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = sheet.getCell(r, c);
      const seen = { address: cell.address, value: shown(cell), fill: fillOf(cell) };
      if (seen.value !== null || seen.fill !== undefined) cells.push(seen);
    }
  }
  return cells;
}

const workbooks: [string, () => Promise<Uint8Array>][] = [
  ['the bundled sample', async () => new Uint8Array(await fs.readFile(path.join(__dirname, '../../../assets/sample-performance.xlsx')))],
  ['the rich workbook', () => buildRichWorkbook({ macro: true })],
  ['a budgets workbook with measures', () => columnTotalsBook({ measures: true })],
  ['an action plan pasted from Word', buildMessyActionPlan],
];

describe.each(workbooks)('old and new adapters on %s', (_name, build) => {
  const inputReports = reports.filter((r) => r.target === 'input');

  it.each(inputReports.map((r) => [r.name, r]))('%s gives the same cells, labels and fills', async (_report, report) => {
    const bytes = await build();
    const opened = await openWorkbook(bytes);
    if (report.appliesTo && !report.appliesTo(opened.grids)) return;
    const { plan } = report.run(opened.grids, { today: '2018-11-30' });
    const [before, after] = await Promise.all([load(await patchWithExcelJs(bytes, plan)), load(await opened.write(plan))]);
    expect(after.worksheets.map((s) => s.name)).toEqual(before.worksheets.map((s) => s.name));
    for (const sheet of before.worksheets) {
      const other = after.getWorksheet(sheet.name) as ExcelJS.Worksheet;
      expect({ sheet: sheet.name, cells: cellsOf(other) }).toEqual({ sheet: sheet.name, cells: cellsOf(sheet) });
    }
  });
});
