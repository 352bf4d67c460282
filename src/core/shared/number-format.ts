/**
 * Number format codes with a literal written before each figure ("✓ " in
 * `"✓ "0.0%`), composed into the user's own code, never replacing it: a
 * percentage stays a percentage, a date a date. Composing again strips the
 * earlier prefix first, so a second run never stacks symbols.
 */

/** The code's sections, split on ";" outside quotes, escapes and [brackets]. */
function sections(code: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') i++;
    else if (c === '"') i = Math.max(i, code.indexOf('"', i + 1));
    else if (c === '[') i = Math.max(i, code.indexOf(']', i + 1));
    else if (c === ';') {
      parts.push(code.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(code.slice(start));
  return parts;
}

/** Leading [Red], [Color 10], [<0], [$-809] groups: the literal goes after them. [h], [mm], [ss] are figures, not settings. */
const SETTING = /^\[(?:black|blue|cyan|green|magenta|red|white|yellow|colou?r\s*\d+|[<>=][^\]]*|\$[^\]]*)\]/i;

function settingsEnd(section: string): number {
  let at = 0;
  for (let match = SETTING.exec(section); match; match = SETTING.exec(section.slice(at))) at += match[0].length;
  return at;
}

function hasCondition(section: string): boolean {
  return /\[[<>=]/.test(section.slice(0, settingsEnd(section)));
}

function insert(section: string, text: string): string {
  const at = settingsEnd(section);
  return section.slice(0, at) + text + section.slice(at);
}

/** "-0.0%": a single-section code's negative figures, written out so the literal can go before the sign. */
function negative(section: string): string {
  return insert(section, '-');
}

function quoted(literal: string): string {
  return `"${literal.replace(/"/g, '')} "`;
}

/** Excel refuses a number format code longer than this. */
const MAX_FORMAT_LENGTH = 255;

/**
 * The user's code (undefined for General) with the literal before every
 * figure: positive, negative, zero and text alike. One to three sections gain
 * the implicit ones, written out, so text and negative figures carry it too;
 * empty (hiding) sections stay empty; conditional codes keep their sections.
 * A code too long for Excel that way gets the literal in its own sections
 * only, and one too long even then is left as it is (undefined).
 */
export function prefixedFormat(code: string | undefined, literal: string): string | undefined {
  const own = quoted(literal);
  const parts = sections(code === undefined || code === '' ? 'General' : code);
  const prefix = (section: string) => (section === '' ? '' : insert(section, own));
  const fits = (composed: string) => (composed.length <= MAX_FORMAT_LENGTH ? composed : undefined);
  const ownSections = fits(parts.map(prefix).join(';'));
  if (parts.some(hasCondition)) return ownSections;
  const text = parts.length === 4 ? parts[3] : '@';
  // A text-only code ("@") shows figures as General.
  const numbers = parts.length === 4 ? parts.slice(0, 3) : parts.length === 1 && parts[0].includes('@') ? ['General'] : parts.slice(0, 3);
  const [positive, minus = negative(positive), zero = positive] = numbers;
  return fits([positive, minus, zero, text].map(prefix).join(';')) ?? ownSections;
}

/**
 * The code as it was before `prefixedFormat` added one of the literals
 * (undefined for General); the code itself when no section carries one.
 */
export function unprefixedFormat(code: string | undefined, literals: readonly string[]): string | undefined {
  if (code === undefined) return undefined;
  const owns = literals.map(quoted);
  let found = false;
  const parts = sections(code).map((section) => {
    const at = settingsEnd(section);
    const own = owns.find((o) => section.startsWith(o, at));
    if (!own) return section;
    found = true;
    return section.slice(0, at) + section.slice(at + own.length);
  });
  if (!found) return code;
  // Drop the sections prefixedFormat wrote out: what is left shows every figure the same way.
  if (!parts.some(hasCondition)) {
    if (parts.length === 4 && parts[3] === '@') parts.pop();
    if (parts.length === 3 && parts[2] === parts[0]) parts.pop();
    if (parts.length === 2 && parts[1] === negative(parts[0])) parts.pop();
  }
  const original = parts.join(';');
  return /^general$/i.test(original) ? undefined : original;
}
