/**
 * A `Trainer` on one tfjs backend: data, batches, epochs, reports, and the four ways training can
 * stop on its own — divergence, early stopping (early-stop.ts), a lost WebGL context (its recovery
 * in trainer-base.ts, with the network on its backend and the reading back), and a backend that
 * will not start (trainer-start.ts).
 *
 * Every report is read back with ONE asynchronous read (`data()`, never `dataSync()`), and that same
 * read brings back every weight and optimizer slot: the last good report and its snapshot are the
 * same moment of training, kept in ordinary memory (Float32Arrays) where no GPU failure can reach.
 */
import { exclusiveWebglCompile, tf, useBackend, activate, webglCompilation } from './backend.ts';
import { holdOut } from './early-stop.ts';
import { TensorBatches, splitUnits, unpackStats } from './trainer-data.ts';
import type { Batch } from './trainer-data.ts';
import { TfTrainerBase } from './trainer-base.ts';
import { Network, layersOf } from './network.ts';
import { weightIndex } from './state.ts';
import { compileShaders } from './precompile.ts';
import type { NetworkState } from './network.ts';
import { asFloats, batchRows, checkPoints, inputsOf, pointCount, shuffleSeed } from './spec.ts';
import type {
  EarlyStop,
  LayerWeights,
  ResumePoint,
  Rows,
  TrainOptions,
  TrainReport,
  Trainer,
} from './types.ts';

// The divergence rule is shared with the plain-JS engine (divergence.ts); re-exported for callers.
export { DIVERGENCE } from './divergence.ts';

/** Made by `createTrainer` (index.ts), which picks and starts the backend first. */
export class TfTrainer extends TfTrainerBase implements Trainer {
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
      this.ledger.unmeasured = true; // the next report (even of 0 steps) is measured on the new weight
    });
  }

  setData(train: Rows, test: Rows): void {
    this.assertAlive();
    checkPoints(train, 'Training', this.spec);
    checkPoints(test, 'Test', this.spec);
    const held = holdOut(this.spec, train);
    this.data = { train: held.train, test, validation: held.validation };
    this.ledger.newData();
    if (this.lost) return; // uploaded on the backend we recover to
    useBackend(this.currentBackend);
    this.disposeData();
    this.tensors = this.upload();
  }

  reset(): void {
    this.assertAlive();
    this.ledger.reset();
    this.disposeBatches();
    this.batches = new TensorBatches(shuffleSeed(this.spec));
    if (this.lost) return;
    useBackend(this.currentBackend);
    this.network.dispose();
    this.network = new Network(this.spec, this.initial);
  }

  exportState(): ResumePoint | null {
    return this.ledger.exportState();
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
    const ledger = this.ledger;
    if (ledger.needsFirstReport()) {
      // A report of where we stand (step 0 after a reset): the reference for what follows.
      const first = await this.measure();
      if ('problem' in first) return first.problem;
      ledger.started(first.report);
    }
    if (this.tensors.train.rows === 0 || steps === 0) {
      if (!ledger.unmeasured) return ledger.snapshot!.report;
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
        ledger.counted(batch.rows, n);
      }
      // Unmeasured (not on WebGL, where only a read waits for the queued steps to run).
      if (!measure && this.currentBackend !== 'webgl') return ledger.unmeasuredReport();
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
    this.ledger.unmeasured = false;
    const values = await this.read(packed);
    if (this.disposed)
      return {
        problem: this.ledger.lastReport(this.currentBackend),
      };
    if (values === null) return { problem: await this.recover() };
    const { report, stats, state } = unpackStats(values, {
      spec: this.spec,
      tensors: this.tensors,
      step: this.ledger.step,
      epoch: this.ledger.epoch,
      backend: this.currentBackend,
      adamStep: this.network.optimizerStep,
    });
    const verdict = this.ledger.judge(stats, report, () => state, observe);
    if (verdict.kind === 'diverged') return { problem: this.diverged(verdict.message) };
    if (verdict.kind === 'stop') return this.stopEarly(verdict.best, verdict.earlyStop);
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
    return this.ledger.stopped({ kind: 'diverged', message }, this.currentBackend);
  }

  /** Rebuild the network from the snapshot (or the initial weights) on the current backend. */
  private restore(): void {
    useBackend(this.currentBackend);
    this.network.dispose();
    this.network = new Network(this.spec, this.ledger.rewind(this.initial));
    // A new pass over the data starts from here: the interrupted one held diverging batches.
    this.disposeBatches();
  }

  private batch(): Batch {
    return this.batches.next(this.tensors.train, batchRows(this.spec, this.tensors.train.rows));
  }
}
