import path from 'node:path';
/**
 * The report verbs (apply, commentary, ttc, budgets, actions, exceptions) share one flow:
 * read the workbook, run the core report, execute its plan with the file
 * adapter, write a new file, print JSON or a summary.
 */
import { type OpenedWorkbook, type ReadLimits, createWorkbook, openWorkbook, WorkbookReadError, WorkbookWriteError } from '../../adapters/file';
import { formatIssue } from '../../model/issue';
import { ReportInputError } from '../../core/errors';
import type { Report, ReportOptions, ReportResult } from '../../core/report';
import { reports } from '../../core/reports';
import { SCHEME_NAMES } from '../../core/measures/scheme';
import { type Command, isoDateOf, type OptionSpec, parseCommandArgs } from '../command';
import { CliError, type CliIo, outputPathFor, readInputFile, writeFileAtomic } from '../io';
import { keepYoungGenerationSmall } from '../v8-settings';
// Robustness (issue 11): read limits, --in-place, never writing over the input by accident.
import { checkOutputPath, LIMIT_HELP, LIMIT_OPTIONS, readLimitsFrom, writeInPlace } from '../io';

export type ReportFlag = 'scheme' | 'period' | 'as-at' | 'spc' | 'json';

/** Which of the shared flags each report takes. */
const REPORT_FLAGS: Record<string, ReportFlag[]> = {
  apply: ['scheme', 'period', 'spc', 'json'],
  commentary: ['scheme', 'period', 'json'],
  ttc: ['json'],
  budgets: ['json'],
  actions: ['as-at', 'json'],
  exceptions: ['period', 'json'],
};

const FLAG_SPECS: Record<ReportFlag, OptionSpec> = {
  scheme: { scheme: { type: 'string' } },
  period: { period: { type: 'string' } },
  'as-at': { 'as-at': { type: 'string' } },
  spc: { spc: { type: 'boolean' }, 'no-spc': { type: 'boolean' } },
  json: { json: { type: 'boolean' } },
};

const FLAG_HELP: Record<ReportFlag, string> = {
  scheme: `  --scheme NAME     Colour scheme: ${SCHEME_NAMES.join(', ')} (default: the Settings sheet's, else rag)`,
  period: '  --period LABEL    Report this period, as labelled in the workbook (default: the latest)',
  'as-at': '  --as-at DATE      Judge due dates as at DATE, 30/11/2018 or 2018-11-30 (default: Settings "As at", else today)',
  spc: '  --spc  Add Variation and Assurance (SPC) columns beside Status; later runs keep them\n  --no-spc  Remove the Variation and Assurance columns',
  json: '  --json            Print the results as one JSON document on stdout (writes a workbook only with -o)',
};

export function flagsOf(reportName: string): ReportFlag[] {
  return REPORT_FLAGS[reportName] ?? ['json'];
}

export function flagHelp(flags: readonly ReportFlag[]): string {
  return flags.map((f) => FLAG_HELP[f]).join('\n');
}

export function flagSpecs(flags: readonly ReportFlag[]): OptionSpec {
  return Object.assign({}, ...flags.map((f) => FLAG_SPECS[f]));
}

/** Checks flag values and turns them into report options. */
export function reportOptionsFrom(values: Record<string, unknown>, io: CliIo): ReportOptions {
  const scheme = values.scheme as string | undefined;
  if (scheme !== undefined && !SCHEME_NAMES.includes(scheme)) {
    throw new CliError(`--scheme must be one of ${SCHEME_NAMES.join(', ')} (got '${scheme}')`);
  }
  const typed = values['as-at'] as string | undefined;
  const asAt = typed === undefined ? undefined : isoDateOf(typed);
  if (typed !== undefined && asAt === undefined) throw new CliError(`--as-at must be a date written 30/11/2018 or 2018-11-30 (got '${typed}')`);
  if (values.spc && values['no-spc']) throw new CliError('give --spc or --no-spc, not both');
  const spcColumns = values.spc ? true : values['no-spc'] ? false : undefined;
  return { scheme, period: values.period as string | undefined, asAt, ...(spcColumns !== undefined ? { spcColumns } : {}), today: io.today() };
}

/** An opened workbook and the bytes it was read from (kept for --in-place's backup). */
export interface InputWorkbook extends OpenedWorkbook {
  bytes: Uint8Array;
}

export async function openInput(file: string, io: CliIo, limits?: ReadLimits): Promise<InputWorkbook> {
  io.progress(`Reading ${file}…`);
  const bytes = readInputFile(file);
  try {
    return { ...(await openWorkbook(bytes, limits)), bytes };
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

/** A patched workbook keeps its kind: Excel refuses a macro-enabled workbook named .xlsx (and the reverse). */
export function checkOutputExtension(output: string, input: OpenedWorkbook): void {
  if (path.extname(output).toLowerCase() === input.extension) return;
  throw new CliError(
    input.extension === '.xlsm'
      ? `${output}: the workbook holds macros, so it must be saved as .xlsm (Excel will not open a macro workbook named .xlsx); name the output .xlsm`
      : `${output}: the workbook has no macros, so it must be saved as .xlsx (Excel will not open it named ${path.extname(output) || 'without an extension'}); name the output .xlsx`,
  );
}

/**
 * Runs a report on an opened workbook and builds the output file's bytes.
 * With `last`, no other report runs on this input: the grids, and the analysis
 * cached on them (most of a big workbook's memory), are let go before the
 * write, and the result keeps only what the command prints.
 */
export async function produce(
  report: Report,
  input: OpenedWorkbook,
  options: ReportOptions,
  file: string,
  last?: { json: boolean },
): Promise<{ result: ReportResult; bytes: Uint8Array }> {
  try {
    let result = report.run(input.grids, options);
    if (last) {
      result = { plan: result.plan, issues: result.issues, summary: result.summary, json: last.json ? result.json : undefined };
      input.grids = { sheets: [] };
    }
    const bytes = report.target === 'new' ? await createWorkbook(result.plan) : await input.write(result.plan);
    return { result, bytes };
  } catch (error) {
    if (error instanceof ReportInputError || error instanceof WorkbookWriteError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

function reportCommand(report: Report): Command {
  const flags = flagsOf(report.name);
  return {
    name: report.name,
    summary: report.title,
    help: [
      `Usage: ragbook ${report.name} <in.xlsx> [-o out.xlsx]${flags.map((f) => (f === 'json' ? ' [--json]' : f === 'spc' ? ' [--spc | --no-spc]' : ` [--${f} ${f === 'scheme' ? 'NAME' : f === 'period' ? 'LABEL' : 'DATE'}]`)).join('')}`,
      '',
      `${report.title}. Writes a new workbook; the input file is never changed${report.target === 'input' ? ' (unless --in-place)' : ''}.`,
      '',
      '  -o, --output FILE Where to write the workbook (default: beside the input, named IN-' + report.fileSuffix + '.xlsx)',
      flagHelp(flags),
      // Robustness flags (issue 11): --in-place for reports that patch the input, and the read limits.
      ...(report.target === 'input' ? ['  --in-place        Replace the input workbook (kept as IN.bak.xlsx; refused while Excel has it open)'] : []),
      LIMIT_HELP,
    ].join('\n'),
    async run(argv, io) {
      const { values, positionals } = parseCommandArgs(argv, { output: { type: 'string', short: 'o' }, ...flagSpecs(flags), ...LIMIT_OPTIONS, 'in-place': { type: 'boolean' } }, report.name);
      if (values.help) {
        io.stdout(`${this.help}\n`);
        return 0;
      }
      if (positionals.length !== 1) throw new CliError(`ragbook ${report.name} takes one input workbook (see 'ragbook ${report.name} --help')`);
      const [file] = positionals;
      const options = reportOptionsFrom(values, io);
      const inPlace = values['in-place'] === true;
      if (inPlace && report.target !== 'input') throw new CliError(`ragbook ${report.name} writes a new workbook of its own; --in-place does not apply`);
      if (inPlace && values.output !== undefined) throw new CliError('give either -o or --in-place, not both');
      if (report.name === 'apply') keepYoungGenerationSmall();
      const input = await openInput(file, io, readLimitsFrom(values));
      const json = values.json === true;
      const output = inPlace ? file : ((values.output as string | undefined) ?? (json ? undefined : outputPathFor(file, report.fileSuffix, undefined, report.target === 'new')));
      if (output && !inPlace) checkOutputPath(file, output);
      if (output && report.target === 'input') checkOutputExtension(output, input);
      io.progress(`${report.title}…`);
      const { result, bytes } = await produce(report, input, options, file, { json });
      let backup: string | undefined;
      if (output) {
        io.progress(`Writing ${output}…`);
        if (inPlace) backup = writeInPlace(file, input.bytes, bytes);
        else writeFileAtomic(output, bytes);
      }
      if (json) {
        io.stdout(`${JSON.stringify(result.json, null, 2)}\n`);
      } else {
        io.stdout(`${result.summary}\nWrote ${output}\n${backup ? `Kept the original as ${backup}\n` : ''}`);
        if (result.issues.length > 0) {
          io.stdout(`${result.issues.length} issue${result.issues.length === 1 ? '' : 's'} (listed on the Issues sheet):\n`);
          for (const issue of result.issues.slice(0, 20)) io.stdout(`  ${formatIssue(issue)}\n`);
          if (result.issues.length > 20) io.stdout(`  … and ${result.issues.length - 20} more\n`);
        }
      }
      return 0;
    },
  };
}

export const reportCommandList: Command[] = reports.map(reportCommand);
