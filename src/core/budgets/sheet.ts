/**
 * The "Budget reconciliation" sheet (SPEC §5.4): strategy totals, spend
 * against budget, lines under more than one strategy, measures by strategy,
 * and every service line — money in the Budgets sheet's unit and precision,
 * differences highlighted, print-ready.
 */
import type { CellStyle, PlanValue, SheetPlan } from '../../model/plan';
import { COLOURS, labelGroups, type Scheme, STATUSES } from '../measures/scheme';
import { SheetBuilder } from '../shared/sheet-builder';
import { BASE_STYLES } from '../shared/styles';
import { type BudgetUnit, differenceFormat, formatMoney, moneyFormat, unitLabel } from './amounts';
import { listInWords } from './names';
import type { StrategyPerformance } from './performance';
import { type BudgetReconciliation, type Duplicate, type Rag, type TotalCheck, varianceOf } from './reconcile';

export const RECONCILIATION_SHEET = 'Budget reconciliation';

export const RAG_LABELS: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
const RAG_FILLS: Record<Rag, string> = { green: COLOURS.green, amber: COLOURS.amber, red: COLOURS.red };

/** Style names for money shown to `decimals` places. */
export const moneyStyle = (decimals: number) => `budget.money.${Math.max(0, decimals)}`;

/** The budget palette, on top of the base styles. */
export function budgetStyles(result: BudgetReconciliation, scheme: Scheme | undefined): Record<string, CellStyle> {
  const { unit, decimals, strategies, grandTotal } = result.budgets;
  const styles: Record<string, CellStyle> = {};
  // Stated totals keep their own precision ("£12.4m"); everything else the sheet's.
  const stated = [...strategies.map((s) => s.stated), grandTotal].map((t) => t?.amount.decimals ?? decimals);
  for (const d of new Set([decimals, ...stated].map((x) => Math.max(0, x)))) {
    styles[moneyStyle(d)] = { ...BASE_STYLES.number, numberFormat: moneyFormat(unit, d) };
  }
  styles['budget.difference'] = { ...BASE_STYLES.number, numberFormat: differenceFormat(unit, decimals) };
  styles['budget.difference.off'] = { ...styles['budget.difference'], fill: COLOURS.red, bold: true };
  styles['budget.share'] = { ...BASE_STYLES.number, numberFormat: '+0.0%;-0.0%;0.0%' };
  styles['budget.yes'] = { ...BASE_STYLES.text, fill: COLOURS.green };
  styles['budget.no'] = { ...BASE_STYLES.text, fill: COLOURS.red, bold: true };
  styles['budget.none'] = { ...BASE_STYLES.text, fill: COLOURS.grey };
  styles['budget.same'] = { ...BASE_STYLES.text, fill: COLOURS.amber };
  styles['budget.differs'] = { ...BASE_STYLES.text, fill: COLOURS.red };
  for (const rag of Object.keys(RAG_FILLS) as Rag[]) styles[`budget.rag.${rag}`] = { ...BASE_STYLES.text, fill: RAG_FILLS[rag] };
  for (const status of STATUSES) {
    const colour = scheme?.looks[status].colour;
    styles[`budget.status.${status}`] = colour ? { ...BASE_STYLES.header, fill: colour } : BASE_STYLES.header;
  }
  return styles;
}

export function reconcilesCell(check: TotalCheck): [string, string] {
  if (check.reconciles === undefined) return ['No stated total', 'budget.none'];
  return check.reconciles ? ['Yes', 'budget.yes'] : ['No', 'budget.no'];
}

/** The columns G on: the wide text column every table ends with. */
const TEXT_COL = 6;

function totalsTable(builder: SheetBuilder, result: BudgetReconciliation): void {
  const { budgets } = result;
  builder.row(['Strategy totals'], 'heading');
  builder.row(['Strategy', 'Service lines', 'Sum of lines', 'Stated total', 'Difference', 'Reconciles', 'Explanation'], 'header');
  const money = moneyStyle(budgets.decimals);
  const row = (name: string, lines: number, check: TotalCheck, statedDecimals: number, explanation: string) => {
    const [label, labelStyle] = reconcilesCell(check);
    builder.row(
      [name, lines, check.linesTotal, check.stated ?? null, check.difference ?? null, label, explanation],
      ['text', 'number', money, moneyStyle(statedDecimals), check.reconciles === false ? 'budget.difference.off' : 'budget.difference', labelStyle, 'text'],
    );
  };
  for (const s of result.strategies) row(s.strategy.name, s.strategy.lines.length, s, s.strategy.stated?.amount.decimals ?? budgets.decimals, s.explanation.short);
  if (result.grandTotal && budgets.grandTotal) {
    const check = result.grandTotal;
    const lines = budgets.strategies.reduce((n, s) => n + s.lines.length, 0);
    const difference = check.difference ?? 0;
    const words = check.reconciles
      ? `The grand total on the ${budgets.sheet} sheet matches the sum of every line.`
      : `The grand total on the ${budgets.sheet} sheet does not match: every line together comes to ${formatMoney(Math.abs(difference), budgets.unit, budgets.decimals)} ${difference > 0 ? 'more' : 'less'}.`;
    row('All strategies (grand total)', lines, check, budgets.grandTotal.amount.decimals, words);
  }
}

function varianceTable(builder: SheetBuilder, result: BudgetReconciliation): void {
  const { budgets, settings } = result;
  builder.blank();
  builder.row(['Spend against budget'], 'heading');
  builder.row(['Strategy', 'Budget', 'Actual/forecast', 'Variance', 'Variance %', 'RAG', 'Note'], 'header');
  const money = moneyStyle(budgets.decimals);
  for (const s of result.strategies) {
    const v = s.variance;
    const compared = s.strategy.lines.filter((l) => l.budget && l.outturn).length;
    if (!v) {
      builder.row([s.strategy.name, null, null, null, null, 'None', 'No actual/forecast given.'], ['text', money, money, 'budget.difference', 'budget.share', 'budget.none', 'text']);
      continue;
    }
    const note = compared < s.strategy.lines.length ? `${compared} of ${s.strategy.lines.length} service lines have an actual/forecast; only those are compared.` : '';
    builder.row(
      [s.strategy.name, v.budget, v.outturn, v.variance, v.share ?? null, RAG_LABELS[v.rag], note],
      ['text', money, money, 'budget.difference', 'budget.share', `budget.rag.${v.rag}`, 'text'],
    );
  }
  builder.row([`A positive variance is an overspend (or income below budget). Green: up to ${percent(settings.amberAbove)} over budget, or under it; Amber: over ${percent(settings.amberAbove)} up to ${percent(settings.redAbove)}; Red: over ${percent(settings.redAbove)}.`], 'note');
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** "£1.20m and £1.25m"; for many, the range: "from £0.10m to £0.90m". */
function amountsInWords(duplicate: Duplicate, unit: BudgetUnit, decimals: number): string {
  const values = duplicate.occurrences.map((o) => o.budget?.value);
  if (values.length <= 3) return listInWords(values.map((v) => (v === undefined ? 'no budget' : formatMoney(v, unit, decimals))));
  const given = values.filter((v): v is number => v !== undefined);
  return `from ${formatMoney(Math.min(...given), unit, decimals)} to ${formatMoney(Math.max(...given), unit, decimals)}`;
}

function duplicatesTable(builder: SheetBuilder, result: BudgetReconciliation): void {
  const { budgets } = result;
  builder.blank();
  builder.row(['Service lines under more than one strategy'], 'heading');
  const header = builder.row(['Service line', 'Strategy', 'Budget', 'Finding'], 'header');
  builder.merge({ row: header, col: 3, rowCount: 1, colCount: TEXT_COL - 2 });
  for (const d of result.duplicates) {
    const finding = d.amountsDiffer
      ? `Listed under ${d.occurrences.length} strategies with different amounts (${amountsInWords(d, budgets.unit, budgets.decimals)}): possible double counting, and the figures disagree.`
      : `The same amount under each: possible double counting.`;
    d.occurrences.forEach((o, i) => {
      const r = builder.row(
        [i === 0 ? d.line : null, o.strategy, o.budget?.value ?? null, i === 0 ? finding : null],
        ['text', 'text', moneyStyle(budgets.decimals), i === 0 ? (d.amountsDiffer ? 'budget.differs' : 'budget.same') : 'text'],
      );
      if (i === 0) builder.merge({ row: r, col: 3, rowCount: d.occurrences.length, colCount: TEXT_COL - 2 });
    });
  }
}

function performanceTable(builder: SheetBuilder, result: BudgetReconciliation, performance: StrategyPerformance, scheme: Scheme): void {
  builder.blank();
  builder.row([`Measures by strategy${performance.period ? ` (${performance.period})` : ''}`], 'heading');
  // Statuses the scheme labels alike (Met for exceeded and met under rag) share a column.
  const columns = labelGroups(scheme);
  builder.row(['Strategy', 'Measures', ...columns.map((c) => c.label)], ['header', 'header', ...columns.map((c) => `budget.status.${c.statuses[0]}`)]);
  for (const s of result.strategies) {
    const counts = performance.counts.get(s.strategy.name);
    const total = counts ? STATUSES.reduce((n, status) => n + counts[status], 0) : 0;
    const values: PlanValue[] = [s.strategy.name, total, ...columns.map((c) => (counts ? c.statuses.reduce((n, st) => n + counts[st], 0) : 0))];
    builder.row(values, ['text', ...values.slice(1).map(() => 'number')]);
  }
  if (performance.unmatched > 0) {
    builder.row([`${performance.unmatched} measure${performance.unmatched === 1 ? ' names a strategy' : 's name strategies'} not on the Budgets sheet.`], 'note');
  }
}

function linesTable(builder: SheetBuilder, result: BudgetReconciliation): void {
  const { budgets } = result;
  builder.blank();
  builder.row(['Service lines'], 'heading');
  const money = moneyStyle(budgets.decimals);
  const outturnHeaders = budgets.hasOutturn ? ['Actual/forecast', 'Variance', 'RAG'] : [];
  const notesCol = 3 + outturnHeaders.length;
  const header = builder.row(['Strategy', 'Service line', 'Budget', ...outturnHeaders, 'Notes'], 'header');
  if (notesCol < TEXT_COL) builder.merge({ row: header, col: notesCol, rowCount: 1, colCount: TEXT_COL - notesCol + 1 });
  for (const s of result.strategies) {
    for (const line of s.strategy.lines) {
      const elsewhere = result.alsoUnder.get(line) ?? [];
      const also = elsewhere.length > 0 ? `Also listed under ${listInWords(elsewhere)}.` : '';
      const notes = [line.notes && also && !/[.!?]$/.test(line.notes) ? `${line.notes}.` : line.notes, also].filter(Boolean).join(' ');
      const values: PlanValue[] = [s.strategy.name, line.name, line.budget?.value ?? null];
      const styles: string[] = ['text', 'text', money];
      if (budgets.hasOutturn) {
        const v = line.budget && line.outturn ? varianceOf(line.budget.value, line.outturn.value, result.settings) : undefined;
        values.push(line.outturn?.value ?? null, v?.variance ?? null, v ? RAG_LABELS[v.rag] : null);
        styles.push(money, 'budget.difference', v ? `budget.rag.${v.rag}` : 'text');
      }
      const r = builder.row([...values, notes], [...styles, elsewhere.length > 0 ? 'budget.same' : 'text']);
      if (notesCol < TEXT_COL) builder.merge({ row: r, col: notesCol, rowCount: 1, colCount: TEXT_COL - notesCol + 1 });
    }
  }
}

function introNotes(builder: SheetBuilder, result: BudgetReconciliation): void {
  const { budgets, settings } = result;
  builder.row([`Amounts are in ${unitLabel(budgets.unit)}: ${budgets.unitSource}. A difference is the sum of lines minus the stated total.`], 'note');
  const widened = settings.tolerance !== undefined ? `, or within the ±${formatMoney(settings.tolerance, budgets.unit, budgets.decimals + 1)} set on the Settings sheet when wider` : '';
  builder.row([`A strategy reconciles when its lines add up to its stated total within the rounding of that figure (a total stated to ${formatMoney(0.1, 'millions', 1)} is good to ±${formatMoney(0.05, 'millions', 2)})${widened}.`], 'note');
}

export function buildReconciliationSheet(
  name: string,
  result: BudgetReconciliation,
  performance: { analysis: StrategyPerformance; scheme: Scheme } | undefined,
): { sheet: SheetPlan; styles: Record<string, CellStyle> } {
  const { budgets } = result;
  const builder = new SheetBuilder(name).title(
    'Budget reconciliation by commissioning strategy',
    `from the ${budgets.sheet} sheet; this sheet is replaced each time Ragbook runs.`,
  );
  introNotes(builder, result);
  builder.blank();
  totalsTable(builder, result);
  if (budgets.hasOutturn) varianceTable(builder, result);
  if (result.duplicates.length > 0) duplicatesTable(builder, result);
  if (performance) performanceTable(builder, result, performance.analysis, performance.scheme);
  linesTable(builder, result);
  builder.widths({ 0: 30, 1: 28, 2: 15, 3: 17, 4: 17, 5: 17, 6: 80, 7: 12, 8: 12 }).page({ orientation: 'landscape', fitToWidth: true });
  const styles = { ...BASE_STYLES, ...budgetStyles(result, performance?.scheme) };
  return { sheet: builder.useStyles(styles).build(), styles };
}
