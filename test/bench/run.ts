/**
 * `npm run bench`: times the reports on big workbooks against two floors: the
 * old approach (a plain exceljs read, fill of every actual and write of the
 * same file) and the physical floor of a patch (inflating and deflating every
 * part at Ragbook's zlib level, changing nothing). Each command runs in its
 * own Node process as a user runs it (the built CLI, `node lib/cli/main.js`),
 * measured from process start to exit, with its peak resident memory. Not a
 * test: it prints figures for the README.
 *
 *   npm run bench                 # 10,000 measures × 12 quarters, both layouts; apply on 50,000 and 100,000 wide; the core on 1,000,000 observations
 *   npm run bench -- --quick      # a tenth of each, for trying the script
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
const EXCELJS_FLOOR = path.join(__dirname, 'exceljs-floor.cjs');
const REPACK_FLOOR = path.join(__dirname, 'repack-floor.cjs');
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

interface Floor {
  name: string;
  figures: Figures;
}

function line(label: string, figures: Figures, floors: Floor[] = []): string {
  const ratios = floors.map((f) => `${(figures.ms / f.figures.ms).toFixed(2)}× ${f.name} time, ${(figures.maxRssBytes / f.figures.maxRssBytes).toFixed(2)}× its memory`);
  return `  ${label.padEnd(34)} ${seconds(figures.ms).padStart(9)}  ${mib(figures.maxRssBytes).padStart(9)} peak   ${ratios.join('; ')}`;
}

/** Both floors on one file, printed, for the commands after them to be set against. */
function floors(dir: string, file: string, layout: 'wide' | 'long', runs = RUNS): Floor[] {
  const result: Floor[] = [];
  // The exceljs fill knows the wide layout's quarter columns only.
  if (layout === 'wide') {
    const exceljs = measure(dir, [EXCELJS_FLOOR, file, path.join(dir, 'exceljs.xlsx')], runs);
    console.log(line('exceljs read + fill + write', exceljs));
    result.push({ name: 'exceljs', figures: exceljs });
  }
  const repack = measure(dir, [REPACK_FLOOR, file, path.join(dir, 'repack.xlsx')], runs);
  console.log(line('repack floor (inflate + deflate)', repack));
  result.push({ name: 'repack', figures: repack });
  return result;
}

async function benchLayout(dir: string, layout: 'wide' | 'long', measures: number): Promise<void> {
  const file = path.join(dir, `${layout}-${measures}.xlsx`);
  await (layout === 'wide' ? writeWideWorkbook : writeLongWorkbook)(file, measures);
  const size = (await fs.stat(file)).size;
  console.log(`\n${layout} layout: ${measures.toLocaleString('en-GB')} measures × ${QUARTERS.length} quarters (${(size / 1024 / 1024).toFixed(1)} MB file)`);
  const floor = floors(dir, file, layout);
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
  console.log(line('xlsx-populate', runTask('fill-xlsx-populate', [file, path.join(dir, 'fill-populate.xlsx'), String(measures)]), [{ name: 'our patcher', figures: patcher }]));
}

/** Apply alone at growing sizes, the largest against both floors (run once: exceljs takes half a minute there); then how close to linear its time grows. */
async function benchScaling(dir: string, sizes: number[]): Promise<void> {
  const times: number[] = [];
  for (const size of sizes) {
    const file = path.join(dir, `scale-${size}.xlsx`);
    await writeWideWorkbook(file, size);
    console.log(`\nwide layout: ${size.toLocaleString('en-GB')} measures × ${QUARTERS.length} quarters`);
    const floor = size === sizes[sizes.length - 1] ? floors(dir, file, 'wide', 1) : [];
    // The median of three: the steps between sizes are differences of times, and one slow run would make a bend that is not there.
    const apply = measure(dir, [CLI, 'apply', file, '-o', path.join(dir, `scale-${size}-apply.xlsx`)]);
    console.log(line('ragbook apply', apply, floor));
    times.push(apply.ms);
    await fs.rm(file);
  }
  // Linear growth is a constant cost per added measure (Node's start and loading Ragbook are paid once): compare it between steps.
  const steps = times.slice(1).map((ms, i) => (ms - times[i]) / (sizes[i + 1] - sizes[i]));
  const within = Math.max(...steps) <= 1.15 * Math.min(...steps);
  const stepText = steps.map((ms, i) => `${sizes[i].toLocaleString('en-GB')} → ${sizes[i + 1].toLocaleString('en-GB')}: ${(ms * 1000).toFixed(0)} µs`).join(', ');
  console.log(`\napply time per added measure: ${stepText} (${within ? 'within' : 'not within'} 15% of linear)`);
}

async function bench(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const measures = quick ? 1_000 : 10_000;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ragbook-bench-'));
  try {
    console.log(`Ragbook bench on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
    console.log(`Each command runs in its own process, ${RUNS} times (the median is shown); time is from its start to its exit, memory its peak resident size.`);
    console.log('Targets (10,000 wide): apply ≤ 0.2× exceljs time, ≤ 0.33× its memory, ≤ 4× the repack floor; 100,000 under 512 MiB, time within 15% of linear; the core under 1 s for 1,000,000 observations.');
    console.log(`\n${line('Node doing nothing', measure(dir, ['-e', '']))}`);
    await benchLayout(dir, 'wide', measures);
    await benchLayout(dir, 'long', measures);
    await benchAdapters(dir, measures);

    await benchScaling(dir, quick ? [1_000, 5_000, 10_000] : [10_000, 50_000, 100_000]);

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
