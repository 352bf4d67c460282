/** Small XML helpers shared by the package readers and patchers. */
import { SaxesParser } from 'saxes';
import { WorkbookReadError } from '../errors';

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text content: escaped, with characters XML 1.0 cannot carry removed. */
// eslint-disable-next-line no-control-regex -- any character that escaping or cleaning would change
const NEEDS_ESCAPING = /[&<>"\u0000-\u001f\ufffe\uffff]/;

export function escapeText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text.replace(INVALID_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Excel refuses a part with a document type declaration; so does Ragbook (its entities would change the text). */
export function dtdRefused(part: string): WorkbookReadError {
  return new WorkbookReadError(
    `the part ${part} has a document type declaration (<!DOCTYPE …>), which Excel does not allow in a workbook; save the file again from the program that made it`,
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity[0] !== '#') return ENTITIES[entity.toLowerCase()];
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** The start tag of an element given as text (attributes are only ever read and set there); a ">" inside a quoted value does not end it. */
function splitStartTag(element: string): [string, string] {
  let quote = '';
  for (let i = 0; i < element.length; i++) {
    const char = element[i];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return [element.slice(0, i + 1), element.slice(i + 1)];
  }
  return [element, ''];
}

const attributePatterns = new Map<string, RegExp>();

/** ` name = "value"` or with single quotes; cached per name (these run once per cell). */
function attributePattern(name: string): RegExp {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(\\s${name}\\s*=\\s*)("([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  return pattern;
}

/** An attribute of an element's start tag, e.g. attrOf('<c r="A1" s="3">', 's') → "3". */
export function attrOf(element: string, name: string): string | undefined {
  const tag = splitStartTag(element)[0];
  // The usual spelling first, without a regular expression.
  const plain = tag.indexOf(` ${name}="`);
  if (plain >= 0) {
    const start = plain + name.length + 3;
    return unescapeXml(tag.slice(start, tag.indexOf('"', start)));
  }
  const match = attributePattern(name).exec(tag);
  return match ? unescapeXml(match[3] ?? match[4]) : undefined;
}

/** Sets (or adds) an attribute on an element's start tag. */
export function withAttr(element: string, name: string, value: string): string {
  const [tag, rest] = splitStartTag(element);
  const pattern = attributePattern(name);
  if (pattern.test(tag)) return tag.replace(pattern, `$1"${escapeAttr(value)}"`) + rest;
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end).replace(/\s+$/, '')} ${name}="${escapeAttr(value)}"${tag.slice(end)}${rest}`;
}

/** Where the root element's start tag begins: past the declaration, comments and processing instructions before it. */
function rootStart(xml: string): number {
  let at = xml.indexOf('<');
  while (at >= 0 && (xml.startsWith('<?', at) || xml.startsWith('<!--', at))) {
    const end = xml.startsWith('<?', at) ? xml.indexOf('?>', at + 2) + 2 : xml.indexOf('-->', at + 4) + 3;
    at = end < 3 ? -1 : xml.indexOf('<', end);
  }
  return at;
}

/** The namespace prefix the root element uses ("x:" in some generated files, usually ""). */
export function rootPrefix(xml: string): string {
  const at = rootStart(xml);
  const match = at < 0 ? null : /^<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*[\s>/]/.exec(xml.slice(at, at + 300));
  return match?.[1] ?? '';
}

/**
 * The part's text with its XML declaration saying UTF-8, for a part read from
 * another encoding (UTF-16) and written back as UTF-8.
 */
export function declaredUtf8(xml: string): string {
  const declaration = /^\uFEFF?<\?xml\s[^?]*\?>/.exec(xml);
  if (!declaration) return xml;
  const utf8 = declaration[0].replace(/(\sencoding\s*=\s*)(["'])([^"']*)\2/, (whole, before: string, quote: string, name: string) => (/^utf-?8$/i.test(name) ? whole : `${before}${quote}UTF-8${quote}`));
  return utf8 === declaration[0] ? xml : utf8 + xml.slice(declaration[0].length);
}

/** The prefix bound to a namespace on the root element, e.g. "r" for relationships; undefined when unbound. */
export function prefixFor(xml: string, namespace: string): string | undefined {
  const match = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${namespace.replace(/[.]/g, '\\.')}["']`).exec(xml);
  return match?.[1];
}

export interface XmlHandlers {
  /** Element names are local names (any prefix removed). */
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Streams a part through saxes; a malformed part is a WorkbookReadError naming it. */
export function parseXml(xml: string, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  const { open, close, text } = handlers;
  parser.on('doctype', () => {
    throw dtdRefused(part);
  });
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  try {
    parser.write(xml).close();
  } catch (error) {
    // A limit the handlers enforce (too many cells) says so itself.
    if (error instanceof WorkbookReadError) throw error;
    throw new WorkbookReadError(`the part ${part} is damaged (${(error as Error).message.split('\n')[0]}); open the file in Excel and save it again`);
  }
}

/** A replacement of xml.slice(from, to) by `text`, at positions a tokenizer found. */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

/** The text with the edits made; they must not overlap. */
export function applyEdits(xml: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return xml;
  const sorted = [...edits].sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    out += xml.slice(at, edit.from) + edit.text;
    at = edit.to;
  }
  return out + xml.slice(at);
}
