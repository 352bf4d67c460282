import type { CellStyle, SheetPlan } from '../../model/plan';
import { BASE_STYLES } from '../shared/styles';
import { prefixedFormat, unprefixedFormat } from '../shared/number-format';
import { IMPROVING_STYLE } from '../measures/analyse';
import { isJudged, type Scheme, STATUSES, type Status, statusStyleName, SYMBOLS } from '../measures/scheme';

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

/** Every symbol any scheme writes: a figure's prefix from an earlier run is known whichever scheme wrote it. */
const OWN_SYMBOLS: readonly string[] = Object.values(SYMBOLS);

/** The status whose symbol a style's figures carry: the judged ones (amber "improving" is still not met). */
const SYMBOL_STATUS = new Map<string, Status>([...STATUSES.filter(isJudged).map((s) => [statusStyleName(s), s] as const), [IMPROVING_STYLE, 'not-met']]);

/** Between a status style and the user's number format in a figure's style name: "status.met|0.0%". */
const FIGURE = '|';

/** Names by number format, then by status style ('' for none; null for no name): a million figures share a few strings. */
const figureNames = new Map<string, Map<string, string | null>>();
/** The last format's names: a column's figures nearly always share one format. */
let lastFormat: string | undefined;
let lastNames: Map<string, string | null> | undefined;

/**
 * The style for a figure on the measures sheet: its status's fill with the
 * status's symbol composed into the cell's own number format ("status.met|0.0%"
 * → fill and `"✓ "0.0%`). A figure that no longer has a symbol gets its
 * earlier prefix taken off. Undefined when there is nothing to do.
 */
export function figureStyleName(style: string | undefined, numberFormat: string | undefined): string | undefined {
  const format = numberFormat ?? '';
  let byStyle = format === lastFormat ? lastNames : figureNames.get(format);
  if (!byStyle) figureNames.set(format, (byStyle = new Map()));
  lastFormat = format;
  lastNames = byStyle;
  const key = style ?? '';
  const known = byStyle.get(key);
  if (known !== undefined) return known ?? undefined;
  const original = unprefixedFormat(numberFormat, OWN_SYMBOLS);
  const name = (style !== undefined && SYMBOL_STATUS.has(style)) || original !== numberFormat ? `${key}${FIGURE}${original ?? ''}` : style;
  byStyle.set(key, name ?? null);
  return name;
}

/** The styles the figure style names on a sheet plan stand for. */
export function figureStyles(sheet: SheetPlan | undefined, scheme: Scheme): Record<string, CellStyle> {
  const fills = statusStyles(scheme);
  const styles: Record<string, CellStyle> = {};
  const names = new Set<string>();
  for (const { style } of sheet?.styles ?? []) names.add(style);
  for (const column of sheet?.columnStyles ?? []) for (const name of column.names) names.add(name);
  for (const name of names) {
    const at = name.indexOf(FIGURE);
    if (at < 0) continue;
    const style = name.slice(0, at);
    const original = name.slice(at + 1) || undefined;
    const status = SYMBOL_STATUS.get(style);
    const symbol = status && scheme.looks[status].symbol;
    styles[name] = { ...fills[style], numberFormat: (symbol && prefixedFormat(original, symbol)) || (original ?? 'General') };
  }
  return styles;
}
