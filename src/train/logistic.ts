/**
 * One sigmoid neuron with two inputs, p = σ(w₁x₁ + w₂x₂ + b), trained by plain gradient descent
 * with TensorFlow.js — once per loss, in lockstep, from the same starting weights, so the losses
 * can be compared on exactly the same data and start (`<nn-logistic-neuron>`).
 *
 * Loaded lazily (`import('../../train/logistic')`), so tfjs is downloaded only by pages that show
 * a training widget. Runs on the cpu backend: for a model of three numbers and 60 points, tfjs's
 * per-operation overhead dominates, and the plain-JavaScript kernels beat WebGL's shader
 * dispatches (measured by `npm run bench -- train`; see src/train/cost.ts).
 *
 * tfjs discipline: every step's tensor work runs inside `tf.tidy`; the only tensors kept between
 * calls are the data and each neuron's variables, which `dispose()` frees; the losses are read
 * back once per `train()` call with an asynchronous `data()`, never `dataSync()`.
 */
import { activate, ensureBackend, tf, useBackend } from './backend';
import type { BackendName, LossName } from './types';

/** The neuron's three numbers. */
export interface NeuronParams {
  w1: number;
  w2: number;
  b: number;
}

export interface LogisticTrainerOptions {
  /** The points, flat: x[2i], x[2i+1] are point i's x₁ and x₂. */
  x: Float32Array;
  /** The labels, 0 or 1, one per point. */
  y: Float32Array;
  /** Every neuron starts here. */
  start: NeuronParams;
  /** The gradient-descent step size η: w ← w − η·∂L/∂w. */
  learningRate: number;
  /** One neuron per loss, in this order; all are trained in lockstep. */
  losses: readonly LossName[];
}

/** What one call of `train` (or `evaluate`) reads back. */
export interface LogisticReport {
  /** Steps taken since the start. */
  step: number;
  /**
   * For each neuron (in the order of `losses`): its loss after each step just taken, oldest
   * first — so `losses[k][j]` is the loss at step `step − n + 1 + j`. `evaluate` gives one value:
   * the loss at the current weights.
   */
  losses: number[][];
  /** Each neuron's weights now. */
  params: NeuronParams[];
}

export interface LogisticTrainer {
  readonly backend: BackendName;
  /** Steps taken since the start. */
  readonly step: number;
  /** The loss of each neuron at its current weights (at step 0: the starting loss). */
  evaluate(): Promise<LogisticReport>;
  /** Take `steps` gradient-descent steps with every neuron, then read the losses back. */
  train(steps: number): Promise<LogisticReport>;
  /** Free every tensor this trainer holds. Calling it twice is harmless. */
  dispose(): void;
}

const BACKEND: BackendName = 'cpu';

interface Neuron {
  loss: LossName;
  w: tf.Variable; // [2, 1]
  b: tf.Variable; // [1]
}

/** Start the cpu backend (once per page) and build a trainer with its data on it. */
export async function createLogisticTrainer(
  options: LogisticTrainerOptions,
): Promise<LogisticTrainer> {
  const n = options.y.length;
  if (options.x.length !== 2 * n || n === 0) {
    throw new RangeError('Logistic trainer: x must hold two numbers per label, and at least one.');
  }
  if (!(options.learningRate > 0) || !Number.isFinite(options.learningRate)) {
    throw new RangeError('Logistic trainer: the learning rate must be a number greater than 0.');
  }
  await ensureBackend(BACKEND);

  const { w1, w2, b } = options.start;
  const x = tf.tensor2d(options.x, [n, 2]);
  const y = tf.tensor2d(options.y, [n, 1]);
  /** A variable holding `init`. tf.variable keeps its initial tensor alive: free it here. */
  const variable = (init: tf.Tensor): tf.Variable => {
    const v = tf.variable(init);
    init.dispose();
    return v;
  };
  const neurons: Neuron[] = options.losses.map((loss) => ({
    loss,
    w: variable(tf.tensor2d([w1, w2], [2, 1])),
    b: variable(tf.tensor1d([b])),
  }));
  const eta = options.learningRate;
  let step = 0;
  let disposed = false;

  /** L(w, b) over all points, as a scalar tensor. */
  const lossOf = (neuron: Neuron): tf.Scalar => {
    const z = tf.add(tf.matMul(x, neuron.w), neuron.b); // z = X·w + b, one per point
    if (neuron.loss === 'cross-entropy') {
      // −[y log σ(z) + (1 − y) log(1 − σ(z))], averaged; tfjs computes it from z directly
      // (max(z, 0) − z·y + log(1 + e^−|z|)), which never takes the log of 0.
      return tf.losses.sigmoidCrossEntropy(y, z) as tf.Scalar;
    }
    // (σ(z) − y)², averaged.
    return tf.losses.meanSquaredError(y, tf.sigmoid(z)) as tf.Scalar;
  };

  /** Read `values` (scalars, freed here) and each neuron's weights back in one async transfer. */
  const readBack = async (values: tf.Scalar[][]): Promise<LogisticReport> => {
    const packed = tf.tidy(() =>
      tf.concat([
        ...values.flat().map((v) => tf.reshape(v, [1])),
        ...neurons.flatMap((nr) => [tf.reshape(nr.w, [2]), nr.b]),
      ]),
    );
    for (const v of values.flat()) v.dispose();
    const at = step;
    let data: Float32Array;
    try {
      data = (await packed.data()) as Float32Array;
    } finally {
      packed.dispose();
    }
    // `values` is step-major (values[j][i] = neuron i after step j), and so is `data`.
    const count = neurons.length;
    const byNeuron = neurons.map((_, i) => values.map((_, j) => data[j * count + i]!));
    let k = values.length * count;
    const params = neurons.map(() => {
      const p = { w1: data[k]!, w2: data[k + 1]!, b: data[k + 2]! };
      k += 3;
      return p;
    });
    return { step: at, losses: byNeuron, params };
  };

  /** Another trainer on the page may have switched the global backend, or be starting one. */
  const assertLive = async () => {
    if (disposed) throw new Error('Logistic trainer: used after dispose().');
    const starting = activate(BACKEND);
    if (starting) await starting;
    if (disposed) throw new Error('Logistic trainer: used after dispose().');
    useBackend(BACKEND);
  };

  return {
    backend: BACKEND,
    get step() {
      return step;
    },

    async evaluate() {
      await assertLive();
      const values = [neurons.map((nr) => tf.tidy(() => lossOf(nr)))];
      return readBack(values);
    },

    async train(steps: number) {
      await assertLive();
      const count = Math.max(1, Math.floor(steps));
      const values: tf.Scalar[][] = [];
      for (let j = 0; j < count; j++) {
        values.push(
          neurons.map((nr) =>
            tf.tidy(() => {
              // ∂L/∂w and ∂L/∂b by tfjs's autodiff; then one step downhill.
              const { value, grads } = tf.variableGrads(() => lossOf(nr), [nr.w, nr.b]);
              value.dispose();
              nr.w.assign(tf.sub(nr.w, tf.mul(grads[nr.w.name]!, eta)));
              nr.b.assign(tf.sub(nr.b, tf.mul(grads[nr.b.name]!, eta)));
              // The loss after the step, so step k's value belongs to the weights shown at step k.
              return lossOf(nr);
            }),
          ),
        );
        step++;
      }
      return readBack(values);
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      x.dispose();
      y.dispose();
      for (const nr of neurons) {
        nr.w.dispose();
        nr.b.dispose();
      }
    },
  };
}
