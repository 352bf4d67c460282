/**
 * Strict OOXML (ISO/IEC 29500 Strict, Excel's "Strict Open XML Spreadsheet")
 * names the same elements under other namespaces. Ragbook reads a Strict
 * package as it reads any other (relationship types are compared as
 * Transitional spells them; elements by local name) and writes what it adds in
 * Strict's namespaces, so the output stays a valid Strict package.
 */

const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

/** Transitional → Strict namespace of each vocabulary Ragbook writes. */
const TO_STRICT: readonly [string, string][] = [
  ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', STRICT_MAIN],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
  ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'],
  ['http://schemas.openxmlformats.org/drawingml/2006/chart', 'http://purl.oclc.org/ooxml/drawingml/chart'],
  ['http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing', 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing'],
];

/** True when the workbook part is in Strict's namespace. */
export function isStrictWorkbook(workbookXml: string): boolean {
  return workbookXml.includes(`"${STRICT_MAIN}"`) || workbookXml.includes(`'${STRICT_MAIN}'`);
}

function strictValue(value: string): string {
  for (const [transitional, strict] of TO_STRICT) {
    if (value === transitional || value.startsWith(`${transitional}/`)) return strict + value.slice(transitional.length);
  }
  return value;
}

/**
 * A part Ragbook wrote, in Strict's namespaces: namespace declarations,
 * relationship types and a graphic's data uri only, never text or other attributes.
 */
export function toStrict(xml: string): string {
  return xml.replace(/(\s(?:xmlns(?::[\w.-]+)?|Type|uri)\s*=\s*)(["'])([^"']*)\2/g, (whole, before: string, quote: string, value: string) => {
    const strict = strictValue(value);
    return strict === value ? whole : `${before}${quote}${strict}${quote}`;
  });
}
