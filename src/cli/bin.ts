/** The ragbook program: runs the command line and sets the exit code (main.ts is the command line as a function, for tests). */
import { main } from './main';
import { processIo } from './io';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not bad input: still one line, with the detail for a bug report.
    process.stderr.write(`ragbook: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
