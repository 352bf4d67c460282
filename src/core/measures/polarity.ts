import { memoByText } from '../shared/memo';
import type { Polarity, Unit, UnitKind } from './types';

/**
 * Polarity wordings found in real reports. Matching ignores case, punctuation
 * and spacing; anything else is reported, never guessed.
 */
const POLARITY_WORDINGS: Record<Polarity, readonly string[]> = {
  higher: [
    'higher is better', 'high is better', 'bigger is better', 'bigger percentage is better', 'higher percentage is better',
    'higher number is better', 'more is better', 'larger is better', 'increase is better', 'up', 'high', 'higher', '↑',
    'aim high', 'aim to increase', 'increase',
  ],
  lower: [
    'lower is better', 'low is better', 'smaller is better', 'smaller percentage is better', 'lower percentage is better',
    'lower number is better', 'lower number of days is better', 'fewer is better', 'less is better', 'decrease is better',
    'down', 'low', 'lower', '↓', 'aim low', 'aim to reduce', 'reduce', 'decrease',
  ],
  band: ['plan is best', 'target band', 'within band', 'in band', 'band', 'on target is best', 'close to target is best', 'within range', '↔'],
};

function simplify(text: string): string {
  return text.toLowerCase().replace(/[^a-z↑↓↔]+/g, ' ').trim();
}

const LOOKUP = new Map<string, Polarity>();
for (const polarity of Object.keys(POLARITY_WORDINGS) as Polarity[]) {
  for (const wording of POLARITY_WORDINGS[polarity]) LOOKUP.set(simplify(wording), polarity);
}

/** "Higher is better", "Smaller percentage is better", "Plan is best", "↑" … → polarity; undefined if unknown. */
export const parsePolarity: (text: string) => Polarity | undefined = memoByText((text) => LOOKUP.get(simplify(text)));

/** How a polarity reads in a sentence: "higher is better". */
export function describePolarity(polarity: Polarity): string {
  switch (polarity) {
    case 'higher':
      return 'higher is better';
    case 'lower':
      return 'lower is better';
    case 'band':
      return 'within the target range is best';
    default: {
      const unreachable: never = polarity;
      return unreachable;
    }
  }
}

const readUnit = memoByText((text): Unit => {
  const label = text.trim();
  const lower = label.toLowerCase();
  const per = /per\s*([\d,]+)/.exec(lower);
  let kind: UnitKind = 'number';
  if (per) kind = 'rate';
  else if (/%|percent|proportion/.test(lower)) kind = 'percent';
  else if (/\bdays?\b/.test(lower)) kind = 'days';
  else if (/£|pounds|cost|spend|gbp/.test(lower)) kind = 'money';
  const unit: Unit = { kind, label };
  if (per) unit.per = Number(per[1].replace(/,/g, ''));
  const noun = kind === 'number' ? countNoun(lower) : undefined;
  if (noun) unit.noun = noun;
  return unit;
});

const NOT_NOUNS = new Set(['number', 'numbers', 'count', 'total', 'value', 'figure', 'no', 'n', 'numeric', 'integer', 'volume', 'actual']);

/** What a count counts, from its unit label: "Children" and "Number of children" → "children"; "Number" → none. */
function countNoun(label: string): string | undefined {
  const noun = label.replace(/^(?:number|no\.?|count|total)\s+(?:of\s+)?/, '').trim();
  return /^[a-z][a-z' -]*$/.test(noun) && !NOT_NOUNS.has(noun) ? noun : undefined;
}

/** "%", "Percentage", "Rate per 10,000", "Days", "£m", "Number" → unit; unknown wordings count as numbers. */
export function parseUnit(text: string | undefined): Unit {
  return readUnit(text ?? '');
}
