/**
 * How Ragbook's sheets print on A4: text never below 8 pt, header rows
 * repeated, and a header and footer saying what the page is (title, period,
 * page number, protective marking).
 */
import type { HeaderFooterLine, PageMargins, PageSetup, WritePlan } from '../../model/plan';

/** The smallest text a printed page may carry, in points. */
export const MIN_PRINTED_POINTS = 8;
/** Body text on generated sheets (Calibri 11, Excel's default). */
export const BODY_POINTS = 11;
/**
 * The scale a page prints at when one page wide would shrink text below
 * 8 pt: 11 pt × 75% = 8.25 pt, the columns then run over several pages wide.
 */
export const READABLE_SCALE = 75;

/** Narrow side margins (inches), so more columns fit at full size. */
export const PAGE_MARGINS: PageMargins = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

const A4_POINTS = { short: 595.3, long: 841.9 };

/** Excel's default column width, in its unit of characters. */
export const DEFAULT_COLUMN_WIDTH = 8.43;

/** The width of a column of `characters` (Excel's unit) in points: 7-pixel digits, 5 pixels of padding, ¾ pt a pixel. */
export function columnPoints(characters: number): number {
  return Math.trunc(characters * 7 + 5) * 0.75;
}

export function printableWidth(orientation: PageSetup['orientation'], margins: PageMargins): number {
  return (orientation === 'portrait' ? A4_POINTS.short : A4_POINTS.long) - (margins.left + margins.right) * 72;
}

export function printableHeight(orientation: PageSetup['orientation'], margins: PageMargins): number {
  return (orientation === 'portrait' ? A4_POINTS.long : A4_POINTS.short) - (margins.top + margins.bottom) * 72;
}

/**
 * The fit for a sheet `widthPoints` wide: one page wide in the orientation
 * asked for where the text stays readable, else in landscape, else at
 * READABLE_SCALE over several pages wide (landscape). A small allowance
 * covers the printer's own rounding, so the estimate errs towards larger text.
 */
export function readableFit(
  widthPoints: number,
  orientation: PageSetup['orientation'],
  bodyPoints = BODY_POINTS,
  margins: PageMargins = PAGE_MARGINS,
): Pick<PageSetup, 'orientation' | 'fitToWidth' | 'scale'> {
  const minimumScale = MIN_PRINTED_POINTS / bodyPoints + 0.03;
  const ratio = (o: PageSetup['orientation']) => printableWidth(o, margins) / widthPoints;
  // One page wide at full size: fit. Narrower than it needs: the scale that fit would give, stated,
  // as printers' own fitting also weighs row heights and may shrink further.
  for (const o of [orientation, 'landscape'] as const) {
    if (ratio(o) >= 1) return { orientation: o, fitToWidth: true };
    // 6% spare: at 3% a chart's frame ran just past the edge onto a page of its own in LibreOffice.
    if (ratio(o) >= minimumScale) return { orientation: o, fitToWidth: false, scale: Math.max(Math.ceil(minimumScale * 100), Math.floor(ratio(o) * 94)) };
  }
  return { orientation: 'landscape', fitToWidth: false, scale: Math.max(READABLE_SCALE, Math.ceil((100 * MIN_PRINTED_POINTS) / bodyPoints)) };
}

/** Text for a header or footer: "&" doubled, as Excel's codes need. */
export function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Title (left) and period (right) above, page number (right) below. */
export function headerAndFooter(title: string, period?: string): { header: HeaderFooterLine; footer: HeaderFooterLine } {
  return {
    header: { left: headerText(title), ...(period ? { right: headerText(period) } : {}) },
    footer: { left: 'Ragbook', right: 'Page &P of &N' },
  };
}

/**
 * The workbook's protective marking at the centre of the header and footer of
 * every page Ragbook generates, as government guidance asks of marked papers.
 */
export function markPrintedPages(plan: WritePlan, marking: string | undefined): WritePlan {
  if (!marking) return plan;
  const centre = `&"-,Bold"${headerText(marking)}`;
  for (const sheet of plan.sheets) {
    if (sheet.mode !== 'generated' || !sheet.page) continue;
    sheet.page = { ...sheet.page, header: { ...sheet.page.header, center: centre }, footer: { ...sheet.page.footer, center: centre } };
  }
  return plan;
}
