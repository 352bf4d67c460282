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
  /**
   * Each run, when the command ran in turn with those it is set against: the
   * i-th run of each came within seconds of the others', so their ratio is
   * read run by run (see ratio).
   */
  runs?: Figures[];
}

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'lib', 'cli', 'main.js');
const EXCELJS_FLOOR = path.join(__dirname, 'exceljs-floor.cjs');
const REPACK_FLOOR = path.join(__dirname, 'repack-floor.cjs');
const USAGE = path.join(__dirname, 'report-usage.cjs');
const TASK = path.join(__dirname, 'task.ts');
const RUNS = 3;
/**
 * The runs of the floors and `apply` on the 10,000 measures, whose ratios the
 * targets are read from, and of `apply` at growing sizes, whose steps the
 * linearity target is read from: with three, the shared machine left one
 * bench's ratio 10% off the next's; with five, a slow spell over part of the
 * growing sizes' runs made one step 35 µs and the next 40 (within 15%, just).
 */
const TARGET_RUNS = 7;
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

const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The median time and memory of several runs: on a shared machine one run can be a fifth off either way. */
function median(all: Figures[]): Figures {
  return { ms: middle(all.map((f) => f.ms)), maxRssBytes: middle(all.map((f) => f.maxRssBytes)) };
}

/**
 * A command's time or memory over a floor's: the median of the ratios of the
 * runs made together, when both ran in turn; else the ratio of the medians.
 * A slow spell of the machine slows a round's commands alike, where the
 * ratio of medians could set one command's quick run against another's slow
 * one (the repack floor's median came from a slow run in one bench, apply's
 * from a quick one).
 */
function ratio(figures: Figures, floor: Figures, key: 'ms' | 'maxRssBytes'): number {
  const { runs } = figures;
  if (runs === undefined || floor.runs?.length !== runs.length) return figures[key] / floor[key];
  return middle(runs.map((run, i) => run[key] / (floor.runs as Figures[])[i][key]));
}

function measure(dir: string, args: string[], runs = RUNS): Figures {
  return median(Array.from({ length: runs }, () => measureOnce(dir, args)));
}

/**
 * Commands set against each other, run in turn (all once, then all again…):
 * a shared machine slows down for a minute at a time, and then it slows them
 * all, where runs of one command after another would set a slow minute of
 * one against a quick one of the next.
 */
function measureInTurn(dir: string, commands: string[][], runs = RUNS): Required<Figures>[] {
  const all: Figures[][] = commands.map(() => []);
  for (let run = 0; run < runs; run++) commands.forEach((args, i) => all[i].push(measureOnce(dir, args)));
  return all.map((each) => ({ ...median(each), runs: each }));
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
  // Three decimals: a target of 0.2× is met or missed in the third.
  const ratios = floors.map((f) => `${ratio(figures, f.figures, 'ms').toFixed(3)}× ${f.name} time, ${ratio(figures, f.figures, 'maxRssBytes').toFixed(3)}× its memory`);
  return `  ${label.padEnd(34)} ${seconds(figures.ms).padStart(9)}  ${mib(figures.maxRssBytes).padStart(9)} peak   ${ratios.join('; ')}`.trimEnd();
}

/**
 * Both floors on one file, and `apply` on it when given where to write, run in
 * turn; the floors printed, and returned with apply's figures for the
 * commands after to be set against.
 */
function floorsAndApply(dir: string, file: string, layout: 'wide' | 'long', output?: string, runs = RUNS): { floors: Floor[]; apply?: Figures } {
  const named: [string, string, string[]][] = [];
  // The exceljs fill knows the wide layout's quarter columns only.
  if (layout === 'wide') named.push(['exceljs', 'exceljs read + fill + write', [EXCELJS_FLOOR, file, path.join(dir, 'exceljs.xlsx')]]);
  named.push(['repack', 'repack floor (inflate + deflate)', [REPACK_FLOOR, file, path.join(dir, 'repack.xlsx')]]);
  const figures = measureInTurn(dir, [...named.map(([, , args]) => args), ...(output ? [[CLI, 'apply', file, '-o', output]] : [])], runs);
  const result = named.map(([name, label], i) => {
    console.log(line(label, figures[i]));
    return { name, figures: figures[i] };
  });
  return { floors: result, apply: figures[named.length] };
}

async function benchLayout(dir: string, layout: 'wide' | 'long', measures: number): Promise<void> {
  const file = path.join(dir, `${layout}-${measures}.xlsx`);
  await (layout === 'wide' ? writeWideWorkbook : writeLongWorkbook)(file, measures);
  const size = (await fs.stat(file)).size;
  console.log(`\n${layout} layout: ${measures.toLocaleString('en-GB')} measures × ${QUARTERS.length} quarters (${(size / 1024 / 1024).toFixed(1)} MB file)`);
  const { floors: floor, apply } = floorsAndApply(dir, file, layout, path.join(dir, `${layout}-apply.xlsx`), TARGET_RUNS);
  console.log(line('ragbook apply', apply as Figures, floor));
  console.log(line('ragbook commentary', measure(dir, [CLI, 'commentary', file, '-o', path.join(dir, `${layout}-commentary.xlsx`)]), floor));
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

/**
 * Apply at growing sizes, the three run in turn; the largest set against both
 * floors (run once: exceljs takes half a minute there); then how close to
 * linear its time grows.
 */
async function benchScaling(dir: string, sizes: number[]): Promise<void> {
  const files = sizes.map((size) => path.join(dir, `scale-${size}.xlsx`));
  for (let i = 0; i < sizes.length; i++) await writeWideWorkbook(files[i], sizes[i]);
  // Seven rounds: the steps between sizes are differences of times, and one slow run would make a bend that is not there.
  // With three, and the medians of each size's times set against each other, a slow half-minute of the machine over the
  // 50,000's runs (2.25 s, against 1.82 s in the bench before) made one step 38 µs and the next 31.
  const applies = measureInTurn(dir, files.map((file, i) => [CLI, 'apply', file, '-o', path.join(dir, `scale-${sizes[i]}-apply.xlsx`)]), TARGET_RUNS);
  sizes.forEach((size, i) => {
    console.log(`\nwide layout: ${size.toLocaleString('en-GB')} measures × ${QUARTERS.length} quarters`);
    if (i < sizes.length - 1) {
      console.log(line('ragbook apply', applies[i]));
      return;
    }
    console.log(line('ragbook apply', applies[i], floorsAndApply(dir, files[i], 'wide', undefined, 1).floors));
  });
  await Promise.all(files.map((file) => fs.rm(file)));
  // Linear growth is a constant cost per added measure (Node's start and loading Ragbook are paid once): compare it between
  // steps. Each step is read within each round of runs, and its median taken, as the ratios are (see ratio).
  const rounds = applies[0].runs.map((_, round) => applies.map((f) => f.runs[round].ms));
  const steps = sizes.slice(1).map((size, i) => middle(rounds.map((times) => (times[i + 1] - times[i]) / (size - sizes[i]))));
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
    console.log(`Each command runs in its own process, ${RUNS} times (the floors and apply on ${measures.toLocaleString('en-GB')} measures, and apply at growing sizes, ${TARGET_RUNS}; the median is shown), in turn with those it is set against; time is from its start to its exit, memory its peak resident size. A ratio to a floor run in turn is the median of the ratios within each round of runs.`);
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
