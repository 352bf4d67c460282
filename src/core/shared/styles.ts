import type { CellStyle } from '../../model/plan';

/**
 * The styles every generated sheet uses. Status colours come from the scheme
 * (measures/scheme.ts); fills are light enough for black text to read at
 * better than 7:1 contrast.
 */
export const BASE_STYLES: Record<string, CellStyle> = {
  title: { bold: true, fontSize: 14, fontColour: '#1F3864' },
  note: { italic: true, fontColour: '#595959' },
  heading: { bold: true, fontSize: 12, fontColour: '#1F3864' },
  header: { bold: true, fill: '#D9E1F2', border: true, wrap: true, vertical: 'top' },
  text: { border: true, wrap: true, vertical: 'top' },
  number: { border: true, vertical: 'top', horizontal: 'right' },
  percent: { border: true, vertical: 'top', numberFormat: '0.0%' },
  date: { border: true, vertical: 'top', numberFormat: 'dd/mm/yyyy', horizontal: 'right' },
  label: { bold: true, vertical: 'top' },
  /** Unbordered, unwrapped text that may run on into empty cells to its right. */
  plain: { vertical: 'top', wrap: false },
  total: { bold: true, border: true, vertical: 'top' },
  /** Officer-written cells on generated sheets: pale yellow says "yours to edit". */
  officer: { border: true, wrap: true, vertical: 'top', fill: '#FFF9E5' },
  warning: { border: true, wrap: true, vertical: 'top', fill: '#FCE4D6' },
};
