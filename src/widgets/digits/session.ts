/**
 * The training session behind `<nn-digits>`, as a Lit reactive controller. It loads the digits and
 * shows the untrained network at once, computed here with the from-scratch `DenseNet`
 * (src/math/dense-net.ts: a softmax over ten classes, Adam, cross-entropy) from the same seeded
 * starting weights the engine draws. On the first Train it starts the training engine
 * (src/train/client.ts, loaded lazily: a Web Worker, where 'auto' picks the from-scratch engine or
 * tfjs) and plays it to the last epoch; `READINGS_PER_EPOCH` times an epoch, and when it stops, it
 * asks the engine for the probabilities of the 2,000 test digits and of 1,000 training digits and
 * for every layer's weights, and reads them here (accuracy, loss, confusion matrix). The weights
 * are loaded into the page's copy of the network (page-net.ts), which reads the drawing pad at once:
 * the pad never waits for the engine's worker, busy training.
 *
 * Where the engine cannot be built or stops for good, the same network trains here, on the page's
 * thread, in slices of at most `SLICE_MS` per animation frame, read in chunks spread over frames.
 * `trainEpochs` (tests, benchmarks) trains here synchronously.
 *
 * Everything the element draws is plain data kept here: `report`, `evaluation`, `testProbs` and
 * `weights` (layer 1's kernel first). Deterministic: the same setup and seed give the same steps.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EngineClient } from '../../train/client';
import type { EngineName } from '../../train/types';
import type { DenseNet } from '../../math/dense-net';
import type { DigitsData } from '../../math/digits-asset';
import { loadClient, type ClientModule } from '../shared/engine-client';
import { loadDigits, loadErrorMessage } from './data';
import {
  CLASSES,
  INPUTS,
  SHOW_MISTAKES,
  evaluate,
  layerSizes,
  misclassified,
  stepsPerEpoch,
  type DigitsSetup,
  type Evaluation,
} from './model';
import { engineSpec, loadLayers, pageNet } from './page-net';

/** Longest run of training in one animation frame, in ms (a frame is ~16.7 ms). */
export const SLICE_MS = 8;
/**
 * Readings of the test set per epoch. A reading (3,000 forward passes) costs about a third of
 * training on 3,000 digits: three readings an epoch add about a third to its time.
 */
export const READINGS_PER_EPOCH = 3;
/** Training digits read for the training loss and accuracy (the first ones of the shuffled set). */
export const TRAIN_EVAL = 1000;
/** Digits read per chunk of an evaluation. */
const CHUNK = 100;

export type SessionPhase = 'loading' | 'failed' | 'ready' | 'playing' | 'done';

export interface DigitsReport {
  step: number;
  /** Passes over the training set (fractional between epoch ends). */
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
}

export interface DigitsCallbacks {
  /** A new reading of the network (after an evaluation). */
  onReport(report: DigitsReport): void;
  /** The phase changed (loading → ready, playing, done, failed). */
  onPhase(phase: SessionPhase): void;
}

/** An evaluation in progress: where it is, and the probabilities it has so far. */
interface Pending {
  step: number;
  at: number;
  testProbs: Float32Array;
  trainProbs: Float32Array;
}

export class DigitsSession implements ReactiveController {
  phase: SessionPhase = 'loading';
  /** What went wrong while loading (phase 'failed'). */
  error = '';
  data: DigitsData | null = null;
  report: DigitsReport | null = null;
  /** The test set as the network last read it. */
  evaluation: Evaluation | null = null;
  /** p(digit) of every test digit at the last reading: testProbs[i·10 + d]. */
  testProbs: Float32Array | null = null;
  /** The most confidently misclassified test digits at the last reading (indices), sorted once. */
  mistakes: number[] = [];
  /** The packed parameters at the last reading (layer 1's kernel first: 784 × hidden). */
  weights: Float32Array | null = null;
  sizes: number[] = [];
  step = 0;
  /** Readings of the network so far (a new one means new pictures to paint). */
  readings = 0;

  private net: DenseNet | null = null;
  private setup: DigitsSetup | null = null;
  private pending: Pending | null = null;
  private frame = 0;
  private generation = 0;
  /** Where the digits come from (undefined: the course's own copy). */
  url: string | undefined;
  private readonly one = new Float32Array(CLASSES);
  private connected = false;
  private playWhenReady = false;
  /**
   * The training engine (src/train/client.ts: a Web Worker, or the page's thread where there is
   * none), from the first Train on; null before it and after a reset or a new setup.
   */
  private engine: EngineClient | null = null;
  private engineGeneration = 0;
  /** Train on the page's thread (the engine failed, or `trainEpochs` was asked for). */
  private pageOnly = false;
  /** A reading of the engine's network is under way; the step of the last one asked for. */
  private asking = false;
  private lastAsked = -1;
  /** The engine training runs on ('js', 'wasm', …), once it is built. */
  backend: EngineName | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: DigitsCallbacks,
  ) {
    host.addController(this);
  }

  /** Steps in one epoch with the current setup. */
  get epochSteps(): number {
    return stepsPerEpoch(this.data?.train.count ?? 0, this.setup?.batchSize ?? 1);
  }

  /** Training runs, or will as soon as the digits are here. */
  get playing(): boolean {
    return this.phase === 'playing' || (this.phase === 'loading' && this.playWhenReady);
  }

  /** (Re)load the digits from `url` (the course's own when absent), then build the network. */
  async load(url?: string): Promise<void> {
    this.url = url;
    const generation = ++this.generation;
    this.setPhase('loading');
    try {
      const data = await loadDigits(url);
      if (generation !== this.generation) return;
      this.data = data;
      this.setPhase('ready');
      if (this.setup) this.configure(this.setup);
      if (this.playWhenReady) this.play();
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = loadErrorMessage(error);
      this.setPhase('failed');
    }
  }

  /** Try the download again after a failure. */
  retry(): Promise<void> {
    return this.load(this.url);
  }

  /** A new network for this setup (untrained, step 0), read at once. */
  configure(setup: DigitsSetup): void {
    this.setup = { ...setup };
    this.stopLoop();
    this.dropEngine();
    if (!this.data) return;
    this.sizes = layerSizes(setup);
    this.net = pageNet(this.sizes, setup, this.data.train.pixels, this.data.train.labels);
    this.step = 0;
    this.report = null;
    if (this.phase !== 'loading' && this.phase !== 'failed') this.setPhase('ready');
    this.startEvaluation();
    this.schedule();
  }

  play(): void {
    // Pressed while the digits download: training starts as soon as they are here.
    if (this.phase === 'loading') {
      this.playWhenReady = true;
      this.host.requestUpdate();
      return;
    }
    this.playWhenReady = false;
    if (!this.net || this.phase === 'failed') return;
    if (this.phase === 'done') return;
    this.stopLoop();
    this.setPhase('playing');
    if (this.engine) this.engine.play(this.setup?.epochs ?? 0);
    else if (this.pageOnly) this.schedule();
    else void this.startEngine();
  }

  pause(): void {
    this.playWhenReady = false;
    if (this.phase !== 'playing') return;
    this.setPhase('ready');
    this.engine?.pause(); // the engine's last frame brings the last reading
  }

  /** Back to the untrained network of the same seed. */
  reset(): void {
    if (this.setup) this.configure(this.setup);
  }

  /**
   * The ten probabilities the network of the last reading gives one image (784 values in 0…1), or
   * null when there is no network yet. Answered here, at once (one forward pass on the page's copy,
   * well under a millisecond), while the engine trains in its worker.
   */
  predict(pixels: Float32Array): Float32Array | null {
    if (pixels.length !== INPUTS || !this.net) return null;
    return this.net.predictInto(pixels, this.one).slice();
  }

  /**
   * Train and read synchronously until `epochs` (a whole number of passes) are done — for tests
   * and benchmarks that want an epoch count, not a time. Returns the last report.
   */
  trainEpochs(epochs: number): DigitsReport | null {
    if (!this.net) return null;
    this.stopLoop();
    this.dropEngine();
    const target = Math.round(epochs * this.epochSteps);
    while (this.step < target) {
      this.net.step();
      this.step++;
    }
    this.startEvaluation();
    while (this.pending) this.evaluateChunk();
    return this.report;
  }

  hostConnected(): void {
    this.connected = true;
    if (this.net && !this.report) this.startEvaluation();
    if (this.pending) this.schedule();
  }

  /** Out of the page, nothing runs: no frame is requested until the element is back. */
  hostDisconnected(): void {
    this.connected = false;
    this.stopLoop();
    if (this.phase === 'playing') this.phase = 'ready';
    this.playWhenReady = false;
    // The worker ends with the widget; a widget put back starts from its last reading's network
    // on the page (a new Train builds a new engine from the same seed).
    this.dropEngine();
  }

  private setPhase(phase: SessionPhase): void {
    if (this.phase === phase) return;
    this.phase = phase;
    this.callbacks.onPhase(phase);
    this.host.requestUpdate();
  }

  private schedule(): void {
    if (this.frame || !this.connected) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.tick();
    });
  }

  private stopLoop(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = null;
  }

  /** One slice: finish a reading in progress first, then train. */
  private tick(): void {
    const start = performance.now();
    while (performance.now() - start < SLICE_MS) {
      if (this.pending) {
        this.evaluateChunk();
        continue;
      }
      if (this.phase !== 'playing' || !this.net || this.engine) break;
      this.net.step();
      this.step++;
      if (this.readingDue()) this.startEvaluation();
    }
    if (this.pending || this.phase === 'playing') this.schedule();
  }

  /** At each epoch's end, and at every third of an epoch. */
  private readingDue(): boolean {
    const perEpoch = this.epochSteps;
    if (perEpoch === 0) return false;
    const within = this.step % perEpoch;
    if (within === 0) return true;
    const every = Math.ceil(perEpoch / READINGS_PER_EPOCH);
    return within % every === 0;
  }

  private startEvaluation(): void {
    if (!this.data) return;
    this.pending = {
      step: this.step,
      at: 0,
      testProbs: new Float32Array(this.data.test.count * CLASSES),
      trainProbs: new Float32Array(Math.min(TRAIN_EVAL, this.data.train.count) * CLASSES),
    };
  }

  /** Read the next chunk of the pending evaluation; finish it when all is read. */
  private evaluateChunk(): void {
    const pending = this.pending;
    const net = this.net;
    const data = this.data;
    if (!pending || !net || !data) {
      this.pending = null;
      return;
    }
    const nTest = data.test.count;
    const nTrain = pending.trainProbs.length / CLASSES;
    if (pending.at < nTest + nTrain) {
      const inTest = pending.at < nTest;
      const split = inTest ? data.test : data.train;
      const first = inTest ? pending.at : pending.at - nTest;
      const count = Math.min(CHUNK, (inTest ? nTest : nTrain) - first);
      const rows = split.pixels.subarray(first * INPUTS, (first + count) * INPUTS);
      const out = (inTest ? pending.testProbs : pending.trainProbs).subarray(
        first * CLASSES,
        (first + count) * CLASSES,
      );
      net.predictInto(rows, out);
      pending.at += count;
      if (pending.at < nTest + nTrain) return;
    }
    this.pending = null;
    this.finishReading(pending.step, pending.testProbs, pending.trainProbs, net.state().values);
  }

  /** A reading is complete: the numbers, the pictures, the report, and 'done' after the last epoch. */
  private finishReading(
    step: number,
    testProbs: Float32Array,
    trainProbs: Float32Array,
    weights: Float32Array,
  ): void {
    const data = this.data;
    if (!data) return;
    this.readings++;
    const nTrain = trainProbs.length / CLASSES;
    const test = evaluate(testProbs, data.test.labels);
    const train = evaluate(trainProbs, data.train.labels.subarray(0, nTrain));
    this.evaluation = test;
    this.testProbs = testProbs;
    this.mistakes = misclassified(data.test.labels, test.predicted, testProbs, SHOW_MISTAKES);
    this.weights = weights;
    const epochSteps = this.epochSteps;
    this.report = {
      step,
      epoch: epochSteps > 0 ? step / epochSteps : 0,
      trainLoss: train.loss,
      trainAccuracy: train.accuracy,
      testLoss: test.loss,
      testAccuracy: test.accuracy,
    };
    const done = this.setup !== null && step >= this.setup.epochs * epochSteps;
    if (done && this.phase === 'playing') this.setPhase('done');
    this.callbacks.onReport(this.report);
    this.host.requestUpdate();
  }

  // ---- the training engine ---------------------------------------------------------------

  /** Build the engine (first Train after a setup) and play once it is ready. */
  private async startEngine(): Promise<void> {
    const generation = ++this.engineGeneration;
    const data = this.data;
    const setup = this.setup;
    if (!data || !setup) return;
    let client: ClientModule;
    try {
      client = await loadClient();
    } catch {
      if (generation === this.engineGeneration) this.trainOnPage();
      return;
    }
    if (generation !== this.engineGeneration || !this.connected) return;
    const engine = new client.EngineClient({
      onReady: (name) => {
        this.backend = name;
        this.host.requestUpdate();
      },
      onFrame: (frame) => {
        if (this.engine !== engine) return;
        this.step = frame.report.step;
        this.readEngine(!frame.running);
      },
      onRunning: () => {},
      onProblem: () => {},
      onError: () => {
        // The engine cannot go on: train here instead, from the start of this setup.
        if (this.engine === engine) this.trainOnPage();
      },
    });
    this.engine = engine;
    this.lastAsked = -1;
    try {
      await engine.setup({
        spec: engineSpec(this.sizes, setup),
        // Copies of the rows only (the page keeps its own for the pictures).
        train: { x: data.train.pixels.slice(), y: data.train.labels.slice() },
        test: { x: data.test.pixels.slice(), y: data.test.labels.slice() },
        engine: setup.backend ?? 'auto',
        grids: { heatmap: new Float32Array(0), maps: new Float32Array(0) },
      });
    } catch {
      if (this.engine === engine) this.trainOnPage();
      return;
    }
    if (this.engine !== engine) return;
    if (this.phase === 'playing') engine.play(setup.epochs);
  }

  /** Ask the engine for a reading when one is due: three an epoch, and when training stops. */
  private readEngine(stopped: boolean): void {
    const engine = this.engine;
    const data = this.data;
    if (!engine || !data || this.asking) return;
    const every = Math.max(1, Math.ceil(this.epochSteps / READINGS_PER_EPOCH));
    const step = this.step;
    if (step === this.lastAsked) return;
    if (!stopped && step - this.lastAsked < every && this.lastAsked >= 0) return;
    this.asking = true;
    this.lastAsked = step;
    const nTrain = Math.min(TRAIN_EVAL, data.train.count);
    void Promise.all([
      engine.predict(data.test.pixels),
      engine.predict(data.train.pixels.subarray(0, nTrain * INPUTS)),
      engine.weights(),
    ])
      .then(([testProbs, trainProbs, layers]) => {
        if (this.engine !== engine) return;
        // The pad reads with these weights from now on (the page's copy never trains meanwhile).
        if (this.net) loadLayers(this.net, this.sizes, layers);
        this.finishReading(step, testProbs, trainProbs, layers[0]!.kernel);
      })
      .catch(() => {})
      .finally(() => {
        this.asking = false;
        // Training stopped while this reading was asked for: read the last step too.
        if (this.engine === engine && this.phase !== 'playing' && this.step !== this.lastAsked) {
          this.readEngine(true);
        }
      });
  }

  /**
   * The engine could not be built or stopped for good: train on the page's thread instead, in
   * slices, from the start of this setup.
   */
  private trainOnPage(): void {
    const playing = this.phase === 'playing';
    this.pageOnly = true;
    if (this.setup) this.configure(this.setup);
    if (playing) this.play();
  }

  private dropEngine(): void {
    this.engineGeneration++;
    this.engine?.dispose();
    this.engine = null;
    this.asking = false;
    this.backend = null;
  }
}
