import { describe, expect, it } from 'vitest';
import { lossSeries as series } from './fixtures/widget-setups';
import {
  cursorPoints,
  extents,
  keyTarget,
  nextSlot,
  referenceSeries,
  snapStep,
  tableSteps,
} from '../../src/widgets/loss-chart/model';

const range = (n: number, f: (step: number) => number, every = 1): [number, number][] =>
  Array.from({ length: n }, (_, i) => [(i + 1) * every, f((i + 1) * every)]);

describe('the loss chart’s extents and cursor', () => {
  it('spans every series’ steps and finite losses; none without data', () => {
    const train = series('train', [
      [1, 0.9],
      [2, 0.5],
      [3, Number.NaN],
    ]);
    const test = series('test', [
      [2, 0.7],
      [10, 0.002],
    ]);
    expect(extents([train, test])).toEqual({
      steps: [1, 10],
      losses: [0.002, 0.9],
      minPositive: 0.002,
    });
    expect(extents([series('empty', [])])).toEqual({
      steps: null,
      losses: null,
      minPositive: null,
    });
    // Only non-finite losses: steps to span, but no loss axis.
    expect(extents([series('diverged', [[1, Infinity]])])).toMatchObject({
      steps: [1, 1],
      losses: null,
    });
  });

  it('gives a new series the slot after the highest in use', () => {
    expect(nextSlot([])).toBe(0);
    expect(nextSlot([series('a', [], 0), series('b', [], 3)])).toBe(4);
  });

  /** A train loss at every step to 200, and a test loss every tenth step from 10. */
  const train = series(
    'train',
    range(200, () => 0.5),
  );
  const test = series(
    'test',
    range(20, () => 0.6, 10),
  );

  it('walks along the longest series and snaps a pointer to its nearest point', () => {
    expect(referenceSeries([test, train])).toBe(train);
    expect(referenceSeries([series('empty', [])])).toBeUndefined();
    expect(snapStep(test, 54)).toBe(50);
    expect(snapStep(test, 56)).toBe(60);
    expect(snapStep(test, -5)).toBe(10);
    expect(snapStep(test, 999)).toBe(200);
  });

  it('marks the point of each series at or before the cursor', () => {
    expect(cursorPoints([train, test, series('empty', [])], 55)).toEqual([54, 4, null]);
  });
});

describe('the loss chart’s keys', () => {
  it('moves one point with the arrows, a tenth with Page Up/Down, to the ends with Home/End', () => {
    expect(keyTarget('ArrowRight', 100, 50)).toBe(51);
    expect(keyTarget('ArrowDown', 100, 50)).toBe(49);
    expect(keyTarget('PageUp', 100, 50)).toBe(60);
    expect(keyTarget('Home', 100, 50)).toBe(0);
    expect(keyTarget('End', 100, 50)).toBe(99);
    expect(keyTarget('Enter', 100, 50)).toBeUndefined();
  });

  it('stays on the series, and strides through a long run in 500 key presses', () => {
    expect(keyTarget('ArrowLeft', 100, 0)).toBe(0);
    expect(keyTarget('PageUp', 100, 95)).toBe(99);
    expect(keyTarget('ArrowRight', 100_000, 0)).toBe(200);
    expect(keyTarget('PageDown', 100_000, 50_000)).toBe(40_000);
  });
});

describe('the loss chart’s data table', () => {
  it('shows every step of a short run', () => {
    const s = series(
      'train',
      range(5, (step) => 1 / step),
    );
    const t = tableSteps([s], s);
    expect(t.steps).toEqual([1, 2, 3, 4, 5]);
    expect(t.total).toBe(5);
    expect(t.lowest.get(5)).toEqual(['train']);
  });

  it('shows 40 evenly spaced steps of a long run, plus each series’ lowest', () => {
    // Lowest at step 77, which is not one of the evenly spaced rows.
    const train = series(
      'train',
      range(1000, (step) => (step === 77 ? 0.01 : 0.5)),
    );
    const test = series(
      'test',
      range(100, (step) => 1 / step, 10),
    );
    const t = tableSteps([train, test], train);
    expect(t.steps).toHaveLength(41);
    expect(t.steps[0]).toBe(1);
    expect(t.steps.at(-1)).toBe(1000);
    expect(t.steps).toContain(77);
    expect(t.lowest.get(77)).toEqual(['train']);
    expect(t.lowest.get(1000)).toEqual(['test']);
    expect(t.total).toBe(1000);
  });
});
