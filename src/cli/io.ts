/** Everything the CLI does with the outside world, so tests can run it in-process. */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

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
  return {
    stdout: (text) => process.stdout.write(text),
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

export async function readInputFile(file: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new CliError(`${file}: no such file`);
  }
  if (stat.isDirectory()) throw new CliError(`${file}: is a folder, not a workbook`);
  if (stat.size > MAX_INPUT_BYTES) throw new CliError(`${file}: the file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
  return new Uint8Array(await fs.readFile(file));
}

/**
 * Writes through a temporary file in the same folder and a rename, so a crash
 * never leaves a half-written workbook under the real name.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.ragbook-tmp-${process.pid}-${randomBytes(4).toString('hex')}-${path.basename(file)}`);
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw new CliError(`${file}: could not write the output (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** "reports/q2.xlsm" + "coloured" → "reports/q2-coloured.xlsm" (in `dir` when given). */
export function outputPathFor(input: string, suffix: string, dir?: string, forceXlsx = false): string {
  const ext = path.extname(input).toLowerCase() === '.xlsm' && !forceXlsx ? '.xlsm' : '.xlsx';
  const base = path.basename(input, path.extname(input));
  return path.join(dir ?? path.dirname(input), `${base}-${suffix}${ext}`);
}
