import type { WorkbookGrids } from '../model/grid';
import type { Issue } from '../model/issue';
import type { WritePlan } from '../model/plan';

/**
 * A report turns a workbook's grids into a write plan and a JSON document.
 * Pure: the CLI and the task pane read the grids and execute the plan with
 * their own adapter, so both give the same workbook.
 */
export interface ReportOptions {
  /** Scheme name from the command line or the pane; overrides the Settings sheet. */
  scheme?: string;
  /** The period to report, as labelled in the workbook; default: the latest. */
  period?: string;
  /** "YYYY-MM-DD" given by the user (`--as-at`); overrides the Settings sheet's "As at". */
  asAt?: string;
  /** Write SPC's Variation and Assurance columns beside Status (undefined: as the workbook had them). */
  spcColumns?: boolean;
  /** "YYYY-MM-DD": today, passed in because the core never reads the clock. */
  today: string;
}

export interface ReportResult {
  plan: WritePlan;
  /** The command's `--json` document (SPEC §6). */
  json: unknown;
  issues: Issue[];
  /** One line for people, e.g. "24 measures for Q2 2017/18: 10 met, 6 within tolerance, 5 not met, 3 no data". */
  summary: string;
}

export interface Report {
  /** The CLI verb: apply, commentary, ttc, budgets, actions. */
  name: string;
  /** What the pane's button and the help say, e.g. "Apply colours". */
  title: string;
  /** Output file name part: sample-coloured.xlsx. */
  fileSuffix: string;
  /**
   * `input`: the plan patches the user's workbook (fills, added columns, Ragbook's own sheets).
   * `new`: the plan builds a workbook of its own (an export such as Turning the Curve).
   */
  target: 'input' | 'new';
  /** False when the workbook has nothing for this report (no Budgets sheet…); `run` then skips it. */
  appliesTo?(grids: WorkbookGrids): boolean;
  /** What appliesTo looks for, for the message when it is missing: "a Budgets sheet". */
  needs?: string;
  run(grids: WorkbookGrids, options: ReportOptions): ReportResult;
}
