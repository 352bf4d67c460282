/** `ragbook spc` / "Show variation (SPC)": the SPC sheet (issue 21). */
import type { WorkbookGrids } from '../../model/grid';
import { IssueList } from '../../model/issue';
import { NothingToReportError } from '../errors';
import { analyseMeasures } from '../measures/analyse';
import { readMeasures } from '../measures/read-measures';
import type { Report, ReportOptions, ReportResult } from '../report';
import { reportPlan } from '../report-plan';
import { readSettingsSheet } from '../shared/settings-sheet';
import { generatedSheetName } from '../shared/sheet-names';
import { roundTo } from '../shared/values';
import type { Variation } from './chart';
import { readSpcSettings, type SpcMeasure, spcForMeasures } from './measures';
import { buildSpcSheet, SPC_SHEET, SPC_STYLES } from './sheet';

const ROUND = 6;

function spcJson(measures: readonly SpcMeasure[]) {
  return measures.map(({ measure, chart }) => ({
    id: measure.measure.id,
    name: measure.measure.name,
    variation: chart.variation,
    assurance: chart.assurance,
    mean: roundTo(chart.limits.mean, ROUND),
    lpl: roundTo(chart.limits.lpl, ROUND),
    upl: roundTo(chart.limits.upl, ROUND),
    provisional: chart.provisional,
    points: chart.points.map((p) => ({ period: p.label, value: p.value, special: p.rules.length > 0, rules: p.rules })),
  }));
}

const VARIATION_WORDS: [Variation, string][] = [
  ['special-cause-improving', 'improving'],
  ['special-cause-concerning', 'concerning'],
  ['special-cause-neither', 'a real change'],
  ['common-cause', 'no significant change'],
];

function describe(measures: readonly SpcMeasure[], total: number): string {
  const parts = VARIATION_WORDS.map(([variation, words]) => [measures.filter((m) => m.chart.variation === variation).length, words] as const)
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n} ${words}`);
  const head = `SPC for ${measures.length} of ${total} measure${total === 1 ? '' : 's'}`;
  return parts.length > 0 ? `${head}: ${parts.join(', ')}` : head;
}

function run(grids: WorkbookGrids, options: ReportOptions): ReportResult {
  const analysis = analyseMeasures(grids, options);
  if (!analysis.source) throw new NothingToReportError(analysis.issues.at(-1)?.message ?? 'no measures found');
  const issues = new IssueList();
  issues.addAll(analysis.issues);
  const settings = readSpcSettings(readSettingsSheet(grids), issues);
  const measures = spcForMeasures(analysis, settings, issues);
  const sheet = buildSpcSheet(generatedSheetName(grids, SPC_SHEET), analysis.title, analysis.period ?? '', measures);
  const plan = reportPlan(grids, options, { sheets: [sheet], styles: SPC_STYLES, issues: issues.items, summary: false });
  return { plan, json: { measures: spcJson(measures), issues: issues.items }, issues: issues.items, summary: describe(measures, analysis.measures.length) };
}

export const spcReport: Report = {
  name: 'spc',
  title: 'Show variation (SPC)',
  fileSuffix: 'spc',
  target: 'input',
  needs: 'a sheet of measures',
  appliesTo: (grids) => readMeasures(grids).data !== undefined,
  run,
};
