/**
 * `<nn-softmax>` in words: scores, probabilities, gradients and very large or small numbers as a
 * student reads them, what is wrong with a field's text or an attribute, the formulas written out
 * with the numbers, the live summary and the rows of the data table. Pure strings of the numbers
 * in model.ts: no DOM, no Lit.
 */
import { MINUS, formatNumber, superscript } from '../../math/format';
import { LIMIT, MAX_CLASSES, MAX_LABEL, exponentials } from './model';
import type { FieldProblem, SoftmaxState } from './model';
import { fieldProblemText } from '../shared/number-field';

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
/** 12 → "₁₂". */
export function sub(i: number): string {
  return String(i).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]!);
}

/** A score as typed: as many decimals as it has (at least one, at most 3): 2.0, −0.25. */
export function scoreText(z: number): string {
  for (let d = 1; d < 3; d++) {
    if (Math.abs(Number(z.toFixed(d)) - z) < 1e-9) return formatNumber(z, d);
  }
  return formatNumber(z, 3);
}

/** A score in its field: every decimal it has (up to 6), so a typed 0.125 stays 0.125. */
export function fieldText(z: number): string {
  for (let d = 0; d < 6; d++) {
    if (Math.abs(Number(z.toFixed(d)) - z) < 1e-9) return formatNumber(z, d);
  }
  return formatNumber(z, 6);
}

/** A probability as a percentage with one decimal, never a false 0% or 100%. */
export function percent(p: number): string {
  if (p < 0.0005) return 'less than 0.1%';
  if (p > 0.9995) return 'more than 99.9%';
  return `${formatNumber(p * 100, 1)}%`;
}

/** A gradient with its sign: +0.242, −0.341, 0.000. */
export function signed(g: number): string {
  const text = formatNumber(g, 3);
  return /^0\.0*$/.test(text) || text.startsWith(MINUS) ? text : `+${text}`;
}

/**
 * Any positive number a student can read: 3 significant digits between 0.001 and 10,000, else
 * "2.69 × 10⁴³" (e^100 does not fit a line written out, and "2.69e+43" is a programmer's word).
 */
export function readable(v: number): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return formatNumber(v);
  const a = Math.abs(v);
  if (a >= 0.001 && a < 10_000) {
    const digits = Math.max(0, Math.min(5, 2 - Math.floor(Math.log10(a))));
    return formatNumber(v, digits);
  }
  const [mantissa, exponent] = v.toExponential(2).split('e') as [string, string];
  const power = superscript(Number(exponent));
  return `${mantissa.replace('-', MINUS)} × 10${power}`;
}

/** What to do about a field's text that is not a score the widget takes. */
export function problemText(problem: FieldProblem, text: string): string {
  return fieldProblemText(problem, text, LIMIT, '1.5');
}

/** The console warning for a `logits` attribute that is not 1 to 10 numbers in [−10, 10]. */
export function logitsWarning(tag: string, value: string, fallback: string): string {
  return (
    `<${tag}> logits="${value}" is not 1 to ${MAX_CLASSES} numbers from −${LIMIT} to ${LIMIT} ` +
    `separated by spaces; using the default "${fallback}".`
  );
}

/** The console warning for a `labels` attribute that is not 1 to 10 names. */
export function labelsWarning(tag: string, value: string): string {
  return (
    `<${tag}> labels="${value}" is not 1 to ${MAX_CLASSES} names of 1 to ${MAX_LABEL} ` +
    `characters separated by commas; using "class 1", "class 2", ….`
  );
}

/** The console warning for a right class beyond the number of classes. */
export function targetWarning(tag: string, target: number, k: number): string {
  return `<${tag}> target="${target}" is not a class 1 to ${k}; using class 1.`;
}

/** The name of score i's controls: "score z₁ of cat". */
export function scoreName(state: SoftmaxState, i: number): string {
  return `score z${sub(i + 1)} of ${state.names[i]}`;
}

/** What a screen reader says for score i's slider: the score and the probability it gives. */
export function scoreSpoken(state: SoftmaxState, i: number): string {
  return `${scoreText(state.scores[i]!)}, probability ${percent(state.reading.probabilities[i]!)}`;
}

/** What one step of gradient descent does to score i: raise it, lower it, or leave it. */
export function nudge(state: SoftmaxState, i: number): 'raise' | 'lower' | 'keep' {
  const g = state.reading.gradient[i]!;
  if (Math.abs(g) < 5e-4) return 'keep';
  return g < 0 ? 'raise' : 'lower';
}

/** The arrow beside a gradient: which way gradient descent moves the score. */
export const NUDGE_ARROW = { raise: '↑', lower: '↓', keep: '·' } as const;

/**
 * p_y written out: "p₁ = e^(z₁/T) / Σⱼ e^(zⱼ/T)", then "= 7.39 / (7.39 + 2.72 + 1.11)",
 * then "= 7.39 / 11.2", then "= 0.659".
 */
export function probabilitySteps(state: SoftmaxState): string[] {
  const y = state.target;
  const exps = exponentials(state);
  const total = exps.reduce((s, e) => s + e, 0);
  const over = state.temperature === 1 ? '' : '/T';
  const py = state.reading.probabilities[y]!;
  const steps = [
    `p${sub(y + 1)} = e^(z${sub(y + 1)}${over}) / Σⱼ e^(zⱼ${over})`,
    `= ${readable(exps[y]!)} / (${exps.map(readable).join(' + ')})`,
    `= ${readable(exps[y]!)} / ${readable(total)}`,
    `= ${readable(py)}`,
  ];
  // Where e^(z/T) overflows a double, the softmax still works (it subtracts the largest score
  // first), but the terms written out would not: show only the definition and the result.
  return Number.isFinite(total) ? steps : [steps[0]!, steps[3]!];
}

/** The loss written out: "L = −log p₁ = −log 0.659 = 0.417". */
export function lossSteps(state: SoftmaxState): string[] {
  const y = state.target;
  return [
    `L = ${MINUS}log p${sub(y + 1)}`,
    `= ${MINUS}log ${readable(state.reading.probabilities[y]!)}`,
    `= ${formatNumber(state.reading.loss, 3)}`,
  ];
}

/** The gradient rule: "∂L/∂zᵢ = pᵢ − 1 for the right class, pᵢ for the others" (÷ T). */
export function gradientRule(state: SoftmaxState): string {
  const t =
    state.temperature === 1 ? '' : `, all divided by T = ${formatNumber(state.temperature, 2)}`;
  return `∂L/∂zᵢ = pᵢ ${MINUS} 1 for the right class, pᵢ for every other class${t}.`;
}

/** The live summary: probabilities, the right class and its loss, the answer, what descent does. */
export function summary(state: SoftmaxState): string {
  const { names, target: y, reading: r } = state;
  const probs = names.map((n, i) => `${n} ${percent(r.probabilities[i]!)}`).join(', ');
  const answer =
    r.predicted === y
      ? `The most likely class is ${names[y]}, the right one.`
      : `The most likely class is ${names[r.predicted]}, but the right one is ${names[y]}.`;
  const temperature =
    state.temperature === 1 ? '' : ` at temperature ${formatNumber(state.temperature, 2)}`;
  const descent =
    r.loss < 0.0005
      ? 'The loss is almost 0: gradient descent has almost nothing left to change.'
      : `A step of gradient descent raises the score of ${names[y]} and lowers the others.`;
  return (
    `Probabilities${temperature}: ${probs}. ${answer} ` +
    `Loss ${MINUS}log p of ${names[y]} = ${formatNumber(r.loss, 3)}. ${descent}`
  );
}

/** One row of the data table. */
export interface SoftmaxRow {
  name: string;
  right: boolean;
  score: string;
  probability: string;
  gradient: string;
}

export function tableRows(state: SoftmaxState): SoftmaxRow[] {
  const r = state.reading;
  return state.names.map((name, i) => ({
    name,
    right: i === state.target,
    score: scoreText(state.scores[i]!),
    probability: formatNumber(r.probabilities[i]!, 4),
    gradient: signed(r.gradient[i]!),
  }));
}

/** "Sum of the probabilities: 1.000" — always 1, which is the point. */
export function sumText(state: SoftmaxState): string {
  const total = state.reading.probabilities.reduce((s, p) => s + p, 0);
  return `The ${state.scores.length} probabilities add up to ${formatNumber(total, 3)}.`;
}
