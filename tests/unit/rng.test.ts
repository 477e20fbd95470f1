import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/math/rng';
import { centralDifference, secantSlope } from '../../src/math/derivative';

describe('createRng', () => {
  it('reproduces the same sequence from the same seed, and another from another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('draws uniforms in [0, 1) with about the right mean, and normals with mean 0 and variance 1', () => {
    const rng = createRng(7);
    const u = Array.from({ length: 20000 }, () => rng.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((s, x) => s + x, 0) / u.length).toBeCloseTo(0.5, 1);
    const n = Array.from({ length: 20000 }, () => rng.normal());
    const mean = n.reduce((s, x) => s + x, 0) / n.length;
    const variance = n.reduce((s, x) => s + (x - mean) ** 2, 0) / n.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
    expect(n.every(Number.isFinite)).toBe(true);
  });

  it('int(n) stays in [0, n)', () => {
    const rng = createRng(1);
    const xs = Array.from({ length: 1000 }, () => rng.int(3));
    expect(new Set(xs)).toEqual(new Set([0, 1, 2]));
  });
});

describe('numerical derivatives', () => {
  it('the central difference of x³ at 2 is 12 to 1e-6, far closer than the secant', () => {
    const cube = (x: number) => x ** 3;
    expect(Math.abs(centralDifference(cube, 2) - 12)).toBeLessThan(1e-6);
    expect(Math.abs(centralDifference(cube, 2, 0.1) - 12)).toBeLessThan(
      Math.abs(secantSlope(cube, 2, 0.1) - 12),
    );
  });
});
