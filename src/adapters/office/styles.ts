/**
 * Maps the plan's named styles onto Office.js range formats. Every run of a
 * style goes into one discontiguous range (`getRanges`), so a sheet of 50,000
 * coloured measures costs a few calls per colour, not one per run.
 */
import type { CellRange, CellStyle, StyledRange } from '../../model/plan';
import { addressLists } from './range-areas';
import { arrayCallBytes, jsonBytes, type RequestBatch } from './request-batch';

/** The thin grey border the file adapter draws (FFBFBFBF). */
export const BORDER_COLOUR = '#BFBFBF';

const OUTER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

// Records over the unions: the compiler insists on an entry for every alignment.
const HORIZONTAL: Record<NonNullable<CellStyle['horizontal']>, 'Left' | 'Center' | 'Right'> = { left: 'Left', center: 'Center', right: 'Right' };
const VERTICAL: Record<NonNullable<CellStyle['vertical']>, 'Top' | 'Center' | 'Bottom'> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

/** The most a number format call carries: small enough for one request. */
const MAX_CALL_BYTES = 1024 * 1024;

/** Which inside borders a group of ranges can take: Excel draws an inside edge only where a range has one. */
function insideEdges(range: CellRange): ('InsideHorizontal' | 'InsideVertical')[] {
  return [...(range.rowCount > 1 ? (['InsideHorizontal'] as const) : []), ...(range.colCount > 1 ? (['InsideVertical'] as const) : [])];
}

/** Sets the format properties the style names (each one action in the request). */
function setFormat(format: Excel.RangeFormat, style: CellStyle, inside: readonly string[]): void {
  if (style.fill) format.fill.color = style.fill;
  if (style.fontColour) format.font.color = style.fontColour;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize) format.font.size = style.fontSize;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.border) {
    for (const edge of [...OUTER_EDGES, ...inside]) {
      const border = format.borders.getItem(edge as Excel.BorderIndex);
      border.style = 'Continuous';
      border.weight = 'Thin';
      border.color = BORDER_COLOUR;
    }
  }
}

/** Roughly what setFormat adds to a request, beyond the call itself. */
function formatBytes(style: CellStyle): number {
  return (Object.keys(style).length + (style.border ? 24 : 0)) * 150;
}

interface Group {
  style: CellStyle;
  inside: readonly string[];
  ranges: CellRange[];
}

/**
 * The runs, grouped by style into layers: within a layer no cell has two
 * styles, so the groups can go in any order; a run that restyles a cell of
 * another style starts a new layer, so later styles still overlay earlier ones
 * as in the file adapter.
 */
function layers(runs: StyledRange[], styles: Record<string, CellStyle>): Group[][] {
  const result: Group[][] = [];
  let groups = new Map<string, Group>();
  /** The style of each cell of the layer, by row then column (a key of row × columns + column is no small integer past row 65,535, and hashed slowly). */
  let owner: (string | undefined)[][] = [];
  const close = () => {
    if (groups.size > 0) result.push([...groups.values()]);
    groups = new Map();
    owner = [];
  };
  const restyles = ({ row, col, rowCount, colCount }: CellRange, name: string) => {
    for (let r = row; r < row + rowCount; r++) {
      const styled = owner[r];
      if (styled) for (let c = col; c < col + colCount; c++) if (styled[c] !== undefined && styled[c] !== name) return true;
    }
    return false;
  };
  for (const { range, style: name } of runs) {
    const style = styles[name];
    if (!style) throw new Error(`The write plan names an unknown style "${name}".`);
    if (restyles(range, name)) close();
    for (let r = range.row; r < range.row + range.rowCount; r++) {
      const styled = (owner[r] ??= []);
      for (let c = range.col; c < range.col + range.colCount; c++) styled[c] = name;
    }
    const inside = style.border ? insideEdges(range) : [];
    const key = `${name}|${inside.join()}`;
    const group = groups.get(key) ?? { style, inside, ranges: [] };
    group.ranges.push(range);
    groups.set(key, group);
  }
  close();
  return result;
}

/**
 * Up to this many cells between two runs down a column are bridged with null
 * (Excel leaves a cell whose number format is given as null as it is): cheaper
 * than a call of its own.
 */
const MAX_BRIDGED_CELLS = 100;

/** Sets a column of cells from `row` down, one number format per cell (null: unchanged), in calls small enough for one request each. */
async function setColumnFormats(sheet: Excel.Worksheet, row: number, col: number, formats: (string | null)[], batch: RequestBatch): Promise<void> {
  const sizes = new Map<string | null, number>();
  const size = (format: string | null) => sizes.get(format) ?? sizes.set(format, jsonBytes([format]) + 1).get(format)!;
  for (let first = 0; first < formats.length; ) {
    let bytes = size(formats[first]);
    let end = first + 1;
    while (end < formats.length && bytes + size(formats[end]) <= MAX_CALL_BYTES) bytes += size(formats[end++]);
    await batch.room(arrayCallBytes(bytes, end - first));
    sheet.getRangeByIndexes(row + first, col, end - first, 1).numberFormat = formats.slice(first, end).map((format) => [format]);
    first = end;
  }
}

/**
 * The number formats of one layer, column by column: every run down a column
 * goes in one call with a format per cell, short gaps between them bridged, so
 * a column of figures whose status changes from row to row costs a call, not
 * one per run.
 */
async function setLayerFormats(sheet: Excel.Worksheet, layer: Group[], batch: RequestBatch): Promise<void> {
  const columns = new Map<number, { row: number; rowCount: number; format: string }[]>();
  for (const { style, ranges } of layer) {
    const format = style.numberFormat;
    if (!format) continue;
    for (const { row, col, rowCount, colCount } of ranges) {
      for (let c = col; c < col + colCount; c++) {
        const column = columns.get(c);
        if (column) column.push({ row, rowCount, format });
        else columns.set(c, [{ row, rowCount, format }]);
      }
    }
  }
  for (const [col, runs] of columns) {
    runs.sort((a, b) => a.row - b.row);
    let row = runs[0].row;
    let formats: (string | null)[] = [];
    for (const run of runs) {
      const gap = run.row - (row + formats.length);
      if (gap > MAX_BRIDGED_CELLS) {
        await setColumnFormats(sheet, row, col, formats, batch);
        row = run.row;
        formats = [];
      } else for (let i = 0; i < gap; i++) formats.push(null);
      for (let i = 0; i < run.rowCount; i++) formats.push(run.format);
    }
    await setColumnFormats(sheet, row, col, formats, batch);
  }
}

/** Applies the runs' styles as overlays (only the properties a style names change), as the file adapter does. */
export async function applyStyles(sheet: Excel.Worksheet, runs: StyledRange[], styles: Record<string, CellStyle>, batch: RequestBatch): Promise<void> {
  for (const layer of layers(runs, styles)) {
    for (const { style, inside, ranges } of layer) {
      if (!Object.keys(style).some((key) => key !== 'numberFormat')) continue;
      for (const addresses of addressLists(ranges)) {
        await batch.room(addresses.length + formatBytes(style));
        setFormat(sheet.getRanges(addresses).format, style, inside);
      }
    }
    // Within a layer no cell has two styles: its number formats can follow its other formats.
    await setLayerFormats(sheet, layer, batch);
  }
}
