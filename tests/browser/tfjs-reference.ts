/**
 * What the browser tests that hold the training engines against tfjs share (dense-net-vs-tfjs,
 * train-engine, train-options): the loss of types.ts written in tfjs's autodiff-able ops, and the
 * two engines trained side by side, step for step.
 */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import type { LayerWeights, ModelSpec, Trainer, TrainReport } from '../../src/train/index';
import { XOR_TRAIN } from './train-fixtures';

/** Two hidden layers, each loss and all four activations: the first cases of a gradient check. */
export const TWO_HIDDEN_LAYERS: Partial<ModelSpec>[] = [
  {
    loss: 'cross-entropy',
    hidden: [
      { units: 5, activation: 'sigmoid' },
      { units: 3, activation: 'tanh' },
    ],
  },
  {
    loss: 'squared-error',
    hidden: [
      { units: 4, activation: 'relu' },
      { units: 3, activation: 'linear' },
    ],
  },
];

/**
 * The network's last pre-activations (before its σ or softmax) for the rows `x`, in tfjs's ops:
 * `params` holds each layer's kernel, then its bias.
 */
export function outputLogits(
  params: tf.Tensor[],
  x: tf.Tensor,
  hidden: ModelSpec['hidden'],
): tf.Tensor {
  const act = (z: tf.Tensor, a: string): tf.Tensor =>
    a === 'sigmoid' ? tf.sigmoid(z) : a === 'tanh' ? tf.tanh(z) : a === 'relu' ? tf.relu(z) : z;
  let a: tf.Tensor = x;
  const layers = hidden.length + 1;
  for (let l = 0; l < layers; l++) {
    const z = tf.add(tf.matMul(a as tf.Tensor2D, params[2 * l] as tf.Tensor2D), params[2 * l + 1]!);
    a = l < layers - 1 ? act(z, hidden[l]!.activation) : z;
  }
  return a;
}

/** The loss `data` plus `l2` times the sum of every kernel's squared weights (not the biases). */
export function withL2(data: tf.Tensor, params: tf.Tensor[], l2: number): tf.Scalar {
  let penalty: tf.Tensor = tf.scalar(0);
  for (let l = 0; 2 * l < params.length; l++) {
    penalty = tf.add(penalty, tf.sum(tf.square(params[2 * l]!)));
  }
  return tf.add(data, tf.mul(l2, penalty)) as tf.Scalar;
}

/** The two-class loss on XOR_TRAIN as documented in types.ts (σ output), in tfjs's ops. */
export function referenceLoss(params: tf.Tensor[], spec: ModelSpec): tf.Scalar {
  const n = XOR_TRAIN.y.length;
  const x = tf.tensor2d(XOR_TRAIN.x, [n, 2]);
  const y = tf.tensor2d(XOR_TRAIN.y, [n, 1]);
  const a = outputLogits(params, x, spec.hidden);
  const data =
    spec.loss === 'cross-entropy'
      ? tf.losses.sigmoidCrossEntropy(y, a)
      : tf.mean(tf.square(tf.sub(tf.sigmoid(a), y)));
  return withL2(data, params, spec.l2);
}

/** Every layer's kernel then bias, in one list. */
export const flatWeights = (layers: LayerWeights[]): number[] =>
  layers.flatMap((l) => [...l.kernel, ...l.bias]);

/** The largest difference between two lists of the same length. */
export function worstGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let k = 0; k < a.length; k++) max = Math.max(max, Math.abs(a[k]! - b[k]!));
  return max;
}

/**
 * Train `ours` and `theirs` side by side, one step at a time, for `steps` steps: every report (the
 * step-0 one first) has the same step, no problem and the same losses and accuracies within 1e-5,
 * and passes `check`; the parameters start equal and stay within 1e-5 every `every` steps.
 * Resolves to `ours`' step-0 report.
 */
export async function trainInStep(
  ours: Trainer,
  theirs: Trainer,
  {
    steps,
    every,
    check,
  }: { steps: number; every: number; check?: (a: TrainReport, b: TrainReport) => void },
): Promise<TrainReport> {
  const compare = (a: TrainReport, b: TrainReport): void => {
    expect(a.step).toBe(b.step);
    expect(a.problem).toBeUndefined();
    for (const key of ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'] as const) {
      expect(Math.abs(a[key] - b[key]), `${key} at step ${a.step}`).toBeLessThan(1e-5);
    }
    check?.(a, b);
  };
  const first = await ours.train(0);
  compare(first, await theirs.train(0));
  expect(worstGap(flatWeights(await ours.weights()), flatWeights(await theirs.weights()))).toBe(0);
  for (let step = 1; step <= steps; step++) {
    compare(await ours.train(1), await theirs.train(1));
    if (step % every === 0) {
      const drift = worstGap(
        flatWeights(await ours.weights()),
        flatWeights(await theirs.weights()),
      );
      expect(drift, `parameters at step ${step}`).toBeLessThan(1e-5);
    }
  }
  return first;
}
