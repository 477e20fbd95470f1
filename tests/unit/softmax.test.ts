import { describe, expect, it } from 'vitest';
import { sigmoid, softmax } from '../../src/math/activations';
import { centralDifference } from '../../src/math/derivative';
import { createRng } from '../../src/math/rng';
import {
  argmax,
  crossEntropy,
  crossEntropyGradient,
  logSoftmax,
  logSumExp,
  lossOfProbability,
  oneHot,
  readSoftmax,
  softmaxCrossEntropyRow,
  softmaxWithTemperature,
} from '../../src/math/softmax';

/** Seeded score vectors of k = 2 … 10 classes, moderate and a few far apart. */
function cases(seed: number, count = 200): { z: number[]; y: number }[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, n) => {
    const k = 2 + (n % 9);
    const spread = n % 20 === 0 ? 50 : 5;
    const z = Array.from({ length: k }, () => rng.uniform(-spread, spread));
    return { z, y: Math.floor(rng.uniform(0, k)) % k };
  });
}

const sum = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0);

describe('log-sum-exp and log-softmax', () => {
  it('equal the naive formulas where those do not overflow', () => {
    for (const { z } of cases(1)) {
      if (Math.max(...z.map(Math.abs)) > 20) continue;
      const naive = Math.log(sum(z.map(Math.exp)));
      expect(logSumExp(z)).toBeCloseTo(naive, 12);
      const p = softmax(z);
      logSoftmax(z).forEach((l, i) => expect(l).toBeCloseTo(Math.log(p[i]!), 12));
    }
  });

  it('stay finite for scores of ±1000 (the naive e^1000 is Infinity)', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 10);
    expect(logSoftmax([1000, 0, -1000])).toEqual([0, -1000, -2000]);
    expect(logSumExp([-1000, -1000, -1000])).toBeCloseTo(-1000 + Math.log(3), 10);
  });

  it('lie between max z and max z + log k', () => {
    for (const { z } of cases(2)) {
      const m = Math.max(...z);
      expect(logSumExp(z)).toBeGreaterThanOrEqual(m);
      expect(logSumExp(z)).toBeLessThanOrEqual(m + Math.log(z.length) + 1e-12);
    }
  });
});

describe('cross-entropy −log p_y', () => {
  it('is −log of the softmax probability of the right class', () => {
    for (const { z, y } of cases(3)) {
      const p = softmax(z)[y]!;
      if (p < 1e-300) continue;
      expect(crossEntropy(z, y)).toBeCloseTo(-Math.log(p), 9);
    }
  });

  it('worked values: equal scores of k classes cost log k; p = ½ costs 0.693', () => {
    expect(crossEntropy([0, 0, 0], 1)).toBeCloseTo(Math.log(3), 12);
    expect(crossEntropy([2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 9)).toBeCloseTo(Math.log(10), 12);
    expect(lossOfProbability(0.5)).toBeCloseTo(0.6931, 4);
    expect(lossOfProbability(0.01)).toBeCloseTo(4.6052, 4);
    expect(lossOfProbability(1)).toBe(-0);
    expect(lossOfProbability(0)).toBe(Infinity);
  });

  it('stays finite where p_y underflows to 0: a score 800 below costs 800', () => {
    expect(softmax([800, 0])[1]).toBe(0);
    expect(crossEntropy([800, 0], 1)).toBeCloseTo(800, 9);
    expect(crossEntropy([800, 0], 0)).toBe(0);
  });

  it('is never negative', () => {
    for (const { z, y } of cases(4)) expect(crossEntropy(z, y)).toBeGreaterThanOrEqual(0);
  });

  it('refuses a class outside 0 … k − 1 and a temperature ≤ 0, in words', () => {
    expect(() => crossEntropy([1, 2, 3], 3)).toThrow(/index 0 … 2, not 3/);
    expect(() => crossEntropy([1, 2, 3], 1.5)).toThrow(RangeError);
    expect(() => crossEntropy([1, 2, 3], 0, 0)).toThrow(/temperature must be a number > 0/);
    expect(() => softmaxWithTemperature([1, 2], Number.NaN)).toThrow(RangeError);
    expect(() => lossOfProbability(1.5)).toThrow(RangeError);
  });
});

describe('the gradient softmax(z / T) − onehot(y), over T', () => {
  it('agrees with the central difference of the loss to 1e-6, for T = 1, 0.5 and 3', () => {
    for (const T of [1, 0.5, 3]) {
      for (const { z, y } of cases(5, 120)) {
        const grad = crossEntropyGradient(z, y, T);
        z.forEach((zi, i) => {
          const f = (v: number): number => crossEntropy(z.with(i, v), y, T);
          const estimate = centralDifference(f, zi);
          expect(Math.abs(grad[i]! - estimate), `T=${T} z=${z.join(',')} i=${i}`).toBeLessThan(
            1e-6,
          );
        });
      }
    }
  });

  it('is p − 1 on the right class, p on the others, and sums to 0', () => {
    for (const { z, y } of cases(6)) {
      const p = softmax(z);
      const g = crossEntropyGradient(z, y);
      const expected = p.map((pi, i) => pi - oneHot(z.length, y)[i]!);
      g.forEach((gi, i) => expect(gi).toBeCloseTo(expected[i]!, 14));
      expect(g[y]).toBeLessThanOrEqual(0);
      g.forEach((gi, i) => i !== y && expect(gi).toBeGreaterThanOrEqual(0));
      expect(Math.abs(sum(g))).toBeLessThan(1e-12);
    }
  });

  it('for k = 2 is the sigmoid neuron again: σ(s) − y on the score s of class 1', () => {
    for (const s of [-4, -1, 0, 0.3, 2, 7]) {
      for (const y of [0, 1]) {
        expect(crossEntropyGradient([0, s], y)[1]).toBeCloseTo(sigmoid(s) - y, 14);
        // and the loss is the binary cross-entropy of lesson 5
        const a = sigmoid(s);
        const bce = -(y * Math.log(a) + (1 - y) * Math.log(1 - a));
        expect(crossEntropy([0, s], y)).toBeCloseTo(bce, 12);
      }
    }
  });
});

describe('temperature and adding a constant', () => {
  it('T = 1 is the plain softmax; every temperature gives probabilities summing to 1', () => {
    for (const { z } of cases(7)) {
      expect(softmaxWithTemperature(z)).toEqual(softmax(z));
      for (const T of [0.1, 0.5, 2, 10]) {
        const p = softmaxWithTemperature(z, T);
        expect(sum(p)).toBeCloseTo(1, 12);
        // the order of the classes is kept
        expect(argmax(p)).toBe(argmax(z));
      }
    }
  });

  it('a high T flattens towards 1/k, a low T sharpens towards the largest score', () => {
    const z = [2, 1, 0.1];
    const hot = softmaxWithTemperature(z, 1000);
    hot.forEach((p) => expect(p).toBeCloseTo(1 / 3, 3));
    const cold = softmaxWithTemperature(z, 0.01);
    expect(cold[0]).toBeCloseTo(1, 12);
    const plain = softmax(z);
    expect(softmaxWithTemperature(z, 2)[0]).toBeLessThan(plain[0]!);
    expect(softmaxWithTemperature(z, 0.5)[0]).toBeGreaterThan(plain[0]!);
  });

  it('adding the same constant to every score changes neither probabilities nor loss', () => {
    for (const { z, y } of cases(8, 60)) {
      for (const c of [-100, 3, 500]) {
        const shifted = z.map((v) => v + c);
        softmax(shifted).forEach((p, i) => expect(p).toBeCloseTo(softmax(z)[i]!, 12));
        expect(crossEntropy(shifted, y)).toBeCloseTo(crossEntropy(z, y), 9);
      }
    }
  });
});

describe('readSoftmax and the in-place batch row', () => {
  it('readSoftmax gives the same numbers as the separate functions', () => {
    for (const { z, y } of cases(9, 50)) {
      const r = readSoftmax(z, y, 1.5);
      expect(r.probabilities).toEqual(softmaxWithTemperature(z, 1.5));
      expect(r.loss).toBe(crossEntropy(z, y, 1.5));
      expect(r.gradient).toEqual(crossEntropyGradient(z, y, 1.5));
      expect(r.predicted).toBe(argmax(z));
    }
  });

  it('softmaxCrossEntropyRow writes the gradient of one row of a Float32Array batch', () => {
    const k = 4;
    const rows = cases(10, 40).filter((c) => c.z.length === k);
    const batch = new Float32Array(rows.flatMap((r) => r.z));
    const grad = new Float32Array(batch.length);
    rows.forEach(({ y }, r) => {
      const z = Array.from(batch.subarray(r * k, r * k + k));
      const loss = softmaxCrossEntropyRow(batch, r * k, k, y, grad);
      expect(loss).toBeCloseTo(crossEntropy(z, y), 5);
      crossEntropyGradient(z, y).forEach((g, i) => expect(grad[r * k + i]).toBeCloseTo(g, 6));
    });
    // in place: the scores become their gradient
    const z = [1, 2, 3];
    const expected = crossEntropyGradient(z, 0);
    const loss = softmaxCrossEntropyRow(z, 0, 3, 0, z);
    expect(loss).toBeCloseTo(crossEntropy([1, 2, 3], 0), 12);
    z.forEach((g, i) => expect(g).toBeCloseTo(expected[i]!, 14));
  });
});

describe('oneHot and argmax', () => {
  it('oneHot puts a single 1 at y', () => {
    expect(oneHot(4, 2)).toEqual([0, 0, 1, 0]);
    expect(() => oneHot(3, -1)).toThrow(RangeError);
  });
  it('argmax picks the first of equal largest scores', () => {
    expect(argmax([1, 3, 3, 2])).toBe(1);
    expect(argmax([-5])).toBe(0);
  });
});
