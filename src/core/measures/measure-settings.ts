/** What the Settings sheet says about measures: scheme, label/colour overrides, period, tolerance. */
import type { IssueList } from '../../model/issue';
import type { ReportOptions } from '../report';
import type { SettingsSheet } from '../shared/settings-sheet';
import { cellText } from '../shared/values';
import { COLOURS, type Scheme, SCHEME_NAMES, schemeNamed, type Status, type StatusLook, withOverrides } from './scheme';

export interface MeasureSettings {
  scheme: Scheme;
  /** The period asked for (--period, else Settings "Latest period"), and where it came from. */
  period?: { label: string; from: 'options' | 'settings' };
  /** Default tolerance text for measures without one ("within 5% of target", "±2 points"). */
  defaultTolerance?: { text: string; row: number };
  amberWhenImproving: boolean;
  /** A figure this many of its own periods behind the reporting period, or more, is stale (default 2). */
  staleAfter: number;
  title: string;
}

/** A whole number of periods from a Settings cell ("3", "3 periods"); undefined when the text is not one. */
export function periodCount(text: string): number | undefined {
  const m = /^(\d+)(?:\s*(?:periods?|quarters?|years?|months?))?$/i.exec(text.trim());
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 100 ? n : undefined;
}

/** A "number of periods" setting, the default when absent, an Issue when unreadable. */
export function periodCountSetting(settings: SettingsSheet, keys: string[], fallback: number, issues: IssueList): number {
  const row = settings.find(...keys);
  const text = row ? cellText(row.values[0]) : '';
  if (!row || !text) return fallback;
  const n = periodCount(text);
  if (n === undefined) issues.add(row.sheet, row.row, 1, `'${text}' is not a number of periods (write a whole number such as 2) — ${fallback} used`);
  return n ?? fallback;
}

const STATUS_KEYS: Record<Status, string[]> = {
  exceeded: ['Exceeded', 'Exceeded label', 'Blue'],
  met: ['Met', 'Met label', 'Green'],
  'within-tolerance': ['Within tolerance', 'Within tolerance label', 'Amber'],
  'not-met': ['Not met', 'Not met label', 'Red'],
  'no-data': ['No data', 'No data label', 'Grey'],
  'no-target': ['No target', 'No target label'],
  'polarity-unknown': ['Polarity unknown', 'Polarity unknown label'],
};

const NAMED_COLOURS: Record<string, string | null> = {
  blue: COLOURS.blue, green: COLOURS.green, amber: COLOURS.amber, yellow: COLOURS.amber, red: COLOURS.red,
  grey: COLOURS.grey, gray: COLOURS.grey, none: null, '': null,
};

/** "#A9D18E", "A9D18E", "green" → "#A9D18E"; null for none; undefined when unreadable. */
export function parseColour(text: string): string | null | undefined {
  const t = text.trim().toLowerCase();
  if (t in NAMED_COLOURS) return NAMED_COLOURS[t];
  const hex = /^#?([0-9a-f]{6})$/.exec(t);
  return hex ? `#${hex[1].toUpperCase()}` : undefined;
}

function isYes(text: string | undefined): boolean {
  return !!text && /^(y|yes|true|on|1)$/i.test(text.trim());
}

export function readMeasureSettings(settings: SettingsSheet, options: ReportOptions, issues: IssueList): MeasureSettings {
  const sheet = settings.sheet?.name ?? 'Settings';
  let scheme = schemeNamed(options.scheme ?? 'rag') ?? (schemeNamed('rag') as Scheme);
  const schemeRow = settings.find('Scheme', 'Colour scheme', 'RAG scheme');
  if (!options.scheme && schemeRow) {
    const name = cellText(schemeRow.values[0]);
    const named = schemeNamed(name);
    if (named) scheme = named;
    else if (name) issues.add(sheet, schemeRow.row, 1, `'${name}' is not a scheme (use ${SCHEME_NAMES.join(', ')}) — rag used`);
  }

  const overrides: Partial<Record<Status, Partial<StatusLook>>> = {};
  for (const [status, keys] of Object.entries(STATUS_KEYS) as [Status, string[]][]) {
    const row = settings.find(...keys);
    if (!row) continue;
    const label = cellText(row.values[0]);
    const colourText = cellText(row.values[1]);
    const override: Partial<StatusLook> = {};
    if (label) override.label = label;
    if (colourText) {
      const colour = parseColour(colourText);
      if (colour === undefined) issues.add(sheet, row.row, 2, `'${colourText}' is not a colour (use #RRGGBB or green, amber, red, blue, grey, none) — the scheme's colour used`);
      else override.colour = colour ?? undefined;
    }
    overrides[status] = override;
  }
  scheme = withOverrides(scheme, overrides);

  const periodText = settings.text('Latest period', 'Reporting period', 'Report period', 'Period');
  const toleranceRow = settings.find('Default tolerance', 'Tolerance');
  const toleranceText = toleranceRow ? cellText(toleranceRow.values[0]) : '';
  return {
    scheme,
    period: options.period ? { label: options.period, from: 'options' } : periodText ? { label: periodText, from: 'settings' } : undefined,
    defaultTolerance: toleranceRow && toleranceText ? { text: toleranceText, row: toleranceRow.row } : undefined,
    amberWhenImproving: isYes(settings.text('Amber when improving', 'Amber if improving', 'Show improving as amber')),
    staleAfter: periodCountSetting(settings, ['Stale after', 'Latest available lag', 'Stale lag'], 2, issues),
    title: settings.text('Report title', 'Title') ?? 'Performance report',
  };
}
