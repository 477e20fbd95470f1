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
import { holdOut } from './early-stop.ts';
import { RunLedger } from './ledger.ts';
import {
  checkPoints,
  checkSpec,
  classAccuracy,
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
  TrainReport,
  Trainer,
  TrainerOptions,
} from './types.ts';

export class JsTrainer implements Trainer {
  readonly backend = 'js' as const;
  readonly spec: ModelSpec;
  private readonly net: DenseNet;
  /** The rows trained on (the training rows less the validation rows), and the test rows. */
  private data: { train: Rows; test: Rows };
  /** The rows held out for early stopping (null without it). */
  private validation: Rows | null = null;
  private readonly initial: NetworkState;
  /** Steps, epochs, the last good moment and the verdict on each report (ledger.ts). */
  private readonly ledger: RunLedger;
  private disposed = false;

  constructor(options: TrainerOptions) {
    checkSpec(options.spec);
    checkPoints(options.train, 'Training', options.spec);
    checkPoints(options.test, 'Test', options.spec);
    this.spec = structuredClone(options.spec);
    this.ledger = new RunLedger(this.spec, options.resume, options.onProblem);
    const held = holdOut(this.spec, options.train);
    this.data = { train: held.train, test: options.test };
    this.validation = held.validation;
    this.initial = initialState(this.spec, initialWeights(this.spec));
    this.net = new DenseNet(denseConfig(this.spec, this.initial));
    this.net.setData(held.train.x, held.train.y);
    if (options.resume) this.net.load(options.resume.state);
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
    this.ledger.unmeasured = true; // the next report (even of 0 steps) is measured on the new weight
  }

  setData(train: Rows, test: Rows): void {
    this.assertAlive();
    checkPoints(train, 'Training', this.spec);
    checkPoints(test, 'Test', this.spec);
    const held = holdOut(this.spec, train);
    this.data = { train: held.train, test };
    this.validation = held.validation;
    this.net.setData(held.train.x, held.train.y);
    this.ledger.newData();
  }

  reset(): void {
    this.assertAlive();
    this.ledger.reset();
    this.net.reset(this.initial);
  }

  exportState(): ResumePoint | null {
    return this.ledger.exportState();
  }

  dispose(): void {
    this.disposed = true;
  }

  // -------------------------------------------------------------------------------------------

  private trainNow(steps: number, maxMs: number, measure: boolean): TrainReport {
    if (!Number.isInteger(steps) || steps < 0) {
      throw new RangeError(`train(steps): steps must be a whole number ≥ 0, got ${steps}`);
    }
    const ledger = this.ledger;
    if (ledger.needsFirstReport()) {
      // A report of where we stand (step 0 after a reset): the reference for what follows.
      const first = this.measure();
      if (first.problem) return first;
      ledger.started(first);
    }
    const n = this.data.train.y.length;
    if (n === 0 || steps === 0) return ledger.unmeasured ? this.measure() : ledger.snapshot!.report;
    const deadline = performance.now() + maxMs;
    for (let i = 0; i < steps; i++) {
      if (i > 0 && performance.now() > deadline) break;
      ledger.counted(this.net.step(), n);
    }
    return measure ? this.measure() : ledger.unmeasuredReport();
  }

  /**
   * The report for the current weights. Good numbers become the new report and snapshot; bad
   * ones (non-finite, or a loss or weight past its limit) put the last snapshot back and say why.
   * With early stopping, when the validation loss has not improved for `patience` epochs, the
   * best weights are put back and the report (measured on them) says so.
   */
  private measure(observe = true): TrainReport {
    this.ledger.unmeasured = false;
    const { stats, report } = this.numbers();
    const verdict = this.ledger.judge(stats, report, () => this.net.state(), observe);
    if (verdict.kind === 'diverged') return this.diverged(verdict.message);
    if (verdict.kind === 'good') return report;
    // Early stopping: the best weights back, measured (and kept) as they are.
    this.net.load(verdict.best);
    const restored = this.measure(false);
    return restored.problem ? restored : { ...restored, earlyStop: verdict.earlyStop };
  }

  /** The losses and accuracies of the current weights, as statistics and as a report. */
  private numbers(): { stats: DenseStats; report: TrainReport } {
    const { train, test } = this.data;
    const stats: DenseStats = this.net.stats(train.x, train.y, test.x, test.y);
    const report: TrainReport = {
      step: this.ledger.step,
      epoch: this.ledger.epoch,
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
    this.net.load(this.ledger.rewind(this.initial));
    return this.ledger.stopped({ kind: 'diverged', message }, this.backend);
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
