/**
 * Deep, narrow networks (src/math/deep-net.ts): the initialisation schemes' spreads, the per-layer
 * gradient norms against src/math/autodiff on a small deep case, and the layer statistics.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../src/math/activations';
import type { ActivationName } from '../../src/math/activations';
import { Value } from '../../src/math/autodiff';
import { DenseNet, denseParameterCount } from '../../src/math/dense-net';
import {
  INITS,
  INIT_SCHEMES,
  gradientNorms,
  hiddenActivations,
  initialState,
  layerStats,
} from '../../src/math/deep-net';
import { createRng } from '../../src/math/rng';

/** The kernel weights of layer l (1-based) in DenseNet's packed layout. */
function kernel(values: ArrayLike<number>, sizes: number[], l: number): number[] {
  let at = 0;
  for (let k = 1; k < l; k++) at += (sizes[k - 1]! + 1) * sizes[k]!;
  return Array.from({ length: sizes[l - 1]! * sizes[l]! }, (_, i) => values[at + i]!);
}

/** Full-batch plain SGD at rate 0.1 on the cross-entropy, no penalty, from `state`. */
const sgdNet = (
  sizes: number[],
  activations: ActivationName[],
  state: ReturnType<typeof initialState>,
): DenseNet =>
  new DenseNet({
    sizes,
    activations,
    loss: 'cross-entropy',
    optimizer: 'sgd',
    learningRate: 0.1,
    l2: 0,
    batchSize: 0,
    shuffleSeed: 1,
    state,
  });

function std(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
}

describe('initialState', () => {
  it('draws each layer with the spread of its scheme, biases 0, the same for the same seed', () => {
    const sizes = [2, 64, 64, 32, 1];
    for (const scheme of INIT_SCHEMES) {
      const state = initialState(sizes, scheme, 5);
      expect(state.values.length).toBe(denseParameterCount(sizes));
      for (let l = 2; l <= 3; l++) {
        const w = kernel(state.values, sizes, l);
        const expected = INITS[scheme].std(sizes[l - 1]!, sizes[l]!);
        expect(std(w) / expected, `${scheme}, layer ${l}`).toBeGreaterThan(0.9);
        expect(std(w) / expected, `${scheme}, layer ${l}`).toBeLessThan(1.1);
      }
      expect(initialState(sizes, scheme, 5).values).toEqual(state.values);
      expect(initialState(sizes, scheme, 6).values).not.toEqual(state.values);
    }
    // Biases: the 64 numbers after the first kernel.
    const state = initialState(sizes, 'he', 1);
    expect(Array.from(state.values.slice(2 * 64, 3 * 64))).toEqual(new Array(64).fill(0));
    expect(INITS.he.std(8, 8)).toBeCloseTo(0.5, 12);
    expect(INITS.xavier.std(8, 8)).toBeCloseTo(Math.sqrt(1 / 8), 12);
    expect(INITS.xavier.std(2, 8)).toBeCloseTo(Math.sqrt(0.2), 12);
  });

  it('makes room for the optimizer slots', () => {
    const sizes = [2, 3, 1];
    expect(initialState(sizes, 'he', 1, 'adam').values.length).toBe(3 * denseParameterCount(sizes));
  });
});

/**
 * ‖∂L/∂W⁽ℓ⁾‖ of the mean cross-entropy, built as an autodiff graph one example at a time
 * (independent of DenseNet's loops).
 */
function autodiffNorms(
  values: ArrayLike<number>,
  sizes: number[],
  activation: ActivationName,
  x: number[],
  y: number[],
): number[] {
  const L = sizes.length - 1;
  const kernels: Value[][] = [];
  const biases: Value[][] = [];
  let at = 0;
  for (let l = 1; l <= L; l++) {
    const count = sizes[l - 1]! * sizes[l]!;
    kernels.push(Array.from({ length: count }, (_, i) => new Value(values[at + i]!)));
    at += count;
    biases.push(Array.from({ length: sizes[l]! }, (_, i) => new Value(values[at + i]!)));
    at += sizes[l]!;
  }
  const f = (z: Value): Value =>
    activation === 'sigmoid' ? z.sigmoid() : activation === 'tanh' ? z.tanh() : z.relu();
  const n = y.length;
  let total: Value | undefined;
  for (let r = 0; r < n; r++) {
    let a: Value[] = [new Value(x[2 * r]!), new Value(x[2 * r + 1]!)];
    for (let l = 1; l <= L; l++) {
      const units = sizes[l]!;
      const next: Value[] = [];
      for (let j = 0; j < units; j++) {
        let z = biases[l - 1]![j]!;
        a.forEach((ai, i) => (z = z.add(ai.mul(kernels[l - 1]![i * units + j]!))));
        next.push(l === L ? z.sigmoid() : f(z));
      }
      a = next;
    }
    const p = a[0]!;
    const loss = y[r] === 1 ? p.log().neg() : p.neg().add(1).log().neg();
    total = total ? total.add(loss) : loss;
  }
  const mean = total!.div(n);
  mean.backward();
  return kernels.map((k) => Math.sqrt(k.reduce((s, w) => s + w.grad * w.grad, 0)));
}

describe('gradientNorms', () => {
  it.each(['sigmoid', 'tanh', 'relu'] as ActivationName[])(
    'equals the norms of autodiff gradients, layer by layer, in a 5-layer network (%s)',
    (activation) => {
      const sizes = [2, 3, 3, 3, 3, 1];
      const rng = createRng(4);
      const x = Array.from({ length: 12 }, () => rng.uniform(-1, 1));
      const y = [0, 1, 1, 0, 1, 0];
      const state = initialState(sizes, 'large', 3);
      const net = sgdNet(sizes, new Array(sizes.length - 2).fill(activation), state);
      net.setData(x, y);
      net.step();
      const norms = Array.from(gradientNorms(sizes, net.gradients));
      const expected = autodiffNorms(state.values, sizes, activation, x, y);
      expect(norms).toHaveLength(5);
      norms.forEach((g, l) => {
        expect(Math.abs(g - expected[l]!) / expected[l]!, `layer ${l + 1}`).toBeLessThan(1e-9);
      });
    },
  );

  it('shows the sigmoid gradient shrinking layer after layer with small weights', () => {
    const sizes = [2, 8, 8, 8, 8, 8, 8, 8, 8, 1];
    const net = sgdNet(sizes, new Array(8).fill('sigmoid'), initialState(sizes, 'small', 1));
    const rng = createRng(2);
    net.setData(
      Array.from({ length: 40 }, () => rng.uniform(-1, 1)),
      Array.from({ length: 20 }, (_, i) => i % 2),
    );
    net.step();
    const g = Array.from(gradientNorms(sizes, net.gradients));
    for (let l = 1; l < g.length; l++) expect(g[l - 1]!).toBeLessThan(g[l]!);
    // Each sigmoid layer multiplies by at most σ′ = ¼ times weights of size ~0.05·√8.
    expect(g[0]! / g[g.length - 1]!).toBeLessThan(1e-8);
  });
});

describe('layerStats', () => {
  it('counts the outputs into bins over the range of the activation', () => {
    const stats = layerStats(
      [
        [0.5, 0.5, 0.5],
        [0.01, 0.99, 0.5],
      ],
      'sigmoid',
      10,
    );
    expect(stats.lo).toBe(0);
    expect(stats.hi).toBe(1);
    expect(stats.histogram).toEqual([1, 0, 0, 0, 0, 4, 0, 0, 0, 1]);
    expect(stats.mean).toBeCloseTo(0.5, 12);
    // σ′ = a(1 − a): 0.25 four times, 0.0099 twice.
    expect(stats.meanSlope).toBeCloseTo((4 * 0.25 + 2 * 0.0099) / 6, 12);
    expect(stats.flat).toBeCloseTo(2 / 6, 12);
    expect(stats.stuckUnits).toBe(1);
  });

  it('ReLU: zeros are switched off (f′ = 0), the range grows with the data', () => {
    const stats = layerStats(
      [
        [0, 0, 0],
        [0, 2, 4],
      ],
      'relu',
      4,
    );
    expect(stats.lo).toBe(0);
    expect(stats.hi).toBe(4);
    expect(stats.flat).toBeCloseTo(4 / 6, 12);
    expect(stats.stuckUnits).toBe(1);
    expect(stats.histogram).toEqual([4, 0, 1, 1]);
  });

  it('never lets a non-number into a bin, and says so with NaN', () => {
    const stats = layerStats([[NaN, 1]], 'tanh', 4);
    expect(stats.histogram.reduce((a, b) => a + b, 0)).toBe(1);
    expect(stats.mean).toBeNaN();
    expect(stats.meanSlope).toBeNaN();
    expect(stats.flat).toBeNaN();
  });
});

describe('hiddenActivations', () => {
  it('gives every hidden unit its output at every point, the output unit left out', () => {
    const sizes = [2, 3, 3, 1];
    const state = initialState(sizes, 'he', 2);
    const net = sgdNet(sizes, ['tanh', 'tanh'], state);
    const out = hiddenActivations(net, [0.5, -0.5, 1, 1]);
    expect(out).toHaveLength(2);
    expect(out[0]).toHaveLength(3);
    // Unit 0 of layer 1 at the first point: tanh(w₀₀·0.5 + w₁₀·(−0.5)), biases 0.
    const w = state.values;
    expect(out[0]![0]![0]).toBeCloseTo(ACTIVATIONS.tanh.f(w[0]! * 0.5 - w[3]! * 0.5), 6);
  });
});
