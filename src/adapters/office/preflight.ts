/**
 * Everything that would stop a write part-way, found before anything is
 * written: sheets that are missing or protected, a protected workbook
 * structure when sheets are to be added or replaced, cells beyond the sheet,
 * and a sheet of the user's where Ragbook would replace its own (Ragbook's
 * sheets carry its mark, marks.ts). Two small requests whatever the size of the plan.
 */
import type { DefinedName } from '../../model/marks';
import { sheetBeyondExcel, type WritePlan } from '../../model/plan';
import { MissingSheetError, OutsideSheetError, ProtectedSheetError, ProtectedWorkbookError, UserSheetInTheWayError } from './errors';
import { loadSheetNames, marksOf, sheetNames } from './marks';

export interface Preflight {
  /** The workbook's sheet names, lower-cased (Excel compares them without case). */
  present: Set<string>;
  /** False when the user calculates by hand (Formulas ▸ Calculation Options ▸ Manual): Ragbook then leaves it to them. */
  recalculate: boolean;
  /** The sheets that carry Ragbook's mark, lower-cased: the only ones it may replace or remove. */
  ownSheets: Set<string>;
  /** Each sheet's own names (lower-cased key), so marks are updated rather than added twice. */
  sheetNames: Map<string, DefinedName[]>;
}

export function sheetKey(name: string): string {
  return name.toLowerCase();
}

function checkBounds(plan: WritePlan): void {
  const sheet = sheetBeyondExcel(plan);
  if (sheet !== undefined) throw new OutsideSheetError(sheet);
}

export async function checkBeforeWriting(context: Excel.RequestContext, plan: WritePlan): Promise<Preflight> {
  checkBounds(plan);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const structure = context.workbook.protection.load('protected');
  const application = context.application.load('calculationMode');
  await context.sync();

  const present = new Set(worksheets.items.map((sheet) => sheetKey(sheet.name)));
  const existing = plan.sheets.filter((s) => s.mode === 'existing');
  for (const sheet of existing) if (!present.has(sheetKey(sheet.name))) throw new MissingSheetError(sheet.name);
  const changesSheets = plan.sheets.some((s) => s.mode === 'generated') || plan.removeSheets.some((name) => present.has(sheetKey(name)));
  if (changesSheets && structure.protected) throw new ProtectedWorkbookError();

  const protections = existing.map((sheet) => ({ name: sheet.name, protection: worksheets.getItem(sheet.name).protection.load('protected') }));
  const loadedNames = worksheets.items.map((sheet) => ({ sheet: sheet.name, names: loadSheetNames(sheet) }));
  await context.sync();
  const locked = protections.filter((p) => p.protection.protected).map((p) => p.name);
  if (locked.length > 0) throw new ProtectedSheetError(locked);

  const ownSheets = new Set(loadedNames.filter((n) => marksOf(n.sheet, n.names)?.generated).map((n) => sheetKey(n.sheet)));
  for (const sheet of plan.sheets) {
    const key = sheetKey(sheet.name);
    if (sheet.mode === 'generated' && present.has(key) && !ownSheets.has(key)) throw new UserSheetInTheWayError(sheet.name);
  }
  return {
    present,
    recalculate: application.calculationMode !== 'Manual',
    ownSheets,
    sheetNames: new Map(loadedNames.map((n) => [sheetKey(n.sheet), sheetNames(n.names)])),
  };
}
