/**
 * The chain rule on one sigmoid neuron, a = σ(z) with z = w·x + b: the slope of the output a with
 * respect to the input x, the weight w or the bias b is the product of two factors,
 *
 *   ∂a/∂v = da/dz · ∂z/∂v,   da/dz = σ′(z) = σ(z)(1 − σ(z)),   ∂z/∂x = w, ∂z/∂w = x, ∂z/∂b = 1.
 *
 * Pure arithmetic: no DOM.
 */
import { sigmoid, sigmoidPrime } from './activations';

/** The variable of σ(w·x + b) that the derivative is taken with respect to. */
export type NeuronVariable = 'x' | 'w' | 'b';

/** A point (w, x, b) of the neuron. */
export interface NeuronPoint {
  w: number;
  x: number;
  b: number;
}

/** The neuron at a point, with the two factors of the chain rule and their product. */
export interface ChainFactors {
  /** z = w·x + b. */
  z: number;
  /** a = σ(z). */
  a: number;
  /** da/dz = σ′(z). */
  dadz: number;
  /** ∂z/∂v: w for x, x for w, 1 for b. */
  dzdv: number;
  /** ∂a/∂v = da/dz · ∂z/∂v. */
  slope: number;
}

/** z = w·x + b. */
export function weightedSum({ w, x, b }: NeuronPoint): number {
  return w * x + b;
}

/** The factors of ∂a/∂v at a point. */
export function chainFactors(p: NeuronPoint, v: NeuronVariable): ChainFactors {
  const z = weightedSum(p);
  const dadz = sigmoidPrime(z);
  const dzdv = v === 'x' ? p.w : v === 'w' ? p.x : 1;
  return { z, a: sigmoid(z), dadz, dzdv, slope: dadz * dzdv };
}

/** The point with v set to `value`, the other two held. */
export function withValue(p: NeuronPoint, v: NeuronVariable, value: number): NeuronPoint {
  return { ...p, [v]: value };
}

/**
 * The output a as a function of v alone, the other two held at the point, and its exact
 * derivative by the chain rule: a(v) = σ(z(v)), a′(v) = σ′(z(v)) · ∂z/∂v.
 */
export function outputAlong(
  p: NeuronPoint,
  v: NeuronVariable,
): { f: (value: number) => number; df: (value: number) => number } {
  const { w, x, b } = p;
  switch (v) {
    case 'w':
      return { f: (u) => sigmoid(u * x + b), df: (u) => sigmoidPrime(u * x + b) * x };
    case 'b':
      return { f: (u) => sigmoid(w * x + u), df: (u) => sigmoidPrime(w * x + u) };
    default:
      return { f: (u) => sigmoid(w * u + b), df: (u) => sigmoidPrime(w * u + b) * w };
  }
}
