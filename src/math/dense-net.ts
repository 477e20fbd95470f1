/**
 * A dense network trained from scratch on Float32Arrays: the same maths as the tfjs engine
 * (src/train/network.ts and trainer.ts), without a single tensor op. Small networks are dominated by
 * tfjs's per-op dispatch (a few microseconds each, ~0.3 ms a step); plain loops over a 2-8-8-1
 * network take a few microseconds for the whole step.
 *
 * Notation (row-major, a batch of n examples as rows). Layer ℓ = 1 … L has a kernel W⁽ℓ⁾ of
 * shape [inputs × units] — `W[i·units + j]` is the weight from input i into unit j — a bias b⁽ℓ⁾
 * and an activation f. Any number of inputs. The output layer is ONE sigmoid unit (two classes,
 * labels 0/1, p = p(class 1)), a softmax over k ≥ 2 units (k classes, labels 0 … k − 1,
 * p_j = p(class j)), or for regression ONE linear unit (real labels, ŷ = z). An input batch
 * A⁽⁰⁾ = X flows forward:
 *
 *   Z⁽ℓ⁾ = A⁽ℓ⁻¹⁾ W⁽ℓ⁾ + b⁽ℓ⁾,   A⁽ℓ⁾ = f(Z⁽ℓ⁾) ⊙ M⁽ℓ⁾,   p = σ(z⁽ᴸ⁾), softmax(z⁽ᴸ⁾) or z⁽ᴸ⁾
 *
 * where M⁽ℓ⁾ is inverted dropout on a hidden layer with rate r, in training steps only: each entry
 * 0 with probability r, else 1/(1 − r) (so E[A] is unchanged and nothing is rescaled when
 * predicting); drawn from a seeded stream of its own, so a run is reproducible. Without dropout,
 * and always when predicting or measuring, M = 1.
 *
 * The loss of a batch is the mean of the examples' losses (the data loss; dense-net-output.ts has
 * each output's loss and its ∂L/∂z), plus λ·Σ‖W‖² (L2) and λ₁·Σ|W| (L1), on the kernels only (biases
 * are not regularised). A point counts as right when its largest logit is its label's (with one
 * sigmoid unit: when z and 2y − 1 agree in sign); regression has no accuracy (reported as 0).
 *
 * Backpropagation, with dZ⁽ℓ⁾ = ∂L/∂Z⁽ℓ⁾ (one row per example):
 *
 *   ∂L/∂W⁽ℓ⁾ = A⁽ℓ⁻¹⁾ᵀ dZ⁽ℓ⁾ + 2λW⁽ℓ⁾ + λ₁ sign(W⁽ℓ⁾),   ∂L/∂b⁽ℓ⁾ = Σ_rows dZ⁽ℓ⁾
 *   dZ⁽ℓ⁻¹⁾ = (dZ⁽ℓ⁾ W⁽ℓ⁾ᵀ) ⊙ M⁽ℓ⁻¹⁾ ⊙ f′, with f′ written from a = f(z) (before the dropout mask):
 *             σ′ = a(1 − a),  tanh′ = 1 − a²,  ReLU′ = [a > 0],  leaky ReLU′ = 1 if a > 0 else
 *             LEAKY_SLOPE (0.01),  linear′ = 1
 *
 * and the optimizer (sgd, momentum, adam: dense-net-optimizer.ts) moves every parameter θ with its
 * gradient g = ∂L/∂θ, exactly as tfjs (and network.ts) do.
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
import { DenseForward } from './dense-net-forward';
import { timesSlope } from './dense-net-layers';
import { optimizerStep, penaltyGradient } from './dense-net-optimizer';
import { outputGradient } from './dense-net-output';
import { TrainingRows } from './dense-net-rows';
import type { DenseInputs, DenseNetConfig, DenseState } from './dense-net-types';
import { createRng } from './rng';

export { DenseForward } from './dense-net-forward';
export { ADAM, MOMENTUM, denseSlotCount } from './dense-net-optimizer';
export type { DenseOptimizer } from './dense-net-optimizer';
export type {
  DenseActivation,
  DenseInputs,
  DenseLoss,
  DenseNetConfig,
  DenseState,
  DenseStats,
  DenseTask,
} from './dense-net-types';

/** Parameters (weights and biases) of a network with these layer sizes. */
export function denseParameterCount(sizes: readonly number[]): number {
  let count = 0;
  for (let l = 1; l < sizes.length; l++) count += (sizes[l - 1]! + 1) * sizes[l]!;
  return count;
}

export class DenseNet extends DenseForward {
  /**
   * ∂L/∂θ of the last step, in the packed layout of the parameters: the gradient of the batch's
   * mean loss plus the penalties' 2λw + λ₁·sign(w) on kernels — unscaled by the learning rate.
   */
  readonly gradients: Float64Array;

  private t = 0;
  /** dZ of the current layer and of the one below (swapped as backpropagation descends). */
  private dz = new Float64Array(0);
  private dzBelow = new Float64Array(0);
  /** Labels of the current batch. */
  private yBatch = new Float64Array(0);
  /** The training set and the order of its batches. */
  private readonly data: TrainingRows;

  constructor(config: DenseNetConfig) {
    super(config);
    this.gradients = new Float64Array(this.parameterCount);
    this.data = new TrainingRows(this.sizes[0]!, config.shuffleSeed);
    this.load(config.state);
    this.grow(this.capacity);
  }

  /** Adam's step counter t (part of the packed state). */
  get adamStep(): number {
    return this.t;
  }

  /**
   * Training points: `x` row by row (sizes[0] numbers each; a typed array is kept, not copied —
   * do not change it while training — and a Uint8Array is read as pixels, fround(v/255)), `y` one
   * label 0 … classes − 1 each, or a real number for regression (copied).
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
    this.data.set(x, y); // a new epoch at the next mini-batch (the shuffling stream goes on)
    this.grow(this.rows());
    this.ensureCapacity(this.rows());
  }

  /** Examples per step with the current data: the batch size, or all of them (0 = full batch). */
  rows(): number {
    const n = this.data.n;
    return this.batchSize === 0 ? n : Math.min(this.batchSize, n);
  }

  /**
   * One optimisation step on the next batch. Returns the rows it used (0, and no step, when there
   * is no training data).
   */
  step(): number {
    const rows = this.data.next(this.rows(), this.a[0]!, this.yBatch);
    if (rows === 0) return 0;
    this.forward(rows, this.dropping);
    this.backward(rows);
    this.t = optimizerStep(
      this.optimizer,
      this.values,
      this.gradients,
      this.parameterCount,
      this.learningRate,
      this.t,
    );
    return rows;
  }

  /** `steps` optimisation steps. */
  train(steps: number): void {
    for (let s = 0; s < steps; s++) this.step();
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
    this.data.newEpoch();
  }

  /** Load `state` and start the shuffling stream over from its seed: a fresh run. */
  reset(state: DenseState): void {
    this.load(state);
    this.data.reseed();
    this.dropRng = createRng(this.dropoutSeed);
  }

  // -------------------------------------------------------------------------------------------

  /** Make the scratch (the forward's and backpropagation's) hold at least `rows` rows. */
  private grow(rows: number): void {
    this.ensureCapacity(rows);
    if (this.yBatch.length === this.capacity) return;
    const widest = Math.max(...this.sizes);
    this.dz = new Float64Array(this.capacity * widest);
    this.dzBelow = new Float64Array(this.capacity * widest);
    this.yBatch = new Float64Array(this.capacity);
  }

  /** Backpropagation of the batch's mean loss (plus the penalties) into `gradients`. */
  private backward(rows: number): void {
    const sizes = this.sizes;
    const v = this.values;
    const g = this.gradients;
    const L = sizes.length - 1;
    let dz = this.dz;
    let below = this.dzBelow;
    outputGradient(this.output, this.loss, this.a[L]!, this.yBatch, dz, rows, sizes[L]!);
    const twoL2 = 2 * this.l2;
    const l1 = this.l1;
    for (let l = L - 1; l >= 0; l--) {
      const nIn = sizes[l]!;
      const units = sizes[l + 1]!;
      const k0 = this.kernelAt[l]!;
      const b0 = this.biasAt[l]!;
      const input = this.a[l]!;
      // ∂L/∂W = Aᵀ·dZ: kernel[i·units + j] gets Σ_r a_ri · dz_rj; ∂L/∂b = Σ_rows dZ.
      // The penalties on the kernel add 2λw + λ₁·sign(w) (dense-net-optimizer.ts).
      const end = rows * units;
      for (let j = 0; j < units; j++) {
        let sum = 0;
        for (let k = j; k < end; k += units) sum += dz[k]!;
        g[b0 + j] = sum;
      }
      for (let i = 0; i < nIn; i++) {
        for (let j = 0; j < units; j++) {
          const w = k0 + i * units + j;
          let sum = penaltyGradient(v[w]!, twoL2, l1);
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
      // …times that layer's dropout mask, if it has one, and its f′, written from its output a
      // before the mask: dZ⁽ℓ⁻¹⁾ = ∂L/∂A⁽ℓ⁻¹⁾ ⊙ M ⊙ f′.
      const count = rows * nIn;
      let out = input;
      if (this.dropping && this.dropout[l - 1]! > 0) {
        const mask = this.mask[l]!;
        for (let k = 0; k < count; k++) below[k]! *= mask[k]!;
        out = this.pre[l]!;
      }
      timesSlope(this.act[l - 1]!, out, below, count);
      const swap = dz;
      dz = below;
      below = swap;
    }
  }
}
