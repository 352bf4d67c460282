import type { Cell, SheetGrid, WorkbookGrids } from '../../model/grid';
import { normaliseHeader } from './headers';
import { cellText } from './values';

/** One key/value row of the Settings sheet: key in column A, values from column B on. */
export interface SettingRow {
  sheet: string;
  /** 0-based row. */
  row: number;
  key: string;
  /** The cells from column B on: values[0] is B. */
  values: (Cell | undefined)[];
}

/** The optional Settings sheet, as key/value rows looked up by normalised key. */
export class SettingsSheet {
  private readonly rows = new Map<string, SettingRow>();

  constructor(readonly sheet: SheetGrid | undefined) {
    sheet?.rows.forEach((cells, row) => {
      const key = cellText(cells?.[0]);
      const normalised = normaliseHeader(key);
      if (normalised && !this.rows.has(normalised)) this.rows.set(normalised, { sheet: sheet.name, row, key, values: (cells ?? []).slice(1) });
    });
  }

  /** The first row whose key matches one of the wordings (case and punctuation ignored). */
  find(...keys: string[]): SettingRow | undefined {
    for (const key of keys) {
      const row = this.rows.get(normaliseHeader(key));
      if (row) return row;
    }
    return undefined;
  }

  /** The text in column B of the matching row, or undefined when missing or blank. */
  text(...keys: string[]): string | undefined {
    const row = this.find(...keys);
    const text = row ? cellText(row.values[0]) : '';
    return text || undefined;
  }
}

/** Finds the sheet named Settings (or Options, Configuration); an empty one when there is none. */
export function readSettingsSheet(grids: WorkbookGrids): SettingsSheet {
  const names = new Set(['settings', 'options', 'configuration', 'config', 'ragbook settings']);
  return new SettingsSheet(grids.sheets.find((s) => names.has(normaliseHeader(s.name))));
}
