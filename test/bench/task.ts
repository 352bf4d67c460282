/**
 * One bench task, run in its own process so its peak memory is its own:
 * prints {"ms": …, "maxRssBytes": …} on the last line of stdout.
 *
 *   node --import tsx test/bench/task.ts grids|fill-patcher|fill-xlsx-populate ARGS…
 */
import { promises as fs } from 'node:fs';
import { openWorkbook } from '../../src/adapters/file';
import type { StyledRange } from '../../src/model/plan';
import { QUARTERS, WIDE_HEADERS, wideGrids } from './measures';

/** The part of xlsx-populate's API the bench uses (it ships no types). */
interface PopulateWorkbook {
  sheet(index: number): { cell(row: number, col: number): { style(name: string, value: string): void } };
  outputAsync(): Promise<Uint8Array>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- xlsx-populate is CommonJS without types
const XlsxPopulate = require('xlsx-populate') as { fromDataAsync(data: Uint8Array): Promise<PopulateWorkbook> };

/** The same fills for both candidates: every actual of a wide workbook, one of three colours. */
const FILLS = ['A9D18E', 'FFD966', 'F4A6A6'];
const firstQuarter = WIDE_HEADERS.length - QUARTERS.length;

async function work(kind: string, args: string[]): Promise<void> {
  switch (kind) {
    case 'fill-patcher': {
      const opened = await openWorkbook(new Uint8Array(await fs.readFile(args[0])));
      const rows = opened.grids.sheets[0].rows.length;
      const styles: StyledRange[] = [];
      for (let r = 1; r < rows; r++) {
        for (let c = firstQuarter; c < WIDE_HEADERS.length; c++) styles.push({ range: { row: r, col: c, rowCount: 1, colCount: 1 }, style: `s${(r + c) % 3}` });
      }
      const plan = {
        styles: Object.fromEntries(FILLS.map((fill, i) => [`s${i}`, { fill: `#${fill}` }])),
        sheets: [{ name: 'Measures', mode: 'existing' as const, values: [], styles }],
        removeSheets: [],
      };
      await fs.writeFile(args[1], await opened.write(plan));
      return;
    }
    case 'fill-xlsx-populate': {
      const book = await XlsxPopulate.fromDataAsync(new Uint8Array(await fs.readFile(args[0])));
      const sheet = book.sheet(0);
      for (let r = 1; r < Number(args[2]) + 1; r++) {
        for (let c = firstQuarter; c < WIDE_HEADERS.length; c++) sheet.cell(r + 1, c + 1).style('fill', FILLS[(r + c) % 3]);
      }
      await fs.writeFile(args[1], await book.outputAsync());
      return;
    }
    case 'grids':
      // The core's input, built here once and timed by core-task.cjs under plain Node.
      await fs.writeFile(args[0], JSON.stringify(wideGrids(Number(args[1]))));
      return;
    default:
      throw new Error(`unknown bench task ${kind}`);
  }
}

async function runTask(): Promise<void> {
  const [kind, ...args] = process.argv.slice(2);
  const started = performance.now();
  await work(kind, args);
  const ms = performance.now() - started;
  process.stdout.write(`\n${JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
}

runTask().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
