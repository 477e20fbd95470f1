/**
 * A `Trainer` on one tfjs backend: data, batches, epochs, reports, and the four ways training can
 * stop on its own — divergence, early stopping (early-stop.ts), a lost WebGL context, and a backend
 * that will not start (trainer-start.ts).
 *
 * Every report is read back with ONE asynchronous read (`data()`, never `dataSync()`), and that same
 * read brings back every weight and optimizer slot: the last good report and its snapshot are the
 * same moment of training, kept in ordinary memory (Float32Arrays) where no GPU failure can reach.
 */
import {
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
import { EarlyStopper, holdOut } from './early-stop.ts';
import {
  FALLBACKS,
  TensorBatches,
  disposeSet,
  firstWorking,
  readBack,
  splitUnits,
  unpackStats,
  uploadData,
} from './trainer-data.ts';
import type { Batch, DataTensors } from './trainer-data.ts';
import { Network, initialState, layersOf } from './network.ts';
import { weightIndex } from './state.ts';
import { compileShaders } from './precompile.ts';
import type { NetworkState } from './network.ts';
import {
  asFloats,
  batchRows,
  checkPoints,
  checkSpec,
  emptyReport,
  initialWeights,
  inputsOf,
  pointCount,
  shuffleSeed,
} from './spec.ts';
import type {
  BackendName,
  EarlyStop,
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

/** A moment of training we can return to: the packed network state and the report made there. */
interface Snapshot {
  state: NetworkState;
  report: TrainReport;
  epoch: number;
}

export class TfTrainer implements Trainer {
  readonly spec: ModelSpec;
  private currentBackend: BackendName;
  private network: Network;
  /** The rows trained on (less early stopping's validation rows), the test and validation rows. */
  private data: { train: Rows; test: Rows; validation: Rows | null };
  private readonly stopper: EarlyStopper | null;
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

  private batches: TensorBatches;

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
    const held = holdOut(this.spec, options.train);
    this.data = { train: held.train, test: options.test, validation: held.validation };
    const early = this.spec.earlyStopping;
    this.stopper = early ? new EarlyStopper(early.patience) : null;
    this.initial = initialState(this.spec, initialWeights(this.spec));
    this.batches = new TensorBatches(shuffleSeed(this.spec));
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
      return splitUnits(values, units, n);
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
    const held = holdOut(this.spec, train);
    this.data = { train: held.train, test, validation: held.validation };
    this.stopper?.reset();
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
    this.stopper?.reset();
    this.disposeBatches();
    this.batches = new TensorBatches(shuffleSeed(this.spec));
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
      packed = this.statsTensor();
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
      packed = this.statsTensor();
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
    observe = true,
  ): Promise<{ report: TrainReport } | { problem: TrainReport }> {
    this.unmeasured = false;
    const values = await this.read(packed);
    if (this.disposed)
      return {
        problem: this.snapshot?.report ?? emptyReport(this.step, this.epoch, this.currentBackend),
      };
    if (values === null) return { problem: await this.recover() };
    const { report, stats, state } = unpackStats(values, {
      spec: this.spec,
      tensors: this.tensors,
      step: this.step,
      epoch: this.epoch,
      backend: this.currentBackend,
      adamStep: this.network.optimizerStep,
    });
    const why = divergence(this.spec, stats, this.startLoss);
    if (why) return { problem: this.diverged(why) };
    const best =
      observe && this.stopper && report.validationLoss !== undefined
        ? this.stopper.observe(report.validationLoss, this.step, this.epoch, () => state)
        : null;
    if (best) return this.stopEarly(best.state, { ...best.stop, bestValidationLoss: best.loss });
    this.snapshot = { state, report, epoch: this.epoch };
    return { report };
  }

  /** The stats-and-state tensor of the current weights on every set (network.ts). */
  private statsTensor(): tf.Tensor1D {
    return this.network.statsAndState(
      this.tensors.train,
      this.tensors.test,
      this.tensors.validation,
    );
  }

  /**
   * Early stopping: put the best weights back (a new pass over the data starts), measure them,
   * and return that report marked `earlyStop`.
   */
  private async stopEarly(
    best: NetworkState,
    earlyStop: EarlyStop,
  ): Promise<{ report: TrainReport } | { problem: TrainReport }> {
    useBackend(this.currentBackend);
    this.network.dispose();
    this.network = new Network(this.spec, best);
    this.disposeBatches();
    const packed = this.statsTensor();
    const result = await this.accept(packed, false);
    return 'problem' in result ? result : { report: { ...result.report, earlyStop } };
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
    return this.batches.next(this.tensors.train, batchRows(this.spec, this.tensors.train.rows));
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
  private read(tensor: tf.Tensor): Promise<Float32Array | null> {
    return readBack(tensor, {
      polls: this.currentBackend === 'webgl',
      gone: () => this.contextGone() || this.disposed,
      waiters: this.lostWaiters,
    });
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
    return uploadData(this.data, this.spec);
  }

  private disposeBatches(): void {
    this.batches.dispose();
  }

  private disposeData(): void {
    this.disposeBatches();
    disposeSet(this.tensors.train);
    disposeSet(this.tensors.test);
    disposeSet(this.tensors.validation);
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('This trainer has been disposed.');
  }
}
