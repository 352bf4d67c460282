/**
 * The commentary overview: one row per measure, grouped by theme, for readers
 * who scan. Landscape A4 at full size (never shrunk to fit), the header row
 * repeated on every page; each Ref links to the measure's block.
 */
import { quoteSheetName } from '../../model/address';
import type { CellStyle, PlanValue, SheetPlan } from '../../model/plan';
import { directionLabel } from '../measures/status';
import { SheetBuilder } from '../shared/sheet-builder';
import { BLOCK_STYLES, latestText, rangeText, statusTileStyle, targetText, wrapTitleRows } from './commentary-sheet';
import type { MeasureFacts } from './facts';
import { formatSignedDifference } from './format';

export const OVERVIEW_SHEET = 'Commentary overview';

const HEADERS = ['Ref', 'Measure', 'Status', 'Latest', 'Target', 'Target range', 'Variance to target', 'Direction of travel'];
/** 103 characters: landscape A4 at full size, even in a font wider than Calibri (see commentary-sheet.ts). */
/** The landscape page's width in all (765 pt of 770), so names and figures wrap as little as they can. */
const WIDTHS: Record<number, number> = { 0: 8, 1: 36, 2: 15, 3: 15, 4: 17, 5: 16, 6: 18, 7: 15 };

const OVERVIEW_STYLES: Record<string, CellStyle> = {
  'overview.theme': { bold: true, fontColour: '#1F3864', fill: '#EDEDED', border: true },
};

/** Against the previous period, as the arrow and word. */
function direction(facts: MeasureFacts): string {
  const comparison = facts.previous;
  if (facts.actual === null || !comparison) return '';
  return comparison.direction === 'n/a' ? '' : directionLabel(comparison.direction);
}

function cells(facts: MeasureFacts, link: PlanValue): PlanValue[] {
  return [
    link,
    facts.name,
    facts.current.label,
    latestText(facts),
    targetText(facts),
    rangeText(facts),
    facts.variance ? formatSignedDifference(facts.variance.difference, facts.unit, facts.variance.decimals) : '',
    direction(facts),
  ];
}

const ROW_STYLES = ['text', 'text', undefined, 'commentary.figure', 'commentary.figure', 'commentary.figure', 'commentary.figure', 'text'];

export function buildOverviewSheet(input: {
  name: string;
  title: string;
  period: string;
  commentarySheet: string;
  facts: MeasureFacts[];
  /** Each measure's block title row on the commentary sheet, by id (lower case). */
  titleRows: Map<string, number>;
}): { sheet: SheetPlan; styles: Record<string, CellStyle> } {
  const builder = new SheetBuilder(input.name).title(
    `${input.title}: overview for ${input.period || 'no period'}`,
    `one row per measure; the Ref opens the measure's page on the ${input.commentarySheet} sheet. Made again each time Ragbook runs.`,
  );
  wrapTitleRows(builder, HEADERS.length);
  builder.blank();
  const header = builder.row(HEADERS, 'header');
  let theme: string | undefined;
  for (const facts of input.facts) {
    if (facts.theme !== theme) {
      theme = facts.theme;
      const at = builder.row([theme || 'Other measures', ...HEADERS.slice(1).map(() => null)], 'overview.theme');
      builder.merge({ row: at, col: 0, rowCount: 1, colCount: HEADERS.length });
    }
    const row = input.titleRows.get(facts.id.toLowerCase());
    const link: PlanValue = row === undefined ? facts.id : { text: facts.id, target: `${quoteSheetName(input.commentarySheet)}!A${row + 1}` };
    const at = builder.row(cells(facts, link), ROW_STYLES);
    builder.styleCell(at, 2, statusTileStyle(facts));
  }
  if (input.facts.length === 0) builder.row(['No measures were found for this period.'], 'note');
  const sheet = builder
    .widths(WIDTHS)
    .freeze(header + 1, 2)
    .period(input.period)
    .page({ orientation: 'landscape', fitToWidth: true, repeatRows: { first: header, last: header } })
    // The figures' style too, so their wrapped lines count when rows are sized.
    .useStyles({ ...BLOCK_STYLES, ...OVERVIEW_STYLES })
    .build();
  return { sheet, styles: OVERVIEW_STYLES };
}
