/**
 * styles.xml: reads number formats for the grids and appends the overlays a
 * plan asks for. A style overlay clones the cell's current cell format (xf)
 * and changes only what the style names; fonts, fills, borders and xfs are
 * appended once per distinct combination and reused.
 */
import type { CellStyle, Colour } from '../../../model/plan';
import { builtInFormatId, BUILT_IN_NUMBER_FORMATS, FIRST_CUSTOM_FORMAT_ID } from './number-formats';
import { WorkbookReadError } from '../errors';
import { attrOf, escapeAttr, rootPrefix, withAttr } from './xml';
import { XmlCursor } from './xml-cursor';

/** What the file-format writes for the plan's thin border colour. */
const BORDER_COLOUR = 'FFBFBFBF';

export const MINIMAL_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** A collection element (fonts, fills…): where it sits in the text and what it holds. */
interface Collection {
  /** Where its start tag begins and ends, and where its end tag begins and ends; undefined when the part has none. */
  at?: { start: number; openEnd: number; closeStart: number; end: number };
  /**
   * Each existing item's element text. An mc:AlternateContent counts as one
   * item, read as its Fallback (or its first Choice) element.
   */
  items: string[];
  /** Appended by this run. */
  added: string[];
  /** Item text → index, over existing and appended items, so an identical item is reused, never stacked. */
  index: Map<string, number>;
}

const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];

/** The styleSheet's children in schema order; a missing collection is created in its place. */
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const ITEM_OF: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellStyleXfs: 'xf', cellXfs: 'xf' };

/** What a collection must hold first when Ragbook creates it: the entries unstyled cells already mean by index 0 (and fill 1). */
const DEFAULT_ITEMS: Record<string, string[]> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

function argb(colour: Colour): string {
  return `FF${colour.replace('#', '').toUpperCase()}`;
}

/** Adds the prefix to every element name of a default item. */
function prefixed(item: string, p: string): string {
  return p ? item.replace(/<(\/?)([A-Za-z])/g, `<$1${p}$2`) : item;
}

export class StyleSheet {
  private readonly prefix: string;
  private readonly collections = new Map<string, Collection>();
  private readonly customFormats = new Map<number, string>();
  /** Where the root's end tag starts: a missing collection with nothing after it goes there. */
  private rootClose = -1;
  /** Where each of the root's children starts (the first of a name). */
  private readonly childStarts = new Map<string, number>();
  /** Style name → base xf → the overlaid xf. */
  private readonly overlays = new Map<string, Map<number, number>>();

  constructor(
    private readonly xml: string,
    part = 'xl/styles.xml',
  ) {
    this.prefix = rootPrefix(xml);
    for (const name of Object.keys(ITEM_OF)) this.collections.set(name, { items: [], added: [], index: new Map() });
    this.read(new XmlCursor(xml, part));
    for (const collection of this.collections.values()) {
      collection.items.forEach((item, i) => {
        if (!collection.index.has(item)) collection.index.set(item, i);
      });
    }
    for (const numFmt of this.collection('numFmts').items) {
      const id = Number(attrOf(numFmt, 'numFmtId'));
      const code = attrOf(numFmt, 'formatCode');
      if (Number.isInteger(id) && code !== undefined) this.customFormats.set(id, code);
    }
  }

  /** Finds each collection among the root's children, and its items. */
  private read(cursor: XmlCursor): void {
    if (!cursor.next() || cursor.kind !== 'open') return;
    const root = cursor.name();
    while (cursor.child(root)) {
      if (!this.childStarts.has(cursor.name())) this.childStarts.set(cursor.name(), cursor.start);
      const collection = this.collections.get(cursor.name());
      if (!collection || collection.at) {
        cursor.skip();
        continue;
      }
      const start = cursor.start;
      const openEnd = cursor.end;
      const selfClosed = !cursor.hasContent();
      if (!selfClosed) {
        const parent = cursor.name();
        while (cursor.child(parent)) {
          const item = this.readItem(cursor);
          if (item !== undefined) collection.items.push(item);
        }
      }
      collection.at = { start, openEnd, closeStart: selfClosed ? cursor.end : cursor.start, end: cursor.end };
    }
    this.rootClose = cursor.start;
  }

  /** One item of a collection, the cursor on its start tag; leaves the cursor past it. */
  private readItem(cursor: XmlCursor): string | undefined {
    const start = cursor.start;
    if (!cursor.is('AlternateContent')) {
      cursor.skip();
      return this.xml.slice(start, cursor.end);
    }
    let choice: string | undefined;
    let fallback: string | undefined;
    if (cursor.hasContent()) {
      while (cursor.child('AlternateContent')) {
        const isFallback = cursor.is('Fallback');
        if (!cursor.hasContent()) continue;
        const branch = cursor.name();
        while (cursor.child(branch)) {
          const at = cursor.start;
          cursor.skip();
          if (isFallback) fallback ??= this.xml.slice(at, cursor.end);
          else choice ??= this.xml.slice(at, cursor.end);
        }
      }
    }
    return fallback ?? choice ?? '';
  }

  private collection(name: string): Collection {
    return this.collections.get(name) as Collection;
  }

  /** The number format code of a cell format; undefined for General. */
  numberFormatOf(xfIndex: number): string | undefined {
    const xf = this.collection('cellXfs').items[xfIndex];
    if (xf === undefined) return undefined;
    const id = Number(attrOf(xf, 'numFmtId') ?? 0);
    const code = this.customFormats.get(id) ?? BUILT_IN_NUMBER_FORMATS[id];
    return code === undefined || code === 'General' ? undefined : code;
  }

  /** True when overlays added anything, so styles.xml must be rewritten. */
  get changed(): boolean {
    return [...this.collections.values()].some((c) => c.added.length > 0);
  }

  /** Shared (frozen) style lists → base xf → the xf with the whole list laid over it: one look-up per cell, not two per style. */
  private readonly listOverlays = new Map<readonly string[], number[]>();

  /** The xf index for the cell format `baseXf` with the named styles laid over it in order. */
  layered(baseXf: number, names: readonly string[], styles: Record<string, CellStyle>): number {
    const shared = Object.isFrozen(names);
    let byBase = shared ? this.listOverlays.get(names) : undefined;
    const cached = byBase?.[baseXf];
    if (cached !== undefined) return cached;
    let xf = baseXf;
    for (let i = 0; i < names.length; i++) xf = this.overlay(xf, names[i], styles[names[i]]);
    if (shared) {
      if (!byBase) this.listOverlays.set(names, (byBase = []));
      byBase[baseXf] = xf;
    }
    return xf;
  }

  /** The xf index for the cell format `baseXf` with `style` laid over it (cached per pair). */
  overlay(baseXf: number, styleName: string, style: CellStyle): number {
    let byBase = this.overlays.get(styleName);
    if (!byBase) this.overlays.set(styleName, (byBase = new Map()));
    const cached = byBase.get(baseXf);
    if (cached !== undefined) return cached;
    const xfs = this.collection('cellXfs');
    let xf = this.itemAt(xfs, baseXf) ?? this.itemAt(xfs, 0) ?? prefixed(DEFAULT_ITEMS.cellXfs[0], this.prefix);
    if (style.fill) {
      const fill = `<${this.prefix}fill><${this.prefix}patternFill patternType="solid"><${this.prefix}fgColor rgb="${argb(style.fill)}"/><${this.prefix}bgColor indexed="64"/></${this.prefix}patternFill></${this.prefix}fill>`;
      xf = withAttr(withAttr(xf, 'fillId', String(this.add('fills', fill))), 'applyFill', '1');
    }
    if (style.fontColour !== undefined || style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined) {
      const fonts = this.collection('fonts');
      const font = this.changedFont(this.itemAt(fonts, Number(attrOf(xf, 'fontId') ?? 0)) ?? this.itemAt(fonts, 0) ?? prefixed(DEFAULT_ITEMS.fonts[0], this.prefix), style);
      xf = withAttr(withAttr(xf, 'fontId', String(this.add('fonts', font))), 'applyFont', '1');
    }
    if (style.numberFormat !== undefined) {
      xf = withAttr(withAttr(xf, 'numFmtId', String(this.formatId(style.numberFormat))), 'applyNumberFormat', '1');
    }
    if (style.border) {
      const p = this.prefix;
      const side = (name: string) => `<${p}${name} style="thin"><${p}color rgb="${BORDER_COLOUR}"/></${p}${name}>`;
      const border = `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`;
      xf = withAttr(withAttr(xf, 'borderId', String(this.add('borders', border))), 'applyBorder', '1');
    }
    if (style.wrap !== undefined || style.horizontal !== undefined || style.vertical !== undefined) {
      xf = this.withAlignment(xf, style);
    }
    const index = this.add('cellXfs', xf);
    byBase.set(baseXf, index);
    return index;
  }

  private itemAt(collection: Collection, index: number): string | undefined {
    return index < collection.items.length ? collection.items[index] : collection.added[index - collection.items.length];
  }

  /** Appends an item unless the same one is already there; returns its index. */
  private add(name: string, item: string): number {
    const collection = this.collection(name);
    if (collection.items.length === 0 && collection.added.length === 0) this.seed(name);
    const known = collection.index.get(item);
    if (known !== undefined) return known;
    const index = collection.items.length + collection.added.length;
    collection.added.push(item);
    collection.index.set(item, index);
    return index;
  }

  /**
   * A collection the part lacks (or has empty) starts with the defaults, so
   * the index 0 that unstyled cells and existing formats mean stays what it was.
   */
  private seed(name: string): void {
    const collection = this.collection(name);
    for (const item of DEFAULT_ITEMS[name] ?? []) {
      const text = prefixed(item, this.prefix);
      collection.index.set(text, collection.added.length);
      collection.added.push(text);
    }
    // A cell format's xfId names a cell style format, which must then exist too.
    if (name === 'cellXfs' && this.collection('cellStyleXfs').items.length === 0 && this.collection('cellStyleXfs').added.length === 0) this.seed('cellStyleXfs');
  }

  private formatId(code: string): number {
    const builtIn = builtInFormatId(code);
    if (builtIn !== undefined) return builtIn;
    for (const [id, existing] of this.customFormats) if (existing === code) return id;
    const id = Math.max(FIRST_CUSTOM_FORMAT_ID - 1, ...this.customFormats.keys()) + 1;
    this.customFormats.set(id, code);
    this.add('numFmts', `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private changedFont(font: string, style: CellStyle): string {
    const p = this.prefix;
    const children = new Map<string, string>();
    for (const element of font.match(/<[\w.-]+:?[\w.-]*\b[^>]*?\/>/g) ?? []) {
      const name = /<(?:[\w.-]+:)?([\w.-]+)/.exec(element)?.[1] ?? '';
      if (name !== 'font') children.set(name, element);
    }
    if (style.bold !== undefined) setOrDelete(children, 'b', style.bold ? `<${p}b/>` : undefined);
    if (style.italic !== undefined) setOrDelete(children, 'i', style.italic ? `<${p}i/>` : undefined);
    if (style.fontSize !== undefined) children.set('sz', `<${p}sz val="${style.fontSize}"/>`);
    if (style.fontColour !== undefined) children.set('color', `<${p}color rgb="${argb(style.fontColour)}"/>`);
    const ordered = [...FONT_ORDER.filter((n) => children.has(n)), ...[...children.keys()].filter((n) => !FONT_ORDER.includes(n))];
    return `<${p}font>${ordered.map((n) => children.get(n)).join('')}</${p}font>`;
  }

  private withAlignment(xf: string, style: CellStyle): string {
    const p = this.prefix;
    const existing = new RegExp(`<${p}alignment\\b[^>]*?/>`).exec(xf)?.[0];
    let alignment = existing ?? `<${p}alignment/>`;
    if (style.horizontal !== undefined) alignment = withAttr(alignment, 'horizontal', style.horizontal);
    if (style.vertical !== undefined) alignment = withAttr(alignment, 'vertical', style.vertical === 'middle' ? 'center' : style.vertical);
    if (style.wrap !== undefined) alignment = withAttr(alignment, 'wrapText', style.wrap ? '1' : '0');
    let updated: string;
    if (existing !== undefined) {
      updated = xf.replace(existing, alignment);
    } else if (xf.endsWith('/>')) {
      updated = `${xf.slice(0, -2)}>${alignment}</${p}xf>`;
    } else {
      // alignment comes first among an xf's children.
      const openEnd = xf.indexOf('>') + 1;
      updated = xf.slice(0, openEnd) + alignment + xf.slice(openEnd);
    }
    return withAttr(updated, 'applyAlignment', '1');
  }

  /** styles.xml with the appended items and updated counts; every other byte as it was. */
  toXml(): string {
    const p = this.prefix;
    const edits: { at: number; end: number; order: number; text: string }[] = [];
    for (const [name, collection] of this.collections) {
      if (collection.added.length === 0) continue;
      const count = String(collection.items.length + collection.added.length);
      const added = collection.added.join('');
      const at = collection.at;
      if (at) {
        const openTag = this.xml.slice(at.start, at.openEnd);
        const selfClosed = at.closeStart === at.end;
        const open = withAttr(selfClosed ? `${openTag.slice(0, -2).trimEnd()}>` : openTag, 'count', count);
        const inner = selfClosed ? '' : this.xml.slice(at.openEnd, at.closeStart);
        edits.push({ at: at.start, end: at.end, order: 0, text: `${open}${inner}${added}</${p}${name}>` });
      } else {
        const point = this.insertionPoint(name);
        edits.push({ at: point, end: point, order: SECTION_ORDER.indexOf(name), text: `<${p}${name} count="${count}">${added}</${p}${name}>` });
      }
    }
    let xml = this.xml;
    // From the end backwards, so earlier positions stay right. At one position the collection
    // there is rewritten first; new ones are then inserted before it, the last in schema order first.
    edits.sort((a, b) => b.at - a.at || b.end - b.at - (a.end - a.at) || b.order - a.order);
    for (const edit of edits) xml = xml.slice(0, edit.at) + edit.text + xml.slice(edit.end);
    return xml;
  }

  /** Where a collection the part lacks goes: before the first later child in schema order that it has. */
  private insertionPoint(name: string): number {
    const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1)
      .map((n) => this.childStarts.get(n))
      .filter((at): at is number => at !== undefined);
    if (later.length > 0) return Math.min(...later);
    if (this.rootClose < 0) throw new WorkbookReadError('the part xl/styles.xml has no <styleSheet> element to add cell formats to; open the file in Excel and save it again');
    return this.rootClose;
  }
}

function setOrDelete(map: Map<string, string>, key: string, value: string | undefined): void {
  if (value === undefined) map.delete(key);
  else map.set(key, value);
}
