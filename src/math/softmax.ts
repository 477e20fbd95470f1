/**
 * Many classes: scores (logits) z₁ … z_k → probabilities softmax(z) → the cross-entropy loss of the
 * right class, −log p_y, and its gradient with respect to every score, softmax(z) − onehot(y).
 *
 * The softmax itself lives in `activations.ts`; this file adds what a k-class output layer needs on
 * top of it: log-sum-exp, the loss, its gradient, and a temperature T (softmax(z / T)). Everything
 * is pure, works on plain arrays (or any `ArrayLike<number>`, so a `Float32Array` row of a batch
 * too) and is numerically safe for any finite scores: nothing here ever exponentiates a positive
 * number, and the loss is computed from log-sum-exp, never as log(p) of a p that underflowed to 0.
 */
import { softmax } from './activations';

/**
 * log Σⱼ e^(zⱼ), computed without overflow: with m = maxⱼ zⱼ,
 *   log Σⱼ e^(zⱼ) = m + log Σⱼ e^(zⱼ − m),
 * where every e^(zⱼ − m) ≤ 1 and the sum is ≥ 1 (the largest term is e^0), so its log is finite
 * and ≥ 0. Written naively, e^1000 = Infinity. It is a smooth maximum: max z ≤ lse(z) ≤ max z + log k.
 * An empty vector has no terms: −Infinity (the log of an empty sum, 0).
 */
export function logSumExp(z: ArrayLike<number>): number {
  if (z.length === 0) return -Infinity;
  let m = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i]! > m) m = z[i]!;
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += Math.exp(z[i]! - m);
  return m + Math.log(sum);
}

/**
 * log softmax(z)ᵢ = zᵢ − lse(z): exact even where softmax(z)ᵢ itself underflows to 0 (a score
 * 800 below the largest has probability e^(−800), which is 0 in float64, but its log is −800).
 */
export function logSoftmax(z: ArrayLike<number>): number[] {
  const lse = logSumExp(z);
  return Array.from(z, (v) => v - lse);
}

/** Throw a RangeError unless T is a finite number > 0. */
function checkTemperature(temperature: number): void {
  if (!(temperature > 0) || !Number.isFinite(temperature)) {
    throw new RangeError(`The temperature must be a number > 0, not ${temperature}.`);
  }
}

/** Throw a RangeError unless y is a class index 0 … k − 1. */
function checkClass(k: number, y: number): void {
  if (!Number.isInteger(y) || y < 0 || y >= k) {
    throw new RangeError(`The right class must be an index 0 … ${k - 1}, not ${y}.`);
  }
}

/** z / T: the scores a temperature T hands to the softmax. */
export function scaleByTemperature(z: ArrayLike<number>, temperature = 1): number[] {
  checkTemperature(temperature);
  return Array.from(z, (v) => v / temperature);
}

/**
 * softmax(z / T). T = 1 is the plain softmax; T > 1 flattens the probabilities towards 1/k (as
 * T → ∞ every class gets 1/k), T < 1 sharpens them towards the largest score (as T → 0 the
 * largest takes everything). The order of the classes never changes, and neither do the
 * probabilities when the same constant c is added to every score: e^(c/T) cancels.
 */
export function softmaxWithTemperature(z: ArrayLike<number>, temperature = 1): number[] {
  return softmax(scaleByTemperature(z, temperature));
}

/** The vector of length k with 1 at y and 0 elsewhere: the "right answer" as a distribution. */
export function oneHot(k: number, y: number): number[] {
  checkClass(k, y);
  return Array.from({ length: k }, (_, i) => (i === y ? 1 : 0));
}

/** The index of the largest score (the first one on a tie): the class the network predicts. */
export function argmax(z: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < z.length; i++) if (z[i]! > z[best]!) best = i;
  return best;
}

/**
 * The cross-entropy loss of the right class y for scores z at temperature T:
 *   L = −log softmax(z / T)_y = lse(z / T) − z_y / T.
 * It is 0 when the network gives class y probability 1 and grows without bound as p_y → 0
 * (−log 0.5 = 0.693…, −log 0.01 = 4.6). Computed from log-sum-exp, so a wrong answer given
 * probability e^(−800) costs 800, not Infinity.
 */
export function crossEntropy(z: ArrayLike<number>, y: number, temperature = 1): number {
  checkClass(z.length, y);
  const scaled = scaleByTemperature(z, temperature);
  // lse ≥ max ≥ z_y, so the difference is ≥ 0 up to rounding; clamp the rounding away.
  return Math.max(0, logSumExp(scaled) - scaled[y]!);
}

/** The loss of a probability p given to the right class: −log p (Infinity at p = 0). */
export function lossOfProbability(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A probability is in [0, 1], not ${p}.`);
  return -Math.log(p);
}

/**
 * ∂L/∂zᵢ for L = −log softmax(z / T)_y:
 *   ∂L/∂zᵢ = (softmax(z / T)ᵢ − [i = y]) / T.
 * With u = z / T: L = lse(u) − u_y, ∂lse/∂uᵢ = softmax(u)ᵢ and ∂u_y/∂uᵢ = [i = y]; the chain rule
 * through uᵢ = zᵢ / T divides by T. The right class gets p_y − 1 < 0 (gradient descent raises its
 * score), every other class gets pᵢ > 0 (descent lowers it), and the k entries sum to 0: adding
 * the same constant to every score changes nothing. For k = 2 with z = (0, s) and y ∈ {0, 1} this
 * is σ(s) − y on s, the sigmoid neuron's gradient of lesson 5.
 */
export function crossEntropyGradient(z: ArrayLike<number>, y: number, temperature = 1): number[] {
  checkClass(z.length, y);
  const p = softmaxWithTemperature(z, temperature);
  return p.map((pi, i) => (pi - (i === y ? 1 : 0)) / temperature);
}

/** Everything a k-class output shows at once, computed from one softmax. */
export interface SoftmaxReading {
  /** softmax(z / T): the probability of every class, summing to 1. */
  probabilities: number[];
  /** −log p_y, from log-sum-exp. */
  loss: number;
  /** ∂L/∂zᵢ = (pᵢ − [i = y]) / T. */
  gradient: number[];
  /** The class with the largest probability (the first on a tie). */
  predicted: number;
}

/** The probabilities, loss, gradient and prediction for scores z, right class y, temperature T. */
export function readSoftmax(z: ArrayLike<number>, y: number, temperature = 1): SoftmaxReading {
  checkClass(z.length, y);
  const scaled = scaleByTemperature(z, temperature);
  const probabilities = softmax(scaled);
  return {
    probabilities,
    loss: Math.max(0, logSumExp(scaled) - scaled[y]!),
    gradient: probabilities.map((p, i) => (p - (i === y ? 1 : 0)) / temperature),
    predicted: argmax(z),
  };
}

/** Numbers that can be written by index: a plain array or any typed array. */
export type WritableRow = { [index: number]: number; readonly length: number };

/** The largest of the k ≥ 1 scores z[offset … offset + k − 1]. */
export function rowMax(z: ArrayLike<number>, offset: number, k: number): number {
  let m = z[offset]!;
  for (let i = 1; i < k; i++) if (z[offset + i]! > m) m = z[offset + i]!;
  return m;
}

/**
 * The numerators of a softmax that cannot overflow: e^(zᵢ − m) for the k scores z[offset …] and
 * their largest, m = rowMax(z, offset, k), written into out[outOffset …] (each ≤ 1, the largest
 * exactly 1); returns their sum (≥ 1), the denominator. `out` may be `z` itself.
 */
export function shiftedExps(
  z: ArrayLike<number>,
  offset: number,
  k: number,
  m: number,
  out: WritableRow,
  outOffset: number,
): number {
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const e = Math.exp(z[offset + i]! - m);
    out[outOffset + i] = e;
    sum += e;
  }
  return sum;
}

/**
 * The loss and gradient of one row of a batch, in place and without allocating: for the k scores
 * z[offset … offset + k − 1] and the right class y, writes softmax − onehot(y) (T = 1) into
 * grad[gradOffset … gradOffset + k − 1] and returns −log p_y. For an output layer's inner loop,
 * where a Float32Array holds a whole batch of scores. `grad` may be `z` itself (the scores are
 * replaced by their gradient).
 */
export function softmaxCrossEntropyRow(
  z: ArrayLike<number>,
  offset: number,
  k: number,
  y: number,
  grad: WritableRow,
  gradOffset = offset,
): number {
  checkClass(k, y);
  const zy = z[offset + y]!;
  const m = rowMax(z, offset, k);
  const sum = shiftedExps(z, offset, k, m, grad, gradOffset);
  for (let i = 0; i < k; i++) grad[gradOffset + i] = grad[gradOffset + i]! / sum;
  grad[gradOffset + y] = grad[gradOffset + y]! - 1;
  return Math.max(0, m + Math.log(sum) - zy);
}
