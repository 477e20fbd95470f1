/**
 * A `Trainer` on the plain-JS engine (`DenseNet`, src/math/dense-net.ts): no tfjs at all, so it
 * starts at once, and a small network trains about as fast as the CPU runs a few loops — tfjs
 * spends ~0.3 ms of op dispatch on every step whatever the network's size.
 *
 * It behaves exactly as `TfTrainer` (trainer.ts) does, backend questions aside: the same seeded
 * initial weights, the same batches (seeded shuffles), the same maths per step, a first report at
 * step 0 before any step, a deadline for `train`, the last good moment kept as a snapshot, and a
 * divergence (divergence.ts) that puts that snapshot back and says why, and early stopping
 * (early-stop.ts) that puts the best weights back.
 */
import { DenseNet } from '../math/dense-net.ts';
import type { DenseStats } from '../math/dense-net.ts';
import { divergence } from './divergence.ts';
import { EarlyStopper, holdOut } from './early-stop.ts';
import {
  checkPoints,
  checkSpec,
  classAccuracy,
  emptyReport,
  initialWeights,
  inputsOf,
  outputUnits,
  pointCount,
} from './spec.ts';
import { denseConfig, initialState, layersOf, weightIndex } from './state.ts';
import type { NetworkState } from './state.ts';
import type {
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

/** A moment of training we can return to: the packed network state and the report made there. */
interface Snapshot {
  state: NetworkState;
  report: TrainReport;
  epoch: number;
}

export class JsTrainer implements Trainer {
  readonly backend = 'js' as const;
  readonly spec: ModelSpec;
  private readonly net: DenseNet;
  /** The rows trained on (the training rows less the validation rows), and the test rows. */
  private data: { train: Rows; test: Rows };
  /** The rows held out for early stopping (null without it). */
  private validation: Rows | null = null;
  private readonly stopper: EarlyStopper | null;
  private readonly initial: NetworkState;
  private readonly onProblem: ((problem: TrainProblem) => void) | undefined;

  private step = 0;
  private epoch = 0;
  /** The last good moment (null until the first report after creation or a reset). */
  private snapshot: Snapshot | null = null;
  /** The training loss of the untrained network, to say how far a diverged loss has grown. */
  private startLoss: number | null = null;
  /** Whether the next report must first be made on the current weights (new data). */
  private stale = false;
  /** Whether steps were taken since the last measured report (`measure: false`). */
  private unmeasured = false;
  private disposed = false;

  constructor(options: TrainerOptions) {
    checkSpec(options.spec);
    checkPoints(options.train, 'Training', options.spec);
    checkPoints(options.test, 'Test', options.spec);
    this.spec = structuredClone(options.spec);
    this.onProblem = options.onProblem;
    const early = this.spec.earlyStopping;
    this.stopper = early ? new EarlyStopper(early.patience) : null;
    const held = holdOut(this.spec, options.train);
    this.data = { train: held.train, test: options.test };
    this.validation = held.validation;
    this.initial = initialState(this.spec, initialWeights(this.spec));
    this.net = new DenseNet(denseConfig(this.spec, this.initial));
    this.net.setData(held.train.x, held.train.y);
    if (options.resume) {
      this.net.load(options.resume.state);
      this.step = options.resume.step;
      this.epoch = options.resume.epoch;
    }
  }

  // -------------------------------------------------------------------------------------------
  // The public API (see types.ts). Everything runs synchronously inside each call: the steps of
  // train() are done before it returns (the loop times them), the promise only carries the result.

  train(steps: number, options: TrainOptions = {}): Promise<TrainReport> {
    return this.alive(() =>
      this.trainNow(steps, options.maxMs ?? Infinity, options.measure ?? true),
    );
  }

  predict(xy: Float32Array | Uint8Array): Promise<Float32Array> {
    return this.alive(() => {
      const n = pointCount(xy, inputsOf(this.spec));
      return this.net.predictInto(xy, new Float32Array(n * outputUnits(this.spec)));
    });
  }

  activations(xy: Float32Array | Uint8Array): Promise<Float32Array[][]> {
    return this.alive(() => {
      const n = pointCount(xy, inputsOf(this.spec));
      const out = this.net.sizes
        .slice(1)
        .map((units) => Array.from({ length: units }, () => new Float32Array(n)));
      this.net.activationsInto(xy, out);
      return out;
    });
  }

  weights(): Promise<LayerWeights[]> {
    return this.alive(() => layersOf(this.net.sizes, this.net.state().values));
  }

  setWeight(layer: number, from: number, to: number, value: number): void {
    this.assertAlive();
    this.net.setParameter(weightIndex(this.net.sizes, layer, from, to, value), value);
    this.unmeasured = true; // the next report (even of 0 steps) is measured on the new weight
  }

  setData(train: Rows, test: Rows): void {
    this.assertAlive();
    checkPoints(train, 'Training', this.spec);
    checkPoints(test, 'Test', this.spec);
    const held = holdOut(this.spec, train);
    this.data = { train: held.train, test };
    this.validation = held.validation;
    this.stopper?.reset();
    this.net.setData(held.train.x, held.train.y);
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
    this.net.reset(this.initial);
  }

  exportState(): ResumePoint | null {
    const snapshot = this.snapshot;
    if (!snapshot) return null;
    return { state: snapshot.state, step: snapshot.report.step, epoch: snapshot.epoch };
  }

  dispose(): void {
    this.disposed = true;
  }

  // -------------------------------------------------------------------------------------------

  private trainNow(steps: number, maxMs: number, measure: boolean): TrainReport {
    if (!Number.isInteger(steps) || steps < 0) {
      throw new RangeError(`train(steps): steps must be a whole number ≥ 0, got ${steps}`);
    }
    if (!this.snapshot || this.stale) {
      // A report of where we stand (step 0 after a reset): the reference for what follows.
      this.stale = false;
      const first = this.measure();
      if (first.problem) return first;
      if (this.startLoss === null) this.startLoss = first.trainLoss;
    }
    const n = this.data.train.y.length;
    if (n === 0 || steps === 0) return this.unmeasured ? this.measure() : this.snapshot!.report;
    const deadline = performance.now() + maxMs;
    for (let i = 0; i < steps; i++) {
      if (i > 0 && performance.now() > deadline) break;
      const rows = this.net.step();
      this.step += 1;
      this.epoch += rows / n;
    }
    if (!measure) {
      this.unmeasured = true;
      return { ...this.snapshot!.report, step: this.step, epoch: this.epoch, stale: true };
    }
    return this.measure();
  }

  /**
   * The report for the current weights. Good numbers become the new report and snapshot; bad
   * ones (non-finite, or a loss or weight past its limit) put the last snapshot back and say why.
   * With early stopping, when the validation loss has not improved for `patience` epochs, the
   * best weights are put back and the report (measured on them) says so.
   */
  private measure(): TrainReport {
    this.unmeasured = false;
    const { stats, report } = this.numbers();
    const why = divergence(this.spec, stats, this.startLoss);
    if (why) return this.diverged(why);
    const best =
      this.stopper && report.validationLoss !== undefined
        ? this.stopper.observe(report.validationLoss, this.step, this.epoch, () => this.net.state())
        : null;
    if (!best) {
      this.snapshot = { state: this.net.state(), report, epoch: this.epoch };
      return report;
    }
    this.net.load(best.state);
    const restored = this.numbers().report;
    this.snapshot = { state: this.net.state(), report: restored, epoch: this.epoch };
    return { ...restored, earlyStop: { ...best.stop, bestValidationLoss: best.loss } };
  }

  /** The losses and accuracies of the current weights, as statistics and as a report. */
  private numbers(): { stats: DenseStats; report: TrainReport } {
    const { train, test } = this.data;
    const stats: DenseStats = this.net.stats(train.x, train.y, test.x, test.y);
    const report: TrainReport = {
      step: this.step,
      epoch: this.epoch,
      trainLoss: stats.trainLoss,
      testLoss: stats.testLoss,
      trainAccuracy: stats.trainAccuracy,
      testAccuracy: stats.testAccuracy,
      trainClassAccuracy: classAccuracy(stats.trainClassAccuracy),
      testClassAccuracy: classAccuracy(stats.testClassAccuracy),
      backend: this.backend,
    };
    const validation = this.validation;
    if (validation) {
      report.validationLoss =
        validation.y.length > 0 ? this.net.stats(validation.x, validation.y).trainLoss : 0;
    }
    return { stats, report };
  }

  /** Put the last good snapshot back, tell the caller, and return that snapshot's report. */
  private diverged(message: string): TrainReport {
    // A new pass over the data starts from here (load starts a new epoch): the interrupted one
    // held diverging batches.
    this.net.load(this.snapshot?.state ?? this.initial);
    this.step = this.snapshot?.report.step ?? 0;
    this.epoch = this.snapshot?.epoch ?? 0;
    const problem: TrainProblem = { kind: 'diverged', message };
    const report = {
      ...(this.snapshot?.report ?? emptyReport(this.step, this.epoch, this.backend)),
      problem,
    };
    this.onProblem?.(problem);
    return report;
  }

  /** `fn`'s result (or error) as a promise; rejected once the trainer is disposed. */
  private alive<T>(fn: () => T): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('This trainer has been disposed.'));
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('This trainer has been disposed.');
  }
}

/** A trainer on the plain-JS engine ('js'): ready at once, no backend to start. */
export function createJsTrainer(options: TrainerOptions): JsTrainer {
  return new JsTrainer(options);
}
