import { describe, expect, it } from 'vitest';
import { NEURON_DEFAULTS as DEFAULT } from './fixtures/widget-setups';
import {
  FILL_W,
  FILL_X,
  activationOf,
  changeDetail,
  compute,
  filled,
  inputCount,
  readField,
  readList,
  stepped,
  strongestInput,
  terms,
  withValue,
} from '../../src/widgets/neuron/model';

describe('the neuron’s numbers', () => {
  it('computes z = w·x + b and a = σ(z) for the default neuron', () => {
    const { z, output } = compute(DEFAULT);
    expect(z).toBeCloseTo(0.7, 12); // 0.8 − 0.2 + 0.1
    expect(output).toBeCloseTo(0.668, 3);
  });

  it('with no activation, the output is z itself', () => {
    const { z, output } = compute({ ...DEFAULT, activation: 'none' });
    expect(output).toBe(z);
    expect(activationOf('no-such-activation')).toBe(activationOf('sigmoid'));
  });

  it('gives each input’s term and the one that pushes hardest', () => {
    const state = { ...DEFAULT, xs: [1, 2, -1], ws: [0.5, -0.75, 1] };
    expect(terms(state)).toEqual([0.5, -1.5, -1]);
    expect(strongestInput(state)).toBe(1);
    // Equal pushes: the first one.
    expect(strongestInput({ ...DEFAULT, xs: [1, 1], ws: [1, -1] })).toBe(0);
  });

  it('uses 2 to 4 inputs, filling in what the attributes leave out', () => {
    expect(inputCount(3)).toBe(3);
    expect(inputCount(7)).toBe(4);
    expect(inputCount(1)).toBe(2);
    expect(inputCount(Number.NaN)).toBe(2);
    expect(inputCount(2.6)).toBe(3);
    expect(filled([5], FILL_X, 4)).toEqual([5, 0.5, -1, 2]);
    expect(filled([1, 2, 3, 4], FILL_W, 2)).toEqual([1, 2]);
  });

  it('sets one field, filling in up to the inputs shown and keeping the ones beyond', () => {
    // Three inputs shown, the attribute gave one weight: set w₃.
    expect(withValue([2], 'w', 3, 2, 9)).toEqual([2, -0.4, 9]);
    // Two shown, four kept: going back to four inputs loses nothing.
    expect(withValue([1, 2, 3, 4], 'x', 2, 0, -1)).toEqual([-1, 2, 3, 4]);
  });

  it('steps a field by 0.1 without binary noise, within [−10, 10]', () => {
    expect(stepped(0.2, true)).toBe(0.3);
    expect(stepped(0.3, false)).toBe(0.2);
    expect(stepped(9.95, true)).toBe(10);
    expect(stepped(-10, false)).toBe(-10);
  });

  it('reports the inputs in use, z and the output in the nn-change detail', () => {
    const detail = changeDetail(DEFAULT);
    expect(detail).toMatchObject({ inputs: 2, x: [1, 0.5], w: [0.8, -0.4], bias: 0.1 });
    expect(detail.z).toBeCloseTo(0.7, 12);
    expect(detail.activation).toBe('sigmoid');
  });
});

describe('reading a number typed in a field', () => {
  it('accepts 0.5, .5, a typographic minus and exponents', () => {
    expect(readField('0.5')).toEqual({ ok: true, value: 0.5 });
    expect(readField(' .5 ')).toEqual({ ok: true, value: 0.5 });
    expect(readField('−0.25')).toEqual({ ok: true, value: -0.25 });
    expect(readField('1e-3')).toEqual({ ok: true, value: 0.001 });
    expect(readField('10')).toEqual({ ok: true, value: 10 });
  });

  it('says why other text is not a number the neuron takes', () => {
    expect(readField('')).toMatchObject({ ok: false, problem: 'empty' });
    expect(readField('1,5')).toMatchObject({ ok: false, problem: 'decimal-comma', text: '1,5' });
    expect(readField(' abc ')).toMatchObject({ ok: false, problem: 'not-a-number', text: 'abc' });
    expect(readField('10.5')).toMatchObject({ ok: false, problem: 'out-of-range' });
    expect(readField('1e400')).toMatchObject({ ok: false, problem: 'out-of-range' });
  });

  it('reads a list attribute of 1 to 4 numbers, or nothing', () => {
    expect(readList('1 0.5')).toEqual([1, 0.5]);
    expect(readList(' 1, -2 3 ')).toEqual([1, -2, 3]);
    expect(readList('')).toBeNull();
    expect(readList('1 2 3 4 5')).toBeNull();
    expect(readList('1 x')).toBeNull();
    expect(readList('1 11')).toBeNull();
  });
});
