/**
 * Checks a workbook package the way Excel does before it offers to repair
 * one: every relationship points at a part that exists, no relationship id is
 * used twice in one part, every part has a content type, every override names
 * a part, and every r:id a worksheet or the workbook uses is declared.
 * Returns the problems found (none for a valid package).
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

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
    const prefix = /xmlns:(\w+)="http:\/\/(?:schemas\.openxmlformats\.org\/officeDocument\/2006|purl\.oclc\.org\/ooxml\/officeDocument)\/relationships"/.exec(xml)?.[1];
    if (!prefix) continue;
    const ids = declaredIds.get(name) ?? new Set<string>();
    for (const m of xml.matchAll(new RegExp(`\\s${prefix}:id="([^"]*)"`, 'g'))) {
      if (!ids.has(m[1])) problems.push(`${name}: uses ${m[1]}, which its relationships do not declare`);
    }
  }
  return problems;
}

/** Every XML part's bytes match the encoding its declaration names (UTF-8 when it names none). */
export function encodingProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    const utf16Bom = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
    const head = utf16Bom ? new TextDecoder(data[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(data.subarray(0, 200)) : strFromU8(data.subarray(0, 200));
    const declared = (/^\uFEFF?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1] ?? 'UTF-8').toUpperCase();
    if (declared.startsWith('UTF-16')) {
      if (!utf16Bom) problems.push(`${name}: declared ${declared} but has no UTF-16 byte-order mark`);
    } else if (utf16Bom) {
      problems.push(`${name}: declared ${declared} but is UTF-16`);
    } else {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(data);
      } catch {
        problems.push(`${name}: declared ${declared} but is not valid UTF-8`);
      }
    }
  }
  return problems;
}

const COLLECTIONS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'];

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Each styles collection: its count attribute, its items (mc:AlternateContent as one, read as its Fallback) in order. */
export function readStyleCollections(xml: string): Map<string, { count: number | undefined; items: Record<string, string>[]; texts: string[] }> {
  const collections = new Map<string, { count: number | undefined; items: Record<string, string>[]; texts: string[] }>();
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  let itemStart = -1;
  let current: { count: number | undefined; items: Record<string, string>[]; texts: string[] } | undefined;
  let lastTagStart = 0;
  parser.on('opentagstart', () => {
    lastTagStart = xml.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const attributes = tag.attributes as Record<string, string>;
    if (stack.length === 1 && COLLECTIONS.includes(name)) {
      current = { count: attributes.count === undefined ? undefined : Number(attributes.count), items: [], texts: [] };
      collections.set(name, current);
      if (tag.isSelfClosing) current = undefined;
    } else if (current && stack.length === 2) {
      itemStart = lastTagStart;
      if (name !== 'AlternateContent') current.items.push(attributes);
    } else if (current && stack.length === 4 && localName(stack[3]) === 'Fallback') {
      current.items.push(attributes);
    }
    if (!tag.isSelfClosing) stack.push(tag.name);
    else if (current && stack.length === 2) current.texts.push(xml.slice(itemStart, parser.position));
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    stack.pop();
    if (current && stack.length === 2) current.texts.push(xml.slice(itemStart, parser.position));
    if (stack.length === 1) current = undefined;
  });
  parser.write(xml).close();
  return collections;
}

/**
 * styles.xml's counts match what each collection holds, every cell format
 * names a font, fill, border, number format and cell style format that
 * exists, and every cell and row style names a cell format that exists.
 */
export function styleProblems(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  const stylesName = Object.keys(files).find((n) => /(^|\/)styles\.xml$/.test(n));
  if (!stylesName) return [];
  const collections = readStyleCollections(strFromU8(files[stylesName]));
  const problems: string[] = [];
  const size = (name: string) => collections.get(name)?.items.length ?? 0;
  for (const [name, { count, items }] of collections) {
    if (count !== undefined && count !== items.length) problems.push(`${stylesName}: <${name}> says count="${count}" but holds ${items.length}`);
  }
  const formats = new Set((collections.get('numFmts')?.items ?? []).map((f) => Number(f.numFmtId)));
  for (const kind of ['cellXfs', 'cellStyleXfs']) {
    (collections.get(kind)?.items ?? []).forEach((xf, i) => {
      const check = (attribute: string, collection: string) => {
        if (xf[attribute] !== undefined && Number(xf[attribute]) >= size(collection)) problems.push(`${kind}[${i}] ${attribute}=${xf[attribute]}, but there are ${size(collection)} ${collection}`);
      };
      check('fontId', 'fonts');
      check('fillId', 'fills');
      check('borderId', 'borders');
      if (kind === 'cellXfs') check('xfId', 'cellStyleXfs');
      const format = Number(xf.numFmtId ?? 0);
      if (format >= 164 && !formats.has(format)) problems.push(`${kind}[${i}] numFmtId=${format}, which no <numFmt> defines`);
    });
  }
  const cellFormats = size('cellXfs');
  for (const sheet of Object.keys(files).filter((n) => /worksheets\/[^/]+\.xml$/.test(n))) {
    for (const m of strFromU8(files[sheet]).matchAll(/<(?:\w+:)?(c|row)\b[^>]*?\ss="(\d+)"/g)) {
      if (Number(m[2]) >= cellFormats) problems.push(`${sheet}: a <${m[1]}> uses style ${m[2]}, but there are ${cellFormats} cell formats`);
    }
  }
  return problems;
}
