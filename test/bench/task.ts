/**
 * One bench task, run in its own process so its peak memory is its own:
 * prints {"ms": …, "maxRssBytes": …} on the last line of stdout.
 *
 *   node --import tsx test/bench/task.ts exceljs|cli|core ARGS…
 */
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { analyseMeasures } from '../../src/core/measures/analyse';
import { wideGrids } from './workbooks';

async function work(kind: string, args: string[]): Promise<void> {
  switch (kind) {
    case 'exceljs': {
      // The floor of the old approach: a plain exceljs read and write of the same file.
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await fs.readFile(args[0])) as unknown as ExcelJS.Buffer);
      await fs.writeFile(args[1], new Uint8Array(await book.xlsx.writeBuffer()));
      return;
    }
    case 'cli': {
      const silent = () => undefined;
      const code = await main(args, { stdout: silent, stderr: (t) => process.stderr.write(t), progress: silent, today: () => '2018-04-30', env: {} });
      if (code !== 0) throw new Error(`ragbook ${args.join(' ')} exited ${code}`);
      return;
    }
    case 'core': {
      const grids = wideGrids(Number(args[0]));
      const started = performance.now();
      const analysis = analyseMeasures(grids, { today: '2018-04-30' });
      coreMs = performance.now() - started;
      if (analysis.measures.length !== Number(args[0])) throw new Error(`the core read ${analysis.measures.length} measures`);
      return;
    }
    default:
      throw new Error(`unknown bench task ${kind}`);
  }
}

/** The core is timed without building its input grids. */
let coreMs: number | undefined;

async function runTask(): Promise<void> {
  const [kind, ...args] = process.argv.slice(2);
  const started = performance.now();
  await work(kind, args);
  const ms = coreMs ?? performance.now() - started;
  process.stdout.write(`\n${JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
}

runTask().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
