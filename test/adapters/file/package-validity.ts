/**
 * Checks a workbook package the way Excel does before it offers to repair
 * one: every relationship points at a part that exists, no relationship id is
 * used twice in one part, every part has a content type, every override names
 * a part, and every r:id a worksheet or the workbook uses is declared.
 * Returns the problems found (none for a valid package).
 */
import { strFromU8, unzipSync } from 'fflate';

function relsSource(relsPath: string): string {
  return relsPath.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
}

function resolve(source: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : source.slice(0, source.lastIndexOf('/') + 1) + target;
  const out: string[] = [];
  for (const segment of decodeURIComponent(joined.split('#')[0]).split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

function attributes(element: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of element.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[m[1]] = m[2];
  return attrs;
}

export function packageProblems(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  const names = Object.keys(files).filter((n) => !n.endsWith('/'));
  const lower = new Set(names.map((n) => n.toLowerCase()));
  const problems: string[] = [];

  const types = strFromU8(files['[Content_Types].xml'] ?? new Uint8Array());
  const defaults = new Set([...types.matchAll(/<Default\b[^>]*>/g)].map((m) => (attributes(m[0]).Extension ?? '').toLowerCase()));
  const overrides = [...types.matchAll(/<Override\b[^>]*>/g)].map((m) => (attributes(m[0]).PartName ?? '').replace(/^\//, ''));
  for (const part of overrides) if (!lower.has(part.toLowerCase())) problems.push(`content type override for a missing part: ${part}`);
  const overridden = new Set(overrides.map((o) => o.toLowerCase()));
  for (const name of names) {
    if (name === '[Content_Types].xml') continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overridden.has(name.toLowerCase()) && !defaults.has(ext)) problems.push(`no content type for ${name}`);
  }

  const declaredIds = new Map<string, Set<string>>();
  for (const rels of names.filter((n) => n.endsWith('.rels'))) {
    const source = relsSource(rels);
    const ids = new Set<string>();
    for (const m of strFromU8(files[rels]).matchAll(/<Relationship\b[^>]*>/g)) {
      const a = attributes(m[0]);
      if (ids.has(a.Id)) problems.push(`${rels}: relationship id ${a.Id} is used twice`);
      ids.add(a.Id);
      if (a.TargetMode === 'External') continue;
      const target = resolve(source, a.Target ?? '');
      if (!lower.has(target.toLowerCase())) problems.push(`${rels}: ${a.Id} points at a missing part ${target}`);
    }
    declaredIds.set(source, ids);
  }

  // r:ids used inside the workbook and the worksheets must be declared in their rels.
  for (const name of names.filter((n) => /^xl\/(workbook|worksheets\/[^/]+)\.xml$/.test(n))) {
    const xml = strFromU8(files[name]);
    const prefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(xml)?.[1];
    if (!prefix) continue;
    const ids = declaredIds.get(name) ?? new Set<string>();
    for (const m of xml.matchAll(new RegExp(`\\s${prefix}:id="([^"]*)"`, 'g'))) {
      if (!ids.has(m[1])) problems.push(`${name}: uses ${m[1]}, which its relationships do not declare`);
    }
  }
  return problems;
}
