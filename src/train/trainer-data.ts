/**
 * The data of a `TfTrainer` (trainer.ts) as tensors on its backend: each set's rows and labels as
 * the network needs them, the mini-batches, reading a tensor back (unless the WebGL context goes
 * meanwhile), and the backends to fall back to.
 */
import { createRng } from '../math/rng.ts';
import type { Rng } from '../math/rng.ts';
import { tf, ensureBackend } from './backend.ts';
import type { DivergenceStats } from './divergence.ts';
import type { EvalSet } from './network.ts';
import { asFloats, classAccuracy, classesOf, inputsOf, isRegression } from './spec.ts';
import { STATS } from './state.ts';
import type { NetworkState } from './state.ts';
import type { BackendName, ModelSpec, Rows, TrainReport } from './types.ts';

/** Where training goes after losing WebGL: the fastest backend that needs no GPU. */
export const FALLBACKS: BackendName[] = ['wasm', 'cpu'];

export interface Batch {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  rows: number;
}

/** The sets on the backend: trained on, test, and early stopping's validation rows. */
export interface DataTensors {
  train: EvalSet;
  test: EvalSet | null;
  validation: EvalSet | null;
}

/**
 * The tensors of a set: rows of `inputs` numbers (pixels read as v/255), and the labels as the
 * network needs them (see EvalSet). s = 1 − 2y, the onehot rows and the counts are computed here
 * rather than by tensor ops: on WebGL each new op is a shader to compile, synchronously, before
 * the first step. Regression: the labels as they are, [rows, 1] (no classes: zero counts).
 */
export function evalSet(points: Rows, spec: ModelSpec): EvalSet {
  const rows = points.y.length;
  const classes = classesOf(spec);
  const x = tf.tensor2d(asFloats(points.x), [rows, inputsOf(spec)]);
  if (isRegression(spec)) {
    return {
      x,
      y: tf.tensor2d(Float32Array.from(points.y), [rows, 1]),
      sign: null,
      onehot: tf.zeros([rows, classes]),
      counts: new Array<number>(classes).fill(0),
      rows,
    };
  }
  const labels = Int32Array.from(points.y);
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels) counts[label]! += 1;
  const onehot = new Float32Array(rows * classes);
  for (let i = 0; i < rows; i++) onehot[i * classes + labels[i]!] = 1;
  const softmax = classes > 2;
  let sign: tf.Tensor2D | null = null;
  if (!softmax) {
    const s = new Float32Array(rows);
    for (let i = 0; i < rows; i++) s[i] = 1 - 2 * labels[i]!;
    sign = tf.tensor2d(s, [rows, 1]);
  }
  return {
    x,
    y: softmax
      ? tf.tensor2d(onehot, [rows, classes])
      : tf.tensor2d(Float32Array.from(labels), [rows, 1]),
    sign,
    onehot: tf.tensor2d(onehot, [rows, classes]),
    counts,
    rows,
  };
}

/** Every set of the data as tensors (the test and validation sets null when empty or absent). */
export function uploadData(
  data: { train: Rows; test: Rows; validation: Rows | null },
  spec: ModelSpec,
): DataTensors {
  const { train, test, validation } = data;
  return {
    train: evalSet(train, spec),
    test: test.y.length > 0 ? evalSet(test, spec) : null,
    validation: validation && validation.y.length > 0 ? evalSet(validation, spec) : null,
  };
}

export function disposeSet(set: EvalSet | null): void {
  if (!set) return;
  set.x.dispose();
  set.y.dispose();
  set.sign?.dispose();
  set.onehot.dispose();
}

/** First backend of `names` that starts, or throws the last reason. */
export async function firstWorking(names: readonly BackendName[]): Promise<BackendName> {
  let failure: unknown = new Error('no backend to try');
  for (const name of names) {
    try {
      await ensureBackend(name);
      return name;
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

/**
 * The mini-batches of the training set: at each new epoch a seeded Fisher–Yates shuffle of its
 * rows, cut into consecutive batches of `rows` (the last one shorter); the shuffling stream goes on
 * across epochs. Full batch: the set itself.
 */
export class TensorBatches {
  private readonly shuffle: Rng;
  private batches: Batch[] = [];
  private nextBatch = 0;

  constructor(seed: number) {
    this.shuffle = createRng(seed);
  }

  next(train: EvalSet, rows: number): Batch {
    if (rows >= train.rows) return { x: train.x, y: train.y, rows: train.rows };
    if (this.nextBatch >= this.batches.length) this.newEpoch(train, rows);
    return this.batches[this.nextBatch++]!;
  }

  /** Drop this epoch's batches: the next batch starts a new epoch. */
  dispose(): void {
    for (const batch of this.batches) {
      batch.x.dispose();
      batch.y.dispose();
    }
    this.batches = [];
    this.nextBatch = 0;
  }

  private newEpoch(train: EvalSet, rows: number): void {
    this.dispose();
    const n = train.rows;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.shuffle.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const sizes: number[] = [];
    for (let start = 0; start < n; start += rows) sizes.push(Math.min(rows, n - start));
    this.batches = tf.tidy(() => {
      const index = tf.tensor1d(order, 'int32');
      const xs = tf.split(tf.gather(train.x, index), sizes);
      const ys = tf.split(tf.gather(train.y, index), sizes);
      return xs.map((x, k) => ({ x: x as tf.Tensor2D, y: ys[k] as tf.Tensor2D, rows: sizes[k]! }));
    });
    this.nextBatch = 0;
  }
}

/**
 * `tensor.data()`, disposing the tensor; null when the WebGL context was lost before the values
 * arrived (a lost context can return zeros, or never answer), so they are never trusted. `gone`
 * says whether the context is lost (or the trainer disposed); a function added to `waiters` is
 * called when the lost-context event comes, and with `polls`, `gone` is also asked every 100 ms
 * (the event can come late).
 */
export async function readBack(
  tensor: tf.Tensor,
  how: { polls: boolean; gone: () => boolean; waiters: Set<() => void> },
): Promise<Float32Array | null> {
  const reading = tensor.data() as Promise<Float32Array>;
  reading.catch(() => undefined); // abandoned when the context goes; never an unhandled rejection
  let wake: () => void = () => undefined;
  const lostPromise = new Promise<null>((resolve) => {
    wake = () => resolve(null);
    how.waiters.add(wake);
  });
  const poll = how.polls
    ? setInterval(() => {
        if (how.gone()) wake();
      }, 100)
    : undefined;
  try {
    const values = await Promise.race([reading, lostPromise]);
    return values === null || how.gone() ? null : values;
  } catch (error) {
    if (how.gone()) return null;
    throw error;
  } finally {
    clearInterval(poll);
    how.waiters.delete(wake);
    try {
      tensor.dispose();
    } catch {
      // A tensor on a lost context: its memory went with the context.
    }
  }
}

/**
 * What a stats-and-state read (Network.statsAndState) holds: the report of that moment (with the
 * validation loss when there are validation rows), the numbers divergence judges, and the packed
 * state (Adam's t from `adamStep`).
 */
export function unpackStats(
  values: Float32Array,
  at: {
    spec: ModelSpec;
    tensors: DataTensors;
    step: number;
    epoch: number;
    backend: BackendName;
    adamStep: number;
  },
): { report: TrainReport; stats: DivergenceStats; state: NetworkState } {
  const [trainLoss, trainAccuracy, testLoss, testAccuracy, maxWeight, validationLoss] = Array.from(
    values.subarray(0, STATS.length),
  ) as [number, number, number, number, number, number];
  // Right answers per class (train, then test) follow the STATS; the packed state follows them.
  const classes = classesOf(at.spec);
  const rightAt = STATS.length;
  const stateAt = rightAt + 2 * classes;
  const share = (set: EvalSet | null, from: number): (number | null)[] =>
    set && !isRegression(at.spec)
      ? classAccuracy(set.counts.map((count, c) => values[from + c]! / count))
      : [];
  const stats = { trainLoss, trainAccuracy, testLoss, testAccuracy, maxWeight };
  const report: TrainReport = {
    step: at.step,
    epoch: at.epoch,
    trainLoss,
    testLoss,
    trainAccuracy,
    testAccuracy,
    trainClassAccuracy: share(at.tensors.train, rightAt),
    testClassAccuracy: share(at.tensors.test, rightAt + classes),
    backend: at.backend,
  };
  if (at.tensors.validation) report.validationLoss = validationLoss;
  return { report, stats, state: { values: values.slice(stateAt), adamStep: at.adamStep } };
}

/** Consecutive runs of `n` values, one per unit, layer by layer: [layer][unit] → n values. */
export function splitUnits(
  values: Float32Array,
  units: readonly number[],
  n: number,
): Float32Array[][] {
  let offset = 0;
  return units.map((count) =>
    Array.from({ length: count }, () => {
      const unit = values.slice(offset, offset + n);
      offset += n;
      return unit;
    }),
  );
}
