/** Package relationships (the _rels parts): read, resolve, add and remove. */
import { WorkbookWriteError } from '../errors';
import type { PackageParts } from './parts';
import { attrOf, escapeAttr, parseXml } from './xml';

export const RELATIONSHIP_TYPES = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;

export const RELATIONSHIPS_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The same namespace in Strict OOXML (ISO/IEC 29500 Strict, Excel's "Strict Open XML Spreadsheet"). */
export const STRICT_RELATIONSHIPS_NAMESPACE = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** A relationship type as Transitional spells it: Strict packages name the same types under their own namespace. */
function transitionalType(type: string): string {
  return type.startsWith(`${STRICT_RELATIONSHIPS_NAMESPACE}/`) ? RELATIONSHIPS_NAMESPACE + type.slice(STRICT_RELATIONSHIPS_NAMESPACE.length) : type;
}

export interface Relationship {
  id: string;
  /** As Transitional spells it, whichever the package uses. */
  type: string;
  /** The target as written (relative to the source part's folder, or absolute from "/"). */
  target: string;
  external: boolean;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function readRelationships(parts: PackageParts, sourcePart: string): Relationship[] {
  const xml = parts.text(relsPathOf(sourcePart));
  if (xml === undefined) return [];
  const relationships: Relationship[] = [];
  parseXml(xml, relsPathOf(sourcePart), {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target !== undefined) {
        relationships.push({ id: a.Id, type: transitionalType(a.Type ?? ''), target: a.Target, external: a.TargetMode === 'External' });
      }
    },
  });
  return relationships;
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** The part a relationship points at, as a package path without the leading slash. */
export function resolveTarget(sourcePart: string, target: string): string {
  const withoutFragment = target.split('#')[0];
  let decoded = withoutFragment;
  try {
    decoded = decodeURIComponent(withoutFragment);
  } catch {
    // A malformed escape: use the target as written.
  }
  const joined = decoded.startsWith('/') ? decoded.slice(1) : folderOf(sourcePart) + decoded;
  const out: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** The target to write in sourcePart's rels for targetPart: relative, as Excel writes them. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = folderOf(sourcePart).split('/').filter(Boolean);
  const to = targetPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** The parts sourcePart refers to, resolved (external targets left out). */
export function relatedParts(parts: PackageParts, sourcePart: string, type?: string): { id: string; part: string; type: string }[] {
  return readRelationships(parts, sourcePart)
    .filter((r) => !r.external && (type === undefined || r.type === type))
    .map((r) => ({ id: r.id, part: resolveTarget(sourcePart, r.target), type: r.type }));
}

/** A relationship id not yet used in the source part's rels: rId1, rId2, … */
export function freeRelationshipId(existing: readonly Relationship[]): string {
  const used = new Set(existing.map((r) => r.id));
  let n = existing.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** Adds a relationship from sourcePart to targetPart (created rels part if needed); returns its id. */
export function addRelationship(parts: PackageParts, sourcePart: string, type: string, targetPart: string, id?: string): string {
  const relsPath = relsPathOf(sourcePart);
  const xml = parts.text(relsPath) ?? EMPTY_RELS;
  const relId = id ?? freeRelationshipId(readRelationships(parts, sourcePart));
  parts.set(relsPath, insertBeforeClosing(xml, 'Relationships', relationshipXml(sourcePart, relId, type, targetPart), relsPath));
  return relId;
}

function relationshipXml(sourcePart: string, id: string, type: string, targetPart: string): string {
  return `<Relationship Id="${escapeAttr(id)}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(sourcePart, targetPart))}"/>`;
}

/**
 * Adds relationships of one type from sourcePart to each target, in one
 * edit of the rels part (a sheet may hold thousands of charts); returns their ids in order.
 */
export function addRelationships(parts: PackageParts, sourcePart: string, type: string, targetParts: readonly string[]): string[] {
  const relsPath = relsPathOf(sourcePart);
  const xml = parts.text(relsPath) ?? EMPTY_RELS;
  const existing = readRelationships(parts, sourcePart);
  const used = new Set(existing.map((r) => r.id));
  let n = existing.length;
  const ids = targetParts.map(() => {
    do n++;
    while (used.has(`rId${n}`));
    return `rId${n}`;
  });
  const entries = targetParts.map((target, i) => relationshipXml(sourcePart, ids[i], type, target)).join('');
  if (entries) parts.set(relsPath, insertBeforeClosing(xml, 'Relationships', entries, relsPath));
  return ids;
}

/** Removes relationships of sourcePart by id; drops the rels part when none are left. */
export function removeRelationships(parts: PackageParts, sourcePart: string, ids: ReadonlySet<string>): void {
  const relsPath = relsPathOf(sourcePart);
  const xml = parts.text(relsPath);
  if (xml === undefined) return;
  const kept = xml.replace(/<(\w+:)?Relationship\b[^>]*?(\/>|>[\s\S]*?<\/(\w+:)?Relationship>)/g, (element) => {
    const id = attrOf(element, 'Id');
    return id !== undefined && ids.has(id) ? '' : element;
  });
  if (/<(\w+:)?Relationship\b/.test(kept)) parts.set(relsPath, kept);
  else parts.delete(relsPath);
}

/** Inserts `content` before the root's closing tag of `part` (expanding a self-closed root). */
export function insertBeforeClosing(xml: string, rootName: string, content: string, part: string): string {
  const closing = new RegExp(`</(\\w+:)?${rootName}>\\s*$`).exec(xml);
  if (closing) return xml.slice(0, closing.index) + content + xml.slice(closing.index);
  const selfClosed = new RegExp(`<((\\w+:)?${rootName})\\b([^>]*?)/>\\s*$`).exec(xml);
  if (!selfClosed) throw new WorkbookWriteError(`the part ${part} has no <${rootName}> element for Ragbook to add to; open the file in Excel and save it again`);
  return `${xml.slice(0, selfClosed.index)}<${selfClosed[1]}${selfClosed[3]}>${content}</${selfClosed[1]}>`;
}
