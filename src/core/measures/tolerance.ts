/**
 * Tolerance bands (SPEC §1): text such as "±20", "43 - 47", "Upper 87.5% Lower 78.8%",
 * "Upper 1 %point Lower 2 % points", "2% above, 5% below", "-4% / +8%", "10 days",
 * or explicit low/high columns, resolved against a target and polarity to [low, high].
 */
import { memoByText } from '../shared/memo';
import type { Band, Polarity, Unit, UnitKind } from './types';

/** An amount away from the target: absolute, or a percentage of the target. */
export interface Offset {
  value: number;
  ofTarget: boolean;
}

export type ToleranceSpec =
  /** The band's ends as written (normalised low ≤ high). */
  | { kind: 'ends'; low: number; high: number }
  /** Numeric directions: below and above the target. */
  | { kind: 'offsets'; below: Offset; above: Offset }
  /** "Upper"/"Lower" offsets: on the better and the worse side, by polarity. */
  | { kind: 'sides'; better: Offset; worse: Offset };

export type ToleranceReading = { ok: true; spec: ToleranceSpec } | { ok: false; reason: string };

const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
/** Units an amount may carry: %, points, "% of target", days, per 10,000… */
const UNIT = String.raw`(\s*%\s*(?:of\s+(?:the\s+)?target)?|\s*(?:%\s*)?(?:percentage\s+)?(?:pts?|points?)|\s*%?\s*pp|\s*days?|\s*weeks?|\s*per\s*[\d,]+)?`;

interface Amount {
  value: number;
  sign: '' | '+' | '-' | '±';
  /** The amount is a share of the target rather than in the measure's own units. */
  ofTarget: boolean;
  /** Written with "point(s)" or "pp". */
  points: boolean;
}

function readAmount(sign: string | undefined, number: string, unitText: string | undefined, kind: UnitKind): Amount {
  const u = (unitText ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  const points = /pts?|points?|pp/.test(u);
  const percent = u.startsWith('%') || (u.includes('%') && !points);
  const explicitOfTarget = /of (the )?target/.test(u);
  // For a percentage measure "%" means percentage points; otherwise it is a share of the target.
  const ofTarget = explicitOfTarget || (percent && !points && kind !== 'percent');
  const s = (sign ?? '').replace(/\s+/g, '').replace('+/-', '±').replace('+-', '±').replace('−', '-');
  return { value: Number(number), sign: (s === '' ? '' : s) as Amount['sign'], ofTarget, points };
}

const SIGN = String.raw`(±|\+\s*/\s*-|\+-|\+|-|−)?\s*`;
const AMOUNT = `${SIGN}${NUMBER}${UNIT}`;
const SIDES_FORM = new RegExp(String.raw`^(upper|lower|top|bottom)\s*:?\s*${AMOUNT}\s*[,;/]?\s*(?:and\s+)?(upper|lower|top|bottom)\s*:?\s*${AMOUNT}$`);
const ABOVE_BELOW_FORM = new RegExp(String.raw`^${AMOUNT}\s*(above|over|below|under)\s*(?:target\s*)?[,;/]?\s*(?:and\s+)?${AMOUNT}\s*(above|over|below|under)(?:\s*target)?$`);
const TWO_SIGNED_FORM = new RegExp(String.raw`^${AMOUNT}\s*(?:/|,|;|and|or|to)\s*${AMOUNT}$`);
const ENDS_FORM = new RegExp(String.raw`^${NUMBER}${UNIT}\s*(?:-|–|—|to)\s*${NUMBER}${UNIT}$`);
const ONE_AMOUNT_FORM = new RegExp(String.raw`^${AMOUNT}(?:\s*(?:either side|each way|of target|either way))?$`);

function offset(a: Amount): Offset {
  return { value: a.value, ofTarget: a.ofTarget };
}

/** Readers of tolerance text by kind of unit (the only part of the unit a reading depends on). */
const readersByKind = new Map<UnitKind, (text: string) => ToleranceReading>();

/** Reads tolerance text for a measure of the given unit. The reading is shared: do not change it. */
export function parseTolerance(text: string, unit: Unit): ToleranceReading {
  let reader = readersByKind.get(unit.kind);
  if (!reader) {
    const kind = unit.kind;
    reader = memoByText((t) => readFiniteTolerance(t, kind));
    readersByKind.set(kind, reader);
  }
  return reader(text);
}

function readFiniteTolerance(text: string, kind: UnitKind): ToleranceReading {
  const reading = readTolerance(text, kind);
  // "±999…9" with hundreds of digits is Infinity, which would make a band of NaN.
  if (reading.ok && !specValues(reading.spec).every(Number.isFinite)) return { ok: false, reason: `'${text.trim()}' has a number too large to be a tolerance` };
  return reading;
}

function specValues(spec: ToleranceSpec): number[] {
  switch (spec.kind) {
    case 'ends':
      return [spec.low, spec.high];
    case 'offsets':
      return [spec.below.value, spec.above.value];
    case 'sides':
      return [spec.better.value, spec.worse.value];
    default: {
      const unreachable: never = spec;
      return unreachable;
    }
  }
}

/** Words that can follow a tolerance's numbers and change its meaning; any other trailing words name what is counted ("320 to 380 children"). */
const MEANINGFUL_WORDS = /\b(?:above|over|below|under|target|side|way|of|points?|pts?|pp|days?|weeks?|per|percent|percentage|upper|lower|top|bottom|either|each|and|or|to)$/;

/** "between 47 and 43" → "47 - 43"; "320 to 380 children" → "320 to 380". */
function plainTolerance(text: string): string {
  let t = text.replace(/^between\s+(.+?)\s+and\s+(.+)$/, '$1 - $2');
  for (let trailing = /^(.*\d%?)\s+([a-z]+)$/.exec(t); trailing && !MEANINGFUL_WORDS.test(trailing[2]); trailing = /^(.*\d%?)\s+([a-z]+)$/.exec(t)) t = trailing[1];
  return t;
}

function readTolerance(text: string, kind: UnitKind): ToleranceReading {
  const original = text.trim();
  const t = plainTolerance(original.toLowerCase().replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').replace(/^(?:within|tolerance:?)\s+/, ''));
  if (!t) return { ok: false, reason: 'the tolerance is blank' };
  let m: RegExpExecArray | null;

  // "Upper 87.5% Lower 78.8%", "Upper 1 %point Lower 2 % points", "Lower 2 Upper 1".
  if ((m = SIDES_FORM.exec(t))) {
    const first = readAmount(m[2], m[3], m[4], kind);
    const second = readAmount(m[6], m[7], m[8], kind);
    const firstIsUpper = m[1] === 'upper' || m[1] === 'top';
    if ((m[5] === 'upper' || m[5] === 'top') === firstIsUpper) return { ok: false, reason: `'${original}' names the same side twice` };
    const [upper, lower] = firstIsUpper ? [first, second] : [second, first];
    if (upper.sign || lower.sign) return { ok: true, spec: signedOffsets(upper, lower) };
    if (upper.points || lower.points || upper.ofTarget || lower.ofTarget) {
      return { ok: true, spec: { kind: 'sides', better: offset(upper), worse: offset(lower) } };
    }
    return { ok: true, spec: ends(upper.value, lower.value) };
  }

  // "2% above, 5% below", "5 below and 2 above".
  if ((m = ABOVE_BELOW_FORM.exec(t))) {
    const first = readAmount(undefined, m[2], m[3], kind);
    const second = readAmount(undefined, m[6], m[7], kind);
    const firstAbove = m[4] === 'above' || m[4] === 'over';
    const secondAbove = m[8] === 'above' || m[8] === 'over';
    if (firstAbove === secondAbove) return { ok: false, reason: `'${original}' names the same side twice` };
    const [above, below] = firstAbove ? [first, second] : [second, first];
    return { ok: true, spec: { kind: 'offsets', above: offset(above), below: offset(below) } };
  }

  // "-4% / +8%", "+8 / -4".
  if ((m = TWO_SIGNED_FORM.exec(t)) && m[1] && m[4]) {
    const a = readAmount(m[1], m[2], m[3], kind);
    const b = readAmount(m[4], m[5], m[6], kind);
    if ((a.sign === '+' && b.sign === '-') || (a.sign === '-' && b.sign === '+')) {
      const [plus, minus] = a.sign === '+' ? [a, b] : [b, a];
      return { ok: true, spec: signedOffsets(plus, minus) };
    }
  }

  // "43 - 47", "43 to 47", "43% – 47%".
  if ((m = ENDS_FORM.exec(t))) return { ok: true, spec: ends(Number(m[1]), Number(m[3])) };

  // One amount either side: "±20", "+/- 2.5%", "10 days", "5% of target", "2 points".
  if ((m = ONE_AMOUNT_FORM.exec(t))) {
    const a = readAmount(m[1], m[2], m[3], kind);
    if (a.sign === '+') return { ok: true, spec: { kind: 'offsets', above: offset(a), below: { value: 0, ofTarget: a.ofTarget } } };
    if (a.sign === '-') return { ok: true, spec: { kind: 'offsets', above: { value: 0, ofTarget: a.ofTarget }, below: offset(a) } };
    return { ok: true, spec: { kind: 'offsets', above: offset(a), below: offset(a) } };
  }
  return { ok: false, reason: `'${original}' is not a tolerance Ragbook can read` };
}

function ends(a: number, b: number): ToleranceSpec {
  return { kind: 'ends', low: Math.min(a, b), high: Math.max(a, b) };
}

/** Signed amounts are numeric directions whatever "upper"/"lower" they came with. */
function signedOffsets(plus: Amount, minus: Amount): ToleranceSpec {
  const above = plus.sign === '-' ? minus : plus;
  const below = plus.sign === '-' ? plus : minus;
  return { kind: 'offsets', above: offset(above), below: offset(below) };
}

function amountFor(o: Offset, target: number): number {
  return o.ofTarget ? (Math.abs(target) * o.value) / 100 : o.value;
}

/**
 * The band for a target. Relative forms need a target (undefined without one);
 * "sides" put the better offset on the side polarity calls better.
 */
export function resolveBand(spec: ToleranceSpec, target: number | undefined, polarity: Polarity | undefined): Band | undefined {
  switch (spec.kind) {
    case 'ends':
      return { low: spec.low, high: spec.high };
    case 'offsets':
      if (target === undefined) return undefined;
      return { low: target - amountFor(spec.below, target), high: target + amountFor(spec.above, target) };
    case 'sides': {
      if (target === undefined) return undefined;
      const better = amountFor(spec.better, target);
      const worse = amountFor(spec.worse, target);
      return polarity === 'lower' ? { low: target - better, high: target + worse } : { low: target - worse, high: target + better };
    }
    default: {
      const unreachable: never = spec;
      return unreachable;
    }
  }
}

/** A band from explicit "Tolerance low"/"Tolerance high" columns (either may be missing). */
export function bandFromColumns(low: number | undefined, high: number | undefined, target: number | undefined): Band | undefined {
  if (low === undefined && high === undefined) return undefined;
  const lo = low ?? target;
  const hi = high ?? target;
  if (lo === undefined || hi === undefined) return undefined;
  return { low: Math.min(lo, hi), high: Math.max(lo, hi) };
}
