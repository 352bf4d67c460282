/**
 * Action states and their RAG looks (SPEC §5.5), as at a date.
 *
 * Boundaries: an action due ON the as-at date is "due soon", not overdue (it
 * can still be done that day); one due on the last day of the warning window
 * (as-at + window days) is still "due soon"; the day after is "on track".
 */
import type { CellStyle } from '../../model/plan';
import { COLOURS, type Scheme, type StatusLook } from '../measures/scheme';
import { daysBetween } from './dates';
import type { TimescaleReading } from './timescale';

export type ActionState = 'complete' | 'overdue' | 'due-soon' | 'on-track' | 'ongoing' | 'no-date' | 'not-accepted';

/** Most pressing first: the order of the Summary's columns and the report's counts. */
export const ACTION_STATES: readonly ActionState[] = ['overdue', 'due-soon', 'on-track', 'ongoing', 'no-date', 'complete', 'not-accepted'];

export const DEFAULT_WARNING_DAYS = 28;

export interface Judgement {
  state: ActionState;
  /** The due date, when the timescale gives one (also for complete actions it does not). */
  due?: string;
  /** Days past the due date, for overdue actions only. */
  daysOverdue?: number;
}

export interface JudgementInput {
  reading: TimescaleReading;
  /** Accepted column says No. */
  rejected: boolean;
  /** The row has action text. */
  hasAction: boolean;
  /** The Status column reports the action complete. */
  statusComplete: boolean;
  asAt: string;
  warningDays: number;
}

export function judgeAction({ reading, rejected, hasAction, statusComplete, asAt, warningDays }: JudgementInput): Judgement {
  if (rejected || (reading.kind === 'not-applicable' && !hasAction)) return { state: 'not-accepted' };
  if (statusComplete || reading.kind === 'complete') return { state: 'complete', due: reading.kind === 'due' ? reading.due : undefined };
  switch (reading.kind) {
    case 'ongoing':
      return { state: 'ongoing' };
    case 'no-date':
    case 'not-applicable':
    case 'unreadable':
      return { state: 'no-date' };
    case 'due': {
      const daysLeft = daysBetween(asAt, reading.due);
      if (daysLeft < 0) return { state: 'overdue', due: reading.due, daysOverdue: -daysLeft };
      return { state: daysLeft <= warningDays ? 'due-soon' : 'on-track', due: reading.due };
    }
    default: {
      const never: never = reading;
      throw new Error(`Unknown timescale reading ${JSON.stringify(never)}`);
    }
  }
}

/** A state's label and fill. Complete is Blue where the scheme shows blue (brag), Green otherwise. */
export function stateLook(state: ActionState, scheme: Scheme): StatusLook {
  switch (state) {
    case 'complete':
      return { label: 'Complete', colour: scheme.name === 'brag' ? COLOURS.blue : COLOURS.green };
    case 'overdue':
      return { label: 'Overdue', colour: COLOURS.red };
    case 'due-soon':
      return { label: 'Due soon', colour: COLOURS.amber };
    case 'on-track':
      return { label: 'On track', colour: COLOURS.green };
    case 'ongoing':
      return { label: 'Ongoing', colour: COLOURS.green };
    case 'no-date':
      return { label: 'No date', colour: COLOURS.grey };
    case 'not-accepted':
      return { label: 'Not accepted' };
    default: {
      const never: never = state;
      throw new Error(`Unknown action state ${String(never)}`);
    }
  }
}

/** The write-plan style for a state's label cell. */
export function stateStyleName(state: ActionState): string {
  return `action.${state}`;
}

/** The label-cell styles for every state under the scheme (uncoloured states get a plain bordered cell). */
export function stateStyles(scheme: Scheme): Record<string, CellStyle> {
  const styles: Record<string, CellStyle> = {};
  for (const state of ACTION_STATES) {
    const { colour } = stateLook(state, scheme);
    styles[stateStyleName(state)] = { border: true, wrap: true, vertical: 'top', bold: true, ...(colour ? { fill: colour } : {}) };
  }
  return styles;
}
