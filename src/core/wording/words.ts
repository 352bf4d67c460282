/**
 * The words of a phrase as the wording grammars see them: lower case, curly
 * quotes and dashes made plain, abbreviation dots and other punctuation
 * dropped ("Nat. ave." → ["nat", "ave"]). Arrows, digits and "%" are kept.
 */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}%↑↓↔'.]+/gu, ' ')
    .replace(/(\p{L})\.(?!\p{N})/gu, '$1 ')
    .split(/\s+/)
    .map((word) => word.replace(/^'+|'+$/g, '').replace(/\.$/, ''))
    .filter(Boolean);
}
