/** The action plan's part of the Summary sheet: how many actions are in each state, per plan and per lead. */
import type { WorkbookGrids } from '../../model/grid';
import type { CellStyle, PlanValue } from '../../model/plan';
import type { ReportOptions } from '../report';
import type { SummarySection, SummarySectionSource } from '../summary/summary-sheet';
import { actionPlanSheetName } from './action-plan-sheet';
import { addDays, formatLongDate } from './dates';
import { chartColour, COLOURS, type Scheme } from '../measures/scheme';
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

/** Lighter shades for states that share a fill (On track, Ongoing and Complete are all green under rag). */
const SHADES: Record<string, string[]> = { [COLOURS.green]: ['#C5E0B4', '#E2F0D9'] };

/** A column series per coloured state; a repeated fill gets a lighter shade so the stacks stay readable. */
function chartSeries(scheme: Scheme): { col: number; colour: string }[] {
  const used = new Map<string, number>();
  return ACTION_STATES.flatMap((state, i) => {
    const { colour } = stateLook(state, scheme);
    if (!colour) return [];
    const times = used.get(colour) ?? 0;
    used.set(colour, times + 1);
    return [{ col: i + 1, colour: times === 0 ? chartColour(colour) : (SHADES[colour]?.[times - 1] ?? colour) }];
  });
}

function countTable(groups: Iterable<[string, TrackedAction[]]>, total?: TrackedAction[]): { rows: PlanValue[][]; cellStyles: (string | undefined)[][] } {
  const built = [...groups].map(([name, list]) => countRow(name, list));
  if (total) built.push(countRow('All plans', total, 'total'));
  return { rows: built.map((b) => b.values), cellStyles: built.map((b) => b.styles) };
}

/** Two tables: actions in each state per plan (with a chart), then per lead. */
export function buildActionsSummarySections(tracking: ActionTracking, actionPlanSheet: string): SummarySection[] {
  const { actions, asAt, warningDays, scheme } = tracking;
  const labels = ACTION_STATES.map((state) => stateLook(state, scheme).label);
  const styles: Record<string, CellStyle> = {};
  for (const state of ACTION_STATES) {
    const { colour } = stateLook(state, scheme);
    styles[countStyleName(state)] = { border: true, vertical: 'top', horizontal: 'right', ...(colour ? { fill: colour } : {}) };
  }
  const byPlan = groupBy(actions, (a) => a.record.recommendation.plan);
  const byLead = groupBy(actions, (a) => a.record.lead || '(no lead named)');
  const leads = [...byLead.keys()].sort((a, b) => a.localeCompare(b, 'en-GB'));
  return [
    {
      heading: `Actions by plan, as at ${formatLongDate(asAt)}`,
      header: ['Plan', ...labels, 'Total'],
      ...countTable(byPlan, actions),
      notes: [
        `Overdue: due before ${formatLongDate(asAt)} and not complete. Due soon: due by ${formatLongDate(addDays(asAt, warningDays))} (within ${warningDays} days).`,
      ],
      seeSheet: { sheet: actionPlanSheet, text: `Each action is listed on the ${actionPlanSheet} sheet.` },
      chart: {
        kind: 'stacked-column',
        title: `Actions by state and plan, as at ${formatLongDate(asAt)}`,
        series: chartSeries(scheme),
        yAxisTitle: 'Actions',
      },
      chartRows: byPlan.size,
      styles,
    },
    {
      heading: `Actions by lead, as at ${formatLongDate(asAt)}`,
      header: ['Lead', ...labels, 'Total'],
      ...countTable(leads.map((lead) => [lead, byLead.get(lead) ?? []])),
      styles,
    },
  ];
}

/** The Summary's action sections, or undefined when the workbook has no action plan. */
export const actionsSummarySection: SummarySectionSource = (grids: WorkbookGrids, options: ReportOptions) => {
  const tracking = trackActions(grids, options);
  return tracking.actions.length > 0 ? buildActionsSummarySections(tracking, actionPlanSheetName(grids)) : undefined;
};
