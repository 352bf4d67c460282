import type { Colour } from '../../model/plan';

/** The six statuses of SPEC §2, independent of colours. */
export type Status = 'exceeded' | 'met' | 'within-tolerance' | 'not-met' | 'no-data' | 'no-target';

export const STATUSES: readonly Status[] = ['exceeded', 'met', 'within-tolerance', 'not-met', 'no-data', 'no-target'];

/** How a status is shown: its label, and its fill (none for "No target"). */
export interface StatusLook {
  label: string;
  colour?: Colour;
}

export interface Scheme {
  name: string;
  looks: Record<Status, StatusLook>;
}

/** Light fills: black text on each reads at better than 7:1, and the label is always written beside. */
export const COLOURS = {
  blue: '#9DC3E6',
  green: '#A9D18E',
  amber: '#FFD966',
  red: '#F4A6A6',
  grey: '#D9D9D9',
} as const;

const NO_DATA: StatusLook = { label: 'No data', colour: COLOURS.grey };
const NO_TARGET: StatusLook = { label: 'No target' };

const SCHEMES: Record<string, Scheme> = {
  rag: {
    name: 'rag',
    looks: {
      exceeded: { label: 'Met', colour: COLOURS.green },
      met: { label: 'Met', colour: COLOURS.green },
      'within-tolerance': { label: 'Within tolerance', colour: COLOURS.amber },
      'not-met': { label: 'Not met', colour: COLOURS.red },
      'no-data': NO_DATA,
      'no-target': NO_TARGET,
    },
  },
  brag: {
    name: 'brag',
    looks: {
      exceeded: { label: 'Exceeded', colour: COLOURS.blue },
      met: { label: 'Met', colour: COLOURS.green },
      'within-tolerance': { label: 'Within tolerance', colour: COLOURS.amber },
      'not-met': { label: 'Not met', colour: COLOURS.red },
      'no-data': NO_DATA,
      'no-target': NO_TARGET,
    },
  },
  achieved: {
    name: 'achieved',
    looks: {
      exceeded: { label: 'Achieved', colour: COLOURS.green },
      met: { label: 'Achieved', colour: COLOURS.green },
      'within-tolerance': { label: 'Achieved', colour: COLOURS.green },
      'not-met': { label: 'Not achieved', colour: COLOURS.red },
      'no-data': NO_DATA,
      'no-target': NO_TARGET,
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
