/**
 * Ragbook's marks (model/marks.ts) in the live workbook: hidden names scoped
 * to each sheet (`worksheet.names`, ExcelApi 1.4), read with the grids and
 * before a plan is written, set after each sheet is written.
 */
import { type DefinedName, marksToWrite, readMarks, type SheetMarks } from '../../model/marks';
import type { SheetPlan } from '../../model/plan';

/** Queues loading a sheet's own names; read them with `sheetNames` after the next sync. */
export function loadSheetNames(sheet: Excel.Worksheet): Excel.NamedItemCollection {
  return sheet.names.load('items/name,items/formula');
}

export function sheetNames(loaded: Excel.NamedItemCollection): DefinedName[] {
  return loaded.items.map((item) => ({ name: item.name, formula: String(item.formula) }));
}

export function marksOf(sheetName: string, loaded: Excel.NamedItemCollection): SheetMarks | undefined {
  return readMarks(sheetName, sheetNames(loaded));
}

/** Queues the plan's marks on a sheet it wrote; `existing` are the sheet's names before (none on a new sheet). */
export function writeMarks(sheet: Excel.Worksheet, plan: SheetPlan, existing: readonly DefinedName[]): void {
  for (const { name, formula } of marksToWrite(plan)) {
    if (existing.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
      sheet.names.getItem(name).formula = `=${formula}`;
    } else {
      sheet.names.add(name, `=${formula}`).visible = false;
    }
  }
}
