import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  ACTIVATION_NAMES,
  relu,
  reluPrime,
  sigmoid,
  sigmoidPrime,
  softmax,
  tanh,
  tanhPrime,
} from '../../src/math/activations';
import { centralDifference } from '../../src/math/derivative';
import { createRng } from '../../src/math/rng';

/** Seeded inputs: many moderate ones, and a few far in the tails. */
function inputs(seed: number, count = 500, spread = 20): number[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, k) =>
    k % 50 === 0 ? rng.uniform(-1000, 1000) : rng.uniform(-spread, spread),
  );
}

describe('sigmoid, as properties over random inputs', () => {
  it('σ(−x) = 1 − σ(x)', () => {
    for (const x of inputs(1))
      expect(Math.abs(sigmoid(-x) - (1 - sigmoid(x))), `x = ${x}`).toBeLessThan(1e-15);
  });

  it('σ′ agrees with the central difference to 1e-6', () => {
    for (const x of inputs(2)) {
      expect(Math.abs(sigmoidPrime(x) - centralDifference(sigmoid, x)), `x = ${x}`).toBeLessThan(
        1e-6,
      );
    }
  });
});

describe('tanh', () => {
  it('is odd, lies in [−1, 1], and equals 2σ(2x) − 1', () => {
    for (const x of inputs(3)) {
      const t = tanh(x);
      expect(Number.isFinite(t)).toBe(true);
      expect(Math.abs(t)).toBeLessThanOrEqual(1);
      expect(tanh(-x)).toBe(-t);
      expect(Math.abs(t - (2 * sigmoid(2 * x) - 1)), `x = ${x}`).toBeLessThan(1e-12);
    }
    expect(tanh(0)).toBe(0);
    expect(tanh(1000)).toBe(1);
    expect(tanh(-1000)).toBe(-1);
  });

  it('tanh′ agrees with the central difference to 1e-6, peaks at tanh′(0) = 1, vanishes in the tails', () => {
    for (const x of inputs(4)) {
      const d = tanhPrime(x);
      expect(Math.abs(d - centralDifference(tanh, x)), `x = ${x}`).toBeLessThan(1e-6);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(1);
    }
    expect(tanhPrime(0)).toBe(1);
    expect(tanhPrime(1000)).toBe(0);
    expect(tanhPrime(-1000)).toBe(0);
  });
});

describe('ReLU', () => {
  it('keeps positive inputs, zeroes negative ones: relu(x) − relu(−x) = x', () => {
    for (const x of inputs(5)) {
      expect(relu(x)).toBeGreaterThanOrEqual(0);
      expect(relu(x) - relu(-x)).toBe(x);
    }
    expect(relu(3)).toBe(3);
    expect(relu(-3)).toBe(0);
  });

  it('ReLU′ is 1 for x > 0 and 0 for x < 0 (agreeing with the central difference away from the corner), and 0 at x = 0', () => {
    for (const x of inputs(6)) {
      if (Math.abs(x) < 1e-3) continue; // the corner: the difference quotient straddles it
      expect(reluPrime(x)).toBe(x > 0 ? 1 : 0);
      expect(Math.abs(reluPrime(x) - centralDifference(relu, x))).toBeLessThan(1e-6);
    }
    expect(reluPrime(0)).toBe(0);
  });
});

describe('softmax', () => {
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

  it('gives probabilities that sum to 1 and keep the order of the scores', () => {
    const rng = createRng(7);
    for (let t = 0; t < 300; t++) {
      const z = Array.from({ length: 1 + rng.int(8) }, () => rng.uniform(-30, 30));
      const p = softmax(z);
      expect(p).toHaveLength(z.length);
      expect(Math.abs(sum(p) - 1)).toBeLessThan(1e-12);
      for (const v of p) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      for (let i = 1; i < z.length; i++) {
        if (z[i]! > z[i - 1]!) expect(p[i]!).toBeGreaterThanOrEqual(p[i - 1]!);
      }
    }
  });

  it('is finite and sums to 1 for extreme inputs (±1000, all equal, mixed)', () => {
    const rng = createRng(8);
    const cases = [
      [1000, -1000],
      [1000, 1000, 1000],
      [-1000, -1000],
      [1000, 0, -1000],
      [-1000],
      ...Array.from({ length: 100 }, () =>
        Array.from({ length: 2 + rng.int(6) }, () =>
          rng.next() < 0.5 ? (rng.next() < 0.5 ? 1000 : -1000) : rng.uniform(-1000, 1000),
        ),
      ),
    ];
    for (const z of cases) {
      const p = softmax(z);
      expect(p.every(Number.isFinite), `softmax(${z.join(', ')}) = ${p.join(', ')}`).toBe(true);
      expect(Math.abs(sum(p) - 1), `z = ${z.join(', ')}`).toBeLessThan(1e-12);
    }
    expect(softmax([1000, -1000])).toEqual([1, 0]);
    expect(softmax([-1000, -1000])).toEqual([0.5, 0.5]);
    expect(softmax([1000, 1000, 1000])[0]).toBeCloseTo(1 / 3, 15);
  });

  it('does not change when the same number is added to every score', () => {
    const rng = createRng(9);
    for (let t = 0; t < 100; t++) {
      const z = Array.from({ length: 4 }, () => rng.uniform(-5, 5));
      const c = rng.uniform(-500, 500);
      const shifted = softmax(z.map((v) => v + c));
      softmax(z).forEach((v, i) => expect(Math.abs(v - shifted[i]!)).toBeLessThan(1e-12));
    }
  });

  it('matches e^(zᵢ) / Σ e^(zⱼ) on a small example, and maps [] to []', () => {
    const e = Math.exp;
    const expected = [e(1), e(2), e(3)].map((v) => v / (e(1) + e(2) + e(3)));
    softmax([1, 2, 3]).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 15));
    expect(softmax([0, 0])).toEqual([0.5, 0.5]);
    expect(softmax([])).toEqual([]);
  });
});

describe('ACTIVATIONS', () => {
  it('lists sigmoid, tanh, ReLU, leaky ReLU and linear, each with a derivative that matches its function', () => {
    expect(Object.keys(ACTIVATIONS)).toEqual(['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear']);
    expect(Object.keys(ACTIVATIONS)).toEqual([...ACTIVATION_NAMES]);
    expect(ACTIVATIONS.sigmoid.f).toBe(sigmoid);
    expect(ACTIVATIONS.relu.label).toBe('ReLU');
    for (const [name, { f, df, label, symbol }] of Object.entries(ACTIVATIONS)) {
      expect(label.length, name).toBeGreaterThan(0);
      expect(symbol.length, name).toBeGreaterThan(0);
      for (const x of inputs(10, 100, 8)) {
        if (Math.abs(x) < 1e-3) continue;
        expect(Math.abs(df(x) - centralDifference(f, x)), `${name}′(${x})`).toBeLessThan(1e-6);
      }
    }
  });
});

describe('the activation table', () => {
  it("states each activation's largest slope: the maximum of f′ over a fine grid", () => {
    for (const [name, { df, peakSlope }] of Object.entries(ACTIVATIONS)) {
      let largest = 0;
      for (let z = -20; z <= 20; z += 0.001) largest = Math.max(largest, df(z));
      expect(largest, name).toBeCloseTo(peakSlope, 6);
    }
    expect(ACTIVATIONS.sigmoid.peakSlope).toBe(0.25);
  });

  it('dfOut gives f′(z) from the output a = f(z) alone', () => {
    for (const [name, { f, df, dfOut }] of Object.entries(ACTIVATIONS)) {
      for (const z of [-4, -1.5, -0.2, 0.3, 1, 2.5]) {
        expect(dfOut(f(z)), `${name} at ${z}`).toBeCloseTo(df(z), 12);
      }
    }
  });

  it('leaky ReLU keeps a slope of 0.01 below zero, so its derivative is never 0', () => {
    const { f, df } = ACTIVATIONS['leaky-relu'];
    expect(f(-3)).toBeCloseTo(-0.03, 15);
    expect(f(2)).toBe(2);
    expect(df(-5)).toBe(0.01);
    expect(df(5)).toBe(1);
    expect(ACTIVATIONS.relu.df(-5)).toBe(0);
  });

  it('writes the range and the derivative of each in words', () => {
    expect(ACTIVATIONS.sigmoid.range).toBe('(0, 1)');
    expect(ACTIVATIONS.tanh.range).toBe('(−1, 1)');
    for (const [name, a] of Object.entries(ACTIVATIONS)) {
      expect(a.derivative.length, name).toBeGreaterThan(3);
      expect(a.formula.length, name).toBeGreaterThan(3);
    }
  });
});
