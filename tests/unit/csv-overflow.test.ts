import { describe, expect, it } from 'vitest';
import { trainerDataSetup } from './fixtures/widget-setups';
import { MAX_MAGNITUDE, parseCsv } from '../../src/math/csv';
import { buildData, fromUnit, niceDomain, toUnit } from '../../src/widgets/network-trainer/data';
import { checkPoints } from '../../src/train/spec';

/** The file: four rows the parser took ("Using all 4 rows") and training then refused. */
const HUGE = 'x,y,label\n1e308,-1e308,1\n-1e308,1e308,0\n1e308,1e308,1\n-1e308,-1e308,0\n';

describe('CSV values too large to train on', () => {
  it('refuses ±1e308, naming each line and the column', () => {
    const result = parseCsv(HUGE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe('None of the 4 data rows could be used.');
    expect(result.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(result.problems[0]!.message).toBe(
      '“1e308” in “x” is too large to train on: values must lie between −1e150 and 1e150',
    );
    expect(result.problems[1]!.message).toMatch(/^“-1e308” in “x” is too large/);
  });

  it('keeps the rows that are fine and reports the one that is not', () => {
    const result = parseCsv('a,b,c\n1,2,0\n3,-1e200,1\n4,5,1\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lines).toEqual([2, 4]);
    expect(result.problems).toEqual([
      {
        line: 3,
        message:
          '“-1e200” in “b” is too large to train on: values must lie between −1e150 and 1e150',
      },
    ]);
  });

  it('accepts values up to the limit, and the trainer maps them to finite coordinates', () => {
    const result = parseCsv(`a,b,c\n${MAX_MAGNITUDE},-${MAX_MAGNITUDE},0\n-${MAX_MAGNITUDE},0,1\n`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const points = result.rows.map(([x, y], i) => ({
      x: x!,
      y: y!,
      label: result.labels[i] as 0 | 1,
    }));
    const data = buildData(trainerDataSetup({ dataset: 'custom', testFraction: 0.5, points }));
    expect(() => checkPoints(data.train, 'training')).not.toThrow();
    expect(() => checkPoints(data.test, 'test')).not.toThrow();
  });
});

describe('the trainer scales safely, whatever the points', () => {
  it('gives a finite domain and finite network coordinates for ±1e308', () => {
    const points = [
      { x: 1e308, y: -1e308, label: 1 as const },
      { x: -1e308, y: 1e308, label: 0 as const },
      { x: 1.7e308, y: 0, label: 1 as const },
    ];
    const data = buildData(trainerDataSetup({ dataset: 'custom', points }));
    for (const d of [data.xDomain, data.yDomain]) {
      expect(Number.isFinite(d[0]) && Number.isFinite(d[1])).toBe(true);
      expect(d[0]).toBeLessThan(d[1]);
    }
    for (const v of [...data.train.x, ...data.test.x]) {
      expect(Number.isFinite(v)).toBe(true);
      expect(Math.abs(v)).toBeLessThanOrEqual(1);
    }
    expect(() => checkPoints(data.train, 'training')).not.toThrow();
    expect(toUnit(1e308, data.xDomain)).toBeGreaterThan(toUnit(-1e308, data.xDomain));
    expect(fromUnit(toUnit(1e308, data.xDomain), data.xDomain) / 1e308).toBeCloseTo(1, 12);
  });

  it('leaves ordinary domains exactly as they were', () => {
    expect(niceDomain([4.5, 9])).toEqual([4, 9.5]);
    expect(toUnit(7.25, [4, 9.5])).toBe(((7.25 - 4) / 5.5) * 2 - 1);
    expect(fromUnit(0.5, [4, 9.5])).toBe(4 + (1.5 / 2) * 5.5);
  });
});
