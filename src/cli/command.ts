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

/** An option line of a help text: "  -o, --output FILE  What it does". */
const OPTION_LINE = /^ {2}((?:-\w, )?--[\w-]+(?: [A-Z][A-Z.]*)?) +(\S.*)$/;

/** The help with every option's description starting in one column, two spaces after the longest option. */
export function alignedHelp(help: string): string {
  const lines = help.split('\n');
  const width = Math.max(0, ...lines.map((line) => OPTION_LINE.exec(line)?.[1].length ?? 0));
  return lines.map((line) => line.replace(OPTION_LINE, (_, term: string, text: string) => `  ${term.padEnd(width)}  ${text}`)).join('\n');
}

/**
 * A date the user typed: YYYY-MM-DD, or as people in the UK write it,
 * 30/11/2018 or 30-11-2018 (day first). Returns YYYY-MM-DD, or undefined
 * when it is not a real date.
 */
export function isoDateOf(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  if (!year) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return date.toISOString().slice(0, 10);
}
