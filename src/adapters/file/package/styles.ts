/**
 * styles.xml: reads number formats for the grids and appends the overlays a
 * plan asks for. A style overlay clones the cell's current cell format (xf)
 * and changes only what the style names; fonts, fills, borders and xfs are
 * appended once per distinct combination and reused.
 */
import type { CellStyle, Colour } from '../../../model/plan';
import { builtInFormatId, BUILT_IN_NUMBER_FORMATS, FIRST_CUSTOM_FORMAT_ID } from './number-formats';
import { attrOf, escapeAttr, rootPrefix, withAttr } from './xml';

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

/** The children of one collection element (fonts, fills…) as text, and where the collection sits. */
interface Collection {
  /** Text of each existing child element. */
  items: string[];
  /** Appended by this run. */
  added: string[];
  /** Item text → index, over existing and appended items, so an identical item is reused, never stacked. */
  index: Map<string, number>;
}

const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];

function argb(colour: Colour): string {
  return `FF${colour.replace('#', '').toUpperCase()}`;
}

export class StyleSheet {
  private readonly prefix: string;
  private readonly collections = new Map<string, Collection>();
  private readonly customFormats = new Map<number, string>();
  private readonly addedFormats: { id: number; code: string }[] = [];
  /** Style name → base xf → the overlaid xf. */
  private readonly overlays = new Map<string, Map<number, number>>();

  constructor(private readonly xml: string) {
    this.prefix = rootPrefix(xml);
    for (const name of ['fonts', 'fills', 'borders', 'cellXfs']) {
      const child = { fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' }[name] as string;
      const items = this.children(name, child);
      const index = new Map<string, number>();
      items.forEach((item, i) => {
        if (!index.has(item)) index.set(item, i);
      });
      this.collections.set(name, { items, added: [], index });
    }
    for (const numFmt of this.children('numFmts', 'numFmt')) {
      const id = Number(attrOf(numFmt, 'numFmtId'));
      const code = attrOf(numFmt, 'formatCode');
      if (Number.isInteger(id) && code !== undefined) this.customFormats.set(id, code);
    }
  }

  private section(name: string): RegExpExecArray | null {
    const p = this.prefix;
    return new RegExp(`<${p}${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}${name}>)`).exec(this.xml);
  }

  private children(section: string, child: string): string[] {
    const inner = this.section(section)?.[2] ?? '';
    const p = this.prefix;
    return inner.match(new RegExp(`<${p}${child}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}${child}>)`, 'g')) ?? [];
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
    return [...this.collections.values()].some((c) => c.added.length > 0) || this.addedFormats.length > 0;
  }

  /** The xf index for the cell format `baseXf` with `style` laid over it (cached per pair). */
  overlay(baseXf: number, styleName: string, style: CellStyle): number {
    let byBase = this.overlays.get(styleName);
    if (!byBase) this.overlays.set(styleName, (byBase = new Map()));
    const cached = byBase.get(baseXf);
    if (cached !== undefined) return cached;
    const xfs = this.collection('cellXfs');
    let xf = this.itemAt(xfs, baseXf) ?? this.itemAt(xfs, 0) ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    if (style.fill) {
      const fill = `<${this.prefix}fill><${this.prefix}patternFill patternType="solid"><${this.prefix}fgColor rgb="${argb(style.fill)}"/><${this.prefix}bgColor indexed="64"/></${this.prefix}patternFill></${this.prefix}fill>`;
      xf = withAttr(withAttr(xf, 'fillId', String(this.add('fills', fill))), 'applyFill', '1');
    }
    if (style.fontColour !== undefined || style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined) {
      const fonts = this.collection('fonts');
      const font = this.changedFont(this.itemAt(fonts, Number(attrOf(xf, 'fontId') ?? 0)) ?? this.itemAt(fonts, 0) ?? '<font/>', style);
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
    const known = collection.index.get(item);
    if (known !== undefined) return known;
    const index = collection.items.length + collection.added.length;
    collection.added.push(item);
    collection.index.set(item, index);
    return index;
  }

  private formatId(code: string): number {
    const builtIn = builtInFormatId(code);
    if (builtIn !== undefined) return builtIn;
    for (const [id, existing] of this.customFormats) if (existing === code) return id;
    const id = Math.max(FIRST_CUSTOM_FORMAT_ID - 1, ...this.customFormats.keys()) + 1;
    this.customFormats.set(id, code);
    this.addedFormats.push({ id, code });
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

  /** styles.xml with the appended items and updated counts. */
  toXml(): string {
    let xml = this.xml;
    const p = this.prefix;
    for (const [name, collection] of this.collections) {
      if (collection.added.length === 0) continue;
      xml = appendToSection(xml, p, name, collection.added.join(''), collection.items.length + collection.added.length);
    }
    if (this.addedFormats.length > 0) {
      const added = this.addedFormats.map((f) => `<${p}numFmt numFmtId="${f.id}" formatCode="${escapeAttr(f.code)}"/>`).join('');
      if (new RegExp(`<${p}numFmts\\b`).test(xml)) {
        xml = appendToSection(xml, p, 'numFmts', added, this.customFormats.size);
      } else {
        // numFmts is the styleSheet's first child.
        const at = new RegExp(`<${p}(fonts|fills|borders|cellStyleXfs|cellXfs)\\b`).exec(xml)?.index ?? xml.length;
        xml = `${xml.slice(0, at)}<${p}numFmts count="${this.addedFormats.length}">${added}</${p}numFmts>${xml.slice(at)}`;
      }
    }
    return xml;
  }
}

function setOrDelete(map: Map<string, string>, key: string, value: string | undefined): void {
  if (value === undefined) map.delete(key);
  else map.set(key, value);
}

function appendToSection(xml: string, p: string, name: string, content: string, count: number): string {
  const match = new RegExp(`<${p}${name}\\b([^>]*?)(/>|>([\\s\\S]*?)</${p}${name}>)`).exec(xml);
  if (!match) throw new Error(`styles.xml has no <${name}> element.`);
  const openTag = withAttr(`<${p}${name}${match[1]}>`, 'count', String(count));
  const replacement = `${openTag}${match[3] ?? ''}${content}</${p}${name}>`;
  return xml.slice(0, match.index) + replacement + xml.slice(match.index + match[0].length);
}
