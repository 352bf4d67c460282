/**
 * Explains a strategy's result in plain words, and where the data can, what
 * accounts for a difference: lines it shares with another strategy, a single
 * line, or the sign of an income line.
 */
import { type BudgetUnit, formatMoney } from './amounts';
import { listInWords } from './names';
import type { TotalCheck } from './reconcile';
import type { BudgetLine, BudgetSheet, StrategyBudget } from './types';

const EPSILON = 1e-9;
/** Subsets of shared lines are tried only up to this many lines (2^12 sums). */
const MAX_SHARED_LINES = 12;
const INCOME = /\b(income|grants?|contributions?|recharges?|fees|charges|receipts|funding from)\b/i;

type Check = TotalCheck & { strategy: StrategyBudget };

interface Money {
  (value: number, decimals?: number): string;
}

function moneyIn(unit: BudgetUnit, decimals: number): Money {
  return (value, shown = decimals) => formatMoney(value, unit, Math.max(0, shown));
}

/** The largest set of shared lines whose budgets add up to the difference. */
function sharedExplanation(check: Check, alsoUnder: Map<BudgetLine, string[]>, near: (x: number) => boolean): string | undefined {
  const shared = check.strategy.lines
    .flatMap((line) => (line.budget && (alsoUnder.get(line)?.length ?? 0) > 0 ? [{ line, elsewhere: alsoUnder.get(line) ?? [] }] : []))
    .slice(0, MAX_SHARED_LINES);
  const subsets = Array.from({ length: 2 ** shared.length - 1 }, (_, i) => i + 1)
    .map((mask) => shared.filter((_, bit) => mask & (1 << bit)))
    .sort((a, b) => b.length - a.length);
  const match = subsets.find((subset) => near(subset.reduce((sum, s) => sum + (s.line.budget?.value ?? 0), 0)));
  if (!match) return undefined;
  const names = match.map((s) => s.line.name);
  const others = [...new Set(match.flatMap((s) => s.elsewhere))];
  return `It reconciles once ${listInWords(names)}, counted under ${listInWords(others)}, ${names.length > 1 ? 'are' : 'is'} left out.`;
}

function singleLineExplanation(check: Check, all: Check[], difference: number, near: (x: number) => boolean, money: Money): string | undefined {
  const own = check.strategy.lines.filter((l) => l.budget);
  if (difference > 0) {
    const line = own.find((l) => near(l.budget?.value ?? 0));
    return line && `It reconciles once ${line.name} (${money(line.budget?.value ?? 0)}) is left out: the stated total may not include it.`;
  }
  const counted = own.find((l) => near(-(l.budget?.value ?? 0)));
  if (counted) return `The stated total is more by the amount of ${counted.name} (${money(counted.budget?.value ?? 0)}): it may have been counted twice.`;
  for (const other of all) {
    if (other.strategy === check.strategy) continue;
    const line = other.strategy.lines.find((l) => l.budget && near(-l.budget.value));
    if (line) return `It reconciles once ${line.name} (${money(line.budget?.value ?? 0)}), listed under ${other.strategy.name}, is added: the stated total may include it.`;
  }
  return undefined;
}

function signSlipExplanation(check: Check, near: (x: number) => boolean, money: Money): string | undefined {
  for (const line of check.strategy.lines) {
    const value = line.budget?.value;
    if (value === undefined || !near(2 * value)) continue;
    if (value < 0) {
      return `It reconciles if the sign of the income line ${line.name} (${money(value)}) is reversed: the stated total appears to add this income as if it were spending.`;
    }
    if (INCOME.test(line.name)) {
      return `It reconciles if ${line.name} (${money(value)}) is entered as income (${money(-value)}): the stated total appears to take it away.`;
    }
  }
  return undefined;
}

/** A strategy's result in words: in full (for the JSON), and without the figures the sheet shows beside it. */
export interface Explanation {
  full: string;
  short: string;
}

function same(text: string): Explanation {
  return { full: text, short: text };
}

export function explainDifference(check: Check, all: Check[], alsoUnder: Map<BudgetLine, string[]>, budgets: BudgetSheet): Explanation {
  const money = moneyIn(budgets.unit, budgets.decimals);
  const { stated, difference, tolerance } = check;
  if (stated === undefined || difference === undefined || tolerance === undefined) return same('No stated total to check against.');
  const statedDecimals = check.strategy.stated?.amount.decimals ?? budgets.decimals;
  const statedText = money(stated, statedDecimals);
  if (check.reconciles) {
    if (Math.abs(difference) <= EPSILON) return same(`Reconciles: the lines add up to the stated ${statedText}.`);
    if (check.toleranceFrom === 'settings') return same(`Reconciles within the ±${money(tolerance, budgets.decimals + 1)} tolerance set on the Settings sheet.`);
    return same(`Reconciles within the rounding of the stated ${statedText} (±${money(tolerance, statedDecimals + 1)}).`);
  }
  const near = (x: number) => Math.abs(x - difference) <= tolerance + EPSILON;
  const finding =
    (difference > 0 ? sharedExplanation(check, alsoUnder, near) : undefined) ??
    singleLineExplanation(check, all, difference, near, money) ??
    signSlipExplanation(check, near, money) ??
    'No single line, line shared with another strategy or sign slip accounts for the difference.';
  const full = `Does not reconcile as stated: the lines come to ${money(Math.abs(difference))} ${difference > 0 ? 'more' : 'less'} than the stated ${statedText}. ${finding}`;
  return { full, short: finding };
}
