/**
 * Numbers for people to read: a fixed number of decimals, a real minus sign, and words instead of
 * the JavaScript values a student should never see.
 */

/** The typographic minus sign U+2212, which lines up with "+" and reads as "minus" in screen readers. */
export const MINUS = '\u2212';

/** Shown in place of NaN: the computation has no meaningful value (e.g. 0/0, or training diverged). */
export const UNDEFINED_WORD = 'undefined';
/** Shown in place of +Infinity / −Infinity (or numbers too large to print usefully). */
export const TOO_LARGE_WORD = 'too large';

/** Beyond this magnitude, fixed-point output stops being readable; we switch to "1.23e+21" style. */
const EXPONENT_THRESHOLD = 1e21;

/**
 * Format `x` with exactly `digits` decimals (0–20) for display.
 *
 * - NaN gives "undefined"; ±Infinity gives "too large" (with a minus sign for −Infinity).
 *   Callers that want a sentence can compare against `UNDEFINED_WORD` / `TOO_LARGE_WORD`.
 * - Negative numbers use the real minus sign "−" (U+2212), not the hyphen "-".
 * - A value that rounds to zero is printed as "0.00", never "−0.00": −0.001 at 2 digits is zero
 *   to the reader, and "−0" would suggest a sign that is not meaningful.
 * - Magnitudes ≥ 1e21 use exponent notation (which is what `toFixed` falls back to anyway),
 *   also with a real minus sign.
 */
export function formatNumber(x: number, digits = 2): string {
  if (Number.isNaN(x)) return UNDEFINED_WORD;
  if (!Number.isFinite(x)) return x > 0 ? TOO_LARGE_WORD : `${MINUS}${TOO_LARGE_WORD}`;
  const d = Math.min(20, Math.max(0, Math.round(digits)));
  const text = Math.abs(x) >= EXPONENT_THRESHOLD ? x.toExponential(d) : x.toFixed(d);
  // "-0.00", "-0": the sign survived rounding but the value did not.
  if (/^-0(\.0*)?$/.test(text)) return text.slice(1);
  return text.replace(/-/g, MINUS);
}

/** Format a probability p ∈ [0, 1] as a whole percentage, e.g. 0.731 → "73%". */
export function formatPercent(p: number, digits = 0): string {
  if (!Number.isFinite(p)) return formatNumber(p, digits);
  return `${formatNumber(p * 100, digits)}%`;
}

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** A whole number as superscript, for an exponent: 2 → "²", −7 → "⁻⁷" (as in x², 10⁻⁷). */
export function superscript(n: number): string {
  return [...String(n)].map((c) => SUPERSCRIPTS[c] ?? c).join('');
}

/** The number a superscript stands for: "⁻⁷" → −7; NaN for text that is not one. */
export function fromSuperscript(text: string): number {
  const plain = Object.fromEntries(Object.entries(SUPERSCRIPTS).map(([c, s]) => [s, c]));
  return Number([...text].map((c) => plain[c] ?? c).join(''));
}
