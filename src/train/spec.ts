/**
 * The model spec as plain data: checking it, the layer sizes it implies, and its seeded initial
 * weights. No tfjs here, so all of it runs (and is tested) in node, and the same seed gives the same
 * starting weights on every backend: we draw them ourselves and upload them, rather than letting each
 * backend's initialiser draw its own.
 */
import { createRng } from '../math/rng.ts';
import type { EngineName, LayerWeights, ModelSpec, Points, TrainReport } from './types.ts';

/** The network always reads a point of the plane. */
export const INPUTS = 2;

/**
 * The engine's own limits. The widget offers 0–6 hidden layers of 1–16 units; the engine accepts
 * wider layers so the benchmarks can measure how step time grows with width.
 */
export const LIMITS = { maxHidden: 6, maxUnits: 256 } as const;

const ACTIVATIONS = new Set(['sigmoid', 'tanh', 'relu', 'linear']);
const LOSSES = new Set(['cross-entropy', 'squared-error']);
const OPTIMIZERS = new Set(['sgd', 'momentum', 'adam']);

/** Throws a RangeError naming the first thing wrong with `spec`, in words a caller can act on. */
export function checkSpec(spec: ModelSpec): void {
  const fail = (what: string): never => {
    throw new RangeError(`Model spec: ${what}`);
  };
  if (!Array.isArray(spec.hidden) || spec.hidden.length > LIMITS.maxHidden) {
    fail(`hidden must list 0 to ${LIMITS.maxHidden} layers`);
  }
  spec.hidden.forEach((layer, i) => {
    if (!Number.isInteger(layer.units) || layer.units < 1 || layer.units > LIMITS.maxUnits) {
      fail(`hidden layer ${i + 1} needs a whole number of units from 1 to ${LIMITS.maxUnits}`);
    }
    if (!ACTIVATIONS.has(layer.activation)) {
      fail(`hidden layer ${i + 1} has an unknown activation "${String(layer.activation)}"`);
    }
  });
  if (!LOSSES.has(spec.loss)) fail(`unknown loss "${String(spec.loss)}"`);
  if (!OPTIMIZERS.has(spec.optimizer)) fail(`unknown optimizer "${String(spec.optimizer)}"`);
  if (!Number.isFinite(spec.learningRate) || spec.learningRate <= 0) {
    fail('the learning rate must be a number greater than 0');
  }
  if (!Number.isInteger(spec.batchSize) || spec.batchSize < 0) {
    fail('the batch size must be a whole number ≥ 0 (0 = the whole training set)');
  }
  if (!Number.isFinite(spec.l2) || spec.l2 < 0) fail('L2 must be a number ≥ 0');
  if (!Number.isFinite(spec.seed)) fail('the seed must be a finite number');
}

/** Throws a RangeError when `points` is not a set of labelled points of the plane. */
export function checkPoints(points: Points, name: string): void {
  const n = points.y.length;
  if (points.x.length !== INPUTS * n) {
    throw new RangeError(
      `${name} data: x holds ${points.x.length} numbers but ${n} labels need ${INPUTS * n}`,
    );
  }
  for (let i = 0; i < points.x.length; i++) {
    if (!Number.isFinite(points.x[i])) {
      throw new RangeError(
        `${name} data: point ${Math.floor(i / INPUTS)} has a non-finite coordinate`,
      );
    }
  }
  for (let i = 0; i < n; i++) {
    if (points.y[i] !== 0 && points.y[i] !== 1) {
      throw new RangeError(`${name} data: label ${i} is ${points.y[i]}, not 0 or 1`);
    }
  }
}

/** Units per layer, input and output included: 2-8-8-1 for two hidden layers of 8. */
export function layerSizes(spec: ModelSpec): number[] {
  return [INPUTS, ...spec.hidden.map((layer) => layer.units), 1];
}

/** Examples per step for `n` training points: the batch size, or all of them when it is 0. */
export function batchRows(spec: ModelSpec, n: number): number {
  return spec.batchSize === 0 ? n : Math.min(spec.batchSize, n);
}

/**
 * The seeded starting weights: Glorot/Xavier uniform kernels, w ~ U(−r, r) with
 * r = √(6 / (fan_in + fan_out)), so a unit's summed input neither vanishes nor saturates at the
 * start; biases 0. Drawn layer by layer, row by row, from `createRng(spec.seed)`.
 */
export function initialWeights(spec: ModelSpec): LayerWeights[] {
  const rng = createRng(spec.seed);
  const sizes = layerSizes(spec);
  const layers: LayerWeights[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const inputs = sizes[l - 1]!;
    const units = sizes[l]!;
    const r = Math.sqrt(6 / (inputs + units));
    const kernel = new Float32Array(inputs * units);
    for (let i = 0; i < kernel.length; i++) kernel[i] = rng.uniform(-r, r);
    layers.push({ kernel, bias: new Float32Array(units), inputs, units });
  }
  return layers;
}

/**
 * The seed of the batch shuffling stream: derived from the weights' seed but a different stream,
 * so changing the batch size does not change the starting weights.
 */
export function shuffleSeed(spec: ModelSpec): number {
  return spec.seed + 0.5;
}

/**
 * What makes one backend faster than another for a model: its layer sizes, its optimizer (Adam
 * runs several times the ops of SGD) and the rows per step, rounded up to a power of two. The
 * measured choice is cached under this key.
 */
export function sizeKey(spec: ModelSpec, trainRows: number): string {
  const rows = batchRows(spec, trainRows);
  const bucket = rows <= 1 ? 1 : 2 ** Math.ceil(Math.log2(rows));
  return `${layerSizes(spec).join('-')}|${spec.optimizer}|${bucket}`;
}

/** A learning rate as a person would write it: 3, 0.03, 1000, 1e-7. */
export function formatRate(rate: number): string {
  return String(Number(rate.toPrecision(4))).replace('-', '\u2212');
}

/** How many points a flat [x0, y0, x1, y1, …] array holds; a RangeError when it is not pairs. */
export function pointCount(xy: Float32Array): number {
  if (xy.length % INPUTS !== 0) {
    throw new RangeError(`expected [x0, y0, x1, y1, …] pairs, got ${xy.length} numbers`);
  }
  return xy.length / INPUTS;
}

/** A report with no numbers yet (losses and accuracies 0), at this step and epoch. */
export function emptyReport(step: number, epoch: number, backend: EngineName): TrainReport {
  return {
    step,
    epoch,
    trainLoss: 0,
    testLoss: 0,
    trainAccuracy: 0,
    testAccuracy: 0,
    backend,
  };
}
