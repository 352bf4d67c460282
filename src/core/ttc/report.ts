/** `ragbook ttc`: the Turning the Curve intelligence sheets as a workbook of their own (SPEC §5.3). */
import type { WorkbookGrids } from '../../model/grid';
import { type Issue, IssueList } from '../../model/issue';
import { parseCellAddress } from '../../model/address';
import { emptyPlan } from '../../model/plan';
import { markPrintedPages } from '../shared/print-setup';
import { NothingToReportError } from '../errors';
import { analyseMeasures } from '../measures/analyse';
import type { Report, ReportOptions, ReportResult } from '../report';
import { BASE_STYLES } from '../shared/styles';
import { generatedSheetName } from '../shared/sheet-names';
import { roundTo } from '../shared/values';
import { analysePriority, fieldText, type TtcPriority } from './priority';
import { readTtcBlocks, ttcSheets } from './reader';
import { buildContentsSheet, buildPrioritySheet, TTC_STYLES } from './sheet';

export const CONTENTS_SHEET = 'Contents';

function prioritiesJson(priorities: { sheet: string; priority: TtcPriority }[]) {
  return priorities.map(({ sheet, priority: p }) => ({
    priority: p.title,
    sheet,
    measure: p.measure ? { id: p.measure.measure.id, name: p.measure.measure.name } : null,
    category: p.category ?? null,
    priority_action: fieldText(p.block, 'action'),
    officer_lead: fieldText(p.block, 'lead'),
    current_situation: fieldText(p.block, 'situation'),
    baseline: p.baseline ? { period: p.baseline.label, value: p.baseline.value } : null,
    trend: p.trend.direction,
    trend_note: fieldText(p.block, 'trendNote') || null,
    rag_rating: fieldText(p.block, 'rag') || null,
    trend_slope: p.trend.slope === undefined ? null : roundTo(p.trend.slope, 4),
    rate: p.rate,
    baseline_target: p.baselineTarget ?? (fieldText(p.block, 'baselineTarget') || null),
    excellence_target: p.excellenceTarget ?? (fieldText(p.block, 'excellenceTarget') || null),
    comparator: p.columns.map((c) => ({
      period: c.label,
      la: c.la,
      statistical_neighbours: c.statisticalNeighbours,
      england: c.england,
      baseline_target: c.baselineTarget,
      excellence_target: c.excellenceTarget,
      forecast: c.forecast,
    })),
    story_behind_the_baseline: fieldText(p.block, 'story'),
    partners: fieldText(p.block, 'partners'),
    health_warning: fieldText(p.block, 'healthWarning'),
    what_works: fieldText(p.block, 'whatWorks') || null,
    actions: p.block.actions.map((a) => ({ action: a.detail, who: a.who })),
    what_success_looks_like: fieldText(p.block, 'success'),
    monitoring_and_accountability: fieldText(p.block, 'monitoring'),
    references: fieldText(p.block, 'references'),
  }));
}

function describe(priorities: readonly TtcPriority[]): string {
  const n = priorities.length;
  const count = (d: string) => priorities.filter((p) => p.trend.direction === d).length;
  const parts = [
    [count('improving'), 'improving'],
    [count('no-change'), 'no change'],
    [count('worsening'), 'worsening'],
    [count('n/a'), 'no trend'],
  ].filter(([k]) => (k as number) > 0).map(([k, words]) => `${k} ${words}`);
  return `${n} Turning the Curve sheet${n === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** Problems in the measures matter here only on the cells of the measures the sheets use. */
function issuesOfUsedMeasures(measureIssues: readonly Issue[], priorities: readonly TtcPriority[]): Issue[] {
  const cells = new Set<string>();
  for (const { measure } of priorities) {
    if (!measure) continue;
    const { source, observations } = measure.measure;
    cells.add(`${source.sheet}!${source.row}`);
    for (const o of observations) if (o.row !== undefined) cells.add(`${source.sheet}!${o.row}`);
  }
  return measureIssues.filter((i) => {
    const at = parseCellAddress(i.cell);
    return at !== undefined && cells.has(`${i.sheet}!${at.row}`);
  });
}

function runTtc(grids: WorkbookGrids, options: ReportOptions): ReportResult {
  const issues = new IssueList();
  const blocks = readTtcBlocks(grids, issues);
  if (blocks.length === 0) {
    throw new NothingToReportError("no Turning the Curve blocks found: add a sheet named 'TTC' with a row whose first cell is 'Strategic priority'");
  }
  const analysis = analyseMeasures(grids, options);
  const priorities = blocks.flatMap((block, i) => [
    analysePriority(block, i, analysis.measures, issues),
    ...block.moreMeasures.map((named) => analysePriority(block, i, analysis.measures, issues, named)),
  ]);
  const allIssues = [...issues.items, ...issuesOfUsedMeasures(analysis.issues, priorities)];

  // Named as they will be in this workbook (the add-in can export into it): never a user's sheet's name.
  const taken = new Set<string>();
  const contents = generatedSheetName(grids, CONTENTS_SHEET, taken);
  const named = priorities.map((priority, i) => ({ sheet: generatedSheetName(grids, `${i + 1}. ${priority.title}`, taken), priority }));
  const plan = emptyPlan();
  Object.assign(plan.styles, BASE_STYLES, TTC_STYLES);
  plan.sheets.push(buildContentsSheet(contents, analysis.title, named, allIssues));
  for (const { sheet, priority } of named) plan.sheets.push(buildPrioritySheet(sheet, priority, plan.styles));
  return { plan: markPrintedPages(plan, grids.marking), json: { priorities: prioritiesJson(named), issues: allIssues }, issues: allIssues, summary: describe(priorities) };
}

export const ttcReport: Report = {
  name: 'ttc',
  title: 'Export Turning the Curve sheets',
  fileSuffix: 'ttc',
  target: 'new',
  appliesTo: (grids) => ttcSheets(grids).length > 0,
  needs: 'a TTC sheet',
  run: runTtc,
};
