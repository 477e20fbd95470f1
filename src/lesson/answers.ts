/**
 * Checking a student's answer. Pure functions: the exercise element shows what they return.
 * A reply that is not a number is not "wrong": it gets a message saying how to write one,
 * and it does not count as an attempt.
 */
import type { NumericExercise } from './types';

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Read a typed number: accepts 0.5, .5, −0.5 (a typographic minus), 1e-3, 1/4 and 25%. */
export function parseNumber(text: string): ParsedNumber {
  const raw = text
    .trim()
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/\s+/g, '');
  if (raw === '') return { ok: false, message: 'Type a number first, for example 0.25.' };
  if (/^[+-]?\d+,\d+$/.test(raw)) {
    return {
      ok: false,
      message: `Use a dot for decimals: write ${raw.replace(',', '.')} instead of ${raw}.`,
    };
  }
  const percent = raw.endsWith('%');
  const body = percent ? raw.slice(0, -1) : raw;
  const fraction = /^([+-]?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(body);
  let value: number;
  if (fraction) {
    const den = Number(fraction[2]);
    if (den === 0) return { ok: false, message: 'A fraction cannot have 0 below the line.' };
    value = Number(fraction[1]) / den;
  } else if (NUMBER.test(body)) {
    value = Number(body);
  } else {
    return {
      ok: false,
      message: `“${text.trim()}” is not a number. Type digits with a dot for decimals, like 0.73.`,
    };
  }
  if (!Number.isFinite(value)) return { ok: false, message: 'That number is too large to check.' };
  return { ok: true, value: percent ? value / 100 : value };
}

/** Is `value` within the exercise's absolute tolerance of its answer? */
export function isNumericCorrect(
  spec: Pick<NumericExercise, 'answer' | 'tolerance'>,
  value: number,
): boolean {
  // A hair of slack so that 0.1 + 0.2 style rounding never turns a right answer wrong.
  const slack = 1e-12 * Math.max(1, Math.abs(spec.answer));
  return Math.abs(value - spec.answer) <= spec.tolerance + slack;
}

/** How many hints to show after `wrongAttempts` wrong attempts: one more per wrong attempt. */
export function hintsToShow(wrongAttempts: number, hintCount: number): number {
  return Math.min(Math.max(wrongAttempts, 0), hintCount);
}

/** Is the worked answer shown? After `allowed` wrong attempts, or once solved. */
export function solutionShown(wrongAttempts: number, allowed: number, solved: boolean): boolean {
  return solved || wrongAttempts >= allowed;
}
