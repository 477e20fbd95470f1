/** The data types of `DenseNet` (dense-net.ts): its configuration, state and statistics. */
import type { ActivationName } from './activations';
import type { DenseOptimizer } from './dense-net-optimizer';

/**
 * Activation of a hidden layer (the output layer is a sigmoid unit, a softmax or, for regression,
 * linear): any of the course's table (`ACTIVATIONS` in activations.ts).
 */
export type DenseActivation = ActivationName;
export type DenseLoss = 'cross-entropy' | 'squared-error';
/** Telling classes apart (the default) or predicting a number (one linear output unit). */
export type DenseTask = 'classification' | 'regression';

/** The packed state: parameters, then optimizer slots (see dense-net.ts); t of Adam. */
export interface DenseState {
  values: Float32Array;
  adamStep: number;
}

export interface DenseNetConfig {
  /**
   * Units per layer, input first, output last: [2, 8, 8, 1] (one σ unit, two classes; or one
   * linear unit for regression) or [784, 64, 10] (a softmax over ten classes).
   */
  sizes: readonly number[];
  /** One activation per hidden layer (sizes.length − 2 of them). */
  activations: readonly DenseActivation[];
  /** 'regression': one linear output unit, real labels, loss ½(ŷ − y)² (`loss` not used). */
  task?: DenseTask;
  loss: DenseLoss;
  optimizer: DenseOptimizer;
  /** The step size η (> 0). */
  learningRate: number;
  /** L2 strength λ ≥ 0: the loss gains λ·Σw² over the kernels. */
  l2: number;
  /** L1 strength λ₁ ≥ 0 (default 0): the loss gains λ₁·Σ|w| over the kernels. */
  l1?: number;
  /**
   * Per hidden layer, its dropout rate 0 ≤ r < 1 (missing or 0: none): in training steps each of
   * its outputs is zeroed with probability r and the others scaled by 1/(1 − r); never when
   * predicting or measuring.
   */
  dropout?: readonly number[];
  /** Seed of the dropout masks' stream (default: shuffleSeed + 0.25). */
  dropoutSeed?: number;
  /** Examples per step; 0 = the whole training set. */
  batchSize: number;
  /** Seed of the mini-batch shuffling stream (`createRng(shuffleSeed)`). */
  shuffleSeed: number;
  /** The starting packed state (copied). */
  state: DenseState;
}

/** Loss and accuracy on the training and test sets, and the largest |weight or bias|. */
export interface DenseStats {
  trainLoss: number;
  /** 0 for regression (as is testAccuracy). */
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
  maxWeight: number;
  /**
   * Per class c (0 … classes − 1): the share of the set's points labelled c classified c, NaN
   * where the set has no point of class c (empty arrays for a missing test set, and for regression).
   */
  trainClassAccuracy: number[];
  testClassAccuracy: number[];
}

/** Rows of inputs: numbers, or a Uint8Array of pixels 0 … 255 (read as fround(v/255)). */
export type DenseInputs = ArrayLike<number>;

/** What `checkDenseConfig` reads from a config, filled in. */
export interface CheckedDenseConfig {
  sizes: number[];
  l1: number;
  task: DenseTask;
  dropout: number[];
}

/** Throws a RangeError naming the first thing wrong with `config`; its values, filled in. */
export function checkDenseConfig(config: DenseNetConfig): CheckedDenseConfig {
  const sizes = [...config.sizes];
  const L = sizes.length - 1;
  if (L < 1 || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new RangeError(
      `DenseNet: sizes must be two or more whole numbers ≥ 1; got [${sizes.join(', ')}]`,
    );
  }
  if (config.activations.length !== L - 1) {
    throw new RangeError(
      `DenseNet: ${L - 1} hidden layers need ${L - 1} activations, got ${config.activations.length}`,
    );
  }
  const { learningRate, l2, batchSize } = config;
  const l1 = config.l1 ?? 0;
  if (!(learningRate > 0) || !(l2 >= 0) || !(l1 >= 0) || !Number.isInteger(batchSize)) {
    throw new RangeError('DenseNet: needs learningRate > 0, l2 ≥ 0, l1 ≥ 0 and a whole batchSize');
  }
  if (batchSize < 0) throw new RangeError('DenseNet: batchSize must be ≥ 0');
  const dropout = Array.from({ length: L - 1 }, (_, l) => config.dropout?.[l] ?? 0);
  if (dropout.some((r) => !(r >= 0 && r < 1))) {
    throw new RangeError(`DenseNet: dropout rates must be 0 ≤ r < 1; got [${dropout.join(', ')}]`);
  }
  const task = config.task ?? 'classification';
  if (task !== 'classification' && task !== 'regression') {
    throw new RangeError(`DenseNet: unknown task "${String(task)}"`);
  }
  if (task === 'regression' && sizes[L] !== 1) {
    throw new RangeError(`DenseNet: regression has one output unit; got ${sizes[L]}`);
  }
  if (config.loss !== 'cross-entropy' && config.loss !== 'squared-error') {
    throw new RangeError(`DenseNet: unknown loss "${String(config.loss)}"`);
  }
  if (!['sgd', 'momentum', 'adam'].includes(config.optimizer)) {
    throw new RangeError(`DenseNet: unknown optimizer "${String(config.optimizer)}"`);
  }
  return { sizes, l1, task, dropout };
}
