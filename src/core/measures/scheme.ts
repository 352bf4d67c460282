import type { Colour } from '../../model/plan';

/**
 * The six statuses of SPEC §2, independent of colours, and `polarity-unknown`:
 * a figure and a target, but no polarity Ragbook could read to judge them by.
 */
export type Status = 'exceeded' | 'met' | 'within-tolerance' | 'not-met' | 'no-data' | 'no-target' | 'polarity-unknown';

export const STATUSES: readonly Status[] = ['exceeded', 'met', 'within-tolerance', 'not-met', 'no-data', 'no-target', 'polarity-unknown'];

/** Statuses that judge a figure against its target. */
export function isJudged(status: Status): boolean {
  return status !== 'no-data' && status !== 'no-target' && status !== 'polarity-unknown';
}

/**
 * How a status is shown: its label, its fill (none for "No target" and
 * "Polarity unknown"), and the symbol written before each figure it colours,
 * so a history cell reads the same in greyscale or to a colour-blind reader.
 */
export interface StatusLook {
  label: string;
  colour?: Colour;
  symbol?: string;
}

export interface Scheme {
  name: string;
  looks: Record<Status, StatusLook>;
}

/**
 * Light fills, black text on each at 7:1 or better. Their lightness steps by
 * 8 or more (CIE L*: red 62, blue 71, green 80, amber 89, grey 97), so they
 * stay apart in greyscale and to a colour-blind reader
 * (test/core/measures/colour-vision.test.ts measures it).
 */
export const COLOURS = {
  blue: '#8AB1DF',
  green: '#AAD28F',
  amber: '#FFDC69',
  red: '#DF7872',
  grey: '#F6F6F6',
} as const;

/** Grey as a chart's bars draw it: the pale grey fill would vanish against the white plot. */
export const CHART_GREY = '#7F7F7F';

/** A fill as a chart's bars draw it. */
export function chartColour(colour: Colour): Colour {
  return colour === COLOURS.grey ? CHART_GREY : colour;
}

/** The symbols before a coloured figure: in Calibri's fallback fonts (Segoe UI Symbol, DejaVu Sans) and printable. */
export const SYMBOLS = { tick: '✓', star: '★', near: '≈', cross: '✗' } as const;

const MET: StatusLook = { label: 'Met', colour: COLOURS.green, symbol: SYMBOLS.tick };
const WITHIN_TOLERANCE: StatusLook = { label: 'Within tolerance', colour: COLOURS.amber, symbol: SYMBOLS.near };
const NOT_MET: StatusLook = { label: 'Not met', colour: COLOURS.red, symbol: SYMBOLS.cross };
const NO_DATA: StatusLook = { label: 'No data', colour: COLOURS.grey };
const NO_TARGET: StatusLook = { label: 'No target' };
const POLARITY_UNKNOWN: StatusLook = { label: 'Polarity unknown' };
const ACHIEVED: StatusLook = { label: 'Achieved', colour: COLOURS.green, symbol: SYMBOLS.tick };

const SCHEMES: Record<string, Scheme> = {
  rag: {
    name: 'rag',
    looks: {
      exceeded: MET,
      met: MET,
      'within-tolerance': WITHIN_TOLERANCE,
      'not-met': NOT_MET,
      'no-data': NO_DATA,
      'no-target': NO_TARGET,
      'polarity-unknown': POLARITY_UNKNOWN,
    },
  },
  brag: {
    name: 'brag',
    looks: {
      exceeded: { label: 'Exceeded', colour: COLOURS.blue, symbol: SYMBOLS.star },
      met: MET,
      'within-tolerance': WITHIN_TOLERANCE,
      'not-met': NOT_MET,
      'no-data': NO_DATA,
      'no-target': NO_TARGET,
      'polarity-unknown': POLARITY_UNKNOWN,
    },
  },
  achieved: {
    name: 'achieved',
    looks: {
      exceeded: ACHIEVED,
      met: ACHIEVED,
      'within-tolerance': ACHIEVED,
      'not-met': { ...NOT_MET, label: 'Not achieved' },
      'no-data': NO_DATA,
      'no-target': NO_TARGET,
      'polarity-unknown': POLARITY_UNKNOWN,
    },
  },
};

export const SCHEME_NAMES: readonly string[] = Object.keys(SCHEMES);

/** The named scheme (rag, brag, achieved), or undefined. */
export function schemeNamed(name: string): Scheme | undefined {
  return SCHEMES[name.trim().toLowerCase()];
}

/** A scheme with some labels or colours replaced (from the Settings sheet). */
export function withOverrides(scheme: Scheme, overrides: Partial<Record<Status, Partial<StatusLook>>>): Scheme {
  const looks = { ...scheme.looks };
  for (const status of STATUSES) {
    const override = overrides[status];
    if (override) looks[status] = { ...looks[status], ...override };
  }
  return { name: scheme.name, looks };
}

/** Built once: a million fills share six strings instead of each holding its own. */
const STYLE_NAMES = Object.fromEntries(STATUSES.map((status) => [status, `status.${status}`])) as Record<Status, string>;

/** The write-plan style name for a status's fill. */
export function statusStyleName(status: Status): string {
  return STYLE_NAMES[status];
}

/** The scheme's distinct labels in status order, with the statuses each covers ("Met" for exceeded and met under rag). */
export function labelGroups(scheme: Scheme): { label: string; statuses: Status[] }[] {
  const groups: { label: string; statuses: Status[] }[] = [];
  for (const status of STATUSES) {
    const label = scheme.looks[status].label;
    const group = groups.find((g) => g.label === label);
    if (group) group.statuses.push(status);
    else groups.push({ label, statuses: [status] });
  }
  return groups;
}
