/**
 * Protective markings (Government Security Classifications) carried by an
 * Office package's custom document properties (docProps/custom.xml):
 * - a Microsoft Information Protection sensitivity label: properties
 *   `MSIP_Label_<guid>_Enabled` = "true" and `MSIP_Label_<guid>_Name` = the label;
 * - or a plain "Classification", "Sensitivity" or "Protective marking" property.
 */
import type * as Fflate from 'fflate';

/** The classifications in rising order; a label ranks by the one it starts with. */
const CLASSIFICATIONS = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET', 'TOP SECRET'] as const;

const PLAIN_PROPERTIES = new Set(['classification', 'sensitivity', 'protective marking', 'security classification']);

export interface Marking {
  /** The label as shown in a subject, e.g. "OFFICIAL-SENSITIVE" or "OFFICIAL-SENSITIVE PERSONAL". */
  label: string;
  /** Index in OFFICIAL < OFFICIAL-SENSITIVE < SECRET < TOP SECRET; -1 for a label outside that scale. */
  rank: number;
}

/** "Official_Sensitive - Personal" → "OFFICIAL SENSITIVE PERSONAL", for comparing wordings. */
function normalised(label: string): string {
  return label.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
}

/**
 * A label ranked on the scale and written as mail rules expect:
 * "Official_Sensitive Personal" → "OFFICIAL-SENSITIVE PERSONAL"; other labels as written.
 */
export function markingOf(label: string): Marking {
  const words = normalised(label);
  for (let rank = CLASSIFICATIONS.length - 1; rank >= 0; rank--) {
    const key = normalised(CLASSIFICATIONS[rank]);
    if (words === key || words.startsWith(`${key} `)) return { label: `${CLASSIFICATIONS[rank]}${words.slice(key.length)}`, rank };
  }
  return { label: label.trim(), rank: -1 };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') return String.fromCodePoint(entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    return ENTITIES[entity] ?? whole;
  });
}

/** name → value of the text and boolean properties in docProps/custom.xml. */
export function customProperties(xml: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const match of xml.matchAll(/<(?:\w+:)?property\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?property>/g)) {
    const name = /\bname\s*=\s*"([^"]*)"/.exec(match[1])?.[1];
    const value = /<(?:\w+:)?(?:lpwstr|lpstr|bstr|bool)\b[^>]*>([\s\S]*?)<\//.exec(match[2])?.[1];
    if (name !== undefined && value !== undefined) properties.set(decodeXml(name), decodeXml(value).trim());
  }
  return properties;
}

/** The markings named by a package's custom properties (enabled MIP labels, plain classification properties). */
export function markingsInProperties(properties: Map<string, string>): Marking[] {
  const labels: string[] = [];
  for (const [name, value] of properties) {
    const mip = /^MSIP_Label_(.+)_Name$/i.exec(name);
    if (mip && properties.get(`MSIP_Label_${mip[1]}_Enabled`)?.toLowerCase() === 'true' && value) labels.push(value);
    if (PLAIN_PROPERTIES.has(name.trim().toLowerCase()) && value) labels.push(value);
  }
  const unique = new Map(labels.map((label) => [normalised(label), label]));
  return [...unique.values()].map(markingOf);
}

/** The marking a workbook's printed pages carry: the highest on the scale, else the first label. */
export function workbookMarking(markings: readonly Marking[]): string | undefined {
  return (highestMarking(markings) ?? markings[0])?.label;
}

/** The markings of an .xlsx/.xlsm (or any Office) package; none when it is not a zip or has no custom properties. */
export function readMarkings(bytes: Uint8Array): Marking[] {
  // Loaded on first use (a thirtieth of a second): opening a workbook reads its properties from the package it has open.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; import() would need ES modules under Jest
  const { strFromU8, unzipSync } = require('fflate') as typeof Fflate;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === 'docProps/custom.xml' });
  } catch {
    return [];
  }
  const xml = files['docProps/custom.xml'];
  return xml ? markingsInProperties(customProperties(strFromU8(xml))) : [];
}

/** The highest Government Security Classification among the markings; undefined when none is on that scale. */
export function highestMarking(markings: readonly Marking[]): Marking | undefined {
  let best: Marking | undefined;
  for (const marking of markings) if (marking.rank >= 0 && (!best || marking.rank > best.rank)) best = marking;
  return best;
}
