/** `ragbook actions`: the single action plan tracker (SPEC §5.5). */
import type { WorkbookGrids } from '../../model/grid';
import type { WritePlan } from '../../model/plan';
import type { Report, ReportOptions, ReportResult } from '../report';
import { readSettingsSheet } from '../shared/settings-sheet';
import { BASE_STYLES } from '../shared/styles';
import { buildSummarySheet, type SummarySection } from '../summary/summary-sheet';
import { summarySections } from '../summary/sections';
import { actionPlanSheetName, buildActionPlanSheet, describeCounts } from './action-plan-sheet';
import { actionSheets } from './reader';
import { type ActionTracking, trackActions } from './tracker';

/** The `--json` document of SPEC §5.5. */
export function actionsJson(tracking: ActionTracking): unknown {
  return {
    as_at: tracking.asAt,
    actions: tracking.actions.map((a) => ({
      ref: a.record.ref,
      plan: a.record.recommendation.plan,
      recommendation: a.record.recommendation.text,
      action: a.record.action,
      lead: a.record.lead,
      due: a.due ?? null,
      state: a.state,
      label: a.label,
      days_overdue: a.daysOverdue ?? null,
    })),
    issues: tracking.issues,
  };
}

function runActions(grids: WorkbookGrids, options: ReportOptions): ReportResult {
  const tracking = trackActions(grids, options);
  const actionPlan = buildActionPlanSheet(actionPlanSheetName(grids), tracking);
  const sections = summarySections.map((source) => source(grids, options)).filter((s): s is SummarySection => s !== undefined);
  const title = readSettingsSheet(grids).text('Report title', 'Title') ?? 'Performance report';
  const summary = buildSummarySheet(title, sections);
  const plan: WritePlan = {
    styles: { ...BASE_STYLES, ...actionPlan.styles, ...summary.styles },
    sheets: [summary.sheet, actionPlan.sheet],
    removeSheets: [],
  };
  return { plan, json: actionsJson(tracking), issues: tracking.issues, summary: describeCounts(tracking) };
}

export const actionsReport: Report = {
  name: 'actions',
  title: 'Track actions',
  fileSuffix: 'actions',
  target: 'input',
  appliesTo: (grids) => actionSheets(grids).length > 0,
  needs: 'an Actions sheet',
  run: runActions,
};
