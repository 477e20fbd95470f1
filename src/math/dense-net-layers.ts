/**
 * The per-layer kernels of `DenseNet` (dense-net.ts): each activation's f and its f′ (written from
 * the output a = f(z), as backpropagation uses it), and inverted dropout. Activations are those of
 * the course's table (`ACTIVATIONS` in activations.ts), each with a code here. Pure loops over
 * typed arrays; no DOM, no tensors.
 */
import { LEAKY_SLOPE, sigmoid } from './activations';
import type { DenseActivation } from './dense-net-types';
import { softmaxRows } from './dense-net-output';
import type { Rng } from './rng';

export const ACTIVATION_CODE: Readonly<Record<DenseActivation, number>> = {
  sigmoid: 0,
  tanh: 1,
  relu: 2,
  linear: 3,
  'leaky-relu': 5,
};
export const SIGMOID = 0;
const TANH = 1;
const RELU = 2;
export const LINEAR = 3;
/** The output layer's code when it is a softmax over k ≥ 2 units. */
export const SOFTMAX = 4;
const LEAKY_RELU = 5;

/**
 * a = f(z) for `rows` rows of `units` (a softmax row by row). `a` may be `z` itself (in place), or
 * apart from it (the output layer keeps z for the loss).
 */
export function activate(
  code: number,
  z: Float64Array,
  a: Float64Array,
  rows: number,
  units: number,
): void {
  const count = rows * units;
  switch (code) {
    case SIGMOID:
      for (let k = 0; k < count; k++) a[k] = sigmoid(z[k]!);
      break;
    case TANH:
      for (let k = 0; k < count; k++) a[k] = Math.tanh(z[k]!);
      break;
    case RELU:
      for (let k = 0; k < count; k++) a[k] = z[k]! > 0 ? z[k]! : 0;
      break;
    case LEAKY_RELU:
      for (let k = 0; k < count; k++) a[k] = z[k]! > 0 ? z[k]! : LEAKY_SLOPE * z[k]!;
      break;
    case SOFTMAX:
      softmaxRows(z, a, rows, units);
      break;
    default: // linear: a = z
      if (a !== z) for (let k = 0; k < count; k++) a[k] = z[k]!;
  }
}

/**
 * d ← d ⊙ f′ for `count` values, f′ written from the layer's output a = f(z):
 * σ′ = a(1 − a), tanh′ = 1 − a², ReLU′ = [a > 0], leaky ReLU′ = 1 if a > 0 else LEAKY_SLOPE
 * (a > 0 exactly where z > 0), linear′ = 1.
 */
export function timesSlope(code: number, a: Float64Array, d: Float64Array, count: number): void {
  switch (code) {
    case SIGMOID:
      for (let k = 0; k < count; k++) d[k]! *= a[k]! * (1 - a[k]!);
      break;
    case TANH:
      for (let k = 0; k < count; k++) d[k]! *= 1 - a[k]! * a[k]!;
      break;
    case RELU:
      for (let k = 0; k < count; k++) if (!(a[k]! > 0)) d[k] = 0;
      break;
    case LEAKY_RELU:
      for (let k = 0; k < count; k++) if (!(a[k]! > 0)) d[k]! *= LEAKY_SLOPE;
      break;
    default: // linear: f′ = 1
  }
}

/**
 * Inverted dropout on `count` outputs `a` with rate r: keep f(z) in `pre` (for f′), draw each
 * entry of `mask` — 0 with probability r, else 1/(1 − r) — from `rng`, in order, and multiply.
 */
export function dropOut(
  a: Float64Array,
  pre: Float64Array,
  mask: Float64Array,
  count: number,
  rate: number,
  rng: Rng,
): void {
  const keep = 1 / (1 - rate);
  for (let k = 0; k < count; k++) {
    pre[k] = a[k]!;
    const m = rng.next() < rate ? 0 : keep;
    mask[k] = m;
    a[k]! *= m;
  }
}
