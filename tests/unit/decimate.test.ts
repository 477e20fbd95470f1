import { describe, expect, it } from 'vitest';
import { GAP, decimateMinMax } from '../../src/charts/decimate';
import { createRng } from '../../src/math/rng';

/** A noisy, falling loss curve of n steps (1, 2, …, n), seeded. */
function lossCurve(n: number, seed = 7): { xs: Float64Array; ys: Float64Array } {
  const rng = createRng(seed);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = i + 1;
    ys[i] = 0.1 + Math.exp(-i / (n / 5)) + 0.05 * rng.normal();
  }
  return { xs, ys };
}

/** The pixel column of step x, as the decimator computes it. */
const columnOf = (x: number, x0: number, x1: number, columns: number) =>
  Math.min(columns - 1, Math.max(0, Math.floor(((x - x0) * columns) / (x1 - x0))));

describe('decimateMinMax', () => {
  it('returns every point when there are fewer points than columns', () => {
    const { xs, ys } = lossCurve(50);
    const out = decimateMinMax(xs, ys, 50, { columns: 800, x0: 1, x1: 50 });
    expect(out).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('bounds the output by the width: at most 4 points per pixel column', () => {
    const { xs, ys } = lossCurve(100_000);
    for (const columns of [1, 37, 320, 800]) {
      const out = decimateMinMax(xs, ys, xs.length, { columns, x0: 1, x1: 100_000 });
      expect(out.length).toBeLessThanOrEqual(4 * columns);
      expect(out.length).toBeGreaterThanOrEqual(Math.min(2, columns * 2));
      expect(out).not.toContain(GAP);
    }
  });

  it('keeps the first and the last point, in index order', () => {
    const { xs, ys } = lossCurve(10_000);
    const out = decimateMinMax(xs, ys, xs.length, { columns: 300, x0: 1, x1: 10_000 });
    expect(out[0]).toBe(0);
    expect(out.at(-1)).toBe(9_999);
    for (let k = 1; k < out.length; k++) expect(out[k]!).toBeGreaterThan(out[k - 1]!);
  });

  it('keeps the minimum and the maximum of every pixel column', () => {
    const { xs, ys } = lossCurve(20_000, 3);
    const columns = 250;
    const [x0, x1] = [1, 20_000];
    const out = new Set(decimateMinMax(xs, ys, xs.length, { columns, x0, x1 }));
    const lo = new Array<number>(columns).fill(Infinity);
    const hi = new Array<number>(columns).fill(-Infinity);
    for (let i = 0; i < xs.length; i++) {
      const c = columnOf(xs[i]!, x0, x1, columns);
      lo[c] = Math.min(lo[c]!, ys[i]!);
      hi[c] = Math.max(hi[c]!, ys[i]!);
    }
    const keptLo = new Array<number>(columns).fill(Infinity);
    const keptHi = new Array<number>(columns).fill(-Infinity);
    for (const i of out) {
      const c = columnOf(xs[i]!, x0, x1, columns);
      keptLo[c] = Math.min(keptLo[c]!, ys[i]!);
      keptHi[c] = Math.max(keptHi[c]!, ys[i]!);
    }
    expect(keptLo).toEqual(lo);
    expect(keptHi).toEqual(hi);
  });

  it('keeps a one-step spike visible among 100,000 points', () => {
    const { xs, ys } = lossCurve(100_000);
    ys[61_234] = 50; // the learning rate was too large for one step
    const out = decimateMinMax(xs, ys, xs.length, { columns: 400, x0: 1, x1: 100_000 });
    expect(out).toContain(61_234);
  });

  it('only reads the first `length` points (the rest of a growing buffer is unused)', () => {
    const xs = new Float64Array(16);
    const ys = new Float64Array(16).fill(Number.NaN);
    for (let i = 0; i < 5; i++) [xs[i], ys[i]] = [i, 1 / (i + 1)];
    expect(decimateMinMax(xs, ys, 5, { columns: 100, x0: 0, x1: 4 })).toEqual([0, 1, 2, 3, 4]);
  });

  it('never returns a non-finite value, and breaks the line where one was', () => {
    const xs = Float64Array.from({ length: 10 }, (_, i) => i);
    const ys = Float64Array.from([
      1,
      0.9,
      Number.NaN,
      0.7,
      0.6,
      Infinity,
      -Infinity,
      0.3,
      0.2,
      0.1,
    ]);
    const out = decimateMinMax(xs, ys, 10, { columns: 100, x0: 0, x1: 9 });
    expect(out).toEqual([0, 1, GAP, 3, 4, GAP, 7, 8, 9]);
  });

  it('breaks the line even when the missing value shares a pixel column with its neighbours', () => {
    const xs = Float64Array.from({ length: 1000 }, (_, i) => i);
    const ys = Float64Array.from({ length: 1000 }, (_, i) => 1 + Math.sin(i));
    ys[500] = Number.NaN;
    const out = decimateMinMax(xs, ys, 1000, { columns: 10, x0: 0, x1: 999 });
    const gap = out.indexOf(GAP);
    expect(gap).toBeGreaterThan(0);
    expect(out[gap - 1]!).toBeLessThan(500);
    expect(out[gap + 1]!).toBeGreaterThan(500);
    expect(out.filter((i) => i === GAP)).toHaveLength(1);
    for (const i of out) if (i !== GAP) expect(Number.isFinite(ys[i]!)).toBe(true);
  });

  it('never starts or ends with a gap, nor has two in a row', () => {
    const xs = Float64Array.from({ length: 8 }, (_, i) => i);
    const ys = Float64Array.from([NaN, NaN, 1, NaN, NaN, NaN, 2, NaN]);
    expect(decimateMinMax(xs, ys, 8, { columns: 100, x0: 0, x1: 7 })).toEqual([2, GAP, 6]);
    expect(decimateMinMax(xs, ys.fill(NaN), 8, { columns: 100, x0: 0, x1: 7 })).toEqual([]);
  });

  it('on a log scale, treats values ≤ 0 as gaps through `defined`', () => {
    const xs = Float64Array.from([0, 1, 2, 3]);
    const ys = Float64Array.from([0.5, 0, 0.25, 0.125]);
    const out = decimateMinMax(xs, ys, 4, { columns: 100, x0: 0, x1: 3, defined: (y) => y > 0 });
    expect(out).toEqual([0, GAP, 2, 3]);
  });

  it('puts every point in one column when all steps are equal', () => {
    const xs = Float64Array.from([5, 5, 5, 5, 5]);
    const ys = Float64Array.from([3, 1, 4, 1, 5]);
    expect(decimateMinMax(xs, ys, 5, { columns: 50, x0: 5, x1: 5 })).toEqual([0, 1, 4]);
  });
});
