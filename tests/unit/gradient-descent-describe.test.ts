import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/math/descent';
import type { DescentState } from '../../src/math/descent';
import { surfaceById } from '../../src/math/surfaces';
import type { Surface } from '../../src/math/surfaces';
import {
  chartLabel,
  formatRate,
  iterateRows,
  minimumNote,
  neuronClasses,
  outsideWarning,
  paren,
  playLabel,
  pointText,
  rateError,
  statusHeadline,
  statusText,
  stepFormula,
  summary,
  tableCaption,
  tableHeads,
  tuple,
} from '../../src/widgets/gradient-descent/describe';
import { advance, descentOptions, startIn } from '../../src/widgets/gradient-descent/model';
import { expectWritten } from './fixtures/written';

const surface = (id: string): Surface => surfaceById(id)!;
const parabola = surface('parabola');
const bowl = surface('bowl');
const twoMinima = surface('two-minima');

/** The run from `start` after `n` steps (fewer if it stops), the start first. */
function run(s: Surface, start: readonly number[], rate: number, n: number, momentum = 0) {
  let states: DescentState[] = [initialState(s, start)];
  for (let i = 0; i < n && !states.at(-1)!.stopped; i++) {
    states = advance(states, s, descentOptions(rate, momentum)).states;
  }
  return states;
}

describe('numbers as the widget writes them', () => {
  it('writes η with two decimals at least and three significant digits', () => {
    expectWritten(formatRate, [0.1, 1.1, 10], ['0.10', '1.10', '10.00']);
    expectWritten(formatRate, [0.035, 0.0427, 0.001], ['0.035', '0.0427', '0.001']);
  });

  it('writes points and factors with a real minus sign', () => {
    expect(tuple([1.5, -0.2])).toBe('(1.50, −0.20)');
    expect(paren('−3.00')).toBe('(−3.00)');
    expect(paren('3.00')).toBe('3.00');
    expect(pointText(parabola, [-1.234])).toBe('w = −1.23');
    expect(pointText(twoMinima, [1, 2])).toBe('(w₁, w₂) = (1.00, 2.00)');
  });
});

describe('the run in words', () => {
  it('is ready at the start, and says where the ball is', () => {
    const states = run(parabola, [2.5], 0.1, 0);
    expect(statusText(parabola, states, 0.1)).toBe('Ready: press Play, or Step to take one step.');
    expect(summary(parabola, states, 0.1)).toBe(
      'Iteration 0: w = 2.50, loss 6.250, slope 5.00. Ready: press Play, or Step to take one step.',
    );
    expect(summary(bowl, run(bowl, [-2, 1], 0.1, 1), 0.1)).toBe(
      'Iteration 1: (w₁, w₂) = (−1.60, 0.80), loss 3.200, gradient (−3.20, 1.60).',
    );
  });

  it('notices a step that jumped over the bottom, and a loss that went up', () => {
    expect(statusText(parabola, run(parabola, [2], 0.75, 1), 0.75)).toBe(
      'The last step jumped over the bottom: the slope changed sign.',
    );
    expect(statusText(parabola, run(parabola, [2], 1.05, 1), 1.05)).toBe(
      'The last step jumped over the bottom: the slope changed sign. The loss went up on the last step.',
    );
    expect(statusText(bowl, run(bowl, [-2, 1], 0.9, 1), 0.9)).toBe(
      'The last step overshot: the gradient turned around.',
    );
    expect(statusText(parabola, run(parabola, [2], 0.1, 1), 0.1)).toBe('');
  });

  it('explains a converged run and which minimum it found', () => {
    expect(statusText(parabola, run(parabola, [2.5], 0.1, 100), 0.1)).toBe(
      'Converged after 39 steps: the slope is almost 0, so the next step would be tiny. This is the minimum.',
    );
    const dip = surface('double-dip');
    expect(statusText(dip, run(dip, dip.suggestedStart, dip.suggestedRate, 600), 0.02)).toBe(
      'Converged after 50 steps: the slope is almost 0, so the next step would be tiny. This is only a local minimum: the global minimum at w = −1.04 has a lower loss (0.095 instead of 0.694).',
    );
    expect(statusText(parabola, run(parabola, [0], 0.1, 1), 0.1)).toBe(
      'The slope is already 0 here, so gradient descent cannot move. This is the minimum.',
    );
  });

  it('names the minimum at a point, or says it is none', () => {
    const [global, local] = twoMinima.minima;
    expect(minimumNote(twoMinima, global!.point)).toBe('This is the global minimum.');
    expect(minimumNote(twoMinima, local!.point)).toBe(
      'This is only a local minimum: the global minimum at (w₁, w₂) = (−1.04, 0.00) has a lower loss (0.095 instead of 0.694).',
    );
    expect(minimumNote(twoMinima, [0, 0])).toBe(
      'But this is not a minimum: the ball is balanced where the ground is flat.',
    );
  });

  it('explains, under a bold headline, a rate too large', () => {
    const diverged = run(parabola, [2.5], 1.1, 30);
    expect(summary(parabola, diverged, 1.1)).toBe(
      'Iteration 5: w = −6.22, loss 38.698, slope −12.44. The ball is off the chart. The loss grew for 5 steps in a row: the learning rate is too large. Each step overshoots the bottom by more than the last. Try a smaller η.',
    );
    expect(statusHeadline(diverged.at(-1)!)).toBe('Too large a learning rate.');
    const overflow = run(parabola, [2.5], 10, 5);
    expect(statusText(parabola, overflow, 10)).toBe(
      'Stopped before the numbers overflow: the next step would go beyond a million. The learning rate η = 10.00 is far too large; try a smaller one.',
    );
    expect(statusHeadline(overflow.at(-1)!)).toBe('Too large a learning rate.');
    expect(statusHeadline(run(parabola, [2.5], 0.1, 100).at(-1)!)).toBe('');
  });

  it('tells a run out of steps that is too slow from one that bounces', () => {
    expect(statusText(parabola, run(parabola, [2.5], 0.001, 1000), 0.001)).toBe(
      'Stopped after 500 steps, still going downhill: the learning rate is too small to get there in time. Try a larger η.',
    );
    expect(statusText(parabola, run(parabola, [2.5], 1, 1000), 1)).toBe(
      'Stopped after 500 steps without settling: the ball keeps bouncing between the walls. The learning rate is on the edge of too large.',
    );
  });

  it('names the chart and how to move its start point', () => {
    expect(chartLabel(parabola)).toBe(
      'Graph of the loss L(w) = w² for w from −3.00 to 3.00, with the ball, its path so far and the next step as an arrow. Click or tap to move the start point, or focus here and use the arrow keys.',
    );
    expect(chartLabel(bowl)).toMatch(
      /^Contour map of the loss L\(w₁, w₂\) = w₁² \+ w₂², .* arrow keys \(left and right, up and down\)\.$/,
    );
  });

  it('labels Play, and says what to type for η', () => {
    expect(playLabel(false, false)).toBe('Play');
    expect(playLabel(true, false)).toBe('Pause');
    expect(playLabel(false, true)).toBe('Play again');
    expect(rateError(0.001, 10, 0.1)).toBe(
      'Type a number from 0.001 to 10, like 0.1. The learning rate stays 0.10.',
    );
    const { outside } = startIn(parabola, [9]);
    expect(outsideWarning(parabola, outside[0]!)).toBe(
      'start-x="9" is outside the parabola surface\'s range -3 to 3; using 3.',
    );
  });

  it('lists where the neuron’s training points are', () => {
    expect(neuronClasses()).toEqual({
      one: '0.9, 0.2, 1.1, 1.3, −0.6',
      zero: '−0.2, −0.6, −0.6, −0.9, 0.0',
    });
  });
});

describe('the update rule with numbers', () => {
  it('writes the next step on a curve', () => {
    expect(stepFormula(parabola, run(parabola, [2.5], 0.1, 0), 0.1, 0)).toEqual({
      title: 'The next step',
      stopped: false,
      step: {
        dims: 1,
        names: ['w'],
        grad: 'slope',
        position: '2.50',
        gradient: '5.00',
        gradientFactor: '5.00',
        rate: '0.10',
        next: '2.00',
        momentum: null,
      },
    });
  });

  it('writes the gradient step on a contour map', () => {
    const f = stepFormula(bowl, run(bowl, [-2, 1], 0.1, 0), 0.1, 0);
    expect(f.step).toMatchObject({
      grad: '∇L',
      position: '(−2.00, 1.00)',
      gradient: '(−4.00, 2.00)',
      next: '(−1.60, 0.80)',
    });
    const down = stepFormula(parabola, run(parabola, [-1], 0.1, 0), 0.1, 0);
    expect(down.step).toMatchObject({ gradient: '−2.00', gradientFactor: '(−2.00)' });
  });

  it('writes the velocity with momentum', () => {
    const f = stepFormula(parabola, run(parabola, [2.5], 0.1, 3, 0.8), 0.1, 0.8);
    expect(f.step).toMatchObject({
      position: '0.32',
      next: '−0.45',
      momentum: { beta: '0.80', velocity: '(−0.88)', v: '−0.77', vTerm: '(−0.77)' },
    });
  });

  it('once stopped, writes the last step taken, never the refused one', () => {
    const diverged = stepFormula(parabola, run(parabola, [2.5], 1.1, 30), 1.1, 0);
    expect(diverged).toMatchObject({
      title: 'The last step',
      stopped: true,
      step: { position: '5.18', next: '−6.22', rate: '1.10' },
    });
    const stuck = run(parabola, [0], 0.1, 1);
    expect(stepFormula(parabola, stuck, 0.1, 0)).toEqual({
      title: 'The last step',
      stopped: true,
      step: null,
    });
  });
});

describe('the table of iterates', () => {
  it('has a caption, a column per parameter and per partial derivative, a row per state', () => {
    expect(tableCaption(parabola, 0.1, 0).join('')).toBe(
      'The iterates of gradient descent on L(w) = w², with η = 0.10',
    );
    expect(tableCaption(bowl, 0.035, 0.8).join('')).toBe(
      'The iterates of gradient descent on L(w₁, w₂) = w₁² + w₂², with η = 0.035 and momentum β = 0.80',
    );
    expect(tableHeads(parabola)).toEqual({ names: ['w'], grads: ['slope L′'] });
    expect(tableHeads(bowl)).toEqual({ names: ['w₁', 'w₂'], grads: ['∂L/∂w₁', '∂L/∂w₂'] });
    expect(iterateRows(run(parabola, [2.5], 0.1, 1))).toEqual([
      { step: 0, position: ['2.50'], loss: '6.250', gradient: ['5.00'], current: false },
      { step: 1, position: ['2.00'], loss: '4.000', gradient: ['4.00'], current: true },
    ]);
  });
});
