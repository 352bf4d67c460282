import { alignedHelp, type Command } from './command';
import { reportCommandList } from './commands/report-commands';
import { runCommand } from './commands/run';
import { emailCommand } from './commands/email';
import { CliError, type CliIo } from './io';

/** Every verb, in the order `ragbook --help` lists them. */
export const commands: Command[] = [...reportCommandList, runCommand, emailCommand].map((command) => ({ ...command, help: alignedHelp(command.help) }));

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: ragbook <command> <in.xlsx> [options]',
    '',
    'Colours a council performance workbook by target, tolerance and polarity, and writes the',
    'commentary, Turning the Curve, budget, action plan and exception reports a scrutiny committee reads.',
    'Every command writes a new workbook; the input is never changed.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'ragbook <command> --help' for a command's options.",
    'Exit codes: 0 done (the workbook may still have issues, listed on its Issues sheet);',
    '            1 bad usage, unreadable input, or nothing to do.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined) {
    // Nothing asked for: the help, but as a usage error, so scripts notice.
    io.stderr(`${overview()}\n`);
    return 1;
  }
  if (verb === '--help' || verb === '-h' || verb === 'help') {
    const topic = verb === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.stdout(`${topic ? topic.help : overview()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === verb);
  if (!command) {
    io.stderr(`ragbook: unknown command '${verb}' (run 'ragbook --help' for the list)\n`);
    return 1;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`ragbook ${verb}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
