/**
 * `ragbook apply` / "Apply colours": every actual filled by its status, Status
 * and Direction of travel columns for the reported period, the Summary sheet
 * and an Issues sheet.
 */
import { reportPlan } from '../report-plan';
import type { WorkbookGrids } from '../../model/grid';
import { NothingToReportError } from '../errors';
import { analyseMeasures } from '../measures/analyse';
import type { Status } from '../measures/scheme';
import type { MeasuresAnalysis } from '../measures/types';
import type { Report, ReportOptions, ReportResult } from '../report';
import { readMeasures } from '../measures/read-measures';
import { measureSheetPlan, wantsSpcColumns } from './measure-columns';
import { IssueList } from '../../model/issue';
import { spcByMeasure } from '../spc/measures';
import { figureStyles, statusStyles } from './status-styles';

/** The `apply --json` document (SPEC §6). */
export function applyJson(analysis: MeasuresAnalysis) {
  return {
    scheme: analysis.scheme.name,
    period: analysis.period ?? null,
    measures: analysis.measures.map(({ measure, current, stale }) => ({
      id: measure.id,
      name: measure.name,
      period: current.observation.label,
      stale,
      actual: current.observation.actual,
      target: current.target ?? null,
      low: current.band?.low ?? null,
      high: current.band?.high ?? null,
      polarity: measure.polarity ?? null,
      status: current.status,
      label: current.label,
      colour: current.colour ?? null,
      direction: current.direction,
    })),
    issues: analysis.issues,
  };
}

const SUMMARY_ORDER: [Status, string][] = [
  ['exceeded', 'exceeded'],
  ['met', 'met'],
  ['within-tolerance', 'within tolerance'],
  ['not-met', 'not met'],
  ['no-data', 'no data'],
  ['no-target', 'no target'],
  ['polarity-unknown', 'polarity unknown'],
];

/** "24 measures for Q2 2017/18: 10 met, 6 within tolerance, 5 not met, 3 no data". */
export function statusSummary(analysis: MeasuresAnalysis): string {
  const byStatus = new Map<Status, number>();
  for (let i = 0; i < analysis.measures.length; i++) {
    const status = analysis.measures[i].current.status;
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  }
  const counts = SUMMARY_ORDER.filter(([status]) => byStatus.has(status)).map(([status, words]) => `${byStatus.get(status)} ${words}`);
  const n = analysis.measures.length;
  return `${n} measure${n === 1 ? '' : 's'} for ${analysis.period ?? 'no period'}: ${counts.join(', ') || 'none'}`;
}

function run(grids: WorkbookGrids, options: ReportOptions): ReportResult {
  const analysis = analyseMeasures(grids, options);
  if (!analysis.source) throw new NothingToReportError(analysis.issues.at(-1)?.message ?? 'no measures found');
  if (analysis.measures.length === 0) throw new NothingToReportError(`the sheet '${analysis.source.sheet}' has measure headers but no measures under them`);
  const issues = new IssueList();
  issues.addAll(analysis.issues);
  // The Variation cell says when limits are provisional; SPC's notes per chart stay on its own sheet.
  const spc = wantsSpcColumns(analysis.source, options.spcColumns) ? spcByMeasure(grids, analysis, issues, new IssueList()) : undefined;
  const measuresSheet = measureSheetPlan(analysis, grids.sheets.find((s) => s.name === analysis.source?.sheet), spc);
  const plan = reportPlan(grids, options, {
    sheets: measuresSheet ? [measuresSheet] : [],
    styles: { ...statusStyles(analysis.scheme), ...figureStyles(measuresSheet, analysis.scheme) },
    issues: issues.items,
    summary: true,
  });
  return {
    plan,
    // Built when asked for (--json): a document of every measure is work a plain apply never reads.
    get json() {
      return applyJson(analysis);
    },
    issues: issues.items,
    summary: statusSummary(analysis),
  };
}

export const applyReport: Report = {
  name: 'apply',
  title: 'Apply colours',
  fileSuffix: 'coloured',
  target: 'input',
  needs: 'a sheet of measures',
  appliesTo: (grids) => (readMeasures(grids).data?.measures.length ?? 0) > 0,
  run,
};
