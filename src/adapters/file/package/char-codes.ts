/** Character codes the package's XML scanners compare against (they read char codes, not substrings), and XML's white space. */
export const LT = 60; // <
export const GT = 62; // >
export const SLASH = 47;
export const BANG = 33;
export const QUESTION = 63;
export const COLON = 58;
export const EQUALS = 61;
export const DOUBLE_QUOTE = 34;
export const SINGLE_QUOTE = 39;
export const DIGIT_0 = 48;
export const DIGIT_1 = 49;
export const DIGIT_9 = 57;
export const LETTER_A = 65;
export const LETTER_Z = 90;
export const LETTER_C = 99;
export const LETTER_N = 110;
export const LETTER_R = 114;
export const LETTER_S = 115;
export const LETTER_T = 116;
export const LETTER_V = 118;

/** Space, tab, carriage return or line feed. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}
