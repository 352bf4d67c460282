/**
 * Executes a write plan on the live workbook. First everything that could stop
 * it part-way is checked (preflight.ts), so a refused plan changes nothing.
 * Then the writes go in requests that Excel on the web accepts
 * (request-batch.ts): values in blocks of rows, each style's runs as one
 * discontiguous range. Calculation is suspended while writing and the
 * workbook recalculated at the end, unless the user calculates by hand.
 */
import { blockWidth, isPlanLink, type PlanValue, type SheetPlan, styledRanges, type ValueBlock, type WritePlan } from '../../model/plan';
import { addChart } from './charts';
import { applyLayout } from './layout';
import { writeMarks } from './marks';
import { checkBeforeWriting, sheetKey } from './preflight';
import { arrayCallBytes, jsonBytes, RequestBatch } from './request-batch';
import { applyStyles } from './styles';
import { needsTextFormat, TEXT_FORMAT } from './text-cells';

/** Rows of values per call, in calls small enough for one request each. */
const MAX_VALUES_CALL_BYTES = 1024 * 1024;
/** Ragbook's marks on a sheet: two names. */
const MARKS_BYTES = 1024;
/** A chart: a dozen objects and properties. */
const CHART_BYTES = 16 * 1024;

/** The plan's value as Office.js takes it: links write their text (the link is added after). */
function officeValue(value: PlanValue | undefined): string | number | boolean | null {
  // undefined: beyond the end of a short row, which the file adapter leaves alone (null leaves a cell unchanged).
  if (value === undefined) return null;
  // null: the plan clears the cell, as the file adapter does.
  if (value === null) return '';
  return isPlanLink(value) ? value.text : value;
}

async function writeValues(sheet: Excel.Worksheet, block: ValueBlock, batch: RequestBatch): Promise<void> {
  const width = blockWidth(block);
  if (width === 0) return;
  let first = 0;
  while (first < block.values.length) {
    const rows: (string | number | boolean | null)[][] = [];
    const formats: (string | null)[][] = [];
    let bytes = 0;
    for (let r = first; r < block.values.length; r++) {
      const row = Array.from({ length: width }, (_, c) => officeValue(block.values[r][c]));
      // The Text format where Excel would not keep the text as typed; null leaves a cell's format as it is.
      const format = Array.from({ length: width }, (_, c) => (needsTextFormat(block.values[r][c] ?? null) ? TEXT_FORMAT : null));
      const rowBytes = jsonBytes(row) + jsonBytes(format) + 2;
      if (rows.length > 0 && bytes + rowBytes > MAX_VALUES_CALL_BYTES) break;
      rows.push(row);
      formats.push(format);
      bytes += rowBytes;
    }
    await batch.room(arrayCallBytes(bytes, 2 * rows.length * width));
    const range = sheet.getRangeByIndexes(block.row + first, block.col, rows.length, width);
    // The format before the values, so "=…" and "45%" land as the text they are.
    if (formats.some((row) => row.includes(TEXT_FORMAT))) range.numberFormat = formats as string[][];
    range.values = rows;
    first += rows.length;
  }
  for (const [r, row] of block.values.entries()) {
    for (const [c, value] of row.entries()) {
      if (!isPlanLink(value)) continue;
      const link = { documentReference: value.target, textToDisplay: value.text };
      await batch.room(jsonBytes(link));
      sheet.getRangeByIndexes(block.row + r, block.col + c, 1, 1).hyperlink = link;
    }
  }
}

async function writeSheet(sheet: Excel.Worksheet, plan: SheetPlan, styles: WritePlan['styles'], batch: RequestBatch): Promise<void> {
  for (const block of plan.values) await writeValues(sheet, block, batch);
  await applyStyles(sheet, styledRanges(plan), styles, batch);
  await applyLayout(sheet, plan, batch);
  for (const chart of plan.charts ?? []) {
    await batch.room(CHART_BYTES);
    addChart(sheet, chart);
  }
}

/**
 * Moves Ragbook's sheets named in `plan.front` before every other sheet, in
 * that order (the rest keep theirs), and activates the first, as the file
 * adapter does: the workbook shows the report.
 */
async function openOnFront(worksheets: Excel.WorksheetCollection, plan: WritePlan, ownSheets: ReadonlySet<string>, batch: RequestBatch): Promise<void> {
  const removed = new Set(plan.removeSheets.map(sheetKey));
  const generated = new Set([...[...ownSheets].filter((key) => !removed.has(key)), ...plan.sheets.filter((s) => s.mode === 'generated').map((s) => sheetKey(s.name))]);
  const lead = [...new Map((plan.front ?? []).map((name) => [sheetKey(name), name])).values()].filter((name) => generated.has(sheetKey(name)));
  for (const [position, name] of lead.entries()) {
    await batch.room(0);
    worksheets.getItem(name).position = position;
  }
  if (lead.length > 0) worksheets.getItem(lead[0]).activate();
}

export async function writePlan(context: Excel.RequestContext, plan: WritePlan): Promise<void> {
  const { present, recalculate, ownSheets, sheetNames } = await checkBeforeWriting(context, plan);
  const worksheets = context.workbook.worksheets;
  // Each request suspends calculation and screen updating until it is done.
  const batch = new RequestBatch(context, () => {
    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
  });

  /** The sheets in the workbook's order (a Set keeps the order it was built in), as the writes change it. */
  const order = [...present];
  /** Deletes the sheet if it is there; where it stood, or -1. */
  const remove = async (name: string): Promise<number> => {
    const at = order.indexOf(sheetKey(name));
    if (at < 0) return at;
    order.splice(at, 1);
    await batch.room(0);
    worksheets.getItem(name).delete();
    return at;
  };
  // Only sheets that carry Ragbook's mark are ever removed.
  for (const name of plan.removeSheets) if (ownSheets.has(sheetKey(name))) await remove(name);
  for (const sheetPlan of plan.sheets) {
    if (sheetPlan.mode === 'generated') {
      const at = await remove(sheetPlan.name);
      await batch.room(0);
      const added = worksheets.add(sheetPlan.name);
      // A replaced sheet keeps its place, as in the file adapter; Excel adds at the end.
      if (at >= 0) added.position = at;
      order.splice(at >= 0 ? at : order.length, 0, sheetKey(sheetPlan.name));
    }
    // By name, not the object add() returned: that one is valid for its own request only.
    await writeSheet(worksheets.getItem(sheetPlan.name), sheetPlan, plan.styles, batch);
    await batch.room(MARKS_BYTES);
    writeMarks(worksheets.getItem(sheetPlan.name), sheetPlan, sheetPlan.mode === 'existing' ? (sheetNames.get(sheetKey(sheetPlan.name)) ?? []) : []);
  }
  await openOnFront(worksheets, plan, ownSheets, batch);
  await batch.send();
  if (recalculate) {
    context.application.calculate('Recalculate');
    await context.sync();
  }
}
