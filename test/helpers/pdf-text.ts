/**
 * Printing workbooks as a reader would (LibreOffice, headless, to PDF) and
 * measuring the text on each page with `pdftotext -bbox`: a word's box is
 * about 1.3 × its font size tall (ascent + descent of Carlito/Calibri), so
 * the box height tells the printed point size whatever scaling the page
 * setup applied.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A word box's height divided by the font size it was printed at. */
export const BOX_HEIGHT_PER_POINT = 1.3;

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** Printed font size in points, from the box height, to 0.1 pt (an 8 pt word measures 7.99 unrounded). */
  points: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  words: PdfWord[];
}

/** True when both LibreOffice and poppler's pdftotext are installed (CI installs them). */
export function canPrintToPdf(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v soffice && command -v pdftotext'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Converts every workbook to PDF in one LibreOffice call (a private profile,
 * so parallel runs never share its lock); returns the PDFs in input order.
 */
export async function printToPdf(workbooks: readonly string[], outDir: string): Promise<string[]> {
  await fs.mkdir(outDir, { recursive: true });
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'ragbook-soffice-'));
  try {
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...workbooks],
      { encoding: 'utf8', timeout: 240_000 },
    );
    if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  const pdfs = workbooks.map((book) => path.join(outDir, `${path.basename(book, path.extname(book))}.pdf`));
  for (const pdf of pdfs) await fs.access(pdf);
  return pdfs;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** Every page of the PDF with its words and their boxes (points, origin top left). */
export function pdfPages(pdf: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  const pagePattern = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordPattern = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/word>/g;
  for (const page of html.matchAll(pagePattern)) {
    const words = [...page[3].matchAll(wordPattern)].map((w) => {
      const [xMin, yMin, xMax, yMax] = [w[1], w[2], w[3], w[4]].map(Number);
      return { text: unescapeXml(w[5]), xMin, yMin, xMax, yMax, points: Math.round(((yMax - yMin) / BOX_HEIGHT_PER_POINT) * 10) / 10 };
    });
    pages.push({ number: pages.length + 1, width: Number(page[1]), height: Number(page[2]), words });
  }
  return pages;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median word's printed size on the page, in points (NaN for a page without words). */
export function medianWordPoints(page: PdfPage): number {
  return median(page.words.map((w) => w.points));
}

/** The page's words joined in reading order, for finding which sheet or block a page shows. */
export function pageText(page: PdfPage): string {
  return page.words.map((w) => w.text).join(' ');
}
