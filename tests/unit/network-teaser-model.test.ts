import { describe, expect, it } from 'vitest';
import {
  TABLE_ROWS,
  arrowMove,
  datasetOf,
  nextSeed,
  pointsSetup,
  probabilityAt,
  roundProbe,
  safeProbe,
  tableRows,
  teaserData,
} from '../../src/widgets/network-teaser/model';

describe('the teaser’s data and network', () => {
  it('falls back to the circle for a dataset it does not know', () => {
    expect(datasetOf('xor')).toBe('xor');
    expect(datasetOf('moons')).toBe('circle');
  });

  it('makes the attributes safe: 10 to 500 points, noise 0 to 0.5, a seed', () => {
    expect(pointsSetup('circle', 100, 0.05, 1)).toEqual({
      name: 'circle',
      n: 100,
      noise: 0.05,
      seed: 1,
      key: 'circle|1|100|0.05',
    });
    expect(pointsSetup('xor', 3, 2, Number.NaN)).toMatchObject({ n: 10, noise: 0.5, seed: 1 });
    expect(pointsSetup('xor', 999.6, Number.NaN, 7)).toMatchObject({ n: 500, noise: 0.05 });
  });

  it('draws the points and gets nearly all of them right, the same for the same seed', () => {
    const { points, correct } = teaserData(pointsSetup('circle', 100, 0.05, 1));
    expect(points).toHaveLength(100);
    expect(correct).toBeGreaterThanOrEqual(92);
    expect(teaserData(pointsSetup('circle', 100, 0.05, 1)).points).toEqual(points);
    expect(teaserData(pointsSetup('circle', 100, 0.05, 2)).points).not.toEqual(points);
  });

  it('says orange inside the circle, blue outside, and cannot decide between the two blobs', () => {
    expect(probabilityAt('circle', 0, 0)).toBeGreaterThan(0.95);
    expect(probabilityAt('circle', 0.95, 0.95)).toBeLessThan(0.1);
    expect(probabilityAt('gaussians', 0, 0)).toBeCloseTo(0.5, 12);
    expect(probabilityAt('gaussians', 0.5, 0.5)).toBeGreaterThan(0.9);
  });
});

describe('the teaser’s probe', () => {
  it('stays inside the plane, and 0 stands for a coordinate that is not a number', () => {
    expect(safeProbe(0.3, -2)).toEqual({ x: 0.3, y: -1 });
    expect(safeProbe(Number.NaN, 0.2)).toEqual({ x: 0, y: 0.2 });
  });

  it('is stored with two decimals, so steps do not drift', () => {
    expect(roundProbe(0.1 + 0.2)).toBe(0.3);
    expect(roundProbe(0.12345)).toBe(0.12);
    expect(roundProbe(1.7)).toBe(1);
  });

  it('moves 0.05 per arrow key, 0.2 with Shift; other keys do nothing', () => {
    expect(arrowMove('ArrowLeft', false)).toEqual([-0.05, 0]);
    expect(arrowMove('ArrowUp', true)).toEqual([0, 0.2]);
    expect(arrowMove('ArrowDown', false)).toEqual([0, -0.05]);
    expect(arrowMove('Enter', false)).toBeUndefined();
  });

  it('draws new points from the next seed', () => {
    expect(nextSeed(1)).toBe(2);
    expect(nextSeed(Number.NaN)).toBe(1);
    expect(nextSeed(1_000_000)).toBe(0);
  });
});

describe('the teaser’s table', () => {
  it('lists the first 20 points with what the network says, right or wrong', () => {
    const { points, correct } = teaserData(pointsSetup('xor', 100, 0.05, 1));
    const rows = tableRows('xor', points);
    expect(rows).toHaveLength(TABLE_ROWS);
    expect(rows[0]).toMatchObject({ x: points[0]!.x, y: points[0]!.y, label: points[0]!.label });
    for (const r of rows) {
      expect(r.says).toBe(r.p >= 0.5 ? 1 : 0);
      expect(r.right).toBe(r.says === r.label);
    }
    // The network is good: most of these 20 are right, and they count towards the score.
    const right = rows.filter((r) => r.right).length;
    expect(right).toBeGreaterThanOrEqual(15);
    expect(correct).toBeGreaterThanOrEqual(right);
  });
});
