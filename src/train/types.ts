/**
 * The contract between the training engine (`src/train`, the only code that imports tfjs) and the
 * widgets that use it (`<nn-network-trainer>`, lessons 8–9). Plain data only: no tensors cross it,
 * so widgets never touch tfjs and the engine can move into a Web Worker without changing callers.
 */

export type Activation = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'linear';
/**
 * What the network predicts: a class (the default: labels 0 … classes − 1, a σ or softmax output)
 * or a number (regression: labels are real numbers, one linear output unit, the loss is the
 * squared error ½(ŷ − y)² averaged over the examples, and the accuracies are reported as 0 with
 * empty per-class arrays).
 */
export type TaskName = 'classification' | 'regression';
/** Early stopping: hold out a share of the training rows, stop when their loss stops improving. */
export interface EarlyStopping {
  /** Epochs without a new best validation loss before training stops (≥ 1). */
  patience: number;
  /** The share of the training rows held out as the validation set (0.05 … 0.5, seeded). */
  validationFraction: number;
}
/** Why and where early stopping stopped a run; the best weights are back in place. */
export interface EarlyStop {
  /** Step and epoch at which training stopped. */
  step: number;
  epoch: number;
  /** Step and epoch of the best validation loss: the weights now in the network. */
  bestStep: number;
  bestEpoch: number;
  bestValidationLoss: number;
}
export type LossName = 'cross-entropy' | 'squared-error';
export type OptimizerName = 'sgd' | 'momentum' | 'adam';
export type BackendName = 'webgl' | 'wasm' | 'cpu';
/** What a trainer runs on: one of tfjs's backends, or 'js', the plain-JS engine (no tfjs). */
export type EngineName = 'js' | BackendName;

/**
 * A network described as data. By default two inputs (a point on the plane) and two classes (one
 * output unit, p(class 1)); `inputs` and `classes` widen it: rows of any width, and k ≥ 3 classes
 * through a softmax output of k units (p(class j) for each j; its loss is the k-class cross-entropy
 * −ln p_label, or Σ_j (p_j − onehot_j)²).
 */
export interface ModelSpec {
  /** Numbers per example (default 2: a point of the plane; 784 for a 28×28 image). */
  inputs?: number;
  /** Classes told apart (default 2: one σ output unit); 3 … 10: a softmax over that many units. */
  classes?: number;
  /** What is predicted (default 'classification'); see `TaskName`. */
  task?: TaskName;
  /**
   * Hidden layers, 0 to 6, each 1 to 16 units with its own activation, and optionally a dropout
   * rate (0 ≤ rate < 1, default 0): while training, each unit's output is zeroed with that
   * probability and the rest scaled by 1/(1 − rate) (inverted dropout); never at prediction.
   */
  hidden: { units: number; activation: Activation; dropout?: number }[];
  loss: LossName;
  optimizer: OptimizerName;
  learningRate: number;
  /** Examples per step; 0 means the whole training set (full batch). */
  batchSize: number;
  /** L2 regularisation strength λ (0 = none): loss + λ·Σw². */
  l2: number;
  /** L1 regularisation strength λ₁ (default 0 = none): loss + λ₁·Σ|w|, on the same weights as L2. */
  l1?: number;
  /** Early stopping (default none); see `EarlyStopping`. */
  earlyStopping?: EarlyStopping;
  /** Seed for the initial weights (and batch shuffling). */
  seed: number;
}

/**
 * Labelled examples as flat arrays: row i is x[w·i … w·i + w − 1] for rows of w = `spec.inputs`
 * numbers; y[i] is its label 0 … classes − 1. `x` may be a Uint8Array of pixels 0 … 255, read as
 * v/255 (in Float32) by both engines.
 */
export interface Rows {
  x: Float32Array | Uint8Array;
  y: Float32Array | Uint8Array;
}

/** Points on the plane with labels, as flat arrays: x[2i], x[2i+1] is point i. */
export interface Points extends Rows {
  x: Float32Array;
  y: Float32Array;
}

/** What the engine reports after each batch of steps (all numbers finite, or the run is paused). */
export interface TrainReport {
  /** Steps (parameter updates) taken since the last reset. */
  step: number;
  /** Passes over the training set since the last reset (fractional with mini-batches). */
  epoch: number;
  /** Mean loss over the whole training set (the data loss; the L2 penalty is not included). */
  trainLoss: number;
  /** Mean loss over the test set; 0 (as is testAccuracy) when the test set is empty. */
  testLoss: number;
  /** Mean loss over the validation rows held out by early stopping (only with `earlyStopping`). */
  validationLoss?: number;
  /**
   * Set on the report of the call in which early stopping stopped training (the host then pauses,
   * as at max epochs); the weights are the best ones, and the losses are measured on them.
   */
  earlyStop?: EarlyStop;
  trainAccuracy: number;
  testAccuracy: number;
  /**
   * Per class c: the share of the set's examples labelled c that the network classifies as c
   * (null where the set has none of class c). Empty arrays when not measured (an empty set).
   */
  trainClassAccuracy?: (number | null)[];
  testClassAccuracy?: (number | null)[];
  backend: EngineName;
  /**
   * True when the losses and accuracies are those of an earlier step (a `train` call with
   * `measure: false`); `step` and `epoch` are current.
   */
  stale?: boolean;
  /**
   * Set on the report of a call during which training had to stop on its own (the same problem
   * `onProblem` receives). The numbers are then those of the last good moment, restored.
   */
  problem?: TrainProblem;
}

/** Options of `Trainer.train`. */
export interface TrainOptions {
  maxMs?: number;
  /** Compute the losses after the steps (default true); see `Trainer.train`. */
  measure?: boolean;
}

/** Why training paused on its own. */
export type TrainProblem =
  | { kind: 'diverged'; message: string }
  | { kind: 'context-lost'; message: string; recoveredOn: BackendName }
  | { kind: 'backend-failed'; message: string; fellBackTo: BackendName };

/** One dense layer's parameters, for drawing the network (edge colour and thickness). */
export interface LayerWeights {
  /** inputs × units, row-major. */
  kernel: Float32Array;
  bias: Float32Array;
  inputs: number;
  units: number;
}

/** A model being trained. Create one with `createTrainer` (src/train/index.ts); dispose it when done. */
export interface Trainer {
  readonly backend: EngineName;
  readonly spec: ModelSpec;
  /**
   * Take `steps` optimisation steps, then read the losses back asynchronously. With `maxMs`, stop
   * early once that many milliseconds have gone into the steps (the report's `step` says how many
   * were taken): the main thread is never held longer than that, even on a busy machine. With
   * `measure: false` the losses are not computed (on a big data set they cost far more than a
   * step): the report is the last measured one with the new step and epoch, marked `stale`.
   */
  train(steps: number, options?: TrainOptions): Promise<TrainReport>;
  /**
   * The output for each row of a flat array of rows (`spec.inputs` numbers each, or pixels), in
   * one batched prediction: p(class 1) per row with two classes; with k ≥ 3, the k probabilities
   * of each row in turn (`[r·k + j]` = p(class j) of row r).
   */
  predict(xy: Float32Array | Uint8Array): Promise<Float32Array>;
  /** Each hidden and output unit's activation at each point: [layer][unit] → one value per point. */
  activations(xy: Float32Array | Uint8Array): Promise<Float32Array[][]>;
  weights(): Promise<LayerWeights[]>;
  /**
   * Set one weight by hand (a student editing an edge): dense layer `layer` (0 = the first above
   * the inputs), from input `from` (0 … inputs − 1, or −1 for the bias) to unit `to`. The
   * optimizer's slots are kept; the next measured report reflects the new weight.
   */
  setWeight(layer: number, from: number, to: number, value: number): void;
  /** Replace the data (e.g. the student added points) without resetting the weights. */
  setData(train: Rows, test: Rows): void;
  /** Back to the seeded initial weights; step and epoch to 0. */
  reset(): void;
  /**
   * The last good moment (the weights, the optimizer's slots, step and epoch of the last report),
   * to resume from elsewhere — another worker, another engine — with `TrainerOptions.resume`.
   * Null before the first report.
   */
  exportState(): ResumePoint | null;
  dispose(): void;
}

/** A moment of training to start from instead of the seeded initial weights. */
export interface ResumePoint {
  /** Weights then optimizer slots, packed as in state.ts. */
  state: { values: Float32Array; adamStep: number };
  step: number;
  epoch: number;
}

export interface TrainerOptions {
  spec: ModelSpec;
  /** Start from here instead of the seeded initial weights (a reset still goes back to those). */
  resume?: ResumePoint;
  train: Rows;
  test: Rows;
  /**
   * 'js': the from-scratch engine (no tfjs); a tfjs backend; or 'auto' (the default), which
   * measures the tfjs backends and picks the fastest (the widget's engine host decides between
   * 'js' and tfjs by a cost model instead: src/train/cost.ts).
   */
  backend?: EngineName | 'auto';
  /** Called when training must pause on its own (divergence, lost WebGL context, failed backend). */
  onProblem?: (problem: TrainProblem) => void;
  /**
   * Abandons `createTrainer` (the widget that asked is gone): the backend measurement and the
   * shader compilation stop at their next frame, the trainers made so far are disposed, and
   * `createTrainer` rejects with the signal's reason.
   */
  signal?: AbortSignal;
}
