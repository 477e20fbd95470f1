/**
 * The training session behind `<nn-network-trainer>`, as a Lit reactive controller. It shows the
 * untrained network at once (computed here, without the engine), and on the first Train or Step
 * starts the training engine — in a Web Worker, through `src/train/client` (loaded lazily: a page
 * that never trains loads none of it) — sends it the student's commands, and keeps the latest
 * frame the engine sends back (a report and a picture: the heatmap grid, and now and then the
 * neurons' maps and the weights). Training runs continuously in the worker; the page receives at
 * most one frame per animation frame and only draws.
 *
 * Everything the element draws is plain data kept here (`report`, `grid`, `maps`, `weights`).
 * Nothing of tfjs crosses into this file: it sees only the engine's contract (`src/train/types`,
 * `src/train/protocol`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EngineClient, EngineLost, EngineThread } from '../../train/client';
import type { FrameMessage } from '../../train/protocol';
import type { EarlyStop, EngineName, LayerWeights, Points, TrainProblem } from '../../train/types';
import { loadClient, type ClientModule } from '../shared/engine-client';
import { untrained } from './preview';
import { earlyStopText } from './edit-words';
import { messageOf, sendWeight, writeWeight } from './session-types';
import type {
  SessionCallbacks,
  SessionNotice,
  SessionReport,
  SessionSetup,
  SessionState,
  WeightEdit,
} from './session-types';

export type { SessionNotice, SessionReport } from './session-types';

export class TrainingSession implements ReactiveController {
  state: SessionState = 'loading';
  /** The latest numbers; null before the first read (or when there is nothing to train on). */
  report: SessionReport | null = null;
  /** p(class 1) over the heatmap grid; with k ≥ 3 classes, the k probabilities of each cell in turn. */
  grid: Float32Array | null = null;
  /** Each hidden and output unit's map over the small grid: maps[layer][unit]. */
  maps: Float32Array[][] | null = null;
  weights: LayerWeights[] | null = null;
  /** The engine training runs on; null until it exists. */
  backend: EngineName | null = null;
  /** Where the engine runs ('main-thread' where a worker could not), null until it exists. */
  thread: EngineThread | null = null;
  /** Why the engine is not in a worker, when it is not. */
  threadReason: string | null = null;
  /** Why 'auto' chose this engine (null for a fixed choice). */
  why: string | null = null;
  notice: SessionNotice | null = null;
  /** Examples per second the engine measured over its last second of training (0: none yet). */
  rate = 0;

  private client: EngineClient | null = null;
  /** Bumped on every (re)configuration: late answers for an older setup are dropped. */
  private generation = 0;
  private running = false;
  private building = false;
  /** The current build (awaited by a Step pressed while the engine loads). */
  private built: Promise<void> = Promise.resolve();
  /** The setup shown now: what the engine is built for when the student asks to train. */
  private setup: SessionSetup | null = null;
  /** Whether the student has asked to train: from then on every new setup builds the engine. */
  private engineWanted = false;
  /** Train was pressed while the engine is being built: play as soon as it exists. */
  private playWhenBuilt = false;
  private stopAtEpoch = 0;
  /**
   * Weights set by hand that the engine has not received yet: before the first Train they shape
   * the untrained network shown (computed here), and they are sent to the engine once it is
   * built. A new network (a new spec, seed or data split) or a reset forgets them.
   */
  private edits = new Map<string, WeightEdit>();
  /** The step of the last early stop told to the student (each is told once). */
  private earlyStopStep = -1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: SessionCallbacks,
    private readonly grids: { heatmap: Float32Array; maps: Float32Array },
    /** While training, the element re-renders its numbers at most this often (ms). */
    private readonly textEveryMs = 0,
  ) {
    host.addController(this);
  }

  /** Whether a network exists or is being built (new data can then go to it). */
  get hasNetwork(): boolean {
    return (this.engineWanted && this.backend !== null) || this.building;
  }

  /** Whether training runs — or is about to: Train was pressed and the engine is loading. */
  get playing(): boolean {
    return this.running || this.playWhenBuilt;
  }

  /** Whether the engine has been asked for (false: the untrained network is shown without it). */
  get started(): boolean {
    return this.engineWanted;
  }

  hostDisconnected(): void {
    this.release();
    this.client?.dispose();
    this.client = null;
    if (this.state !== 'failed') this.state = 'loading';
  }

  /** Stop training and drop the current network (the engine itself stays for the next setup). */
  release(): void {
    this.generation++;
    this.building = false;
    this.playWhenBuilt = false;
    if (this.running) this.client?.pause();
    // Whatever the engine still sends for the network being dropped is ignored from now on.
    this.client?.abandon();
    this.running = false;
    this.backend = null;
  }

  /**
   * A new spec, data or backend: training restarts from the seeded initial weights. Before the
   * student has asked to train, this only shows the untrained network (no engine); after, it
   * (re)builds the network in the engine.
   */
  async configure(setup: SessionSetup): Promise<void> {
    const wasPlaying = this.playing;
    this.release();
    this.setup = setup;
    this.edits.clear();
    this.earlyStopStep = -1;
    // The untrained network of the new setup is on screen at once, whether or not the engine
    // has started: the engine's first report (step 0) says the same.
    this.showUntrained(setup);
    if (!this.engineWanted) return;
    this.playWhenBuilt = wasPlaying;
    await this.startEngine();
  }

  /** Nothing to train on: no network, no numbers, no picture. */
  clear(): void {
    this.release();
    this.setup = null;
    this.edits.clear();
    this.report = null;
    this.grid = null;
    this.maps = null;
    this.weights = null;
    if (this.state !== 'failed') this.state = 'ready';
    this.host.requestUpdate();
  }

  /** The untrained network of `setup`, computed without the engine, as a step-0 report. */
  private showUntrained(setup: SessionSetup): void {
    let preview: ReturnType<typeof untrained>;
    try {
      preview = untrained(setup.spec, setup, setup.grids ?? this.grids, (weights) => {
        for (const edit of this.edits.values()) writeWeight(weights, edit);
      });
    } catch (error) {
      this.fail(`The network could not be built: ${messageOf(error)}`);
      return;
    }
    if (!this.engineWanted) this.state = 'ready';
    if (this.notice?.kind === 'error' || this.notice?.kind === 'diverged') this.notice = null;
    this.grid = preview.grid;
    this.maps = preview.maps;
    this.weights = preview.weights;
    this.accept({ step: 0, epoch: 0, ...preview.stats, backend: null });
    this.callbacks.onPicture(true);
  }

  /** Build the network in the engine for the current setup (loading the engine the first time). */
  private startEngine(): Promise<void> {
    const setup = this.setup;
    if (!setup) return Promise.resolve();
    this.engineWanted = true;
    const generation = this.generation;
    this.building = true;
    this.built = this.build(setup, generation).finally(() => {
      if (generation === this.generation) this.building = false;
    });
    return this.built;
  }

  private async build(setup: SessionSetup, generation: number): Promise<void> {
    this.state = 'loading';
    this.host.requestUpdate();
    let module: ClientModule;
    try {
      module = await loadClient();
    } catch (error) {
      if (generation === this.generation) {
        this.fail(`The training engine could not be loaded: ${messageOf(error)}`);
      }
      return;
    }
    if (generation !== this.generation) return;
    this.client ??= new module.EngineClient({
      onReady: (engine, thread, why) => {
        this.backend = engine;
        this.thread = thread;
        this.threadReason = this.client?.fallbackReason ?? null;
        this.why = this.setup?.backend === 'auto' ? why : null;
        this.host.requestUpdate();
      },
      onFrame: (frame) => this.onFrame(frame),
      onRunning: (running) => this.onRunning(running),
      onProblem: (problem) => this.onProblem(problem),
      onError: (message) => {
        this.running = false;
        this.playWhenBuilt = false;
        this.state = this.backend ? 'ready' : 'failed';
        this.notice = { kind: 'error', message: `Training stopped: ${message}` };
        this.callbacks.onRunningChange(false);
        this.host.requestUpdate();
      },
    });
    try {
      await this.client.setup({
        spec: setup.spec,
        train: setup.train,
        test: setup.test,
        engine: setup.backend,
        grids: setup.grids ?? this.grids,
      });
    } catch (error) {
      if (generation === this.generation) {
        this.fail(`The network could not be built: ${messageOf(error)}`);
      }
      return;
    }
    if (generation !== this.generation) return;
    // Points added while the network was being built: the same weights, the new data.
    const now = this.setup;
    if (now && (now.train !== setup.train || now.test !== setup.test)) {
      this.client.setData(now.train, now.test);
    }
    this.building = false;
    this.state = 'ready';
    // Weights set by hand before the engine existed (or while it was being built).
    for (const edit of this.edits.values()) {
      sendWeight(this.client, edit);
    }
    this.edits.clear();
    if (this.notice?.kind === 'error' || this.notice?.kind === 'diverged') this.notice = null;
    this.host.requestUpdate();
    if (this.playWhenBuilt) {
      this.playWhenBuilt = false;
      this.play();
    }
  }

  /** New data, same weights (the student added a point). */
  setData(train: Points, test: Points): void {
    if (this.setup) this.setup = { ...this.setup, train, test };
    if (!this.engineWanted) {
      if (this.setup) this.showUntrained(this.setup);
    } else if (this.client && !this.building) {
      this.client.setData(train, test);
    }
    // While the network is being built, the build sends the new data once it is ready.
  }

  /** Pause by itself once the epoch reaches `epochs` (0: never). */
  stopAfter(epochs: number): void {
    this.stopAtEpoch = epochs;
    if (this.running) this.client?.play(epochs);
  }

  /** Start training; the first time, load the engine and build the network first. */
  play(): void {
    if (this.playing) return;
    if (!this.client || !this.engineWanted || this.building || this.backend === null) {
      if (!this.setup || this.state === 'failed') return;
      this.playWhenBuilt = true;
      if (!this.building) void this.startEngine();
      this.callbacks.onRunningChange(true);
      this.host.requestUpdate();
      return;
    }
    if (this.notice?.kind === 'diverged') this.notice = null;
    this.running = true;
    this.state = 'playing';
    this.client.play(this.stopAtEpoch);
    this.host.requestUpdate();
  }

  pause(): void {
    if (this.playWhenBuilt) {
      this.playWhenBuilt = false;
      this.callbacks.onRunningChange(false);
      this.host.requestUpdate();
    }
    if (!this.running) return;
    this.running = false;
    this.state = 'ready';
    this.client?.pause();
    this.callbacks.onRunningChange(false);
    this.host.requestUpdate();
  }

  /** One optimisation step, for teaching: the numbers and the picture after exactly one more. */
  async step(): Promise<void> {
    // The first step: the engine is loaded (or being loaded) for it. A new setup arriving
    // meanwhile (a change of settings) starts a newer build: wait for that one.
    for (let tries = 0; tries < 5; tries++) {
      if (this.client && this.backend !== null && !this.building) break;
      if (!this.setup || this.state === 'failed') return;
      await (this.building ? this.built : this.startEngine());
    }
    const client = this.client;
    if (!client || this.backend === null) return;
    this.pause();
    const generation = this.generation;
    try {
      await client.step(1);
    } catch (error) {
      if (generation !== this.generation) return;
      this.notice = { kind: 'error', message: `Training stopped: ${messageOf(error)}` };
      this.host.requestUpdate();
    }
  }

  /** Back to the seeded initial weights, step 0. */
  async reset(): Promise<void> {
    this.pause();
    this.edits.clear();
    this.earlyStopStep = -1;
    if (this.notice?.kind === 'early-stop') this.notice = null;
    if (!this.client || !this.engineWanted || this.backend === null) {
      // No engine yet: the untrained network is shown again (and its step 0 reported again).
      if (this.setup) this.showUntrained(this.setup);
      return;
    }
    this.report = null;
    if (this.notice?.kind === 'diverged') this.notice = null;
    this.host.requestUpdate();
    const generation = this.generation;
    try {
      await this.client.reset();
    } catch (error) {
      if (generation !== this.generation) return;
      this.notice = { kind: 'error', message: messageOf(error) };
      this.host.requestUpdate();
    }
  }

  /**
   * Set one weight by hand (the student edited an edge, or a neuron's bias with `from` −1), at
   * once, playing or paused: in the engine when it runs — its next frame brings the new heatmap,
   * maps and losses — and before the first Train in the untrained network shown here, which the
   * engine then starts from. Returns an error in words, and changes nothing, when there is no
   * such weight or the value is not a finite number.
   */
  setWeight(layer: number, from: number, to: number, value: number): string | null {
    const weights = this.weights;
    const target = weights?.[layer];
    if (!this.setup || !weights || !target) return 'There is no network to edit yet.';
    if (!Number.isInteger(to) || to < 0 || to >= target.units) return 'There is no such unit.';
    if (!Number.isInteger(from) || from < -1 || from >= target.inputs) {
      return 'There is no such weight.';
    }
    if (!Number.isFinite(value)) return 'A weight must be a finite number.';
    const edit: WeightEdit = { layer, from, to, value };
    // The diagram shows the new weight at once; the engine's next frame confirms it.
    this.weights = weights.map((w, i) =>
      i === layer ? { ...w, kernel: w.kernel.slice(), bias: w.bias.slice() } : w,
    );
    writeWeight(this.weights, edit);
    const client = this.client;
    if (this.engineWanted && client && this.backend !== null && !this.building) {
      sendWeight(client, edit);
    } else {
      this.edits.set(`${layer}:${from}:${to}`, edit);
      // Before the engine: the untrained network with the edits, computed here.
      if (!this.engineWanted) this.showUntrained(this.setup);
    }
    this.callbacks.onWeightSet?.(edit);
    this.callbacks.onPicture(true);
    this.host.requestUpdate();
    return null;
  }

  private onFrame(frame: FrameMessage): void {
    if (!this.engineWanted) return;
    this.rate = frame.rate;
    this.grid = frame.picture.grid;
    const diagram = frame.picture.maps !== undefined;
    if (frame.picture.maps) this.maps = frame.picture.maps;
    if (frame.picture.weights) this.weights = frame.picture.weights;
    this.accept(frame.report);
    this.callbacks.onPicture(diagram || !frame.running);
    const stop = frame.report.earlyStop;
    if (stop && stop.step !== this.earlyStopStep) this.onEarlyStop(stop);
  }

  /** Early stopping stopped training: pause, and say where it stopped and what it kept. */
  private onEarlyStop(stop: EarlyStop): void {
    this.earlyStopStep = stop.step;
    const text = earlyStopText(stop, this.setup?.spec.earlyStopping?.patience);
    this.notice = { kind: 'early-stop', message: text };
    // The engine has paused by itself (as at max epochs); the page follows at once.
    if (this.running) this.pause();
    this.callbacks.onEarlyStop?.(stop, text);
    this.host.requestUpdate();
  }

  private onRunning(running: boolean): void {
    if (this.running === running) return;
    this.running = running;
    this.state = running ? 'playing' : 'ready';
    if (!running && this.report && this.stopAtEpoch > 0 && this.report.epoch >= this.stopAtEpoch) {
      this.stopAtEpoch = 0; // reached: a later Train goes on without a limit
    }
    this.callbacks.onRunningChange(running);
    this.host.requestUpdate();
  }

  private accept(report: SessionReport): void {
    // The engine promises finite numbers (a problem restores the last good ones): keep the last
    // good report if that promise were ever broken, so nothing non-finite reaches the screen.
    const numbers = [report.trainLoss, report.testLoss, report.epoch, report.testAccuracy];
    if (!numbers.every(Number.isFinite)) return;
    if (report.backend) this.backend = report.backend;
    this.report = report;
    this.callbacks.onReport(report);
    // While training, the numbers on screen change at most every `textEveryMs` (the picture
    // follows every frame); a report after training stops is shown at once.
    const now = performance.now();
    if (!this.running || now - this.shownAt >= this.textEveryMs) {
      this.shownAt = now;
      this.host.requestUpdate();
    }
  }

  private shownAt = 0;

  private onProblem(problem: TrainProblem | EngineLost): void {
    this.notice = { kind: problem.kind, message: problem.message };
    if (problem.kind === 'diverged') {
      this.pause();
    } else if (problem.kind === 'context-lost') {
      this.backend = problem.recoveredOn;
    } else if (problem.kind === 'backend-failed') {
      this.backend = problem.fellBackTo;
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

  /** Tests: the engine (its client), once started. */
  get engineForTest(): EngineClient | null {
    return this.client;
  }
}
