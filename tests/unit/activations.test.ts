import { describe, expect, it } from 'vitest';
import { sigmoid, sigmoidPrime } from '../../src/math/activations';

/** Inputs from the far tails to the centre, including the ones that overflow a naive e^(−z). */
const ZS = [
  -1000, -800, -710, -709, -100, -40, -20, -10, -5, -2, -1, -0.5, -1e-3, -1e-12, 0, 1e-12, 1e-3,
  0.5, 1, 2, 5, 10, 20, 40, 100, 709, 710, 800, 1000,
];

describe('sigmoid', () => {
  it('is exactly 1/2 at z = 0', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(-0)).toBe(0.5);
  });

  it('matches 1 / (1 + e^(−z)) where that formula does not overflow', () => {
    for (const z of [-30, -3, -0.7, 0.2, 1, 4, 30]) {
      expect(sigmoid(z)).toBeCloseTo(1 / (1 + Math.exp(-z)), 15);
    }
    expect(sigmoid(1)).toBeCloseTo(0.7310585786, 10);
  });

  it('is symmetric, σ(−z) = 1 − σ(z), and finite in [0, 1], even for |z| up to 1000', () => {
    for (const z of ZS) {
      const s = sigmoid(z);
      expect(Number.isFinite(s), `σ(${z}) = ${s}`).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(sigmoid(-z)).toBeCloseTo(1 - s, 12);
    }
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
  });

  it('is increasing', () => {
    for (let i = 1; i < ZS.length; i++) {
      expect(sigmoid(ZS[i]!)).toBeGreaterThanOrEqual(sigmoid(ZS[i - 1]!));
    }
    expect(sigmoid(0.1)).toBeGreaterThan(sigmoid(0));
  });

  it('keeps tiny tail values instead of rounding them to 0 (σ(−30) ≈ e^(−30))', () => {
    expect(sigmoid(-30)).toBeGreaterThan(0);
    expect(sigmoid(-30) / Math.exp(-30)).toBeCloseTo(1, 9);
  });
});

describe('sigmoidPrime', () => {
  it('agrees with a central difference (σ(z+h) − σ(z−h)) / 2h to 1e-6', () => {
    const h = 1e-5;
    for (let z = -12; z <= 12; z += 0.25) {
      const numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h);
      expect(Math.abs(sigmoidPrime(z) - numeric), `z = ${z}`).toBeLessThan(1e-6);
    }
  });

  it('has its maximum 1/4 at z = 0', () => {
    expect(sigmoidPrime(0)).toBe(0.25);
    for (let z = -10; z <= 10; z += 0.01) {
      expect(sigmoidPrime(z)).toBeLessThanOrEqual(0.25);
    }
    expect(sigmoidPrime(0.5)).toBeLessThan(0.25);
    expect(sigmoidPrime(-0.5)).toBeLessThan(0.25);
  });

  it('is even, σ′(−z) = σ′(z), and vanishes in the tails without NaN', () => {
    for (const z of ZS) {
      const d = sigmoidPrime(z);
      expect(Number.isFinite(d), `σ′(${z}) = ${d}`).toBe(true);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(sigmoidPrime(-z)).toBeCloseTo(d, 12);
    }
    expect(sigmoidPrime(1000)).toBe(0);
    expect(sigmoidPrime(-1000)).toBe(0);
  });
});
