/**
 * Headers that carry a period: "Q1 2017/18" (actuals), "Target Q1 2017/18",
 * "National 2016/17", "2016/17 SN".
 */
import type { Cell } from '../../model/grid';
import { normaliseHeader } from '../shared/headers';
import { cellText, isDateFormat, serialToIsoDate } from '../shared/values';
import { readBenchmarkName } from '../wording/benchmark-name';
import { monthPeriod, type Period, parsePeriod } from './period';

export type PeriodColumnRole =
  | { role: 'actual' }
  | { role: 'target' }
  | { role: 'excellence' }
  | { role: 'tolerance' }
  | { role: 'benchmark'; benchmark: string };

export interface PeriodColumn {
  col: number;
  /** The period part of the header, as written. */
  label: string;
  period?: Period;
  kind: PeriodColumnRole;
}

/** "Status for Q2 2017/18", "Direction of travel for …": a column of statuses (Ragbook's or the user's own), not of figures. */
export function isStatusColumnHeader(text: string): boolean {
  return /^(?:status|direction of travel) for .+$/i.test(text.trim());
}

const ROLE_WORDS: [RegExp, (benchmark?: string) => PeriodColumnRole][] = [
  [/^(?:actual|actuals|outturn|result|la)$/, () => ({ role: 'actual' })],
  [/^(?:target|targets)$/, () => ({ role: 'target' })],
  [/^(?:excellence|excellence target|stretch|stretch target)$/, () => ({ role: 'excellence' })],
  [/^(?:tolerance|tolerance band)$/, () => ({ role: 'tolerance' })],
];

function roleOf(words: string): PeriodColumnRole | undefined {
  for (const [pattern, make] of ROLE_WORDS) if (pattern.test(words)) return make();
  const benchmark = readBenchmarkName(words);
  return benchmark ? { role: 'benchmark', benchmark } : undefined;
}

const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Classifies a header cell as a period column, or undefined. */
export function periodColumn(cell: Cell | undefined, col: number): PeriodColumn | undefined {
  // A real date in the header: that month.
  if (typeof cell?.value === 'number' && isDateFormat(cell.numberFormat)) {
    const [y, m] = serialToIsoDate(cell.value).split('-').map(Number);
    const label = `${MONTH_LABELS[m - 1]} ${y}`;
    return { col, label, period: monthPeriod(label, y, m - 1), kind: { role: 'actual' } };
  }
  const text = cellText(cell).replace(/\s+/g, ' ');
  if (!text) return undefined;
  const whole = parsePeriod(text);
  if (whole) return { col, label: text, period: whole, kind: { role: 'actual' } };
  // "<role> <period>" or "<period> <role>", optionally with a separator: "Target - Q1 2017/18".
  const words = text.split(' ');
  for (let split = 1; split < words.length; split++) {
    const head = words.slice(0, split).join(' ').replace(/[-–:(]+$/, '').trim();
    const tail = words.slice(split).join(' ').replace(/^[-–:(]+|\)$/g, '').trim();
    for (const [roleText, periodText] of [[head, tail], [tail, head]]) {
      const period = parsePeriod(periodText);
      const kind = period && roleOf(normaliseHeader(roleText));
      if (period && kind) return { col, label: periodText, period, kind };
    }
  }
  return undefined;
}
