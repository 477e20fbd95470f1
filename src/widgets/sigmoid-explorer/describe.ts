/**
 * `<nn-sigmoid-explorer>` in words: the slider values as shown and as spoken, the terms of the
 * formulas with their signs, the chart's and the map's accessible names, the live summaries, and
 * the output read as a probability. Pure strings of the numbers in model.ts: no DOM, no Lit.
 */
import { sigmoid, sigmoidPrime } from '../../math/activations';
import { formatNumber, formatPercent } from '../../math/format';
import { isStep, rangeOf, weightedSum } from './model';
import type { SigmoidSetup } from './model';
import { negativeAs, param, paren } from '../shared/written';

// Slider values (param, signed, spoken, paren), as every widget writes them.
export { param, paren, signed, spoken } from '../shared/written';

/** "+ 1.0 · 0.5" or "− 1.0 · (−0.5)": the second product of the weighted sum, written as a sum. */
export function signedProduct(w: number, x: number): string {
  const wText = param(Math.abs(w));
  const sign = negativeAs(wText, w) ? '−' : '+';
  return `${sign} ${wText} · ${paren(param(x), x)}`;
}

/** "+ 1.50" or "− 1.50", for a computed number (two decimals). */
export function signedNumber(v: number): string {
  const text = formatNumber(Math.abs(v), 2);
  return negativeAs(text, v) ? `− ${text}` : `+ ${text}`;
}

/** The decision line's second term: "−" and "1.0" for w₂ = −1 (the x₂ goes in the markup). */
export function secondWeight(w2: number): { sign: '+' | '−'; text: string } {
  const text = param(Math.abs(w2));
  return { sign: negativeAs(text, w2) ? '−' : '+', text };
}

/** The chart's accessible name: what is drawn (the numbers are in the live summary). */
export function chartLabel(input: number, derivative: boolean): string {
  const { min: xMin, max: xMax } = rangeOf('input');
  const dashed = derivative ? ', and the derivative σ′(w·x + b) dashed' : '';
  return (
    `Graph of the output σ(w·x + b) against the input x from ${param(xMin)} to ` +
    `${param(xMax)}, with the point at x = ${param(input)} marked${dashed}`
  );
}

/** The live summary: where we are on the curve, and what the curve looks like. */
export function curveSummary(setup: SigmoidSetup): string {
  const { weight: w, bias: b, input: x } = setup;
  const z = w * x + b;
  const s = sigmoid(z);
  const here = `At x = ${param(x)}, z = ${formatNumber(z, 2)} and σ(z) = ${formatNumber(s, 3)}.`;
  if (w === 0) {
    return `${here} With w = 0 the curve is flat: every input gives σ(b) = ${formatNumber(s, 3)}.`;
  }
  const { min: xMin, max: xMax } = rangeOf('input');
  const direction = w > 0 ? 'rises' : 'falls';
  const manner = Math.abs(w) >= 3 ? ' steeply' : Math.abs(w) <= 0.5 ? ' gently' : '';
  // σ(w·x + b) = 0.5 exactly where w·x + b = 0, i.e. at x = −b/w.
  const crossing = -b / w;
  const shape =
    crossing >= xMin && crossing <= xMax
      ? `The curve ${direction}${manner} and crosses 0.5 at x = ${formatNumber(crossing, 2)}.`
      : `The curve ${direction}${manner} and stays ${
          sigmoid(w * ((xMin + xMax) / 2) + b) > 0.5 ? 'above' : 'below'
        } 0.5 over the range shown.`;
  // σ′(z) < 0.01 means |z| > ~4.6: the neuron is saturated and its gradient almost vanishes.
  const saturated =
    sigmoidPrime(z) < 0.01 ? ' Here the neuron is saturated: the curve is almost flat.' : '';
  const step = isStep(w) ? ' It is almost a step.' : '';
  return `${here} ${shape}${step}${saturated}`;
}

/** For a large |w|: where σ goes from and to as x grows ("0.05" to "0.95" for w > 0). */
export function stepEnds(weight: number): [string, string] {
  return weight > 0 ? ['0.05', '0.95'] : ['0.95', '0.05'];
}

/** Plane mode: the map's accessible name. */
export function planeLabel(input: number, input2: number): string {
  const { min, max } = rangeOf('input');
  return (
    `Map of the plane, x₁ and x₂ from ${param(min)} to ${param(max)}, shaded by the neuron's ` +
    `output σ(w₁x₁ + w₂x₂ + b): orange where it is above 0.5 (“yes”), blue where it is below, ` +
    `with the decision line w₁x₁ + w₂x₂ + b = 0, an arrow for the weights (w₁, w₂), and the ` +
    `point (x₁, x₂) = (${param(input)}, ${param(input2)}) marked`
  );
}

/** Plane mode: the live summary. */
export function planeSummary(setup: SigmoidSetup): string {
  const { weight: w1, weight2: w2, bias: b, input: x1, input2: x2 } = setup;
  const z = weightedSum(setup);
  const s = sigmoid(z);
  const here =
    `At (x₁, x₂) = (${param(x1)}, ${param(x2)}), z = ${formatNumber(z, 2)} and ` +
    `σ(z) = ${formatNumber(s, 3)}.`;
  if (w1 === 0 && w2 === 0) {
    return `${here} With w₁ = w₂ = 0 there is no decision line: every point gets σ(b) = ${formatNumber(s, 3)}.`;
  }
  // The line w₁x₁ + w₂x₂ + b = 0 solved for x₂ (or for x₁ when it is vertical).
  const line =
    w2 !== 0
      ? `the line x₂ = ${formatNumber(-w1 / w2, 2)}·x₁ ${signedNumber(-b / w2)}`
      : `the vertical line x₁ = ${formatNumber(-b / w1, 2)}`;
  const side =
    Math.abs(z) < 0.005
      ? 'The point is on the decision line.'
      : `The point is on the ${z > 0 ? '“yes” side (z > 0)' : '“no” side (z < 0)'}.`;
  return `${here} The decision line is ${line}. ${side}`;
}

/** Which side of the decision line z puts the point on: the line itself within 0.005. */
export function sideOf(z: number): 'line' | 'yes' | 'no' {
  if (Math.abs(z) < 0.005) return 'line';
  return z > 0 ? 'yes' : 'no';
}

/**
 * How the output reads as a probability: 'sure' (more than 99%), 'unsure' (less than 1%),
 * 'undecided' (50%, within 0.005), or a percentage. A sigmoid never reaches 0 or 1: "more than
 * 99%" rather than round to a false 100%.
 */
export function reading(p: number): 'sure' | 'unsure' | 'undecided' | string {
  if (p >= 0.995) return 'sure';
  if (p <= 0.005) return 'unsure';
  if (Math.abs(p - 0.5) < 0.005) return 'undecided';
  return formatPercent(p);
}
