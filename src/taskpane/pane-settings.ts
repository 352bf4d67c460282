/** The pane's choices, remembered in the workbook so they travel with it. */
import { SCHEME_NAMES } from '../core/measures/scheme';

export const PANE_SETTINGS_KEY = 'ragbook.pane';

/** Where reports that make a workbook of their own (exports) go. */
export type ExportDestination = 'new-workbook' | 'this-workbook';

export interface PaneSettings {
  /** Undefined: the Settings sheet's scheme, else rag. */
  scheme?: string;
  /** Undefined: the latest period with data. */
  period?: string;
  exportTo: ExportDestination;
  /** Apply writes SPC's Variation and Assurance columns; undefined: as the workbook has them. */
  spcColumns?: boolean;
}

export const DEFAULT_SETTINGS: PaneSettings = { exportTo: 'new-workbook' };

/** Settings read back from the workbook, with anything unrecognised dropped. */
export function cleanSettings(stored: unknown): PaneSettings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const settings: PaneSettings = { exportTo: s.exportTo === 'this-workbook' ? 'this-workbook' : 'new-workbook' };
  if (typeof s.scheme === 'string' && SCHEME_NAMES.includes(s.scheme)) settings.scheme = s.scheme;
  if (typeof s.period === 'string' && s.period) settings.period = s.period;
  if (typeof s.spcColumns === 'boolean') settings.spcColumns = s.spcColumns;
  return settings;
}
