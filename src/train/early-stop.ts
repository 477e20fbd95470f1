/**
 * Early stopping, shared by both engines (tfjs's `TfTrainer` and the plain-JS `JsTrainer`): the
 * validation rows held out of the training set, and the rule that stops a run whose validation
 * loss has stopped improving. No tfjs here.
 *
 * With `spec.earlyStopping = { patience, validationFraction }`, a seeded share of the TRAINING rows
 * (never of the test rows) is held out and never trained on. Every measured report then carries
 * `validationLoss`, the mean loss on those rows. The best such loss so far is remembered with a copy
 * of the weights (and optimizer slots) that gave it; after `patience` epochs without a new best,
 * the engine puts those weights back, measures again on them, and marks the report `earlyStop`.
 * The host then pauses, as at the last epoch. Playing on gives the run another `patience` epochs
 * from there.
 */
import { createRng } from '../math/rng.ts';
import { inputsOf } from './spec.ts';
import type { NetworkState } from './state.ts';
import type { EarlyStop, ModelSpec, Rows } from './types.ts';

/** The training rows split into those trained on and those held out for validation. */
export interface HeldOut {
  train: Rows;
  /** Null without early stopping. */
  validation: Rows | null;
}

/** The seed of the validation split: the weights' seed, another stream. */
function holdOutSeed(spec: ModelSpec): number {
  return spec.seed + 0.75;
}

/** The rows of `rows` at `picked` (ascending), in a copy of the same array types. */
function take(rows: Rows, picked: readonly number[], inputs: number): Rows {
  const x =
    rows.x instanceof Uint8Array
      ? new Uint8Array(picked.length * inputs)
      : new Float32Array(picked.length * inputs);
  const y =
    rows.y instanceof Uint8Array ? new Uint8Array(picked.length) : new Float32Array(picked.length);
  picked.forEach((row, r) => {
    x.set(rows.x.subarray(row * inputs, (row + 1) * inputs), r * inputs);
    y[r] = rows.y[row]!;
  });
  return { x, y };
}

/**
 * Without early stopping, the training rows as they are. With it, round(fraction · n) of them
 * (at least 1 and at most n − 1 when there are two or more), drawn by a seeded shuffle, held out
 * as the validation rows; both parts keep the rows' order.
 */
export function holdOut(spec: ModelSpec, train: Rows): HeldOut {
  const early = spec.earlyStopping;
  if (!early) return { train, validation: null };
  const n = train.y.length;
  const count = n < 2 ? 0 : Math.min(n - 1, Math.max(1, Math.round(early.validationFraction * n)));
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = createRng(holdOutSeed(spec));
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const held = new Set(order.slice(0, count));
  const kept: number[] = [];
  const validation: number[] = [];
  for (let i = 0; i < n; i++) (held.has(i) ? validation : kept).push(i);
  const inputs = inputsOf(spec);
  return { train: take(train, kept, inputs), validation: take(train, validation, inputs) };
}

/** The best moment of a run so far, by validation loss. */
interface Best {
  loss: number;
  step: number;
  epoch: number;
  state: NetworkState;
}

/** The early-stopping rule of one run (see the module comment). */
export class EarlyStopper {
  private best: Best | null = null;
  /** The epoch the patience counts from: the best's, or the last stop's. */
  private since = 0;

  constructor(private readonly patience: number) {}

  /**
   * A measured report's validation loss at `step`/`epoch`. A new best keeps a copy of the state
   * (`state()` is called only then); after `patience` epochs without one, returns the best moment
   * to put back (and starts counting again from this epoch), else null.
   */
  observe(
    loss: number,
    step: number,
    epoch: number,
    state: () => NetworkState,
  ): (Best & { stop: Omit<EarlyStop, 'bestValidationLoss'> }) | null {
    const best = this.best;
    if (!best || loss < best.loss) {
      this.best = { loss, step, epoch, state: copy(state()) };
      this.since = epoch;
      return null;
    }
    // (A small tolerance: epochs counted as fractions of batches can land a hair short.)
    if (epoch - this.since < this.patience - 1e-9) return null;
    const stop = { step, epoch, bestStep: best.step, bestEpoch: best.epoch };
    this.since = epoch;
    return { ...best, state: copy(best.state), stop };
  }

  /** Forget the best moment (a reset, new data). */
  reset(): void {
    this.best = null;
  }
}

function copy(state: NetworkState): NetworkState {
  return { values: state.values.slice(), adamStep: state.adamStep };
}
