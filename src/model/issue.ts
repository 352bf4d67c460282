import { cellAddress } from './address';

/**
 * One problem found in the input. The message says what is wrong and what
 * Ragbook did about it, e.g. "'about 40' is not a number — treated as no data".
 */
export interface Issue {
  sheet: string;
  /** A1 address, or "" when the problem is not about one cell. */
  cell: string;
  message: string;
}

/** Collects issues while a reader works through a sheet. */
export class IssueList {
  readonly items: Issue[] = [];

  add(sheet: string, row: number | undefined, col: number | undefined, message: string): void {
    const cell = row === undefined || col === undefined ? '' : cellAddress(row, col);
    this.items.push({ sheet, cell, message });
  }

  addAll(issues: readonly Issue[]): void {
    // A loop, not push(...issues): a spread of a hundred thousand issues overflows the stack.
    for (const issue of issues) this.items.push(issue);
  }
}

export function formatIssue(issue: Issue): string {
  return issue.cell ? `${issue.sheet}!${issue.cell}: ${issue.message}` : `${issue.sheet}: ${issue.message}`;
}
