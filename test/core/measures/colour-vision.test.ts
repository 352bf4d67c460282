/**
 * The scheme's fills can be told apart by a reader with deuteranopia or
 * protanopia and on a greyscale print, and black text reads on each.
 */
import { SCHEME_NAMES, schemeNamed, STATUSES } from '../../../src/core/measures/scheme';
import { blackTextContrast, deltaE, lightness, type Vision } from '../../helpers/colour-vision';

const COLOUR_VISIONS: Vision[] = ['normal', 'deuteranopia', 'protanopia'];

/** Clearly different to the eye side by side (ΔE 2.3 is just noticeable). */
const MIN_DELTA_E = 10;
/** Clearly different in lightness (CIE L*): all a greyscale print keeps. */
const MIN_LIGHTNESS_STEP = 8;

/** Each scheme's fills that stand for different labels. */
function fillPairs(name: string): [string, string][] {
  const scheme = schemeNamed(name)!;
  const fills = new Map<string, string>();
  for (const status of STATUSES) {
    const { colour, label } = scheme.looks[status];
    if (colour && !fills.has(colour)) fills.set(colour, label);
  }
  const colours = [...fills.keys()];
  return colours.flatMap((a, i) => colours.slice(i + 1).map((b): [string, string] => [a, b]));
}

describe.each(SCHEME_NAMES)('the %s scheme', (name) => {
  test.each(fillPairs(name))('%s and %s stay apart to every reader', (a, b) => {
    expect(COLOUR_VISIONS.filter((vision) => deltaE(a, b, vision) < MIN_DELTA_E)).toEqual([]);
    // In greyscale only lightness is left: ΔE there is the difference in L*.
    expect(deltaE(a, b, 'greyscale')).toBeGreaterThanOrEqual(MIN_LIGHTNESS_STEP);
  });

  test('black text on every fill reads at 7:1 or better', () => {
    for (const status of STATUSES) {
      const colour = schemeNamed(name)!.looks[status].colour;
      if (colour) expect(blackTextContrast(colour)).toBeGreaterThanOrEqual(7);
    }
  });
});

test('the measure of difference tells the old red and green apart less well under deuteranopia', () => {
  // The fills before issue 18: ΔE 57 to the eye, 12.5 to a deuteranope, 4 apart in lightness.
  expect(deltaE('#A9D18E', '#F4A6A6', 'normal')).toBeCloseTo(56.8, 0);
  expect(deltaE('#A9D18E', '#F4A6A6', 'deuteranopia')).toBeCloseTo(12.5, 0);
  expect(Math.abs(lightness('#A9D18E') - lightness('#F4A6A6'))).toBeLessThan(MIN_LIGHTNESS_STEP);
});
