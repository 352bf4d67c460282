/** The action plan's part of the Summary sheet: how many actions are in each state, per plan and per lead. */
import type { WorkbookGrids } from '../../model/grid';
import type { CellStyle, PlanValue } from '../../model/plan';
import type { ReportOptions } from '../report';
import type { SummarySection, SummarySectionSource } from '../summary/summary-sheet';
import { actionPlanSheetName } from './action-plan-sheet';
import { addDays, formatLongDate } from './dates';
import { ACTION_STATES, type ActionState, stateLook } from './state';
import { type TrackedAction, trackActions, type ActionTracking } from './tracker';

function countStyleName(state: ActionState): string {
  return `action.count.${state}`;
}

function countRow(name: string, actions: TrackedAction[], plain?: string): { values: PlanValue[]; styles: (string | undefined)[] } {
  const counts = ACTION_STATES.map((state) => actions.filter((a) => a.state === state).length);
  return {
    values: [name, ...counts, actions.length],
    // A coloured count draws the eye only where there is something to count.
    styles: [plain, ...counts.map((n, i) => (n > 0 ? countStyleName(ACTION_STATES[i]) : plain)), plain],
  };
}

function groupBy(actions: TrackedAction[], key: (a: TrackedAction) => string): Map<string, TrackedAction[]> {
  const groups = new Map<string, TrackedAction[]>();
  for (const action of actions) {
    const group = groups.get(key(action));
    if (group) group.push(action);
    else groups.set(key(action), [action]);
  }
  return groups;
}

export function buildActionsSummarySection(tracking: ActionTracking, actionPlanSheet: string): SummarySection {
  const { actions, asAt, warningDays, scheme } = tracking;
  const labels = ACTION_STATES.map((state) => stateLook(state, scheme).label);
  const rows: PlanValue[][] = [];
  const cellStyles: (string | undefined)[][] = [];
  const add = ({ values, styles }: { values: PlanValue[]; styles: (string | undefined)[] }) => {
    rows.push(values);
    cellStyles.push(styles);
  };
  for (const [plan, list] of groupBy(actions, (a) => a.record.recommendation.plan)) add(countRow(plan, list));
  add(countRow('All plans', actions, 'total'));
  rows.push(['Lead', ...labels, 'Total']);
  cellStyles.push(rows[rows.length - 1].map(() => 'header'));
  const byLead = groupBy(actions, (a) => a.record.lead || '(no lead named)');
  for (const lead of [...byLead.keys()].sort((a, b) => a.localeCompare(b, 'en-GB'))) add(countRow(lead, byLead.get(lead) ?? []));

  const styles: Record<string, CellStyle> = {};
  for (const state of ACTION_STATES) {
    const { colour } = stateLook(state, scheme);
    styles[countStyleName(state)] = { border: true, vertical: 'top', horizontal: 'right', ...(colour ? { fill: colour } : {}) };
  }
  return {
    heading: `Actions as at ${formatLongDate(asAt)}`,
    header: ['Plan', ...labels, 'Total'],
    rows,
    cellStyles,
    notes: [
      `Overdue: due before ${formatLongDate(asAt)} and not complete. Due soon: due by ${formatLongDate(addDays(asAt, warningDays))} (within ${warningDays} days). ` +
        `Each action is listed on the ${actionPlanSheet} sheet.`,
    ],
    styles,
  };
}

/** The Summary's action section, or undefined when the workbook has no action plan. */
export const actionsSummarySection: SummarySectionSource = (grids: WorkbookGrids, options: ReportOptions) => {
  const tracking = trackActions(grids, options);
  return tracking.actions.length > 0 ? buildActionsSummarySection(tracking, actionPlanSheetName(grids)) : undefined;
};
