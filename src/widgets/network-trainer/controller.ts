/**
 * The training session behind `<nn-network-trainer>`, as a Lit reactive controller: it loads the
 * engine (lazily: tfjs is a large download, and a page without a trainer never fetches it), owns
 * the `Trainer` and the engine's `TrainingLoop` (several steps per animation frame, sized to keep
 * the page smooth), reads the picture after every frame — ONE batched prediction over the grid
 * for the heatmap; every few frames the neurons' own maps and the weights — and turns the
 * engine's problems into a notice the element shows.
 *
 * The engine is loaded only when the student first asks to train (Train, Step, or `autoplay`):
 * a page that merely shows a trainer downloads and runs no tfjs, and times no backend. Until then
 * the session shows the untrained network computed in plain TypeScript from the same seeded
 * initial weights (preview.ts), so the engine's first report repeats what was already shown.
 *
 * Everything the element draws is plain data kept here (`report`, `grid`, `maps`, `weights`).
 * Nothing of tfjs crosses into this file: it sees only the engine's contract
 * (`src/train/types.ts`) and its lazily imported index.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TrainingLoop } from '../../train/index';
import type {
  BackendName,
  LayerWeights,
  ModelSpec,
  Points,
  TrainProblem,
  TrainReport,
  Trainer,
} from '../../train/types';
import { untrained } from './preview';

type Engine = typeof import('../../train/index');

/** Loaded once per page, on first use. */
let enginePromise: Promise<Engine> | undefined;
function loadEngine(): Promise<Engine> {
  enginePromise ??= import('../../train/index');
  // A failed download may succeed later (back online): forget the failure.
  enginePromise.catch(() => (enginePromise = undefined));
  return enginePromise;
}

export type SessionState = 'loading' | 'ready' | 'playing' | 'failed';

/** A notice for the student: what happened, and whether it stopped training. */
export interface SessionNotice {
  kind: TrainProblem['kind'] | 'error';
  message: string;
}

export interface SessionSetup {
  spec: ModelSpec;
  train: Points;
  test: Points;
  backend: BackendName | 'auto';
}

/**
 * A report as the widget shows it: the engine's, or — before the engine has started — the
 * untrained network's numbers at step 0, computed without it (`backend` is then null).
 */
export type SessionReport = Omit<TrainReport, 'backend'> & { backend: BackendName | null };

export interface SessionCallbacks {
  /** A new report (after a frame of training, a single step, a reset or a new setup). */
  onReport(report: SessionReport): void;
  /** New predictions over the grid (and, with `diagram`, new maps and weights) to draw. */
  onPicture(diagram: boolean): void;
  /** Training started or stopped. */
  onRunningChange(running: boolean): void;
}

/** Frames between two reads of the neurons' maps and the weights (the diagram is secondary). */
const DIAGRAM_EVERY = 4;

export class TrainingSession implements ReactiveController {
  state: SessionState = 'loading';
  /** The latest numbers; null before the first read (or when there is nothing to train on). */
  report: SessionReport | null = null;
  /** p(class 1) over the heatmap grid. */
  grid: Float32Array | null = null;
  /** Each hidden and output unit's map over the small grid: maps[layer][unit]. */
  maps: Float32Array[][] | null = null;
  weights: LayerWeights[] | null = null;
  /** The backend the trainer runs on; null until it exists. */
  backend: BackendName | null = null;
  notice: SessionNotice | null = null;

  private trainer: Trainer | null = null;
  private loop: TrainingLoop | null = null;
  /** Bumped on every (re)configuration: late results of an older trainer are dropped. */
  private generation = 0;
  private frames = 0;
  private pictureBusy = false;
  private pictureAgain = false;
  private pendingData: { train: Points; test: Points } | null = null;
  private stopAtEpoch = 0;
  private building = false;
  /** The current build of the trainer (awaited by a Step pressed while the engine loads). */
  private built: Promise<void> = Promise.resolve();
  /** Abandons the current build (its backend measurement and shader compilation). */
  private abandon: AbortController | null = null;
  /** The setup shown now: what the engine is built for when the student asks to train. */
  private setup: SessionSetup | null = null;
  /** Whether the student has asked to train: from then on every new setup builds a trainer. */
  private engineWanted = false;
  /** Train was pressed while the trainer is being built: play as soon as it exists. */
  private playWhenBuilt = false;
  /** Optimisation steps in one pass over the training set (1 with full batches). */
  private stepsPerEpoch = 1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: SessionCallbacks,
    private readonly grids: { heatmap: Float32Array; maps: Float32Array },
  ) {
    host.addController(this);
  }

  /** Whether a network exists or is being built (new data can then go to it). */
  get hasNetwork(): boolean {
    return this.trainer !== null || this.building;
  }

  /** Whether training runs — or is about to: Train was pressed and the engine is loading. */
  get playing(): boolean {
    return (this.loop?.isRunning() ?? false) || this.playWhenBuilt;
  }

  /** Whether the engine has been asked for (false: the untrained network is shown without it). */
  get started(): boolean {
    return this.engineWanted;
  }

  hostDisconnected(): void {
    this.release();
    if (this.state !== 'failed') this.state = 'loading';
  }

  /** Stop training and let go of the trainer (its tensors are freed). */
  release(): void {
    this.generation++;
    this.abandon?.abort();
    this.abandon = null;
    this.building = false;
    this.playWhenBuilt = false;
    this.pictureAgain = false;
    this.loop?.dispose();
    this.loop = null;
    this.trainer?.dispose();
    this.trainer = null;
    this.backend = null;
  }

  /**
   * A new spec, data or backend: training restarts from the seeded initial weights. Before the
   * student has asked to train, this only shows the untrained network (no engine); after, it
   * (re)creates the trainer. Calls made while the engine loads collapse into the last one.
   */
  async configure(setup: SessionSetup): Promise<void> {
    const wasPlaying = this.playing;
    this.release();
    this.pendingData = null;
    this.setup = setup;
    if (!this.engineWanted) {
      this.showUntrained(setup);
      return;
    }
    this.playWhenBuilt = wasPlaying;
    await this.startEngine();
  }

  /** Nothing to train on: no trainer, no numbers, no picture. */
  clear(): void {
    this.release();
    this.setup = null;
    this.pendingData = null;
    this.report = null;
    this.grid = null;
    this.maps = null;
    this.weights = null;
    if (this.state !== 'failed') this.state = 'ready';
    this.host.requestUpdate();
  }

  /** The untrained network of `setup`, computed without the engine, as a step-0 report. */
  private showUntrained(setup: SessionSetup): void {
    this.batchSize = setup.spec.batchSize;
    this.countSteps(setup.train);
    let preview: ReturnType<typeof untrained>;
    try {
      preview = untrained(setup.spec, setup, this.grids);
    } catch (error) {
      this.fail(`The network could not be built: ${messageOf(error)}`);
      return;
    }
    this.state = 'ready';
    if (this.notice?.kind === 'error' || this.notice?.kind === 'diverged') this.notice = null;
    this.frames = 0;
    this.grid = preview.grid;
    this.maps = preview.maps;
    this.weights = preview.weights;
    this.accept({ step: 0, epoch: 0, ...preview.stats, backend: null });
    this.callbacks.onPicture(true);
  }

  /** Build the trainer for the current setup (loading the engine the first time). */
  private startEngine(): Promise<void> {
    const setup = this.setup;
    if (!setup) return Promise.resolve();
    this.engineWanted = true;
    const generation = this.generation;
    this.building = true;
    this.abandon = new AbortController();
    this.built = this.build(setup, generation, this.abandon.signal).finally(() => {
      if (generation === this.generation) this.building = false;
    });
    return this.built;
  }

  private async build(setup: SessionSetup, generation: number, signal: AbortSignal): Promise<void> {
    this.batchSize = setup.spec.batchSize;
    this.countSteps(setup.train);
    this.state = 'loading';
    this.host.requestUpdate();
    let engine: Engine;
    try {
      engine = await loadEngine();
    } catch (error) {
      if (generation === this.generation) {
        this.fail(`The training engine could not be loaded: ${messageOf(error)}`);
      }
      return;
    }
    if (generation !== this.generation) return;
    let trainer: Trainer;
    try {
      const data = this.pending() ?? setup;
      trainer = await engine.createTrainer({
        spec: setup.spec,
        train: data.train,
        test: data.test,
        backend: setup.backend,
        onProblem: (problem) => this.onProblem(problem, generation),
        signal,
      });
    } catch (error) {
      if (generation === this.generation) {
        this.fail(`The network could not be built: ${messageOf(error)}`);
      }
      return;
    }
    if (generation !== this.generation) {
      trainer.dispose();
      return;
    }
    const pending = this.pending();
    if (pending) trainer.setData(pending.train, pending.test);
    this.pendingData = null;
    this.trainer = trainer;
    this.backend = trainer.backend;
    this.loop = new engine.TrainingLoop(trainer, {
      onReport: (report) => this.onLoopReport(report, generation),
      onRunningChange: (running) => {
        if (generation !== this.generation) return;
        this.state = running ? 'playing' : 'ready';
        this.callbacks.onRunningChange(running);
        this.host.requestUpdate();
      },
      onError: (error) => {
        if (generation !== this.generation) return;
        this.notice = { kind: 'error', message: `Training stopped: ${messageOf(error)}` };
        this.host.requestUpdate();
      },
    });
    this.state = 'ready';
    if (this.notice?.kind === 'error' || this.notice?.kind === 'diverged') this.notice = null;
    this.frames = 0;
    await this.refresh(generation);
    if (this.playWhenBuilt && generation === this.generation) {
      this.playWhenBuilt = false;
      this.play();
    }
  }

  /** Data that arrived while the trainer was being built (read through a call: it changes
   * across awaits). */
  private pending(): { train: Points; test: Points } | null {
    return this.pendingData;
  }

  /** New data, same weights (the student added a point). */
  setData(train: Points, test: Points): void {
    if (this.setup) this.setup = { ...this.setup, train, test };
    if (!this.trainer) {
      this.pendingData = { train, test };
      return;
    }
    this.countSteps(train);
    this.trainer.setData(train, test);
    if (!this.playing) void this.refresh(this.generation);
  }

  private batchSize = 0;

  private countSteps(train: Points): void {
    const n = train.y.length;
    const b = this.batchSize;
    this.stepsPerEpoch = b <= 0 || b >= n ? 1 : Math.ceil(n / b);
  }

  /** Pause by itself once the epoch reaches `epochs` (0: never). */
  stopAfter(epochs: number): void {
    this.stopAtEpoch = epochs;
  }

  /** Start training; the first time, load the engine and build the trainer first. */
  play(): void {
    if (this.playing) return;
    if (!this.loop) {
      if (!this.setup || this.state === 'failed') return;
      this.playWhenBuilt = true;
      if (!this.building) void this.startEngine();
      this.host.requestUpdate();
      return;
    }
    if (this.notice?.kind === 'diverged') this.notice = null;
    this.loop.start();
  }

  pause(): void {
    if (this.playWhenBuilt) {
      this.playWhenBuilt = false;
      this.callbacks.onRunningChange(false);
      this.host.requestUpdate();
    }
    this.loop?.pause();
  }

  /** One optimisation step, for teaching: the numbers and the picture after exactly one more. */
  async step(): Promise<void> {
    if (!this.loop && this.setup && this.state !== 'failed') {
      // The first step: the engine is loaded (or being loaded) for it.
      await (this.building ? this.built : this.startEngine());
    }
    const loop = this.loop;
    if (!loop) return;
    const generation = this.generation;
    try {
      // singleStep reports through onReport, which reads the picture.
      await loop.singleStep();
    } catch (error) {
      if (generation !== this.generation) return;
      this.notice = { kind: 'error', message: `Training stopped: ${messageOf(error)}` };
      this.host.requestUpdate();
    }
  }

  /** Back to the seeded initial weights, step 0. */
  async reset(): Promise<void> {
    this.pause();
    if (!this.trainer) {
      // No engine yet: the untrained network is shown again (and its step 0 reported again).
      if (!this.engineWanted && this.setup) this.showUntrained(this.setup);
      return;
    }
    this.trainer.reset();
    this.report = null;
    this.frames = 0;
    if (this.notice?.kind === 'diverged') this.notice = null;
    this.host.requestUpdate();
    await this.refresh(this.generation);
  }

  /** The numbers and the picture without training (after a reset, a new setup or new data). */
  private async refresh(generation: number): Promise<void> {
    const trainer = this.trainer;
    if (!trainer) return;
    try {
      // Zero steps: the engine measures the current weights on the current data.
      const report = await trainer.train(0);
      if (generation !== this.generation) return;
      this.accept(report);
      await this.readPicture(generation, true);
    } catch (error) {
      if (generation !== this.generation) return;
      this.notice = { kind: 'error', message: messageOf(error) };
      this.host.requestUpdate();
    }
  }

  private onLoopReport(report: TrainReport, generation: number): void {
    if (generation !== this.generation) return;
    this.accept(report);
    this.frames++;
    if (this.stopAtEpoch > 0) {
      const left = Math.round((this.stopAtEpoch - report.epoch) * this.stepsPerEpoch);
      const next = this.loop?.stepsPerFrame ?? 1;
      if (left <= next) {
        // The next frame would reach or pass the limit: stop here and take exactly the steps
        // left, so that "pause after 300 epochs" ends on epoch 300.
        this.stopAtEpoch = 0;
        this.pause();
        if (left > 0) {
          void this.finish(left, generation);
          return;
        }
      }
    }
    void this.readPicture(generation, !this.playing || this.frames % DIAGRAM_EVERY === 0);
  }

  private async finish(steps: number, generation: number): Promise<void> {
    const trainer = this.trainer;
    if (!trainer) return;
    try {
      const report = await trainer.train(steps);
      if (generation !== this.generation) return;
      this.accept(report);
      await this.readPicture(generation, true);
    } catch (error) {
      if (generation !== this.generation) return;
      this.notice = { kind: 'error', message: `Training stopped: ${messageOf(error)}` };
      this.host.requestUpdate();
    }
  }

  private accept(report: SessionReport): void {
    this.backend = report.backend;
    // The engine promises finite numbers (a problem restores the last good ones): keep the last
    // good report if that promise were ever broken, so nothing non-finite reaches the screen.
    const numbers = [report.trainLoss, report.testLoss, report.epoch, report.testAccuracy];
    if (!numbers.every(Number.isFinite)) return;
    this.report = report;
    this.callbacks.onReport(report);
    this.host.requestUpdate();
  }

  /**
   * One batched prediction over the grid (and the diagram's reads). Frames that end while a read
   * is still out do not queue more reads: the next read starts when this one is done.
   */
  private async readPicture(generation: number, diagram: boolean): Promise<void> {
    if (this.pictureBusy) {
      this.pictureAgain = true;
      return;
    }
    const trainer = this.trainer;
    if (!trainer) return;
    this.pictureBusy = true;
    try {
      const grid = await trainer.predict(this.grids.heatmap);
      if (generation !== this.generation) return;
      this.grid = grid;
      if (diagram) {
        const [maps, weights] = await Promise.all([
          trainer.activations(this.grids.maps),
          trainer.weights(),
        ]);
        if (generation !== this.generation) return;
        this.maps = maps;
        this.weights = weights;
      }
      this.callbacks.onPicture(diagram);
    } catch (error) {
      if (generation !== this.generation) return;
      this.notice = { kind: 'error', message: messageOf(error) };
      this.host.requestUpdate();
    } finally {
      this.pictureBusy = false;
    }
    if (this.pictureAgain && generation === this.generation) {
      this.pictureAgain = false;
      // The last frame's picture, with the diagram when training has stopped.
      await this.readPicture(generation, !this.playing);
    }
  }

  private onProblem(problem: TrainProblem, generation: number): void {
    if (generation !== this.generation) return;
    this.notice = { kind: problem.kind, message: problem.message };
    if (problem.kind === 'diverged') {
      this.pause();
    } else {
      // A lost WebGL context (weights restored from a snapshot) or a backend that would not
      // start: the engine carries on elsewhere, and so do we.
      this.backend = problem.kind === 'context-lost' ? problem.recoveredOn : problem.fellBackTo;
    }
    this.host.requestUpdate();
  }

  private fail(message: string): void {
    this.state = 'failed';
    this.playWhenBuilt = false;
    this.notice = { kind: 'error', message };
    this.host.requestUpdate();
  }

  /** Forget the notice (the student dismissed it). */
  dismissNotice(): void {
    this.notice = null;
    this.host.requestUpdate();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
