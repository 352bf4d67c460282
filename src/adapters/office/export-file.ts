/**
 * Exports (reports whose target is a new workbook) are built in the pane with
 * the file adapter and opened with `Excel.createWorkbook`. The file adapter
 * brings exceljs, which is large, so it is loaded only when an export needs it.
 */
import type { WritePlan } from '../../model/plan';
import { ExportTooLargeError } from './errors';

/** Excel on the web refuses requests over 5 MB; the base64 text is what is sent. */
export const CREATE_WORKBOOK_LIMIT = 5 * 1024 * 1024;

/** The limit on Excel.createWorkbook's file where Office runs (`Office.context.platform`): only Excel on the web has one. */
export function createWorkbookLimit(platform: Office.PlatformType | string | undefined): number | undefined {
  return platform === 'OfficeOnline' ? CREATE_WORKBOOK_LIMIT : undefined;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/** The file as base64, ready for Excel.createWorkbook; ExportTooLargeError past the limit, when there is one. */
export function exportPayload(bytes: Uint8Array, limit: number | undefined): string {
  const base64 = toBase64(bytes);
  if (limit !== undefined && base64.length > limit) throw new ExportTooLargeError(base64.length, limit);
  return base64;
}

/** The export's .xlsx bytes (kept by the pane, so "Prepare email" can attach them). */
export async function buildExportFile(plan: WritePlan): Promise<Uint8Array> {
  // ".js": how an ECMAScript import names a TypeScript module; webpack maps it back (resolve.extensionAlias).
  const { createWorkbook } = await import(/* webpackChunkName: "export" */ '../file/index.js');
  return createWorkbook(plan);
}
