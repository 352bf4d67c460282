/**
 * The file adapter: the only way the CLI, tests and exports read or write an
 * .xlsx/.xlsm package. Reading and writing the user's workbook go through the
 * package patcher (only the parts a plan changes are rewritten); workbooks
 * made from nothing (exports) are built with exceljs.
 */
import { customProperties, markingsInProperties, workbookMarking } from '../../email/marking';
import type { WorkbookGrids } from '../../model/grid';
import { sheetBeyondExcel, type WritePlan } from '../../model/plan';
import { addCharts, writeCharts } from './charts';
import { WorkbookReadError, WorkbookWriteError } from './errors';
import { createWithExcelJs } from './exceljs-workbook';
import type { ReadLimits } from './package/limits';
import { markGeneratedSheets } from './package/sheet-marks';
import { openPackage } from './package/workbook-package';

export { WorkbookReadError, WorkbookWriteError } from './errors';
export type { ReadLimits } from './package/limits';

export interface OpenedWorkbook {
  grids: WorkbookGrids;
  /** The extension the written file needs: Excel refuses a macro-enabled workbook named .xlsx, and the reverse. */
  extension: '.xlsx' | '.xlsm';
  /** Executes the plan on a copy of the workbook; the input bytes are never changed. */
  write(plan: WritePlan): Promise<Uint8Array>;
}

/** Says what a file that is not a zip package most likely is. */
function checkPackageSignature(bytes: Uint8Array): void {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (bytes.length === 0) throw new WorkbookReadError('the file is empty');
  if (starts(0x50, 0x4b, 0x03, 0x04)) return;
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    // A compound file: an encrypted .xlsx keeps its package in a stream named EncryptedPackage.
    const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new WorkbookReadError(
      encrypted
        ? 'it is a password-protected workbook; open it in Excel, remove the password (File > Info > Protect Workbook) and save it again'
        : 'it is an old-style .xls workbook; open it in Excel and save it as an .xlsx workbook',
    );
  }
  throw new WorkbookReadError('it is not an Excel workbook (.xlsx or .xlsm); if it is a CSV file, open it in Excel and save it as .xlsx');
}

/** Refuses, before anything is written, a plan that runs past Excel's last row or column (the Office adapter refuses it too). */
function checkFitsExcel(plan: WritePlan): void {
  const sheet = sheetBeyondExcel(plan);
  if (sheet === undefined) return;
  throw new WorkbookWriteError(
    `the ${sheet} sheet would run past Excel's last row or column (1,048,576 rows, 16,384 columns), so no workbook was written`,
  );
}

export async function openWorkbook(bytes: Uint8Array, limits?: ReadLimits): Promise<OpenedWorkbook> {
  checkPackageSignature(bytes);
  // Taken apart so that write() holds the package and not the grids, which a caller may let go first.
  const { grids, extension, write: writePackage, customPropertiesXml } = await openPackage(bytes, limits, [writeCharts]);
  const markings = customPropertiesXml === undefined ? [] : markingsInProperties(customProperties(customPropertiesXml));
  const marking = workbookMarking(markings);
  return {
    grids: marking ? { ...grids, marking } : grids,
    extension,
    async write(plan) {
      checkFitsExcel(plan);
      return writePackage(plan);
    },
  };
}

/** Builds a new workbook (an export) from a plan whose sheets are all generated. */
export async function createWorkbook(plan: WritePlan): Promise<Uint8Array> {
  checkFitsExcel(plan);
  return createWithExcelJs(plan).then((bytes) => markGeneratedSheets(addCharts(bytes, plan), plan));
}
