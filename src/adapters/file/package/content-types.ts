/** [Content_Types].xml: which content type each part has. */
import type { PackageParts } from './parts';
import { insertBeforeClosing } from './relationships';
import { attrOf, escapeAttr, parseXml } from './xml';

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

/** Adds or replaces the Override for a part. */
export function setOverride(parts: PackageParts, part: string, contentType: string): void {
  const xml = removeOverrideFrom(parts.text(CONTENT_TYPES_PART) ?? '', part);
  parts.set(CONTENT_TYPES_PART, insertBeforeClosing(xml, 'Types', `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`));
}

export function removeOverride(parts: PackageParts, part: string): void {
  const xml = parts.text(CONTENT_TYPES_PART);
  if (xml === undefined) return;
  const updated = removeOverrideFrom(xml, part);
  if (updated !== xml) parts.set(CONTENT_TYPES_PART, updated);
}

function removeOverrideFrom(xml: string, part: string): string {
  const wanted = part.replace(/^\//, '').toLowerCase();
  return xml.replace(/<(\w+:)?Override\b[^>]*?(\/>|>\s*<\/(\w+:)?Override>)/g, (element) =>
    (attrOf(element, 'PartName') ?? '').replace(/^\//, '').toLowerCase() === wanted ? '' : element,
  );
}
