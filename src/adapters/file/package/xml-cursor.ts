/**
 * A forward-only reader for the big parts of a package (worksheets, shared
 * strings): it finds tags with indexOf and reads attributes and text where
 * they lie, allocating only the strings it is asked for. A general parser
 * (saxes) reads the small parts; on a sheet of 120,000 figures this reads in
 * half of saxes's time, because saxes walks every character in JavaScript
 * and builds an object of attributes for every tag.
 *
 * It is a tokenizer, not a search: every "<" outside comments, CDATA and
 * processing instructions starts a tag (XML allows no raw "<" in text or
 * attribute values), so positions it gives are where the markup really is.
 * It reads elements with or without a namespace prefix, attributes in either
 * quote, whitespace inside tags, entities, CDATA, comments and processing
 * instructions. A document type declaration is refused, as Excel refuses it:
 * its entities would change the text. A part it cannot follow is a
 * WorkbookReadError naming the part.
 */
import { WorkbookReadError } from '../errors';
import { BANG, COLON, DOUBLE_QUOTE, EQUALS, GT, isSpace, LT, QUESTION, SINGLE_QUOTE, SLASH } from './char-codes';
import { dtdRefused, unescapeXml } from './xml';

export type TagKind = 'open' | 'close' | 'empty';

function isNameEnd(code: number): boolean {
  return isSpace(code) || code === GT || code === SLASH;
}

const tagSearches = new Map<string, RegExp>();

/** Finds "<name" and "</name" (the end tag's "/" captured), each with the character after the name. */
function tagsNamed(qualified: string): RegExp {
  let search = tagSearches.get(qualified);
  if (!search) {
    search = new RegExp(`<(/?)${qualified.replace(/[.]/g, '\\.')}[\\s/>]`, 'g');
    tagSearches.set(qualified, search);
  }
  return search;
}

export class XmlCursor {
  /** The current tag: open (<c>), close (</c>) or empty (<c/>). */
  kind: TagKind = 'close';
  /** Index of the current tag's "<". */
  start = 0;
  /** Index just past the current tag's ">". */
  end = 0;
  /** Where the current tag's name (with any prefix), and its local part, start; where the name ends. */
  private nameStart = 0;
  private localStart = 0;
  private nameEnd = 0;
  /**
   * The current tag's attributes, four numbers each: where the name starts,
   * where its local part starts, where the name ends, where the value starts.
   * Read once per tag, with the tag; reused from tag to tag.
   */
  private readonly attributes: number[] = [];
  private attributeCount = 0;
  /** Where the last attribute found by valueAt() starts (its name), and where its value ends (at the closing quote). */
  attributeStart = 0;
  valueEnd = 0;

  constructor(
    readonly xml: string,
    private readonly part: string,
  ) {}

  damaged(why: string): WorkbookReadError {
    return new WorkbookReadError(`the part ${this.part} is damaged (${why}); open the file in Excel and save it again`);
  }

  /** Reads on from `index`: the next call of next() finds the first tag at or after it. */
  seek(index: number): void {
    this.end = index;
  }

  /** Moves to the next element tag, reading its name and attributes; false at the end of the part. */
  next(): boolean {
    const { xml } = this;
    let at = xml.indexOf('<', this.end);
    while (at >= 0) {
      const code = xml.charCodeAt(at + 1);
      if (code !== BANG && code !== QUESTION) break;
      at = xml.indexOf('<', this.skipMarkup(at));
    }
    if (at < 0) return false;
    const close = xml.charCodeAt(at + 1) === SLASH;
    this.start = at;
    this.nameStart = close ? at + 2 : at + 1;
    let i = this.skipName(this.nameStart);
    this.localStart = this.lastLocalStart;
    this.nameEnd = i;
    this.attributeCount = 0;
    for (;;) {
      while (isSpace(xml.charCodeAt(i))) i++;
      const code = xml.charCodeAt(i);
      if (code === GT) {
        this.kind = close ? 'close' : 'open';
        break;
      }
      if (code === SLASH && !close && xml.charCodeAt(i + 1) === GT) {
        this.kind = 'empty';
        i++;
        break;
      }
      if (close || Number.isNaN(code)) throw this.damaged(i >= xml.length ? 'a tag is not closed' : 'a tag is malformed');
      i = this.readAttribute(i);
    }
    this.end = i + 1;
    return true;
  }

  /** Where the local part of the last name skipped starts. */
  private lastLocalStart = 0;

  /** Past an element or attribute name starting at `from`. */
  private skipName(from: number): number {
    const { xml } = this;
    let i = from;
    this.lastLocalStart = from;
    for (; i < xml.length; i++) {
      const code = xml.charCodeAt(i);
      if (code === COLON) this.lastLocalStart = i + 1;
      else if (isSpace(code) || code === GT || code === SLASH || code === EQUALS) break;
    }
    return i;
  }

  /** Records the attribute starting at `from` (name = "value"); returns the index past its closing quote. */
  private readAttribute(from: number): number {
    const { xml } = this;
    let i = this.skipName(from);
    const nameEnd = i;
    while (isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== EQUALS || nameEnd === from) throw this.damaged('a tag is malformed');
    i++;
    while (isSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) throw this.damaged('an attribute value is not quoted');
    // Attribute values may hold ">": the value ends at its own quote.
    const valueEnd = xml.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", i + 1);
    if (valueEnd < 0) throw this.damaged('a tag is not closed');
    const slot = 4 * this.attributeCount++;
    this.attributes[slot] = from;
    this.attributes[slot + 1] = this.lastLocalStart;
    this.attributes[slot + 2] = nameEnd;
    this.attributes[slot + 3] = i + 1;
    return valueEnd + 1;
  }

  /** Past a comment, CDATA section or processing instruction starting at `at`; a DTD is refused. */
  private skipMarkup(at: number): number {
    const { xml } = this;
    const [opener, closer] = xml.startsWith('<!--', at) ? ['<!--', '-->'] : xml.startsWith('<![CDATA[', at) ? ['<![CDATA[', ']]>'] : xml[at + 1] === '?' ? ['<?', '?>'] : ['<!', ''];
    if (opener === '<!') {
      if (xml.startsWith('<!DOCTYPE', at)) throw dtdRefused(this.part);
      throw this.damaged('a "<!" is neither a comment nor CDATA');
    }
    const end = xml.indexOf(closer, at + opener.length);
    if (end < 0) throw this.damaged(`a ${opener} section is not closed`);
    return end + closer.length;
  }

  /** True when the current tag opens an element with content (not <c/>, not an end tag). */
  hasContent(): boolean {
    return this.kind === 'open';
  }

  /** Just past the current tag's name: where an attribute can be added. */
  get afterName(): number {
    return this.nameEnd;
  }

  /** True when the current tag's local name is `local`. */
  is(local: string): boolean {
    return this.nameEnd - this.localStart === local.length && this.xml.startsWith(local, this.localStart);
  }

  /** The current tag's local name (allocates: for messages and rare paths). */
  name(): string {
    return this.xml.slice(this.localStart, this.nameEnd);
  }

  /**
   * Where the value of the current tag's attribute `name` starts (its end is
   * then in valueEnd), or -1. With `anyPrefix`, "r:id" matches "id".
   */
  valueAt(name: string, anyPrefix = false): number {
    const { xml, attributes } = this;
    for (let slot = 0; slot < 4 * this.attributeCount; slot += 4) {
      const from = anyPrefix ? attributes[slot + 1] : attributes[slot];
      if (attributes[slot + 2] - from === name.length && xml.startsWith(name, from)) {
        const valueStart = attributes[slot + 3];
        this.attributeStart = attributes[slot];
        this.valueEnd = xml.indexOf(xml[valueStart - 1], valueStart);
        return valueStart;
      }
    }
    return -1;
  }

  /** The value of the current tag's attribute, entities resolved. */
  attr(name: string, anyPrefix = false): string | undefined {
    const at = this.valueAt(name, anyPrefix);
    return at < 0 ? undefined : unescapeXml(this.xml.slice(at, this.valueEnd));
  }

  /**
   * The text content of the current element, which holds text only (a <v>,
   * <f> or <t>); leaves the cursor on its end tag.
   */
  text(): string {
    if (!this.hasContent()) return '';
    const { xml } = this;
    let text = '';
    let at = this.end;
    for (;;) {
      const lt = xml.indexOf('<', at);
      if (lt < 0) throw this.damaged(`<${this.name()}> is not closed`);
      if (lt > at) text += xml.slice(at, lt);
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt);
        if (end < 0) throw this.damaged('a CDATA section is not closed');
        // CDATA is literal: escape its ampersands so the unescaping below leaves them as they are.
        text += xml.slice(lt + 9, end).replace(/&/g, '&amp;');
        at = end + 3;
      } else if (xml.charCodeAt(lt + 1) === BANG || xml.charCodeAt(lt + 1) === QUESTION) {
        at = this.skipMarkup(lt);
      } else {
        const local = this.name();
        this.end = lt;
        this.next();
        if (this.kind === 'close' && this.is(local)) return unescapeXml(text);
        throw this.damaged(this.kind === 'close' ? `<${local}> is not closed` : `<${local}> holds an element where text was expected`);
      }
    }
  }

  /** Where the text of the child found by skipTextChild() starts and ends. */
  textStart = 0;
  textEnd = 0;

  /**
   * Moves past the current element when it holds nothing but one `child`
   * element of plain text, written with the same prefix (a cell and its value:
   * <c r="B2"><v>42</v></c>), and keeps where that text lies; false, without
   * moving, for anything else, which the caller reads tag by tag.
   */
  skipTextChild(child: string): boolean {
    if (this.kind !== 'open') return false;
    const { xml, localStart, nameEnd } = this;
    const prefixLength = localStart - this.nameStart;
    let at = this.end;
    if (xml.charCodeAt(at) !== LT || !this.written(child, at + 1 + prefixLength) || xml.charCodeAt(at + 1 + prefixLength + child.length) !== GT) return false;
    if (!this.samePrefix(at + 1)) return false;
    const textStart = at + 2 + prefixLength + child.length;
    const textEnd = xml.indexOf('<', textStart);
    // "</" prefix child ">" then "</" prefix name ">".
    at = textEnd;
    if (at < 0 || xml.charCodeAt(at + 1) !== SLASH || !this.samePrefix(at + 2) || !this.written(child, at + 2 + prefixLength)) return false;
    at += 2 + prefixLength + child.length;
    if (xml.charCodeAt(at) !== GT || xml.charCodeAt(at + 1) !== LT || xml.charCodeAt(at + 2) !== SLASH || !this.samePrefix(at + 3)) return false;
    at += 3 + prefixLength;
    const local = nameEnd - localStart;
    for (let i = 0; i < local; i++) if (xml.charCodeAt(at + i) !== xml.charCodeAt(localStart + i)) return false;
    if (xml.charCodeAt(at + local) !== GT) return false;
    this.textStart = textStart;
    this.textEnd = textEnd;
    this.end = at + local + 1;
    this.kind = 'close';
    return true;
  }

  /** True when `text` is written at `at` (for the short names of cells and values, cheaper than startsWith). */
  private written(text: string, at: number): boolean {
    for (let i = 0; i < text.length; i++) if (this.xml.charCodeAt(at + i) !== text.charCodeAt(i)) return false;
    return true;
  }

  /** True when the current tag's prefix is written at `at` too. */
  private samePrefix(at: number): boolean {
    for (let i = 0; i < this.localStart - this.nameStart; i++) if (this.xml.charCodeAt(at + i) !== this.xml.charCodeAt(this.nameStart + i)) return false;
    return true;
  }

  /** The current tag's namespace prefix with its colon ("x:"), or "". */
  prefix(): string {
    return this.xml.slice(this.nameStart, this.localStart);
  }

  /** Where the current element's end tag starts, after closingTag(); the end tag ends at closeEnd. */
  closeEnd = 0;

  /**
   * Finds the current element's end tag without reading the tags inside.
   * Returns where the end tag starts; closeEnd is just past it. The cursor
   * does not move.
   */
  closingTag(): number {
    if (!this.hasContent()) {
      this.closeEnd = this.end;
      return this.end;
    }
    const { xml } = this;
    const qualified = this.qualifiedName();
    // Only tags of this name matter (for nesting), found by one compiled search, as long as no comment,
    // CDATA or processing instruction lies before them; if one does, the end is found tag by tag.
    const tags = this.tagsNamed;
    let depth = 0;
    let at = this.end;
    for (;;) {
      tags.lastIndex = at;
      const match = tags.exec(xml);
      if (!match) throw this.damaged(`<${this.name()}> is not closed`);
      const lt = match.index;
      if (this.markupAfter(at) < lt) return this.closingTagByTags(qualified);
      const gt = this.tagEnd(lt + match[0].length - 1);
      if (match[1]) {
        if (depth-- === 0) {
          this.closeEnd = gt + 1;
          return lt;
        }
      } else if (xml.charCodeAt(gt - 1) !== SLASH) depth++;
      at = gt + 1;
    }
  }

  /** The current tag's name with its prefix, and a search for start and end tags of that name; kept from tag to tag (rows and cells repeat). */
  private qualified = '';
  private tagsNamed = /$^/g;
  private qualifiedName(): string {
    const length = this.nameEnd - this.nameStart;
    if (this.qualified.length !== length || !this.xml.startsWith(this.qualified, this.nameStart)) {
      this.qualified = this.xml.slice(this.nameStart, this.nameEnd);
      this.tagsNamed = tagsNamed(this.qualified);
    }
    return this.qualified;
  }

  /** Where every "<!" and "<?" of the part starts, found once (most parts have none). */
  private markup: number[] | undefined;

  /** The first "<!" or "<?" at or after `from`, or Infinity. */
  private markupAfter(from: number): number {
    const { xml } = this;
    if (!this.markup) {
      // "!" and "?" are rare in a part, "<" is everywhere: search for the rare character, then look behind it.
      const starts: number[] = [];
      for (const mark of ['!', '?']) {
        for (let at = xml.indexOf(mark, 1); at >= 0; at = xml.indexOf(mark, at + 1)) if (xml.charCodeAt(at - 1) === LT) starts.push(at - 1);
      }
      this.markup = starts.sort((a, b) => a - b);
    }
    const list = this.markup;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (list[mid] < from) low = mid + 1;
      else high = mid;
    }
    return low < list.length ? list[low] : Infinity;
  }

  /**
   * closingTag() the slow way, tag by tag: only tags of the same name are
   * looked at (for nesting), and comments, CDATA and processing instructions
   * are stepped over whole.
   */
  private closingTagByTags(qualified: string): number {
    const { xml } = this;
    let depth = 0;
    let at = this.end;
    for (;;) {
      const lt = xml.indexOf('<', at);
      if (lt < 0) throw this.damaged(`<${this.name()}> is not closed`);
      const code = xml.charCodeAt(lt + 1);
      if (code === BANG || code === QUESTION) {
        at = this.skipMarkup(lt);
        continue;
      }
      const close = code === SLASH;
      const nameFrom = close ? lt + 2 : lt + 1;
      const afterName = nameFrom + qualified.length;
      if (!xml.startsWith(qualified, nameFrom) || !isNameEnd(xml.charCodeAt(afterName))) {
        at = lt + 1;
        continue;
      }
      const gt = this.tagEnd(afterName);
      if (close) {
        if (depth-- === 0) {
          this.closeEnd = gt + 1;
          return lt;
        }
      } else if (xml.charCodeAt(gt - 1) !== SLASH) depth++;
      at = gt + 1;
    }
  }

  /** The ">" that ends the tag whose attributes start at `from` (a ">" inside a quoted value does not). */
  private tagEnd(from: number): number {
    const { xml } = this;
    for (let i = from; i < xml.length; i++) {
      const code = xml.charCodeAt(i);
      if (code === GT) return i;
      if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
        i = xml.indexOf(code === DOUBLE_QUOTE ? '"' : "'", i + 1);
        if (i < 0) break;
      }
    }
    throw this.damaged('a tag is not closed');
  }

  /** Moves past the end of the current element, whatever it holds. */
  skip(): void {
    if (!this.hasContent()) return;
    this.closingTag();
    this.end = this.closeEnd;
    this.kind = 'close';
  }

  /**
   * Steps to the current element's next child tag; false on the element's
   * end tag. An end tag of another element means the part is damaged.
   */
  child(parent: string): boolean {
    if (!this.next()) throw this.damaged(`<${parent}> is not closed`);
    if (this.kind !== 'close') return true;
    if (this.is(parent)) return false;
    throw this.damaged(`</${this.name()}> where </${parent}> was expected`);
  }

  /** Plain text of a rich-text container (<is>, <si>): its runs joined, phonetic guides left out. */
  richText(container: string): string {
    if (!this.hasContent()) return '';
    let text = '';
    while (this.child(container)) {
      if (this.is('t')) text += this.text();
      else if (this.is('r')) {
        if (!this.hasContent()) continue;
        while (this.child('r')) {
          if (this.is('t')) text += this.text();
          else this.skip();
        }
      } else this.skip();
    }
    return text;
  }
}
