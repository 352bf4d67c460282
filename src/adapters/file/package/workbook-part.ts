/**
 * xl/workbook.xml: the sheet list and defined names, read with saxes and
 * patched as text so everything else in the part stays as it was.
 */
import type { DefinedName } from '../../../model/marks';
import { WorkbookReadError, WorkbookWriteError } from '../errors';
import type { PackageParts } from './parts';
import { RELATIONSHIP_TYPES, RELATIONSHIPS_NAMESPACE, readRelationships, resolveTarget, STRICT_RELATIONSHIPS_NAMESPACE } from './relationships';
import { applyEdits, escapeAttr, escapeText, parseXml, prefixFor, rootPrefix, type TextEdit } from './xml';
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

interface Span {
  from: number;
  to: number;
}

/** An element with content: where its end tag starts (undefined for an empty element such as <definedNames/>). */
interface Container extends Span {
  closeStart?: number;
}

interface NameEntry extends Span {
  name: string;
  /** localSheetId, and where its value lies; undefined for a workbook-level name. */
  local?: { sheet: number; value: Span };
}

interface ViewEntry {
  afterName: number;
  activeTab?: { value: number; at: Span };
  firstSheet?: { value: number; at: Span };
}

/** Where the parts of workbook.xml that name sheets lie, found by the tokenizer. */
interface WorkbookLayout {
  sheets?: Container;
  sheetList: Span[];
  definedNames?: Container;
  names: NameEntry[];
  views: ViewEntry[];
  /** Just past </sheets>, </functionGroups> or </externalReferences>, the last present: where <definedNames> goes when there is none. */
  namesAt?: number;
}

function readLayout(xml: string): WorkbookLayout {
  const cursor = new XmlCursor(xml, 'xl/workbook.xml');
  const layout: WorkbookLayout = { sheetList: [], names: [], views: [] };
  const container = (): Container => {
    const from = cursor.start;
    if (!cursor.hasContent()) return { from, to: cursor.end };
    const closeStart = cursor.closingTag();
    return { from, to: cursor.closeEnd, closeStart };
  };
  const valueOf = (attribute: string) => {
    const at = cursor.valueAt(attribute);
    return at < 0 ? undefined : { value: Number(xml.slice(at, cursor.valueEnd)), at: { from: at, to: cursor.valueEnd } };
  };
  while (cursor.next()) {
    if (cursor.kind === 'close') {
      if (cursor.is('sheets') || cursor.is('functionGroups') || cursor.is('externalReferences')) layout.namesAt = cursor.end;
      continue;
    }
    if (cursor.is('extLst')) {
      cursor.skip();
    } else if (cursor.is('sheets')) {
      layout.sheets = container();
      if (!cursor.hasContent()) layout.namesAt = cursor.end;
    } else if (cursor.is('functionGroups') || cursor.is('externalReferences')) {
      if (!cursor.hasContent()) layout.namesAt = cursor.end;
    } else if (cursor.is('definedNames')) {
      layout.definedNames = container();
    } else if (cursor.is('sheet')) {
      const from = cursor.start;
      cursor.skip();
      layout.sheetList.push({ from, to: cursor.end });
    } else if (cursor.is('definedName')) {
      const name = cursor.attr('name') ?? '';
      const local = valueOf('localSheetId');
      const from = cursor.start;
      cursor.skip();
      layout.names.push({ from, to: cursor.end, name, ...(local ? { local: { sheet: local.value, value: local.at } } : {}) });
    } else if (cursor.is('workbookView')) {
      const activeTab = valueOf('activeTab');
      const firstSheet = valueOf('firstSheet');
      layout.views.push({ afterName: cursor.afterName, ...(activeTab ? { activeTab } : {}), ...(firstSheet ? { firstSheet } : {}) });
    }
  }
  return layout;
}

/** Edits to workbook.xml, placed where the tokenizer found each element; the rest of the text stays as it was. */
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
    const { sheets } = readLayout(this.xml);
    if (!sheets) throw new WorkbookWriteError('the workbook part has no <sheets> element; open the file in Excel and save it again');
    this.xml = applyEdits(this.xml, [
      sheets.closeStart === undefined ? { ...sheets, text: `<${p}sheets>${entry}</${p}sheets>` } : { from: sheets.closeStart, to: sheets.closeStart, text: entry },
    ]);
  }

  /** Removes the sheet at tab position `index`, dropping its sheet-level names and shifting the others. */
  removeSheet(index: number): void {
    const layout = readLayout(this.xml);
    const edits: TextEdit[] = [{ ...layout.sheetList[index], text: '' }];
    edits.push(...this.namesEdits(layout, (local) => (local === index ? undefined : local > index ? local - 1 : local)));
    // The active and first visible tab must still name a sheet.
    const last = Math.max(0, layout.sheetList.length - 2);
    for (const view of layout.views) {
      for (const setting of [view.activeTab, view.firstSheet]) {
        if (!setting) continue;
        const position = Math.min(setting.value > index ? setting.value - 1 : setting.value, last);
        if (position !== setting.value) edits.push({ ...setting.at, text: String(position) });
      }
    }
    this.xml = applyEdits(this.xml, edits);
  }

  /**
   * Edits that renumber each sheet-scoped name (`position` gives its new
   * sheet, or undefined to drop it); the emptied <definedNames> goes too.
   */
  private namesEdits(layout: WorkbookLayout, position: (local: number) => number | undefined): TextEdit[] {
    const edits: TextEdit[] = [];
    let dropped = 0;
    for (const entry of layout.names) {
      if (!entry.local) continue;
      const moved = position(entry.local.sheet);
      if (moved === undefined) {
        edits.push({ from: entry.from, to: entry.to, text: '' });
        dropped++;
      } else if (moved !== entry.local.sheet) edits.push({ ...entry.local.value, text: String(moved) });
    }
    if (dropped > 0 && dropped === layout.names.length && layout.definedNames) return [{ ...layout.definedNames, text: '' }];
    return edits;
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
    const layout = readLayout(this.xml);
    const wanted = name.toLowerCase();
    const earlier = layout.names.filter((n) => n.name.toLowerCase() === wanted && n.local?.sheet === localSheetId);
    const edits: TextEdit[] = earlier.map((n) => ({ from: n.from, to: n.to, text: '' }));
    const names = layout.definedNames;
    if (formula !== undefined) {
      const entry = `<${p}definedName name="${name}"${hidden ? ' hidden="1"' : ''} localSheetId="${localSheetId}">${escapeText(formula)}</${p}definedName>`;
      if (names?.closeStart !== undefined) edits.push({ from: names.closeStart, to: names.closeStart, text: entry });
      else if (names) edits.push({ ...names, text: `<${p}definedNames>${entry}</${p}definedNames>` });
      else if (layout.namesAt !== undefined) edits.push({ from: layout.namesAt, to: layout.namesAt, text: `<${p}definedNames>${entry}</${p}definedNames>` });
      else throw new WorkbookWriteError('the workbook part has no <sheets> element; open the file in Excel and save it again');
    } else if (names && earlier.length > 0 && earlier.length === layout.names.length) {
      // The last name gone: the emptied <definedNames> goes too.
      this.xml = applyEdits(this.xml, [{ ...names, text: '' }]);
      return;
    }
    this.xml = applyEdits(this.xml, edits);
  }
}
