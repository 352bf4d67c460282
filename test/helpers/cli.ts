/** Runs the ragbook CLI in-process with captured output. */
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';

export interface CapturedIo extends CliIo {
  out: string;
  err: string;
}

export function fakeIo(today = '2018-11-30'): CapturedIo {
  const io: CapturedIo = {
    out: '',
    err: '',
    stdout: (text) => {
      io.out += text;
    },
    stderr: (text) => {
      io.err += text;
    },
    progress: () => undefined,
    today: () => today,
    env: {},
  };
  return io;
}

export async function runCli(args: string[], today?: string): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo(today);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}
