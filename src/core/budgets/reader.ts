/**
 * Reads the Budgets sheet (SPEC §3): strategy, service line, budget, optional
 * actual/forecast, optional stated strategy total (a column or a "Total" row
 * under each strategy), notes.
 */
import { type Cell, type SheetGrid, type WorkbookGrids, cellAt } from '../../model/grid';
import { IssueList } from '../../model/issue';
import { type HeaderRow, type HeaderSynonyms, findHeaderRow, normaliseHeader } from '../shared/headers';
import { isGeneratedSheet } from '../shared/sheet-names';
import { cellText } from '../shared/values';
import {
  type Amount, type BudgetUnit, bareFigure, decimalsNeeded, formatMoney, headerUnit, headerWithoutUnit, readAmount, unitEvidence, unitLabel,
} from './amounts';
import { looseStrategy } from './names';
import type { BudgetLine, BudgetSheet, StatedTotal, StrategyBudget } from './types';

export type BudgetField = 'strategy' | 'line' | 'budget' | 'outturn' | 'total' | 'notes';

/** Header wordings, matched after the unit and year are taken off ("Budget (£m) 2017/18" → "Budget"). */
const BUDGET_HEADERS: HeaderSynonyms<BudgetField> = {
  strategy: ['Strategy', 'Commissioning strategy', 'Strategy name', 'Commissioning area', 'Commissioning plan', 'Programme', 'Portfolio'],
  line: [
    'Service line', 'Service', 'Service area', 'Line', 'Budget line', 'Budget heading', 'Cost centre', 'Description',
    'Service description', 'Activity', 'Item',
  ],
  budget: [
    'Budget', 'Budget amount', 'Amount', 'Net budget', 'Gross budget', 'Approved budget', 'Original budget', 'Revised budget',
    'Current budget', 'Allocation', 'Budget allocation', 'Annual budget', 'Planned spend',
  ],
  outturn: [
    'Actual', 'Actuals', 'Actual spend', 'Spend', 'Spend to date', 'Outturn', 'Forecast', 'Forecast outturn', 'Projected outturn',
    'Forecast spend', 'Projected spend', 'Actual/forecast', 'Actual or forecast', 'Forecast/actual', 'Actual/forecast outturn',
  ],
  total: ['Stated total', 'Strategy total', 'Stated strategy total', 'Total', 'Total budget', 'Strategy budget', 'Stated total budget'],
  notes: ['Notes', 'Note', 'Comments', 'Comment', 'Explanation'],
};

const BUDGET_SHEET_NAMES = new Set(['budgets', 'budget', 'budget monitoring', 'budgets by strategy', 'strategy budgets', 'finance']);

/** "of which: agency staff", "- of which residential", "(of which) …", "incl. …": a breakdown of the line above. */
const OF_WHICH = /^[\s(–—-]*(?:of which|of this|incl\.?|including)\b[\s):–—-]*/i;

/** A unit written at the end of a line's or heading's name: "Agency staff (£'000)", "Early Help £m". */
const STATED_UNIT = /\s*(\(\s*£[^)]*\)|£\s*'?\s*000s?|£\s*(?:m|mn|k))\s*$/i;

function statedUnit(name: string): BudgetUnit | undefined {
  const stated = STATED_UNIT.exec(name);
  return stated ? headerUnit(stated[1]) : undefined;
}

const GRAND_TOTAL = /^(grand|overall)\s+total\b|^total\s+(for\s+)?all\b|\ball\s+strategies\b/i;
const TOTAL = /^(sub[\s-]?)?total\b|\btotal$/i;

/** The header row, with units and years taken off the header texts before matching. */
function budgetHeaderRow(sheet: SheetGrid): HeaderRow<BudgetField> | undefined {
  const stripped: SheetGrid = {
    ...sheet,
    rows: sheet.rows.slice(0, 30).map((row) =>
      (row ?? []).map((cell): Cell | undefined => (cell && typeof cell.value === 'string' ? { ...cell, value: headerWithoutUnit(cell.value) } : cell)),
    ),
  };
  const found = findHeaderRow(stripped, BUDGET_HEADERS, ['line', 'budget']);
  return found && { ...found, texts: (sheet.rows[found.row] ?? []).map((cell) => cellText(cell)) };
}

export interface BudgetsSheetLocation {
  sheet: SheetGrid;
  header?: HeaderRow<BudgetField>;
}

/**
 * The Budgets sheet: one named Budgets (or Budget, Finance…), else the first
 * sheet whose headers name a service line, a budget and a strategy or total.
 */
export function findBudgetsSheet(grids: WorkbookGrids): BudgetsSheetLocation | undefined {
  const own = grids.sheets.filter((s) => !isGeneratedSheet(s));
  const named = own.find((s) => BUDGET_SHEET_NAMES.has(normaliseHeader(s.name)));
  if (named) return { sheet: named, header: budgetHeaderRow(named) };
  for (const sheet of own) {
    const header = budgetHeaderRow(sheet);
    if (header && (header.columns.strategy !== undefined || header.columns.total !== undefined)) return { sheet, header };
  }
  return undefined;
}

const AMOUNT_FIELDS = ['budget', 'outturn', 'total'] as const;

/** Decides the sheet's unit: the budget header's, else what the amounts say, else their size. */
function decideUnit(sheet: SheetGrid, header: HeaderRow<BudgetField>): { unit: BudgetUnit; source: string } {
  const budgetHeader = header.texts[header.columns.budget ?? -1] ?? '';
  const fromHeader = headerUnit(budgetHeader);
  if (fromHeader) return { unit: fromHeader, source: `from the header '${budgetHeader}'` };
  const counts = new Map<BudgetUnit, { count: number; example?: string }>();
  const bare: number[] = [];
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    for (const field of AMOUNT_FIELDS) {
      const col = header.columns[field];
      if (col === undefined) continue;
      const cell = cellAt(sheet, r, col);
      const evidence = unitEvidence(cell);
      if (evidence) {
        const seen = counts.get(evidence) ?? { count: 0, example: typeof cell?.value === 'string' ? cellText(cell) : undefined };
        counts.set(evidence, { ...seen, count: seen.count + 1 });
      } else {
        const figure = bareFigure(cell);
        if (figure !== undefined) bare.push(figure);
      }
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1].count - a[1].count)[0];
  if (best) {
    const { example } = best[1];
    return { unit: best[0], source: example ? `as the amounts are written ('${example}')` : "from the amounts' number format" };
  }
  if (bare.length > 0 && bare.every((v) => Math.abs(v) < 1000)) {
    return { unit: 'millions', source: 'no unit is given and every figure is under 1,000, so they are read as £m' };
  }
  return { unit: 'pounds', source: 'no unit is given, so figures are read as pounds' };
}

/** The most common number of decimal places shown (never below 0). */
function commonDecimals(amounts: Amount[], unit: BudgetUnit): number {
  const counts = new Map<number, number>();
  for (const a of amounts) {
    const d = Math.max(0, a.decimals);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : unit === 'millions' ? 2 : 0;
}

/** Reads the Budgets sheet found by findBudgetsSheet, from its header row. */
export function readBudgetSheet(sheet: SheetGrid, header: HeaderRow<BudgetField>): BudgetSheet {
  const issues = new IssueList();
  const { unit, source } = decideUnit(sheet, header);
  const cols = header.columns;
  /** A unit written on the row itself ("Agency staff (£'000)") or on the strategy heading above wins over the column's. */
  let rowUnit: BudgetUnit | undefined;
  const columnUnit = (field: BudgetField) => rowUnit ?? headerUnit(header.texts[cols[field] ?? -1] ?? '');
  const isBlank = (r: number, field: BudgetField) => cols[field] === undefined || (cellAt(sheet, r, cols[field])?.value ?? null) === null;
  const text = (r: number, field: BudgetField) => (cols[field] === undefined ? '' : cellText(cellAt(sheet, r, cols[field])));
  const strategies = new Map<string, StrategyBudget>();
  const amounts: Amount[] = [];
  let grandTotal: StatedTotal | undefined;
  let current: StrategyBudget | undefined;

  const strategyNamed = (name: string): StrategyBudget => {
    const key = looseStrategy(name) || name;
    let strategy = strategies.get(key);
    if (!strategy) {
      strategy = { name, lines: [] };
      strategies.set(key, strategy);
    }
    return strategy;
  };

  /** The amount in a cell, or undefined with an Issue saying what was done. */
  const amountAt = (r: number, field: BudgetField, what: string, done: string): Amount | undefined => {
    const col = cols[field];
    if (col === undefined) return undefined;
    const reading = readAmount(cellAt(sheet, r, col), unit, columnUnit(field));
    switch (reading.kind) {
      case 'blank':
        return undefined;
      case 'not-an-amount':
        issues.add(sheet.name, r, col, `'${reading.text}' is not an amount — ${done}`);
        return undefined;
      case 'amount':
        if (reading.readAsPounds) {
          issues.add(sheet.name, r, col, `${what} '${cellText(cellAt(sheet, r, col))}' is too large to be in ${unitLabel(unit)} — read as pounds (${formatMoney(reading.amount.value, unit, Math.max(2, decimalsNeeded(reading.amount.value)))})`);
        }
        amounts.push(reading.amount);
        return reading.amount;
      default: {
        const never: never = reading;
        return never;
      }
    }
  };

  const state = (strategy: StrategyBudget, stated: StatedTotal) => {
    const earlier = strategy.stated;
    if (!earlier) {
      strategy.stated = stated;
    } else if (Math.abs(earlier.amount.value - stated.amount.value) > 1e-9) {
      const shown = Math.max(0, stated.amount.decimals, earlier.amount.decimals);
      issues.add(sheet.name, stated.row, stated.col,
        `the stated total for ${strategy.name} (${formatMoney(stated.amount.value, unit, shown)}) differs from the ${formatMoney(earlier.amount.value, unit, shown)} stated above — the first was used`);
    }
  };

  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const strategyText = text(r, 'strategy');
    const lineText = text(r, 'line');
    const hasFigure = AMOUNT_FIELDS.some((f) => !isBlank(r, f));
    if (!strategyText && !lineText && !hasFigure) continue;
    rowUnit = statedUnit(lineText) ?? (lineText ? undefined : statedUnit(strategyText)) ?? current?.unit;

    if (GRAND_TOTAL.test(lineText) || GRAND_TOTAL.test(strategyText)) {
      const field = isBlank(r, 'budget') ? 'total' : 'budget';
      const amount = amountAt(r, field, 'the grand total', 'the grand total was not checked');
      if (amount) grandTotal = { amount, row: r, col: cols[field] ?? 0, style: 'row' };
      current = undefined;
      continue;
    }

    const totalText = TOTAL.test(lineText) ? lineText : !lineText && TOTAL.test(strategyText) ? strategyText : undefined;
    if (totalText !== undefined) {
      const named = totalText.replace(/\b(sub[\s-]?)?total\b|\bfor\b|[:–—-]/gi, ' ').trim() || (TOTAL.test(strategyText) ? '' : strategyText);
      // "Total Early Help" names its strategy; "Total budget" or "Sub-total" totals the one above.
      const known = named ? strategies.get(looseStrategy(named) || named) : undefined;
      const strategy = known ?? current ?? (named ? strategyNamed(named) : undefined);
      if (!strategy) {
        issues.add(sheet.name, r, cols.line ?? 0, `'${totalText}' does not say which strategy it totals and no strategy is above it — not used`);
        continue;
      }
      const field = isBlank(r, 'budget') ? 'total' : 'budget';
      const amount = amountAt(r, field, 'the total', 'the total was not used');
      if (amount) state(strategy, { amount, row: r, col: cols[field] ?? 0, style: 'row' });
      else if (isBlank(r, field)) issues.add(sheet.name, r, cols.budget ?? 0, `'${totalText}' has no figure — ${strategy.name} has no stated total from it`);
      current = undefined;
      continue;
    }

    // A strategy heading: a name alone (with no Strategy column, in the line column), perhaps with its total beside it.
    const heading = cols.strategy === undefined ? lineText : lineText ? '' : strategyText;
    if (heading && isBlank(r, 'budget') && isBlank(r, 'outturn')) {
      current = strategyNamed(heading.replace(STATED_UNIT, '') || heading);
      current.unit = statedUnit(heading);
      const total = amountAt(r, 'total', 'the stated total', 'not used as the stated total');
      if (total) state(current, { amount: total, row: r, col: cols.total ?? 0, style: 'column' });
      continue;
    }

    const name = (lineText || strategyText).replace(STATED_UNIT, '');
    const parent = OF_WHICH.test(name) ? current?.lines.at(-1) : undefined;
    if (parent) {
      const part: BudgetLine = { strategy: parent.strategy, name: name.replace(OF_WHICH, ''), row: r };
      const budget = amountAt(r, 'budget', 'the budget', 'left out of the breakdown');
      if (budget) part.budget = budget;
      (parent.ofWhich ??= []).push(part);
      checkBreakdown(parent);
      continue;
    }
    if (!name) {
      issues.add(sheet.name, r, cols.budget ?? 0, 'a figure with no service line or strategy beside it — left out');
      continue;
    }
    if (!strategyText && !current) {
      issues.add(sheet.name, r, cols.strategy ?? cols.line ?? 0, `no strategy is given for '${name}' — counted under '(no strategy)'`);
    }
    const strategy = strategyText ? strategyNamed(strategyText) : current ?? strategyNamed('(no strategy)');
    current = strategy;
    const budget = amountAt(r, 'budget', 'the budget', `${name} is left out of ${strategy.name}'s sum of lines`);
    if (isBlank(r, 'budget')) {
      issues.add(sheet.name, r, cols.budget ?? 0, `no budget is given for ${name} — left out of ${strategy.name}'s sum of lines`);
    }
    const line: BudgetLine = { strategy: strategy.name, name, budget, row: r };
    const outturn = amountAt(r, 'outturn', 'the actual/forecast', `${name} is left out of the variance`);
    if (outturn) line.outturn = outturn;
    const notes = text(r, 'notes');
    if (notes) line.notes = notes;
    strategy.lines.push(line);
    const total = amountAt(r, 'total', 'the stated total', 'not used as the stated total');
    if (total && cols.total !== undefined) state(strategy, { amount: total, row: r, col: cols.total, style: 'column' });
  }

  /** A breakdown that adds up to more than its line is worth a second look. */
  function checkBreakdown(line: BudgetLine): void {
    const parts = line.ofWhich ?? [];
    const sum = parts.reduce((total, part) => total + (part.budget?.value ?? 0), 0);
    if (!line.budget || sum <= line.budget.value + 1e-9 || parts.length === 0) return;
    const shown = Math.max(0, line.budget.decimals);
    // The link goes to the line's budget, the figure its breakdown overshoots.
    issues.add(sheet.name, line.row, cols.budget ?? cols.line ?? 0, `the "of which" lines under ${line.name} add up to ${formatMoney(sum, unit, shown)}, more than its ${formatMoney(line.budget.value, unit, shown)}`);
  }

  return {
    sheet: sheet.name,
    unit,
    unitSource: source,
    decimals: commonDecimals(amounts, unit),
    strategies: [...strategies.values()].filter((s) => s.lines.length > 0 || s.stated),
    grandTotal,
    hasOutturn: cols.outturn !== undefined,
    issues: issues.items,
  };
}
