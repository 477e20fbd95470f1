/**
 * A slider's value as the widgets write it in formulas and speak it to screen readers: one decimal
 * on the slider's 0.1 grid ("1.5"), two where an attribute set a finer value ("0.25"). A value that
 * rounds to zero gets no minus sign ("+ 0.00", never "− 0.00"). Pure strings: no DOM, no Lit.
 */
import { formatNumber } from '../../math/format';

/** A slider value: one decimal (the slider's step), two if an attribute set a finer value. */
export function param(v: number): string {
  return formatNumber(v, digitsOf(v));
}

/** How many decimals `param` writes: 1 on the 0.1 grid, else 2. */
export function digitsOf(v: number): number {
  return Math.abs(v * 10 - Math.round(v * 10)) < 1e-9 ? 1 : 2;
}

/** Whether `v` is negative as written in `text`: below zero, and not rounded to zero. */
export function negativeAs(text: string, v: number): boolean {
  return v < 0 && /[1-9]/.test(text);
}

/** Wrap a negative number in parentheses: 2.0 · (−0.5), not 2.0 · −0.5. */
export function paren(text: string, v: number): string {
  return negativeAs(text, v) ? `(${text})` : text;
}

/** "+ 1.0" or "− 1.0": a term written as part of a sum. */
export function signed(v: number): string {
  const text = param(Math.abs(v));
  return negativeAs(text, v) ? `− ${text}` : `+ ${text}`;
}

/** A slider value for screen readers: the word "minus", which every reader speaks. */
export function spoken(v: number): string {
  const text = param(Math.abs(v));
  return negativeAs(text, v) ? `minus ${text}` : text;
}
