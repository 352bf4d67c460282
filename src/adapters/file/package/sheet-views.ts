/**
 * Which tabs are selected when the workbook opens: each sheet's views say so
 * with tabSelected. Only the active sheet may carry it, or Excel opens with
 * the tabs grouped and an edit lands on every selected sheet.
 */
import { type TextEdit, applyEdits } from './xml';
import { XmlCursor } from './xml-cursor';

/**
 * The worksheet or chartsheet part with every one of its sheet views
 * selected or not; the same text when they already are.
 */
export function withTabSelected(xml: string, part: string, selected: boolean): string {
  const cursor = new XmlCursor(xml, part);
  const edits: TextEdit[] = [];
  while (cursor.next()) {
    // The views come before the cells: stop at their end, or at the cells of a sheet without views.
    if ((cursor.kind === 'close' && cursor.is('sheetViews')) || cursor.is('sheetData')) break;
    if (cursor.kind === 'close' || !cursor.is('sheetView')) continue;
    const at = cursor.valueAt('tabSelected');
    const isSelected = at >= 0 && ['1', 'true'].includes(xml.slice(at, cursor.valueEnd).trim());
    if (isSelected === selected) continue;
    if (selected) {
      edits.push(at < 0 ? { from: cursor.afterName, to: cursor.afterName, text: ' tabSelected="1"' } : { from: at, to: cursor.valueEnd, text: '1' });
    } else {
      let from = cursor.attributeStart;
      while (from > cursor.afterName && /\s/.test(xml[from - 1])) from--;
      edits.push({ from, to: cursor.valueEnd + 1, text: '' });
    }
  }
  return applyEdits(xml, edits);
}
