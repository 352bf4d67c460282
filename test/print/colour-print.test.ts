/**
 * Without colour (issue 18), on the printed page: the coloured sample
 * (brag: every fill) printed through LibreOffice and rasterised with
 * pdftoppm. Every figure on a status fill carries a symbol, each symbol
 * stands for one fill, and the fills as printed stay apart in greyscale and
 * to a reader with deuteranopia or protanopia.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { schemeNamed, STATUSES, SYMBOLS } from '../../src/core/measures/scheme';
import { runCli } from '../helpers/cli';
import { deltaE } from '../helpers/colour-vision';
import { canPrintToPdf, type PdfWord, pdfPages, printToPdf } from '../helpers/pdf-text';
import { tempDir } from '../helpers/xlsx';

const SAMPLE = path.join(__dirname, '../../assets/sample-performance.xlsx');
const printable = canPrintToPdf();
if (!printable) console.warn('colour-print.test.ts skipped: soffice or pdftotext is not installed');

/** Pixels per point: pdftotext's boxes are in points. */
const SCALE = 3;
const FIGURE = /^\(?-?[\d,]+(\.\d+)?%?\)?$/;
const OWN_SYMBOLS: string[] = Object.values(SYMBOLS);

interface Raster {
  width: number;
  height: number;
  pixels: Buffer;
}

/** One page of the PDF as RGB pixels (pdftoppm's binary PPM). */
function rasterise(pdf: string, page: number): Raster {
  const ppm = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(72 * SCALE), pdf], { maxBuffer: 256 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not give a binary PPM');
  return { width: Number(header[1]), height: Number(header[2]), pixels: ppm.subarray(header[0].length) };
}

const hex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();

/** The commonest colour in a box given in points: the cell's fill between glyphs. */
function backgroundIn(raster: Raster, x0: number, x1: number, y0: number, y1: number): string {
  const counts = new Map<string, number>();
  for (let y = Math.round(y0 * SCALE); y < Math.round(y1 * SCALE); y++) {
    for (let x = Math.round(x0 * SCALE); x < Math.round(x1 * SCALE); x++) {
      const at = (y * raster.width + x) * 3;
      const colour = `#${hex(raster.pixels[at])}${hex(raster.pixels[at + 1])}${hex(raster.pixels[at + 2])}`;
      counts.set(colour, (counts.get(colour) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '#FFFFFF';
}

(printable ? describe : describe.skip)('the coloured sample printed', () => {
  // The fills of judged statuses; grey "No data" holds no figure, only what could not be read ("about 14").
  const fills = new Set(STATUSES.flatMap((s) => (schemeNamed('brag')!.looks[s].symbol ? (schemeNamed('brag')!.looks[s].colour ?? []) : [])));
  /** The fill under each figure, and the symbol before it (if any). */
  const figures: { fill: string; symbol?: string; text: string; page: number }[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir();
    const book = path.join(dir, 'coloured.xlsx');
    expect((await runCli(['apply', SAMPLE, '--scheme', 'brag', '-o', book])).code).toBe(0);
    const [pdf] = await printToPdf([book], path.join(dir, 'pdf'));
    for (const page of pdfPages(pdf)) {
      if (!page.words.some((w) => OWN_SYMBOLS.includes(w.text))) continue;
      // The Summary's counts stand in columns headed by their status ("Overdue", "Not met"): there the fill helps, the header tells.
      if (page.words.slice(0, 8).some((w) => w.text === 'summary')) continue;
      const raster = rasterise(pdf, page.number);
      const sameLine = (a: PdfWord, b: PdfWord) => Math.abs(a.yMin + a.yMax - b.yMin - b.yMax) < 2;
      for (const word of page.words) {
        if (!FIGURE.test(word.text)) continue;
        const before = page.words.filter((w) => sameLine(w, word) && w.xMax <= word.xMin && word.xMin - w.xMax < 6).sort((a, b) => b.xMax - a.xMax)[0];
        const symbol = before && OWN_SYMBOLS.includes(before.text) ? before.text : undefined;
        // Just left of the figure: the space after its symbol, or the cell's padding.
        const fill = backgroundIn(raster, word.xMin - 1.5, word.xMin - 0.3, word.yMin + 2, word.yMax - 2);
        figures.push({ fill, symbol, text: word.text, page: page.number });
      }
    }
  }, 240_000);
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('puts a symbol before every figure on a status fill', () => {
    const onFills = figures.filter((f) => fills.has(f.fill));
    expect(onFills.length).toBeGreaterThan(200);
    expect(onFills.filter((f) => !f.symbol).map((f) => `page ${f.page}: ${f.text} on ${f.fill}`)).toEqual([]);
  });

  it('gives each fill one symbol and each symbol one fill', () => {
    const pairs = new Set(figures.filter((f) => f.symbol).map((f) => `${f.symbol} ${f.fill}`));
    const symbols = [...pairs].map((p) => p.split(' ')[0]);
    const printed = [...pairs].map((p) => p.split(' ')[1]);
    expect(new Set(symbols).size).toBe(pairs.size);
    expect(new Set(printed).size).toBe(pairs.size);
    expect(pairs.size).toBe(4);
  });

  it('prints fills that stay apart in greyscale and under deuteranopia and protanopia', () => {
    const printed = [...new Set(figures.filter((f) => f.symbol).map((f) => f.fill))];
    const close: string[] = [];
    printed.forEach((a, i) =>
      printed.slice(i + 1).forEach((b) => {
        if (deltaE(a, b, 'greyscale') < 8) close.push(`${a}/${b} greyscale ${deltaE(a, b, 'greyscale').toFixed(1)}`);
        for (const vision of ['deuteranopia', 'protanopia'] as const) if (deltaE(a, b, vision) < 10) close.push(`${a}/${b} ${vision} ${deltaE(a, b, vision).toFixed(1)}`);
      }),
    );
    expect(close).toEqual([]);
  });
});
