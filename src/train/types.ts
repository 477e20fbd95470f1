/**
 * The contract between the training engine (`src/train`, the only code that imports tfjs) and the
 * widgets that use it (`<nn-network-trainer>`, lessons 8–9). Plain data only: no tensors cross it,
 * so widgets never touch tfjs and the engine can move into a Web Worker without changing callers.
 */

export type Activation = 'sigmoid' | 'tanh' | 'relu' | 'linear';
export type LossName = 'cross-entropy' | 'squared-error';
export type OptimizerName = 'sgd' | 'momentum' | 'adam';
export type BackendName = 'webgl' | 'wasm' | 'cpu';
/** What a trainer runs on: one of tfjs's backends, or 'js', the plain-JS engine (no tfjs). */
export type EngineName = 'js' | BackendName;

/** A network described as data. Two inputs (a point on the plane), one output p(class 1). */
export interface ModelSpec {
  /** Hidden layers, 0 to 6, each 1 to 16 units with its own activation. */
  hidden: { units: number; activation: Activation }[];
  loss: LossName;
  optimizer: OptimizerName;
  learningRate: number;
  /** Examples per step; 0 means the whole training set (full batch). */
  batchSize: number;
  /** L2 regularisation strength λ (0 = none): loss + λ·Σw². */
  l2: number;
  /** Seed for the initial weights (and batch shuffling). */
  seed: number;
}

/** Points on the plane with labels 0 or 1, as flat arrays: x[2i], x[2i+1] is point i. */
export interface Points {
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
  trainAccuracy: number;
  testAccuracy: number;
  backend: EngineName;
  /**
   * Set on the report of a call during which training had to stop on its own (the same problem
   * `onProblem` receives). The numbers are then those of the last good moment, restored.
   */
  problem?: TrainProblem;
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
   * were taken): the main thread is never held longer than that, even on a busy machine.
   */
  train(steps: number, options?: { maxMs?: number }): Promise<TrainReport>;
  /** p(class 1) for each point of a flat [x0, y0, x1, y1, …] array, in one batched prediction. */
  predict(xy: Float32Array): Promise<Float32Array>;
  /** Each hidden and output unit's activation at each point: [layer][unit] → one value per point. */
  activations(xy: Float32Array): Promise<Float32Array[][]>;
  weights(): Promise<LayerWeights[]>;
  /** Replace the data (e.g. the student added points) without resetting the weights. */
  setData(train: Points, test: Points): void;
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
  train: Points;
  test: Points;
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
