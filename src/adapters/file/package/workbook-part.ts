/**
 * xl/workbook.xml: the sheet list and defined names, read with saxes and
 * patched as text so everything else in the part stays as it was.
 */
import type { DefinedName } from '../../../model/marks';
import { WorkbookReadError, WorkbookWriteError } from '../errors';
import type { PackageParts } from './parts';
import { RELATIONSHIP_TYPES, RELATIONSHIPS_NAMESPACE, readRelationships, resolveTarget, STRICT_RELATIONSHIPS_NAMESPACE } from './relationships';
import { applyEdits, attrOf, escapeAttr, escapeText, parseXml, prefixFor, rootPrefix, type TextEdit, withAttr } from './xml';
import { XmlCursor } from './xml-cursor';

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** The worksheet part, e.g. "xl/worksheets/sheet1.xml"; undefined for chart sheets and the like. */
  part: string | undefined;
  /** Hidden or very hidden: not a tab the user sees. */
  hidden: boolean;
}

/** The workbook part named by the package relationships (normally xl/workbook.xml). */
export function workbookPartOf(parts: PackageParts): string {
  const office = readRelationships(parts, '').find((r) => r.type === RELATIONSHIP_TYPES.officeDocument && !r.external);
  const part = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  if (!parts.has(part)) throw new WorkbookReadError('it has no workbook part; it is not an Excel workbook');
  return part;
}

/** Every <sheet> in tab order, with its worksheet part. */
export function readSheetEntries(parts: PackageParts, workbookPart: string): SheetEntry[] {
  const worksheets = new Map(
    readRelationships(parts, workbookPart)
      .filter((r) => r.type === RELATIONSHIP_TYPES.worksheet && !r.external)
      .map((r) => [r.id, resolveTarget(workbookPart, r.target)]),
  );
  const entries: SheetEntry[] = [];
  parseXml(parts.text(workbookPart) ?? '', workbookPart, {
    open(name, a) {
      if (name !== 'sheet') return;
      const relId = Object.entries(a).find(([key]) => key.endsWith(':id'))?.[1] ?? '';
      const part = worksheets.get(relId);
      const hidden = a.state === 'hidden' || a.state === 'veryHidden';
      entries.push({ name: a.name ?? '', sheetId: Number(a.sheetId), relId, part: part && parts.has(part) ? part : undefined, hidden });
    },
  });
  return entries;
}

/** True when the workbook counts dates from 1904 (older Mac workbooks) rather than 1900. */
export function usesDate1904(parts: PackageParts, workbookPart: string): boolean {
  let date1904 = false;
  parseXml(parts.text(workbookPart) ?? '', workbookPart, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  return date1904;
}

/** The root element's start tag: the only place a namespace declared for the whole part can be. */
function rootStartTag(xml: string): string {
  const cursor = new XmlCursor(xml, 'xl/workbook.xml');
  return cursor.next() ? xml.slice(cursor.start, cursor.end) : '';
}

/** The names scoped to one sheet (print titles, Ragbook's marks…), by the sheet's tab position. */
export function readSheetScopedNames(xml: string, part: string): Map<number, DefinedName[]> {
  const names = new Map<number, DefinedName[]>();
  let open: { name: string; sheet: number; formula: string } | undefined;
  parseXml(xml, part, {
    open(name, a) {
      if (name === 'definedName' && a.localSheetId !== undefined) open = { name: a.name ?? '', sheet: Number(a.localSheetId), formula: '' };
    },
    text(text) {
      if (open) open.formula += text;
    },
    close(name) {
      if (name !== 'definedName' || !open) return;
      names.set(open.sheet, [...(names.get(open.sheet) ?? []), { name: open.name, formula: open.formula }]);
      open = undefined;
    },
  });
  return names;
}

const SHEET_ELEMENT = /<(\w+:)?sheet\b[^>]*?\/>|<(\w+:)?sheet\b[^>]*?>[\s\S]*?<\/(\w+:)?sheet>/g;
const DEFINED_NAME = /<(\w+:)?definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/(\w+:)?definedName>)/g;

/** Edits to workbook.xml, applied to its text. */
export class WorkbookXml {
  private readonly prefix: string;

  constructor(public xml: string) {
    this.prefix = rootPrefix(xml);
  }

  /** Appends a <sheet> entry after the others. */
  addSheet(name: string, sheetId: number, relId: string): void {
    const p = this.prefix;
    // openpyxl declares r: on each <sheet>, not the root: a new sheet must then declare it too.
    const root = rootStartTag(this.xml);
    const namespace = root.includes(STRICT_RELATIONSHIPS_NAMESPACE) ? STRICT_RELATIONSHIPS_NAMESPACE : RELATIONSHIPS_NAMESPACE;
    const r = prefixFor(root, namespace);
    const idAttr = r ? `${r}:id` : `xmlns:r="${namespace}" r:id`;
    const entry = `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${idAttr}="${escapeAttr(relId)}"/>`;
    const closing = new RegExp(`</${p}sheets>`).exec(this.xml);
    if (closing) {
      this.xml = this.xml.slice(0, closing.index) + entry + this.xml.slice(closing.index);
    } else {
      this.xml = this.xml.replace(new RegExp(`<${p}sheets\\s*/>`), `<${p}sheets>${entry}</${p}sheets>`);
    }
  }

  /** Removes the sheet at tab position `index`, dropping its sheet-level names and shifting the others. */
  removeSheet(index: number): void {
    let position = 0;
    this.xml = this.xml.replace(SHEET_ELEMENT, (element) => (position++ === index ? '' : element));
    this.xml = this.xml.replace(DEFINED_NAME, (element) => {
      const local = attrOf(element, 'localSheetId');
      if (local === undefined) return element;
      const id = Number(local);
      if (id === index) return '';
      return id > index ? element.replace(/localSheetId\s*=\s*("[^"]*"|'[^']*')/, `localSheetId="${id - 1}"`) : element;
    });
    this.xml = this.xml.replace(new RegExp(`<${this.prefix}definedNames\\b[^>]*>\\s*</${this.prefix}definedNames>`), '');
    this.keepViewsInRange(index);
  }

  /** After a removal, the active and first visible tab must still name a sheet. */
  private keepViewsInRange(removed: number): void {
    const count = (this.xml.match(SHEET_ELEMENT) ?? []).length;
    this.xml = this.xml.replace(new RegExp(`<${this.prefix}workbookView\\b[^>]*?/?>`, 'g'), (view) => {
      let updated = view;
      for (const attr of ['activeTab', 'firstSheet']) {
        const value = attrOf(updated, attr);
        if (value === undefined) continue;
        let n = Number(value);
        if (n > removed) n--;
        if (n >= count) n = Math.max(0, count - 1);
        updated = withAttr(updated, attr, String(n));
      }
      return updated;
    });
  }

  /**
   * Puts the sheets in a new tab order (`order`: the current positions, in
   * the new order) and opens every window of the workbook on the sheet at new
   * position `active`, its tab in view. What refers to a sheet by position
   * follows it: each sheet-scoped name's localSheetId. Everything else refers
   * to sheets by name.
   */
  arrange(order: readonly number[], active: number): void {
    const positions = new Map(order.map((old, position) => [old, position]));
    const cursor = new XmlCursor(this.xml, 'xl/workbook.xml');
    const sheets: { from: number; to: number }[] = [];
    const edits: TextEdit[] = [];
    const setValue = (attribute: string, value: number) => {
      const at = cursor.valueAt(attribute);
      if (at < 0) edits.push({ from: cursor.afterName, to: cursor.afterName, text: ` ${attribute}="${value}"` });
      else edits.push({ from: at, to: cursor.valueEnd, text: String(value) });
    };
    while (cursor.next()) {
      if (cursor.kind === 'close') continue;
      if (cursor.is('extLst')) {
        cursor.skip();
      } else if (cursor.is('sheet')) {
        const from = cursor.start;
        cursor.skip();
        sheets.push({ from, to: cursor.end });
      } else if (cursor.is('definedName')) {
        const old = cursor.attr('localSheetId');
        const position = old === undefined ? undefined : positions.get(Number(old));
        if (position !== undefined && position !== Number(old)) setValue('localSheetId', position);
      } else if (cursor.is('workbookView')) {
        setValue('activeTab', active);
        // The tab bar scrolled to show the active tab.
        if (cursor.valueAt('firstSheet') >= 0) setValue('firstSheet', Math.min(active, Number(cursor.attr('firstSheet'))));
      }
    }
    if (sheets.length !== order.length || order.some((old) => sheets[old] === undefined) || positions.size !== order.length) {
      throw new Error(`The new tab order names ${order.length} sheets; the workbook has ${sheets.length}.`);
    }
    order.forEach((old, position) => edits.push({ ...sheets[position], text: this.xml.slice(sheets[old].from, sheets[old].to) }));
    this.xml = applyEdits(this.xml, edits);
  }

  /**
   * Sets (or clears, with undefined) a name such as _xlnm.Print_Titles, or a
   * hidden one such as Ragbook's marks, for the sheet at tab position `localSheetId`.
   */
  setSheetName(name: string, localSheetId: number, formula: string | undefined, hidden = false): void {
    const p = this.prefix;
    this.xml = this.xml.replace(DEFINED_NAME, (element) =>
      attrOf(element, 'name')?.toLowerCase() === name.toLowerCase() && attrOf(element, 'localSheetId') === String(localSheetId) ? '' : element,
    );
    if (formula !== undefined) {
      const entry = `<${p}definedName name="${name}"${hidden ? ' hidden="1"' : ''} localSheetId="${localSheetId}">${escapeText(formula)}</${p}definedName>`;
      this.xml = this.xml.replace(new RegExp(`<${p}definedNames\\s*/>`), `<${p}definedNames></${p}definedNames>`);
      const closing = new RegExp(`</${p}definedNames>`).exec(this.xml);
      if (closing) {
        this.xml = this.xml.slice(0, closing.index) + entry + this.xml.slice(closing.index);
      } else {
        // definedNames follows sheets, functionGroups and externalReferences, the last of them present.
        const after = ['externalReferences', 'functionGroups', 'sheets'].map((name) => new RegExp(`</${p}${name}>`).exec(this.xml)).find((m) => m !== null);
        if (!after) throw new WorkbookWriteError('the workbook part has no <sheets> element; open the file in Excel and save it again');
        const at = after.index + after[0].length;
        this.xml = `${this.xml.slice(0, at)}<${p}definedNames>${entry}</${p}definedNames>${this.xml.slice(at)}`;
      }
    }
    this.xml = this.xml.replace(new RegExp(`<${p}definedNames\\b[^>]*>\\s*</${p}definedNames>`), '');
  }
}
