/** Maps the plan's named styles onto Office.js range formats: one range per run of same-styled cells. */
import type { CellRange, CellStyle } from '../../model/plan';
import { rowChunks } from './chunks';

/** The thin grey border the file adapter draws (FFBFBFBF). */
export const BORDER_COLOUR = '#BFBFBF';

const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

// Records over the unions: the compiler insists on an entry for every alignment.
const HORIZONTAL: Record<NonNullable<CellStyle['horizontal']>, 'Left' | 'Center' | 'Right'> = { left: 'Left', center: 'Center', right: 'Right' };
const VERTICAL: Record<NonNullable<CellStyle['vertical']>, 'Top' | 'Center' | 'Bottom'> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

/** Sets one number format on every cell of the range, in row blocks small enough for Excel on the web. */
export function setNumberFormat(sheet: Excel.Worksheet, range: CellRange, format: string): void {
  for (const [first, count] of rowChunks(range.rowCount, range.colCount)) {
    const row = Array.from({ length: range.colCount }, () => format);
    sheet.getRangeByIndexes(range.row + first, range.col, count, range.colCount).numberFormat = Array.from({ length: count }, () => row);
  }
}

/**
 * Applies a style as an overlay (only the properties it names change), as the
 * file adapter does. The whole run is one range, whatever its size.
 */
export function applyStyle(sheet: Excel.Worksheet, target: CellRange, style: CellStyle): void {
  const range = sheet.getRangeByIndexes(target.row, target.col, target.rowCount, target.colCount);
  const format = range.format;
  if (style.fill) format.fill.color = style.fill;
  if (style.fontColour) format.font.color = style.fontColour;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize) format.font.size = style.fontSize;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.border) {
    for (const edge of BORDER_EDGES) {
      if (edge === 'InsideHorizontal' && target.rowCount === 1) continue;
      if (edge === 'InsideVertical' && target.colCount === 1) continue;
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
      border.color = BORDER_COLOUR;
    }
  }
  if (style.numberFormat) setNumberFormat(sheet, target, style.numberFormat);
}
