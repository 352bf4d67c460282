/** `ragbook exceptions` / "Report exceptions": the Exceptions sheet and its JSON (SPEC §5.6). */
import type { WorkbookGrids } from '../../model/grid';
import { IssueList } from '../../model/issue';
import { COMMENTARY_SHEET, type OfficerEntry, officerKey, readOfficerText } from '../commentary/officer-text';
import { NothingToReportError } from '../errors';
import { analyseMeasures } from '../measures/analyse';
import { periodCountSetting } from '../measures/measure-settings';
import { readMeasures } from '../measures/read-measures';
import type { EvaluatedMeasure } from '../measures/types';
import type { Report, ReportOptions, ReportResult } from '../report';
import { reportPlan } from '../report-plan';
import { readSettingsSheet } from '../shared/settings-sheet';
import { generatedSheetName } from '../shared/sheet-names';
import { valueText } from '../shared/values';
import { improvingText, reasonText } from './exception-words';
import { buildExceptionsSheet, type ExceptionRow } from './exceptions-sheet';
import { findExceptions } from './find-exceptions';

/** The preferred sheet name (generatedSheetName picks another when the user has one by it). */
export const EXCEPTIONS_SHEET = 'Exceptions';

/** Settings keys for how many periods in a row must be not met. */
const NOT_MET_PERIODS_KEYS = ['Not met periods', 'Exception after not met', 'Consecutive not met'];

function officerText(entry: OfficerEntry | undefined): string {
  return (entry?.texts ?? []).filter((t) => t !== null && t !== '').map((t) => valueText(t as string | number | boolean)).join('\n\n');
}

function describe(period: string, exceptions: number, improving: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(exceptions, 'exception')} for ${period || 'no period'}; ${plural(improving, 'measure')} improving but not met`;
}

function run(grids: WorkbookGrids, options: ReportOptions): ReportResult {
  const analysis = analyseMeasures(grids, options);
  if (!analysis.source) throw new NothingToReportError(analysis.issues.at(-1)?.message ?? 'no measures found');
  const issues = new IssueList();
  issues.addAll(analysis.issues);
  const notMetPeriods = periodCountSetting(readSettingsSheet(grids), NOT_MET_PERIODS_KEYS, 2, issues);
  const period = analysis.period ?? '';
  const found = findExceptions(analysis.measures, notMetPeriods);
  const officer = readOfficerText(grids, generatedSheetName(grids, COMMENTARY_SHEET), issues);
  const officerFor = (evaluated: EvaluatedMeasure) => officerText(officer.get(officerKey(evaluated.measure.id, period)));

  const exceptions: ExceptionRow[] = found.exceptions.map((exception) => ({
    evaluated: exception.evaluated,
    why: exception.reasons.map((reason) => reasonText(exception, reason, period)).join('\n'),
    officer: officerFor(exception.evaluated),
  }));
  const improvingNotMet: ExceptionRow[] = found.improvingNotMet.map((evaluated) => ({
    evaluated,
    why: improvingText(evaluated),
    officer: officerFor(evaluated),
  }));
  const sheet = buildExceptionsSheet({
    name: generatedSheetName(grids, EXCEPTIONS_SHEET),
    title: analysis.title,
    period,
    scheme: analysis.scheme,
    notMetPeriods,
    staleAfter: analysis.staleAfter,
    exceptions,
    improvingNotMet,
  });
  const plan = reportPlan(grids, options, { sheets: [sheet.sheet], styles: sheet.styles, issues: issues.items, summary: false });
  const json = {
    period: analysis.period ?? null,
    exceptions: found.exceptions.map(({ evaluated, reasons }) => ({
      id: evaluated.measure.id,
      name: evaluated.measure.name,
      period: evaluated.current.observation.label,
      status: evaluated.current.status,
      reasons,
    })),
    improving_not_met: found.improvingNotMet.map((e) => e.measure.id),
    issues: issues.items,
  };
  return { plan, json, issues: issues.items, summary: describe(period, exceptions.length, improvingNotMet.length) };
}

export const exceptionsReport: Report = {
  name: 'exceptions',
  title: 'Report exceptions',
  fileSuffix: 'exceptions',
  target: 'input',
  needs: 'a sheet of measures',
  appliesTo: (grids) => readMeasures(grids).data !== undefined,
  run,
};
