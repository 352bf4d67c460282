/**
 * Crash safety, for real: the CLI runs in its own process on a workbook with a
 * 100 MB part (so writing the output takes a while), and is killed with
 * SIGKILL as soon as its temporary file appears. The input must be unchanged,
 * nothing may be under the output's name, and the leftover temporary file must
 * be recognisably Ragbook's and gone after the next run.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, watch } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { crc32 } from '../../src/adapters/file/package/zip';
import { reports } from '../../src/core/reports';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/xlsx';
import { rawZip } from '../fixtures/bad/hostile-bytes';
import { CORPUS } from '../fixtures/bad/build-corpus';

const ROOT = path.join(__dirname, '..', '..');
const TEMP_FILE = /^\.ragbook-tmp-\d+-[0-9a-f]{8}-out\.xlsx$/;

/** The built CLI when it is at least as new as the code it is built from, else the source through tsx. */
async function cliCommand(): Promise<string[]> {
  const built = path.join(ROOT, 'lib', 'cli', 'main.js');
  const builtAt = (await fs.stat(built).catch(() => undefined))?.mtimeMs ?? 0;
  const sourceAt = (await fs.stat(path.join(ROOT, 'src', 'cli', 'io.ts'))).mtimeMs;
  return builtAt >= sourceAt ? [built] : ['--require', 'tsx/cjs', path.join(ROOT, 'src', 'cli', 'bin.ts')];
}

/** A small measures workbook carrying a 100 MB part of random bytes (copied as it is into every output). */
async function heavyWorkbook(file: string): Promise<void> {
  await CORPUS.formulas.build(file);
  const parts = unzipSync(new Uint8Array(await fs.readFile(file)));
  parts['xl/media/recording.bin'] = new Uint8Array(randomBytes(100 * 1024 * 1024));
  await fs.writeFile(file, rawZip(Object.entries(parts).map(([name, data]) => ({ name, data, stored: true, size: data.length, crc: crc32(data) }))));
}

async function digest(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('ragbook-kill-');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('a run killed while it writes leaves the input intact and no half-written output', async () => {
  const input = path.join(dir, 'heavy.xlsx');
  const output = path.join(dir, 'out.xlsx');
  await heavyWorkbook(input);
  const before = await digest(input);

  const child = spawn(process.execPath, [...(await cliCommand()), 'apply', input, '-o', output], { cwd: ROOT, stdio: 'ignore' });
  const watcher = watch(dir, (_event, name) => {
    if (name && TEMP_FILE.test(String(name))) child.kill('SIGKILL');
  });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  watcher.close();

  expect(exit.signal).toBe('SIGKILL');
  const left = await fs.readdir(dir);
  expect(left).not.toContain('out.xlsx');
  // Killed mid-write: its temporary file is there, named so the next run knows it.
  expect(left.filter((name) => name !== 'heavy.xlsx')).toEqual([expect.stringMatching(TEMP_FILE)]);
  expect(await digest(input)).toBe(before);

  // The next run clears what the killed one left and writes a whole workbook.
  const rerun = await runCli(['apply', input, '-o', output]);
  expect(rerun).toMatchObject({ code: 0, err: '' });
  expect((await fs.readdir(dir)).sort()).toEqual(['heavy.xlsx', 'out.xlsx']);
  expect(Object.keys(unzipSync(new Uint8Array(await fs.readFile(output))))).toContain('xl/media/recording.bin');
  expect(await digest(input)).toBe(before);
}, 120_000);

test('a reader that goes away (ragbook run … | head -1) does not stop the run', async () => {
  const output = path.join(dir, 'piped');
  const child = spawn(process.execPath, [...(await cliCommand()), 'run', path.join(ROOT, 'assets', 'sample-performance.xlsx'), '-o', output], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  // Like head -1: read the first line, then close the pipe.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect({ code, err }).toEqual({ code: 0, err: '' });
  // The sample has something for every report.
  expect((await fs.readdir(output)).sort()).toEqual(reports.map((r) => `sample-performance-${r.fileSuffix}.xlsx`).sort());
}, 60_000);
