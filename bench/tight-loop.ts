/**
 * The floor of what plain JavaScript can do: the same network as the engine's (2 inputs, hidden
 * layers, a sigmoid output unit, cross-entropy, the same seeded Glorot weights from
 * src/train/spec.ts), trained one example at a time in flat Float32Arrays with no objects, no
 * allocation and no function call per weight. Each example goes forward and backward and its
 * gradient is added to the batch's; after every `batchSize` examples (and at the end of the
 * epoch) the AVERAGE is applied by SGD or Adam. One call of `trainEpochs(k)` is k passes over the
 * training set in order.
 */
import type { Activation, LayerWeights, ModelSpec, Points } from '../src/train/types.ts';

const CODE: Record<Activation, number> = {
  sigmoid: 0,
  tanh: 1,
  relu: 2,
  linear: 3,
  'leaky-relu': 4,
};
const SIGMOID = 0;
const TANH = 1;
const RELU = 2;
const LEAKY_RELU = 4;
/** Leaky ReLU's slope for z ≤ 0 (LEAKY_SLOPE of src/math/activations.ts). */
const LEAKY = 0.01;

// Adam's constants, as tfjs's defaults.
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-7;

export class TightNet {
  private readonly layers: number;
  private readonly sizes: number[];
  private readonly act: Int32Array;
  private readonly w: Float32Array[];
  private readonly b: Float32Array[];
  private readonly gw: Float32Array[];
  private readonly gb: Float32Array[];
  private readonly mw: Float32Array[];
  private readonly vw: Float32Array[];
  private readonly mb: Float32Array[];
  private readonly vb: Float32Array[];
  /** a[0] is the input; a[l] the output of layer l. */
  private readonly a: Float32Array[];
  private readonly delta: Float32Array[];
  private adamStep = 0;
  private accumulated = 0;

  constructor(
    private readonly spec: ModelSpec,
    init: LayerWeights[],
    private readonly data: Points,
  ) {
    this.sizes = [init[0]!.inputs, ...init.map((l) => l.units)];
    this.layers = init.length;
    this.act = Int32Array.from(
      init.map((_, l) => (l < spec.hidden.length ? CODE[spec.hidden[l]!.activation] : SIGMOID)),
    );
    this.w = init.map((l) => Float32Array.from(l.kernel));
    this.b = init.map((l) => Float32Array.from(l.bias));
    const zeros = (arrays: Float32Array[]): Float32Array[] =>
      arrays.map((x) => new Float32Array(x.length));
    this.gw = zeros(this.w);
    this.gb = zeros(this.b);
    this.mw = zeros(this.w);
    this.vw = zeros(this.w);
    this.mb = zeros(this.b);
    this.vb = zeros(this.b);
    this.a = this.sizes.map((n) => new Float32Array(n));
    this.delta = this.sizes.map((n) => new Float32Array(n));
  }

  /** p(class 1) of example i of `x` (leaves every layer's output in this.a). */
  private forward(x: Float32Array, i: number): number {
    const a0 = this.a[0]!;
    a0[0] = x[2 * i]!;
    a0[1] = x[2 * i + 1]!;
    for (let l = 0; l < this.layers; l++) {
      const input = this.a[l]!;
      const out = this.a[l + 1]!;
      const w = this.w[l]!;
      const b = this.b[l]!;
      const nIn = this.sizes[l]!;
      const nOut = this.sizes[l + 1]!;
      const act = this.act[l]!;
      for (let j = 0; j < nOut; j++) {
        let z = b[j]!;
        for (let k = 0; k < nIn; k++) z += input[k]! * w[k * nOut + j]!;
        out[j] =
          act === SIGMOID
            ? 1 / (1 + Math.exp(-z))
            : act === TANH
              ? Math.tanh(z)
              : act === RELU
                ? z > 0
                  ? z
                  : 0
                : act === LEAKY_RELU
                  ? z > 0
                    ? z
                    : LEAKY * z
                  : z;
      }
    }
    return this.a[this.layers]![0]!;
  }

  /** Add example i's gradient (cross-entropy of the sigmoid output: dL/dz = p − y). */
  private backward(target: number): void {
    const L = this.layers;
    this.delta[L]![0] = this.a[L]![0]! - target;
    for (let l = L - 1; l >= 0; l--) {
      const input = this.a[l]!;
      const d = this.delta[l + 1]!;
      const w = this.w[l]!;
      const gw = this.gw[l]!;
      const gb = this.gb[l]!;
      const nIn = this.sizes[l]!;
      const nOut = this.sizes[l + 1]!;
      for (let j = 0; j < nOut; j++) gb[j]! += d[j]!;
      for (let k = 0; k < nIn; k++) {
        const ak = input[k]!;
        const row = k * nOut;
        for (let j = 0; j < nOut; j++) gw[row + j]! += ak * d[j]!;
      }
      if (l === 0) break;
      // dL/dz of the layer below, through its activation (written from its output a).
      const dIn = this.delta[l]!;
      const act = this.act[l - 1]!;
      for (let k = 0; k < nIn; k++) {
        let s = 0;
        const row = k * nOut;
        for (let j = 0; j < nOut; j++) s += w[row + j]! * d[j]!;
        const ak = input[k]!;
        dIn[k] =
          s *
          (act === SIGMOID
            ? ak * (1 - ak)
            : act === TANH
              ? 1 - ak * ak
              : act === RELU
                ? +(ak > 0)
                : act === LEAKY_RELU
                  ? ak > 0
                    ? 1
                    : LEAKY
                  : 1);
      }
    }
    this.accumulated++;
  }

  /** Apply the mean gradient of the examples accumulated, then clear it. */
  private update(): void {
    const n = this.accumulated;
    if (n === 0) return;
    const lr = this.spec.learningRate;
    const adam = this.spec.optimizer === 'adam';
    if (adam) this.adamStep++;
    const c1 = 1 - BETA1 ** this.adamStep;
    const c2 = 1 - BETA2 ** this.adamStep;
    const apply = (p: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array): void => {
      for (let i = 0; i < p.length; i++) {
        const grad = g[i]! / n;
        g[i] = 0;
        if (adam) {
          m[i] = BETA1 * m[i]! + (1 - BETA1) * grad;
          v[i] = BETA2 * v[i]! + (1 - BETA2) * grad * grad;
          p[i]! -= (lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + EPSILON);
        } else {
          p[i]! -= lr * grad;
        }
      }
    };
    for (let l = 0; l < this.layers; l++) {
      apply(this.w[l]!, this.gw[l]!, this.mw[l]!, this.vw[l]!);
      apply(this.b[l]!, this.gb[l]!, this.mb[l]!, this.vb[l]!);
    }
    this.accumulated = 0;
  }

  /** `epochs` passes over the training set, an update every `batchSize` examples (0: all). */
  trainEpochs(epochs: number): void {
    const { x, y } = this.data;
    const n = y.length;
    const batch = this.spec.batchSize > 0 ? this.spec.batchSize : n;
    for (let e = 0; e < epochs; e++) {
      for (let i = 0; i < n; i++) {
        this.forward(x, i);
        this.backward(y[i]!);
        if (this.accumulated === batch) this.update();
      }
      this.update();
    }
  }

  /** Share of `points` classified right (p ≥ 0.5 is class 1). */
  accuracy(points: Points = this.data): number {
    let right = 0;
    for (let i = 0; i < points.y.length; i++) {
      if (this.forward(points.x, i) >= 0.5 === (points.y[i] === 1)) right++;
    }
    return right / points.y.length;
  }
}
