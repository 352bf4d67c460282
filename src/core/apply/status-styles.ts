import type { CellStyle } from '../../model/plan';
import { BASE_STYLES } from '../shared/styles';
import { IMPROVING_STYLE } from '../measures/analyse';
import { type Scheme, STATUSES, statusStyleName } from '../measures/scheme';

/** The write-plan styles for a scheme's fills: "status.met" → its colour, and the amber "improving" fill. */
export function statusStyles(scheme: Scheme): Record<string, CellStyle> {
  const styles: Record<string, CellStyle> = {};
  for (const status of STATUSES) {
    const colour = scheme.looks[status].colour;
    if (colour) styles[statusStyleName(status)] = { fill: colour };
  }
  const amber = scheme.looks['within-tolerance'].colour;
  if (amber) styles[IMPROVING_STYLE] = { fill: amber };
  return styles;
}

/** Status fills for a status label cell on a generated sheet ("commentary.status.met"): bold bordered text on the scheme's colour. */
export function labelledStatusStyles(scheme: Scheme, prefix: string): Record<string, CellStyle> {
  const styles: Record<string, CellStyle> = {};
  for (const [name, style] of Object.entries(statusStyles(scheme))) styles[`${prefix}.${name}`] = { ...BASE_STYLES.text, bold: true, ...style };
  return styles;
}
