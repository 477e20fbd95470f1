import { describe, expect, it } from 'vitest';
import { functionById } from '../../src/math/functions';
import {
  chainFormulaText,
  chainReading,
  chainTableRows,
  chartLabel,
  chartLabels,
  formatError,
  formatStep,
  hScale,
  hTableRows,
  param,
  signed,
  slopeFormulaText,
  slopesRow,
  spoken,
  summary,
} from '../../src/widgets/derivative/describe';
import { DERIVATIVE_DEFAULTS as DEFAULTS, derivativeAt as at } from './fixtures/widget-setups';
import { expectWritten } from './fixtures/written';

const fn = (id: string) => functionById(id)!;

describe('derivative in words: numbers as written', () => {
  it('writes slider values to the slider’s step, finer only when set finer', () => {
    expectWritten(param, [1, -0.5, 0.15], ['1.0', '−0.5', '0.15']);
    expectWritten(spoken, [-1.5, -0.01, 2], ['minus 1.5', 'minus 0.01', '2.0']);
    expectWritten(signed, [-1, 0, -0.001], ['− 1.0', '+ 0.0', '+ 0.00']);
  });

  it('writes h with the digits it has, and 3 significant digits while it animates', () => {
    expectWritten(formatStep, [1, 0.5, 0.002, 0.0347], ['1', '0.5', '0.002', '0.0347']);
    expect(formatStep(0.03162)).toBe('0.0316');
    expect(hScale()).toEqual({ large: '1', small: '0.001' });
  });

  it('writes errors with two significant digits, and rounding noise as 0', () => {
    expectWritten(formatError, [1, -0.000123, 1.5e-9], ['1.000000', '0.000123', '0.0000000015']);
    expectWritten(formatError, [3e-13, Number.NaN], ['0.000000', 'undefined']);
    expect(formatError(0.1, 4)).toBe('0.1000');
  });
});

describe('derivative in words: the chart', () => {
  it('labels the chart and its curve: f(x) in slope mode, by the variable chosen in chain mode', () => {
    expect([DEFAULTS, at({ mode: 'chain', wrt: 'w' })].map(chartLabels)).toEqual([
      { curveLabel: 'f(x) = x²', xLabel: 'x', yLabel: 'f(x)' },
      { curveLabel: 'a = σ(w·x + b)', xLabel: 'the weight w', yLabel: 'output a' },
    ]);
    expect(chartLabel(at({ fn: 'sin', x0: -0.5 }))).toBe(
      'Graph of f(x) = sine of x from x = −3 to 3, with the point x₀ = −0.5 marked, the tangent ' +
        'line there, and the dashed secant line through x₀ and x₀ + h',
    );
    expect(chartLabel(at({ mode: 'chain', wrt: 'b' }))).toBe(
      'Graph of the output a = σ(w·x + b) against the bias b, with the current point marked and ' +
        'the tangent line there',
    );
  });
});

describe('derivative in words: slope mode', () => {
  it('sums up the tangent, the secant and how far apart they are', () => {
    expect(summary(DEFAULTS, false)).toBe(
      'f(x) = x² at x₀ = 1.0: the tangent has slope 2.0000; the secant with h = 1 has slope ' +
        '3.0000, 1.0000 away. Shrink h and the secant turns onto the tangent.',
    );
    expect(summary(at({ fn: 'sin', x0: 0, h: 0.001 }), false)).toBe(
      'f(x) = sin x at x₀ = 0.0: the tangent has slope 1.0000; the secant with h = 0.001 has ' +
        'slope 1.0000, 0.00000017 away. The secant and the tangent now look like one line.',
    );
    expect(summary(DEFAULTS, true)).toBe('Shrinking h towards 0.001…');
  });

  it('substitutes the numbers into the secant and tangent formulas', () => {
    expect(slopeFormulaText(fn('square'), 1, 0.5)).toEqual({
      x0: '1.0',
      h: '0.5',
      x1: '1.5',
      y0: '1.0000',
      y1: '2.2500',
      secant: '2.5000',
      dfAt: '2 · 1.0',
      exact: '2.0000',
    });
    expect(slopeFormulaText(fn('cube'), -1, 0.5)).toMatchObject({
      x1: '−0.5',
      y0: '(−1.0000)',
      y1: '−0.1250',
      secant: '1.7500',
      dfAt: '3 · (−1.0)²',
      exact: '3.0000',
    });
  });

  it('writes the table of slopes, and the data table row by row', () => {
    expect(slopesRow(fn('square'), 1, 0.1)).toEqual({
      h: '0.1',
      secant: '2.100000',
      secantError: '0.100000',
      central: '2.000000',
      centralError: '0.000000',
      exact: '2.000000',
    });
    const rows = hTableRows(fn('exp'), 0, 0.02);
    expect(rows.map((r) => [r.h, r.current])).toEqual([
      ['1', false],
      ['0.1', false],
      ['0.02', true],
      ['0.01', false],
      ['0.001', false],
    ]);
    expect(rows[0]).toMatchObject({ secant: '1.718282', secantError: '0.718282' });
    expect(rows[4]).toMatchObject({ secant: '1.000500', secantError: '0.000500' });
  });
});

describe('derivative in words: chain mode', () => {
  const chain = at({ mode: 'chain' });

  it('sums up z, a and the chain rule’s product', () => {
    expect(summary(chain, false)).toBe(
      'With w = 2.0, b = −1.0 and x = 1.0: z = 1.00 and a = σ(z) = 0.7311. The slope of a with ' +
        'respect to x is da/dz · ∂z/∂x = 0.1966 · 2.0 = 0.3932.',
    );
    expect(summary(at({ mode: 'chain', wrt: 'b' }), false)).toMatch(
      /respect to b is da\/dz · ∂z\/∂b = 0\.1966 · 1 = 0\.1966\.$/,
    );
  });

  it('substitutes the numbers into each factor, negatives in parentheses', () => {
    expect(chainFormulaText(at({ mode: 'chain', wrt: 'w', x0: -0.5 }))).toEqual({
      w: '2.0',
      x: '(−0.5)',
      b: '− 1.0',
      z: '−2.00',
      a: '0.1192',
      dz: '−0.5',
      dzFactor: '(−0.5)',
      dadz: '0.1050',
      product: '−0.0525',
      check: '0.001',
      numeric: '−0.0525',
      agree: true,
      reading: 'Nudge the weight up by 0.01 and the output falls by about 0.0005.',
    });
  });

  it('says what the slope means for a nudge of 0.01', () => {
    expect(chainReading('x', 0.3932)).toBe(
      'Nudge the input up by 0.01 and the output rises by about 0.0039.',
    );
    expect(chainReading('b', 0.001)).toBe(
      'Nudging the bias barely moves the output here: the slope is almost 0.',
    );
  });

  it('writes the data table row by row, the current row marked', () => {
    const rows = chainTableRows(chain);
    expect(rows[6]).toEqual({ v: '1.0', z: '1.00', a: '0.7311', slope: '0.3932', current: true });
    expect(rows[0]).toEqual({
      v: '−2.0',
      z: '−5.00',
      a: '0.0067',
      slope: '0.0133',
      current: false,
    });
  });
});
