/**
 * Reading a number a student typed into a field — pure, for every widget that has number fields.
 * Accepts 0.5, .5, −0.5 (typographic minus or dash), 1e-3; names what is wrong otherwise, so the
 * widget can say it in its own words (`describe.ts`), or in the shared ones of `fieldProblemText`.
 */
import { MINUS } from '../../math/format';

/** Why a field's text is not a number the widget takes. */
export type FieldProblem = 'empty' | 'decimal-comma' | 'not-a-number' | 'out-of-range';

export type FieldReading =
  { ok: true; value: number } | { ok: false; problem: FieldProblem; text: string };

/** Read `text` as a number within ±`limit`. */
export function readNumberField(text: string, limit: number): FieldReading {
  const raw = text.trim().replace(/[\u2212\u2013]/g, '-');
  if (raw === '') return { ok: false, problem: 'empty', text: raw };
  if (/^[+-]?\d+,\d+$/.test(raw)) return { ok: false, problem: 'decimal-comma', text: raw };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw)) {
    return { ok: false, problem: 'not-a-number', text: text.trim() };
  }
  const value = Number(raw);
  if (!(Math.abs(value) <= limit)) return { ok: false, problem: 'out-of-range', text: raw };
  return { ok: true, value };
}

/**
 * What to do about a field's text that is not a number within ±`limit`, in words a student can act
 * on; `example` is the number suggested ("0.5").
 */
export function fieldProblemText(
  problem: FieldProblem,
  text: string,
  limit: number,
  example: string,
): string {
  switch (problem) {
    case 'empty':
      return `Type a number, for example ${example}.`;
    case 'decimal-comma':
      return `Use a dot for decimals: ${text.replace(',', '.')}.`;
    case 'not-a-number':
      return `“${text}” is not a number. Type digits, like ${example}.`;
    case 'out-of-range':
      return `Use a number from ${MINUS}${limit} to ${limit}.`;
  }
}

/**
 * A list attribute's numbers: the parts of `value` between `separators`, each read as a field
 * within ±`limit`; null unless there are 1 to `most` of them and every one is such a number.
 */
export function readNumberList(
  value: string,
  separators: RegExp,
  most: number,
  limit: number,
): number[] | null {
  const parts = value.trim().split(separators).filter(Boolean);
  if (parts.length === 0 || parts.length > most) return null;
  const read = parts.map((p) => readNumberField(p, limit));
  return read.every((r) => r.ok) ? read.map((r) => (r as { value: number }).value) : null;
}
