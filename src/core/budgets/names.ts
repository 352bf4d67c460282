import { normaliseHeader } from '../shared/headers';

/**
 * A name compared loosely: case, punctuation, apostrophes and "&"/"and"
 * ignored, so "Speech & Language Therapy" matches "speech and language therapy".
 */
export function looseName(text: string): string {
  return normaliseHeader(text.replace(/['’`]/g, ''));
}

/** A strategy name compared loosely, also ignoring "strategy" and "commissioning": "Early Help Strategy" ≈ "Early help". */
export function looseStrategy(text: string): string {
  return looseName(text)
    .replace(/\b(commissioning|strategy|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
