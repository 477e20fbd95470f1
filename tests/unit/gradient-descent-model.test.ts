import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/math/descent';
import type { DescentState } from '../../src/math/descent';
import { fallingSteadily, minimumNear, overshot } from '../../src/math/descent-run';
import { surfaceById } from '../../src/math/surfaces';
import type { Surface } from '../../src/math/surfaces';
import {
  MAX_STEPS,
  advance,
  chartFrame,
  curveHeight,
  descentOptions,
  easeInOut,
  keyedStart,
  nextPosition,
  pickedStart,
  rangeOf,
  rateFromSlider,
  roundRate,
  startIn,
  statusOf,
  stepDuration,
  tween,
  typedRate,
} from '../../src/widgets/gradient-descent/model';

const surface = (id: string): Surface => surfaceById(id)!;
const parabola = surface('parabola'); // L(w) = w², L′(w) = 2w, w from −3 to 3
const bowl = surface('bowl'); // L = w₁² + w₂²

/** The run from `start` after `n` steps (fewer if it stops), the start first. */
function run(s: Surface, start: number[], rate: number, n: number, momentum = 0): DescentState[] {
  let states = [initialState(s, start)];
  for (let i = 0; i < n && !states.at(-1)!.stopped; i++) {
    states = advance(states, s, descentOptions(rate, momentum)).states;
  }
  return states;
}

describe('a run, step by step', () => {
  it('takes w ← w − η·L′(w) on the parabola', () => {
    const states = run(parabola, [2.5], 0.1, 2);
    // 2.5 − 0.1·5 = 2, then 2 − 0.1·4 = 1.6.
    expect(states.map((s) => s.position[0])).toEqual([2.5, 2, 1.6]);
    expect(states.map((s) => s.iteration)).toEqual([0, 1, 2]);
    expect(states[2]!.loss).toBeCloseTo(2.56, 12);
  });

  it('tells where the next step leads, with and without momentum', () => {
    const start = initialState(bowl, [-2, 1]);
    expect(nextPosition(start, descentOptions(0.1, 0))).toEqual([-1.6, 0.8]);
    // With momentum the step carries β times the last one: v = 0.8·(−0.4) − 0.1·3.2 = −0.64.
    const moved = run(parabola, [2], 0.1, 1, 0.8).at(-1)!;
    expect(moved.position[0]).toBeCloseTo(1.6, 12);
    expect(nextPosition(moved, descentOptions(0.1, 0.8))[0]).toBeCloseTo(1.6 - 0.64, 12);
    expect(descentOptions(0.3, 0.5)).toEqual({ rate: 0.3, momentum: 0.5, maxSteps: MAX_STEPS });
  });

  it('replaces the last state when a step is refused, so the ball stays', () => {
    const states = run(parabola, [2.5], 10, 1); // 2.5 − 10·5 = −47.5
    expect(states.at(-1)!.position).toEqual([-47.5]);
    const next = advance(states, parabola, descentOptions(10, 0)); // 902.5: fine; 10·… next overflows
    expect(next.from).toEqual([-47.5]);
    const refused = advance(next.states, parabola, descentOptions(10, 0));
    expect(refused.from).toBeNull();
    expect(refused.states).toHaveLength(next.states.length);
    expect(statusOf(refused.states.at(-1)!)).toBe('overflow');
    expect(refused.states.at(-1)!.position).toEqual([902.5]);
  });

  it('says ready, running, or why it stopped', () => {
    expect(statusOf(initialState(parabola, [2.5]))).toBe('ready');
    expect(statusOf(run(parabola, [2.5], 0.1, 1).at(-1)!)).toBe('running');
    expect(statusOf(run(parabola, [2.5], 0.1, 100).at(-1)!)).toBe('converged');
    expect(statusOf(run(parabola, [2.5], 1.1, 100).at(-1)!)).toBe('diverged');
    expect(statusOf(run(parabola, [2.5], 0.001, 1000).at(-1)!)).toBe('max-steps');
    expect(run(parabola, [2.5], 0.001, 1000)).toHaveLength(MAX_STEPS + 1);
  });
});

describe('reading a run', () => {
  it('sees the step that jumped over the bottom', () => {
    const [a, b] = run(parabola, [2], 0.75, 1); // w ← w − 1.5w = −0.5w: the slope changes sign
    expect(overshot(a!, b!)).toBe(true);
    const [c, d] = run(parabola, [2], 0.1, 1);
    expect(overshot(c!, d!)).toBe(false);
  });

  it('tells a slow run still going downhill from one bouncing between the walls', () => {
    expect(fallingSteadily(run(parabola, [2.5], 0.001, 20))).toBe(true);
    // η = 1: w ← −w, the loss never falls.
    expect(fallingSteadily(run(parabola, [2.5], 1, 20))).toBe(false);
    expect(fallingSteadily(run(parabola, [2.5], 0.001, 0))).toBe(false);
    // Only the last 10 steps count: a rise before them is forgotten.
    const rose = [...run(parabola, [2], 1.05, 1), ...run(parabola, [2.5], 0.001, 10)];
    expect(fallingSteadily(rose)).toBe(true);
    expect(fallingSteadily(rose, 11)).toBe(false);
  });

  it('finds the minimum the ball came to rest in', () => {
    const twoMinima = surface('two-minima');
    const local = twoMinima.minima.find((m) => m.kind === 'local')!;
    expect(minimumNear(twoMinima.minima, [local.point[0]! + 0.05, 0.05])).toBe(local);
    expect(minimumNear(twoMinima.minima, [0, 0])).toBeUndefined();
    expect(minimumNear(parabola.minima, [0.09])).toBe(parabola.minima[0]);
    expect(minimumNear(parabola.minima, [0.1])).toBeUndefined();
  });
});

describe('the start point', () => {
  it('is the one given, or the surface’s suggestion, inside the range', () => {
    expect(startIn(parabola, [1.5])).toEqual({ start: [1.5], outside: [] });
    expect(startIn(parabola, [])).toEqual({ start: [...parabola.suggestedStart], outside: [] });
    expect(startIn(parabola, [9])).toEqual({
      start: [3],
      outside: [{ name: 'start-x', value: 9, used: 3 }],
    });
    expect(startIn(bowl, [undefined, -99])).toMatchObject({
      outside: [{ name: 'start-y', value: -99, used: bowl.domain[1]![0] }],
    });
  });

  it('picked on the chart: clamped and rounded to 2 decimals', () => {
    expect(pickedStart(parabola, [1.23456])).toEqual([1.23]);
    expect(pickedStart(parabola, [-7])).toEqual([-3]);
    expect(pickedStart(bowl, [0.005, 100])).toEqual([0.01, bowl.domain[1]![1]]);
  });

  it('moved by the arrow keys on a grid that suits the range, five times as far with Shift', () => {
    expect(keyedStart(parabola, [2.5], 'ArrowLeft', false)![0]).toBeCloseTo(2.4, 12);
    expect(keyedStart(parabola, [2.5], 'ArrowRight', true)![0]).toBeCloseTo(3, 12);
    // 1D: up and down do nothing; other keys neither.
    expect(keyedStart(parabola, [2.5], 'ArrowUp', false)).toBeUndefined();
    expect(keyedStart(parabola, [2.5], 'Enter', false)).toBeUndefined();
    // The neuron's w range is 10 wide (steps of 0.25), its b range 8 (steps of 0.1), snapped.
    const neuron = surface('neuron');
    expect(keyedStart(neuron, [1.1, 0.1], 'ArrowRight', false)).toEqual([1.25, 0.1]);
    expect(keyedStart(neuron, [1, 0.1], 'ArrowUp', false)).toEqual([1, 0.2]);
    expect(keyedStart(neuron, [1, 0], 'ArrowDown', true)).toEqual([1, -0.5]);
  });
});

describe('the learning rate', () => {
  it('reads the attribute’s range from the catalog', () => {
    expect(rangeOf('rate')).toEqual({ min: 0.001, max: 10 });
    expect(rangeOf('momentum')).toEqual({ min: 0, max: 0.99 });
    expect(rangeOf('nope')).toEqual({ min: -Infinity, max: Infinity });
  });

  it('comes from the log slider as 10^x to 3 significant digits, inside the range', () => {
    expect(rateFromSlider(-1)).toBe(0.1);
    expect(rateFromSlider(-1.37)).toBe(0.0427);
    expect(rateFromSlider(3)).toBe(10);
    expect(rateFromSlider(-5)).toBe(0.001);
    expect(roundRate(0.123456)).toBe(0.123);
  });

  it('typed exactly: used as typed when it is a number in the range', () => {
    expect(typedRate(' 0.35 ')).toBe(0.35);
    expect(typedRate('10')).toBe(10);
    expect(typedRate('11')).toBeUndefined();
    expect(typedRate('0')).toBeUndefined();
    expect(typedRate('')).toBeUndefined();
    expect(typedRate('0.1', true)).toBeUndefined();
  });
});

describe('the picture while playing', () => {
  it('draws the trail to where the ball left from while it travels, and the arrow at rest', () => {
    const states = run(parabola, [2.5], 0.1, 2);
    const options = descentOptions(0.1, 0);
    expect(chartFrame(states, options, false)).toEqual({
      trail: [[2.5], [2], [1.6]],
      next: [1.6 - 0.1 * 3.2],
    });
    expect(chartFrame(states, options, true)).toEqual({ trail: [[2.5], [2]], next: null });
    const stopped = run(parabola, [2.5], 0.1, 100);
    expect(chartFrame(stopped, options, false).next).toBeNull();
  });

  it('is as tall as 0.58 of its width, from 230 to 340 px', () => {
    expect(curveHeight(500)).toBe(290);
    expect(curveHeight(300)).toBe(230);
    expect(curveHeight(1000)).toBe(340);
  });

  it('steps slowly at first, then faster; at most 5 a second under reduced motion', () => {
    expect([0, 7, 8, 29, 30].map((k) => stepDuration(k, false))).toEqual([420, 420, 180, 180, 70]);
    expect(stepDuration(30, true)).toBe(200);
    expect(stepDuration(0, true)).toBe(420);
  });

  it('moves the ball along an eased path and says when it has arrived', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(0.5)).toBe(0.5);
    expect(easeInOut(0.25)).toBe(0.125);
    expect(easeInOut(1)).toBe(1);
    expect(tween([0, 0], [2, 4], 0.5)).toEqual({ position: [1, 2], moving: true });
    expect(tween([0], [2], 0.25)).toEqual({ position: [0.25], moving: true });
    const to = [2];
    expect(tween([0], to, 1.3)).toEqual({ position: to, moving: false });
  });
});
