import { describe, expect, it } from 'vitest';
import {
  beliefText,
  equation,
  formatLoss,
  littleToLearn,
  planeLabel,
  pointRows,
  ratioText,
  startErrorText,
  startNote,
  statusText,
  stopErrorText,
  summaryText,
} from '../../src/widgets/logistic-neuron/describe';
import { STARTS, lossPushes, makePoints } from '../../src/widgets/logistic-neuron/model';
import type { NeuronsState, PlanePoint } from '../../src/widgets/logistic-neuron/model';

const TYPICAL: PlanePoint = { x1: 0.45, x2: 0.45, label: 1 };
const POINTS = makePoints(1);

function state(overrides: Partial<NeuronsState> = {}): NeuronsState {
  return {
    step: 0,
    loss: 'cross-entropy',
    compare: false,
    points: POINTS,
    losses: ['cross-entropy'],
    params: [STARTS['confident-wrong']],
    values: [],
    ...overrides,
  };
}

describe('the logistic neuron’s numbers as written', () => {
  it('writes the decision line with real minus signs, never "− 0.00"', () => {
    expect(equation({ w1: -1.2, w2: 3, b: -0.5 })).toBe('−1.20·x₁ + 3.00·x₂ − 0.50 = 0');
    expect(equation(STARTS['confident-wrong'])).toBe('−4.00·x₁ − 4.00·x₂ + 0.00 = 0');
    expect(equation({ w1: 0.5, w2: -0.001, b: 2 })).toBe('0.50·x₁ + 0.00·x₂ + 2.00 = 0');
  });

  it('writes small losses with two significant digits, others with two decimals', () => {
    expect(formatLoss(0.6931)).toBe('0.69');
    expect(formatLoss(0.034)).toBe('0.034');
    expect(formatLoss(0.001234)).toBe('0.0012');
    expect(formatLoss(-0.0504)).toBe('−0.050');
    expect(formatLoss(0)).toBe('0.00');
    expect(formatLoss(2345.6)).toBe('2346');
    expect(formatLoss(Number.NaN)).toBe('undefined');
  });

  it('describes the two starts under the menu', () => {
    expect(startNote('undecided')).toBe('w₁ = w₂ = b = 0: σ = 0.5 for every point.');
    expect(startNote('confident-wrong')).toMatch(/about 97% sure of the wrong class/);
  });
});

describe('the logistic neuron’s summary', () => {
  it('before the first read-back: no loss yet, the points right and the line', () => {
    expect(summaryText(state())).toBe(
      `Step 0. Cross-entropy neuron: loss not read yet, ${
        POINTS.filter((p) => p.x1 + p.x2 < 0 === (p.label === 1)).length
      } of 60 points right. Decision line: −4.00·x₁ − 4.00·x₂ + 0.00 = 0.`,
    );
  });

  it('undecided: no line, σ(b) for every point', () => {
    expect(summaryText(state({ params: [STARTS.undecided], values: [0.6931], step: 3 }))).toBe(
      'Step 3. Cross-entropy neuron: loss 0.69, 0 of 60 points right. Decision line: ' +
        '0.00·x₁ + 0.00·x₂ + 0.00 = 0. The neuron has no line: with w₁ = w₂ = 0 it outputs ' +
        'σ(b) = 0.50 for every point.',
    );
  });

  it('comparing: both neurons, and which one’s line is outside the plot and what it answers', () => {
    const text = summaryText(
      state({
        compare: true,
        step: 12,
        losses: ['cross-entropy', 'squared-error'],
        params: [
          { w1: 1, w2: 1, b: 0 },
          { w1: 0.1, w2: 0, b: 2 },
        ],
        values: [0.21, 0.0345],
      }),
    );
    expect(text).toMatch(/^Step 12\. Cross-entropy neuron: loss 0\.21, \d+ of 60 points right\. /);
    expect(text).toContain('Mean squared error neuron: loss 0.035, 30 of 60 points right.');
    expect(text).toContain(
      'Decision line of the cross-entropy neuron: 1.00·x₁ + 1.00·x₂ + 0.00 = 0.',
    );
    expect(text).toMatch(
      /The mean squared error neuron's line is outside the plot: it answers “yes” for every point shown\.$/,
    );
  });

  it('names the plane with the points and each neuron’s line', () => {
    expect(planeLabel(state())).toBe(
      '60 points on the plane of inputs x₁ and x₂ from −1 to 1: class 1 around (0.45, 0.45), ' +
        "class 0 around (−0.45, −0.45); the cross-entropy neuron's line −4.00·x₁ − 4.00·x₂ + 0.00 = 0.",
    );
  });

  it('says what the status line and the errors say', () => {
    expect(statusText(true, 0)).toBe('Loading TensorFlow.js… · backend: cpu');
    expect(statusText(false, 40, 'cpu')).toBe('Step 40 · backend: cpu');
    expect(startErrorText(new Error('Failed to fetch'))).toBe(
      'Training could not start: Failed to fetch. Reload the page to try again.',
    );
    expect(stopErrorText('NaN loss')).toBe('Training stopped: NaN loss.');
  });
});

describe('the ringed point, in words', () => {
  it('confidently wrong: 97% sure of the wrong answer, pushed 19 times harder by cross-entropy', () => {
    const push = lossPushes(STARTS['confident-wrong'], TYPICAL);
    expect(beliefText(push)).toBe('the neuron is 97% sure of the wrong answer');
    expect(ratioText(push.ratio)).toBe('19');
    expect(littleToLearn(push)).toBe(false);
  });

  it('undecided: 50–50, twice as hard', () => {
    const push = lossPushes(STARTS.undecided, TYPICAL);
    expect(beliefText(push)).toBe('the neuron is undecided, 50–50');
    expect(ratioText(push.ratio)).toBe('2.0');
  });

  it('right and sure: little left to learn', () => {
    const push = lossPushes({ w1: 5, w2: 5, b: 0 }, TYPICAL);
    expect(beliefText(push)).toBe('the neuron is 99% sure of the right answer');
    expect(littleToLearn(push)).toBe(true);
  });
});

describe('the points table', () => {
  it('gives each point, its class and each neuron’s output with ✓ or ✗', () => {
    const rows = pointRows(
      [
        { x1: 0.45, x2: 0.45, label: 1 },
        { x1: -0.5, x2: -0.25, label: 0 },
      ],
      [STARTS['confident-wrong'], { w1: 1, w2: 1, b: 0 }],
    );
    expect(rows).toEqual([
      {
        n: 1,
        x1: '0.45',
        x2: '0.45',
        label: 1,
        outputs: [
          { value: '0.027', mark: '✗' },
          { value: '0.711', mark: '✓' },
        ],
      },
      {
        n: 2,
        x1: '−0.50',
        x2: '−0.25',
        label: 0,
        outputs: [
          { value: '0.953', mark: '✗' },
          { value: '0.321', mark: '✓' },
        ],
      },
    ]);
  });
});
