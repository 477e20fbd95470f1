/**
 * What a `TfTrainer` (trainer.ts) stands on: its network and data as tensors on one tfjs backend,
 * its work done in turn, tensors read back, and the WebGL context that may be lost meanwhile — then
 * the network moves to a backend without a GPU, rebuilt from the last snapshot.
 *
 * Every read is ONE asynchronous read (`data()`, never `dataSync()`): a snapshot (the weights and
 * optimizer slots with the report made there) lives in ordinary memory (Float32Arrays), where no
 * GPU failure can reach.
 */
import {
  isWebglLost,
  markWebglLost,
  onWebglLost,
  tf,
  useBackend,
  activate,
  webglCompilation,
} from './backend.ts';
import { holdOut } from './early-stop.ts';
import { RunLedger } from './ledger.ts';
import {
  FALLBACKS,
  TensorBatches,
  disposeSet,
  firstWorking,
  readBack,
  uploadData,
} from './trainer-data.ts';
import type { DataTensors } from './trainer-data.ts';
import { Network, initialState } from './network.ts';
import type { NetworkState } from './network.ts';
import { checkPoints, checkSpec, initialWeights, shuffleSeed } from './spec.ts';
import type {
  BackendName,
  ModelSpec,
  Rows,
  TrainProblem,
  TrainReport,
  TrainerOptions,
} from './types.ts';

export abstract class TfTrainerBase {
  readonly spec: ModelSpec;
  protected currentBackend: BackendName;
  protected network: Network;
  /** The rows trained on (less early stopping's validation rows), the test and validation rows. */
  protected data: { train: Rows; test: Rows; validation: Rows | null };
  protected tensors: DataTensors;
  protected readonly initial: NetworkState;

  /** Steps, epochs, the last good moment and the verdict on each report (ledger.ts). */
  protected readonly ledger: RunLedger;
  protected batches: TensorBatches;

  /** Work is serialised: a train() and a predict() never interleave their reads and swaps. */
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  protected disposed = false;
  protected lost = false;
  private readonly lostWaiters = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(options: TrainerOptions, backend: BackendName) {
    checkSpec(options.spec);
    checkPoints(options.train, 'Training', options.spec);
    checkPoints(options.test, 'Test', options.spec);
    this.spec = structuredClone(options.spec);
    this.currentBackend = backend;
    const held = holdOut(this.spec, options.train);
    this.data = { train: held.train, test: options.test, validation: held.validation };
    this.initial = initialState(this.spec, initialWeights(this.spec));
    this.batches = new TensorBatches(shuffleSeed(this.spec));
    useBackend(backend);
    const resume = options.resume;
    this.network = new Network(this.spec, resume?.state ?? this.initial);
    this.ledger = new RunLedger(this.spec, resume, options.onProblem);
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

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.unsubscribe();
    for (const wake of [...this.lostWaiters]) wake();
    this.network.dispose();
    this.disposeData();
  }

  /** Run `fn` after every earlier call has finished (successfully or not). */
  protected exclusive<T>(fn: () => Promise<T>): Promise<T> {
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
  protected async readWith(make: () => tf.Tensor): Promise<Float32Array> {
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
  protected read(tensor: tf.Tensor): Promise<Float32Array | null> {
    return readBack(tensor, {
      polls: this.currentBackend === 'webgl',
      gone: () => this.contextGone() || this.disposed,
      waiters: this.lostWaiters,
    });
  }

  /** Whether this trainer runs on WebGL and the context is gone. */
  protected contextGone(): boolean {
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
  protected async recover(): Promise<TrainReport> {
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
    this.network = new Network(this.spec, this.ledger.rewind(this.initial));
    const snapshot = this.ledger.snapshot;
    const at = snapshot ? `step ${snapshot.report.step}` : 'the start';
    const problem: TrainProblem = {
      kind: 'context-lost',
      message:
        `The graphics card (WebGL) stopped responding, so training paused and went back to the ` +
        `weights saved at ${at}. It continues on the ${to} backend.`,
      recoveredOn: to,
    };
    if (snapshot) snapshot.report = { ...snapshot.report, backend: to };
    return this.ledger.stopped(problem, this.currentBackend);
  }

  protected upload(): DataTensors {
    return uploadData(this.data, this.spec);
  }

  protected disposeBatches(): void {
    this.batches.dispose();
  }

  protected disposeData(): void {
    this.disposeBatches();
    disposeSet(this.tensors.train);
    disposeSet(this.tensors.test);
    disposeSet(this.tensors.validation);
  }

  protected assertAlive(): void {
    if (this.disposed) throw new Error('This trainer has been disposed.');
  }
}
