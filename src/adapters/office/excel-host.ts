/**
 * The only module that calls `Excel.run` (and the other Excel globals). Every
 * other function of this adapter takes the request context, so it can be
 * tested against the simulated host.
 */
import type { WorkbookGrids } from '../../model/grid';
import type { WritePlan } from '../../model/plan';
import { explainExcelError } from './errors';
import { readDocumentFile, workbookBaseName } from './document-file';
import { buildExportFile, createWorkbookLimit, exportPayload } from './export-file';
import { readGrids } from './read-grids';
import { selectCell } from './select';
import { readSetting, writeSetting } from './settings';
import { writePlan } from './write-plan';

/** The open workbook, as the task pane sees it: plain data in and out, no Office objects. */
export interface LiveWorkbook {
  read(): Promise<WorkbookGrids>;
  /** Executes the plan on the open workbook (fills, added columns, Ragbook's own sheets). */
  write(plan: WritePlan): Promise<void>;
  /** Builds a new workbook from the plan and opens it in Excel; ExportTooLargeError past Excel on the web's limit. Returns the file. */
  openAsNewWorkbook(plan: WritePlan): Promise<Uint8Array>;
  /** The workbook's file name without ".xlsx", when it has been saved. */
  baseName(): string | undefined;
  /** True when this Excel can give a copy of the open workbook as an .xlsx file (CompressedFile). */
  canCopyWorkbook(): boolean;
  /** The open workbook as an .xlsx file, as Excel last saved it with any edits since. */
  copyOfWorkbook(): Promise<Uint8Array>;
  /** False where Office lets no add-in save a file (Excel on Mac and iPad). */
  canDownload(): boolean;
  select(sheet: string, cell: string): Promise<void>;
  readSetting<T>(key: string): Promise<T | undefined>;
  writeSetting(key: string, value: unknown): Promise<void>;
}

/** One batch against the workbook; Excel's refusals come back in plain words. */
async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (error) {
    throw explainExcelError(error);
  }
}

export function connectToExcel(): LiveWorkbook {
  return {
    read: () => run((context) => readGrids(context)),
    write: (plan) => run((context) => writePlan(context, plan)),
    openAsNewWorkbook: async (plan) => {
      const bytes = await buildExportFile(plan);
      try {
        await Excel.createWorkbook(exportPayload(bytes, createWorkbookLimit(Office.context.platform)));
      } catch (error) {
        throw explainExcelError(error);
      }
      return bytes;
    },
    baseName: () => workbookBaseName(Office.context.document.url),
    canCopyWorkbook: () => Office.context.requirements.isSetSupported('CompressedFile', '1.1'),
    copyOfWorkbook: () => readDocumentFile(Office.context.document, { compressed: Office.FileType.Compressed, succeeded: Office.AsyncResultStatus.Succeeded }),
    // Office's Mac and iPad web views ignore downloads from add-ins (OfficeDev/office-js#2700, "by design").
    canDownload: () => Office.context.platform !== Office.PlatformType.Mac && Office.context.platform !== Office.PlatformType.iOS,
    select: (sheet, cell) => run((context) => selectCell(context, sheet, cell)),
    readSetting: <T>(key: string) => run((context) => readSetting<T>(context, key)),
    writeSetting: (key, value) => run((context) => writeSetting(context, key, value)),
  };
}

/** Resolves when Office has loaded the add-in (the pane renders only then). */
export async function whenOfficeReady(): Promise<void> {
  await Office.onReady();
}

/** True when Office shows a dark theme, so the pane can match it. */
export function officeThemeIsDark(): boolean {
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? '');
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** Why this Excel cannot run Ragbook (too old for the APIs it needs), or undefined when it can. */
export function unsupportedHostMessage(): string | undefined {
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.9')) return undefined;
  return 'Ragbook needs Excel for Microsoft 365, Excel 2021 or later, or Excel on the web. This version of Excel is too old for it.';
}
