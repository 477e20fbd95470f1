/**
 * A dense network trained from scratch on Float32Arrays: the same maths as the tfjs engine
 * (src/train/network.ts and trainer.ts), without a single tensor op. Small networks are dominated by
 * tfjs's per-op dispatch (a few microseconds each, ~0.3 ms a step); plain loops over a 2-8-8-1
 * network take a few microseconds for the whole step.
 *
 * Notation (row-major, a batch of n examples as rows). Layer ℓ = 1 … L has a kernel W⁽ℓ⁾ of
 * shape [inputs × units] — `W[i·units + j]` is the weight from input i into unit j — a bias b⁽ℓ⁾
 * and an activation f. Any number of inputs. The output layer is either ONE sigmoid unit (two
 * classes, labels 0/1, p = p(class 1)) or a softmax over k ≥ 2 units (k classes, labels 0 … k − 1,
 * p_j = p(class j)). An input batch A⁽⁰⁾ = X flows forward:
 *
 *   Z⁽ℓ⁾ = A⁽ℓ⁻¹⁾ W⁽ℓ⁾ + b⁽ℓ⁾,   A⁽ℓ⁾ = f(Z⁽ℓ⁾),   p = σ(z⁽ᴸ⁾)  or  p_j = e^{z_j} / Σ_m e^{z_m}
 *
 * The loss of a batch is the mean of the examples' losses (data loss), plus λ·Σ‖W‖² (L2, kernels
 * only, biases are not regularised). One sigmoid output:
 *
 *   cross-entropy   ℓ = −y ln p − (1 − y) ln(1 − p)    ⇒  ∂L/∂z⁽ᴸ⁾ = (p − y)/n
 *   squared error   ℓ = (p − y)²                       ⇒  ∂L/∂z⁽ᴸ⁾ = 2(p − y)·p(1 − p)/n
 *
 * A softmax output, with e = onehot(y) (1 at the label, 0 elsewhere):
 *
 *   cross-entropy   ℓ = −ln p_y = logΣexp(z) − z_y      ⇒  ∂L/∂z_j = (p_j − e_j)/n
 *   squared error   ℓ = Σ_j (p_j − e_j)²                 ⇒  ∂L/∂z_j = p_j (g_j − Σ_m p_m g_m)/n,
 *                                                           g = 2(p − e)
 *
 * (the softmax's Jacobian ∂p_m/∂z_j = p_m([m = j] − p_j)). A point counts as right when its
 * largest logit is its label's (with one sigmoid unit: when z and 2y − 1 agree in sign).
 *
 * Backpropagation, with dZ⁽ℓ⁾ = ∂L/∂Z⁽ℓ⁾ (one row per example):
 *
 *   ∂L/∂W⁽ℓ⁾ = A⁽ℓ⁻¹⁾ᵀ dZ⁽ℓ⁾ + 2λW⁽ℓ⁾,   ∂L/∂b⁽ℓ⁾ = Σ_rows dZ⁽ℓ⁾
 *   dZ⁽ℓ⁻¹⁾ = (dZ⁽ℓ⁾ W⁽ℓ⁾ᵀ) ⊙ f′, with f′ written from a = f(z):
 *             σ′ = a(1 − a),  tanh′ = 1 − a²,  ReLU′ = [a > 0],  leaky ReLU′ = 1 if a > 0 else 0.01,
 *             linear′ = 1
 *
 * and the optimizer moves every parameter θ with its gradient g = ∂L/∂θ:
 *
 *   sgd        θ ← θ − η g
 *   momentum   v ← μ v + η g,  θ ← θ − v                      (μ = 0.9; η folded into v)
 *   adam       t ← t + 1,  m ← m + (1 − β₁)(g − m),  v ← v + (1 − β₂)(g² − v),
 *              θ ← θ − η·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε·√(1 − β₂ᵗ))
 *                                                           (β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁷)
 *
 * — Adam's bias corrections folded into the step size and ε, exactly as tfjs (and network.ts) do.
 *
 * The whole state is ONE packed Float32Array, in the layout of network.ts: every parameter (layer by
 * layer: kernel row-major, then bias), then each optimizer slot in that same layout (momentum: v;
 * Adam: m, then v). So a snapshot of either engine loads into the other.
 *
 * Mini-batches follow the tfjs trainer: at each new epoch a seeded Fisher–Yates shuffle of the
 * training rows, cut into consecutive batches (the last one shorter); the shuffling stream goes on
 * across epochs, and new data (or `load`) starts a new epoch without reseeding it.
 *
 * Inputs come as rows of numbers (any ArrayLike; typed arrays are kept, not copied, so a big
 * training set costs no second copy), or as a Uint8Array of pixels 0 … 255, each read as
 * fround(v/255) — the Float32 a tfjs engine gets from `Float32Array.from(pixels, v => v / 255)`.
 *
 * Fast: every buffer is allocated in the constructor and in `setData`; `step` allocates nothing.
 * Sums run in Float64 scratch; the parameters and slots stay Float32, as on tfjs.
 *
 * Pure TypeScript: no DOM, no tensors.
 */
import { LEAKY_SLOPE, sigmoid } from './activations';
import type { ActivationName } from './activations';
import { createRng } from './rng';
import type { Rng } from './rng';

/**
 * Activation of a hidden layer (the output layer is a sigmoid unit or a softmax): any of the
 * course's table (`ACTIVATIONS` in activations.ts), each with a code below.
 */
export type DenseActivation = ActivationName;
export type DenseLoss = 'cross-entropy' | 'squared-error';
export type DenseOptimizer = 'sgd' | 'momentum' | 'adam';

/** Adam's constants, as in Kingma & Ba (2015) and tfjs. */
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;
/** Momentum's decay μ in v ← μ·v + η·g. */
export const MOMENTUM = 0.9;

/** The packed state: parameters, then optimizer slots (see the module comment); t of Adam. */
export interface DenseState {
  values: Float32Array;
  adamStep: number;
}

export interface DenseNetConfig {
  /**
   * Units per layer, input first, output last: [2, 8, 8, 1] (one σ unit, two classes) or
   * [784, 64, 10] (a softmax over ten classes).
   */
  sizes: readonly number[];
  /** One activation per hidden layer (sizes.length − 2 of them). */
  activations: readonly DenseActivation[];
  loss: DenseLoss;
  optimizer: DenseOptimizer;
  /** The step size η (> 0). */
  learningRate: number;
  /** L2 strength λ ≥ 0: the loss gains λ·Σw² over the kernels. */
  l2: number;
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
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
  maxWeight: number;
  /**
   * Per class c (0 … classes − 1): the share of the set's points labelled c classified c, NaN
   * where the set has no point of class c (empty arrays for a missing test set).
   */
  trainClassAccuracy: number[];
  testClassAccuracy: number[];
}

/** Rows of inputs: numbers, or a Uint8Array of pixels 0 … 255 (read as fround(v/255)). */
export type DenseInputs = ArrayLike<number>;

/** fround(v/255) for each byte v: how a Uint8Array input is read. */
const PIXEL = Float64Array.from({ length: 256 }, (_, v) => Math.fround(v / 255));

/** Is `x` a Uint8Array of pixels (read as fround(v/255)) rather than numbers? */
function isPixels(x: ArrayLike<number>): boolean {
  return x instanceof Uint8Array || x instanceof Uint8ClampedArray;
}

const ACTIVATION_CODE: Record<DenseActivation, number> = {
  sigmoid: 0,
  tanh: 1,
  relu: 2,
  linear: 3,
  'leaky-relu': 5,
};
const SIGMOID = 0;
const TANH = 1;
const RELU = 2;
/** The output layer's code when it is a softmax over k ≥ 2 units. */
const SOFTMAX = 4;
const LEAKY_RELU = 5;

/** Rows evaluated at a time by `stats` and the predictions (at least; more with a larger batch). */
const MIN_CHUNK = 256;

/** Optimizer slots per parameter: momentum keeps a velocity, Adam two moment estimates. */
export function denseSlotCount(optimizer: DenseOptimizer): number {
  return optimizer === 'adam' ? 2 : optimizer === 'momentum' ? 1 : 0;
}

/** Parameters (weights and biases) of a network with these layer sizes. */
export function denseParameterCount(sizes: readonly number[]): number {
  let count = 0;
  for (let l = 1; l < sizes.length; l++) count += (sizes[l - 1]! + 1) * sizes[l]!;
  return count;
}

/** softplus(x) = ln(1 + eˣ), without overflow: max(x, 0) + ln(1 + e^(−|x|)). */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

export class DenseNet {
  readonly sizes: readonly number[];
  readonly loss: DenseLoss;
  readonly optimizer: DenseOptimizer;
  readonly learningRate: number;
  readonly l2: number;
  readonly batchSize: number;
  readonly shuffleSeed: number;
  /** Classes told apart: 2 with one sigmoid output unit, k with a softmax over k units. */
  readonly classes: number;
  /** Whether the output layer is a softmax (k ≥ 2 output units) rather than one σ unit. */
  readonly softmax: boolean;
  /** Weights and biases (not counting the optimizer slots). */
  readonly parameterCount: number;
  /**
   * ∂L/∂θ of the last step, in the packed layout of the parameters: the gradient of the batch's
   * mean loss plus the L2 term 2λw on kernels — unscaled by the learning rate.
   */
  readonly gradients: Float64Array;

  /** The packed state: parameters, then optimizer slots. */
  private readonly values: Float32Array;
  private t = 0;
  /** Where layer ℓ's kernel and bias start in `values`. */
  private readonly kernelAt: Int32Array;
  private readonly biasAt: Int32Array;
  /** Activation code of layer ℓ (hidden layers; the output's is handled apart). */
  private readonly act: Int32Array;
  /** The kernels transposed, in Float64, at their packed offsets (forward's scratch). */
  private readonly kernelsT: Float64Array;

  /** Rows the scratch below holds. */
  private capacity = 0;
  /** A⁽ℓ⁾ for a batch, row-major [rows × sizes[ℓ]]; a[0] is the input, a[L] is p. */
  private a: Float64Array[] = [];
  /** z of the output units, row-major (the loss is computed from it, without log(0)). */
  private zOut = new Float64Array(0);
  /** dZ of the current layer and of the one below (swapped as backpropagation descends). */
  private dz = new Float64Array(0);
  private dzBelow = new Float64Array(0);
  /** Labels of the current batch. */
  private yBatch = new Float64Array(0);
  /** What `evaluate` found: Σ loss, right answers. */
  private readonly evaluation = new Float64Array(2);
  /** What `evaluate` found per class: points labelled c, and those classified c among them. */
  private readonly classCount: Float64Array;
  private readonly classRight: Float64Array;

  /** The training set: rows of inputs (kept; pixels when a Uint8Array) and labels (copied). */
  private x: ArrayLike<number> = new Float64Array(0);
  private xPixels = false;
  private y = new Float64Array(0);
  private n = 0;
  /** This epoch's order of the training rows, and where the next batch starts (n: none left). */
  private order = new Int32Array(0);
  private cursor = 0;
  private rng: Rng;

  constructor(config: DenseNetConfig) {
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
    if (!(learningRate > 0) || !(l2 >= 0) || !Number.isInteger(batchSize) || batchSize < 0) {
      throw new RangeError('DenseNet: needs learningRate > 0, l2 ≥ 0 and a whole batchSize ≥ 0');
    }
    if (config.loss !== 'cross-entropy' && config.loss !== 'squared-error') {
      throw new RangeError(`DenseNet: unknown loss "${String(config.loss)}"`);
    }
    if (denseSlotCount(config.optimizer) === 0 && config.optimizer !== 'sgd') {
      throw new RangeError(`DenseNet: unknown optimizer "${String(config.optimizer)}"`);
    }
    this.sizes = sizes;
    this.loss = config.loss;
    this.optimizer = config.optimizer;
    this.learningRate = config.learningRate;
    this.l2 = config.l2;
    this.batchSize = config.batchSize;
    this.shuffleSeed = config.shuffleSeed;
    this.rng = createRng(config.shuffleSeed);
    this.softmax = sizes[L]! > 1;
    this.classes = this.softmax ? sizes[L]! : 2;
    this.classCount = new Float64Array(this.classes);
    this.classRight = new Float64Array(this.classes);

    this.act = new Int32Array(L);
    config.activations.forEach((name, l) => {
      const code = ACTIVATION_CODE[name];
      if (code === undefined) throw new RangeError(`DenseNet: unknown activation "${name}"`);
      this.act[l] = code;
    });
    this.act[L - 1] = this.softmax ? SOFTMAX : SIGMOID;
    this.kernelAt = new Int32Array(L);
    this.biasAt = new Int32Array(L);
    let offset = 0;
    for (let l = 0; l < L; l++) {
      this.kernelAt[l] = offset;
      offset += sizes[l]! * sizes[l + 1]!;
      this.biasAt[l] = offset;
      offset += sizes[l + 1]!;
    }
    this.parameterCount = offset;
    this.gradients = new Float64Array(offset);
    this.kernelsT = new Float64Array(offset);
    this.values = new Float32Array(offset * (1 + denseSlotCount(config.optimizer)));
    this.load(config.state);
    this.ensureCapacity(MIN_CHUNK);
  }

  /** Adam's step counter t (part of the packed state). */
  get adamStep(): number {
    return this.t;
  }

  /**
   * Training points: `x` row by row (sizes[0] numbers each; a typed array is kept, not copied —
   * do not change it while training — and a Uint8Array is read as pixels, fround(v/255)), `y` one
   * label 0 … classes − 1 each (copied).
   */
  setData(x: DenseInputs, y: ArrayLike<number>): void {
    const inputs = this.sizes[0]!;
    const n = y.length;
    if (x.length !== n * inputs) {
      throw new RangeError(
        `DenseNet.setData: ${n} labels need ${n * inputs} inputs, got ${x.length}`,
      );
    }
    this.checkLabels(y, 'setData');
    this.x = ArrayBuffer.isView(x) ? x : Float64Array.from(x);
    this.xPixels = isPixels(x);
    this.y = Float64Array.from(y);
    this.n = n;
    if (this.order.length !== n) this.order = new Int32Array(n);
    this.cursor = n; // a new epoch at the next mini-batch (the shuffling stream goes on)
    this.ensureCapacity(this.rows());
  }

  /** Examples per step with the current data: the batch size, or all of them (0 = full batch). */
  rows(): number {
    return this.batchSize === 0 ? this.n : Math.min(this.batchSize, this.n);
  }

  /**
   * One optimisation step on the next batch. Returns the rows it used (0, and no step, when there
   * is no training data).
   */
  step(): number {
    const rows = this.nextBatch();
    if (rows === 0) return 0;
    this.forward(rows);
    this.backward(rows);
    this.update();
    return rows;
  }

  /** `steps` optimisation steps. */
  train(steps: number): void {
    for (let s = 0; s < steps; s++) this.step();
  }

  /**
   * Mean loss and accuracy on the training set and on the test set (0 and 0 when it is empty or
   * missing), per-class accuracy, and the largest |weight or bias|. Cross-entropy straight from
   * the logits, which never overflows: one σ unit, with s = 1 − 2y,
   * −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = softplus(s·z), right when s·z < 0; a softmax,
   * −ln p_y = max + ln Σ e^{z_m − max} − z_y, right when z_y is the largest logit (the first
   * largest on a tie).
   */
  stats(
    trainX: DenseInputs,
    trainY: ArrayLike<number>,
    testX?: DenseInputs,
    testY?: ArrayLike<number>,
  ): DenseStats {
    const nTrain = trainY.length;
    this.evaluate(trainX, trainY);
    const trainLoss = this.evaluation[0]!;
    const trainRight = this.evaluation[1]!;
    const perClass = (): number[] =>
      Array.from(this.classCount, (count, c) => this.classRight[c]! / count);
    const trainClassAccuracy = perClass();
    const nTest = testX && testY ? testY.length : 0;
    let testLoss = 0;
    let testRight = 0;
    let testClassAccuracy: number[] = [];
    if (nTest > 0) {
      this.evaluate(testX!, testY!);
      testLoss = this.evaluation[0]!;
      testRight = this.evaluation[1]!;
      testClassAccuracy = perClass();
    }
    // The largest |θ|, NaN as soon as one parameter is NaN (so a broken run never looks fine).
    let maxWeight = 0;
    const v = this.values;
    for (let p = 0; p < this.parameterCount; p++) {
      const w = Math.abs(v[p]!);
      if (!(w <= maxWeight)) maxWeight = w;
    }
    return {
      trainLoss: nTrain > 0 ? trainLoss / nTrain : 0,
      trainAccuracy: nTrain > 0 ? trainRight / nTrain : 0,
      testLoss: nTest > 0 ? testLoss / nTest : 0,
      testAccuracy: nTest > 0 ? testRight / nTest : 0,
      maxWeight,
      trainClassAccuracy,
      testClassAccuracy,
    };
  }

  /**
   * The output for each row of `xy` (sizes[0] numbers a row) into `out`: one σ unit, p(class 1)
   * per row; a softmax, the k probabilities of each row in turn (`out[r·k + j]` = p(class j) of
   * row r). Returns `out`.
   */
  predictInto<T extends Float32Array | Float64Array>(xy: DenseInputs, out: T): T {
    const k = this.sizes[this.sizes.length - 1]!;
    const n = this.pointCount(xy, out.length / k);
    const L = this.sizes.length - 1;
    const p = this.a[L]!;
    for (let start = 0; start < n; start += this.capacity) {
      const count = Math.min(this.capacity, n - start);
      this.loadRows(xy, start, count);
      this.forward(count);
      const from = start * k;
      for (let q = 0; q < count * k; q++) out[from + q] = p[q]!;
    }
    return out;
  }

  /**
   * The confusion matrix of `labels` against the predicted classes of `xy`, counted into `out`
   * (classes × classes, zeroed first): `out[t·classes + c]` = points of class t predicted as c.
   */
  confusionInto<T extends Float32Array | Float64Array | Int32Array | Uint32Array>(
    xy: DenseInputs,
    labels: ArrayLike<number>,
    out: T,
  ): T {
    const k = this.classes;
    if (out.length !== k * k) {
      throw new RangeError(`DenseNet.confusionInto: out must hold ${k}×${k} counts`);
    }
    const n = labels.length;
    this.pointCount(xy, n);
    if (xy.length !== n * this.sizes[0]!) {
      throw new RangeError(`DenseNet.confusionInto: ${n} labels need ${n * this.sizes[0]!} inputs`);
    }
    this.checkLabels(labels, 'confusionInto');
    out.fill(0);
    for (let start = 0; start < n; start += this.capacity) {
      const count = Math.min(this.capacity, n - start);
      this.loadRows(xy, start, count);
      this.forward(count);
      for (let r = 0; r < count; r++) out[labels[start + r]! * k + this.predicted(r)]! += 1;
    }
    return out;
  }

  /**
   * Every hidden and output unit's activation at each row of `xy`: `out[ℓ][j][k]` is unit j of
   * layer ℓ + 1 (0 = the first hidden layer, the last = the output's p) at point k. Returns `out`.
   */
  activationsInto<T extends Float32Array | Float64Array>(
    xy: DenseInputs,
    out: readonly (readonly T[])[],
  ): readonly (readonly T[])[] {
    const L = this.sizes.length - 1;
    if (out.length !== L || out.some((units, l) => units.length !== this.sizes[l + 1])) {
      throw new RangeError(`DenseNet.activationsInto: out must be [layer][unit] arrays`);
    }
    let room = Infinity;
    for (const units of out) for (const unit of units) room = Math.min(room, unit.length);
    const n = this.pointCount(xy, room);
    for (let start = 0; start < n; start += this.capacity) {
      const count = Math.min(this.capacity, n - start);
      this.loadRows(xy, start, count);
      this.forward(count);
      for (let l = 0; l < L; l++) {
        const units = this.sizes[l + 1]!;
        const a = this.a[l + 1]!;
        for (let j = 0; j < units; j++) {
          const target = out[l]![j]!;
          for (let r = 0; r < count; r++) target[start + r] = a[r * units + j]!;
        }
      }
    }
    return out;
  }

  /** Set parameter `index` of the packed layout (kernels row-major, then biases) to `value`. */
  setParameter(index: number, value: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.parameterCount) {
      throw new RangeError(`DenseNet.setParameter: no parameter ${index}`);
    }
    if (!Number.isFinite(value))
      throw new RangeError('DenseNet.setParameter: value must be finite');
    this.values[index] = value;
  }

  /** A copy of the packed state. */
  state(): DenseState {
    return { values: this.values.slice(), adamStep: this.t };
  }

  /**
   * Load a packed state (copied): parameters, slots and Adam's t. The next mini-batch starts a
   * new epoch (the shuffling stream goes on, as after a divergence on tfjs).
   */
  load(state: DenseState): void {
    if (state.values.length !== this.values.length) {
      throw new RangeError(
        `DenseNet.load: a ${this.sizes.join('-')} network with ${this.optimizer} packs ` +
          `${this.values.length} numbers, got ${state.values.length}`,
      );
    }
    this.values.set(state.values);
    this.t = state.adamStep;
    this.cursor = this.n;
  }

  /** Load `state` and start the shuffling stream over from its seed: a fresh run. */
  reset(state: DenseState): void {
    this.load(state);
    this.rng = createRng(this.shuffleSeed);
  }

  // -------------------------------------------------------------------------------------------

  /** Make the scratch hold at least `rows` rows (allocates only when it grows). */
  private ensureCapacity(rows: number): void {
    if (rows <= this.capacity) return;
    const sizes = this.sizes;
    const widest = Math.max(...sizes);
    this.capacity = rows;
    this.a = sizes.map((units) => new Float64Array(rows * units));
    this.zOut = new Float64Array(rows * sizes[sizes.length - 1]!);
    this.dz = new Float64Array(rows * widest);
    this.dzBelow = new Float64Array(rows * widest);
    this.yBatch = new Float64Array(rows);
  }

  /**
   * Put the next batch in a[0] and yBatch; returns its rows. Full batch: every row in order.
   * Mini-batches: at each new epoch, a seeded Fisher–Yates shuffle of 0 … n − 1, cut into
   * consecutive batches (the last one shorter).
   */
  private nextBatch(): number {
    const n = this.n;
    const rows = this.rows();
    if (rows === 0) return 0;
    const inputs = this.sizes[0]!;
    const a0 = this.a[0]!;
    const x = this.x;
    const y = this.y;
    const yb = this.yBatch;
    if (rows >= n) {
      this.loadRows(x, 0, n);
      yb.set(y);
      return n;
    }
    const order = this.order;
    if (this.cursor >= n) {
      for (let i = 0; i < n; i++) order[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = this.rng.int(i + 1);
        const swap = order[i]!;
        order[i] = order[j]!;
        order[j] = swap;
      }
      this.cursor = 0;
    }
    const start = this.cursor;
    const count = Math.min(rows, n - start);
    const pixels = this.xPixels;
    for (let r = 0; r < count; r++) {
      const row = order[start + r]!;
      const to = r * inputs;
      const from = row * inputs;
      if (pixels) {
        for (let i = 0; i < inputs; i++) a0[to + i] = PIXEL[x[from + i]!]!;
      } else {
        for (let i = 0; i < inputs; i++) a0[to + i] = x[from + i]!;
      }
      yb[r] = y[row]!;
    }
    this.cursor = start + count;
    return count;
  }

  /** Rows `start … start + count − 1` of `xy` into a[0] (pixels read as fround(v/255)). */
  private loadRows(xy: DenseInputs, start: number, count: number): void {
    const inputs = this.sizes[0]!;
    const a0 = this.a[0]!;
    const from = start * inputs;
    if (isPixels(xy)) {
      for (let k = 0; k < count * inputs; k++) a0[k] = PIXEL[xy[from + k]!]!;
    } else {
      for (let k = 0; k < count * inputs; k++) a0[k] = xy[from + k]!;
    }
  }

  /** The class predicted for row r of the last forward pass: the largest logit's (first on a tie). */
  private predicted(r: number): number {
    if (!this.softmax) return this.zOut[r]! > 0 ? 1 : 0;
    const k = this.classes;
    const z = this.zOut;
    let best = 0;
    for (let j = 1; j < k; j++) if (z[r * k + j]! > z[r * k + best]!) best = j;
    return best;
  }

  /** Labels must be whole numbers 0 … classes − 1. */
  private checkLabels(labels: ArrayLike<number>, where: string): void {
    const k = this.classes;
    for (let r = 0; r < labels.length; r++) {
      const c = labels[r]!;
      if (!(Number.isInteger(c) && c >= 0 && c < k)) {
        throw new RangeError(
          `DenseNet.${where}: labels must be whole numbers 0 … ${k - 1}; label ${r} is ${c}`,
        );
      }
    }
  }

  /** Z⁽ℓ⁾ = A⁽ℓ⁻¹⁾W⁽ℓ⁾ + b⁽ℓ⁾, A⁽ℓ⁾ = f(Z⁽ℓ⁾) for the first `rows` rows of a[0]. */
  private forward(rows: number): void {
    const sizes = this.sizes;
    const v = this.values;
    const wT = this.kernelsT;
    const L = sizes.length - 1;
    // Wᵀ in Float64 (unit j's incoming weights contiguous): each z is then one dot product summed
    // in a register, instead of a read-modify-write of z for every input.
    for (let l = 0; l < L; l++) {
      const nIn = sizes[l]!;
      const units = sizes[l + 1]!;
      const k0 = this.kernelAt[l]!;
      for (let i = 0; i < nIn; i++) {
        for (let j = 0; j < units; j++) wT[k0 + j * nIn + i] = v[k0 + i * units + j]!;
      }
    }
    for (let l = 0; l < L; l++) {
      const nIn = sizes[l]!;
      const units = sizes[l + 1]!;
      const k0 = this.kernelAt[l]!;
      const b0 = this.biasAt[l]!;
      const input = this.a[l]!;
      // The output layer keeps z (for the loss) apart from p = σ(z).
      const z = l === L - 1 ? this.zOut : this.a[l + 1]!;
      for (let r = 0; r < rows; r++) {
        const zr = r * units;
        const ar = r * nIn;
        for (let j = 0; j < units; j++) {
          const wj = k0 + j * nIn;
          let sum = v[b0 + j]!;
          for (let i = 0; i < nIn; i++) sum += input[ar + i]! * wT[wj + i]!;
          z[zr + j] = sum;
        }
      }
      const a = this.a[l + 1]!;
      const count = rows * units;
      switch (this.act[l]) {
        case SIGMOID:
          for (let k = 0; k < count; k++) a[k] = sigmoid(z[k]!);
          break;
        case TANH:
          for (let k = 0; k < count; k++) a[k] = Math.tanh(z[k]!);
          break;
        case RELU:
          for (let k = 0; k < count; k++) a[k] = z[k]! > 0 ? z[k]! : 0;
          break;
        case LEAKY_RELU:
          for (let k = 0; k < count; k++) a[k] = z[k]! > 0 ? z[k]! : LEAKY_SLOPE * z[k]!;
          break;
        case SOFTMAX:
          // Row by row, p_j = e^{z_j − max} / Σ_m e^{z_m − max}: the max keeps every e^… ≤ 1.
          for (let r = 0; r < rows; r++) {
            const zr = r * units;
            let max = z[zr]!;
            for (let j = 1; j < units; j++) if (z[zr + j]! > max) max = z[zr + j]!;
            let sum = 0;
            for (let j = 0; j < units; j++) {
              const e = Math.exp(z[zr + j]! - max);
              a[zr + j] = e;
              sum += e;
            }
            const inv = 1 / sum;
            for (let j = 0; j < units; j++) a[zr + j]! *= inv;
          }
          break;
        default: // linear: a = z, already in place
      }
    }
  }

  /** Backpropagation of the batch's mean loss (plus L2) into `gradients`. */
  private backward(rows: number): void {
    const sizes = this.sizes;
    const v = this.values;
    const g = this.gradients;
    const L = sizes.length - 1;
    const p = this.a[L]!;
    const y = this.yBatch;
    let dz = this.dz;
    let below = this.dzBelow;
    const inv = 1 / rows;
    if (this.softmax) {
      // dz at a softmax output, e = onehot(y): (p − e)/n for cross-entropy; for squared error,
      // p_j (g_j − Σ_m p_m g_m)/n with g = 2(p − e) (the softmax's Jacobian).
      const k = this.classes;
      for (let r = 0; r < rows; r++) {
        const at = r * k;
        const label = at + y[r]!;
        if (this.loss === 'cross-entropy') {
          for (let q = at; q < at + k; q++) dz[q] = p[q]! * inv;
          dz[label]! -= inv;
        } else {
          let dot = 0;
          for (let q = at; q < at + k; q++) {
            const gq = 2 * (p[q]! - (q === label ? 1 : 0));
            dz[q] = gq;
            dot += p[q]! * gq;
          }
          for (let q = at; q < at + k; q++) dz[q] = p[q]! * (dz[q]! - dot) * inv;
        }
      }
    } else if (this.loss === 'cross-entropy') {
      // dz at the sigmoid output: (p − y)/n for cross-entropy (σ′ cancels against ∂ℓ/∂p), and
      // 2(p − y)·p(1 − p)/n for squared error.
      for (let r = 0; r < rows; r++) dz[r] = (p[r]! - y[r]!) * inv;
    } else {
      for (let r = 0; r < rows; r++) {
        const pr = p[r]!;
        dz[r] = 2 * (pr - y[r]!) * pr * (1 - pr) * inv;
      }
    }
    const twoL2 = 2 * this.l2;
    for (let l = L - 1; l >= 0; l--) {
      const nIn = sizes[l]!;
      const units = sizes[l + 1]!;
      const k0 = this.kernelAt[l]!;
      const b0 = this.biasAt[l]!;
      const input = this.a[l]!;
      // ∂L/∂W = Aᵀ·dZ: kernel[i·units + j] gets Σ_r a_ri · dz_rj; ∂L/∂b = Σ_rows dZ.
      // L2 on the kernel adds ∂(λ·Σw²)/∂w = 2λw.
      const end = rows * units;
      for (let j = 0; j < units; j++) {
        let sum = 0;
        for (let k = j; k < end; k += units) sum += dz[k]!;
        g[b0 + j] = sum;
      }
      for (let i = 0; i < nIn; i++) {
        for (let j = 0; j < units; j++) {
          const w = k0 + i * units + j;
          let sum = twoL2 * v[w]!;
          for (let ka = i, kz = j; kz < end; ka += nIn, kz += units) sum += input[ka]! * dz[kz]!;
          g[w] = sum;
        }
      }
      if (l === 0) break;
      // The error sent one layer back: ∂L/∂A⁽ℓ⁻¹⁾ = dZ·Wᵀ (with W before this step's update)…
      for (let r = 0; r < rows; r++) {
        const zr = r * units;
        const ar = r * nIn;
        for (let i = 0; i < nIn; i++) {
          const wi = k0 + i * units;
          let sum = 0;
          for (let j = 0; j < units; j++) sum += dz[zr + j]! * v[wi + j]!;
          below[ar + i] = sum;
        }
      }
      // …times f′ of that layer, written from its output a: dZ⁽ℓ⁻¹⁾ = ∂L/∂A⁽ℓ⁻¹⁾ ⊙ f′.
      const count = rows * nIn;
      switch (this.act[l - 1]) {
        case SIGMOID:
          for (let k = 0; k < count; k++) below[k]! *= input[k]! * (1 - input[k]!);
          break;
        case TANH:
          for (let k = 0; k < count; k++) below[k]! *= 1 - input[k]! * input[k]!;
          break;
        case RELU:
          for (let k = 0; k < count; k++) if (!(input[k]! > 0)) below[k] = 0;
          break;
        case LEAKY_RELU: // a > 0 exactly where z > 0
          for (let k = 0; k < count; k++) if (!(input[k]! > 0)) below[k]! *= LEAKY_SLOPE;
          break;
        default: // linear: f′ = 1
      }
      const swap = dz;
      dz = below;
      below = swap;
    }
  }

  /** Move every parameter with its gradient (see the module comment for each optimizer). */
  private update(): void {
    const v = this.values;
    const g = this.gradients;
    const P = this.parameterCount;
    const lr = this.learningRate;
    if (this.optimizer === 'sgd') {
      for (let k = 0; k < P; k++) v[k]! -= lr * g[k]!;
    } else if (this.optimizer === 'momentum') {
      for (let k = 0; k < P; k++) {
        // The velocity as stored (Float32), as tfjs subtracts the stored velocity.
        const velocity = Math.fround(MOMENTUM * v[P + k]! + lr * g[k]!);
        v[P + k] = velocity;
        v[k]! -= velocity;
      }
    } else {
      this.t += 1;
      const t = this.t;
      const c2 = Math.sqrt(1 - ADAM.beta2 ** t);
      const stepSize = (lr * c2) / (1 - ADAM.beta1 ** t);
      const epsilon = ADAM.epsilon * c2;
      const b1 = 1 - ADAM.beta1;
      const b2 = 1 - ADAM.beta2;
      const M = P;
      const V = 2 * P;
      for (let k = 0; k < P; k++) {
        const gk = g[k]!;
        const m = Math.fround(v[M + k]! + b1 * (gk - v[M + k]!));
        const s = Math.fround(v[V + k]! + b2 * (gk * gk - v[V + k]!));
        v[M + k] = m;
        v[V + k] = s;
        v[k]! -= (m / (Math.sqrt(s) + epsilon)) * stepSize;
      }
    }
  }

  /**
   * Σ loss and the number of right answers over `xy`/`labels`, into `evaluation` (run forward in
   * chunks of the scratch's rows).
   */
  private evaluate(xy: DenseInputs, labels: ArrayLike<number>): void {
    const n = labels.length;
    if (xy.length !== n * this.sizes[0]!) {
      throw new RangeError(`DenseNet.stats: ${n} labels need ${n * this.sizes[0]!} inputs`);
    }
    this.checkLabels(labels, 'stats');
    const L = this.sizes.length - 1;
    const p = this.a[L]!;
    const z = this.zOut;
    const k = this.sizes[L]!;
    const crossEntropy = this.loss === 'cross-entropy';
    const classCount = this.classCount.fill(0);
    const classRight = this.classRight.fill(0);
    let loss = 0;
    let right = 0;
    for (let start = 0; start < n; start += this.capacity) {
      const count = Math.min(this.capacity, n - start);
      this.loadRows(xy, start, count);
      this.forward(count);
      for (let r = 0; r < count; r++) {
        const y = labels[start + r]!;
        if (this.softmax) {
          const at = r * k;
          if (crossEntropy) {
            let max = z[at]!;
            for (let j = 1; j < k; j++) if (z[at + j]! > max) max = z[at + j]!;
            let sum = 0;
            for (let j = 0; j < k; j++) sum += Math.exp(z[at + j]! - max);
            loss += max + Math.log(sum) - z[at + y]!;
          } else {
            for (let j = 0; j < k; j++) {
              const e = p[at + j]! - (j === y ? 1 : 0);
              loss += e * e;
            }
          }
        } else if (crossEntropy) {
          loss += softplus((1 - 2 * y) * z[r]!);
        } else {
          const e = p[r]! - y;
          loss += e * e;
        }
        classCount[y]! += 1;
        // One σ unit: right when s·z < 0 (z = 0 is wrong for either label, as on tfjs).
        if (this.softmax ? this.predicted(r) === y : (1 - 2 * y) * z[r]! < 0) {
          right++;
          classRight[y]! += 1;
        }
      }
    }
    this.evaluation[0] = loss;
    this.evaluation[1] = right;
  }

  /** Points in `xy`, after checking it holds whole rows and `room` has space for them. */
  private pointCount(xy: ArrayLike<number>, room: number): number {
    const inputs = this.sizes[0]!;
    const n = xy.length / inputs;
    if (!Number.isInteger(n)) {
      throw new RangeError(`DenseNet: expected rows of ${inputs} inputs, got ${xy.length} numbers`);
    }
    if (room < n) throw new RangeError(`DenseNet: ${n} points do not fit an output of ${room}`);
    return n;
  }
}
