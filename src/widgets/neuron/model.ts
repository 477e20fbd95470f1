/**
 * The numbers of `<nn-neuron>`: its activations, the inputs and weights in use (filled in where
 * the attributes leave them out), the weighted sum and the output, each input's contribution,
 * reading a number typed in a field, and the `nn-change` detail. Pure: no DOM, no Lit. What the
 * student reads about these numbers is in describe.ts.
 */
import { sigmoid } from '../../math/activations';
import { readNumberField, readNumberList, type FieldReading } from '../shared/number-field';

/**
 * The activations the neuron offers. Adding one (tanh, ReLU) is one line here, its name in
 * `ACTIVATION_LABEL` in describe.ts, and its name in the `activation` attribute's `values` in
 * meta.ts.
 */
export const ACTIVATIONS = {
  sigmoid: { symbol: 'σ', f: sigmoid, digits: 3 },
  none: { symbol: '', f: (z: number) => z, digits: 2 },
} as const satisfies Record<string, { symbol: string; f: (z: number) => number; digits: number }>;
export type NeuronActivation = keyof typeof ACTIVATIONS;
export type Activation = (typeof ACTIVATIONS)[NeuronActivation];

/** The activation a name stands for; an unknown one (set from script) is the sigmoid. */
export function activationOf(name: string): Activation {
  return ACTIVATIONS[name as NeuronActivation] ?? ACTIVATIONS.sigmoid;
}

/** The most inputs, and the values that fill in inputs and weights the attributes leave out. */
export const MAX_INPUTS = 4;
export const FILL_X = [1, 0.5, -1, 2] as const;
export const FILL_W = [0.8, -0.4, 0.3, -0.6] as const;
/** Every input, weight and bias lies in [−10, 10]: large enough to saturate σ, small enough to draw. */
export const LIMIT = 10;
/** ArrowUp / ArrowDown in a field change its number by this much. */
export const STEP = 0.1;

export type ListName = 'x' | 'w';
/** A field: `x0` … `x3`, `w0` … `w3` or `bias`. */
export type FieldKey = `${ListName}${number}` | 'bias';

/** How many inputs are in use: 2 to 4 (anything else is rounded and clamped; NaN is 2). */
export function inputCount(inputs: number): number {
  return Math.min(MAX_INPUTS, Math.max(2, Math.round(inputs) || 2));
}

/** The first n values of list, filled in from `fill` where it is short. */
export function filled(list: readonly number[], fill: readonly number[], n: number): number[] {
  return Array.from({ length: n }, (_, i) => list[i] ?? fill[i] ?? 0);
}

/**
 * The list `key` names after its field is set to `value`: filled in up to the inputs shown, and
 * anything beyond kept (a 4th input while 2 are shown).
 */
export function withValue(
  list: readonly number[],
  name: ListName,
  n: number,
  index: number,
  value: number,
): number[] {
  const shown = filled(list, name === 'x' ? FILL_X : FILL_W, Math.max(n, 1));
  const next = [...shown, ...list.slice(shown.length)];
  next[index] = value;
  return next;
}

export type { FieldProblem, FieldReading } from '../shared/number-field';

/** Read a number typed in a field: accepts 0.5, .5, −0.5 (typographic minus), 1e-3. */
export function readField(text: string): FieldReading {
  return readNumberField(text, LIMIT);
}

/** A list attribute's value (`x="1 0.5"`): 1 to 4 numbers in [−10, 10], or null. */
export function readList(value: string): number[] | null {
  return readNumberList(value, /[\s,]+/, MAX_INPUTS, LIMIT);
}

/** ArrowUp / ArrowDown: the value 0.1 up or down, without binary noise, within [−10, 10]. */
export function stepped(value: number, up: boolean): number {
  const next = value + (up ? STEP : -STEP);
  // Round away the binary noise of 0.1 steps (0.30000000000000004).
  return Math.max(-LIMIT, Math.min(LIMIT, Math.round(next * 1e9) / 1e9));
}

/** The neuron as the fields and choices hold it. */
export interface NeuronState {
  /** The n inputs in use. */
  xs: readonly number[];
  /** The n weights in use. */
  ws: readonly number[];
  bias: number;
  activation: NeuronActivation;
}

/** The weighted sum z = w₁x₁ + … + wₙxₙ + b and the output a = f(z). */
export function compute(state: NeuronState): { z: number; output: number } {
  const { xs, ws } = state;
  const z = xs.reduce((sum, x, i) => sum + ws[i]! * x, 0) + state.bias;
  return { z, output: activationOf(state.activation).f(z) };
}

/** Each input's term wᵢxᵢ of the weighted sum. */
export function terms(state: NeuronState): number[] {
  return state.xs.map((x, i) => state.ws[i]! * x);
}

/** The input whose term pushes hardest (the first of equals), by index. */
export function strongestInput(state: NeuronState): number {
  const t = terms(state);
  let biggest = 0;
  t.forEach((v, i) => {
    if (Math.abs(v) > Math.abs(t[biggest]!)) biggest = i;
  });
  return biggest;
}

/** The `detail` of the `nn-change` event. */
export interface NeuronChangeDetail {
  inputs: number;
  /** The inputs in use, x₁ … xₙ. */
  x: number[];
  /** The weights in use, w₁ … wₙ. */
  w: number[];
  bias: number;
  activation: NeuronActivation;
  /** The weighted sum z = w₁x₁ + … + wₙxₙ + b. */
  z: number;
  /** The output a = f(z). */
  output: number;
}

export function changeDetail(state: NeuronState): NeuronChangeDetail {
  const { z, output } = compute(state);
  return {
    inputs: state.xs.length,
    x: [...state.xs],
    w: [...state.ws],
    bias: state.bias,
    activation: state.activation,
    z,
    output,
  };
}
