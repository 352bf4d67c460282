/**
 * `npm run bench`: times the reports on big workbooks against the floor of
 * the old approach (a plain exceljs read and write of the same file). Each
 * command runs in its own Node process as a user runs it (the built CLI,
 * `node lib/cli/main.js`), measured from process start to exit, with its
 * peak resident memory. Not a test: it prints figures for the README.
 *
 *   npm run bench                 # 10,000 measures × 12 quarters, both layouts; 100,000 wide; the core on 1,000,000 observations
 *   npm run bench -- --quick      # 1,000 measures, for trying the script
 */
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QUARTERS } from './measures';
import { writeLongWorkbook, writeWideWorkbook } from './workbooks';

interface Figures {
  ms: number;
  maxRssBytes: number;
}

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'lib', 'cli', 'main.js');
const FLOOR = path.join(__dirname, 'exceljs-floor.cjs');
const USAGE = path.join(__dirname, 'report-usage.cjs');
const TASK = path.join(__dirname, 'task.ts');
const RUNS = 3;
const CORE_TASK = path.join(__dirname, 'core-task.cjs');

/** Runs `node ARGS…` with the usage preload and returns its figures. */
function measureOnce(dir: string, args: string[]): Figures {
  const usageFile = path.join(dir, 'usage.json');
  const child = spawnSync(process.execPath, ['--require', USAGE, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, RAGBOOK_BENCH_USAGE: usageFile },
  });
  if (child.status !== 0) throw new Error(`bench command ${args.join(' ')} failed:\n${child.stderr}`);
  return JSON.parse(readFileSync(usageFile, 'utf8')) as Figures;
}

/** The median time and memory of several runs: on a shared machine one run can be a fifth off either way. */
function median(all: Figures[]): Figures {
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { ms: middle(all.map((f) => f.ms)), maxRssBytes: middle(all.map((f) => f.maxRssBytes)) };
}

function measure(dir: string, args: string[], runs = RUNS): Figures {
  return median(Array.from({ length: runs }, () => measureOnce(dir, args)));
}

/** A task of task.ts under tsx, which times its own work (not Node's start or tsx's compiling). */
function runTask(kind: string, args: string[]): Figures {
  return reportedFigures(['--import', 'tsx', TASK, kind, ...args]);
}

/** Runs `node ARGS…`, a script that prints its own figures as the last line of its output. */
function reportedFigures(args: string[]): Figures {
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`bench script ${args.join(' ')} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as Figures;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

function line(label: string, figures: Figures, floor?: Figures): string {
  const ratio = floor ? `${(figures.ms / floor.ms).toFixed(2)}× time, ${(figures.maxRssBytes / floor.maxRssBytes).toFixed(2)}× memory` : '';
  return `  ${label.padEnd(34)} ${seconds(figures.ms).padStart(9)}  ${mib(figures.maxRssBytes).padStart(9)} peak   ${ratio}`;
}

async function benchLayout(dir: string, layout: 'wide' | 'long', measures: number): Promise<void> {
  const file = path.join(dir, `${layout}-${measures}.xlsx`);
  await (layout === 'wide' ? writeWideWorkbook : writeLongWorkbook)(file, measures);
  const size = (await fs.stat(file)).size;
  console.log(`\n${layout} layout: ${measures.toLocaleString('en-GB')} measures × ${QUARTERS.length} quarters (${(size / 1024 / 1024).toFixed(1)} MB file)`);
  const floor = measure(dir, [FLOOR, file, path.join(dir, `${layout}-exceljs.xlsx`)]);
  console.log(line('exceljs read + write (the floor)', floor));
  for (const verb of ['apply', 'commentary']) {
    console.log(line(`ragbook ${verb}`, measure(dir, [CLI, verb, file, '-o', path.join(dir, `${layout}-${verb}.xlsx`)]), floor));
  }
  console.log(line('ragbook run', measure(dir, [CLI, 'run', file, '-o', path.join(dir, `${layout}-run`)]), floor));
}

/** The two ways to keep workbook features, side by side: read, fill every actual, write; no rules. */
async function benchAdapters(dir: string, measures: number): Promise<void> {
  const file = path.join(dir, `wide-${measures}.xlsx`);
  console.log('\nfile adapter candidates, filling every actual of the wide workbook (time of the work alone, in a tsx process):');
  const patcher = runTask('fill-patcher', [file, path.join(dir, 'fill-patcher.xlsx')]);
  console.log(line('our patcher', patcher));
  console.log(line('xlsx-populate', runTask('fill-xlsx-populate', [file, path.join(dir, 'fill-populate.xlsx'), String(measures)]), patcher).replace('×', '× ours'));
}

async function bench(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const measures = quick ? 1_000 : 10_000;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ragbook-bench-'));
  try {
    console.log(`Ragbook bench on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
    console.log(`Each command runs in its own process, ${RUNS} times (the median is shown); time is from its start to its exit, memory its peak resident size.`);
    console.log('Targets: apply ≤ 0.3× the floor\'s time and < 0.5× its memory; run ≤ 1× its time; 100,000 measures under 1 GiB; the core under 1 s for 1,000,000 observations.');
    console.log(`\n${line('Node doing nothing', measure(dir, ['-e', '']))}`);
    await benchLayout(dir, 'wide', measures);
    await benchLayout(dir, 'long', measures);
    await benchAdapters(dir, measures);

    const big = quick ? 10_000 : 100_000;
    const bigFile = path.join(dir, `wide-${big}.xlsx`);
    await writeWideWorkbook(bigFile, big);
    console.log(`\nwide layout: ${big.toLocaleString('en-GB')} measures × ${QUARTERS.length} quarters`);
    console.log(line('ragbook apply', measure(dir, [CLI, 'apply', bigFile, '-o', path.join(dir, `wide-${big}-apply.xlsx`)], 1)));

    const observations = quick ? 100_000 : 1_000_000;
    const coreMeasures = Math.ceil(observations / QUARTERS.length);
    const gridsFile = path.join(dir, 'grids.json');
    runTask('grids', [gridsFile, String(coreMeasures)]);
    console.log(`\nthe core alone (analyseMeasures in the built lib/, timed without reading its input): ${(coreMeasures * QUARTERS.length).toLocaleString('en-GB')} observations`);
    const coreRun = () => reportedFigures([CORE_TASK, gridsFile, String(coreMeasures)]);
    console.log(line('analyseMeasures', median(Array.from({ length: RUNS }, coreRun))));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

bench().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
