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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity[0] !== '#') return ENTITIES[entity.toLowerCase()];
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** The start tag of an element given as text (attributes are only ever read and set there). */
function splitStartTag(element: string): [string, string] {
  const end = element.indexOf('>') + 1;
  return end > 0 ? [element.slice(0, end), element.slice(end)] : [element, ''];
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

/** The namespace prefix the root element uses ("x:" in some generated files, usually ""). */
export function rootPrefix(xml: string): string {
  const match = /<(?!\?|!)([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*[\s>/]/.exec(xml);
  return match?.[1] ?? '';
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
