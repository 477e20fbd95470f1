/**
 * Reading a number a student typed into a field — pure, for every widget that has number fields.
 * Accepts 0.5, .5, −0.5 (typographic minus or dash), 1e-3; names what is wrong otherwise, so the
 * widget can say it in its own words (`describe.ts`).
 */

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
