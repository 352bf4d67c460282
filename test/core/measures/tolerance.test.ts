import { parseUnit } from '../../../src/core/measures/polarity';
import { bandFromColumns, parseTolerance, resolveBand } from '../../../src/core/measures/tolerance';
import type { Polarity } from '../../../src/core/measures/types';

const percent = parseUnit('%');
const number = parseUnit('Number');
const days = parseUnit('Days');

/** Every tolerance form of SPEC §1, resolved against a target: [text, unit, target, polarity, low, high]. */
const FORMS: [string, ReturnType<typeof parseUnit>, number, Polarity, number, number][] = [
  ['±20', number, 100, 'higher', 80, 120],
  ['+/-20', number, 100, 'higher', 80, 120],
  ['+/- 2.5%', number, 200, 'higher', 195, 205], // a share of the target for a number measure
  ['+/- 2.5%', percent, 40, 'higher', 37.5, 42.5], // percentage points for a percentage measure
  ['43 - 47', number, 45, 'band', 43, 47],
  ['43 to 47', number, 45, 'band', 43, 47],
  ['47 - 43', number, 45, 'band', 43, 47],
  ['Upper 87.5% Lower 78.8%', percent, 85, 'higher', 78.8, 87.5],
  ['Upper 78.8% Lower 87.5%', percent, 85, 'higher', 78.8, 87.5], // ends normalised by number
  ['Upper 1 %point Lower 2 % points', percent, 80, 'higher', 78, 81], // better side up for higher
  ['Upper 1 %point Lower 2 % points', percent, 10, 'lower', 9, 12], // better side down for lower
  ['2% above, 5% below', number, 200, 'lower', 190, 204],
  ['2% above, 5% below', percent, 20, 'lower', 15, 22],
  ['5% below, 2% above', number, 200, 'higher', 190, 204],
  ['-4% / +8%', number, 100, 'lower', 96, 108],
  ['+8% / -4%', number, 100, 'lower', 96, 108],
  ['10 days', days, 426, 'lower', 416, 436],
  ['5% of target', percent, 60, 'higher', 57, 63], // "% of target" is relative even for a percentage
  ['within 5% of target', number, 300, 'higher', 285, 315],
  ['±2 points', percent, 70, 'higher', 68, 72],
  ['5', number, 50, 'higher', 45, 55],
];

describe('parseTolerance + resolveBand', () => {
  test.each(FORMS)('%p (%o) around %d, %s → [%d, %d]', (text, unit, target, polarity, low, high) => {
    const reading = parseTolerance(text, unit);
    if (!reading.ok) throw new Error(reading.reason);
    const band = resolveBand(reading.spec, target, polarity);
    expect(band?.low).toBeCloseTo(low, 9);
    expect(band?.high).toBeCloseTo(high, 9);
  });

  test('relative forms need a target', () => {
    const reading = parseTolerance('±20', number);
    expect(reading.ok && resolveBand(reading.spec, undefined, 'higher')).toBeUndefined();
  });

  test('absolute ends need no target', () => {
    const reading = parseTolerance('43 - 47', number);
    expect(reading.ok && resolveBand(reading.spec, undefined, 'band')).toEqual({ low: 43, high: 47 });
  });

  test.each(['about right', 'Upper 3 Upper 4', '2% above, 3% above', '5 - ', '±'])('%p is refused with a reason', (text) => {
    const reading = parseTolerance(text, number);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toMatch(/tolerance|same side/);
  });
});

describe('bandFromColumns', () => {
  test('both ends, normalised', () => expect(bandFromColumns(65, 55, 60)).toEqual({ low: 55, high: 65 }));
  test('one end runs to the target', () => expect(bandFromColumns(55, undefined, 60)).toEqual({ low: 55, high: 60 }));
  test('none', () => expect(bandFromColumns(undefined, undefined, 60)).toBeUndefined());
});
