/**
 * The shapes the trainer's `TrainingSession` (controller.ts) shares with the element — its setup,
 * its report, its notices and callbacks, a weight set by hand — and the small helpers it uses on
 * them. Types and pure functions only.
 */
import type { EngineClient, EngineLost } from '../../train/client';
import type { EngineChoice } from '../../train/protocol';
import type {
  EarlyStop,
  EngineName,
  LayerWeights,
  ModelSpec,
  Points,
  TrainProblem,
  TrainReport,
} from '../../train/types';

export type SessionState = 'loading' | 'ready' | 'playing' | 'failed';

/** A notice for the student: what happened, and whether it stopped training. */
export interface SessionNotice {
  kind: TrainProblem['kind'] | EngineLost['kind'] | 'error' | 'early-stop';
  message: string;
}

export interface SessionSetup {
  spec: ModelSpec;
  train: Points;
  test: Points;
  backend: EngineChoice;
  /**
   * The rows the picture is computed on, when not the session's own (e.g. the grids expanded
   * into the chosen features: as wide as `spec.inputs`).
   */
  grids?: { heatmap: Float32Array; maps: Float32Array };
}

/**
 * A report as the widget shows it: the engine's, or — before the engine has started — the
 * untrained network's numbers at step 0, computed without it (`backend` is then null).
 */
export type SessionReport = Omit<TrainReport, 'backend'> & { backend: EngineName | null };

export interface SessionCallbacks {
  /** A new report (after a frame of training, a single step, a reset or a new setup). */
  onReport(report: SessionReport): void;
  /** New predictions over the grid (and, with `diagram`, new maps and weights) to draw. */
  onPicture(diagram: boolean): void;
  /** Training started or stopped. */
  onRunningChange(running: boolean): void;
  /**
   * Early stopping stopped training (the session has paused, the best weights are back, and
   * `notice` says so in words: `text`).
   */
  onEarlyStop?(stop: EarlyStop, text: string): void;
  /** A weight or bias was set by hand (`edit`); the new picture follows through onPicture. */
  onWeightSet?(edit: WeightEdit): void;
}

/** A weight set by hand: dense layer `layer`, from input `from` (−1: the bias) to unit `to`. */
export interface WeightEdit {
  layer: number;
  from: number;
  to: number;
  value: number;
}

/** Send a weight set by hand to the engine (EngineClient.setWeight, the 'set-weight' message). */
export function sendWeight(client: EngineClient, edit: WeightEdit): void {
  client.setWeight(edit.layer, edit.from, edit.to, edit.value);
}

/** Write `edit` into `weights` (in place). */
export function writeWeight(weights: LayerWeights[], edit: WeightEdit): void {
  const w = weights[edit.layer];
  if (!w) return;
  if (edit.from < 0) w.bias[edit.to] = edit.value;
  else w.kernel[edit.from * w.units + edit.to] = edit.value;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
