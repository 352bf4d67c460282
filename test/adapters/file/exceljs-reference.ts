/**
 * The write path as it was before the package patcher: a round trip through
 * exceljs's model. Kept only as the reference the comparison test measures
 * the patcher against.
 */
import ExcelJS from 'exceljs';
import type { WritePlan } from '../../../src/model/plan';
import { executePlan } from '../../../src/adapters/file/exceljs-workbook';

/** Executes the plan on a fresh copy of the workbook in `bytes` and returns the new file. */
export async function patchWithExcelJs(bytes: Uint8Array, plan: WritePlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  executePlan(workbook, plan);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

