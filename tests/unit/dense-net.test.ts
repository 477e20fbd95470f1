/**
 * The plain-JS training engine: DenseNet (src/math/dense-net.ts) and the Trainer on it, JsTrainer
 * (src/train/js-trainer.ts). Its gradients against finite differences of an independent loss, each
 * optimizer against a hand computation, its batches against the tfjs trainer's rule, and the
 * trainer's reports and divergence. (tests/browser/dense-net-vs-tfjs.test.ts compares it with tfjs.)
 */
import { describe, expect, it } from 'vitest';
import { worstGradientGap } from './fixtures/finite-differences';
import { randomData, referenceLoss } from './fixtures/reference-net';
import { netFor, xorPoints, xorSpec } from './fixtures/training';
import { DenseNet, denseParameterCount, denseSlotCount } from '../../src/math/dense-net';
import type {
  DenseActivation,
  DenseLoss,
  DenseNetConfig,
  DenseOptimizer,
} from '../../src/math/dense-net';
import { createRng } from '../../src/math/rng';
import { DIVERGENCE, divergence } from '../../src/train/divergence';
import { JsTrainer, createJsTrainer } from '../../src/train/js-trainer';
import { initialWeights } from '../../src/train/spec';
import { parameterCount, slotCount } from '../../src/train/state';
import type { TrainProblem } from '../../src/train/types';

const ACTIVATIONS: DenseActivation[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear'];
const LOSSES: DenseLoss[] = ['cross-entropy', 'squared-error'];

/** Random parameters (biases too) for a network of `sizes`, and zero optimizer slots. */
function randomState(sizes: number[], optimizer: DenseOptimizer, seed: number) {
  const rng = createRng(seed);
  const count = denseParameterCount(sizes);
  const values = new Float32Array(count * (1 + denseSlotCount(optimizer)));
  for (let k = 0; k < count; k++) values[k] = rng.uniform(-1, 1);
  return { values, adamStep: 0 };
}

function config(overrides: Partial<DenseNetConfig> & Pick<DenseNetConfig, 'sizes'>) {
  const hidden = overrides.sizes.length - 2;
  return {
    activations: Array.from({ length: hidden }, () => 'tanh' as const),
    loss: 'cross-entropy' as const,
    optimizer: 'sgd' as const,
    learningRate: 0.1,
    l2: 0,
    batchSize: 0,
    shuffleSeed: 1,
    state: randomState(overrides.sizes as number[], overrides.optimizer ?? 'sgd', 3),
    ...overrides,
  };
}

describe('DenseNet gradients', () => {
  // Two hidden layers (the second always tanh, so every activation is both fed by and feeds
  // another layer), biases random; the output one σ unit or a softmax.
  const outputs = [
    { output: 'one σ unit', sizes: [3, 4, 3, 1], stateSeed: 11, rows: 9, dataSeed: 5, classes: 2 },
    {
      output: 'a softmax over 4 classes',
      sizes: [5, 4, 3, 4],
      stateSeed: 12,
      rows: 11,
      dataSeed: 6,
      classes: 4,
    },
  ];
  const cases = outputs.flatMap((output) =>
    ACTIVATIONS.flatMap((activation) =>
      LOSSES.flatMap((loss) => [0, 0.05].map((l2) => ({ ...output, activation, loss, l2 }))),
    ),
  );

  it.each(cases)(
    'equal central finite differences of the loss ($output, $activation, $loss, λ = $l2)',
    ({ sizes, stateSeed, rows, dataSeed, classes, activation, loss, l2 }) => {
      const activations: DenseActivation[] = [activation, 'tanh'];
      const state = randomState(sizes, 'sgd', stateSeed);
      const data = randomData(rows, sizes[0]!, dataSeed, classes);
      expect(new Set(data.y).size).toBe(classes); // every class is present
      const net = new DenseNet(config({ sizes, activations, loss, l2, state }));
      expect(net.softmax).toBe(classes > 2);
      expect(net.classes).toBe(classes);
      // stats computes the data loss (from the logits) as the reference does.
      const before = net.stats(data.x, data.y).trainLoss;
      net.setData(data.x, data.y);
      expect(net.step()).toBe(rows); // the gradients of the state before this step
      const theta = Float64Array.from(state.values);
      const L = (t: Float64Array): number =>
        referenceLoss(t, { sizes, activations, loss, l2 }, data.x, data.y);
      expect(net.gradients.length).toBe(theta.length);
      expect(worstGradientGap(net.gradients, theta, L)).toBeLessThan(1e-7);
      // The gradient is not trivially small: a wrong sign or a missing term would show.
      expect(Math.max(...net.gradients.map(Math.abs))).toBeGreaterThan(1e-2);
      const dataLoss = referenceLoss(theta, { sizes, activations, loss }, data.x, data.y);
      expect(before).toBeCloseTo(dataLoss, 12);
    },
  );

  it('a softmax without hidden layers: ∂L/∂b_j = mean(p_j − [j = y])', () => {
    const sizes = [2, 3];
    const state = randomState(sizes, 'sgd', 2);
    const net = new DenseNet(config({ sizes, activations: [], state }));
    const x = new Float32Array([1, 2, -1, 0.5]);
    const y = [2, 0];
    net.setData(x, y);
    net.step();
    const w = state.values;
    const p = [0, 1].map((r) => {
      const z = [0, 1, 2].map((j) => w[6 + j]! + x[2 * r]! * w[j]! + x[2 * r + 1]! * w[3 + j]!);
      const e = z.map(Math.exp);
      const sum = e[0]! + e[1]! + e[2]!;
      return e.map((v) => v / sum);
    });
    for (let j = 0; j < 3; j++) {
      const expected = (p[0]![j]! - (j === 2 ? 1 : 0) + p[1]![j]! - (j === 0 ? 1 : 0)) / 2;
      expect(net.gradients[6 + j]).toBeCloseTo(expected, 7);
    }
  });

  it('include L2 on kernels only, never on biases', () => {
    const sizes = [2, 3, 1];
    const state = randomState(sizes, 'sgd', 4);
    const data = randomData(6, 2, 8);
    const plain = new DenseNet(config({ sizes, state }));
    const decayed = new DenseNet(config({ sizes, state, l2: 0.1 }));
    for (const net of [plain, decayed]) {
      net.setData(data.x, data.y);
      net.step();
    }
    // Kernel 0 (6), bias 0 (3), kernel 1 (3), bias 1 (1).
    const kernel = new Set([0, 1, 2, 3, 4, 5, 9, 10, 11]);
    for (let k = 0; k < 13; k++) {
      const extra = decayed.gradients[k]! - plain.gradients[k]!;
      expect(extra).toBeCloseTo(kernel.has(k) ? 0.2 * state.values[k]! : 0, 12);
    }
  });

  it('a network without hidden layers is logistic regression: ∂L/∂w = mean((p − y)x)', () => {
    const state = { values: new Float32Array([0.5, -0.25, 0.125]), adamStep: 0 };
    const net = new DenseNet(config({ sizes: [2, 1], activations: [], state }));
    const x = new Float32Array([1, 2, -1, 0.5]);
    const y = new Float32Array([1, 0]);
    net.setData(x, y);
    net.step();
    const p = [0, 1].map(
      (r) => 1 / (1 + Math.exp(-(0.5 * x[2 * r]! - 0.25 * x[2 * r + 1]! + 0.125))),
    );
    const e = p.map((pr, r) => pr - y[r]!);
    expect(net.gradients[0]).toBeCloseTo((e[0]! * 1 + e[1]! * -1) / 2, 14);
    expect(net.gradients[1]).toBeCloseTo((e[0]! * 2 + e[1]! * 0.5) / 2, 14);
    expect(net.gradients[2]).toBeCloseTo((e[0]! + e[1]!) / 2, 14);
  });
});

describe('DenseNet forward pass and statistics', () => {
  it('stats: mean losses from the logits, accuracy, test set, largest |θ|', () => {
    const sizes = [3, 5, 1];
    for (const loss of LOSSES) {
      const state = randomState(sizes, 'sgd', 21);
      state.values[7] = -3.5; // the largest |θ|
      const net = new DenseNet(config({ sizes, loss, state }));
      const train = randomData(300, 3, 1); // more rows than one chunk of scratch
      const test = randomData(40, 3, 2);
      const stats = net.stats(train.x, train.y, test.x, test.y);
      const L = (d: typeof train) =>
        referenceLoss(state.values, { sizes, activations: ['tanh'], loss }, d.x, d.y);
      expect(stats.trainLoss).toBeCloseTo(L(train), 12);
      expect(stats.testLoss).toBeCloseTo(L(test), 12);
      const p = net.predictInto(train.x, new Float64Array(300));
      const right = [...p].filter((pr, r) => (pr > 0.5 ? 1 : 0) === train.y[r]).length;
      expect(stats.trainAccuracy).toBeCloseTo(right / 300, 12);
      expect(stats.trainAccuracy).toBeGreaterThan(0);
      expect(stats.trainAccuracy).toBeLessThan(1);
      expect(stats.maxWeight).toBeCloseTo(3.5, 6);
      const empty = net.stats(train.x, train.y, new Float32Array(0), new Float32Array(0));
      expect([empty.testLoss, empty.testAccuracy]).toEqual([0, 0]);
      expect(net.stats(train.x, train.y).testLoss).toBe(0);
    }
  });

  it('cross-entropy stays finite where p rounds to 0 or 1 (softplus of the logit)', () => {
    const state = { values: new Float32Array([100, 0]), adamStep: 0 };
    const net = new DenseNet(config({ sizes: [1, 1], activations: [], state }));
    const stats = net.stats(new Float32Array([1, -1]), new Float32Array([0, 0]));
    // −ln(1 − σ(100)) = softplus(100) ≈ 100 for the first point, ≈ 0 for the second.
    expect(stats.trainLoss).toBeCloseTo(50, 10);
    expect(stats.trainAccuracy).toBe(0.5);
  });

  it('activationsInto gives each unit of each layer; its output layer is predictInto', () => {
    const sizes = [2, 3, 2, 1];
    const state = randomState(sizes, 'sgd', 5);
    const net = new DenseNet(config({ sizes, activations: ['relu', 'sigmoid'], state }));
    const xy = randomData(600, 2, 3).x;
    const out = [3, 2, 1].map((units) =>
      Array.from({ length: units }, () => new Float32Array(600)),
    );
    net.activationsInto(xy, out);
    const p = net.predictInto(xy, new Float32Array(600));
    expect(Array.from(out[2]![0]!)).toEqual(Array.from(p));
    // By hand at point 0: relu units, then sigmoid units, from the packed layout.
    const v = state.values;
    const [x0, x1] = [xy[0]!, xy[1]!];
    const h1 = [0, 1, 2].map((j) => Math.max(0, x0 * v[j]! + x1 * v[3 + j]! + v[6 + j]!));
    const h2 = [0, 1].map(
      (j) =>
        1 /
        (1 +
          Math.exp(-(h1[0]! * v[9 + j]! + h1[1]! * v[11 + j]! + h1[2]! * v[13 + j]! + v[15 + j]!))),
    );
    h1.forEach((a, j) => expect(out[0]![j]![0]).toBeCloseTo(a, 6));
    h2.forEach((a, j) => expect(out[1]![j]![0]).toBeCloseTo(a, 6));
    expect(out[0]!.some((unit) => unit.some((a) => a === 0))).toBe(true); // relu cuts
    expect(() => net.predictInto(new Float32Array(3), new Float32Array(2))).toThrow(RangeError);
    expect(() => net.predictInto(xy, new Float32Array(10))).toThrow(RangeError);
  });

  it('a softmax: k probabilities a row that sum to 1, from the stable formula even at huge logits', () => {
    const sizes = [2, 4, 3];
    const state = randomState(sizes, 'sgd', 9);
    const net = new DenseNet(config({ sizes, state }));
    const xy = randomData(300, 2, 4).x;
    const p = net.predictInto(xy, new Float64Array(900));
    for (let r = 0; r < 300; r++) {
      expect(p[3 * r]! + p[3 * r + 1]! + p[3 * r + 2]!).toBeCloseTo(1, 12);
    }
    expect(new Set(p).size).toBeGreaterThan(800); // not a constant answer
    expect(() => net.predictInto(xy, new Float64Array(300))).toThrow(RangeError);
    // Biases of ±1000 would overflow e^z without the max taken out: still finite, still 1.
    const big = state.values.slice();
    big[24] = 1000; // output biases: kernel 0 (8), bias 0 (4), kernel 1 (12), then these
    big[25] = -1000;
    net.load({ values: big, adamStep: 0 });
    const q = net.predictInto([0.5, 0.5], new Float64Array(3));
    expect(Array.from(q)).toEqual([1, 0, 0]);
    const s = net.stats([0.5, 0.5, 0.1, 0.2], [0, 1]);
    expect(Number.isFinite(s.trainLoss)).toBe(true);
    expect(s.trainLoss).toBeGreaterThan(500); // the second point's −ln p ≈ 1000 + z₀ − z₁
  });

  it('stats: per-class accuracy; confusionInto counts label × prediction', () => {
    const sizes = [2, 3];
    // Unit j's logit is x·w_j with w₀ = (1, 0), w₁ = (0, 1), w₂ = (−1, −1): the largest wins.
    const values = new Float32Array([1, 0, -1, 0, 1, -1, 0, 0, 0]);
    const net = new DenseNet(config({ sizes, activations: [], state: { values, adamStep: 0 } }));
    const x = [2, 0, 0, 2, -2, -2, 2, 0, 0, 3];
    const y = [0, 1, 2, 1, 2]; // points 3 and 4 are wrong: predicted 0 and 1
    const stats = net.stats(x, y, [2, 0], [0]);
    expect(stats.trainAccuracy).toBeCloseTo(3 / 5, 12);
    expect(stats.trainClassAccuracy).toEqual([1, 1 / 2, 1 / 2]);
    expect(stats.testAccuracy).toBe(1);
    expect(stats.testClassAccuracy[0]).toBe(1);
    expect(stats.testClassAccuracy.slice(1)).toEqual([NaN, NaN]); // no test point of class 1 or 2
    const confusion = net.confusionInto(x, y, new Int32Array(9));
    expect(Array.from(confusion)).toEqual([1, 0, 0, 1, 1, 0, 0, 1, 1]);
    // One sigmoid unit tells two classes apart.
    const binary = new DenseNet(config({ sizes: [1, 1], activations: [] }));
    binary.load({ values: new Float32Array([1, 0]), adamStep: 0 });
    expect(binary.classes).toBe(2);
    expect(binary.stats([1, -1, 2], [1, 1, 0]).trainClassAccuracy).toEqual([0, 1 / 2]);
    expect(Array.from(binary.confusionInto([1, -1, 2], [1, 1, 0], new Int32Array(4)))).toEqual([
      0, 1, 1, 1,
    ]);
  });

  it('reads a Uint8Array as pixels v/255, exactly as the Float32 values of those pixels', () => {
    const sizes = [6, 4, 3];
    const rng = createRng(2);
    const pixels = new Uint8Array(60).map(() => rng.int(256));
    const floats = Float32Array.from(pixels, (v) => v / 255);
    const y = new Float32Array(10).map(() => rng.int(3));
    const state = randomState(sizes, 'adam', 3);
    const nets = [pixels, floats].map((x) => {
      const net = new DenseNet(config({ sizes, optimizer: 'adam', batchSize: 4, state }));
      net.setData(x, y);
      net.train(7);
      return net;
    });
    expect(nets[0]!.state()).toEqual(nets[1]!.state());
    expect(nets[0]!.stats(pixels, y)).toEqual(nets[1]!.stats(floats, y));
    const p = nets[0]!.predictInto(pixels, new Float32Array(30));
    expect(p).toEqual(nets[0]!.predictInto(floats, new Float32Array(30)));
  });

  it('refuses labels that are not classes', () => {
    const net = new DenseNet(config({ sizes: [2, 3] }));
    expect(() => net.setData([0, 0, 1, 1], [0, 3])).toThrow(/0 … 2; label 1 is 3/);
    expect(() => net.setData([0, 0], [0.5])).toThrow(RangeError);
    expect(() => net.stats([0, 0], [-1])).toThrow(RangeError);
    const binary = new DenseNet(config({ sizes: [2, 1], activations: [] }));
    expect(() => binary.setData([0, 0], [2])).toThrow(/0 … 1/);
  });
});

describe('DenseNet optimizers, by hand on logistic regression (one input)', () => {
  // p = σ(w·x + b); cross-entropy: ∂L/∂w = mean((p − y)x) + 2λw, ∂L/∂b = mean(p − y).
  const x = new Float32Array([0.5, -1, 2]);
  const y = new Float32Array([1, 0, 0]);
  const lr = 0.1;
  const l2 = 0.01;
  function gradient(w: number, b: number): [number, number] {
    let gw = 0;
    let gb = 0;
    for (let r = 0; r < 3; r++) {
      const e = 1 / (1 + Math.exp(-(w * x[r]! + b))) - y[r]!;
      gw += (e * x[r]!) / 3;
      gb += e / 3;
    }
    return [gw + 2 * l2 * w, gb];
  }
  function run(optimizer: DenseOptimizer, steps: number) {
    const values = new Float32Array(2 * (1 + denseSlotCount(optimizer)));
    values.set([0.3, -0.2]);
    const net = new DenseNet(
      config({
        sizes: [1, 1],
        activations: [],
        optimizer,
        learningRate: lr,
        l2,
        state: { values, adamStep: 0 },
      }),
    );
    net.setData(x, y);
    net.train(steps);
    return net.state();
  }

  it('sgd: θ ← θ − η·g', () => {
    let [w, b] = [0.3, -0.2];
    for (let s = 0; s < 2; s++) {
      const [gw, gb] = gradient(w, b);
      [w, b] = [w - lr * gw, b - lr * gb];
    }
    const state = run('sgd', 2);
    expect(state.values.length).toBe(2);
    expect(state.values[0]).toBeCloseTo(w, 6);
    expect(state.values[1]).toBeCloseTo(b, 6);
    expect(state.adamStep).toBe(0);
  });

  it('momentum: v ← 0.9·v + η·g, θ ← θ − v, with v stored after the parameters', () => {
    let [w, b] = [0.3, -0.2];
    let [vw, vb] = [0, 0];
    for (let s = 0; s < 2; s++) {
      const [gw, gb] = gradient(w, b);
      [vw, vb] = [0.9 * vw + lr * gw, 0.9 * vb + lr * gb];
      [w, b] = [w - vw, b - vb];
    }
    const state = run('momentum', 2);
    expect(Array.from(state.values).map((v) => +v.toFixed(6))).toEqual(
      [w, b, vw, vb].map((v) => +v.toFixed(6)),
    );
  });

  it('adam: the textbook bias-corrected update, with m then v stored after the parameters', () => {
    let theta = [0.3, -0.2];
    let m = [0, 0];
    let v = [0, 0];
    for (let t = 1; t <= 2; t++) {
      const g = gradient(theta[0]!, theta[1]!);
      m = m.map((mk, k) => 0.9 * mk + 0.1 * g[k]!);
      v = v.map((vk, k) => 0.999 * vk + 0.001 * g[k]! ** 2);
      theta = theta.map((th, k) => {
        const mHat = m[k]! / (1 - 0.9 ** t);
        const vHat = v[k]! / (1 - 0.999 ** t);
        return th - (lr * mHat) / (Math.sqrt(vHat) + 1e-7);
      });
    }
    const state = run('adam', 2);
    expect(state.adamStep).toBe(2);
    const expected = [...theta, ...m, ...v];
    state.values.forEach((value, k) => {
      expect(Math.abs(value - expected[k]!)).toBeLessThan(
        1e-6 * Math.max(1, Math.abs(expected[k]!)),
      );
    });
    // Adam's first step moves each parameter by about η, whatever the gradient's size.
    expect(Math.abs(run('adam', 1).values[0]! - 0.3)).toBeCloseTo(lr, 4);
  });
});

describe('DenseNet batches, as the tfjs trainer makes them', () => {
  /**
   * Which rows each step used. With w = 0 and b = 0, p = ½ for every row; with labels 0 the
   * kernel's gradient is Σ_batch x_r / (2·rows): x_r = 2^r makes it the batch's rows as bits.
   * A learning rate of 1e-30 keeps p at ½ to double precision.
   */
  function recorder(n: number, batchSize: number, seed = 4) {
    const net = new DenseNet(
      config({
        sizes: [1, 1],
        activations: [],
        learningRate: 1e-30,
        batchSize,
        shuffleSeed: seed,
        state: { values: new Float32Array(2), adamStep: 0 },
      }),
    );
    const setData = (count: number): void =>
      net.setData(
        new Float32Array(count).map((_, r) => 2 ** r),
        new Float32Array(count),
      );
    setData(n);
    const next = (): number[] => {
      const rows = net.step();
      const bits = Math.round(net.gradients[0]! * 2 * rows);
      const members: number[] = [];
      for (let r = 0; r < 30; r++) if (bits & (2 ** r)) members.push(r);
      expect(members.length).toBe(rows);
      return members;
    };
    return { net, next, setData };
  }

  /** The rule: per epoch a seeded Fisher–Yates of 0 … n − 1 (the stream going on), then cut. */
  function expectedBatches(n: number, rows: number, epochs: number, rng = createRng(4)) {
    const batches: number[][] = [];
    for (let e = 0; e < epochs; e++) {
      const order = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (let s = 0; s < n; s += rows)
        batches.push(order.slice(s, s + rows).sort((a, b) => a - b));
    }
    return batches;
  }

  it('shuffles each epoch with the seeded stream and cuts consecutive batches, the last shorter', () => {
    const { next } = recorder(7, 3);
    const got = Array.from({ length: 9 }, next); // 3 epochs of 3, 3, 1
    expect(got.map((b) => b.length)).toEqual([3, 3, 1, 3, 3, 1, 3, 3, 1]);
    expect(got).toEqual(expectedBatches(7, 3, 3));
    // Each epoch covers every row once, and the epochs differ.
    expect(got.slice(0, 3).flat().sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(got.slice(0, 3)).not.toEqual(got.slice(3, 6));
  });

  it('uses every row in order, drawing nothing, when the batch is the whole set (or larger)', () => {
    for (const batchSize of [0, 7, 50]) {
      const { next } = recorder(7, batchSize);
      expect(next()).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(next()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
  });

  it('new data starts a new epoch without reseeding; load too; reset reseeds', () => {
    const all = expectedBatches(7, 3, 3);
    const a = recorder(7, 3);
    expect(a.next()).toEqual(all[0]); // one batch into epoch 1…
    a.setData(7); // …new data: epoch 2 at once, from the same stream
    expect([a.next(), a.next(), a.next()]).toEqual(all.slice(3, 6));

    const b = recorder(7, 3);
    b.next();
    b.net.load(b.net.state());
    expect(b.next()).toEqual(all[3]);
    b.net.reset(b.net.state());
    expect(b.next()).toEqual(all[0]);

    const c = recorder(7, 3);
    c.next();
    c.setData(5); // fewer points: the stream goes on, over 0 … 4
    const rng = createRng(4);
    expectedBatches(7, 3, 1, rng);
    expect([c.next(), c.next()]).toEqual(expectedBatches(5, 3, 1, rng));
  });

  it('returns 0 and takes no step without training data', () => {
    const net = new DenseNet(config({ sizes: [2, 1], activations: [] }));
    const before = net.state().values;
    expect(net.step()).toBe(0);
    net.setData(new Float32Array(0), new Float32Array(0));
    expect(net.step()).toBe(0);
    expect(net.state().values).toEqual(before);
  });
});

describe('DenseNet training', () => {
  it.each([0, 10])(
    'learns XOR (test accuracy ≥ 0.95) from a fixed seed, batch size %i',
    (batchSize) => {
      const spec = xorSpec({ batchSize });
      const net = netFor(spec);
      const train = xorPoints(200, 1);
      const test = xorPoints(100, 2);
      net.setData(train.x, train.y);
      const start = net.stats(train.x, train.y, test.x, test.y);
      expect(start.testAccuracy).toBeLessThan(0.8); // it really had to learn
      net.train(300);
      const end = net.stats(train.x, train.y, test.x, test.y);
      expect(end.trainLoss).toBeLessThan(start.trainLoss / 10);
      expect(end.testAccuracy).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('learns three blobs with a softmax (test accuracy ≥ 0.95) from a fixed seed', () => {
    const blobs = (n: number, seed: number) => {
      const rng = createRng(seed);
      const centres = [
        [-1, -1],
        [1, -1],
        [0, 1],
      ];
      const x = new Float32Array(2 * n);
      const y = new Float32Array(n);
      for (let r = 0; r < n; r++) {
        const c = r % 3;
        x[2 * r] = centres[c]![0]! + rng.normal() * 0.35;
        x[2 * r + 1] = centres[c]![1]! + rng.normal() * 0.35;
        y[r] = c;
      }
      return { x, y };
    };
    const sizes = [2, 8, 3];
    const net = new DenseNet(
      config({
        sizes,
        optimizer: 'adam',
        learningRate: 0.03,
        batchSize: 16,
        state: randomState(sizes, 'adam', 1),
      }),
    );
    const train = blobs(300, 1);
    const test = blobs(150, 2);
    net.setData(train.x, train.y);
    const start = net.stats(train.x, train.y, test.x, test.y);
    net.train(400);
    const end = net.stats(train.x, train.y, test.x, test.y);
    expect(end.trainLoss).toBeLessThan(start.trainLoss / 4);
    expect(end.testAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(Math.min(...end.testClassAccuracy)).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['one sigmoid unit', 1],
    ['a softmax over 4 classes', 4],
  ])(
    'keeps its buffers across steps and epochs, and allocates no typed array in step() (%s)',
    (_, k) => {
      const net =
        k === 1
          ? netFor(xorSpec({ batchSize: 32, optimizer: 'adam' }))
          : new DenseNet(
              config({
                sizes: [2, 8, 8, 4],
                optimizer: 'adam',
                batchSize: 32,
                state: randomState([2, 8, 8, 4], 'adam', 1),
              }),
            );
      const train = xorPoints(200, 1);
      if (k > 1) train.y.forEach((_, r) => (train.y[r] = r % k));
      net.setData(train.x, train.y);
      net.step();
      const fields = (): unknown[] => {
        const inside = net as unknown as Record<string, unknown>;
        return Object.keys(inside)
          .filter((key) => ArrayBuffer.isView(inside[key]) || Array.isArray(inside[key]))
          .flatMap((key) =>
            Array.isArray(inside[key])
              ? [inside[key], ...(inside[key] as unknown[])]
              : [inside[key]],
          );
      };
      const before = fields();
      expect(before.length).toBeGreaterThan(10);
      // Count every typed array made while stepping (the engine's code reaches the globals).
      const made = { count: 0 };
      const originals = { Float32Array, Float64Array, Int32Array };
      type Constructor = new (...args: unknown[]) => object;
      const counting = (Base: unknown): unknown =>
        class extends (Base as Constructor) {
          constructor(...args: unknown[]) {
            super(...args);
            made.count++;
          }
        };
      Object.assign(globalThis, {
        Float32Array: counting(Float32Array),
        Float64Array: counting(Float64Array),
        Int32Array: counting(Int32Array),
      });
      try {
        for (let s = 0; s < 50; s++) net.step(); // several epochs of 7 batches
        new Float64Array(1); // the counter works
      } finally {
        Object.assign(globalThis, originals);
      }
      expect(made.count).toBe(1);
      const after = fields();
      expect(after.length).toBe(before.length);
      after.forEach((buffer, k) => expect(buffer).toBe(before[k]));
    },
  );

  it('state() is a copy; load() puts a state back exactly', () => {
    const net = netFor(xorSpec());
    const train = xorPoints(50, 1);
    net.setData(train.x, train.y);
    const start = net.state();
    net.train(5);
    const moved = net.state();
    expect(moved.adamStep).toBe(5);
    expect(moved.values).not.toEqual(start.values);
    moved.values[0] = 1234; // a copy: the network is untouched
    expect(net.stats(train.x, train.y).maxWeight).toBeLessThan(100);
    net.load(start);
    expect(net.state()).toEqual(start);
    expect(net.adamStep).toBe(0);
    expect(() => net.load({ values: new Float32Array(3), adamStep: 0 })).toThrow(RangeError);
  });

  it('packs its state exactly as the tfjs engine does (state.ts)', () => {
    for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
      const sizes = [2, 5, 3, 1];
      expect(denseParameterCount(sizes)).toBe(parameterCount(sizes));
      expect(denseSlotCount(optimizer)).toBe(slotCount(optimizer));
    }
  });

  it('refuses what it cannot run', () => {
    expect(() => new DenseNet(config({ sizes: [2] }))).toThrow(RangeError);
    expect(() => new DenseNet(config({ sizes: [2, 0] }))).toThrow(RangeError);
    expect(() => new DenseNet(config({ sizes: [2, 3, 1], activations: [] }))).toThrow(RangeError);
    expect(() => new DenseNet(config({ sizes: [2, 1], activations: [], learningRate: 0 }))).toThrow(
      RangeError,
    );
    const net = new DenseNet(config({ sizes: [2, 1], activations: [] }));
    expect(() => net.setData(new Float32Array(3), new Float32Array(2))).toThrow(RangeError);
  });
});

describe('divergence', () => {
  const fine = {
    trainLoss: 0.5,
    trainAccuracy: 0.8,
    testLoss: 0.6,
    testAccuracy: 0.7,
    maxWeight: 3,
  };
  const spec = { loss: 'cross-entropy', learningRate: 3 } as const;

  it('names what went wrong, or returns null', () => {
    expect(divergence(spec, fine, 0.69)).toBeNull();
    expect(divergence(spec, { ...fine, testLoss: NaN }, 0.69)).toContain('too large to compute');
    expect(divergence(spec, { ...fine, trainLoss: 7.2 }, 0.69)).toContain('grew from 0.69 to 7.2');
    expect(divergence(spec, { ...fine, trainLoss: 7.2 }, null)).toBeNull(); // no reference yet
    expect(divergence(spec, { ...fine, maxWeight: 2 * DIVERGENCE.maxWeight }, 0.69)).toContain(
      'out of bounds',
    );
    expect(divergence(spec, { ...fine, maxWeight: Infinity }, 0.69)).toContain(
      'learning rate 3 is probably too high',
    );
    const squared = { loss: 'squared-error', learningRate: 3 } as const;
    expect(divergence(squared, { ...fine, trainLoss: 0.46 }, 0.25)).toContain('grew');
    expect(divergence(squared, { ...fine, trainLoss: 0.44 }, 0.2)).toBeNull(); // under the floor
  });
});

describe('JsTrainer', () => {
  const TRAIN = xorPoints(200, 1);
  const TEST = xorPoints(100, 2);

  it("reports step 0 first, with DenseNet's statistics of the seeded weights", async () => {
    const spec = xorSpec({ batchSize: 32 });
    const t = createJsTrainer({ spec, train: TRAIN, test: TEST });
    expect(t).toBeInstanceOf(JsTrainer);
    expect(t.backend).toBe('js');
    const first = await t.train(0);
    const stats = netFor(spec).stats(TRAIN.x, TRAIN.y, TEST.x, TEST.y);
    expect(first).toEqual({
      step: 0,
      epoch: 0,
      trainLoss: stats.trainLoss,
      testLoss: stats.testLoss,
      trainAccuracy: stats.trainAccuracy,
      testAccuracy: stats.testAccuracy,
      trainClassAccuracy: stats.trainClassAccuracy,
      testClassAccuracy: stats.testClassAccuracy,
      backend: 'js',
    });
    expect(first.trainClassAccuracy).toHaveLength(2);
    // 7 steps of 32 make one epoch of 200 (6 × 32 + 8), as on tfjs.
    const report = await t.train(7);
    expect(report.step).toBe(7);
    expect(report.epoch).toBeCloseTo(1, 12);
    const net = netFor(spec);
    net.setData(TRAIN.x, TRAIN.y);
    net.train(7);
    expect(report.trainLoss).toBe(net.stats(TRAIN.x, TRAIN.y).trainLoss);
  });

  it('measure: false takes the steps without the losses (stale), and train(0) then measures', async () => {
    const spec = xorSpec({ batchSize: 10 });
    const t = createJsTrainer({ spec, train: TRAIN, test: TEST });
    const first = await t.train(0);
    const quiet = await t.train(5, { measure: false });
    expect(quiet.stale).toBe(true);
    expect(quiet.step).toBe(5);
    expect(quiet.trainLoss).toBe(first.trainLoss); // the old numbers, said to be old
    const now = await t.train(0);
    expect(now.stale).toBeUndefined();
    expect(now.step).toBe(5);
    const net = netFor(spec);
    net.setData(TRAIN.x, TRAIN.y);
    net.train(5);
    expect(now.trainLoss).toBe(net.stats(TRAIN.x, TRAIN.y).trainLoss);
    expect(await t.train(0)).toBe(now); // nothing new: the same report
  });

  it('starts from the seeded weights and answers predict, activations and weights', async () => {
    const spec = xorSpec({ seed: 42 });
    const t = new JsTrainer({ spec, train: TRAIN, test: TEST });
    const weights = await t.weights();
    const expected = initialWeights(spec);
    expect(weights).toEqual(expected);
    const grid = new Float32Array([0.5, 0.5, -0.5, 0.5, 0, 0]);
    const p = await t.predict(grid);
    const layers = await t.activations(grid);
    expect(layers.map((units) => units.length)).toEqual([8, 8, 1]);
    expect(Array.from(layers[2]![0]!)).toEqual(Array.from(p));
    expect(await t.predict(new Float32Array(0))).toEqual(new Float32Array(0));
    await expect(t.predict(new Float32Array(3))).rejects.toThrow(RangeError);
    await expect(t.train(-1)).rejects.toThrow(RangeError);
  });

  it('stops at the deadline after at least one step', async () => {
    const t = createJsTrainer({ spec: xorSpec(), train: TRAIN, test: TEST });
    const report = await t.train(1_000_000, { maxMs: 5 });
    expect(report.step).toBeGreaterThanOrEqual(1);
    expect(report.step).toBeLessThan(1_000_000);
  });

  it('a learning rate far too high pauses with a diverged problem and puts the last good numbers back', async () => {
    const problems: TrainProblem[] = [];
    const spec = xorSpec({ optimizer: 'sgd', learningRate: 1e3 });
    const t = createJsTrainer({
      spec,
      train: TRAIN,
      test: TEST,
      onProblem: (p) => problems.push(p),
    });
    const good = await t.train(0);
    const goodWeights = await t.weights();
    const report = await t.train(50);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.kind).toBe('diverged');
    expect(problems[0]!.message).toContain('learning rate 1000 is probably too high');
    expect(report).toEqual({ ...good, problem: problems[0] });
    expect(await t.weights()).toEqual(goodWeights);
    expect((await t.predict(new Float32Array([0.5, 0.5]))).every(Number.isFinite)).toBe(true);
    // Training on goes from the restored moment (and diverges again); a reset starts over.
    const again = await t.train(50);
    expect(again.step).toBe(0);
    expect(again.problem?.kind).toBe('diverged');
    t.reset();
    expect(await t.train(0)).toEqual(good);
  });

  it('new data: the next report is made on it before any step, and is the new reference', async () => {
    const t = createJsTrainer({ spec: xorSpec(), train: TRAIN, test: TEST });
    await t.train(20);
    const weights = await t.weights();
    const train = xorPoints(80, 9);
    const test = xorPoints(30, 10);
    t.setData(train, test);
    const report = await t.train(0);
    expect(report.step).toBe(20);
    const net = netFor(xorSpec());
    net.setData(TRAIN.x, TRAIN.y);
    net.train(20);
    const stats = net.stats(train.x, train.y, test.x, test.y);
    expect(report.trainLoss).toBe(stats.trainLoss);
    expect(report.testAccuracy).toBe(stats.testAccuracy);
    expect(await t.weights()).toEqual(weights);
    expect((await t.train(1)).epoch).toBeCloseTo(21, 12);
  });

  it('a reset goes back to step 0 and the same run', async () => {
    const t = createJsTrainer({ spec: xorSpec({ batchSize: 16 }), train: TRAIN, test: TEST });
    const first = await t.train(30);
    t.reset();
    expect((await t.train(0)).step).toBe(0);
    expect(await t.train(30)).toEqual(first);
  });

  it('rejects every call once disposed', async () => {
    const t = createJsTrainer({ spec: xorSpec(), train: TRAIN, test: TEST });
    t.dispose();
    t.dispose(); // twice is harmless
    await expect(t.train(1)).rejects.toThrow('disposed');
    await expect(t.predict(new Float32Array(2))).rejects.toThrow('disposed');
    await expect(t.activations(new Float32Array(2))).rejects.toThrow('disposed');
    await expect(t.weights()).rejects.toThrow('disposed');
    expect(() => t.reset()).toThrow('disposed');
    expect(() => t.setData(TRAIN, TEST)).toThrow('disposed');
  });

  it('checks its spec and data as the tfjs trainer does', () => {
    expect(() =>
      createJsTrainer({ spec: xorSpec({ learningRate: -1 }), train: TRAIN, test: TEST }),
    ).toThrow(RangeError);
    const bad = { x: new Float32Array([0, 0]), y: new Float32Array([2]) };
    expect(() => createJsTrainer({ spec: xorSpec(), train: bad, test: TEST })).toThrow(RangeError);
  });
});
