/**
 * The numbers `<nn-digits>` shows, as pure functions over src/math: the network's shape and its
 * seeded starting weights, an evaluation of the test digits (accuracy, loss, confusion matrix,
 * every digit's prediction and top three), the digits a confusion cell holds, the misclassified
 * digits, and a hidden unit's 784 incoming weights as a 28×28 image. No DOM; tested in node.
 */
import { denseParameterCount, denseSlotCount, type DenseState } from '../../math/dense-net';
import { createRng } from '../../math/rng';
import type { EngineChoice } from '../../train/protocol';

export const INPUTS = 784;
export const CLASSES = 10;

export interface DigitsSetup {
  hidden: number;
  /** 0: no second hidden layer. */
  hidden2: number;
  learningRate: number;
  batchSize: number;
  seed: number;
  epochs: number;
  /** The training engine asked for ('auto', 'js', 'wasm', 'cpu', 'webgl'). */
  backend?: EngineChoice;
}

/** Units per layer, input and output included: [784, 32, 10] or [784, 64, 32, 10]. */
export function layerSizes(setup: Pick<DigitsSetup, 'hidden' | 'hidden2'>): number[] {
  const hidden = [setup.hidden, setup.hidden2].filter((u) => Number.isInteger(u) && u > 0);
  return [INPUTS, ...hidden, CLASSES];
}

/** Weights and biases: 784-32-10 has 784·32 + 32 + 32·10 + 10 = 25,450. */
export function parameterCount(sizes: readonly number[]): number {
  return denseParameterCount(sizes);
}

/** Training steps in one pass over `n` digits, `batch` at a time (the last batch shorter). */
export function stepsPerEpoch(n: number, batch: number): number {
  return n > 0 ? Math.ceil(n / Math.max(1, batch)) : 0;
}

/**
 * The seeded starting state for Adam: Glorot/Xavier-uniform kernels, w ~ U(−r, r) with
 * r = √(6 / (fan_in + fan_out)), biases 0, Adam's slots 0 — drawn layer by layer, row by row, in
 * the packed layout of `DenseNet` (kernel row-major [inputs × units], then bias, per layer).
 */
export function initialState(sizes: readonly number[], seed: number): DenseState {
  const rng = createRng(seed);
  const count = denseParameterCount(sizes);
  const values = new Float32Array(count * (1 + denseSlotCount('adam')));
  let at = 0;
  for (let l = 1; l < sizes.length; l++) {
    const inputs = sizes[l - 1]!;
    const units = sizes[l]!;
    const r = Math.sqrt(6 / (inputs + units));
    for (let i = 0; i < inputs * units; i++) values[at++] = rng.uniform(-r, r);
    at += units; // biases start at 0
  }
  return { values, adamStep: 0 };
}

/**
 * Hidden unit `unit`'s 784 incoming weights (layer 1 of a packed state) as a 28×28 image, and the
 * largest |weight| among them (the scale to draw it with; 0 for all-zero weights).
 */
export function unitWeights(
  values: Float32Array,
  units: number,
  unit: number,
  out = new Float32Array(INPUTS),
): { weights: Float32Array; scale: number } {
  let scale = 0;
  for (let i = 0; i < INPUTS; i++) {
    const w = values[i * units + unit]!;
    out[i] = w;
    const a = Math.abs(w);
    if (a > scale) scale = a;
  }
  return { weights: out, scale: Number.isFinite(scale) ? scale : 0 };
}

/** The three most probable digits of one prediction, most probable first. */
export function topThree(probs: ArrayLike<number>, offset = 0): { digit: number; p: number }[] {
  const all = Array.from({ length: CLASSES }, (_, d) => ({ digit: d, p: probs[offset + d]! }));
  all.sort((a, b) => b.p - a.p || a.digit - b.digit);
  return all.slice(0, 3);
}

/** The most probable digit (the first on a tie). */
export function argmaxAt(probs: ArrayLike<number>, offset = 0): number {
  let best = 0;
  for (let d = 1; d < CLASSES; d++) if (probs[offset + d]! > probs[offset + best]!) best = d;
  return best;
}

/** What the network makes of the test set, read from its probabilities. */
export interface Evaluation {
  /** Share of test digits classified right, 0…1. */
  accuracy: number;
  /** Mean cross-entropy −ln p(true digit). */
  loss: number;
  /** confusion[t·10 + c]: test digits of true digit t read as c. */
  confusion: Int32Array;
  /** predicted[i]: the digit the network reads in test digit i. */
  predicted: Uint8Array;
  /** Share right per true digit 0…9 (NaN for a digit with no test digits). */
  perClass: number[];
}

/**
 * Read `probs` (n × 10, the softmax of each of `labels.length` digits) against the labels. A
 * probability of 0 for the true digit counts as the loss of p = 1e-7 (finite, like tfjs's clip).
 */
export function evaluate(probs: ArrayLike<number>, labels: ArrayLike<number>): Evaluation {
  const n = labels.length;
  const confusion = new Int32Array(CLASSES * CLASSES);
  const predicted = new Uint8Array(n);
  let right = 0;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const t = labels[i]!;
    const c = argmaxAt(probs, i * CLASSES);
    predicted[i] = c;
    confusion[t * CLASSES + c]!++;
    if (c === t) right++;
    loss -= Math.log(Math.max(1e-7, probs[i * CLASSES + t]!));
  }
  const perClass = Array.from({ length: CLASSES }, (_, t) => {
    let total = 0;
    for (let c = 0; c < CLASSES; c++) total += confusion[t * CLASSES + c]!;
    return total > 0 ? confusion[t * CLASSES + t]! / total : Number.NaN;
  });
  return {
    accuracy: n > 0 ? right / n : 0,
    loss: n > 0 ? loss / n : 0,
    confusion,
    predicted,
    perClass,
  };
}

/** Indices of the test digits of true digit `truth` that the network read as `read`. */
export function cellDigits(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  truth: number,
  read: number,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === truth && predicted[i] === read) out.push(i);
  }
  return out;
}

/** How many of the most confident mistakes the widget shows. */
export const SHOW_MISTAKES = 18;

/**
 * The misclassified test digits, most confidently wrong first (the probability given to the wrong
 * answer), at most `limit`.
 */
export function misclassified(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  probs: ArrayLike<number>,
  limit: number,
): number[] {
  const wrong: { i: number; p: number }[] = [];
  for (let i = 0; i < labels.length; i++) {
    const c = predicted[i]!;
    if (c !== labels[i]) wrong.push({ i, p: probs[i * CLASSES + c]! });
  }
  wrong.sort((a, b) => b.p - a.p || a.i - b.i);
  return wrong.slice(0, limit).map((w) => w.i);
}

/** The off-diagonal cells with the most digits: which pairs the network mixes up. */
export function confusedPairs(
  confusion: ArrayLike<number>,
  limit = 3,
): { truth: number; read: number; count: number }[] {
  const pairs: { truth: number; read: number; count: number }[] = [];
  for (let t = 0; t < CLASSES; t++) {
    for (let c = 0; c < CLASSES; c++) {
      const count = confusion[t * CLASSES + c]!;
      if (t !== c && count > 0) pairs.push({ truth: t, read: c, count });
    }
  }
  pairs.sort((a, b) => b.count - a.count || a.truth - b.truth || a.read - b.read);
  return pairs.slice(0, limit);
}

/** Digits of pixels 0…255 to values 0…1 (`count` digits from `first`). */
export function pixelsToFloat(bytes: Uint8Array, first: number, count: number): Float32Array {
  const out = new Float32Array(count * INPUTS);
  const from = first * INPUTS;
  for (let i = 0; i < out.length; i++) out[i] = bytes[from + i]! / 255;
  return out;
}
