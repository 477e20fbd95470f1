/**
 * A dense network as tfjs variables on one backend, trained by hand-written backpropagation.
 *
 * Small networks are dominated by per-op overhead (every op costs the engine a few microseconds
 * whatever its size), so one training step is written to run as few ops as possible:
 *
 * - forward: one `fused.matMul` per layer (matrix product, bias and activation in ONE op; tanh is
 *   not fusable in tfjs, so it costs one more);
 * - backward: the chain rule written out, with the loss's derivative folded into the last layer
 *   (for cross-entropy on a sigmoid output, ∂L/∂z = (p − y)/n — no log, no exp; on a softmax
 *   output of k classes, (p − onehot(y))/n, the same form row by row), and the learning
 *   rate folded into that same first factor for SGD and momentum, so every gradient comes out
 *   already scaled and the update is a single subtraction;
 * - regression (one linear output unit, loss ½(ŷ − y)²): ∂L/∂z = (ŷ − y)/n, the same op as
 *   cross-entropy's on a σ unit;
 * - L2 and L1 on the kernels: + 2λw + λ₁·sign(w) (sign(0) = 0), scaled like the data gradient;
 * - inverted dropout in a training step: each hidden layer with a rate r multiplies its output by
 *   a mask of 0 (probability r) and 1/(1 − r) drawn by tfjs's own random generator (so not the
 *   plain-JS engine's masks); the mask multiplies the error sent back too, and f′ is written from
 *   the output before the mask. Never when predicting or measuring;
 * - no tape: tfjs's automatic differentiation records every op and sums gradients with extra ops,
 *   which cost more than the maths here. (tests/browser/train-engine.test.ts checks these
 *   gradients against tfjs's own `tf.grads`.)
 *
 * The state of the network (weights and optimizer slots) can be packed into one Float32Array and
 * loaded back, on any backend: that is the snapshot that survives a lost WebGL context.
 */
import { LEAKY_SLOPE } from '../math/activations.ts';
import { tf } from './backend.ts';
import { classesOf, isRegression, layerSizes } from './spec.ts';
import { slotCount } from './state.ts';
import type { NetworkState } from './state.ts';
import type { Activation, ModelSpec } from './types.ts';

// The packed state lives in the tfjs-free state.ts (the plain-JS engine shares it).
export { STATS, initialState, layersOf, parameterCount, slotCount } from './state.ts';
export type { NetworkState } from './state.ts';

type Tensor = tf.Tensor;
type Tensor2D = tf.Tensor2D;

/** Adam's constants, as in Kingma & Ba (2015) and tfjs. */
const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;
/** Momentum's decay μ in v ← μ·v + g. */
const MOMENTUM = 0.9;

/** Activations tfjs can fuse into its matMul kernel. */
const FUSABLE = new Set<Activation>(['sigmoid', 'relu', 'linear']);

/**
 * The data a network is evaluated on. `y` is what a step fits: labels [rows, 1] for one σ unit,
 * onehot [rows, k] for a softmax. `sign` is 1 − 2y for one σ unit (see `lossAndAccuracy`), null
 * for a softmax. `onehot` [rows, classes] and `counts` (examples per class) give per-class accuracy.
 */
export interface EvalSet {
  x: Tensor2D;
  y: Tensor2D;
  sign: Tensor2D | null;
  onehot: Tensor2D;
  counts: number[];
  rows: number;
}

/** What dropout did in one step: each hidden layer's output before its mask, and the mask. */
interface Dropped {
  pre: (Tensor2D | undefined)[];
  masks: (Tensor | undefined)[];
}

export class Network {
  readonly sizes: number[];
  /** Whether the output is a softmax over k ≥ 3 classes (else one σ unit, or linear). */
  readonly softmax: boolean;
  /** Whether the output is one linear unit predicting a number (regression). */
  readonly regression: boolean;
  /** Per hidden layer: its dropout rate and 1/(1 − rate) as scalars, or null without dropout. */
  private readonly dropout: ({ rate: Tensor; keep: Tensor } | null)[];
  private readonly activations: Activation[];
  /** Parameters in packed order: kernel 0, bias 0, kernel 1, bias 1, … */
  private readonly params: tf.Variable[];
  /** slots[s][i]: optimizer slot s of parameter i. */
  private readonly slots: tf.Variable[][];
  private adamStep: number;
  /** Scalars kept for the life of the network (each op on a plain number would upload one). */
  private readonly constants: Tensor[] = [];
  private readonly one: Tensor;
  private readonly l2: Tensor | null;
  private readonly l1: Tensor | null;
  private readonly half: Tensor;
  private readonly momentum: Tensor;
  private readonly adam1: Tensor;
  private readonly adam2: Tensor;
  /** The first factor of the backward pass, per batch size: lr/n (SGD, momentum) or 1/n (Adam). */
  private readonly scales = new Map<number, Tensor>();

  constructor(
    readonly spec: ModelSpec,
    state: NetworkState,
  ) {
    this.sizes = layerSizes(spec);
    this.regression = isRegression(spec);
    this.softmax = !this.regression && classesOf(spec) > 2;
    // (A softmax output: its matMul is linear, and forward applies tf.softmax.)
    this.activations = [
      ...spec.hidden.map((layer) => layer.activation),
      this.softmax || this.regression ? 'linear' : 'sigmoid',
    ];
    this.adamStep = state.adamStep;
    const keep = (value: number): Tensor => {
      const t = tf.scalar(value);
      this.constants.push(t);
      return t;
    };
    this.one = keep(1);
    // ∂(λ·Σw²)/∂w = 2λw, scaled like the data gradient (by the learning rate except for Adam).
    const scale = spec.optimizer === 'adam' ? 1 : spec.learningRate;
    this.l2 = spec.l2 > 0 ? keep(2 * spec.l2 * scale) : null;
    // ∂(λ₁·Σ|w|)/∂w = λ₁·sign(w), scaled the same way.
    this.l1 = (spec.l1 ?? 0) > 0 ? keep((spec.l1 ?? 0) * scale) : null;
    this.half = keep(0.5);
    this.dropout = spec.hidden.map((layer) => {
      const rate = layer.dropout ?? 0;
      return rate > 0 ? { rate: keep(rate), keep: keep(1 / (1 - rate)) } : null;
    });
    this.momentum = keep(MOMENTUM);
    this.adam1 = keep(1 - ADAM.beta1);
    this.adam2 = keep(1 - ADAM.beta2);

    const shapes: number[][] = [];
    for (let l = 1; l < this.sizes.length; l++) {
      // Biases are rank 1: the wasm backend's fused matMul accepts no other.
      shapes.push([this.sizes[l - 1]!, this.sizes[l]!], [this.sizes[l]!]);
    }
    let offset = 0;
    const variable = (shape: number[]): tf.Variable => {
      const size = shape.reduce((a, b) => a * b, 1);
      const v = tf.variable(tf.tensor(state.values.subarray(offset, offset + size), shape));
      offset += size;
      return v;
    };
    // tf.variable copies its initial value; tidy disposes the temporaries.
    this.params = tf.tidy(() => shapes.map(variable));
    this.slots = tf.tidy(() =>
      Array.from({ length: slotCount(spec.optimizer) }, () => shapes.map(variable)),
    );
  }

  /**
   * The activations of every layer for `x` of shape [n, inputs]: the hidden layers', then the
   * output's, p = σ(z) or softmax(z) — or, with `logits`, the output's z itself (for a
   * numerically stable loss).
   */
  private forward(x: Tensor2D, logits = false, dropped?: Dropped): Tensor2D[] {
    const outputs: Tensor2D[] = [];
    const last = this.activations.length - 1;
    let a = x;
    for (let l = 0; l <= last; l++) {
      const activation = logits && l === last ? 'linear' : this.activations[l]!;
      const fusable = FUSABLE.has(activation);
      const z = tf.fused.matMul({
        a,
        b: this.params[2 * l] as Tensor2D,
        bias: this.params[2 * l + 1],
        activation: fusable ? (activation as 'sigmoid' | 'relu' | 'linear') : 'linear',
      }) as Tensor2D;
      a = fusable
        ? z
        : activation === 'tanh'
          ? (tf.tanh(z) as Tensor2D)
          : (tf.leakyRelu(z, LEAKY_SLOPE) as Tensor2D);
      if (l === last && this.softmax && !logits) a = tf.softmax(a);
      const drop = l < last && dropped ? this.dropout[l] : null;
      if (drop && dropped) {
        // Inverted dropout (training steps only): keep with probability 1 − r, scaled 1/(1 − r).
        const mask = tf.mul(tf.step(tf.sub(tf.randomUniform(a.shape), drop.rate)), drop.keep);
        dropped.pre[l] = a;
        dropped.masks[l] = mask;
        a = tf.mul(a, mask) as Tensor2D;
      }
      outputs.push(a);
    }
    return outputs;
  }

  /** ∂a/∂z of a layer, written with its output a (which the forward pass kept). */
  private times(activation: Activation, upstream: Tensor, a: Tensor): Tensor {
    switch (activation) {
      case 'sigmoid': // σ' = σ(1 − σ)
        return tf.mul(upstream, tf.mul(a, tf.sub(this.one, a)));
      case 'tanh': // tanh' = 1 − tanh²
        return tf.mul(upstream, tf.sub(this.one, tf.square(a)));
      case 'relu': // 1 where the unit is on, 0 where it is off
        return tf.mul(upstream, tf.step(a));
      case 'leaky-relu': // 1 where a > 0 (exactly where z > 0), LEAKY_SLOPE elsewhere
        return tf.mul(upstream, tf.step(a, LEAKY_SLOPE));
      case 'linear':
        return upstream;
    }
  }

  private scale(rows: number): Tensor {
    let s = this.scales.get(rows);
    if (!s) {
      const factor = this.spec.optimizer === 'adam' ? 1 : this.spec.learningRate;
      // Made inside a step's tidy; kept for the network's life (disposed with it).
      s = tf.keep(tf.scalar(factor / rows));
      this.scales.set(rows, s);
      this.constants.push(s);
    }
    return s;
  }

  /**
   * One optimisation step on the batch (x: [n, inputs], y: [n, 1] labels, or [n, k] onehot for a
   * softmax). Leaves no tensor behind.
   */
  step(x: Tensor2D, y: Tensor2D, rows: number): void {
    tf.tidy(() => {
      const dropped: Dropped = { pre: [], masks: [] };
      const outputs = this.forward(x, false, dropped);
      const L = outputs.length;
      const p = outputs[L - 1]!;
      // dz: ∂loss/∂z of the current layer, times lr for SGD and momentum (see the module comment).
      //   cross-entropy:  L = −mean(y ln p + (1 − y) ln(1 − p))  ⇒ ∂L/∂z = (p − y)/n
      //   squared error:  L = mean((p − y)²)                    ⇒ ∂L/∂z = 2(p − y)·p(1 − p)/n
      //   softmax, with y = onehot: cross-entropy −mean(ln p_label) ⇒ ∂L/∂z = (p − y)/n, the same
      //   op; squared error mean(Σ_j (p_j − y_j)²) ⇒ ∂L/∂z_j = 2 p_j (e_j − Σ_m p_m e_m)/n, e = p − y
      //   regression, one linear unit: L = mean(½(ŷ − y)²) ⇒ ∂L/∂z = (ŷ − y)/n, the same op
      let dz: Tensor;
      if (this.spec.loss === 'cross-entropy' || this.regression) {
        dz = tf.mul(tf.sub(p, y), this.scale(rows));
      } else if (this.softmax) {
        const e = tf.sub(p, y);
        const dot = tf.sum(tf.mul(p, e), 1, true);
        dz = tf.mul(tf.mul(p, tf.sub(e, dot)), this.scale(rows / 2));
      } else {
        dz = tf.mul(tf.mul(tf.sub(p, y), tf.mul(p, tf.sub(this.one, p))), this.scale(rows / 2));
      }
      const grads: Tensor[] = new Array<Tensor>(2 * L);
      for (let l = L - 1; l >= 0; l--) {
        const input = l === 0 ? x : outputs[l - 1]!;
        // ∂L/∂W = aᵀ·dz, ∂L/∂b = Σ_rows dz, and the error sent back: ∂L/∂a = dz·Wᵀ.
        grads[2 * l] = tf.matMul(input, dz as Tensor2D, true, false);
        grads[2 * l + 1] = tf.sum(dz, 0);
        if (l > 0) {
          let back = tf.matMul(dz as Tensor2D, this.params[2 * l] as Tensor2D, false, true);
          // Through the layer's dropout mask, then its f′ from its output before the mask.
          const mask = dropped.masks[l - 1];
          if (mask) back = tf.mul(back, mask);
          dz = this.times(this.activations[l - 1]!, back, dropped.pre[l - 1] ?? outputs[l - 1]!);
        }
      }
      this.update(grads);
    });
  }

  private update(grads: Tensor[]): void {
    const { optimizer } = this.spec;
    let stepSize: Tensor | null = null;
    let epsilon: Tensor | null = null;
    if (optimizer === 'adam') {
      // Bias correction folded into the step: W −= lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε̂).
      this.adamStep += 1;
      const t = this.adamStep;
      const c2 = Math.sqrt(1 - ADAM.beta2 ** t);
      stepSize = tf.scalar((this.spec.learningRate * c2) / (1 - ADAM.beta1 ** t));
      epsilon = tf.scalar(ADAM.epsilon * c2);
    }
    this.params.forEach((w, i) => {
      let g = grads[i]!;
      // Weight decay on kernels (even indices) only: biases are not regularised.
      if (this.l2 && i % 2 === 0) g = tf.add(g, tf.mul(w, this.l2));
      if (this.l1 && i % 2 === 0) g = tf.add(g, tf.mul(tf.sign(w), this.l1));
      if (optimizer === 'sgd') {
        w.assign(tf.sub(w, g));
      } else if (optimizer === 'momentum') {
        const v = this.slots[0]![i]!;
        const velocity = tf.add(tf.mul(v, this.momentum), g);
        v.assign(velocity);
        w.assign(tf.sub(w, velocity));
      } else {
        const m = this.slots[0]![i]!;
        const v = this.slots[1]![i]!;
        // m ← m + (1 − β₁)(g − m),  v ← v + (1 − β₂)(g² − v): the running means, one op fewer.
        const m1 = tf.add(m, tf.mul(tf.sub(g, m), this.adam1));
        const v1 = tf.add(v, tf.mul(tf.sub(tf.square(g), v), this.adam2));
        m.assign(m1);
        v.assign(v1);
        w.assign(tf.sub(w, tf.mul(tf.div(m1, tf.add(tf.sqrt(v1), epsilon!)), stepSize!)));
      }
    });
  }

  /**
   * Loss, accuracy and right answers per class on a whole set. Cross-entropy straight from the
   * logits z, which never overflows: one σ unit, with s = 1 − 2y,
   * −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = softplus(s·z), right when s·z < 0; a softmax,
   * −ln p_label = logSumExp(z) − z_label, right when the label's logit is the largest.
   */
  private lossAndAccuracy(set: EvalSet): Tensor[] {
    const z = this.forward(set.x, true).at(-1)!;
    if (this.regression) {
      // ½(ŷ − y)² averaged; no classes, so no right answers.
      const loss = tf.mul(tf.mean(tf.squaredDifference(z, set.y)), this.half);
      return [loss, tf.zeros([]), tf.zeros([set.counts.length])];
    }
    let loss: Tensor;
    let right: Tensor;
    if (this.softmax) {
      loss =
        this.spec.loss === 'cross-entropy'
          ? tf.mean(tf.sub(tf.logSumExp(z, 1), tf.sum(tf.mul(z, set.y), 1)))
          : tf.mean(tf.sum(tf.squaredDifference(tf.softmax(z), set.y), 1));
      right = tf.cast(tf.equal(tf.argMax(z, 1), tf.argMax(set.y, 1)), 'float32');
    } else {
      const sz = tf.mul(z, set.sign!);
      loss =
        this.spec.loss === 'cross-entropy'
          ? tf.mean(tf.softplus(sz))
          : tf.mean(tf.squaredDifference(tf.sigmoid(z), set.y));
      right = tf.reshape(tf.cast(tf.less(sz, 0), 'float32'), [-1]);
    }
    const accuracy = tf.mean(right);
    // Right answers per class: Σ_rows right · onehot, one number per class.
    const perClass = tf.reshape(tf.matMul(tf.reshape(right, [1, -1]), set.onehot), [-1]);
    return [loss, accuracy, perClass];
  }

  /**
   * One tensor holding the STATS (train loss and accuracy, test loss and accuracy, largest |w|),
   * then the right answers per class on the training set and on the test set (classes numbers
   * each), then the packed state, so a report and a snapshot cost a single read from the backend.
   * An empty test set reports 0 for its loss, accuracy and right answers.
   */
  statsAndState(
    train: EvalSet,
    test: EvalSet | null,
    validation: EvalSet | null = null,
  ): tf.Tensor1D {
    return tf.tidy(() => {
      const zero = tf.zeros([1]);
      const validationLoss = validation ? this.lossAndAccuracy(validation)[0]! : zero;
      const [trainLoss, trainAccuracy, trainRight] = this.lossAndAccuracy(train);
      const [testLoss, testAccuracy, testRight] = test
        ? this.lossAndAccuracy(test)
        : [zero, zero, tf.zeros([classesOf(this.spec)])];
      const flat = [...this.params, ...this.slots.flat()].map((v) => tf.reshape(v, [-1]));
      const maxWeight = tf.max(tf.abs(tf.concat(flat.slice(0, this.params.length))));
      const stats = [
        trainLoss!,
        trainAccuracy!,
        testLoss!,
        testAccuracy!,
        maxWeight,
        validationLoss,
      ];
      return tf.concat([
        ...stats.map((s) => tf.reshape(s, [1])),
        trainRight!,
        testRight!,
        ...flat,
      ]) as tf.Tensor1D;
    });
  }

  /**
   * Set one weight (kernel `layer`, input `from`, unit `to`; `from` = −1: the bias) to `value`,
   * without reading anything back: w ← w ⊙ (1 − e) + value·e, with e one-hot at that place.
   */
  setWeight(layer: number, from: number, to: number, value: number): void {
    tf.tidy(() => {
      const units = this.sizes[layer + 1]!;
      const bias = from === -1;
      const w = this.params[2 * layer + (bias ? 1 : 0)]!;
      const size = bias ? units : this.sizes[layer]! * units;
      const at = bias ? to : from * units + to;
      const e = new Float32Array(size);
      e[at] = 1;
      const keep = Float32Array.from(e, (v) => 1 - v);
      const place = tf.tensor(e, w.shape);
      w.assign(tf.add(tf.mul(w, tf.tensor(keep, w.shape)), tf.mul(place, tf.scalar(value))));
    });
  }

  /** Adam's step counter, which belongs to the packed state. */
  get optimizerStep(): number {
    return this.adamStep;
  }

  /**
   * p(class 1) for each row of x (one σ unit), or each row's k probabilities in turn (a
   * softmax), as a flat tensor the caller disposes.
   */
  predict(x: Tensor2D): Tensor {
    return tf.tidy(() => tf.reshape(this.forward(x).at(-1)!, [-1]));
  }

  /** Each layer's activations, transposed to [units, n] so each unit's values are contiguous. */
  layerOutputs(x: Tensor2D): Tensor2D[] {
    return tf.tidy(() => this.forward(x).map((a) => tf.transpose(a)));
  }

  /** The parameters as one flat tensor (packed order), for `weights()`. */
  packedParams(): tf.Tensor1D {
    return tf.tidy(() => tf.concat(this.params.map((v) => tf.reshape(v, [-1]))) as tf.Tensor1D);
  }

  dispose(): void {
    for (const t of [...this.params, ...this.slots.flat(), ...this.constants]) t.dispose();
    this.scales.clear();
    this.constants.length = 0;
  }
}
