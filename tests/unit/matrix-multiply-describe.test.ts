import { describe, expect, it } from 'vitest';
import {
  cellLabel,
  disagreement,
  dotText,
  fixLabel,
  layerSummary,
  mismatchText,
  neuronSum,
  num,
  problemText,
  productSummary,
  staleNote,
  stepFormula,
  summaryIsQuiet,
} from '../../src/widgets/matrix-multiply/describe';
import { compute } from '../../src/widgets/matrix-multiply/model';
import type {
  ActivationChoice,
  Cells,
  GridKey,
  MatrixMultiplyMode,
} from '../../src/widgets/matrix-multiply/model';

const rows = (t: string): Cells => t.split(';').map((row) => row.trim().split(/\s+/));

/** What the widget computes from grids as typed, e.g. computed('product', { a: '1 2; 3 4', … }). */
function computed(
  mode: MatrixMultiplyMode,
  text: Partial<Record<GridKey, string>>,
  activation: ActivationChoice = 'none',
) {
  const cells = { a: [], b: [], weights: [], input: [], bias: [] } as Record<GridKey, Cells>;
  for (const [key, t] of Object.entries(text)) cells[key as GridKey] = rows(t);
  return compute(mode, cells, activation);
}

const LAYER = { weights: '1 -1 0.5; 2 0 -1', input: '2; 1; 2', bias: '0; 1' };

describe('matrix-multiply in words: numbers and formulas', () => {
  it('writes numbers with as few decimals as they need, up to 3, and a real minus', () => {
    expect(num(22)).toBe('22');
    expect(num(0.5)).toBe('0.5');
    expect(num(-1.25)).toBe('−1.25');
    expect(num(1 / 3)).toBe('0.333');
    expect(num(0.1 * 3)).toBe('0.3');
    expect(num(-0)).toBe('0');
  });

  it('writes a cell of C as the dot product of a row of A and a column of B', () => {
    const { product } = computed('product', { a: '1 2; 3 4', b: '5 6; 7 8' });
    expect(stepFormula(product!, 0, 1)).toBe('c₁₂ = 1·6 + 2·8 = 22');
    expect(stepFormula(product!, 1, 0)).toBe('c₂₁ = 3·5 + 4·7 = 43');
    expect(dotText('c', 9, 10, [-2, 0.5], [3, -1], -6.5)).toBe('c₁₀₁₁ = (−2)·3 + 0.5·(−1) = −6.5');
  });

  it('writes a neuron’s sum with its bias added or taken away', () => {
    const { layer } = computed('layer', LAYER);
    expect(neuronSum(layer!, 0)).toBe('z₁ = 1·2 + (−1)·1 + 0.5·2 + 0 = 2');
    expect(neuronSum(layer!, 1)).toBe('z₂ = 2·2 + 0·1 + (−1)·2 + 1 = 3');
    const negative = computed('layer', { ...LAYER, bias: '-1.5; 1' }).layer!;
    expect(neuronSum(negative, 0)).toBe('z₁ = 1·2 + (−1)·1 + 0.5·2 − 1.5 = 0.5');
  });
});

describe('matrix-multiply in words: cells, problems and shapes', () => {
  it('names each cell, and in layer mode what its number means', () => {
    expect(cellLabel('a', 0, 1)).toBe('A row 1 column 2');
    expect(cellLabel('b', 2, 0)).toBe('B row 3 column 1');
    expect(cellLabel('weights', 1, 2)).toBe("W row 2 column 3: neuron 2's weight for input 3");
    expect(cellLabel('input', 1, 0)).toBe('x row 2: input 2');
    expect(cellLabel('bias', 0, 0)).toBe("b row 1: neuron 1's bias");
  });

  it('says where a cell that is not a number is, and why', () => {
    const at = (grid: GridKey, text: string) =>
      computed(grid === 'a' || grid === 'b' ? 'product' : 'layer', {
        ...LAYER,
        a: '1 2; 3 4',
        b: '5 6; 7 8',
        [grid]: grid === 'a' || grid === 'weights' ? `1 2 0; 3 ${text} 0` : `1; ${text}; 0`,
      }).reading.problems[0]!;
    expect(problemText(at('a', 'x'))).toBe('A, row 2, column 2: “x” is not a number');
    expect(problemText(at('input', '1,5'))).toBe(
      'x, row 2: “1,5” is not a number: write decimals with a point, as in 1.5',
    );
    expect(problemText({ grid: 'bias', row: 2, col: 1, text: ' ', problem: 'empty' })).toBe(
      'b, row 2 is empty: type a number',
    );
  });

  it('explains a shape mismatch and names the fix', () => {
    const product = computed('product', { a: '1 2 3; 4 5 6', b: '1 2; 3 4' }).mismatch!;
    expect(mismatchText(product)).toBe(
      'A has 3 columns but B has 2 rows: to multiply, they must match.',
    );
    expect(fixLabel(product)).toBe('Give B 3 rows');
    const input = computed('layer', { ...LAYER, input: '1' }).mismatch!;
    expect(mismatchText(input)).toBe(
      'W has 3 columns (one weight per input) but x has 1 number: they must match.',
    );
    expect(fixLabel(input)).toBe('Give x 3 numbers');
    const bias = computed('layer', { ...LAYER, bias: '0; 1; 2' }).mismatch!;
    expect(mismatchText(bias)).toBe(
      'W has 2 rows (one neuron each) but b has 3 numbers: each neuron needs one bias.',
    );
    expect(fixLabel(bias)).toBe('Give b 2 numbers');
    expect(disagreement(3, 2)).toBe('3 ≠ 2');
    expect(disagreement(2, 2)).toBeUndefined();
  });

  it('says why a result on screen is out of date and how to update it', () => {
    expect(staleNote('product', 1)).toBe(
      'The product shown is the last valid one: fix the marked cell to update it.',
    );
    expect(staleNote('layer', 2)).toBe(
      'The outputs shown are the last valid ones: fix the marked cells to update them.',
    );
    expect(staleNote('product', 0)).toBe(
      'The product shown is the last valid one: make the sizes match to update it.',
    );
  });
});

describe('matrix-multiply in words: the live summary', () => {
  it('reads the product row by row', () => {
    const c = computed('product', { a: '1 2; 3 4', b: '5 6; 7 8' });
    expect(productSummary(c.reading, c.mismatch, c.product)).toBe(
      'C = AB is 2×2: row 1: 19, 22; row 2: 43, 50.',
    );
    expect(summaryIsQuiet(c.reading, c.mismatch)).toBe(false);
  });

  it('names the first bad cell, counts the others, and says what is still shown', () => {
    const good = computed('product', { a: '1 2; 3 4', b: '5 6; 7 8' });
    const bad = computed('product', { a: '1 x; 3 4', b: '5 6; y z' });
    expect(productSummary(bad.reading, bad.mismatch, good.product)).toBe(
      'A, row 1, column 2: “x” is not a number (and 2 more cells). The product shown is the last valid one.',
    );
    expect(productSummary(bad.reading, bad.mismatch, undefined)).toBe(
      'A, row 1, column 2: “x” is not a number (and 2 more cells).',
    );
    expect(summaryIsQuiet(bad.reading, bad.mismatch)).toBe(true);
    const mismatch = computed('product', { a: '1 2', b: '1' });
    expect(productSummary(mismatch.reading, mismatch.mismatch, good.product)).toBe(
      'A has 2 columns but B has 1 row: to multiply, they must match.',
    );
  });

  it('reads the layer’s sums, and its outputs through the activation', () => {
    const summary = (activation: ActivationChoice, bias = '0; 1') => {
      const c = computed('layer', { ...LAYER, bias }, activation);
      return layerSummary(c.reading, c.mismatch, c.layer);
    };
    expect(summary('none')).toBe("The layer's 2 neurons output z = (2, 3).");
    expect(summary('sigmoid')).toBe(
      "The layer's 2 neurons compute z = (2, 3) and output a = σ(z) = (0.881, 0.953).",
    );
    expect(summary('relu', '-3; 0.25')).toBe(
      "The layer's 2 neurons compute z = (−1, 2.25) and output a = ReLU(z) = (0, 2.25).",
    );
    const bad = computed('layer', { ...LAYER, input: '2; q; 2' });
    expect(layerSummary(bad.reading, bad.mismatch, undefined)).toBe(
      'x, row 2: “q” is not a number. The outputs shown are the last valid ones.',
    );
  });
});
