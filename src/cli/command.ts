import { parseArgs } from 'node:util';
import { CliError, type CliIo } from './io';

/** One `ragbook` verb. */
export interface Command {
  name: string;
  summary: string;
  /** Usage line(s) and option help, shown by `ragbook help VERB` and `ragbook VERB --help`. */
  help: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Parses a verb's arguments strictly, turning parse errors into one-line usage errors. */
export function parseCommandArgs(
  argv: string[],
  options: OptionSpec,
  commandName: string,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages run to several lines; the first says what is wrong.
    const first = (error as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/s, '');
    throw new CliError(`${first} (see 'ragbook ${commandName} --help')`);
  }
}
