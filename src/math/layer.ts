/**
 * One layer of a neural network, computed by hand: with a weight matrix W (one row per neuron,
 * one column per input), an input column x and a bias column b, the layer's weighted sums are
 * z = Wx + b and its outputs a = f(z), entry by entry. With no activation, a = z.
 *
 * Pure arithmetic on `Matrix`: a shape that does not fit throws the `ShapeError` of the multiply
 * or the add, which names both shapes.
 */
import type { Matrix } from './matrix';

export interface LayerOutput {
  /** The weighted sums z = Wx + b, one row per neuron. */
  z: Matrix;
  /** The outputs a = f(z); z itself when there is no activation. */
  a: Matrix;
}

/** z = Wx + b and a = f(z) (a = z when `f` is left out). */
export function layerForward(
  W: Matrix,
  x: Matrix,
  b: Matrix,
  f?: (z: number) => number,
): LayerOutput {
  const z = W.multiply(x).add(b);
  return { z, a: f ? z.map((v) => f(v)) : z };
}
