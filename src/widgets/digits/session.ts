/**
 * The training session behind `<nn-digits>`, as a Lit reactive controller: it loads the digits,
 * builds the from-scratch `DenseNet` (src/math/dense-net.ts: a softmax over ten classes, Adam,
 * cross-entropy) and trains it in slices of at most `SLICE_MS` per animation frame, so the page keeps
 * drawing and the drawing pad keeps answering while it learns. `READINGS_PER_EPOCH` times an epoch
 * (at each epoch's end among them, and on pause) it reads the network on all 2,000 test digits and on 1,000 training
 * digits, in chunks spread over frames, with the weights held still meanwhile.
 *
 * Everything the element draws is plain data kept here: `report`, `evaluation`, `testProbs` and
 * `weights` (the packed parameters). Deterministic: the same setup and seed give the same steps.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DenseNet } from '../../math/dense-net';
import type { DigitsData } from '../../math/digits-asset';
import { loadDigits, loadErrorMessage } from './data';
import {
  CLASSES,
  INPUTS,
  evaluate,
  initialState,
  layerSizes,
  stepsPerEpoch,
  type DigitsSetup,
  type Evaluation,
} from './model';

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
    if (!this.data) return;
    this.sizes = layerSizes(setup);
    this.net = new DenseNet({
      sizes: this.sizes,
      activations: this.sizes.slice(2).map(() => 'relu' as const),
      loss: 'cross-entropy',
      optimizer: 'adam',
      learningRate: setup.learningRate,
      l2: 0,
      batchSize: setup.batchSize,
      shuffleSeed: setup.seed + 0.5,
      state: initialState(this.sizes, setup.seed),
    });
    this.net.setData(this.data.train.pixels, this.data.train.labels);
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
    this.setPhase('playing');
    this.schedule();
  }

  pause(): void {
    this.playWhenReady = false;
    if (this.phase !== 'playing') return;
    this.setPhase('ready');
    // End on a picture of the network as it is now.
    if (!this.pending && this.report?.step !== this.step) this.startEvaluation();
    this.schedule();
  }

  /** Back to the untrained network of the same seed. */
  reset(): void {
    if (this.setup) this.configure(this.setup);
  }

  /**
   * The ten probabilities the network gives one image (784 values in 0…1), or null when there is no
   * network yet. Cheap: one forward pass.
   */
  predict(pixels: Float32Array): Float32Array | null {
    if (!this.net || pixels.length !== INPUTS) return null;
    return this.net.predictInto(pixels, this.one).slice();
  }

  /**
   * Train and read synchronously until `epochs` (a whole number of passes) are done — for tests
   * and benchmarks that want an epoch count, not a time. Returns the last report.
   */
  trainEpochs(epochs: number): DigitsReport | null {
    if (!this.net) return null;
    this.stopLoop();
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
      if (this.phase !== 'playing' || !this.net) break;
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
    this.readings++;
    const test = evaluate(pending.testProbs, data.test.labels);
    const train = evaluate(pending.trainProbs, data.train.labels.subarray(0, nTrain));
    this.evaluation = test;
    this.testProbs = pending.testProbs;
    this.weights = net.state().values;
    const epochSteps = this.epochSteps;
    this.report = {
      step: pending.step,
      epoch: epochSteps > 0 ? pending.step / epochSteps : 0,
      trainLoss: train.loss,
      trainAccuracy: train.accuracy,
      testLoss: test.loss,
      testAccuracy: test.accuracy,
    };
    const done = this.setup !== null && pending.step >= this.setup.epochs * epochSteps;
    if (done && this.phase === 'playing') this.setPhase('done');
    this.callbacks.onReport(this.report);
    this.host.requestUpdate();
  }
}
