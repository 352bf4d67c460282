/**
 * Compares a workbook written by the file adapter (read back with exceljs)
 * with the simulated host's workbook after the Office adapter ran the same
 * plan: sheet order, the active sheet, every cell's value, number format, fill, font,
 * alignment, borders and links, merges, column widths, frozen panes, tab
 * colour and page setup. Returns the differences, in words.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { cellAddress } from '../../../src/model/address';
import { pointsToCharacters } from '../../../src/adapters/office/layout';
import type { SimCell, SimSheet, SimWorkbook } from './sim/model';

function hex(argb: string | undefined): string | undefined {
  return argb ? `#${argb.slice(-6).toUpperCase()}` : undefined;
}

function fileValue(cell: ExcelJS.Cell): { value: unknown; link?: string; formula?: string } {
  const v = cell.value;
  if (v === null || v === undefined) return { value: '' };
  // exceljs turns date-formatted numbers into Dates; Office.js shows the serial number.
  if (v instanceof Date) return { value: (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 };
  if (typeof v !== 'object') return { value: v };
  if ('hyperlink' in v) return { value: v.text, link: v.hyperlink.replace(/^#/, '') };
  if ('formula' in v) return { value: v.result ?? '', formula: `=${v.formula}` };
  if ('error' in v) return { value: v.error };
  return { value: JSON.stringify(v) };
}

const HORIZONTAL: Record<string, string> = { left: 'Left', center: 'Center', right: 'Right' };
const VERTICAL: Record<string, string> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

/**
 * Links inside the workbook ("location" links) by sheet name and cell, read
 * from the package itself: exceljs reads only links to other files.
 */
function internalLinks(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  const text = (path: string) => (files[path] ? strFromU8(files[path]) : '');
  const targets = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => [/Id="([^"]+)"/.exec(tag)?.[1], /Target="([^"]+)"/.exec(tag)?.[1]]));
  const links = new Map<string, string>();
  for (const [tag] of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    const target = targets.get(/r:id="([^"]+)"/.exec(tag)?.[1]);
    if (!name || !target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    for (const [link] of text(path).matchAll(/<hyperlink\b[^>]*location="[^"]*"[^>]*>/g)) {
      const location = /location="([^"]*)"/.exec(link)![1].replace(/&apos;/g, "'").replace(/&amp;/g, '&');
      links.set(`${name.replace(/&amp;/g, '&')}!${/ref="([^"]+)"/.exec(link)?.[1]}`, location);
    }
  }
  return links;
}

function compareCell(where: string, file: ExcelJS.Cell | undefined, sim: SimCell | undefined, link: string | undefined, out: string[]): void {
  const f = file ? { link, ...fileValue(file) } : { value: '', link };
  const s = sim ?? ({ value: '', numberFormat: 'General', borders: {} } as SimCell);
  const check = (what: string, a: unknown, b: unknown) => {
    if (a !== b) out.push(`${where} ${what}: file ${JSON.stringify(a)}, Office ${JSON.stringify(b)}`);
  };
  check('value', f.value, s.value);
  check('formula', f.formula, s.formula);
  check('link', f.link, s.hyperlink?.documentReference);
  const fileFormat = file?.numFmt && file.numFmt !== 'General' ? file.numFmt : 'General';
  // The Text format keeps "=…" and "45%" as typed in Excel; a file's string cell needs none.
  const simFormat = s.numberFormat === '@' && typeof s.value === 'string' && fileFormat === 'General' ? 'General' : s.numberFormat;
  check('number format', fileFormat, simFormat);
  const fill = file?.fill?.type === 'pattern' ? hex(file.fill.fgColor?.argb) : undefined;
  check('fill', fill, s.fill?.toUpperCase());
  check('font colour', hex(file?.font?.color?.argb), s.fontColor?.toUpperCase());
  check('bold', Boolean(file?.font?.bold), Boolean(s.bold));
  check('italic', Boolean(file?.font?.italic), Boolean(s.italic));
  check('font size', s.size === undefined ? undefined : file?.font?.size, s.size);
  check('wrap', Boolean(file?.alignment?.wrapText), Boolean(s.wrap));
  check('horizontal', file?.alignment?.horizontal && HORIZONTAL[file.alignment.horizontal], s.horizontal);
  check('vertical', file?.alignment?.vertical && VERTICAL[file.alignment.vertical], s.vertical);
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const fb = file?.border?.[side];
    const sb = s.borders[side];
    check(`${side} border`, fb?.style ? `thin ${hex(fb.color?.argb)}` : undefined, sb ? `${sb.weight?.toLowerCase()} ${sb.color?.toUpperCase()}` : undefined);
  }
}

function compareSheet(file: ExcelJS.Worksheet, sim: SimSheet, links: Map<string, string>, out: string[]): void {
  // A merged range shows its first cell only; exceljs repeats that cell in the others.
  const hidden = new Set(sim.merges.flatMap((m) => Array.from({ length: m.rowCount * m.colCount }, (_, i) => `${m.row + Math.floor(i / m.colCount)},${m.col + (i % m.colCount)}`).slice(1)));
  const addresses = new Set<string>();
  file.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: true }, (_c, c) => addresses.add(`${r - 1},${c - 1}`)));
  for (const key of sim.cells.keys()) addresses.add(key);
  for (const key of addresses) {
    if (hidden.has(key)) continue;
    const [r, c] = key.split(',').map(Number);
    const fileCell = file.findCell(r + 1, c + 1);
    compareCell(`${sim.name}!${cellAddress(r, c)}`, fileCell, sim.peek(r, c), links.get(`${sim.name}!${cellAddress(r, c)}`), out);
  }
  const fileMerges = [...((file.model as { merges?: string[] }).merges ?? [])].sort();
  const simMerges = sim.merges.map((m) => `${cellAddress(m.row, m.col)}:${cellAddress(m.row + m.rowCount - 1, m.col + m.colCount - 1)}`).sort();
  if (fileMerges.join() !== simMerges.join()) out.push(`${sim.name} merges: file ${fileMerges}, Office ${simMerges}`);
  for (const [col, points] of sim.columnWidths) {
    const width = file.getColumn(col + 1).width ?? 0;
    if (Math.abs(width - pointsToCharacters(points)) > 0.15) out.push(`${sim.name} column ${col} width: file ${width}, Office ${pointsToCharacters(points)}`);
  }
  for (const [row, points] of sim.rowHeights) {
    const height = file.getRow(row + 1).height;
    if (height !== points) out.push(`${sim.name} row ${row + 1} height: file ${height}, Office ${points}`);
  }
  const view = file.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const fileFreeze = view?.state === 'frozen' ? `${view.ySplit ?? 0},${view.xSplit ?? 0}` : '';
  const simFreeze = sim.freeze ? `${sim.freeze.rows},${sim.freeze.cols}` : '';
  if (fileFreeze !== simFreeze) out.push(`${sim.name} frozen panes: file ${fileFreeze}, Office ${simFreeze}`);
  if (hex(file.properties.tabColor?.argb) !== sim.tabColor?.toUpperCase()) out.push(`${sim.name} tab colour differs`);
  const orientation = sim.page.orientation?.toLowerCase();
  if (orientation && file.pageSetup.orientation !== orientation) out.push(`${sim.name} orientation: file ${file.pageSetup.orientation}, Office ${orientation}`);
  const fitsWidth = sim.page.zoom?.horizontalFitToPages === 1;
  if (Boolean(file.pageSetup.fitToPage) !== fitsWidth) out.push(`${sim.name} fit to width differs`);
  if (!fitsWidth && sim.page.zoom?.scale !== undefined && file.pageSetup.scale !== sim.page.zoom.scale) out.push(`${sim.name} print scale differs`);
  const hf = sim.page.headersFooters ?? {};
  const line = (kind: 'Header' | 'Footer') =>
    [['L', 'left'], ['C', 'center'], ['R', 'right']].map(([code, side]) => (hf[`${side}${kind}`] ? `&${code}${hf[`${side}${kind}`]}` : '')).join('');
  if ((file.headerFooter?.oddHeader ?? '') !== line('Header')) out.push(`${sim.name} header: file ${file.headerFooter?.oddHeader}, Office ${line('Header')}`);
  if ((file.headerFooter?.oddFooter ?? '') !== line('Footer')) out.push(`${sim.name} footer: file ${file.headerFooter?.oddFooter}, Office ${line('Footer')}`);
  const left = sim.page.margins?.leftMargin;
  if (left !== undefined && Math.abs((file.pageSetup.margins?.left ?? 0) * 72 - left) > 0.01) out.push(`${sim.name} left margin differs`);
}

export async function differences(fileBytes: Uint8Array, sim: SimWorkbook): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(fileBytes) as unknown as ExcelJS.Buffer);
  const out: string[] = [];
  const links = internalLinks(fileBytes);
  const fileNames = book.worksheets.map((s) => s.name);
  const simNames = sim.sheets.map((s) => s.name);
  if (fileNames.join('|') !== simNames.join('|')) out.push(`sheets: file ${fileNames.join(', ')}, Office ${simNames.join(', ')}`);
  const fileActive = fileNames[(book.views as ExcelJS.WorkbookView[] | undefined)?.[0]?.activeTab ?? 0];
  const simActive = sim.sheet(sim.activeSheet ?? '')?.name ?? simNames[0];
  if (fileActive !== simActive) out.push(`active sheet: file ${fileActive}, Office ${simActive}`);
  for (const sheet of sim.sheets) {
    const file = book.getWorksheet(sheet.name);
    if (file) compareSheet(file, sheet, links, out);
  }
  return out;
}
