/**
 * The engine's host: one trainer, trained continuously, answering the page's messages
 * (protocol.ts). It runs inside a dedicated Web Worker (engine.worker.ts), where training never
 * competes with drawing for the main thread; where there is no Worker, the very same host runs
 * on the main thread behind a MessageChannel (client.ts), in shorter slices.
 *
 * While playing, the host trains in slices of about `sliceMs` (as many steps as fit, measured
 * after each slice), yields to its own message queue between slices (so Pause or new data are
 * answered at once), and after a slice sends a frame — the latest report and the picture — only
 * when the page has acknowledged the previous one. The picture is the heatmap grid every frame and
 * the neurons' maps and the weights every few frames (the diagram is secondary), and always on
 * a pause, a step or a reset.
 *
 * The trainer itself is chosen and built in host-engine.ts; the slices are sized and paced in
 * pace.ts.
 */
import { buildTrainer, decideEngine, reportEveryMs } from './host-engine.ts';
import { Pace, SliceMeter, sleep, yieldTask } from './pace.ts';
import type { HostMessage, PageMessage, Picture, ResumePoint, SetupMessage } from './protocol.ts';
import { pictureBuffers } from './protocol.ts';
import { batchRows } from './spec.ts';
import type { TrainProblem, TrainReport, Trainer, TrainerOptions } from './types.ts';

// (The pace is tested through this module.)
export { PACE, Pace } from './pace.ts';

/** The two ends a host needs: a Worker's global scope, or one port of a MessageChannel. */
export interface HostPort {
  postMessage(message: HostMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PageMessage>) => void): void;
  close?(): void;
}

export interface HostOptions {
  /** Milliseconds of training between two looks at the message queue. */
  sliceMs: number;
  /** Whether this host runs on the page's own thread (then slices must stay short). */
  mainThread: boolean;
}

/** Frames between two reads of the neurons' maps and the weights. */
const DIAGRAM_EVERY = 4;
/** Milliseconds between two heartbeats. */
const ALIVE_EVERY_MS = 1000;
/** A resume point is attached to a frame at most this often. */
const RESUME_EVERY_MS = 1000;

export class EngineHost {
  private trainer: Trainer | null = null;
  private run = -1;
  private setupMessage: SetupMessage | null = null;
  private playing = false;
  private looping = false;
  /** The page has drawn the last frame; false while one is in flight. */
  private acked = true;
  /** A report the page has not seen yet (sent with the next frame). */
  private unsent: TrainReport | null = null;
  private latest: TrainReport | null = null;
  private frames = 0;
  private stopAtEpoch = 0;
  private stepsPerEpoch = 1;
  private lastResume = -Infinity;
  /** Milliseconds of training between two measured reports (0: after every slice); see cost.ts. */
  private reportEveryMs = 0;
  private lastMeasured = -Infinity;
  /** Steps per slice, and examples per second over the current stretch of training. */
  private readonly meter: SliceMeter;
  private readonly pace = new Pace();
  /** Serialises the handling of messages that touch the trainer. */
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly port: HostPort,
    private readonly options: HostOptions,
  ) {
    this.meter = new SliceMeter(options.sliceMs);
    port.addEventListener('message', (event) => this.receive(event.data));
    // A heartbeat: while the host's event loop turns (training yields between slices, downloads
    // and compilations are asynchronous) the page knows it is alive, however long a step takes.
    this.heartbeat = setInterval(() => this.post({ type: 'alive', run: this.run }), ALIVE_EVERY_MS);
  }

  private readonly heartbeat: ReturnType<typeof setInterval>;

  private receive(message: PageMessage): void {
    if (this.disposed) return;
    switch (message.type) {
      case 'dispose':
        this.dispose();
        return;
      case 'ack':
        if (message.run !== this.run) return;
        this.acked = true;
        this.pace.ack(message.waitedMs ?? 0, this.playing);
        // Training has stopped with a frame still to send: send it now.
        if (!this.looping && this.unsent) void this.serial(() => this.sendFrame(true));
        return;
      case 'pause':
        if (message.run !== this.run) return;
        this.setPlaying(false);
        return;
      case 'setup':
        // From now on, everything of the older run is stale (its loop stops after its slice).
        this.run = message.run;
        this.playing = false;
        void this.serial(() => this.setup(message));
        return;
      case 'play':
        // (The trainer may still be being built: the loop waits for the setup first.)
        if (message.run !== this.run) return;
        this.stopAtEpoch = message.stopAtEpoch;
        this.setPlaying(true);
        void this.loop();
        return;
      default:
        void this.serial(() => this.handle(message));
    }
  }

  /** Run `work` after every earlier piece of work, reporting (not throwing) its failure. */
  private serial(work: () => Promise<void>): Promise<void> {
    const run = this.run;
    const next = this.queue.then(work).catch((error: unknown) => this.fail(error, run));
    this.queue = next;
    return next;
  }

  private async handle(
    message: Exclude<PageMessage, { type: 'dispose' | 'ack' | 'setup' | 'play' | 'pause' }>,
  ): Promise<void> {
    if (message.type === 'predict' || message.type === 'weights') {
      await this.answer(message);
      return;
    }
    if (message.run !== this.run || !this.trainer) return;
    const trainer = this.trainer;
    switch (message.type) {
      case 'step': {
        this.setPlaying(false);
        await this.settled();
        await this.deliver(await trainer.train(message.steps), true);
        return;
      }
      case 'reset': {
        this.setPlaying(false);
        await this.settled();
        trainer.reset();
        this.frames = 0;
        this.lastResume = -Infinity;
        await this.deliver(await trainer.train(0), true);
        return;
      }
      case 'data': {
        trainer.setData(message.train, message.test);
        this.stepsPerEpoch = this.countSteps(message.train.y.length);
        if (this.setupMessage) {
          this.setupMessage = { ...this.setupMessage, train: message.train, test: message.test };
        }
        // While playing, the next slice reports on the new data; otherwise report it now.
        if (!this.playing) await this.deliver(await trainer.train(0), true);
        return;
      }
      case 'set-weight': {
        // (An invalid edit throws a RangeError: reported as an error, the weights unchanged.)
        trainer.setWeight(message.layer, message.from, message.to, message.value);
        // While playing, the next slice reports on the new weights; otherwise report it now.
        if (!this.playing) await this.deliver(await trainer.train(0), true);
        return;
      }
      case 'lose-context': {
        // (Through index.ts: importing backend.ts's namespace would keep all of tfjs-core's ops.)
        const tfjs = await import('./index.ts');
        tfjs.loseWebglContext();
        return;
      }
    }
  }

  /**
   * Answer a question (predict, weights) with the current network, whatever else is going on;
   * one for an older run or before a network exists is answered with why not.
   */
  private async answer(
    message: Extract<PageMessage, { type: 'predict' | 'weights' }>,
  ): Promise<void> {
    const { run, id } = message;
    const trainer = this.trainer;
    if (run !== this.run || !trainer) {
      this.post({ type: 'answer', run, id, message: 'There is no network to ask yet.' });
      return;
    }
    try {
      if (message.type === 'predict') {
        const values = await trainer.predict(message.x);
        this.post({ type: 'answer', run, id, values }, [values.buffer as ArrayBuffer]);
      } else {
        const weights = await trainer.weights();
        const transfer = weights.flatMap((layer) => [layer.kernel.buffer, layer.bias.buffer]);
        this.post({ type: 'answer', run, id, weights }, [...new Set(transfer)] as ArrayBuffer[]);
      }
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.post({ type: 'answer', run, id, message: text });
    }
  }

  private async setup(message: SetupMessage): Promise<void> {
    await this.settled();
    if (message.run !== this.run) return; // a newer setup follows
    this.trainer?.dispose();
    this.trainer = null;
    this.setupMessage = message;
    this.acked = true;
    this.unsent = null;
    this.latest = null;
    this.frames = 0;
    this.meter.steps = 1;
    this.lastResume = -Infinity;
    this.stepsPerEpoch = this.countSteps(message.train.y.length);
    const run = message.run;
    const { engine, why } = decideEngine(message);
    if (run !== this.run) return;
    const options: TrainerOptions = {
      spec: message.spec,
      train: message.train,
      test: message.test,
      resume: message.resume,
      onProblem: (problem) => this.problem(problem, run),
    };
    const trainer = await buildTrainer(engine, options);
    if (run !== this.run || this.disposed) {
      trainer.dispose();
      return;
    }
    this.trainer = trainer;
    this.reportEveryMs = reportEveryMs(trainer, message);
    this.lastMeasured = -Infinity;
    this.post({ type: 'ready', run, engine: trainer.backend, why });
    await this.deliver(await trainer.train(0), true);
  }

  private countSteps(n: number): number {
    const rows = this.setupMessage ? batchRows(this.setupMessage.spec, n) : n;
    return rows <= 0 || rows >= n ? 1 : Math.ceil(n / rows);
  }

  private setPlaying(playing: boolean): void {
    if (this.playing === playing) return;
    this.playing = playing;
    this.meter.restart();
    this.post({ type: 'running', run: this.run, running: playing });
  }

  /** Until the training loop has finished its slice (after a pause). */
  private async settled(): Promise<void> {
    while (this.looping) await yieldTask();
  }

  /**
   * Train while playing: slices of about `sliceMs`, a frame after a slice whenever the page is
   * ready for one, and the message queue looked at between slices.
   */
  private async loop(): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    const run = this.run;
    try {
      await this.queue; // a setup, step or reset in progress finishes first
      if (!this.trainer && this.playing) this.setPlaying(false); // its setup failed
      while (this.playing && this.trainer && run === this.run && !this.disposed) {
        const trainer = this.trainer;
        let steps = this.meter.steps;
        let finishing = false;
        if (this.stopAtEpoch > 0 && this.latest) {
          const left = Math.round((this.stopAtEpoch - this.latest.epoch) * this.stepsPerEpoch);
          if (left <= steps) {
            steps = Math.max(left, 0);
            finishing = true;
          }
        }
        const before = this.latest;
        const t0 = performance.now();
        // On a big data set the losses are measured only every reportEveryMs (cost.ts).
        const measure = finishing || t0 - this.lastMeasured >= this.reportEveryMs;
        const report = await trainer.train(steps, { maxMs: 2 * this.options.sliceMs, measure });
        const ms = performance.now() - t0;
        if (run !== this.run || this.disposed) return;
        const taken = report.step - (before?.step ?? 0);
        const examples = (report.epoch - (before?.epoch ?? 0)) * this.trainRows();
        if (report.stale) {
          // Steps without a report: the next slice goes on (no frame: its numbers are old).
          this.latest = report;
          this.meter.slice(ms, taken, examples, false);
          await yieldTask();
          continue;
        }
        if (taken > 0 && !report.problem) this.meter.slice(ms, taken, examples, true);
        this.lastMeasured = performance.now();
        this.latest = report;
        this.unsent = report;
        // Early stopping put the best weights back: pause there, as at the last epoch.
        if (report.problem?.kind === 'diverged' || finishing || report.earlyStop) {
          if (finishing) this.stopAtEpoch = 0;
          this.setPlaying(false);
          this.acked = true;
          await this.sendFrame(true);
          return;
        }
        if (this.acked) await this.sendFrame(this.frames % DIAGRAM_EVERY === 0);
        // Where the page's frames come late, leave it some of the CPU (see Pace).
        const rest = this.pace.restAfter(ms);
        if (rest >= 1) await sleep(rest);
        else await yieldTask();
      }
      // Paused: the page gets the last report (even if it had it already) with the whole picture,
      // in a frame that says training has stopped.
      if (run === this.run && this.latest && this.trainer && !this.disposed) {
        if (this.latest.stale) {
          const now = await this.trainer.train(0); // measured now
          if (run !== this.run || this.disposed) return;
          this.latest = now;
          this.lastMeasured = performance.now();
        }
        this.unsent = this.latest;
        this.acked = true;
        await this.sendFrame(true);
      }
    } catch (error) {
      this.fail(error, run);
    } finally {
      this.looping = false;
    }
  }

  /** Rows of the training set. */
  private trainRows(): number {
    return this.setupMessage?.train.y.length ?? 0;
  }

  private async deliver(report: TrainReport, diagram: boolean): Promise<void> {
    this.latest = report;
    this.unsent = report;
    this.acked = true;
    await this.sendFrame(diagram);
  }

  /** Read the picture for the latest report and send both to the page. */
  private async sendFrame(diagram: boolean): Promise<void> {
    const trainer = this.trainer;
    const report = this.unsent;
    const setup = this.setupMessage;
    if (!trainer || !report || !setup || !this.acked) return;
    const run = this.run;
    this.acked = false;
    this.unsent = null;
    const grid = await trainer.predict(setup.grids.heatmap);
    const picture: Picture = { grid };
    if (diagram) {
      picture.maps = await trainer.activations(setup.grids.maps);
      picture.weights = await trainer.weights();
    }
    if (run !== this.run || this.disposed) return;
    this.frames++;
    let resume: ResumePoint | undefined;
    const now = performance.now();
    if (now - this.lastResume >= RESUME_EVERY_MS) {
      this.lastResume = now;
      resume = trainer.exportState() ?? undefined;
    }
    this.post(
      {
        type: 'frame',
        run,
        report,
        picture,
        running: this.playing,
        rate: this.meter.rate,
        resume,
      },
      pictureBuffers(picture),
    );
  }

  private problem(problem: TrainProblem, run: number): void {
    if (run !== this.run) return;
    if (problem.kind === 'diverged') this.setPlaying(false);
    this.post({ type: 'problem', run, problem });
  }

  private fail(error: unknown, run: number): void {
    if (this.disposed) return;
    this.setPlaying(false);
    this.post({
      type: 'error',
      run,
      message: error instanceof Error ? error.message : String(error),
    });
  }

  private post(message: HostMessage, transfer: Transferable[] = []): void {
    if (this.disposed) return;
    this.port.postMessage(message, transfer);
  }

  private dispose(): void {
    clearInterval(this.heartbeat);
    this.playing = false;
    this.disposed = true;
    this.trainer?.dispose();
    this.trainer = null;
    this.port.close?.();
  }
}
