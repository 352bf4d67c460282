/**
 * The "Action plan" sheet: every action grouped by plan and recommendation,
 * with its due date, state (coloured, with the label written) and latest
 * progress, wrapped and set up to print landscape, one page wide.
 */
import type { CellStyle, PlanValue, SheetPlan } from '../../model/plan';
import type { WorkbookGrids } from '../../model/grid';
import { SheetBuilder } from '../shared/sheet-builder';
import { generatedSheetName } from '../shared/sheet-names';
import { isoDateToSerial } from '../shared/values';
import { addDays, formatLongDate } from './dates';
import type { Recommendation } from './reader';
import { ACTION_STATES, stateLook, stateStyleName, stateStyles } from './state';
import type { ActionTracking, TrackedAction } from './tracker';

export const ACTION_PLAN_SHEET = 'Action plan';

const COLUMNS = ['Ref', 'Action', 'Lead', 'Timescale', 'Due date', 'State', 'Days overdue', 'Latest progress'];
const WIDTHS: Record<number, number> = { 0: 7, 1: 44, 2: 26, 3: 18, 4: 11, 5: 13, 6: 13, 7: 60 };
/** Excel's limit for one cell; joined progress paragraphs or a long recommendation with its prefix can pass it. */
const MAX_CELL_TEXT = 32_767;

function fitCell(text: string): string {
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

/** Characters of bold text that fit across columns B to H. */
const ONE_LINE = Math.floor(Object.values(WIDTHS).slice(1).reduce((a, b) => a + b, 0) * 0.85);

const ACTION_STYLES: Record<string, CellStyle> = {
  'action.plan': { bold: true, fontSize: 12, fontColour: '#1F3864' },
  'action.recommendation': { bold: true, wrap: true, vertical: 'top', fill: '#EDEDED', border: true },
};

/** The output sheet's name: "Action plan", unless that is the name of the user's own sheet. */
export function actionPlanSheetName(grids: WorkbookGrids): string {
  return generatedSheetName(grids, ACTION_PLAN_SHEET);
}

/** "14 actions as at 31 March 2013: 3 overdue, 2 due soon, …" (states with none are left out). */
export function describeCounts(tracking: ActionTracking): string {
  const { actions, asAt, scheme } = tracking;
  const counts = ACTION_STATES.map((state) => ({ state, n: actions.filter((a) => a.state === state).length })).filter((c) => c.n > 0);
  const parts = counts.map(({ state, n }) => `${n} ${stateLook(state, scheme).label.toLowerCase()}`);
  const head = `${actions.length} action${actions.length === 1 ? '' : 's'} as at ${formatLongDate(asAt)}`;
  return parts.length > 0 ? `${head}: ${parts.join(', ')}` : head;
}

/** Actions in sheet order, grouped by plan, then by recommendation. */
function groupActions(actions: TrackedAction[]): Map<string, Map<Recommendation, TrackedAction[]>> {
  const plans = new Map<string, Map<Recommendation, TrackedAction[]>>();
  for (const action of actions) {
    const recommendation = action.record.recommendation;
    const byRecommendation = plans.get(recommendation.plan) ?? new Map<Recommendation, TrackedAction[]>();
    plans.set(recommendation.plan, byRecommendation);
    const list = byRecommendation.get(recommendation);
    if (list) list.push(action);
    else byRecommendation.set(recommendation, [action]);
  }
  return plans;
}

export function buildActionPlanSheet(name: string, tracking: ActionTracking): { sheet: SheetPlan; styles: Record<string, CellStyle> } {
  const { asAt, warningDays } = tracking;
  const builder = new SheetBuilder(name).title(
    `Action plan as at ${formatLongDate(asAt)}`,
    `actions due by ${formatLongDate(addDays(asAt, warningDays))} (within ${warningDays} days) are "Due soon". ` +
      'This sheet is replaced each time Ragbook runs: change the plan itself on its own sheet.',
  );
  builder.row([describeCounts(tracking)], 'note');
  builder.blank();
  const headerRow = builder.row(COLUMNS, 'header');

  for (const [plan, recommendations] of groupActions(tracking.actions)) {
    builder.row([plan], 'action.plan');
    for (const [recommendation, actions] of recommendations) {
      if (recommendation.text || !recommendation.accepted) {
        const text = recommendation.text || '(no recommendation text)';
        const heading = `Recommendation ${recommendation.ref}: ${text}${recommendation.accepted ? '' : ' (not accepted)'}`;
        const row = builder.row([recommendation.ref, fitCell(heading), ...COLUMNS.slice(2).map(() => null)], 'action.recommendation');
        // Across the table when it fits on one line: a merged cell never grows taller for wrapped text.
        if (heading.length <= ONE_LINE) builder.merge({ row, col: 1, rowCount: 1, colCount: COLUMNS.length - 1 });
      }
      for (const action of actions) builder.row(actionRow(action), ['text', 'text', 'text', 'text', 'date', stateStyleName(action.state), 'number', 'text']);
    }
  }
  builder
    .widths(WIDTHS)
    .freeze(headerRow + 1)
    .page({ orientation: 'landscape', fitToWidth: true, repeatRows: { first: headerRow, last: headerRow } });
  const styles = { ...ACTION_STYLES, ...stateStyles(tracking.scheme) };
  return { sheet: builder.useStyles(styles).build(), styles };
}

/** The state, with the officer's own status beside it where they wrote a different one. */
function stateText(action: TrackedAction): string {
  const own = action.record.status;
  return own && own.toLowerCase() !== action.label.toLowerCase() ? `${action.label} (officer: ${own})` : action.label;
}

function actionRow(action: TrackedAction): PlanValue[] {
  return [
    action.record.ref,
    // Without an action (a recommendation turned down), the response says why.
    fitCell(action.record.action || (action.record.recommendation.response ? `Response: ${action.record.recommendation.response}` : '(no action given)')),
    action.record.lead,
    action.timescaleText,
    action.due ? isoDateToSerial(action.due) : null,
    stateText(action),
    action.daysOverdue ?? null,
    fitCell(action.latestProgress),
  ];
}
