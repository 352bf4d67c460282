/**
 * Executes a write plan on the live workbook. Everything is queued in one
 * batch: the number of `context.sync()` round trips is two whatever the size
 * of the plan (one to learn the sheet names, one to write).
 */
import { styleRuns } from '../../core/shared/sheet-builder';
import { type CellStyle, isPlanLink, type PlanValue, type SheetPlan, type ValueBlock, type WritePlan } from '../../model/plan';
import { addChart } from './charts';
import { rowChunks } from './chunks';
import { MissingSheetError } from './errors';
import { applyLayout } from './layout';
import { applyStyle, setNumberFormat } from './styles';
import { needsTextFormat, TEXT_FORMAT } from './text-cells';

/** The plan's value as Office.js takes it: links write their text (the link is added after). */
function officeValue(value: PlanValue | undefined): string | number | boolean | null {
  // undefined: beyond the end of a short row, which the file adapter leaves alone (null leaves a cell unchanged).
  if (value === undefined) return null;
  // null: the plan clears the cell, as the file adapter does.
  if (value === null) return '';
  return isPlanLink(value) ? value.text : value;
}

function writeValues(sheet: Excel.Worksheet, block: ValueBlock): void {
  const width = Math.max(0, ...block.values.map((row) => row.length));
  if (width === 0) return;
  // Text-format runs first, so "=…" and "45%" land as the text they are.
  const textCells = block.values.map((row) => row.map((value) => (needsTextFormat(value) ? TEXT_FORMAT : undefined)));
  for (const { range } of styleRuns(textCells)) {
    setNumberFormat(sheet, { ...range, row: block.row + range.row, col: block.col + range.col }, TEXT_FORMAT);
  }
  for (const [first, count] of rowChunks(block.values.length, width)) {
    const rows = block.values.slice(first, first + count).map((row) => Array.from({ length: width }, (_, c) => officeValue(row[c])));
    sheet.getRangeByIndexes(block.row + first, block.col, count, width).values = rows;
  }
  block.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (isPlanLink(value)) {
        sheet.getRangeByIndexes(block.row + r, block.col + c, 1, 1).hyperlink = { documentReference: value.target, textToDisplay: value.text };
      }
    }),
  );
}

function writeSheet(sheet: Excel.Worksheet, plan: SheetPlan, styles: Record<string, CellStyle>): void {
  for (const block of plan.values) writeValues(sheet, block);
  for (const { range, style } of plan.styles) {
    const definition = styles[style];
    if (!definition) throw new Error(`The write plan names an unknown style "${style}".`);
    applyStyle(sheet, range, definition);
  }
  applyLayout(sheet, plan);
  for (const chart of plan.charts ?? []) addChart(sheet, chart);
}

/** Sheet names are case-insensitive in Excel. */
function key(name: string): string {
  return name.toLowerCase();
}

export async function writePlan(context: Excel.RequestContext, plan: WritePlan): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const present = new Set(worksheets.items.map((sheet) => key(sheet.name)));
  for (const sheetPlan of plan.sheets) {
    if (sheetPlan.mode === 'existing' && !present.has(key(sheetPlan.name))) throw new MissingSheetError(sheetPlan.name);
  }

  context.application.suspendApiCalculationUntilNextSync();
  context.application.suspendScreenUpdatingUntilNextSync();
  const remove = (name: string) => {
    if (!present.delete(key(name))) return;
    worksheets.getItem(name).delete();
  };
  for (const name of plan.removeSheets) remove(name);
  for (const sheetPlan of plan.sheets) {
    let sheet: Excel.Worksheet;
    if (sheetPlan.mode === 'generated') {
      remove(sheetPlan.name);
      sheet = worksheets.add(sheetPlan.name);
      present.add(key(sheetPlan.name));
    } else {
      sheet = worksheets.getItem(sheetPlan.name);
    }
    writeSheet(sheet, sheetPlan, plan.styles);
  }
  await context.sync();
}
