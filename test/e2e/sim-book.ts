/**
 * The simulated host's workbook copied out of the page, as the SimWorkbook the
 * Office adapter's tests compare with a file (test/adapters/office/compare.ts).
 */
import type { Page } from 'playwright-core';
import type { TableInfo } from '../../src/model/grid';
import { type SimCell, type SimChart, type SimPageLayout, type SimRange, SimSheet, SimWorkbook } from '../adapters/office/sim/model';

interface SheetData {
  name: string;
  cells: [string, SimCell][];
  columnWidths: [number, number][];
  rowHeights: [number, number][];
  merges: SimRange[];
  charts: SimChart[];
  tables: TableInfo[];
  page: SimPageLayout;
  freeze?: { rows: number; cols: number };
  tabColor?: string;
}

export async function simulatedBook(page: Page): Promise<SimWorkbook> {
  const sheets = await page.evaluate(() =>
    (window as unknown as { __ragbookSim: { book: SimWorkbook } }).__ragbookSim.book.sheets.map(
      (s): SheetData => ({
        name: s.name,
        cells: [...s.cells],
        columnWidths: [...s.columnWidths],
        rowHeights: [...s.rowHeights],
        merges: s.merges,
        charts: s.charts,
        tables: s.tables,
        page: s.page,
        freeze: s.freeze,
        tabColor: s.tabColor,
      }),
    ),
  );
  const book = new SimWorkbook();
  for (const data of sheets) {
    const sheet = new SimSheet(data.name);
    for (const [key, cell] of data.cells) sheet.cells.set(key, cell);
    for (const [col, width] of data.columnWidths) sheet.columnWidths.set(col, width);
    for (const [row, height] of data.rowHeights) sheet.rowHeights.set(row, height);
    sheet.merges.push(...data.merges);
    sheet.charts.push(...data.charts);
    sheet.tables.push(...data.tables);
    Object.assign(sheet.page, data.page);
    sheet.freeze = data.freeze;
    sheet.tabColor = data.tabColor;
    book.sheets.push(sheet);
  }
  return book;
}
