import path from 'node:path';
import { reports } from '../../core/reports';
import { type Command, parseCommandArgs } from '../command';
import { CliError, LIMIT_HELP, LIMIT_OPTIONS, makeOutputFolder, outputPathFor, readLimitsFrom, writeFileAtomic } from '../io';
import { checkOutputExtension, flagHelp, flagSpecs, type ReportFlag, openInput, produce, reportOptionsFrom } from './report-commands';
import { RUN_EMAIL_HELP, RUN_EMAIL_OPTIONS, runEmailPlan, sendReports } from './email';

const RUN_FLAGS: ReportFlag[] = ['scheme', 'period', 'as-at', 'spc'];

/** `ragbook run`: every report into one folder, one workbook each. */
export const runCommand: Command = {
  name: 'run',
  summary: 'Run every report into one folder',
  help: [
    'Usage: ragbook run <in.xlsx> -o <dir> [--scheme NAME] [--period LABEL] [--as-at DATE] [--spc | --no-spc]',
    '',
    `Writes one workbook per report into <dir>: ${reports.map((r) => `IN-${r.fileSuffix}.xlsx`).join(', ')}.`,
    'A report the workbook has nothing for (no TTC sheet, no Budgets sheet…) is skipped.',
    '',
    '  -o, --output DIR  The folder to write into (created if missing)',
    flagHelp(RUN_FLAGS),
    LIMIT_HELP,
    RUN_EMAIL_HELP,
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { output: { type: 'string', short: 'o' }, ...flagSpecs(RUN_FLAGS), ...LIMIT_OPTIONS, ...RUN_EMAIL_OPTIONS }, 'run');
    if (values.help) {
      io.stdout(`${this.help}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new CliError(`ragbook run takes one input workbook (see 'ragbook run --help')`);
    const dir = values.output as string | undefined;
    if (!dir) throw new CliError('ragbook run needs an output folder: -o <dir>');
    const [file] = positionals;
    const options = reportOptionsFrom(values, io);
    const emailPlan = runEmailPlan(values, io);
    const input = await openInput(file, io, readLimitsFrom(values));
    if (reports.every((r) => r.appliesTo && !r.appliesTo(input.grids))) {
      throw new CliError(`${file}: nothing to do: no report found what it needs (${[...new Set(reports.map((r) => r.needs))].join(', ')})`);
    }
    makeOutputFolder(dir);
    const written: string[] = [];
    for (const report of reports) {
      io.progress(`${report.title}…`);
      if (report.appliesTo && !report.appliesTo(input.grids)) {
        io.stdout(`${report.title}: nothing to do (it needs ${report.needs ?? 'data it does not have'})\n`);
        continue;
      }
      const { result, bytes } = await produce(report, input, options, file);
      const output = outputPathFor(file, report.fileSuffix, dir, report.target === 'new');
      if (report.target === 'input') checkOutputExtension(output, input);
      writeFileAtomic(output, bytes);
      written.push(output);
      io.stdout(`${result.summary}\nWrote ${path.normalize(output)}\n`);
    }
    if (emailPlan) await sendReports(written, emailPlan, io);
    return 0;
  },
};
