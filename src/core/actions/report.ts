/** `ragbook actions` / "Track actions": the single action plan tracker (SPEC §5.5). */
import { reportPlan } from '../report-plan';
import type { WorkbookGrids } from '../../model/grid';
import { formatIssue, IssueList } from '../../model/issue';
import { NothingToReportError } from '../errors';
import type { Report, ReportOptions, ReportResult } from '../report';
import { actionPlanSheetName, buildActionPlanSheet, describeCounts } from './action-plan-sheet';
import { actionSheets, readActionPlans } from './reader';
import { type ActionTracking, trackActions } from './tracker';

const WHERE = 'a sheet named Actions or Action plan, or one with Action and Timescale columns';
const NEEDS = `an action plan (${WHERE})`;

/** The `actions --json` document (SPEC §5.5). */
export function actionsJson(tracking: ActionTracking) {
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

function run(grids: WorkbookGrids, options: ReportOptions): ReportResult {
  const tracking = trackActions(grids, options);
  if (tracking.actions.length === 0) {
    const problem = tracking.issues.at(-1);
    throw new NothingToReportError(
      actionSheets(grids).length === 0
        ? `the workbook has no action plan: it needs ${WHERE}`
        : `no actions found: ${problem ? formatIssue(problem) : 'the action plan has no rows under its headers'}`,
    );
  }
  const actionPlan = buildActionPlanSheet(actionPlanSheetName(grids), tracking);
  const plan = reportPlan(grids, options, { sheets: [actionPlan.sheet], styles: actionPlan.styles, issues: tracking.issues, summary: true });
  return { plan, json: actionsJson(tracking), issues: tracking.issues, summary: describeCounts(tracking) };
}

export const actionsReport: Report = {
  name: 'actions',
  title: 'Track actions',
  fileSuffix: 'actions',
  target: 'input',
  appliesTo: (grids) => readActionPlans(grids, new IssueList()).length > 0,
  needs: NEEDS,
  run,
};
