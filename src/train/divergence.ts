/**
 * When a run has diverged rather than merely struggled — one decision, shared by every engine
 * (tfjs's `TfTrainer` and the plain-JS `JsTrainer`). No tfjs here.
 */
import { formatNumber } from '../math/format.ts';
import { formatRate } from './spec.ts';
import type { ModelSpec } from './types.ts';

/**
 * When a run has diverged rather than merely struggled. The loss is compared with the loss at the
 * start (after a reset, or when new data arrives):
 * - cross-entropy more than 10× its start (and above 5 nats: the right class then gets a
 *   probability under e⁻⁵ ≈ 0.7 % on average) — Glorot-initialised networks start near ln 2;
 * - squared error above 1.8× its start and above 0.45: worse than always answering one class with
 *   certainty, which costs about 0.5 on balanced data (squared error can never exceed 1, so it
 *   never "explodes"; a too-large step saturates the sigmoids instead, and the loss sticks there);
 * - regression's ½(ŷ − y)² above 10× its start and above 2 (an average miss of 2, the whole range
 *   of labels in −1 … 1: unlike a σ output, a linear one can grow without bound);
 * - any weight or bias beyond ±1,000, in either case, long before it overflows to NaN: with inputs
 *   of the size of a point of the plane, a unit saturates by |z| ≈ 10, and a healthy run's weights
 *   stay within a few tens (a too-large Adam step moves each weight by about the learning rate).
 */
export const DIVERGENCE = {
  crossEntropy: { factor: 10, floor: 5 },
  squaredError: { factor: 1.8, floor: 0.45 },
  regression: { factor: 10, floor: 2 },
  maxWeight: 1e3,
} as const;

/** The numbers every report is judged on (the STATS of state.ts). */
export interface DivergenceStats {
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
  /** The largest |weight| or |bias| (optimizer slots not included). */
  maxWeight: number;
}

/**
 * Why these numbers mean the run diverged, in words for the student, or null when they are fine.
 * `startLoss` is the training loss at the start (null while there is none yet).
 */
export function divergence(
  spec: Pick<ModelSpec, 'loss' | 'learningRate' | 'task'>,
  stats: DivergenceStats,
  startLoss: number | null,
): string | null {
  const { trainLoss, trainAccuracy, testLoss, testAccuracy, maxWeight } = stats;
  const advice = `the learning rate ${formatRate(spec.learningRate)} is probably too high — lower it or reset.`;
  if (![trainLoss, trainAccuracy, testLoss, testAccuracy, maxWeight].every(Number.isFinite)) {
    return `The loss became too large to compute: ${advice}`;
  }
  if (startLoss !== null) {
    const { factor, floor } =
      spec.task === 'regression'
        ? DIVERGENCE.regression
        : spec.loss === 'cross-entropy'
          ? DIVERGENCE.crossEntropy
          : DIVERGENCE.squaredError;
    if (trainLoss > floor && trainLoss > factor * startLoss) {
      return (
        `The loss grew from ${formatNumber(startLoss)} to ${formatNumber(trainLoss)} instead of ` +
        `falling: ${advice}`
      );
    }
  }
  if (maxWeight > DIVERGENCE.maxWeight) {
    return `The weights grew out of bounds (one reached ${formatNumber(maxWeight, 0)}): ${advice}`;
  }
  return null;
}
