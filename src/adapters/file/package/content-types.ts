/** [Content_Types].xml: which content type each part has. */
import type { PackageParts } from './parts';
import { insertBeforeClosing } from './relationships';
import { attrOf, escapeAttr, parseXml } from './xml';
import { XmlCursor } from './xml-cursor';

export const CONTENT_TYPES_PART = '[Content_Types].xml';

export const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
} as const;

export interface ContentTypes {
  defaults: Map<string, string>;
  /** Part path without the leading slash, lower-cased → content type. */
  overrides: Map<string, string>;
}

export function readContentTypes(parts: PackageParts): ContentTypes {
  const types: ContentTypes = { defaults: new Map(), overrides: new Map() };
  const xml = parts.text(CONTENT_TYPES_PART);
  if (xml === undefined) return types;
  parseXml(xml, CONTENT_TYPES_PART, {
    open(name, a) {
      if (name === 'Default' && a.Extension) types.defaults.set(a.Extension.toLowerCase(), a.ContentType ?? '');
      if (name === 'Override' && a.PartName) types.overrides.set(a.PartName.replace(/^\//, '').toLowerCase(), a.ContentType ?? '');
    },
  });
  return types;
}

export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const override = types.overrides.get(part.toLowerCase());
  if (override !== undefined) return override;
  const dot = part.lastIndexOf('.');
  return dot < 0 ? undefined : types.defaults.get(part.slice(dot + 1).toLowerCase());
}

const RELATIONSHIPS_CONTENT_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';

/**
 * Gives every relationships part a content type. Excel and LibreOffice type
 * them with a Default for "rels"; POI- and some LibreOffice-written packages
 * have only an Override for each existing one, so a new one would have none.
 */
export function typeNewRelationshipParts(parts: PackageParts): void {
  const untyped = () => {
    const types = readContentTypes(parts);
    return parts.paths().filter((p) => p.toLowerCase().endsWith('.rels') && contentTypeOf(types, p) === undefined);
  };
  if (untyped().length === 0) return;
  const xml = parts.text(CONTENT_TYPES_PART) ?? '';
  // Defaults come before Overrides: after the last Default, or first in <Types>.
  const cursor = new XmlCursor(xml, CONTENT_TYPES_PART);
  if (!cursor.next() || !cursor.hasContent()) throw cursor.damaged('it has no <Types> element');
  const prefix = xml.slice(cursor.start + 1, cursor.afterName - 'Types'.length);
  let at = cursor.end;
  while (cursor.child('Types')) {
    const isDefault = cursor.is('Default');
    cursor.skip();
    if (isDefault) at = cursor.end;
  }
  const entry = `<${prefix}Default Extension="rels" ContentType="${RELATIONSHIPS_CONTENT_TYPE}"/>`;
  parts.set(CONTENT_TYPES_PART, xml.slice(0, at) + entry + xml.slice(at));
}

/** Adds or replaces the Override for a part. */
export function setOverride(parts: PackageParts, part: string, contentType: string): void {
  addOverrides(parts, [part], contentType);
}

/** Adds or replaces the Overrides for new parts of one content type, in one edit (a sheet may hold thousands of charts). */
export function addOverrides(parts: PackageParts, newParts: readonly string[], contentType: string): void {
  if (newParts.length === 0) return;
  const xml = removeOverridesFrom(parts.text(CONTENT_TYPES_PART) ?? '', new Set(newParts.map(normalPartName)));
  const entries = newParts.map((part) => `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`).join('');
  parts.set(CONTENT_TYPES_PART, insertBeforeClosing(xml, 'Types', entries, CONTENT_TYPES_PART));
}

function normalPartName(part: string): string {
  return part.replace(/^\//, '').toLowerCase();
}

export function removeOverride(parts: PackageParts, part: string): void {
  const xml = parts.text(CONTENT_TYPES_PART);
  if (xml === undefined) return;
  const updated = removeOverrideFrom(xml, part);
  if (updated !== xml) parts.set(CONTENT_TYPES_PART, updated);
}

function removeOverrideFrom(xml: string, part: string): string {
  return removeOverridesFrom(xml, new Set([normalPartName(part)]));
}

function removeOverridesFrom(xml: string, wanted: ReadonlySet<string>): string {
  return xml.replace(/<(\w+:)?Override\b[^>]*?(\/>|>\s*<\/(\w+:)?Override>)/g, (element) =>
    wanted.has(normalPartName(attrOf(element, 'PartName') ?? '')) ? '' : element,
  );
}
