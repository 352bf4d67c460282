/** The ragbook program: runs the command line and exits with its code (main.ts is the command line as a function, for tests). */
import { main } from './main';
import { processIo } from './io';
import { compileForShortRuns } from './v8-settings';

/**
 * Exits once what was printed has gone out. The command has finished its
 * work and written its file: left to end by itself, Node would free its heap
 * a page at a time first, where the system frees the whole process at once
 * (on 10,000 measures, 20–50 ms of a 0.65 s apply). The empty writes wait
 * until stdout and stderr have passed on all that was written to them: a
 * pipe takes it only as fast as its reader reads, and exiting sooner cuts it
 * short (test/cli/program-exit.test.ts).
 */
function exitWith(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

compileForShortRuns();
main(process.argv.slice(2), processIo()).then(exitWith, (error: unknown) => {
  // A bug, not bad input: still one line, with the detail for a bug report.
  process.stderr.write(`ragbook: internal error: ${(error as Error)?.message ?? String(error)}\n`);
  exitWith(1);
});
