/** Everything the CLI does with the outside world, so tests can run it in-process. */
import fs from 'node:fs';
import path from 'node:path';
import type { ReadLimits } from '../adapters/file';
import { DEFAULT_LIMITS, formatBytes } from '../adapters/file/package/limits';
import { groupThousands } from '../core/shared/values';
import type { OptionSpec } from './command';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress lines go to stderr only when it is a terminal. */
  progress(text: string): void;
  /** "YYYY-MM-DD" in local time. */
  today(): string;
  env: Record<string, string | undefined>;
}

export function processIo(): CliIo {
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // The reader went away (`ragbook run in.xlsx | head -1`): the work goes on, its messages are dropped.
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') stdoutClosed = true;
    else throw error;
  });
  return {
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    progress: (text) => {
      if (process.stderr.isTTY) process.stderr.write(`${text}\n`);
    },
    today: () => {
      const now = new Date();
      return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    },
    env: process.env,
  };
}

/** Bad usage or unreadable input: exit code 1 with this one-line message. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Largest input file read (a workbook package, compressed). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** Why a file could not be opened or read, in words for the usual causes. */
function readFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'Ragbook may not read it (permission denied)';
    case 'EISDIR':
      return 'is a folder, not a workbook';
    default:
      return `could not be read (${error.code ?? error.message})`;
  }
}

/*
 * The files are read and written with Node's synchronous calls: the command
 * has nothing else to do meanwhile, and each asynchronous call waited for a
 * turn of the event loop and the thread pool (reading a workbook took 9 ms
 * where it takes 4, writing one 7.5 where it takes 2.5).
 */

/**
 * Reads an input file. Only a regular file is read: a device (/dev/zero) or a
 * pipe never ends, and opening a pipe would wait for a writer.
 */
export function readInputFile(file: string): Uint8Array {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new CliError(`${file}: ${readFailure(error as NodeJS.ErrnoException)}`);
  }
  if (stat.isDirectory()) throw new CliError(`${file}: is a folder, not a workbook`);
  if (!stat.isFile()) throw new CliError(`${file}: is not a file but a device, pipe or socket; give the path of a workbook file`);
  if (stat.size > MAX_INPUT_BYTES) throw new CliError(`${file}: the file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
  try {
    // Non-blocking, and checked again once open: the path may have been swapped for a pipe in between.
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      const opened = fs.fstatSync(fd);
      if (!opened.isFile() || opened.size > MAX_INPUT_BYTES) throw new CliError(`${file}: changed while Ragbook was reading it; run again`);
      // The Buffer's memory as a plain Uint8Array (whose slice() copies, as the readers expect), not a copy of it.
      const data = fs.readFileSync(fd);
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: ${readFailure(error as NodeJS.ErrnoException)}`);
  }
}

/** Temporary files are named `.ragbook-tmp-<pid>-<random>-<final name>`, so a leftover is recognisably ours. */
const TEMP_PREFIX = '.ragbook-tmp-';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files left beside `file` by an earlier run that was killed while writing it. */
export function removeStaleTempFiles(file: string): void {
  const dir = path.dirname(path.resolve(file));
  const suffix = `-${path.basename(file)}`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = /^\.ragbook-tmp-(\d+)-[0-9a-f]{8}-/.exec(name);
    if (!match || !name.endsWith(suffix) || name.length !== match[0].length + suffix.length - 1) continue;
    if (!isRunning(Number(match[1]))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Eight hex digits that keep a temporary file's name apart from one an
 * earlier process of the same id left behind. They need not be secret, only
 * different, so Math.random serves: node:crypto took 13 ms to load at every start.
 */
function tempTag(): string {
  return Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');
}

/**
 * Writes through a temporary file in the same folder, flushed to disk, then a
 * rename, so a crash never leaves a half-written workbook under the real name.
 */
export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  checkNotFolder(file);
  removeStaleTempFiles(file);
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `${TEMP_PREFIX}${process.pid}-${tempTag()}-${path.basename(file)}`);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new CliError(`${file}: could not write the output (${writeFailure(error as NodeJS.ErrnoException, dir)})`);
  }
}

/** Why a write failed, in words for the usual causes. */
function writeFailure(error: NodeJS.ErrnoException, dir: string): string {
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `there is no folder ${dir}`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Ragbook may not write in ${dir}`;
    case 'ENOSPC':
      return 'the disk is full';
    case 'EISDIR':
      return 'a folder has that name';
    default:
      return error.code ?? error.message;
  }
}

/** "q2.xlsx" → "~$q2.xlsx": the owner file Excel keeps beside a workbook while it is open. */
export function excelLockFileOf(file: string): string {
  return path.join(path.dirname(file), `~$${path.basename(file)}`);
}

/** "reports/q2.xlsx" → "reports/q2.bak.xlsx". */
export function backupPathFor(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.bak${ext}`);
}

/**
 * Replaces the workbook with `bytes` (`--in-place`): refuses while Excel has it
 * open, keeps the original as a backup, then writes atomically.
 */
export function writeInPlace(file: string, original: Uint8Array, bytes: Uint8Array): string {
  const lock = excelLockFileOf(file);
  if (fs.existsSync(lock)) {
    throw new CliError(`${file}: the workbook is open in Excel (${path.basename(lock)} is beside it); close it and run again`);
  }
  const backup = backupPathFor(file);
  writeFileAtomic(backup, original);
  writeFileAtomic(file, bytes);
  return backup;
}

/** The flags that raise the read limits, shared by every verb that opens a workbook. */
export const LIMIT_OPTIONS: OptionSpec = { 'max-size': { type: 'string' }, 'max-cells': { type: 'string' } };

export const LIMIT_HELP = [
  `  --max-size SIZE   Refuse workbooks that expand to more than SIZE, e.g. 2GB (default ${formatBytes(DEFAULT_LIMITS.maxUncompressedBytes)})`,
  `  --max-cells N     Refuse workbooks with more than N cells (default ${groupThousands(DEFAULT_LIMITS.maxCells)})`,
].join('\n');

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** Reads --max-size and --max-cells; undefined leaves the adapter's default. */
export function readLimitsFrom(values: Record<string, unknown>): ReadLimits {
  const size = values['max-size'] as string | undefined;
  const cells = values['max-cells'] as string | undefined;
  const limits: ReadLimits = {};
  if (size !== undefined) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(size);
    const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
    if (!m || unit === undefined || Number(m[1]) <= 0) throw new CliError(`--max-size must be a size such as 500MB or 2GB (got '${size}')`);
    limits.maxUncompressedBytes = Math.round(Number(m[1]) * unit);
  }
  if (cells !== undefined) {
    const n = Number(cells.replace(/,/g, ''));
    if (!Number.isSafeInteger(n) || n <= 0) throw new CliError(`--max-cells must be a whole number such as 50000000 (got '${cells}')`);
    limits.maxCells = n;
  }
  return limits;
}

/** The path with every symbolic link resolved; a file not yet there is resolved through its folder. */
function realPathOf(file: string): string {
  const resolved = path.resolve(file);
  try {
    return fs.realpathSync(resolved);
  } catch {
    const dir = path.dirname(resolved);
    return dir === resolved ? resolved : path.join(realPathOf(dir), path.basename(resolved));
  }
}

/** The file's status; undefined when there is none to be had (no such file, or no permission). */
function statusOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** Refuses an output path that is a folder. */
function checkNotFolder(file: string): void {
  if (statusOf(file)?.isDirectory()) {
    throw new CliError(`${file}: is a folder; -o names the workbook to write, e.g. ${path.join(file, 'out.xlsx')}`);
  }
}

/**
 * Refuses an output path that is a folder, or that is the input itself
 * unless --in-place was given: the same path, the same file reached through
 * a symbolic link (to it or to a folder on the way), or another name of the
 * same file (a hard link).
 */
export function checkOutputPath(input: string, output: string): void {
  checkNotFolder(output);
  const inputStat = statusOf(input);
  const outputStat = statusOf(output);
  const sameFile = inputStat && outputStat && inputStat.dev === outputStat.dev && inputStat.ino === outputStat.ino;
  if (sameFile || realPathOf(input) === realPathOf(output)) {
    throw new CliError(`${output}: that is the input workbook; write elsewhere, or use --in-place to replace it (a backup is kept)`);
  }
}

/** Creates `run -o`'s output folder, or says in one line why it cannot. */
export function makeOutputFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new CliError(`${dir}: is a file, not a folder; -o names the folder to write the reports in`);
    throw new CliError(`${dir}: could not create the output folder (${writeFailure(error as NodeJS.ErrnoException, path.dirname(path.resolve(dir)))})`);
  }
}

/** "reports/q2.xlsm" + "coloured" → "reports/q2-coloured.xlsm" (in `dir` when given). */
export function outputPathFor(input: string, suffix: string, dir?: string, forceXlsx = false): string {
  const ext = path.extname(input).toLowerCase() === '.xlsm' && !forceXlsx ? '.xlsm' : '.xlsx';
  const base = path.basename(input, path.extname(input));
  return path.join(dir ?? path.dirname(input), `${base}-${suffix}${ext}`);
}
