/**
 * A `Trainer` on one tfjs backend: data, batches, epochs, reports, and the three ways training can
 * stop on its own — divergence, a lost WebGL context, and a backend that will not start.
 *
 * Every report is read back with ONE asynchronous read (`data()`, never `dataSync()`), and that same
 * read brings back every weight and optimizer slot: the last good report and its snapshot are the
 * same moment of training, kept in ordinary memory (Float32Arrays) where no GPU failure can reach.
 */
import { createRng } from '../math/rng.ts';
import type { Rng } from '../math/rng.ts';
import {
  BackendUnavailableError,
  ensureBackend,
  exclusiveWebglCompile,
  isWebglLost,
  markWebglLost,
  onWebglLost,
  tf,
  useBackend,
  activate,
  webglCompilation,
} from './backend.ts';
import { divergence } from './divergence.ts';
import { Network, STATS, initialState, layersOf } from './network.ts';
import { weightIndex } from './state.ts';
import { compileShaders } from './precompile.ts';
import type { EvalSet, NetworkState } from './network.ts';
import {
  asFloats,
  batchRows,
  checkPoints,
  checkSpec,
  classAccuracy,
  classesOf,
  emptyReport,
  initialWeights,
  inputsOf,
  pointCount,
  shuffleSeed,
} from './spec.ts';
import type {
  BackendName,
  LayerWeights,
  ModelSpec,
  ResumePoint,
  Rows,
  TrainOptions,
  TrainProblem,
  TrainReport,
  Trainer,
  TrainerOptions,
} from './types.ts';

// The divergence rule is shared with the plain-JS engine (divergence.ts); re-exported for callers.
export { DIVERGENCE } from './divergence.ts';

/** Where training goes after losing WebGL: the fastest backend that needs no GPU. */
const FALLBACKS: BackendName[] = ['wasm', 'cpu'];

interface Batch {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  rows: number;
}

interface DataTensors {
  train: EvalSet;
  test: EvalSet | null;
}

/** A moment of training we can return to: the packed network state and the report made there. */
interface Snapshot {
  state: NetworkState;
  report: TrainReport;
  epoch: number;
}

/**
 * The tensors of a set: rows of `inputs` numbers (pixels read as v/255), and the labels as the
 * network needs them (see EvalSet). s = 1 − 2y, the onehot rows and the counts are computed here
 * rather than by tensor ops: on WebGL each new op is a shader to compile, synchronously, before
 * the first step.
 */
function evalSet(points: Rows, spec: ModelSpec): EvalSet {
  const rows = points.y.length;
  const classes = classesOf(spec);
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
    x: tf.tensor2d(asFloats(points.x), [rows, inputsOf(spec)]),
    y: softmax
      ? tf.tensor2d(onehot, [rows, classes])
      : tf.tensor2d(Float32Array.from(labels), [rows, 1]),
    sign,
    onehot: tf.tensor2d(onehot, [rows, classes]),
    counts,
    rows,
  };
}

function disposeSet(set: EvalSet | null): void {
  if (!set) return;
  set.x.dispose();
  set.y.dispose();
  set.sign?.dispose();
  set.onehot.dispose();
}

/** First backend of `names` that starts, or throws the last reason. */
async function firstWorking(names: readonly BackendName[]): Promise<BackendName> {
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

export class TfTrainer implements Trainer {
  readonly spec: ModelSpec;
  private currentBackend: BackendName;
  private network: Network;
  private data: { train: Rows; test: Rows };
  private tensors: DataTensors;
  private readonly initial: NetworkState;
  private readonly onProblem: ((problem: TrainProblem) => void) | undefined;

  private step = 0;
  private epoch = 0;
  /** The last good moment (null until the first read after creation, reset or new data). */
  private snapshot: Snapshot | null = null;
  /** The training loss of the untrained network, to say how far a diverged loss has grown. */
  private startLoss: number | null = null;
  /** Whether the next report must first be made on the current weights (new data). */
  private stale = false;
  /** Whether steps were taken since the last measured report (`measure: false`). */
  private unmeasured = false;

  private shuffle: Rng;
  private batches: Batch[] = [];
  private nextBatch = 0;

  /** Work is serialised: a train() and a predict() never interleave their reads and swaps. */
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private disposed = false;
  private lost = false;
  private readonly lostWaiters = new Set<() => void>();
  private readonly unsubscribe: () => void;

  /** Use `createTrainer` (index.ts), which picks and starts the backend first. */
  constructor(options: TrainerOptions, backend: BackendName) {
    checkSpec(options.spec);
    checkPoints(options.train, 'Training', options.spec);
    checkPoints(options.test, 'Test', options.spec);
    this.spec = structuredClone(options.spec);
    this.onProblem = options.onProblem;
    this.currentBackend = backend;
    this.data = { train: options.train, test: options.test };
    this.initial = initialState(this.spec, initialWeights(this.spec));
    this.shuffle = createRng(shuffleSeed(this.spec));
    useBackend(backend);
    const resume = options.resume;
    this.network = new Network(this.spec, resume?.state ?? this.initial);
    if (resume) {
      this.step = resume.step;
      this.epoch = resume.epoch;
    }
    this.tensors = this.upload();
    this.unsubscribe = onWebglLost(() => {
      if (this.currentBackend !== 'webgl') return;
      this.lost = true;
      for (const wake of [...this.lostWaiters]) wake();
    });
  }

  get backend(): BackendName {
    return this.currentBackend;
  }

  // -------------------------------------------------------------------------------------------
  // The public API (see types.ts)

  train(steps: number, options: TrainOptions = {}): Promise<TrainReport> {
    return this.exclusive(() =>
      this.trainNow(steps, options.maxMs ?? Infinity, options.measure ?? true),
    );
  }

  predict(xy: Float32Array | Uint8Array): Promise<Float32Array> {
    return this.exclusive(async () => {
      const inputs = inputsOf(this.spec);
      const n = pointCount(xy, inputs);
      if (n === 0) return new Float32Array(0);
      return this.readWith(() =>
        tf.tidy(() => this.network.predict(tf.tensor2d(asFloats(xy), [n, inputs]))),
      ).then((values) => values.slice());
    });
  }

  activations(xy: Float32Array | Uint8Array): Promise<Float32Array[][]> {
    return this.exclusive(async () => {
      const inputs = inputsOf(this.spec);
      const n = pointCount(xy, inputs);
      const units = this.network.sizes.slice(1);
      const values = await this.readWith(() =>
        tf.tidy(() => {
          if (n === 0) return tf.zeros([0]);
          const outputs = this.network.layerOutputs(tf.tensor2d(asFloats(xy), [n, inputs]));
          return tf.concat(outputs.map((a) => tf.reshape(a, [-1])));
        }),
      );
      let offset = 0;
      return units.map((count) =>
        Array.from({ length: count }, () => {
          const unit = values.slice(offset, offset + n);
          offset += n;
          return unit;
        }),
      );
    });
  }

  weights(): Promise<LayerWeights[]> {
    return this.exclusive(async () => {
      const values = await this.readWith(() => this.network.packedParams());
      return layersOf(this.network.sizes, values);
    });
  }

  setWeight(layer: number, from: number, to: number, value: number): void {
    this.assertAlive();
    weightIndex(this.network.sizes, layer, from, to, value); // throws on a bad index or value
    // In turn with the other work: after a train() in flight, before the next.
    void this.exclusive(async () => {
      if (this.contextGone()) return; // the recovery rebuilds from the snapshot
      useBackend(this.currentBackend);
      this.network.setWeight(layer, from, to, value);
      this.unmeasured = true; // the next report (even of 0 steps) is measured on the new weight
    });
  }

  setData(train: Rows, test: Rows): void {
    this.assertAlive();
    checkPoints(train, 'Training', this.spec);
    checkPoints(test, 'Test', this.spec);
    this.data = { train, test };
    if (this.lost) return; // uploaded on the backend we recover to
    useBackend(this.currentBackend);
    this.disposeData();
    this.tensors = this.upload();
    // The next report is first made on the new data, before any step (the snapshot's weights are
    // still good; its losses were measured on the old data). It is the new reference loss.
    this.stale = true;
    this.startLoss = null;
  }

  reset(): void {
    this.assertAlive();
    this.step = 0;
    this.epoch = 0;
    this.startLoss = null;
    this.snapshot = null;
    this.shuffle = createRng(shuffleSeed(this.spec));
    this.disposeBatches();
    if (this.lost) return;
    useBackend(this.currentBackend);
    this.network.dispose();
    this.network = new Network(this.spec, this.initial);
  }

  exportState(): ResumePoint | null {
    const snapshot = this.snapshot;
    if (!snapshot) return null;
    return { state: snapshot.state, step: snapshot.report.step, epoch: snapshot.epoch };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.unsubscribe();
    for (const wake of [...this.lostWaiters]) wake();
    this.network.dispose();
    this.disposeData();
  }

  /**
   * On WebGL, compile every shader a step, a report and a 100 × 100 grid prediction need, without
   * freezing the page (precompile.ts); nothing on the other backends.
   */
  precompile(): Promise<void> {
    if (this.currentBackend !== 'webgl' || this.disposed) return Promise.resolve();
    return exclusiveWebglCompile(() =>
      compileShaders(this.spec, this.initial, this.tensors, () => this.disposed),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Training

  private async trainNow(steps: number, maxMs: number, measure: boolean): Promise<TrainReport> {
    if (!Number.isInteger(steps) || steps < 0) {
      throw new RangeError(`train(steps): steps must be a whole number ≥ 0, got ${steps}`);
    }
    if (this.contextGone()) return this.recover();
    const compiling = this.currentBackend === 'webgl' ? webglCompilation() : null;
    if (compiling) await compiling; // another trainer's shaders are not ready to run yet
    if (!this.snapshot || this.stale) {
      // A report of where we stand (step 0 after a reset): the reference for what follows.
      this.stale = false;
      const first = await this.measure();
      if ('problem' in first) return first.problem;
      if (this.startLoss === null) this.startLoss = first.report.trainLoss;
    }
    if (this.tensors.train.rows === 0 || steps === 0) {
      if (!this.unmeasured) return this.snapshot!.report;
      const now = await this.measure();
      return 'problem' in now ? now.problem : now.report;
    }

    const starting = activate(this.currentBackend);
    if (starting) await starting; // another trainer is starting a backend: tfjs runs no op meanwhile
    if (this.contextGone()) return this.recover();
    let packed: tf.Tensor1D;
    try {
      useBackend(this.currentBackend);
      const n = this.tensors.train.rows;
      const deadline = performance.now() + maxMs;
      for (let i = 0; i < steps; i++) {
        if (i > 0 && performance.now() > deadline) break;
        const batch = this.batch();
        this.network.step(batch.x, batch.y, batch.rows);
        this.step += 1;
        this.epoch += batch.rows / n;
      }
      // Unmeasured (not on WebGL, where only a read waits for the queued steps to run).
      if (!measure && this.currentBackend !== 'webgl') {
        this.unmeasured = true;
        return { ...this.snapshot!.report, step: this.step, epoch: this.epoch, stale: true };
      }
      packed = this.network.statsAndState(this.tensors.train, this.tensors.test);
    } catch (error) {
      if (this.contextGone()) return this.recover();
      throw error;
    }
    const result = await this.accept(packed);
    return 'problem' in result ? result.problem : result.report;
  }

  /** The report for the current weights, without a step. */
  private async measure(): Promise<{ report: TrainReport } | { problem: TrainReport }> {
    const starting = activate(this.currentBackend);
    if (starting) await starting;
    if (this.contextGone()) return { problem: await this.recover() };
    let packed: tf.Tensor1D;
    try {
      useBackend(this.currentBackend);
      packed = this.network.statsAndState(this.tensors.train, this.tensors.test);
    } catch (error) {
      if (this.contextGone()) return { problem: await this.recover() };
      throw error;
    }
    return this.accept(packed);
  }

  /**
   * Read a stats-and-state tensor back. Good numbers become the new report and snapshot; bad ones
   * (non-finite, or a loss or weight past its limit) put the last snapshot back and say why.
   */
  private async accept(
    packed: tf.Tensor1D,
  ): Promise<{ report: TrainReport } | { problem: TrainReport }> {
    this.unmeasured = false;
    const values = await this.read(packed);
    if (this.disposed)
      return {
        problem: this.snapshot?.report ?? emptyReport(this.step, this.epoch, this.currentBackend),
      };
    if (values === null) return { problem: await this.recover() };
    const stats = values.subarray(0, STATS.length);
    const [trainLoss, trainAccuracy, testLoss, testAccuracy, maxWeight] =
      stats as unknown as number[];
    // Right answers per class (train, then test) follow the STATS; the packed state follows them.
    const classes = classesOf(this.spec);
    const rightAt = STATS.length;
    const stateAt = rightAt + 2 * classes;
    const share = (set: EvalSet | null, from: number): (number | null)[] =>
      set ? classAccuracy(set.counts.map((count, c) => values[from + c]! / count)) : [];
    const report: TrainReport = {
      step: this.step,
      epoch: this.epoch,
      trainLoss: trainLoss!,
      testLoss: testLoss!,
      trainAccuracy: trainAccuracy!,
      testAccuracy: testAccuracy!,
      trainClassAccuracy: share(this.tensors.train, rightAt),
      testClassAccuracy: share(this.tensors.test, rightAt + classes),
      backend: this.currentBackend,
    };
    const why = divergence(
      this.spec,
      {
        trainLoss: trainLoss!,
        trainAccuracy: trainAccuracy!,
        testLoss: testLoss!,
        testAccuracy: testAccuracy!,
        maxWeight: maxWeight!,
      },
      this.startLoss,
    );
    if (why) return { problem: this.diverged(why) };
    this.snapshot = {
      state: { values: values.slice(stateAt), adamStep: this.network.optimizerStep },
      report,
      epoch: this.epoch,
    };
    return { report };
  }

  /** Put the last good snapshot back, tell the caller, and return that snapshot's report. */
  private diverged(message: string): TrainReport {
    this.restore();
    const problem: TrainProblem = { kind: 'diverged', message };
    const report = {
      ...(this.snapshot?.report ?? emptyReport(this.step, this.epoch, this.currentBackend)),
      problem,
    };
    this.onProblem?.(problem);
    return report;
  }

  /** Rebuild the network from the snapshot (or the initial weights) on the current backend. */
  private restore(): void {
    useBackend(this.currentBackend);
    this.network.dispose();
    this.network = new Network(this.spec, this.snapshot?.state ?? this.initial);
    this.step = this.snapshot?.report.step ?? 0;
    this.epoch = this.snapshot?.epoch ?? 0;
    // A new pass over the data starts from here: the interrupted one held diverging batches.
    this.disposeBatches();
  }

  private batch(): Batch {
    const { train } = this.tensors;
    const rows = batchRows(this.spec, train.rows);
    if (rows >= train.rows) return { x: train.x, y: train.y, rows: train.rows };
    if (this.nextBatch >= this.batches.length) this.newEpoch(rows);
    return this.batches[this.nextBatch++]!;
  }

  /** Shuffle the training set (seeded Fisher–Yates) and cut it into batches of `rows`. */
  private newEpoch(rows: number): void {
    this.disposeBatches();
    const n = this.tensors.train.rows;
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
      const xs = tf.split(tf.gather(this.tensors.train.x, index), sizes);
      const ys = tf.split(tf.gather(this.tensors.train.y, index), sizes);
      return xs.map((x, k) => ({ x: x as tf.Tensor2D, y: ys[k] as tf.Tensor2D, rows: sizes[k]! }));
    });
    this.nextBatch = 0;
  }

  // -------------------------------------------------------------------------------------------
  // Reading back, and the lost WebGL context

  /** Run `fn` after every earlier call has finished (successfully or not). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('This trainer has been disposed.'));
    // When nothing is pending, start at once rather than a microtask later: the steps of train()
    // then run before it returns, which lets the loop time them (loop.ts).
    const run = (this.pending === 0 ? fn() : this.queue.then(fn, fn)).finally(() => {
      this.pending -= 1;
    });
    this.pending += 1;
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Make a tensor with `make` and read it; if the context goes meanwhile, recover and redo it. */
  private async readWith(make: () => tf.Tensor): Promise<Float32Array> {
    for (;;) {
      await this.recoverIfLost();
      if (this.currentBackend === 'webgl') await webglCompilation();
      const starting = activate(this.currentBackend);
      if (starting) await starting;
      if (this.contextGone()) continue;
      let tensor: tf.Tensor;
      try {
        useBackend(this.currentBackend);
        tensor = make();
      } catch (error) {
        if (this.contextGone()) {
          await this.recover();
          continue;
        }
        throw error;
      }
      const values = await this.read(tensor);
      if (values) return values;
      if (this.disposed) throw new Error('The trainer was disposed while reading.');
      await this.recover();
    }
  }

  /**
   * `tensor.data()`, disposing the tensor; null when the WebGL context was lost before the values
   * arrived (a lost context can return zeros, or never answer), so they are never trusted.
   */
  private async read(tensor: tf.Tensor): Promise<Float32Array | null> {
    const reading = tensor.data() as Promise<Float32Array>;
    reading.catch(() => undefined); // abandoned when the context goes; never an unhandled rejection
    let wake: () => void = () => undefined;
    const lostPromise = new Promise<null>((resolve) => {
      wake = () => resolve(null);
      this.lostWaiters.add(wake);
    });
    // The event can come late: also look at the context itself now and then.
    const poll =
      this.currentBackend === 'webgl'
        ? setInterval(() => {
            if (this.contextGone()) wake();
          }, 100)
        : undefined;
    try {
      const values = await Promise.race([reading, lostPromise]);
      return values === null || this.contextGone() || this.disposed ? null : values;
    } catch (error) {
      if (this.contextGone() || this.disposed) return null;
      throw error;
    } finally {
      clearInterval(poll);
      this.lostWaiters.delete(wake);
      try {
        tensor.dispose();
      } catch {
        // A tensor on a lost context: its memory went with the context.
      }
    }
  }

  /** Whether this trainer runs on WebGL and the context is gone. */
  private contextGone(): boolean {
    if (this.currentBackend !== 'webgl') return false;
    if (!this.lost && isWebglLost()) {
      this.lost = true;
      markWebglLost();
    }
    return this.lost;
  }

  private async recoverIfLost(): Promise<void> {
    this.assertAlive();
    if (this.contextGone()) await this.recover();
  }

  /**
   * The WebGL context is gone: nothing on it can be trusted. Move to the first backend that works
   * without a GPU, rebuild the network there from the last snapshot (ordinary memory), re-upload
   * the data, and tell the caller. Returns the snapshot's report, on the new backend.
   */
  private async recover(): Promise<TrainReport> {
    // Drop what lived on the lost context (its memory is already gone; this frees the records).
    // Disposing on a lost context may throw; the tensors are unreachable either way.
    try {
      this.network.dispose();
    } catch {
      /* see above */
    }
    try {
      this.disposeData();
    } catch {
      /* see above */
    }
    const to = await firstWorking(FALLBACKS);
    this.currentBackend = to;
    this.lost = false;
    useBackend(to);
    this.tensors = this.upload();
    this.network = new Network(this.spec, this.snapshot?.state ?? this.initial);
    this.step = this.snapshot?.report.step ?? 0;
    this.epoch = this.snapshot?.epoch ?? 0;
    const at = this.snapshot ? `step ${this.snapshot.report.step}` : 'the start';
    const problem: TrainProblem = {
      kind: 'context-lost',
      message:
        `The graphics card (WebGL) stopped responding, so training paused and went back to the ` +
        `weights saved at ${at}. It continues on the ${to} backend.`,
      recoveredOn: to,
    };
    if (this.snapshot) this.snapshot.report = { ...this.snapshot.report, backend: to };
    this.onProblem?.(problem);
    return {
      ...(this.snapshot?.report ?? emptyReport(this.step, this.epoch, this.currentBackend)),
      problem,
    };
  }

  // -------------------------------------------------------------------------------------------

  private upload(): DataTensors {
    const { train, test } = this.data;
    return {
      train: evalSet(train, this.spec),
      test: test.y.length > 0 ? evalSet(test, this.spec) : null,
    };
  }

  private disposeBatches(): void {
    for (const batch of this.batches) {
      batch.x.dispose();
      batch.y.dispose();
    }
    this.batches = [];
    this.nextBatch = 0;
  }

  private disposeData(): void {
    this.disposeBatches();
    disposeSet(this.tensors.train);
    disposeSet(this.tensors.test);
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('This trainer has been disposed.');
  }
}

/**
 * Start a trainer on exactly `backend`; when that backend cannot start, fall back (webgl → wasm →
 * cpu) and say so through `onProblem`.
 */
export async function trainerOn(options: TrainerOptions, backend: BackendName): Promise<TfTrainer> {
  try {
    await ensureBackend(backend);
    options.signal?.throwIfAborted();
    const trainer = new TfTrainer(options, backend);
    await precompileUnlessAborted(trainer, options.signal);
    return trainer;
  } catch (error) {
    if (!(error instanceof BackendUnavailableError)) throw error;
    const order: BackendName[] = ['webgl', 'wasm', 'cpu'];
    const rest = order.slice(order.indexOf(backend) + 1);
    const to = await firstWorking(rest);
    options.signal?.throwIfAborted();
    const trainer = new TfTrainer(options, to);
    options.onProblem?.({
      kind: 'backend-failed',
      message: `${error.message}. Training runs on the ${to} backend instead.`,
      fellBackTo: to,
    });
    return trainer;
  }
}

/**
 * `trainer.precompile()`, abandoned when `signal` aborts: the trainer is disposed at once (its
 * compilation stops at the next frame instead of waiting for every shader) and the abort reason
 * is thrown.
 */
export async function precompileUnlessAborted(
  trainer: TfTrainer,
  signal: AbortSignal | undefined,
): Promise<void> {
  const stop = (): void => trainer.dispose();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await trainer.precompile();
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  if (signal?.aborted) {
    trainer.dispose();
    signal.throwIfAborted();
  }
}
