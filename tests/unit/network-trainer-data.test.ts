import { describe, expect, it } from 'vitest';
import { trainerDataSetup } from './fixtures/widget-setups';
import {
  buildData,
  fromUnit,
  gridPoints,
  niceDomain,
  splitTest,
  toUnit,
} from '../../src/widgets/network-trainer/data';

describe('the trainer data', () => {
  it('splitTest holds out round(n·f) points, at least one and never all, reproducibly', () => {
    const split = splitTest(200, 0.3, 1);
    expect(split.filter(Boolean)).toHaveLength(60);
    expect(splitTest(200, 0.3, 1)).toEqual(split);
    expect(splitTest(200, 0.3, 2)).not.toEqual(split);
    expect(splitTest(3, 0.1, 1).filter(Boolean)).toHaveLength(1);
    expect(splitTest(3, 0.9, 1).filter(Boolean)).toHaveLength(2);
    expect(splitTest(1, 0.5, 1)).toEqual([false]);
  });

  it('adding a point moves at most one earlier point between the sets', () => {
    const before = splitTest(50, 0.3, 4);
    const after = splitTest(51, 0.3, 4);
    const moved = before.filter((t, i) => t !== after[i]).length;
    expect(moved).toBeLessThanOrEqual(1);
  });

  it('niceDomain gives the data room and round ends, and starts non-negative data at 0', () => {
    expect(niceDomain([4.5, 9])).toEqual([4, 9.5]);
    expect(niceDomain([0, 60])).toEqual([0, 70]);
    expect(niceDomain([-3, 3])).toEqual([-4, 4]);
    expect(niceDomain([5, 5])).toEqual([4, 6]);
    expect(niceDomain([])).toEqual([-1, 1]);
  });

  it('toUnit and fromUnit map a domain onto [−1, 1] and back', () => {
    expect(toUnit(4, [4, 9.5])).toBe(-1);
    expect(toUnit(9.5, [4, 9.5])).toBe(1);
    expect(fromUnit(toUnit(7.25, [4, 9.5]), [4, 9.5])).toBeCloseTo(7.25, 12);
  });

  it('buildData: a generated dataset plus the student’s points, split and packed for the engine', () => {
    const setup = trainerDataSetup({
      dataset: 'xor',
      samples: 100,
      testFraction: 0.2,
      seed: 3,
      points: [{ x: 0.5, y: 0.5, label: 1 }],
    });
    const data = buildData(setup);
    expect(data.points).toHaveLength(101);
    expect(data.generated).toBe(100);
    expect(data.xDomain).toEqual([-1, 1]);
    expect(data.train.y.length + data.test.y.length).toBe(101);
    expect(data.test.y.length).toBe(20);
    expect(data.train.x.length).toBe(2 * data.train.y.length);
    // Same data in, same sets out.
    expect(buildData(setup).train).toEqual(data.train);
  });

  it('buildData: custom data in its own units is mapped onto the network’s square', () => {
    const data = buildData(
      trainerDataSetup({
        dataset: 'custom',
        noise: 0,
        testFraction: 0.5,
        points: [
          { x: 4.5, y: 0, label: 0 },
          { x: 9, y: 60, label: 1 },
        ],
      }),
    );
    expect(data.points).toHaveLength(2);
    expect(data.xDomain).toEqual([4, 9.5]);
    expect(data.yDomain).toEqual([0, 70]);
    const all = [...data.train.x, ...data.test.x];
    expect(Math.min(...all)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...all)).toBeLessThanOrEqual(1);
  });

  it('gridPoints lists cell centres row by row from the top', () => {
    const g = gridPoints(2);
    expect([...g]).toEqual([-0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, -0.5]);
  });
});
