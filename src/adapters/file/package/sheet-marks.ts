/** Ragbook's marks (model/marks.ts) in a package: hidden names in workbook.xml scoped to each sheet. */
import { marksToWrite } from '../../../model/marks';
import type { SheetPlan, WritePlan } from '../../../model/plan';
import { PackageParts } from './parts';
import { readSheetEntries, WorkbookXml, workbookPartOf } from './workbook-part';

/** Sets the plan's marks on the sheet at tab position `index`, replacing its earlier ones. */
export function setSheetMarks(workbook: WorkbookXml, plan: SheetPlan, index: number): void {
  for (const { name, formula } of marksToWrite(plan)) workbook.setSheetName(name, index, formula, true);
}

/** Marks the generated sheets of a workbook saved by another writer (exceljs exports). */
export function markGeneratedSheets(bytes: Uint8Array, plan: WritePlan): Uint8Array {
  const parts = PackageParts.fromZip(bytes);
  const workbookPart = workbookPartOf(parts);
  const positions = new Map(readSheetEntries(parts, workbookPart).map((entry, index) => [entry.name, index]));
  const workbook = new WorkbookXml(parts.text(workbookPart) ?? '');
  for (const sheet of plan.sheets) {
    const index = positions.get(sheet.name);
    if (index !== undefined) setSheetMarks(workbook, sheet, index);
  }
  parts.set(workbookPart, workbook.xml);
  return parts.toZip();
}
