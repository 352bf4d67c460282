import type { Issue } from '../../model/issue';
import type { Amount, BudgetUnit } from './amounts';

/** One service line of a strategy. */
export interface BudgetLine {
  strategy: string;
  name: string;
  /** Undefined when the cell is blank or not an amount (reported as an Issue). */
  budget?: Amount;
  /** Actual spend or forecast outturn, when the sheet has one. */
  outturn?: Amount;
  notes?: string;
  /** 0-based row on the Budgets sheet. */
  row: number;
  /** "of which …" lines beneath it: a breakdown of this line, never added to the strategy a second time. */
  ofWhich?: BudgetLine[];
}

/** A strategy total as the sheet states it: in a total column or on a "Total" row. */
export interface StatedTotal {
  amount: Amount;
  row: number;
  col: number;
  style: 'column' | 'row';
}

export interface StrategyBudget {
  /** As first written. */
  name: string;
  lines: BudgetLine[];
  stated?: StatedTotal;
  /** A unit its heading gives ("Early Help (£'000)") for the lines beneath it. */
  unit?: BudgetUnit;
}

export interface BudgetSheet {
  sheet: string;
  /** The unit every amount has been read into. */
  unit: BudgetUnit;
  /** How the unit was decided, for the output's note: "from the header 'Budget (£m)'". */
  unitSource: string;
  /** Decimal places to show money with: the most common among the sheet's amounts. */
  decimals: number;
  strategies: StrategyBudget[];
  /** A "Grand total" row, when the sheet has one. */
  grandTotal?: StatedTotal;
  /** True when the sheet has an actual/forecast column. */
  hasOutturn: boolean;
  issues: Issue[];
}
