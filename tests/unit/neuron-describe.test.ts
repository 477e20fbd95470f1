import { describe, expect, it } from 'vitest';
import { NEURON_DEFAULTS as DEFAULT } from './fixtures/widget-setups';
import { expectWritten } from './fixtures/written';
import {
  diagramLabel,
  fieldText,
  listWarning,
  num,
  numericSum,
  outputText,
  paren,
  parseField,
  reading,
  summary,
  termTable,
} from '../../src/widgets/neuron/describe';

describe('the neuron’s numbers as written', () => {
  it('writes parameters with the decimals they have, up to 3', () => {
    expectWritten(num, [0.8, -0.4, 2, 1 / 3], ['0.8', '−0.4', '2', '0.333']);
    expect(paren(-0.4)).toBe('(−0.4)');
    expect(paren(-0.0001)).toBe('0.000');
  });

  it('keeps every decimal typed in a field', () => {
    expect(fieldText(0.1234)).toBe('0.1234');
    expect(fieldText(-3)).toBe('−3');
  });

  it('never claims 100% or 0% sure', () => {
    expectWritten(reading, [0.999, 0.001, 0.668], ['more than 99%', 'less than 1%', '67%']);
  });

  it('says what is wrong with a field, and what to type instead', () => {
    expect(parseField('0.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseField('')).toEqual({ ok: false, message: 'Type a number, for example 0.5.' });
    expect(parseField('1,5')).toEqual({ ok: false, message: 'Use a dot for decimals: 1.5.' });
    expect(parseField(' abc ')).toEqual({
      ok: false,
      message: '“abc” is not a number. Type digits, like 0.5.',
    });
    expect(parseField('12')).toEqual({ ok: false, message: 'Use a number from −10 to 10.' });
  });

  it('warns about a list attribute it cannot read', () => {
    expect(listWarning('nn-neuron', 'x', '1 a', '1 0.5')).toBe(
      '<nn-neuron> x="1 a" is not 1 to 4 numbers from −10 to 10 separated by spaces; ' +
        'using the default "1 0.5".',
    );
  });
});

describe('the neuron’s sum, output and summary', () => {
  it('writes the weighted sum with its numbers, negatives in parentheses', () => {
    expect(numericSum(DEFAULT)).toEqual({ products: '0.8 · 1 + (−0.4) · 0.5', bias: '+ 0.1' });
    expect(numericSum({ ...DEFAULT, bias: -2 }).bias).toBe('− 2');
  });

  it('writes the output for each activation', () => {
    expect(outputText(DEFAULT)).toBe('a = σ(z) = 0.668');
    expect(outputText({ ...DEFAULT, activation: 'none' })).toBe('a = z = 0.70');
  });

  it('sums up z, the output and the biggest push', () => {
    expect(summary(DEFAULT)).toBe(
      'Weighted sum z = 0.70, output a = σ(z) = 0.668. The biggest push up comes from input 1: ' +
        'w₁·x₁ = 0.80.',
    );
    expect(summary({ ...DEFAULT, xs: [1, 3], ws: [0.1, -0.5] })).toMatch(
      /The biggest push down comes from input 2: w₂·x₂ = −1\.50\.$/,
    );
    expect(summary({ ...DEFAULT, xs: [0, 0] })).toMatch(
      /Every input contributes almost nothing\.$/,
    );
  });

  it('names the diagram with every input, weight, the bias, z and the output', () => {
    expect(diagramLabel(DEFAULT)).toBe(
      'Diagram of one neuron with 2 inputs: x1 = 1 with weight 0.8, x2 = 0.5 with weight −0.4; ' +
        'bias 0.1; weighted sum z = 0.70; output a = σ(z) = 0.668',
    );
  });

  it('tabulates each term, the bias, the sum and the output', () => {
    expect(termTable(DEFAULT)).toEqual({
      inputs: [
        { x: '1', w: '0.8', product: '0.80' },
        { x: '0.5', w: '−0.4', product: '−0.20' },
      ],
      bias: '0.10',
      z: '0.70',
      output: { formula: ' = σ(z)', value: '0.668' },
    });
    expect(termTable({ ...DEFAULT, activation: 'none' }).output).toEqual({
      formula: ' = z',
      value: '0.70',
    });
  });
});
