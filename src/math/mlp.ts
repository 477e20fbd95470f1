/**
 * A multilayer perceptron written from scratch on Float32Arrays: forward pass, backpropagation
 * and stochastic gradient descent, with nothing hidden in a library. Lesson 7 shows its core to
 * students as "this is all backpropagation is".
 *
 * Notation. Layer ℓ = 1 … L has a weight matrix W⁽ℓ⁾ (one row per neuron, one column per input),
 * a bias vector b⁽ℓ⁾ and an activation f. An input x = a⁽⁰⁾ flows forward:
 *
 *   z⁽ℓ⁾ = W⁽ℓ⁾ a⁽ℓ⁻¹⁾ + b⁽ℓ⁾,   a⁽ℓ⁾ = f(z⁽ℓ⁾)          (the output layer uses σ)
 *
 * Backpropagation runs the chain rule backwards, one layer at a time, on the errors
 * δ⁽ℓ⁾ = ∂loss/∂z⁽ℓ⁾:
 *
 *   δ⁽ᴸ⁾ = ∂loss/∂a⁽ᴸ⁾ ⊙ σ′(z⁽ᴸ⁾)                      (at the output)
 *   δ⁽ℓ⁾ = (W⁽ℓ⁺¹⁾ᵀ δ⁽ℓ⁺¹⁾) ⊙ f′(z⁽ℓ⁾)                 (one layer back)
 *   ∂loss/∂W⁽ℓ⁾ = δ⁽ℓ⁾ a⁽ℓ⁻¹⁾ᵀ,   ∂loss/∂b⁽ℓ⁾ = δ⁽ℓ⁾
 *
 * and gradient descent moves every parameter against its gradient: θ ← θ − η ∂L/∂θ.
 *
 * The loss of a batch of n examples is the mean of the examples' losses, either
 *   squared error   ℓ = (ŷ − y)²
 *   cross-entropy   ℓ = −y log ŷ − (1 − y) log(1 − ŷ)
 *
 * Fast enough to train in the browser at thousands of steps per second: every buffer is allocated
 * once, in the constructor and in `setData`, and the training loop allocates nothing.
 *
 * Pure TypeScript: no DOM, no tensors.
 */
import { sigmoid } from './activations';
import type { ActivationName } from './activations';
import { createRng } from './rng';
import type { Rng } from './rng';

/**
 * The activation of the hidden layers (the output layer is always a sigmoid): three of the
 * course's activations (`ACTIVATIONS` in activations.ts).
 */
export type HiddenActivation = Extract<ActivationName, 'sigmoid' | 'tanh' | 'relu'>;
/** The loss: 'squared-error' (ŷ − y)² or 'cross-entropy' −y log ŷ − (1 − y) log(1 − ŷ). */
export type LossName = 'squared-error' | 'cross-entropy';

export interface MlpConfig {
  /** Layer sizes from the input to the output, e.g. [2, 8, 8, 1]. */
  sizes: readonly number[];
  /** Activation of the hidden layers. Default 'tanh'. */
  activation?: HiddenActivation;
  /** Default 'cross-entropy'. */
  loss?: LossName;
  /** The step size η of gradient descent. Default 0.5. */
  learningRate?: number;
  /** Examples per step; 0 (the default) or more than the data holds means the full batch. */
  batchSize?: number;
  /** Seed of the initial weights and of the mini-batch shuffling. Default 1. */
  seed?: number;
}

/** Training data: inputs row by row (n × inputs) and targets row by row (n × outputs). */
export interface TrainingData {
  xs: Float32Array;
  ys: Float32Array;
}

/** Points of the plane with a 0/1 label (as `datasets.ts` makes them) as training arrays. */
export function pointsToArrays(
  points: readonly { x: number; y: number; label: number }[],
): TrainingData {
  const xs = new Float32Array(points.length * 2);
  const ys = new Float32Array(points.length);
  points.forEach((p, i) => {
    xs[2 * i] = p.x;
    xs[2 * i + 1] = p.y;
    ys[i] = p.label;
  });
  return { xs, ys };
}

const ACTIVATION_CODE: Record<HiddenActivation, number> = { sigmoid: 0, tanh: 1, relu: 2 };

/** log(1 + eᶻ) without overflow: max(z, 0) + log(1 + e^(−|z|)). */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

export class Mlp {
  readonly sizes: readonly number[];
  readonly activation: HiddenActivation;
  readonly loss: LossName;
  /** The step size η. May be changed between steps. */
  learningRate: number;
  /** Examples per step (0: the full batch). May be changed between steps. */
  batchSize: number;
  /** Steps taken by `train` so far. */
  steps = 0;

  /**
   * W⁽ℓ⁺¹⁾ for ℓ = 0 … L − 1: `weights[ℓ][j · sizes[ℓ] + i]` is the weight from neuron i of layer ℓ
   * into neuron j of layer ℓ + 1 (row-major, one row per neuron).
   */
  readonly weights: Float32Array[];
  /** b⁽ℓ⁺¹⁾: `biases[ℓ][j]` is the bias of neuron j of layer ℓ + 1. */
  readonly biases: Float32Array[];
  /** ∂L/∂W, filled by `computeGradients` (same layout as `weights`). */
  readonly weightGrads: Float32Array[];
  /** ∂L/∂b, filled by `computeGradients`. */
  readonly biasGrads: Float32Array[];

  /** a⁽ℓ⁾ for one example (a⁽⁰⁾ is the input). */
  private readonly a: Float64Array[];
  /** δ⁽ℓ⁾ = ∂ℓ/∂z⁽ℓ⁾ for one example (δ[0] is unused). */
  private readonly delta: Float64Array[];
  /** z of the output layer, kept for a cross-entropy that never takes log(0). */
  private readonly zOut: Float64Array;
  private readonly act: number;
  private readonly rng: Rng;
  private data: TrainingData | undefined;
  /** The order of the examples in the current epoch (shuffled for mini-batches). */
  private order = new Uint32Array(0);
  private cursor = 0;

  constructor(config: MlpConfig) {
    const sizes = [...config.sizes];
    if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
      throw new RangeError(
        `an MLP needs at least two layer sizes, each a whole number ≥ 1; got [${sizes.join(', ')}]`,
      );
    }
    this.sizes = sizes;
    this.activation = config.activation ?? 'tanh';
    this.loss = config.loss ?? 'cross-entropy';
    this.learningRate = config.learningRate ?? 0.5;
    this.batchSize = config.batchSize ?? 0;
    this.act = ACTIVATION_CODE[this.activation];
    this.rng = createRng(config.seed ?? 1);

    const layers = sizes.length - 1;
    this.weights = [];
    this.biases = [];
    for (let l = 0; l < layers; l++) {
      const nIn = sizes[l]!;
      const nOut = sizes[l + 1]!;
      // Glorot (tanh, sigmoid) or He (ReLU) scaling keeps the variance of z near 1 in every layer,
      // so the first steps neither saturate the neurons nor vanish.
      const relu = this.activation === 'relu' && l < layers - 1;
      const std = relu ? Math.sqrt(2 / nIn) : Math.sqrt(2 / (nIn + nOut));
      const w = new Float32Array(nIn * nOut);
      for (let k = 0; k < w.length; k++) w[k] = std * this.rng.normal();
      this.weights.push(w);
      this.biases.push(new Float32Array(nOut));
    }
    this.weightGrads = this.weights.map((w) => new Float32Array(w.length));
    this.biasGrads = this.biases.map((b) => new Float32Array(b.length));
    this.a = sizes.map((n) => new Float64Array(n));
    this.delta = sizes.map((n) => new Float64Array(n));
    this.zOut = new Float64Array(sizes[layers]!);
  }

  /** Number of inputs and outputs. */
  get inputs(): number {
    return this.sizes[0]!;
  }
  get outputs(): number {
    return this.sizes[this.sizes.length - 1]!;
  }

  /** The data `train` learns from. Starts a new epoch. */
  setData(xs: Float32Array, ys: Float32Array): void {
    const n = this.checkData(xs, ys);
    this.data = { xs, ys };
    this.order = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i;
    this.cursor = 0;
    if (this.isMiniBatch(n)) this.shuffle();
  }

  /**
   * Take `steps` steps of gradient descent on the data of `setData`: each computes the gradient
   * on a batch and moves every parameter against it. Returns the loss of the last batch (measured
   * before its update), or NaN if there was no step.
   */
  train(steps: number): number {
    const data = this.data;
    if (!data) throw new Error('call setData(xs, ys) before train()');
    const n = this.order.length;
    let loss = NaN;
    for (let s = 0; s < steps; s++) {
      const size = this.isMiniBatch(n) ? Math.min(this.batchSize, n - this.cursor) : n;
      loss = this.computeGradients(data.xs, data.ys, this.order, this.cursor, size);
      this.applyGradients();
      this.steps++;
      if (size < n) {
        this.cursor += size;
        if (this.cursor >= n) {
          this.cursor = 0;
          this.shuffle();
        }
      }
    }
    return loss;
  }

  /** The network's output for one input (its first output, for a network with several). */
  predict(input: ArrayLike<number>): number {
    this.forward(input, 0);
    return this.a[this.a.length - 1]![0]!;
  }

  /** Outputs for n inputs given row by row; writes `out` (n × outputs) and returns it. */
  predictInto(
    xs: Float32Array,
    out = new Float32Array((xs.length / this.inputs) * this.outputs),
  ): Float32Array {
    const n = xs.length / this.inputs;
    const k = this.outputs;
    const last = this.a[this.a.length - 1]!;
    for (let r = 0; r < n; r++) {
      this.forward(xs, r * this.inputs);
      for (let j = 0; j < k; j++) out[r * k + j] = last[j]!;
    }
    return out;
  }

  /** The mean loss over the examples. */
  lossOf(xs: Float32Array, ys: Float32Array): number {
    const n = this.checkData(xs, ys);
    let total = 0;
    for (let r = 0; r < n; r++) {
      this.forward(xs, r * this.inputs);
      total += this.exampleLoss(ys, r * this.outputs);
    }
    return total / n;
  }

  /** The share of examples whose output is on the right side of 0.5. */
  accuracy(xs: Float32Array, ys: Float32Array): number {
    const n = this.checkData(xs, ys);
    const k = this.outputs;
    const last = this.a[this.a.length - 1]!;
    let right = 0;
    for (let r = 0; r < n; r++) {
      this.forward(xs, r * this.inputs);
      for (let j = 0; j < k; j++) if (last[j]! >= 0.5 === ys[r * k + j]! >= 0.5) right++;
    }
    return right / (n * k);
  }

  /**
   * Backpropagation over a batch: fill `weightGrads` and `biasGrads` with the gradient of the
   * batch's mean loss, and return that loss. The batch is `count` examples, the rows
   * `order[start]`, `order[start + 1]`, … (all of them, in order, by default).
   */
  computeGradients(
    xs: Float32Array,
    ys: Float32Array,
    order?: Uint32Array,
    start = 0,
    count = xs.length / this.inputs - start,
  ): number {
    for (const g of this.weightGrads) g.fill(0);
    for (const g of this.biasGrads) g.fill(0);
    let total = 0;
    for (let s = start; s < start + count; s++) {
      const r = order ? order[s]! : s;
      this.forward(xs, r * this.inputs);
      total += this.exampleLoss(ys, r * this.outputs);
      this.backward(ys, r * this.outputs, 1 / count);
    }
    return total / count;
  }

  /** One step of gradient descent: θ ← θ − η ∂L/∂θ for every weight and bias. */
  applyGradients(): void {
    const eta = this.learningRate;
    for (let l = 0; l < this.weights.length; l++) {
      const w = this.weights[l]!;
      const gw = this.weightGrads[l]!;
      for (let k = 0; k < w.length; k++) w[k]! -= eta * gw[k]!;
      const b = this.biases[l]!;
      const gb = this.biasGrads[l]!;
      for (let k = 0; k < b.length; k++) b[k]! -= eta * gb[k]!;
    }
  }

  /** Forward pass for the input at `x[offset …]`: z⁽ℓ⁾ = W⁽ℓ⁾a⁽ℓ⁻¹⁾ + b⁽ℓ⁾, a⁽ℓ⁾ = f(z⁽ℓ⁾). */
  private forward(x: ArrayLike<number>, offset: number): void {
    const a0 = this.a[0]!;
    for (let i = 0; i < a0.length; i++) a0[i] = x[offset + i]!;
    const layers = this.weights.length;
    const act = this.act;
    for (let l = 0; l < layers; l++) {
      const W = this.weights[l]!;
      const b = this.biases[l]!;
      const aIn = this.a[l]!;
      const aOut = this.a[l + 1]!;
      const nIn = aIn.length;
      const output = l === layers - 1;
      for (let j = 0; j < aOut.length; j++) {
        let z = b[j]!;
        for (let i = 0, row = j * nIn; i < nIn; i++) z += W[row + i]! * aIn[i]!;
        if (output) {
          this.zOut[j] = z;
          aOut[j] = sigmoid(z);
        } else {
          aOut[j] = act === 0 ? sigmoid(z) : act === 1 ? Math.tanh(z) : z > 0 ? z : 0;
        }
      }
    }
  }

  /**
   * Backward pass for the example just sent forward, adding `scale` × its gradient to the
   * gradient buffers (scale = 1/n makes them the gradient of the batch's mean loss).
   */
  private backward(ys: Float32Array, offset: number, scale: number): void {
    const L = this.weights.length;
    const yHat = this.a[L]!;
    const deltaOut = this.delta[L]!;
    // δ⁽ᴸ⁾ = ∂ℓ/∂z at the sigmoid output, where σ′(z) = ŷ(1 − ŷ):
    //   squared error: ∂ℓ/∂ŷ = 2(ŷ − y), so δ = 2(ŷ − y) · ŷ(1 − ŷ)
    //   cross-entropy: ∂ℓ/∂ŷ = (ŷ − y) / (ŷ(1 − ŷ)), so σ′ cancels and δ = ŷ − y
    for (let j = 0; j < yHat.length; j++) {
      const p = yHat[j]!;
      const y = ys[offset + j]!;
      const d = this.loss === 'cross-entropy' ? p - y : 2 * (p - y) * p * (1 - p);
      deltaOut[j] = scale * d;
    }
    const act = this.act;
    for (let l = L - 1; l >= 0; l--) {
      const W = this.weights[l]!;
      const gW = this.weightGrads[l]!;
      const gb = this.biasGrads[l]!;
      const delta = this.delta[l + 1]!;
      const aIn = this.a[l]!;
      const back = this.delta[l]!; // becomes Wᵀδ, then δ⁽ℓ⁻¹⁾
      const nIn = aIn.length;
      back.fill(0);
      // One pass over W⁽ℓ⁾ does both products of the chain rule:
      //   ∂L/∂W⁽ℓ⁾ += δ⁽ℓ⁾ a⁽ℓ⁻¹⁾ᵀ,   ∂L/∂b⁽ℓ⁾ += δ⁽ℓ⁾,   and   Wᵀδ⁽ℓ⁾ for the layer below
      for (let j = 0; j < delta.length; j++) {
        const dj = delta[j]!;
        gb[j]! += dj;
        for (let i = 0, row = j * nIn; i < nIn; i++) {
          gW[row + i]! += dj * aIn[i]!;
          back[i]! += W[row + i]! * dj;
        }
      }
      if (l === 0) break;
      // δ⁽ℓ⁻¹⁾ = (W⁽ℓ⁾ᵀ δ⁽ℓ⁾) ⊙ f′(z⁽ℓ⁻¹⁾), with f′ written from a = f(z):
      //   σ′ = a(1 − a),  tanh′ = 1 − a²,  ReLU′ = 1 where a > 0, else 0
      for (let i = 0; i < nIn; i++) {
        const a = aIn[i]!;
        back[i]! *= act === 0 ? a * (1 - a) : act === 1 ? 1 - a * a : a > 0 ? 1 : 0;
      }
    }
  }

  /** The loss of the example just sent forward, summed over the outputs. */
  private exampleLoss(ys: Float32Array, offset: number): number {
    const yHat = this.a[this.a.length - 1]!;
    let total = 0;
    for (let j = 0; j < yHat.length; j++) {
      const y = ys[offset + j]!;
      if (this.loss === 'cross-entropy') {
        // −y log σ(z) − (1 − y) log(1 − σ(z)) = softplus(z) − y·z, exact for any z: no log(0).
        const z = this.zOut[j]!;
        total += softplus(z) - y * z;
      } else {
        const e = yHat[j]! - y;
        total += e * e;
      }
    }
    return total;
  }

  private isMiniBatch(n: number): boolean {
    return this.batchSize > 0 && this.batchSize < n;
  }

  /** Fisher–Yates shuffle of the epoch's order, from the seeded generator. */
  private shuffle(): void {
    const order = this.order;
    for (let i = order.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
  }

  /** The number of examples, after checking that xs and ys agree with the layer sizes. */
  private checkData(xs: Float32Array, ys: Float32Array): number {
    const n = xs.length / this.inputs;
    if (!Number.isInteger(n) || ys.length !== n * this.outputs || n === 0) {
      throw new RangeError(
        `training data does not fit a ${this.sizes.join('-')} network: ${xs.length} input numbers ` +
          `(${this.inputs} per example) and ${ys.length} targets (${this.outputs} per example)`,
      );
    }
    return n;
  }
}
