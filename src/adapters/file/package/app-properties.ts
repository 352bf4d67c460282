/**
 * docProps/app.xml lists the workbook's sheets by name for file browsers and
 * search ("TitlesOfParts", counted by group in "HeadingPairs"). Excel ignores
 * it when opening and rewrites it when saving; Ragbook keeps its worksheet
 * list true to the sheets it added, removed and reordered.
 */
import type { PackageParts } from './parts';
import { readRelationships, resolveTarget } from './relationships';
import { applyEdits, escapeText, type TextEdit } from './xml';
import { XmlCursor } from './xml-cursor';

interface Group {
  /** Where the group's count (the text of its <vt:i4>) lies. */
  count: { from: number; to: number };
  titles: Title[];
}

/** A title element: where it starts and ends, its start and end tags as written, its text. */
interface Title {
  from: number;
  to: number;
  open: string;
  close: string;
  text: string;
}

/** The heading groups in order, each with its titles, and the titles vector's size attribute. */
function readGroups(cursor: XmlCursor): { groups: Group[]; size?: { from: number; to: number; value: number } } {
  const counts: { from: number; to: number; value: number }[] = [];
  const titles: Title[] = [];
  let size: { from: number; to: number; value: number } | undefined;
  let within = '';
  while (cursor.next()) {
    if (cursor.is('HeadingPairs') || cursor.is('TitlesOfParts')) {
      within = cursor.kind === 'open' ? cursor.name() : '';
    } else if (within === 'HeadingPairs' && cursor.kind === 'open' && (cursor.is('i4') || cursor.is('int'))) {
      const from = cursor.end;
      const value = Number(cursor.text());
      counts.push({ from, to: cursor.start, value });
    } else if (within === 'TitlesOfParts' && cursor.kind !== 'close' && cursor.is('vector')) {
      const at = cursor.valueAt('size');
      if (at >= 0) size = { from: at, to: cursor.valueEnd, value: Number(cursor.xml.slice(at, cursor.valueEnd)) };
    } else if (within === 'TitlesOfParts' && cursor.kind !== 'close' && (cursor.is('lpstr') || cursor.is('lpwstr'))) {
      const from = cursor.start;
      if (cursor.kind === 'empty') {
        const tag = `${cursor.prefix()}${cursor.name()}`;
        titles.push({ from, to: cursor.end, open: `<${tag}>`, close: `</${tag}>`, text: '' });
        continue;
      }
      const open = cursor.xml.slice(cursor.start, cursor.end);
      const text = cursor.text();
      titles.push({ from, to: cursor.end, open, close: cursor.xml.slice(cursor.start, cursor.end), text });
    }
  }
  let next = 0;
  const groups = counts.map((count) => ({ count, titles: titles.slice(next, (next += count.value)) }));
  return { groups, size };
}

/**
 * The part with the group that listed exactly the worksheets `before` (in
 * order) listing `after` instead; unchanged when no group does (the list was
 * already out of date, or the part has none).
 */
export function withWorksheetTitles(xml: string, part: string, before: readonly string[], after: readonly string[]): string {
  if (before.length === 0) return xml;
  const { groups, size } = readGroups(new XmlCursor(xml, part));
  const group = groups.find((g) => g.titles.length === before.length && g.titles.every((t, i) => t.text === before[i]));
  if (!group || !size) return xml;
  const first = group.titles[0];
  const last = group.titles[group.titles.length - 1];
  // Each title written as the first one was: same element, same prefix.
  const { open, close } = first;
  const edits: TextEdit[] = [
    { from: group.count.from, to: group.count.to, text: String(after.length) },
    { from: size.from, to: size.to, text: String(size.value - before.length + after.length) },
    { from: first.from, to: last.to, text: after.map((name) => `${open}${escapeText(name)}${close}`).join('') },
  ];
  return applyEdits(xml, edits);
}

/** Updates the package's extended properties part, when it has one, for the worksheets now in the workbook. */
export function updateWorksheetTitles(parts: PackageParts, before: readonly string[], after: readonly string[]): void {
  const rel = readRelationships(parts, '').find((r) => !r.external && r.type.endsWith('/extended-properties'));
  const part = rel && resolveTarget('', rel.target);
  const xml = part === undefined ? undefined : parts.text(part);
  if (part === undefined || xml === undefined || before.join('\n') === after.join('\n')) return;
  const updated = withWorksheetTitles(xml, part, before, after);
  if (updated !== xml) parts.set(part, updated);
}
