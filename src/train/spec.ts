/**
 * The model spec as plain data: checking it, the layer sizes it implies, and its seeded initial
 * weights. No tfjs here, so all of it runs (and is tested) in node, and the same seed gives the same
 * starting weights on every backend: we draw them ourselves and upload them, rather than letting each
 * backend's initialiser draw its own.
 */
import { isActivationName } from '../math/activations.ts';
import { createRng } from '../math/rng.ts';
import type { EngineName, LayerWeights, ModelSpec, Rows, TrainReport } from './types.ts';

/** Numbers per example unless the spec says otherwise: a point of the plane. */
export const INPUTS = 2;

/**
 * The engine's own limits. The widget offers 0–6 hidden layers of 1–16 units; the engine accepts
 * wider layers so the benchmarks can measure how step time grows with width, rows up to 4,096
 * numbers wide (a 64×64 image) and up to 10 classes.
 */
export const LIMITS = { maxHidden: 6, maxUnits: 256, maxInputs: 4096, maxClasses: 10 } as const;

/** Numbers per example of `spec` (2 unless it says otherwise). */
export function inputsOf(spec: Pick<ModelSpec, 'inputs'>): number {
  return spec.inputs ?? INPUTS;
}

/** Classes `spec` tells apart (2 unless it says otherwise). */
export function classesOf(spec: Pick<ModelSpec, 'classes'>): number {
  return spec.classes ?? 2;
}

/** Whether `spec` predicts a number (one linear output unit) rather than a class. */
export function isRegression(spec: Pick<ModelSpec, 'task'>): boolean {
  return spec.task === 'regression';
}

/**
 * Units of the output layer: 1 (a σ unit) for two classes, k (a softmax) for k ≥ 3, 1 (linear)
 * for regression.
 */
export function outputUnits(spec: Pick<ModelSpec, 'classes' | 'task'>): number {
  if (isRegression(spec)) return 1;
  const k = classesOf(spec);
  return k > 2 ? k : 1;
}

/** The bounds of early stopping's settings (`ModelSpec.earlyStopping`). */
export const EARLY_STOPPING = { minFraction: 0.05, maxFraction: 0.5 } as const;

const TASKS = new Set(['classification', 'regression']);
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
    if (!isActivationName(layer.activation)) {
      fail(`hidden layer ${i + 1} has an unknown activation "${String(layer.activation)}"`);
    }
    const rate = layer.dropout ?? 0;
    if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
      fail(
        `hidden layer ${i + 1}'s dropout must be a number from 0 up to (not including) 1; got ${String(rate)}`,
      );
    }
  });
  if (spec.task !== undefined && !TASKS.has(spec.task)) {
    fail(`the task must be "classification" or "regression"; got "${String(spec.task)}"`);
  }
  if (!LOSSES.has(spec.loss)) fail(`unknown loss "${String(spec.loss)}"`);
  if (!OPTIMIZERS.has(spec.optimizer)) fail(`unknown optimizer "${String(spec.optimizer)}"`);
  if (!Number.isFinite(spec.learningRate) || spec.learningRate <= 0) {
    fail('the learning rate must be a number greater than 0');
  }
  if (!Number.isInteger(spec.batchSize) || spec.batchSize < 0) {
    fail('the batch size must be a whole number ≥ 0 (0 = the whole training set)');
  }
  if (!Number.isFinite(spec.l2) || spec.l2 < 0) fail('L2 must be a number ≥ 0');
  if (spec.l1 !== undefined && (!Number.isFinite(spec.l1) || spec.l1 < 0)) {
    fail(`L1 must be a number ≥ 0; got ${String(spec.l1)}`);
  }
  if (spec.earlyStopping !== undefined) {
    const { patience, validationFraction: fraction } = spec.earlyStopping;
    if (!Number.isInteger(patience) || patience < 1) {
      fail(
        `early stopping's patience must be a whole number of epochs ≥ 1; got ${String(patience)}`,
      );
    }
    const { minFraction, maxFraction } = EARLY_STOPPING;
    if (typeof fraction !== 'number' || !(fraction >= minFraction && fraction <= maxFraction)) {
      fail(
        `early stopping's validation fraction must be from ${minFraction} to ${maxFraction}; got ${String(fraction)}`,
      );
    }
  }
  if (!Number.isFinite(spec.seed)) fail('the seed must be a finite number');
  const inputs = inputsOf(spec);
  if (!Number.isInteger(inputs) || inputs < 1 || inputs > LIMITS.maxInputs) {
    fail(`inputs must be a whole number from 1 to ${LIMITS.maxInputs}`);
  }
  const classes = classesOf(spec);
  if (!Number.isInteger(classes) || classes < 2 || classes > LIMITS.maxClasses) {
    fail(`classes must be a whole number from 2 to ${LIMITS.maxClasses}`);
  }
}

/**
 * Throws a RangeError when `points` is not a set of labelled examples for `spec` (2 numbers a
 * row and labels 0/1 unless the spec says otherwise; any finite number for regression).
 */
export function checkPoints(
  points: Rows,
  name: string,
  spec: Pick<ModelSpec, 'inputs' | 'classes' | 'task'> = {},
): void {
  const inputs = inputsOf(spec);
  const classes = classesOf(spec);
  const n = points.y.length;
  if (points.x.length !== inputs * n) {
    throw new RangeError(
      `${name} data: x holds ${points.x.length} numbers but ${n} labels need ${inputs * n}`,
    );
  }
  if (!(points.x instanceof Uint8Array)) {
    for (let i = 0; i < points.x.length; i++) {
      if (!Number.isFinite(points.x[i])) {
        throw new RangeError(
          `${name} data: ${inputs === INPUTS ? 'point' : 'row'} ${Math.floor(i / inputs)} has a non-finite ${inputs === INPUTS ? 'coordinate' : 'number'}`,
        );
      }
    }
  }
  if (isRegression(spec)) {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(points.y[i])) {
        throw new RangeError(`${name} data: label ${i} is ${points.y[i]}, not a finite number`);
      }
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const label = points.y[i]!;
    if (!(Number.isInteger(label) && label >= 0 && label < classes)) {
      throw new RangeError(
        `${name} data: label ${i} is ${label}, not ${classes === 2 ? '0 or 1' : `a class 0 … ${classes - 1}`}`,
      );
    }
  }
}

/**
 * Units per layer, input and output included: 2-8-8-1 for two hidden layers of 8 (two classes, or
 * regression), 784-64-10 for 28×28 images of ten classes.
 */
export function layerSizes(spec: ModelSpec): number[] {
  return [inputsOf(spec), ...spec.hidden.map((layer) => layer.units), outputUnits(spec)];
}

/** Rows of pixels (Uint8Array) as the Float32 numbers both engines read: fround(v/255). */
export function asFloats(x: Float32Array | Uint8Array): Float32Array {
  return x instanceof Uint8Array ? Float32Array.from(x, (v) => v / 255) : x;
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
  // (layerSizes names the inputs and the output units: a 784-64-10 is no 2-64-1.)
  const rows = batchRows(spec, trainRows);
  const bucket = rows <= 1 ? 1 : 2 ** Math.ceil(Math.log2(rows));
  return `${layerSizes(spec).join('-')}|${spec.optimizer}|${bucket}`;
}

/** A learning rate as a person would write it: 3, 0.03, 1000, 1e-7. */
export function formatRate(rate: number): string {
  return String(Number(rate.toPrecision(4))).replace('-', '\u2212');
}

/**
 * How many rows of `inputs` numbers a flat array holds (points of the plane by default); a
 * RangeError when it is not whole rows.
 */
export function pointCount(xy: ArrayLike<number>, inputs = INPUTS): number {
  if (xy.length % inputs !== 0) {
    throw new RangeError(
      inputs === INPUTS
        ? `expected [x0, y0, x1, y1, …] pairs, got ${xy.length} numbers`
        : `expected rows of ${inputs} numbers, got ${xy.length} numbers`,
    );
  }
  return xy.length / inputs;
}

/** Per-class accuracy as a report carries it: NaN (no example of that class) becomes null. */
export function classAccuracy(values: ArrayLike<number>): (number | null)[] {
  return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
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
    trainClassAccuracy: [],
    testClassAccuracy: [],
    backend,
  };
}
