/**
 * Bench workbooks: many measures over twelve quarters, in the wide layout
 * (one row per measure) and the long layout (one row per observation), with
 * the sample's header wordings. Deterministic: the same size gives the same file.
 */
import ExcelJS from 'exceljs';
import { benchMeasures, LONG_HEADERS, QUARTERS, WIDE_HEADERS } from './measures';

async function stream(file: string, headers: string[], rows: () => Generator<(string | number)[]>): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = writer.addWorksheet('Measures');
  sheet.addRow(headers).commit();
  for (const row of rows()) sheet.addRow(row).commit();
  sheet.commit();
  await writer.commit();
}

export function writeWideWorkbook(file: string, measures: number): Promise<void> {
  return stream(file, WIDE_HEADERS, function* () {
    for (const m of benchMeasures(measures)) yield [...m.fixed, ...m.actuals];
  });
}

export function writeLongWorkbook(file: string, measures: number): Promise<void> {
  return stream(file, LONG_HEADERS, function* () {
    for (const m of benchMeasures(measures)) {
      const [id, name, , , polarity, target, tolerance] = m.fixed;
      for (let q = 0; q < QUARTERS.length; q++) yield [id, name, QUARTERS[q], m.actuals[q], target, polarity, tolerance];
    }
  });
}
