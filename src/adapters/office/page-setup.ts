/** A sheet's print setup on the live workbook: orientation, fit or scale, margins, print titles, header and footer. */
import { columnLetters, rangeAddress } from '../../model/address';
import type { PageSetup } from '../../model/plan';

const POINTS_PER_INCH = 72;

export function applyPage(sheet: Excel.Worksheet, page: PageSetup): void {
  const layout = sheet.pageLayout;
  layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4';
  // verticalFitToPages 0: as many pages tall as it needs, like fitToHeight="0" in a file.
  if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  else if (page.scale) layout.zoom = { scale: page.scale };
  if (page.margins) {
    const m = page.margins;
    layout.leftMargin = m.left * POINTS_PER_INCH;
    layout.rightMargin = m.right * POINTS_PER_INCH;
    layout.topMargin = m.top * POINTS_PER_INCH;
    layout.bottomMargin = m.bottom * POINTS_PER_INCH;
    layout.headerMargin = m.header * POINTS_PER_INCH;
    layout.footerMargin = m.footer * POINTS_PER_INCH;
  }
  if (page.repeatRows) layout.setPrintTitleRows(`$${page.repeatRows.first + 1}:$${page.repeatRows.last + 1}`);
  if (page.repeatColumns) layout.setPrintTitleColumns(`$${columnLetters(page.repeatColumns.first)}:$${columnLetters(page.repeatColumns.last)}`);
  if (page.printArea) {
    const { row, col, rowCount, colCount } = page.printArea;
    layout.setPrintArea(rangeAddress(row, col, rowCount, colCount));
  }
  if (page.header || page.footer) {
    const all = layout.headersFooters.defaultForAllPages;
    all.leftHeader = page.header?.left ?? '';
    all.centerHeader = page.header?.center ?? '';
    all.rightHeader = page.header?.right ?? '';
    all.leftFooter = page.footer?.left ?? '';
    all.centerFooter = page.footer?.center ?? '';
    all.rightFooter = page.footer?.right ?? '';
  }
}
