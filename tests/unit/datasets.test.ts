import { describe, expect, it } from 'vitest';
import {
  BOUND,
  DATASET_CLASSES,
  DATASET_NAMES,
  isClassDatasetName,
  makeClassDataset,
  circle,
  gaussians,
  isDatasetName,
  makeDataset,
  spiral,
  xor,
  type LabelledPoint,
} from '../../src/math/datasets';

const count = (points: LabelledPoint[], label: 0 | 1) =>
  points.filter((p) => p.label === label).length;
const radius = (p: LabelledPoint) => Math.hypot(p.x, p.y);

describe.each(DATASET_NAMES)('the %s dataset', (name) => {
  it('is the same for the same (n, noise, seed) and different for another seed', () => {
    const a = makeDataset(name, 60, 0.1, 7);
    expect(makeDataset(name, 60, 0.1, 7)).toEqual(a);
    expect(makeDataset(name, 60, 0.1, 8)).not.toEqual(a);
  });

  it.each([100, 101, 2, 1, 0])('has n = %i points, balanced between the two labels', (n) => {
    const points = makeDataset(name, n, 0.05, 3);
    expect(points).toHaveLength(n);
    expect(count(points, 1)).toBe(Math.ceil(n / 2));
    expect(count(points, 0)).toBe(Math.floor(n / 2));
    expect(points.every((p) => p.label === 0 || p.label === 1)).toBe(true);
  });

  it('stays inside the square [−1, 1]², even with a lot of noise', () => {
    for (const noise of [0, 0.1, 2]) {
      const points = makeDataset(name, 400, noise, 11);
      for (const p of points) {
        expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
        expect(Math.abs(p.x)).toBeLessThanOrEqual(BOUND);
        expect(Math.abs(p.y)).toBeLessThanOrEqual(BOUND);
      }
    }
  });

  it('is shuffled: the first 20 points hold both labels', () => {
    const first = makeDataset(name, 200, 0.05, 5).slice(0, 20);
    expect(count(first, 0)).toBeGreaterThan(0);
    expect(count(first, 1)).toBeGreaterThan(0);
  });

  it('refuses a count that is not a whole number ≥ 0, and a negative or non-finite noise', () => {
    expect(() => makeDataset(name, -1, 0, 1)).toThrow(RangeError);
    expect(() => makeDataset(name, 2.5, 0, 1)).toThrow(/whole number/);
    expect(() => makeDataset(name, 10, -0.1, 1)).toThrow(/noise/);
    expect(() => makeDataset(name, 10, Number.NaN, 1)).toThrow(RangeError);
  });
});

describe('the clean shapes (noise 0)', () => {
  it('circle: label 1 inside radius 0.45, label 0 in the ring 0.6 … 0.9', () => {
    for (const p of circle(500, 0, 1)) {
      if (p.label === 1) expect(radius(p)).toBeLessThanOrEqual(0.45 + 1e-12);
      else {
        expect(radius(p)).toBeGreaterThanOrEqual(0.6 - 1e-12);
        expect(radius(p)).toBeLessThanOrEqual(0.9 + 1e-12);
      }
    }
  });

  it('xor: label 1 exactly where x and y have the same sign, never on an axis', () => {
    for (const p of xor(500, 0, 1)) {
      expect(p.label).toBe(p.x * p.y > 0 ? 1 : 0);
      expect(Math.min(Math.abs(p.x), Math.abs(p.y))).toBeGreaterThanOrEqual(0.05);
    }
  });

  it('gaussians: each label is centred on its blob, (0.45, 0.45) for 1 and (−0.45, −0.45) for 0', () => {
    const points = gaussians(4000, 0, 2);
    for (const [label, c] of [
      [1, 0.45],
      [0, -0.45],
    ] as const) {
      const mine = points.filter((p) => p.label === label);
      const mean = (f: (p: LabelledPoint) => number) =>
        mine.reduce((s, p) => s + f(p), 0) / mine.length;
      expect(mean((p) => p.x)).toBeCloseTo(c, 1);
      expect(mean((p) => p.y)).toBeCloseTo(c, 1);
    }
  });

  it('spiral: the two arms are the same curve half a turn apart', () => {
    const points = spiral(400, 0, 4);
    // The same point set turned by π (x, y) → (−x, −y) swaps the arms. Each clean point of one
    // arm lies on the curve r = 0.9(0.08 + 0.92 t), θ = 3.5π t (+ π for label 0).
    for (const p of points) {
      const r = radius(p);
      const t = (r / 0.9 - 0.08) / 0.92;
      expect(t).toBeGreaterThanOrEqual(-1e-9);
      expect(t).toBeLessThanOrEqual(1 + 1e-9);
      const theta = 2 * Math.PI * 1.75 * t + (p.label === 1 ? 0 : Math.PI);
      expect(p.x).toBeCloseTo(r * Math.cos(theta), 9);
      expect(p.y).toBeCloseTo(r * Math.sin(theta), 9);
    }
  });

  it('noise moves points off the clean shape', () => {
    const clean = xor(200, 0, 9);
    const noisy = xor(200, 0.2, 9);
    const crossed = noisy.filter((p) => (p.x * p.y > 0 ? 1 : 0) !== p.label);
    expect(crossed.length).toBeGreaterThan(0);
    expect(clean.filter((p) => (p.x * p.y > 0 ? 1 : 0) !== p.label)).toHaveLength(0);
  });
});

describe('isDatasetName', () => {
  it('accepts the four names and nothing else', () => {
    expect(DATASET_NAMES.every(isDatasetName)).toBe(true);
    expect(isDatasetName('moons')).toBe(false);
    expect(isDatasetName('toString')).toBe(false);
  });
});

describe('the three-blobs dataset (three classes)', () => {
  it('is seeded, a third of the points per class, inside the square, shuffled', () => {
    const a = makeClassDataset('three-blobs', 301, 0.05, 4);
    expect(makeClassDataset('three-blobs', 301, 0.05, 4)).toEqual(a);
    expect(makeClassDataset('three-blobs', 301, 0.05, 5)).not.toEqual(a);
    const counts = [0, 1, 2].map((c) => a.filter((p) => p.label === c).length);
    expect(counts).toEqual([101, 101, 99]);
    expect(a.every((p) => Math.abs(p.x) <= BOUND && Math.abs(p.y) <= BOUND)).toBe(true);
    expect(new Set(a.slice(0, 12).map((p) => p.label)).size).toBe(3); // any prefix mixes them
    expect(DATASET_CLASSES['three-blobs']).toBe(3);
    expect(isClassDatasetName('three-blobs')).toBe(true);
    expect(isClassDatasetName('circle')).toBe(false);
  });

  it('puts each class around its own centre (90°, 210°, 330° at radius 0.55)', () => {
    const points = makeClassDataset('three-blobs', 3000, 0, 1);
    for (let c = 0; c < 3; c++) {
      const mine = points.filter((p) => p.label === c);
      const mx = mine.reduce((s, p) => s + p.x, 0) / mine.length;
      const my = mine.reduce((s, p) => s + p.y, 0) / mine.length;
      const angle = Math.PI / 2 + (c * 2 * Math.PI) / 3;
      expect(mx).toBeCloseTo(0.55 * Math.cos(angle), 1);
      expect(my).toBeCloseTo(0.55 * Math.sin(angle), 1);
    }
  });

  it('three-spirals winds three arms a third of a turn apart, a third of the points each', () => {
    const points = makeClassDataset('three-spirals', 300, 0, 2);
    expect(DATASET_CLASSES['three-spirals']).toBe(3);
    expect([0, 1, 2].map((c) => points.filter((p) => p.label === c).length)).toEqual([
      100, 100, 100,
    ]);
    // Without noise each point lies on its arm: r gives t, and t its class's angle.
    for (const p of points) {
      const r = Math.hypot(p.x, p.y);
      const t = (r / 0.9 - 0.08) / 0.92;
      const angle = 2 * Math.PI * 1.75 * t + (p.label * 2 * Math.PI) / 3;
      expect(p.x).toBeCloseTo(r * Math.cos(angle), 6);
      expect(p.y).toBeCloseTo(r * Math.sin(angle), 6);
    }
  });

  it('makeClassDataset gives the two-class datasets unchanged', () => {
    expect(makeClassDataset('xor', 50, 0.1, 2)).toEqual(makeDataset('xor', 50, 0.1, 2));
  });
});
