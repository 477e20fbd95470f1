import { describe, expect, it } from 'vitest';
import {
  chartLabel,
  curveSummary,
  param,
  paren,
  planeLabel,
  planeSummary,
  reading,
  secondWeight,
  sideOf,
  signed,
  signedNumber,
  signedProduct,
  spoken,
  stepEnds,
} from '../../src/widgets/sigmoid-explorer/describe';
import type { SigmoidSetup } from '../../src/widgets/sigmoid-explorer/model';
import { sigmoidSetup as setup } from './fixtures/widget-setups';
import { expectWritten } from './fixtures/written';

describe('the sigmoid explorer’s numbers as written', () => {
  it('shows slider values with one decimal, two when an attribute set a finer one', () => {
    expectWritten(param, [1, -0.5, 0.25], ['1.0', '−0.5', '0.25']);
    // A value that shows as 0.0 is never "minus".
    expectWritten(spoken, [-2, -1e-12, -0.25], ['minus 2.0', '0.0', 'minus 0.25']);
    // Nor one finer than the slider's step that shows as 0.00.
    expectWritten(spoken, [-0.001], ['0.00']);
    expectWritten(signed, [-0.001], ['+ 0.00']);
    expect(signedProduct(-0.001, 1)).toBe('+ 0.00 · 1.0');
  });

  it('writes the terms of the weighted sum with their signs', () => {
    expect(paren(param(-0.5), -0.5)).toBe('(−0.5)');
    expect(paren(param(0.5), 0.5)).toBe('0.5');
    expectWritten(signed, [-1, 2, -1e-12, -0.25], ['− 1.0', '+ 2.0', '+ 0.0', '− 0.25']);
    expect(signedProduct(-1, -0.5)).toBe('− 1.0 · (−0.5)');
    expect(signedProduct(2, 3)).toBe('+ 2.0 · 3.0');
    expect(signedNumber(-1.5)).toBe('− 1.50');
    expect(secondWeight(-1)).toEqual({ sign: '−', text: '1.0' });
  });
});

describe('the curve’s summary', () => {
  it('at the default setup: σ(0) = 0.5, crossing 0.5 at x = 0', () => {
    expect(curveSummary(setup())).toBe(
      'At x = 0.0, z = 0.00 and σ(z) = 0.500. The curve rises and crosses 0.5 at x = 0.00.',
    );
  });

  it('with w = 0: flat, σ(b) everywhere', () => {
    expect(curveSummary(setup({ weight: 0, bias: 1, input: 2 }))).toBe(
      'At x = 2.0, z = 1.00 and σ(z) = 0.731. With w = 0 the curve is flat: every input gives σ(b) = 0.731.',
    );
  });

  it('with a large weight: steep, almost a step, saturated away from the crossing', () => {
    expect(curveSummary(setup({ weight: 6, bias: -3, input: 2 }))).toBe(
      'At x = 2.0, z = 9.00 and σ(z) = 1.000. The curve rises steeply and crosses 0.5 at ' +
        'x = 0.50. It is almost a step. Here the neuron is saturated: the curve is almost flat.',
    );
  });

  it('when the crossing is off the chart: which side of 0.5 the curve stays on', () => {
    expect(curveSummary(setup({ weight: 0.5, bias: 5 }))).toBe(
      'At x = 0.0, z = 5.00 and σ(z) = 0.993. The curve rises gently and stays above 0.5 over ' +
        'the range shown. Here the neuron is saturated: the curve is almost flat.',
    );
    expect(curveSummary(setup({ weight: -1, bias: -8 }))).toMatch(
      /The curve falls and stays below 0\.5 over the range shown\./,
    );
  });

  it('names the chart, with the derivative when it is shown', () => {
    expect(chartLabel(1.5, false)).toBe(
      'Graph of the output σ(w·x + b) against the input x from −6.0 to 6.0, with the point at x = 1.5 marked',
    );
    expect(chartLabel(0, true)).toMatch(/marked, and the derivative σ′\(w·x \+ b\) dashed$/);
  });

  it('goes from 0.05 to 0.95 as x grows for w > 0, the other way for w < 0', () => {
    expect(stepEnds(6)).toEqual(['0.05', '0.95']);
    expect(stepEnds(-6)).toEqual(['0.95', '0.05']);
  });
});

describe('the plane’s summary', () => {
  const plane = (o: Partial<SigmoidSetup>) => setup({ plane: true, ...o });

  it('gives the decision line solved for x₂ and the point’s side', () => {
    expect(planeSummary(plane({ weight: 2, weight2: -1, bias: 0.5, input: 1, input2: 1 }))).toBe(
      'At (x₁, x₂) = (1.0, 1.0), z = 1.50 and σ(z) = 0.818. The decision line is the line ' +
        'x₂ = 2.00·x₁ + 0.50. The point is on the “yes” side (z > 0).',
    );
    expect(planeSummary(plane({ input: -1, input2: -1 }))).toMatch(
      /The point is on the “no” side \(z < 0\)\.$/,
    );
    expect(planeSummary(plane({}))).toMatch(/The point is on the decision line\.$/);
  });

  it('a vertical line when w₂ = 0, no line when both weights are 0', () => {
    expect(planeSummary(plane({ weight: 2, weight2: 0, bias: -1 }))).toContain(
      'The decision line is the vertical line x₁ = 0.50.',
    );
    expect(planeSummary(plane({ weight: 0, weight2: 0, bias: 2 }))).toBe(
      'At (x₁, x₂) = (0.0, 0.0), z = 2.00 and σ(z) = 0.881. With w₁ = w₂ = 0 there is no ' +
        'decision line: every point gets σ(b) = 0.881.',
    );
  });

  it('names the map with the marked point', () => {
    expect(planeLabel(1, -2.5)).toMatch(/^Map of the plane, x₁ and x₂ from −6\.0 to 6\.0, /);
    expect(planeLabel(1, -2.5)).toMatch(/the point \(x₁, x₂\) = \(1\.0, −2\.5\) marked$/);
  });

  it('puts z within 0.005 of 0 on the line', () => {
    expectWritten(sideOf, [0.004, 0.006, -0.006], ['line', 'yes', 'no']);
  });
});

describe('the output read as a probability', () => {
  it('never says 100% or 0%: more than 99% sure, less than 1% sure', () => {
    expectWritten(reading, [0.995, 0.994, 0.005, 0.006], ['sure', '99%', 'unsure', '1%']);
  });

  it('cannot decide within 0.005 of 50%, and gives a percentage otherwise', () => {
    expectWritten(reading, [0.502, 0.506, 0.731], ['undecided', '51%', '73%']);
  });
});
