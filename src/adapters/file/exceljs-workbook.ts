/**
 * Workbooks made from nothing (exports such as Turning the Curve) built with
 * exceljs from a plan whose sheets are all generated. exceljs objects never
 * leave this module (and the test that compares it with the package patcher).
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './load-exceljs';
import { type CellStyle, type PlanValue, type SheetPlan, styledRanges, type WritePlan, isPlanLink } from '../../model/plan';
import { columnLetters } from '../../model/address';
import { headerFooterText } from './package/sheet-writer';

function argb(colour: string): string {
  return `FF${colour.replace('#', '').toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  // exceljs shares one style object between cells loaded with the same format:
  // give this cell its own before changing it, and new objects for each part.
  cell.style = { ...cell.style };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.fontColour || style.bold !== undefined || style.italic !== undefined || style.fontSize) {
    const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
    if (style.fontColour) font.color = { argb: argb(style.fontColour) };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontSize) font.size = style.fontSize;
    cell.font = font;
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.wrap !== undefined || style.horizontal || style.vertical) {
    const alignment: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    if (style.horizontal) alignment.horizontal = style.horizontal;
    if (style.vertical) alignment.vertical = style.vertical;
    cell.alignment = alignment;
  }
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

function toExcelValue(value: PlanValue): ExcelJS.CellValue {
  if (isPlanLink(value)) return { text: value.text, hyperlink: `#${value.target}` };
  // Strings stay strings: exceljs writes them as text cells, never as formulas.
  return value;
}

function writeSheet(sheet: ExcelJS.Worksheet, plan: SheetPlan, styles: Record<string, CellStyle>): void {
  for (const block of plan.values) {
    block.values.forEach((rowValues, r) => {
      rowValues.forEach((value, c) => {
        sheet.getCell(block.row + r + 1, block.col + c + 1).value = toExcelValue(value);
      });
    });
  }
  for (const { range, style } of styledRanges(plan)) {
    const definition = styles[style];
    if (!definition) throw new Error(`The write plan names an unknown style "${style}".`);
    for (let r = 0; r < range.rowCount; r++) {
      for (let c = 0; c < range.colCount; c++) applyStyle(sheet.getCell(range.row + r + 1, range.col + c + 1), definition);
    }
  }
  for (const [col, width] of Object.entries(plan.columnWidths ?? {})) sheet.getColumn(Number(col) + 1).width = width;
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) sheet.getRow(Number(row) + 1).height = height;
  for (const m of plan.merges ?? []) sheet.mergeCells(m.row + 1, m.col + 1, m.row + m.rowCount, m.col + m.colCount);
  if (plan.freeze) sheet.views = [{ state: 'frozen', xSplit: plan.freeze.cols, ySplit: plan.freeze.rows }];
  if (plan.tabColour) sheet.properties.tabColor = { argb: argb(plan.tabColour) };
  if (plan.page) {
    const { orientation, fitToWidth, scale, repeatRows, repeatColumns, printArea, margins, header, footer } = plan.page;
    sheet.pageSetup = {
      ...sheet.pageSetup,
      orientation,
      paperSize: 9,
      fitToPage: fitToWidth,
      fitToWidth: fitToWidth ? 1 : undefined,
      fitToHeight: fitToWidth ? 0 : undefined,
      scale: fitToWidth ? undefined : (scale ?? 100),
      ...(margins ? { margins } : {}),
      printTitlesRow: repeatRows ? `${repeatRows.first + 1}:${repeatRows.last + 1}` : undefined,
      printTitlesColumn: repeatColumns ? `${columnLetters(repeatColumns.first)}:${columnLetters(repeatColumns.last)}` : undefined,
      printArea: printArea
        ? `${sheet.getCell(printArea.row + 1, printArea.col + 1).address}:${sheet.getCell(printArea.row + printArea.rowCount, printArea.col + printArea.colCount).address}`
        : undefined,
    };
    sheet.headerFooter = { oddHeader: headerFooterText(header), oddFooter: headerFooterText(footer) };
    // addPageBreak breaks below the row: below 1-based row N is before 0-based row N.
    for (const row of plan.page.rowBreaks ?? []) sheet.getRow(row).addPageBreak();
  }
}

export function executePlan(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  for (const name of plan.removeSheets) {
    const sheet = workbook.getWorksheet(name);
    if (sheet) workbook.removeWorksheet(sheet.id);
  }
  for (const sheetPlan of plan.sheets) {
    let sheet = workbook.getWorksheet(sheetPlan.name);
    if (sheetPlan.mode === 'generated') {
      if (sheet) workbook.removeWorksheet(sheet.id);
      sheet = workbook.addWorksheet(sheetPlan.name);
    } else if (!sheet) {
      throw new Error(`The write plan names a sheet the workbook does not have: "${sheetPlan.name}".`);
    }
    writeSheet(sheet, sheetPlan, plan.styles);
  }
  if (plan.front?.length) openOnFront(workbook, plan.front);
}

/** The plan's front sheets first, the first of them active (WritePlan.front); the other sheets keep their order. */
function openOnFront(workbook: ExcelJS.Workbook, front: readonly string[]): void {
  const lead = front.map((name) => workbook.getWorksheet(name)).filter((sheet) => sheet !== undefined);
  if (lead.length === 0) return;
  // exceljs writes sheets in orderNo order (not in its typings).
  const order = [...lead, ...workbook.worksheets.filter((sheet) => !lead.includes(sheet))];
  order.forEach((sheet, position) => ((sheet as ExcelJS.Worksheet & { orderNo: number }).orderNo = position));
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
}

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Builds a new workbook from a plan whose sheets are all generated. */
export async function createWithExcelJs(plan: WritePlan): Promise<Uint8Array> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  workbook.creator = 'Ragbook';
  executePlan(workbook, plan);
  return toBytes(workbook);
}
