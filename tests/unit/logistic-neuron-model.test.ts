import { describe, expect, it } from 'vitest';
import { lineSegment, yesRegion } from '../../src/math/half-plane';
import {
  EXTENT,
  POINTS,
  STARTS,
  correctCount,
  highlightIndex,
  isRight,
  lineShown,
  lossPoints,
  lossPushes,
  makePoints,
  neuronLosses,
  otherLoss,
  startParams,
  stepDetail,
  trainingData,
} from '../../src/widgets/logistic-neuron/model';
import type { PlanePoint } from '../../src/widgets/logistic-neuron/model';

/** A typical "yes" point, at the centre of its blob. */
const TYPICAL: PlanePoint = { x1: 0.45, x2: 0.45, label: 1 };

describe('the logistic neuron’s data and starts', () => {
  it('draws 60 points, 30 of each class, the same for the same seed', () => {
    const points = makePoints(1);
    expect(points).toHaveLength(POINTS);
    expect(points.filter((p) => p.label === 1)).toHaveLength(30);
    expect(makePoints(1)).toEqual(points);
    expect(makePoints(2)).not.toEqual(points);
    // Class 1 lies top right, class 0 bottom left.
    const mean = (label: 0 | 1) =>
      points.filter((p) => p.label === label).reduce((s, p) => s + p.x1 + p.x2, 0) / 30;
    expect(mean(1)).toBeGreaterThan(0.5);
    expect(mean(0)).toBeLessThan(-0.5);
  });

  it('hands the trainer the inputs interleaved and the classes', () => {
    const { x, y } = trainingData([
      { x1: 0.5, x2: -0.25, label: 1 },
      { x1: -1, x2: 0.75, label: 0 },
    ]);
    expect([...x]).toEqual([0.5, -0.25, -1, 0.75]);
    expect([...y]).toEqual([1, 0]);
  });

  it('starts confidently wrong: a typical "yes" point gets z = −3.6, about 97% "no"', () => {
    const push = lossPushes(STARTS['confident-wrong'], TYPICAL);
    expect(push.z).toBeCloseTo(-3.6, 10);
    expect(push.wrong).toBe(true);
    expect(push.sure).toBeCloseTo(0.973, 3);
    expect(startParams('no-such-start')).toEqual(STARTS['confident-wrong']);
    expect(startParams('undecided')).toEqual({ w1: 0, w2: 0, b: 0 });
  });

  it('trains one neuron, or a twin with the other loss when comparing', () => {
    expect(neuronLosses('cross-entropy', false)).toEqual(['cross-entropy']);
    expect(neuronLosses('squared-error', true)).toEqual(['squared-error', 'cross-entropy']);
    expect(otherLoss('cross-entropy')).toBe('squared-error');
  });
});

describe('what a neuron gets right', () => {
  const points = makePoints(1);

  it('gets almost every point wrong from the confidently wrong start, none right undecided', () => {
    expect(correctCount(STARTS['confident-wrong'], points)).toBeLessThan(5);
    // σ = 0.5 everywhere: it has not decided for any point, so none is right.
    expect(correctCount(STARTS.undecided, points)).toBe(0);
    // The line x₁ + x₂ = 0 between the blobs gets (nearly) all of them.
    expect(correctCount({ w1: 1, w2: 1, b: 0 }, points)).toBeGreaterThan(55);
  });

  it('counts a point on the line (σ = 0.5) as undecided, right for neither class', () => {
    const p = { w1: 1, w2: -1, b: 0 };
    expect(isRight(p, { x1: 0.3, x2: 0.3, label: 1 })).toBe(false);
    expect(isRight(p, { x1: 0.3, x2: 0.3, label: 0 })).toBe(false);
    expect(isRight(p, { x1: 0.3, x2: 0, label: 1 })).toBe(true);
    expect(isRight(p, { x1: 0, x2: 0.3, label: 0 })).toBe(true);
  });

  it('rings the "yes" point nearest (0.45, 0.45)', () => {
    const few: PlanePoint[] = [
      { x1: 0.45, x2: 0.45, label: 0 },
      { x1: 0.9, x2: 0.1, label: 1 },
      { x1: 0.5, x2: 0.4, label: 1 },
      { x1: -0.4, x2: -0.4, label: 0 },
    ];
    expect(highlightIndex(few)).toBe(2);
    expect(highlightIndex(few.filter((p) => p.label === 0))).toBe(-1);
    expect(points[highlightIndex(points)]!.label).toBe(1);
  });

  it('has no line to draw when both weights are 0 or the line misses the plot', () => {
    expect(lineShown({ w1: 1, w2: 1, b: 0 })).toBe(true);
    expect(lineShown({ w1: 0, w2: 0, b: 3 })).toBe(false);
    expect(lineShown({ w1: 1, w2: 0, b: -(EXTENT + 0.1) })).toBe(false);
  });
});

describe('why the two losses learn at different speeds', () => {
  it('confidently wrong: cross-entropy pushes about 19 times harder than squared error', () => {
    const push = lossPushes(STARTS['confident-wrong'], TYPICAL);
    expect(push.s).toBeCloseTo(0.0266, 4);
    expect(push.ce).toBeCloseTo(-0.9734, 4); // σ(z) − 1
    expect(push.mse).toBeCloseTo(2 * (push.s - 1) * push.s * (1 - push.s), 12);
    expect(push.mse).toBeCloseTo(-0.0504, 4);
    expect(push.ratio).toBeCloseTo(19.3, 1);
  });

  it('undecided: cross-entropy pushes exactly twice as hard', () => {
    const push = lossPushes(STARTS.undecided, TYPICAL);
    expect(push).toMatchObject({ z: 0, s: 0.5, ds: 0.25, ce: -0.5, mse: -0.25, ratio: 2 });
    expect(push.wrong).toBe(false);
  });
});

describe('what the element reports', () => {
  it('puts a read-back of several steps on the chart at the steps they were taken', () => {
    expect(lossPoints(10, [0.7, 0.6, 0.5])).toEqual([
      { step: 8, loss: 0.7 },
      { step: 9, loss: 0.6 },
      { step: 10, loss: 0.5 },
    ]);
  });

  it('gives each neuron’s loss, weights and points right in the nn-step detail', () => {
    const points = makePoints(1);
    const detail = stepDetail({
      step: 5,
      loss: 'cross-entropy',
      compare: true,
      points,
      losses: ['cross-entropy', 'squared-error'],
      params: [
        { w1: 1, w2: 1, b: 0 },
        { w1: 0, w2: 0, b: 0 },
      ],
      values: [0.3, 0.25],
    });
    expect(detail.step).toBe(5);
    expect(detail.neurons.map((n) => [n.loss, n.value, n.correct])).toEqual([
      ['cross-entropy', 0.3, correctCount({ w1: 1, w2: 1, b: 0 }, points)],
      ['squared-error', 0.25, 0],
    ]);
  });
});

describe('a line and the square of the plot (src/math/half-plane)', () => {
  it('finds where the line crosses the square', () => {
    expect(lineSegment(1, 1, 0, 1)).toEqual([
      [-1, 1],
      [1, -1],
    ]);
    expect(lineSegment(1, 0, -0.5, 1)).toEqual([
      [0.5, -1],
      [0.5, 1],
    ]);
    expect(lineSegment(0, 0, 1, 1)).toBeNull();
    expect(lineSegment(1, 0, -2, 1)).toBeNull();
  });

  it('gives the part of the square on the "yes" side', () => {
    expect(yesRegion(1, 0, 0, 1)).toEqual([
      [0, -1],
      [1, -1],
      [1, 1],
      [0, 1],
    ]);
    expect(yesRegion(0, 0, -1, 1)).toEqual([]);
    expect(yesRegion(0, 0, 1, 1)).toHaveLength(4);
    // A corner cut off: only (1, 1) is on the yes side of x₁ + x₂ = 1.5.
    expect(yesRegion(1, 1, -1.5, 1)).toEqual([
      [1, 0.5],
      [1, 1],
      [0.5, 1],
    ]);
  });
});
