/**
 * Per strategy: the sum of its service lines against its stated total, within
 * the rounding of the stated figure (or a wider tolerance from Settings);
 * spend against budget with a RAG rating; service lines counted under more
 * than one strategy.
 */
import { type Amount, roundingTolerance } from './amounts';
import { type Explanation, explainDifference } from './explain';
import { looseName } from './names';
import type { BudgetSettings } from './settings';
import type { BudgetLine, BudgetSheet, StatedTotal, StrategyBudget } from './types';

/** Float noise allowed on top of a tolerance, so 0.1 + 0.2 never flips a result. */
const EPSILON = 1e-9;

export type Rag = 'green' | 'amber' | 'red';

/** Actual/forecast against budget; a positive variance is an overspend (or income short of budget). */
export interface Variance {
  budget: number;
  outturn: number;
  variance: number;
  /** Variance as a share of the budget's size; undefined when the budget is zero. */
  share?: number;
  rag: Rag;
}

export interface TotalCheck {
  linesTotal: number;
  stated?: number;
  /** Sum of lines minus the stated total. */
  difference?: number;
  /** The widest difference that still reconciles. */
  tolerance?: number;
  /** Where the tolerance came from: the stated figure's rounding or the Settings sheet. */
  toleranceFrom?: 'rounding' | 'settings';
  reconciles?: boolean;
}

export interface StrategyReconciliation extends TotalCheck {
  strategy: StrategyBudget;
  /** Plain words: why it reconciles, or what would make it reconcile. */
  explanation: Explanation;
  /** Over the lines that have both a budget and an actual/forecast. */
  variance?: Variance;
}

/** A service line listed under more than one strategy: possible double counting. */
export interface Duplicate {
  line: string;
  occurrences: BudgetLine[];
  /** True when the budgets given differ. */
  amountsDiffer: boolean;
}

export interface BudgetReconciliation {
  budgets: BudgetSheet;
  settings: BudgetSettings;
  strategies: StrategyReconciliation[];
  duplicates: Duplicate[];
  /** For each line listed under more than one strategy, the other strategies it is under. */
  alsoUnder: Map<BudgetLine, string[]>;
  /** The sheet's grand total against the sum of every line, when it states one. */
  grandTotal?: TotalCheck;
}

/** Float noise off a sum or difference (12 significant figures), in £m and in pounds alike. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

export function sumAmounts(amounts: (Amount | undefined)[]): number {
  return clean(amounts.reduce((sum, a) => sum + (a?.value ?? 0), 0));
}

/** Lines total against a stated total. */
export function checkTotal(linesTotal: number, stated: StatedTotal | undefined, settings: BudgetSettings): TotalCheck {
  if (!stated) return { linesTotal };
  const rounding = roundingTolerance(stated.amount.decimals);
  const fromSettings = settings.tolerance !== undefined && settings.tolerance > rounding;
  const tolerance = fromSettings ? (settings.tolerance ?? rounding) : rounding;
  const difference = clean(linesTotal - stated.amount.value);
  return {
    linesTotal,
    stated: stated.amount.value,
    difference,
    tolerance,
    toleranceFrom: fromSettings ? 'settings' : 'rounding',
    reconciles: Math.abs(difference) <= tolerance + EPSILON,
  };
}

/** RAG for spend against budget: Green up to `amberAbove` over budget, Amber up to `redAbove`, Red beyond. */
export function varianceOf(budget: number, outturn: number, settings: BudgetSettings): Variance {
  const variance = clean(outturn - budget);
  const share = budget === 0 ? undefined : variance / Math.abs(budget);
  const over = share ?? (variance > EPSILON ? Infinity : 0);
  const rag: Rag = over > settings.redAbove + EPSILON ? 'red' : over > settings.amberAbove + EPSILON ? 'amber' : 'green';
  return { budget, outturn, variance, share, rag };
}

function strategyVariance(strategy: StrategyBudget, settings: BudgetSettings): Variance | undefined {
  const lines = strategy.lines.filter((l) => l.budget && l.outturn);
  if (lines.length === 0) return undefined;
  return varianceOf(sumAmounts(lines.map((l) => l.budget)), sumAmounts(lines.map((l) => l.outturn)), settings);
}

/** Lines whose names match loosely under two or more strategies. */
export function findDuplicates(strategies: StrategyBudget[]): Duplicate[] {
  const groups = new Map<string, BudgetLine[]>();
  for (const strategy of strategies) {
    for (const line of strategy.lines) {
      const key = looseName(line.name);
      const group = groups.get(key);
      if (group) group.push(line);
      else groups.set(key, [line]);
    }
  }
  return [...groups.values()]
    .filter((lines) => new Set(lines.map((l) => l.strategy)).size > 1)
    .map((lines) => {
      const amounts = new Set(lines.filter((l) => l.budget).map((l) => clean(l.budget?.value ?? 0)));
      return { line: lines[0].name, occurrences: lines, amountsDiffer: amounts.size > 1 };
    });
}

function otherStrategies(duplicates: Duplicate[]): Map<BudgetLine, string[]> {
  const alsoUnder = new Map<BudgetLine, string[]>();
  for (const { occurrences } of duplicates) {
    const strategies = [...new Set(occurrences.map((o) => o.strategy))];
    for (const line of occurrences) alsoUnder.set(line, strategies.filter((s) => s !== line.strategy));
  }
  return alsoUnder;
}

export function reconcileBudgets(budgets: BudgetSheet, settings: BudgetSettings): BudgetReconciliation {
  const duplicates = findDuplicates(budgets.strategies);
  const alsoUnder = otherStrategies(duplicates);
  const checks = budgets.strategies.map((strategy) => ({
    strategy,
    ...checkTotal(sumAmounts(strategy.lines.map((l) => l.budget)), strategy.stated, settings),
  }));
  const strategies = checks.map((check): StrategyReconciliation => {
    const reconciliation: StrategyReconciliation = {
      ...check,
      explanation: explainDifference(check, checks, alsoUnder, budgets),
    };
    const variance = strategyVariance(check.strategy, settings);
    if (variance) reconciliation.variance = variance;
    return reconciliation;
  });
  const allLines = budgets.strategies.flatMap((s) => s.lines.map((l) => l.budget));
  const grandTotal = budgets.grandTotal ? checkTotal(sumAmounts(allLines), budgets.grandTotal, settings) : undefined;
  return { budgets, settings, strategies, duplicates, alsoUnder, grandTotal };
}
