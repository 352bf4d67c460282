/**
 * Files and paths that are not what they seem (issue 17): each ends in one
 * clear line, never "internal error", and the input is never touched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/xlsx';

const SAMPLE = path.join(__dirname, '../../assets/sample-performance.xlsx');
const ROOT = path.join(__dirname, '../..');

let dir: string;
let input: string;
let inputHash: string;

const hashOf = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

beforeAll(async () => {
  dir = await tempDir('ragbook-paths-');
  await fs.chmod(dir, 0o755);
  input = path.join(dir, 'q2.xlsx');
  await fs.copyFile(SAMPLE, input);
  inputHash = await hashOf(input);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));
afterEach(async () => expect(await hashOf(input)).toBe(inputHash));

/** One line on stderr, exit code 1, and no "internal error". */
function expectOneLine(result: { code: number; err: string }, message: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.err).not.toMatch(/internal error/);
  expect(result.err.trim().split('\n')).toHaveLength(1);
  expect(result.err).toMatch(message);
}

describe('output onto the input', () => {
  it('refuses -o through a symbolic link to the input\'s folder', async () => {
    await fs.symlink(dir, path.join(dir, 'here'));
    expectOneLine(await runCli(['apply', input, '-o', path.join(dir, 'here', 'q2.xlsx')]), /here\/q2\.xlsx: that is the input workbook/);
  });

  it('refuses -o naming a symbolic link to the input, or another hard link of it', async () => {
    await fs.symlink(input, path.join(dir, 'alias.xlsx'));
    expectOneLine(await runCli(['apply', input, '-o', path.join(dir, 'alias.xlsx')]), /alias\.xlsx: that is the input workbook/);
    await fs.link(input, path.join(dir, 'hard.xlsx'));
    expectOneLine(await runCli(['commentary', input, '-o', path.join(dir, 'hard.xlsx')]), /hard\.xlsx: that is the input workbook/);
  });

  it('still writes beside the input through a linked folder', async () => {
    const result = await runCli(['apply', input, '-o', path.join(dir, 'here', 'q2-out.xlsx')]);
    expect(result.code).toBe(0);
    expect((await fs.stat(path.join(dir, 'q2-out.xlsx'))).size).toBeGreaterThan(1000);
  });
});

describe('inputs that are not regular files', () => {
  it('refuses a FIFO without waiting for a writer', async () => {
    const fifo = path.join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    expectOneLine(await runCli(['apply', fifo, '-o', path.join(dir, 'from-pipe.xlsx')]), /pipe\.xlsx: is not a file but a device, pipe or socket/);
  });

  it('refuses a character device instead of reading it without end', async () => {
    expectOneLine(await runCli(['apply', '/dev/zero', '-o', path.join(dir, 'zero.xlsx')]), /^ragbook apply: \/dev\/zero: is not a file but a device/);
    expectOneLine(await runCli(['run', '/dev/zero', '-o', path.join(dir, 'zero-out')]), /\/dev\/zero: is not a file/);
  });
});

describe('output paths', () => {
  it('-o naming a folder says so', async () => {
    await fs.mkdir(path.join(dir, 'reports'));
    expectOneLine(await runCli(['apply', input, '-o', path.join(dir, 'reports')]), /reports: is a folder; -o names the workbook to write, e\.g\. .*reports\/out\.xlsx/);
  });

  it('run -o naming an existing file says it needs a folder', async () => {
    const file = path.join(dir, 'notes.txt');
    await fs.writeFile(file, 'mine');
    expectOneLine(await runCli(['run', input, '-o', file]), /notes\.txt: is a file, not a folder; -o names the folder to write the reports in/);
    expect(await fs.readFile(file, 'utf8')).toBe('mine');
  });
});

describe('permission denied', () => {
  /** Runs the CLI as an unprivileged user (root reads and writes anything). */
  function runAsUser(args: string[]): { code: number; err: string } {
    const command = [process.execPath, '--import', 'tsx', path.join(ROOT, 'src/cli/bin.ts'), ...args];
    const asRoot = process.getuid?.() === 0;
    const run = asRoot ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...command], { encoding: 'utf8', cwd: ROOT }) : spawnSync(command[0], command.slice(1), { encoding: 'utf8', cwd: ROOT });
    return { code: run.status ?? -1, err: run.stderr };
  }

  it('an unreadable input, an unwritable folder and an uncreatable run folder each give one line', async () => {
    const locked = path.join(dir, 'locked.xlsx');
    await fs.copyFile(SAMPLE, locked);
    await fs.chmod(locked, 0o000);
    expectOneLine(runAsUser(['apply', locked, '-o', path.join(dir, 'x.xlsx')]), /locked\.xlsx: Ragbook may not read it \(permission denied\)/);
    const shut = path.join(dir, 'shut');
    await fs.mkdir(shut, { mode: 0o555 });
    await fs.chmod(shut, 0o555);
    expectOneLine(runAsUser(['apply', input, '-o', path.join(shut, 'x.xlsx')]), /shut\/x\.xlsx: could not write the output \(Ragbook may not write in .*shut\)/);
    expectOneLine(runAsUser(['run', input, '-o', path.join(shut, 'out')]), /shut\/out: could not create the output folder \(Ragbook may not write in .*shut\)/);
  }, 60_000);
});
