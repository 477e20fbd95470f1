/**
 * The forward pass of a small fully-connected network, given as plain data.
 *
 * A network is a list of layers. Layer ℓ holds a weight matrix W⁽ℓ⁾ (one row per neuron, one
 * column per input of the layer), a bias vector b⁽ℓ⁾ and an activation function f⁽ℓ⁾. An input
 * vector a⁽⁰⁾ = x flows through the layers:
 *
 *   z⁽ℓ⁾ = W⁽ℓ⁾ a⁽ℓ⁻¹⁾ + b⁽ℓ⁾          (each neuron j: z_j = Σᵢ W_ji a_i + b_j, a weighted sum)
 *   a⁽ℓ⁾ = f⁽ℓ⁾(z⁽ℓ⁾)                  (applied to each entry)
 *
 * and the output of the last layer is the network's answer. With one sigmoid output neuron that
 * answer lies in (0, 1) and reads as the probability of class 1.
 *
 * Everything here is pure and synchronous: no DOM, no tensors, no mutation of the network. It is
 * the "by hand" network of the course; the trainer in src/train does the same maths with tfjs.
 */
import { ACTIVATIONS, ACTIVATION_NAMES } from './activations';
import type { ActivationName } from './activations';
import type { LabelledPoint } from './datasets';

/** The activation functions a layer may use: any of the course's ('linear' is none: a = z). */
export type LayerActivation = ActivationName;

/** One fully-connected layer. */
export interface DenseLayer {
  /**
   * `weights[j][i]` is the weight from input i of this layer into its neuron j: one row per
   * neuron, so the layer computes z = W·a + b with W as written.
   */
  readonly weights: readonly (readonly number[])[];
  /** `biases[j]` is the bias of neuron j. */
  readonly biases: readonly number[];
  readonly activation: LayerActivation;
}

/** A network: its layers, from the first hidden layer to the output layer. */
export interface TinyNetwork {
  readonly layers: readonly DenseLayer[];
}

/** What one layer computed: the weighted sums z and the activations a = f(z). */
export interface LayerTrace {
  z: number[];
  a: number[];
}

/** Each layer activation as a function of z (from the one table in activations.ts). */
export const LAYER_ACTIVATIONS = Object.fromEntries(
  ACTIVATION_NAMES.map((name) => [name, ACTIVATIONS[name].f]),
) as Readonly<Record<LayerActivation, (z: number) => number>>;

/**
 * Check that the layers fit together: every row of W⁽ℓ⁾ has as many weights as layer ℓ − 1 has
 * neurons (or as the input has entries, for the first layer), every neuron has one bias, and
 * every number is finite. Throws a RangeError naming the first problem.
 */
export function checkNetwork(net: TinyNetwork, inputs: number): void {
  if (net.layers.length === 0) throw new RangeError('a network needs at least one layer');
  let width = inputs;
  net.layers.forEach((layer, l) => {
    const name = `layer ${l + 1}`;
    if (!Object.hasOwn(LAYER_ACTIVATIONS, layer.activation)) {
      throw new RangeError(`${name}: unknown activation "${String(layer.activation)}"`);
    }
    if (layer.weights.length === 0) throw new RangeError(`${name} has no neurons`);
    if (layer.biases.length !== layer.weights.length) {
      throw new RangeError(
        `${name} has ${layer.weights.length} rows of weights but ${layer.biases.length} biases`,
      );
    }
    layer.weights.forEach((row, j) => {
      if (row.length !== width) {
        throw new RangeError(`${name}, neuron ${j + 1}: ${row.length} weights for ${width} inputs`);
      }
      if (!row.every(Number.isFinite)) {
        throw new RangeError(`${name}, neuron ${j + 1}: a weight is not a finite number`);
      }
    });
    if (!layer.biases.every(Number.isFinite)) {
      throw new RangeError(`${name}: a bias is not a finite number`);
    }
    width = layer.weights.length;
  });
}

/**
 * The forward pass, keeping every layer's z and a: what a "show the working" view or
 * backpropagation needs. `trace[ℓ]` belongs to layer ℓ + 1 (the input itself is not included).
 * The input must have as many entries as the first layer's rows have weights.
 */
export function forwardTrace(net: TinyNetwork, input: readonly number[]): LayerTrace[] {
  const trace: LayerTrace[] = [];
  let a: readonly number[] = input;
  for (const [l, layer] of net.layers.entries()) {
    const f = LAYER_ACTIVATIONS[layer.activation];
    const z = layer.weights.map((row, j) => {
      if (row.length !== a.length) {
        throw new RangeError(
          `layer ${l + 1}, neuron ${j + 1}: ${row.length} weights for ${a.length} inputs`,
        );
      }
      // z_j = Σᵢ W_ji a_i + b_j
      let sum = layer.biases[j] ?? 0;
      for (let i = 0; i < row.length; i++) sum += row[i]! * a[i]!;
      return sum;
    });
    const next = z.map(f);
    trace.push({ z, a: next });
    a = next;
  }
  return trace;
}

/** The network's output for one input vector: the last layer's activations. */
export function forward(net: TinyNetwork, input: readonly number[]): number[] {
  const trace = forwardTrace(net, input);
  return trace[trace.length - 1]?.a ?? [...input];
}

/**
 * For a network with two inputs and one output in (0, 1): the probability it gives to class 1 at
 * the point (x, y).
 */
export function probability(net: TinyNetwork, x: number, y: number): number {
  return forward(net, [x, y])[0] ?? Number.NaN;
}

/**
 * How many of `points` the network classifies right, reading p ≥ 0.5 as class 1 and p < 0.5 as
 * class 0 (the sigmoid's natural threshold: σ(z) ≥ 0.5 exactly when z ≥ 0).
 */
export function countCorrect(net: TinyNetwork, points: readonly LabelledPoint[]): number {
  let right = 0;
  for (const p of points) {
    const predicted = probability(net, p.x, p.y) >= 0.5 ? 1 : 0;
    if (predicted === p.label) right++;
  }
  return right;
}

/** The fraction of `points` classified right, in [0, 1] (0 for no points). */
export function accuracy(net: TinyNetwork, points: readonly LabelledPoint[]): number {
  return points.length === 0 ? 0 : countCorrect(net, points) / points.length;
}
