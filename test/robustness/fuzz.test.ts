/**
 * Fuzzing the parsers that read what officers type: tolerance, polarity,
 * period, amounts and timescales. No string makes them throw, and what they
 * read keeps its invariants. `npm test` runs a few hundred cases a property;
 * `npm run fuzz` sets RAGBOOK_FUZZ_RUNS for many more.
 */
import fc from 'fast-check';
import { formatLongDate } from '../../src/core/actions/dates';
import { readTimescale, readTimescaleText } from '../../src/core/actions/timescale';
import { type BudgetUnit, formatMoney, readAmount } from '../../src/core/budgets/amounts';
import { comparePeriods, describeMonths, parsePeriod, type Period } from '../../src/core/measures/period';
import { parsePolarity, parseUnit } from '../../src/core/measures/polarity';
import { classify, statusRank } from '../../src/core/measures/status';
import { parseTolerance, resolveBand } from '../../src/core/measures/tolerance';
import type { Polarity } from '../../src/core/measures/types';
import { parseNumberText, roundTo } from '../../src/core/shared/values';

const numRuns = Number(process.env.RAGBOOK_FUZZ_RUNS ?? 300);
const check = <T>(property: fc.IProperty<T>) => fc.assert(property, { numRuns });
/** Fuzzing many more cases takes longer than jest's default 5 s. */
jest.setTimeout(Math.max(5_000, numRuns * 10));

/** Strings that look like what the parsers read, and strings that look like nothing at all. */
function textLike(pieces: readonly string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(fc.constantFrom(...pieces), fc.stringMatching(/^\d{1,6}(\.\d{1,3})?$/), fc.string({ maxLength: 4 }), fc.constantFrom(' ', '  ', '\u00a0', '\n'));
  return fc.oneof({ weight: 3, arbitrary: fc.array(piece, { maxLength: 8 }).map((p) => p.join('')) }, { weight: 1, arbitrary: fc.string({ maxLength: 80, unit: 'grapheme' }) });
}

const TOLERANCE_PIECES = ['±', '+/-', '+', '-', '−', '%', ' %', 'points', 'pp', 'pts', 'days', 'per 10,000', 'of target', 'upper', 'lower', 'above', 'below', ' to ', ' - ', '/', ',', 'and', 'either side', 'within', 'tolerance:', '99999999999999999999999', '9'.repeat(400)];
const UNITS = ['%', 'Days', 'Rate per 10,000', 'Number', '£m', '', 'Percentage'];
const POLARITIES: Polarity[] = ['higher', 'lower', 'band'];
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

describe('tolerance', () => {
  test('no text makes parseTolerance or resolveBand throw, and every band has low ≤ high', () => {
    check(
      fc.property(textLike(TOLERANCE_PIECES), fc.constantFrom(...UNITS), fc.option(finite, { nil: undefined }), fc.constantFrom(...POLARITIES, undefined), (text, unit, target, polarity) => {
        const reading = parseTolerance(text, parseUnit(unit));
        if (!reading.ok) {
          expect(reading.reason).toEqual(expect.any(String));
          return;
        }
        const band = resolveBand(reading.spec, target, polarity);
        if (band) {
          expect(Number.isNaN(band.low) || Number.isNaN(band.high)).toBe(false);
          expect(band.low).toBeLessThanOrEqual(band.high);
        }
      }),
    );
  });

  test.each([`±${'9'.repeat(400)}%`, `${'9'.repeat(400)} - 5`])('a number too large to be finite is not a tolerance: %#', (text) => {
    expect(parseTolerance(text, parseUnit('Number'))).toEqual({ ok: false, reason: `'${text}' has a number too large to be a tolerance` });
  });
});

describe('polarity', () => {
  test('no text makes parsePolarity throw, and case, punctuation and spacing never change the answer', () => {
    const wordings = ['Higher is better', 'lower is better', 'Plan is best', 'Smaller percentage is better', 'up', '↑', 'aim to reduce'];
    check(
      fc.property(fc.oneof(fc.constantFrom(...wordings), textLike(wordings)), fc.constantFrom('', '.', ' !', ':'), (text, punctuation) => {
        const polarity = parsePolarity(text);
        expect([...POLARITIES, undefined]).toContain(polarity);
        expect(parsePolarity(`  ${text.toUpperCase()}${punctuation} `)).toBe(parsePolarity(text.toUpperCase()));
      }),
    );
  });
});

describe('status', () => {
  test('through a typed tolerance, a better actual never gets a worse status', () => {
    check(
      fc.property(
        textLike(TOLERANCE_PIECES),
        fc.constantFrom<Polarity>('higher', 'lower'),
        finite,
        finite,
        finite,
        fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        (text, polarity, target, a, b, decimals) => {
          const reading = parseTolerance(text, parseUnit('Number'));
          const band = reading.ok ? resolveBand(reading.spec, target, polarity) : undefined;
          const [better, worse] = (polarity === 'higher' ? a >= b : a <= b) ? [a, b] : [b, a];
          const rank = (actual: number) => statusRank(classify({ actual, target, band, polarity, decimals }));
          expect(rank(better)).toBeGreaterThanOrEqual(rank(worse));
        },
      ),
    );
  });
});

const PERIOD_PIECES = ['Q1', 'Q2', 'Q3', 'Q4', 'Quarter 2', '2016', '2017', '2016/17', '2017-18', '16/17', 'FY', 'Jan', 'Sept', 'March', 'Dec', '-', '–', ' to ', '2011', 'Calendar year'];

/** Periods from generated labels, and some that are not periods at all. */
const periods = fc.array(textLike(PERIOD_PIECES).map(parsePeriod), { minLength: 3, maxLength: 3 });

describe('period', () => {
  test('no label makes parsePeriod throw; a recognised period covers at least one month', () => {
    check(
      fc.property(textLike(PERIOD_PIECES), (label) => {
        const period = parsePeriod(label);
        if (period) {
          expect(period.label).toBe(label);
          expect(period.end).toBeGreaterThanOrEqual(period.start);
        }
      }),
    );
  });

  test('chronological order is a total order', () => {
    check(
      fc.property(periods, ([a, b, c]: (Period | undefined)[]) => {
        expect(comparePeriods(a, a)).toBe(0);
        expect(Math.sign(comparePeriods(a, b)) + Math.sign(comparePeriods(b, a))).toBe(0);
        if (comparePeriods(a, b) <= 0 && comparePeriods(b, c) <= 0) expect(comparePeriods(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  test('a quarter or month printed as a label is read back as the same months', () => {
    check(
      fc.property(fc.integer({ min: 2000, max: 2098 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 11 }), (year, quarter, month) => {
        const fy = parsePeriod(`Q${quarter} ${year}/${String((year + 1) % 100).padStart(2, '0')}`);
        expect(fy).toMatchObject({ kind: 'fy-quarter', start: year * 12 + 3 + (quarter - 1) * 3 });
        const at = year * 12 + month;
        const monthLabel = describeMonths({ label: '', kind: 'month', start: at, end: at });
        expect(parsePeriod(monthLabel)).toMatchObject({ start: at, end: at });
      }),
    );
  });
});

const AMOUNT_PIECES = ['£', '(', ')', '-', '−', '+', ',', '.', '%', 'k', 'm', 'bn', 'days', 'per 10,000', '1,234', '0.9', '12'];

describe('amounts', () => {
  test('no text makes parseNumberText or the budget reader throw; what they read is a finite number', () => {
    check(
      fc.property(textLike(AMOUNT_PIECES), fc.constantFrom<BudgetUnit>('pounds', 'thousands', 'millions'), (text, unit) => {
        const reading = parseNumberText(text);
        if (reading) expect(Number.isFinite(reading.value)).toBe(true);
        const amount = readAmount({ value: text }, unit);
        if (amount.kind === 'amount') expect(Number.isFinite(amount.amount.value)).toBe(true);
      }),
    );
  });

  test('a number printed with separators, a sign or brackets is read back as the same value', () => {
    check(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (value, decimals) => {
        const shown = roundTo(value, decimals);
        const text = shown.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
        expect(parseNumberText(text)?.value).toBeCloseTo(shown, decimals);
        const bracketed = shown < 0 ? `(${text.slice(1)})` : text;
        expect(parseNumberText(bracketed)?.value).toBeCloseTo(shown, decimals);
      }),
    );
  });

  test('money printed for a sentence is read back as the same amount', () => {
    check(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.integer({ min: 0, max: 2 }), (value, decimals) => {
        const printed = formatMoney(value, 'millions', decimals);
        const amount = readAmount({ value: printed }, 'millions');
        expect(amount).toMatchObject({ kind: 'amount' });
        if (amount.kind === 'amount') expect(amount.amount.value).toBeCloseTo(Math.abs(roundTo(value, decimals)) * (printed.startsWith('-') ? -1 : 1), decimals);
      }),
    );
  });
});

const TIMESCALE_PIECES = ['by', 'March', 'Sept', 'Autumn', '2012', '31/03/2013', '31/02/2013', 'Q3 2016/17', 'end of', 'TBC', 'Completed', 'ongoing', 'N/A', 'Await', '–', 'to', '12/03/13'];

describe('timescale', () => {
  test('no text or cell makes the timescale reader throw; a due date is a real calendar date', () => {
    check(
      fc.property(fc.oneof(textLike(TIMESCALE_PIECES), finite, fc.boolean()), (value) => {
        const reading = typeof value === 'string' ? readTimescaleText(value) : readTimescale({ value });
        if (reading.kind === 'due') expect(Number.isNaN(Date.parse(`${reading.due}T00:00:00Z`))).toBe(false);
      }),
    );
  });

  test('a date printed in words is read back as the same due date', () => {
    check(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(readTimescaleText(formatLongDate(iso))).toEqual({ kind: 'due', due: iso });
      }),
    );
  });
});
