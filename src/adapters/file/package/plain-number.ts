/**
 * Figures as worksheets write them ("80", "-68.4", "0.125"), read from the
 * characters where they lie, without slicing a string out and calling Number().
 *
 * Only plain decimals of at most 15 significant digits and 22 decimal places
 * are read here: their digits make an integer below 2^53 and the point a power
 * of ten up to 10^22, both exact in a double, so one correctly rounded division
 * gives the double nearest the decimal, which is what Number() gives. Anything
 * else (an exponent, a "+", spaces, more digits) is NaN, for the caller to read
 * with Number().
 */
import { DIGIT_0, DIGIT_9 } from './char-codes';

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

const MINUS = 45;
const POINT = 46;

/** The number written in text[from, to) as -?digits(.digits)? or -?.digits, within the bounds above; NaN otherwise. */
export function plainNumberAt(text: string, from: number, to: number): number {
  let i = from;
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  /** Digits from the first that is not a leading zero. */
  let significant = 0;
  let decimals = -1;
  for (; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= DIGIT_0 && code <= DIGIT_9) {
      mantissa = mantissa * 10 + (code - DIGIT_0);
      digits++;
      if (mantissa > 0) significant++;
      if (decimals >= 0) decimals++;
    } else if (code === POINT && decimals < 0) decimals = 0;
    else return NaN;
  }
  if (digits === 0 || significant > 15 || decimals === 0 || decimals > 22) return NaN;
  const magnitude = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
  return negative ? -magnitude : magnitude;
}

/** The number in text[from, to) as Number() reads it, without slicing the text out when it is a plain decimal. */
export function numberAt(text: string, from: number, to: number): number {
  const plain = plainNumberAt(text, from, to);
  return Number.isNaN(plain) ? Number(text.slice(from, to)) : plain;
}
