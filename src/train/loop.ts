/**
 * The training loop: several steps per animation frame, as many as fit in a time budget, so the
 * page keeps a smooth frame rate while the network trains as fast as that allows.
 *
 * Each frame calls `trainer.train(n)` once (never twice at a time) and hands its report to
 * `onReport`. The steps run synchronously inside `train` and its report is read back
 * asynchronously, so the main thread is busy for the steps only; `n` is resized after every frame
 * from how long that synchronous part took (about `frameBudgetMs`, 8 ms by default: half of a
 * 60 Hz frame, the other half left for drawing). With WebGL the GPU may take longer than the
 * dispatch; `n` also shrinks when a whole round trip takes more than `maxRoundTripMs`, so reports
 * (and the picture) keep coming several times a second.
 *
 * No tfjs here: it drives any `Trainer`.
 */
import type { TrainReport, Trainer } from './types.ts';

export interface TrainingLoopOptions {
  /** Called with every report: once per frame while running, and after each single step. */
  onReport?: (report: TrainReport) => void;
  /** Called when the loop starts or stops (including when it pauses itself after a divergence). */
  onRunningChange?: (running: boolean) => void;
  /** Called when a training call fails unexpectedly (the loop pauses). */
  onError?: (error: unknown) => void;
  /** Main-thread milliseconds of training per frame. Default 8. */
  frameBudgetMs?: number;
  /** A whole frame's call (steps and read-back) should not take longer than this. Default 66. */
  maxRoundTripMs?: number;
  /** Upper bound on steps per frame. Default 1000. */
  maxStepsPerFrame?: number;
  /** Steps in the first frame, before anything is measured. Default 1. */
  initialStepsPerFrame?: number;
  /** Schedules the next frame. Default `requestAnimationFrame` (a 16 ms timer where there is none). */
  schedule?: (callback: () => void) => void;
  /** The clock, in milliseconds. Default `performance.now`. */
  now?: () => number;
}

export class TrainingLoop {
  private running = false;
  private busy: Promise<TrainReport> | null = null;
  private n: number;
  private disposed = false;
  private readonly budget: number;
  private readonly maxRoundTrip: number;
  private readonly maxSteps: number;
  private readonly schedule: (callback: () => void) => void;
  private readonly now: () => number;
  private last: TrainReport | null = null;

  constructor(
    readonly trainer: Trainer,
    private readonly options: TrainingLoopOptions = {},
  ) {
    this.budget = options.frameBudgetMs ?? 8;
    this.maxRoundTrip = options.maxRoundTripMs ?? 66;
    this.maxSteps = options.maxStepsPerFrame ?? 1000;
    this.n = Math.max(1, Math.min(this.maxSteps, options.initialStepsPerFrame ?? 1));
    this.now = options.now ?? (() => performance.now());
    this.schedule =
      options.schedule ??
      (typeof requestAnimationFrame === 'function'
        ? (callback) => requestAnimationFrame(() => callback())
        : (callback) => setTimeout(callback, 16));
  }

  /** Steps the next frame will take (adapted after every frame). */
  get stepsPerFrame(): number {
    return this.n;
  }

  /** The last report, or null before the first. */
  get lastReport(): TrainReport | null {
    return this.last;
  }

  isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running || this.disposed) return;
    this.setRunning(true);
    this.schedule(() => this.frame());
  }

  pause(): void {
    if (this.running) this.setRunning(false);
  }

  /** Pause, then take exactly one step and report it: the teaching mode. */
  async singleStep(): Promise<TrainReport> {
    this.pause();
    if (this.busy) await this.busy.catch(() => undefined);
    const report = await this.trainer.train(1);
    this.deliver(report);
    return report;
  }

  /** Stop for good (the trainer is the caller's to dispose). */
  dispose(): void {
    this.pause();
    this.disposed = true;
  }

  private setRunning(running: boolean): void {
    this.running = running;
    this.options.onRunningChange?.(running);
  }

  private deliver(report: TrainReport): void {
    this.last = report;
    this.options.onReport?.(report);
    // A divergence pauses until the user lowers the learning rate or resets. A lost WebGL context
    // or a failed backend does not: the trainer has already moved to a working backend.
    if (report.problem?.kind === 'diverged') this.pause();
    if (report.problem?.kind === 'context-lost') this.n = 1; // a new backend: measure again
  }

  private frame(): void {
    if (!this.running || this.disposed) return;
    if (this.busy) {
      this.schedule(() => this.frame());
      return;
    }
    const steps = this.n;
    const t0 = this.now();
    let call: Promise<TrainReport>;
    try {
      // train() runs its steps before its first await: the time to here is main-thread time.
      // The deadline is a safety net for a frame that runs slow (a busy machine, a GC pause).
      call = this.trainer.train(steps, { maxMs: 2 * this.budget });
    } catch (error) {
      call = Promise.reject(error); // a trainer that throws instead of rejecting
    }
    const syncMs = this.now() - t0;
    this.busy = call;
    call.then(
      (report) => {
        this.busy = null;
        this.resize(steps, syncMs, this.now() - t0);
        if (this.disposed) return;
        this.deliver(report);
        if (this.running) this.schedule(() => this.frame());
      },
      (error: unknown) => {
        this.busy = null;
        this.pause();
        if (this.options.onError) this.options.onError(error);
        else console.error('Training stopped:', error);
      },
    );
  }

  /** The next frame's step count, from this one's costs. */
  private resize(steps: number, syncMs: number, roundTripMs: number): void {
    const perStep = Math.max(syncMs, 0.01) / steps;
    let next = this.budget / perStep;
    if (roundTripMs > this.maxRoundTrip)
      next = Math.min(next, (steps * this.maxRoundTrip) / roundTripMs);
    // Grow gently (a slow frame may have been a fluke), shrink at once.
    next = Math.min(next, steps * 2);
    this.n = Math.max(1, Math.min(this.maxSteps, Math.floor(next)));
  }
}
