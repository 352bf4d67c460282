/**
 * The built program ends itself once its work is done (bin.ts), rather than
 * waiting for Node to free its heap: what it printed must still arrive whole,
 * through a pipe its reader empties slowly, with the right exit code.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeWideWorkbook } from '../bench/workbooks';
import { runCli } from '../helpers/cli';
import { loadWorkbook, tempDir } from '../helpers/xlsx';

const PROGRAM = path.join(__dirname, '..', '..', 'lib', 'cli', 'main.js');

/** Runs the built program with stdout and stderr as pipes, read a piece at a time with pauses. */
function runProgram(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PROGRAM, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (piece: string) => {
      out += piece;
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 2);
    });
    child.stderr.setEncoding('utf8').on('data', (piece: string) => (err += piece));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('ragbook-exit-');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('apply --json prints the whole document through a slow pipe, the same as in-process, and exits 0', async () => {
  const input = path.join(dir, 'wide.xlsx');
  await writeWideWorkbook(input, 1500);
  const output = path.join(dir, 'out.xlsx');
  const run = await runProgram(['apply', input, '--json', '-o', output]);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  // Far more than a pipe holds (64 KiB), so the program waited on its reader.
  expect(run.out.length).toBeGreaterThan(256 * 1024);
  const printed = JSON.parse(run.out) as { measures: { name: string }[] };
  expect(printed.measures).toHaveLength(1500);
  const inProcess = await runCli(['apply', input, '--json']);
  expect(printed).toEqual(JSON.parse(inProcess.out));
  // The workbook was written in full before the program ended.
  const book = await loadWorkbook(output);
  expect(Math.max(...book.worksheets.map((sheet) => sheet.actualRowCount))).toBeGreaterThan(1500);
}, 60_000);

test('bad input: one line on stderr and exit code 1', async () => {
  const run = await runProgram(['apply', path.join(dir, 'missing.xlsx')]);
  expect(run.code).toBe(1);
  expect(run.out).toBe('');
  expect(run.err).toMatch(/^ragbook apply: .*missing\.xlsx: no such file\n$/);
});
