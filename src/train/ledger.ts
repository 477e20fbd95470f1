/**
 * The books of one training run, kept alike by every engine (`TfTrainer` in trainer.ts, `JsTrainer`
 * in js-trainer.ts): steps and epochs, the last good moment (a snapshot: the packed state and the
 * report made there), the loss at the start, whether the next report must first be made on new
 * data, and the verdict on each measured report — good (it becomes the snapshot), diverged
 * (divergence.ts: go back to the snapshot) or stopped early (early-stop.ts: go back to the best
 * weights). The engines do the numbers and move their networks; the ledger decides and remembers.
 * No tfjs here.
 */
import type { NetworkState } from './state.ts';
import { divergence } from './divergence.ts';
import type { DivergenceStats } from './divergence.ts';
import { EarlyStopper } from './early-stop.ts';
import { emptyReport } from './spec.ts';
import type {
  EarlyStop,
  EngineName,
  ModelSpec,
  ResumePoint,
  TrainProblem,
  TrainReport,
} from './types.ts';

/** A moment of training we can return to: the packed network state and the report made there. */
export interface Snapshot {
  state: NetworkState;
  report: TrainReport;
  epoch: number;
}

/** What a measured report means for the run (see `RunLedger.judge`). */
export type Verdict =
  | { kind: 'good' }
  | { kind: 'diverged'; message: string }
  | { kind: 'stop'; best: NetworkState; earlyStop: EarlyStop };

export class RunLedger {
  step = 0;
  epoch = 0;
  /** The last good moment (null until the first report after creation, a reset or new data). */
  snapshot: Snapshot | null = null;
  /** The training loss at the start, to say how far a diverged loss has grown. */
  private startLoss: number | null = null;
  /** Whether the next report must first be made on the current weights (new data). */
  private stale = false;
  /** Whether steps were taken since the last measured report (`measure: false`, or a set weight). */
  unmeasured = false;
  private readonly stopper: EarlyStopper | null;

  constructor(
    private readonly spec: ModelSpec,
    resume?: ResumePoint,
    /** Told whenever training has to stop on its own (see `stopped`). */
    private readonly onProblem?: (problem: TrainProblem) => void,
  ) {
    const early = spec.earlyStopping;
    this.stopper = early ? new EarlyStopper(early.patience) : null;
    if (resume) {
      this.step = resume.step;
      this.epoch = resume.epoch;
    }
  }

  /** Back to step 0 with nothing kept (a reset). */
  reset(): void {
    this.step = 0;
    this.epoch = 0;
    this.startLoss = null;
    this.snapshot = null;
    this.stopper?.reset();
  }

  /**
   * New data: the next report is first made on it, before any step (the snapshot's weights are
   * still good; its losses were measured on the old data), and it is the new reference loss.
   */
  newData(): void {
    this.stopper?.reset();
    this.stale = true;
    this.startLoss = null;
  }

  /** Whether a train() must first report where it stands (step 0 after a reset, or new data). */
  needsFirstReport(): boolean {
    if (this.snapshot && !this.stale) return false;
    this.stale = false;
    return true;
  }

  /** That first report: its loss is the reference for divergence until a reset or new data. */
  started(report: TrainReport): void {
    if (this.startLoss === null) this.startLoss = report.trainLoss;
  }

  /** One step taken on `rows` of the `trainRows` training rows. */
  counted(rows: number, trainRows: number): void {
    this.step += 1;
    this.epoch += rows / trainRows;
  }

  /** The report of steps taken without measuring: the last report's numbers, marked stale. */
  unmeasuredReport(): TrainReport {
    this.unmeasured = true;
    return { ...this.snapshot!.report, step: this.step, epoch: this.epoch, stale: true };
  }

  /**
   * The verdict on a measured report of the current weights (`state()` packs them, called only
   * when they are kept). Good numbers become the snapshot; bad ones (non-finite, or a loss or
   * weight past its limit) say why; with early stopping (`observe`), a validation loss that has not
   * improved for `patience` epochs says which best weights to put back.
   */
  judge(
    stats: DivergenceStats,
    report: TrainReport,
    state: () => NetworkState,
    observe = true,
  ): Verdict {
    const why = divergence(this.spec, stats, this.startLoss);
    if (why) return { kind: 'diverged', message: why };
    const best =
      observe && this.stopper && report.validationLoss !== undefined
        ? this.stopper.observe(report.validationLoss, this.step, this.epoch, state)
        : null;
    if (best) {
      return {
        kind: 'stop',
        best: best.state,
        earlyStop: { ...best.stop, bestValidationLoss: best.loss },
      };
    }
    this.snapshot = { state: state(), report, epoch: this.epoch };
    return { kind: 'good' };
  }

  /**
   * Back to the snapshot's step and epoch (or the start's) after a divergence or a lost context:
   * returns the state to rebuild the network from (the snapshot's, or `initial`).
   */
  rewind(initial: NetworkState): NetworkState {
    this.step = this.snapshot?.report.step ?? 0;
    this.epoch = this.snapshot?.epoch ?? 0;
    return this.snapshot?.state ?? initial;
  }

  /** The last good report: the snapshot's, or an empty one at the current step before any. */
  lastReport(backend: EngineName): TrainReport {
    return this.snapshot?.report ?? emptyReport(this.step, this.epoch, backend);
  }

  /**
   * Training had to stop on its own (a divergence, a lost WebGL context; the engine has put the
   * network back where `rewind` said): tell the caller, and answer with the last good report and
   * why.
   */
  stopped(problem: TrainProblem, backend: EngineName): TrainReport {
    this.onProblem?.(problem);
    return { ...this.lastReport(backend), problem };
  }

  /** Where to resume from: the snapshot's state, step and epoch (null before any report). */
  exportState(): ResumePoint | null {
    const snapshot = this.snapshot;
    if (!snapshot) return null;
    return { state: snapshot.state, step: snapshot.report.step, epoch: snapshot.epoch };
  }
}
