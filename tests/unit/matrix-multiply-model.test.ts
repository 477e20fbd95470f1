import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/math/activations';
import { layerForward } from '../../src/math/layer';
import { Matrix, ShapeError } from '../../src/math/matrix';
import {
  cellsOf,
  changeDetail,
  clampStep,
  compute,
  movedStep,
  nextSize,
  readCells,
  resizeCells,
  withCell,
} from '../../src/widgets/matrix-multiply/model';
import type { Cells, GridKey } from '../../src/widgets/matrix-multiply/model';

/** The widget's grids as typed, e.g. grids({ a: '1 2; 3 4' }); the rest empty. */
function grids(text: Partial<Record<GridKey, string>>): Record<GridKey, Cells> {
  const cells = (t: string | undefined): Cells =>
    t === undefined ? [] : t.split(';').map((row) => row.trim().split(/\s+/));
  return {
    a: cells(text.a),
    b: cells(text.b),
    weights: cells(text.weights),
    input: cells(text.input),
    bias: cells(text.bias),
  };
}

/** The mismatch of `grid` (`expected` rows or columns where it has `actual`), and its fix. */
const mismatch = (
  grid: GridKey,
  expected: number,
  actual: number,
  fix: { rows: number; cols: number },
) => ({ grid, expected, actual, fix: { key: grid, ...fix } });

describe('matrix-multiply model: one layer in src/math', () => {
  it('computes z = Wx + b and a = f(z), and a = z with no activation', () => {
    const W = Matrix.from([
      [1, -1, 0.5],
      [2, 0, -1],
    ]);
    const x = Matrix.column([2, 1, 2]);
    const b = Matrix.column([0, 1]);
    const plain = layerForward(W, x, b);
    expect(plain.z.column(0)).toEqual([2, 3]);
    expect(plain.a).toBe(plain.z);
    const squashed = layerForward(W, x, b, sigmoid);
    expect(squashed.a.column(0)).toEqual([sigmoid(2), sigmoid(3)]);
  });

  it('refuses an input that does not fit the weights, naming the shapes', () => {
    expect(() => layerForward(Matrix.zeros(2, 3), Matrix.zeros(2, 1), Matrix.zeros(2, 1))).toThrow(
      ShapeError,
    );
  });
});

describe('matrix-multiply model: cells as typed', () => {
  it('reads every cell, or reports each one that is not a number with where and why', () => {
    const good = readCells(grids({ a: '1 2; 3 −4.5' }).a, 'a');
    expect(good.ok && good.matrix.toArray()).toEqual([
      [1, 2],
      [3, -4.5],
    ]);
    const bad = readCells(
      [
        ['1', 'x'],
        ['', '1,5'],
      ],
      'a',
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toEqual([
      { grid: 'a', row: 1, col: 2, text: 'x', problem: 'not-a-number' },
      { grid: 'a', row: 2, col: 1, text: '', problem: 'empty' },
      { grid: 'a', row: 2, col: 2, text: '1,5', problem: 'decimal-comma' },
    ]);
  });

  it('resizes a grid keeping the cells that overlap and filling new ones with 0', () => {
    const cells = grids({ a: '1 2; 3 4' }).a;
    expect(resizeCells(cells, 3, 1)).toEqual([['1'], ['3'], ['0']]);
    expect(resizeCells(cells, 2, 3)).toEqual([
      ['1', '2', '0'],
      ['3', '4', '0'],
    ]);
    expect(withCell(cells, 1, 0, 'x')).toEqual([
      ['1', '2'],
      ['x', '4'],
    ]);
    expect(cells).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(cellsOf(Matrix.from([[0.5, -2]]))).toEqual([['0.5', '-2']]);
  });

  it('lets a size step between 1 and 6 only', () => {
    expect(nextSize(2, 1)).toBe(3);
    expect(nextSize(1, -1)).toBeUndefined();
    expect(nextSize(6, 1)).toBeUndefined();
    expect(nextSize(6, -1)).toBe(5);
  });
});

describe('matrix-multiply model: product mode', () => {
  it('multiplies the default A and B into C = AB', () => {
    const result = compute('product', grids({ a: '1 2; 3 4', b: '5 6; 7 8' }), 'none');
    expect(result.mismatch).toBeUndefined();
    expect(result.reading.problems).toEqual([]);
    expect(result.product?.C.toArray()).toEqual([
      [19, 22],
      [43, 50],
    ]);
    expect(result.layer).toBeUndefined();
    expect(changeDetail('product', result)).toEqual({
      mode: 'product',
      a: [
        [1, 2],
        [3, 4],
      ],
      b: [
        [5, 6],
        [7, 8],
      ],
      product: [
        [19, 22],
        [43, 50],
      ],
    });
  });

  it('multiplies a 2×3 by a 3×1 into a 2×1', () => {
    const result = compute('product', grids({ a: '1 0 2; -1 3 1', b: '3; 2; 1' }), 'none');
    expect(result.product?.C.toArray()).toEqual([[5], [4]]);
  });

  it('finds columns of A that do not match the rows of B, and the resize of B that fixes it', () => {
    const result = compute('product', grids({ a: '1 2 3; 4 5 6', b: '1 2; 3 4' }), 'none');
    expect(result.mismatch).toEqual(mismatch('b', 3, 2, { rows: 3, cols: 2 }));
    expect(result.product).toBeUndefined();
    expect(changeDetail('product', result)).toBeUndefined();
  });

  it('computes nothing while a cell is not a number, and says which grid it is in', () => {
    const result = compute('product', grids({ a: '1 2; 3 4', b: '5 x; 7 8' }), 'none');
    expect(result.product).toBeUndefined();
    expect(result.reading.problems).toHaveLength(1);
    expect(Object.keys(result.reading.problemsIn)).toEqual(['b']);
    expect(result.reading.matrices.a?.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('walks C in reading order and stops at its first and last cell', () => {
    expect(movedStep([0, 0], 2, 3, 1)).toEqual([0, 1]);
    expect(movedStep([0, 2], 2, 3, 1)).toEqual([1, 0]);
    expect(movedStep([1, 0], 2, 3, -1)).toEqual([0, 2]);
    expect(movedStep([0, 0], 2, 3, -1)).toBeUndefined();
    expect(movedStep([1, 2], 2, 3, 1)).toBeUndefined();
    expect(clampStep([3, 4], 2, 3)).toEqual([1, 2]);
    expect(clampStep([0, 1], 2, 3)).toEqual([0, 1]);
  });
});

describe('matrix-multiply model: layer mode', () => {
  const layer = { weights: '1 -1 0.5; 2 0 -1', input: '2; 1; 2', bias: '0; 1' };

  it('computes each neuron’s sum z = Wx + b, and a = z with no activation', () => {
    const result = compute('layer', grids(layer), 'none');
    expect(result.layer?.z.column(0)).toEqual([2, 3]);
    expect(result.layer?.a.column(0)).toEqual([2, 3]);
    expect(result.product).toBeUndefined();
    expect(changeDetail('layer', result)).toEqual({
      mode: 'layer',
      weights: [
        [1, -1, 0.5],
        [2, 0, -1],
      ],
      input: [2, 1, 2],
      bias: [0, 1],
      activation: 'none',
      z: [2, 3],
      output: [2, 3],
    });
  });

  it('applies the chosen activation to each sum', () => {
    expect(compute('layer', grids(layer), 'sigmoid').layer?.a.column(0)).toEqual([
      sigmoid(2),
      sigmoid(3),
    ]);
    const relu = compute('layer', grids({ ...layer, bias: '-3; 1' }), 'relu').layer!;
    expect(relu.z.column(0)).toEqual([-1, 3]);
    expect(relu.a.column(0)).toEqual([0, 3]);
    expect(relu.activation).toBe('relu');
  });

  it('checks x against the columns of W first, then b against its rows', () => {
    const both = compute('layer', grids({ ...layer, input: '2; 1', bias: '0' }), 'none');
    expect(both.mismatch).toEqual(mismatch('input', 3, 2, { rows: 3, cols: 1 }));
    const bias = compute('layer', grids({ ...layer, bias: '0; 1; 2' }), 'none');
    expect(bias.mismatch).toEqual(mismatch('bias', 2, 3, { rows: 2, cols: 1 }));
    expect(bias.layer).toBeUndefined();
  });

  it('reads only the grids of its own mode', () => {
    const result = compute('layer', { ...grids(layer), a: [['x']] }, 'none');
    expect(result.reading.problems).toEqual([]);
    expect(result.layer).toBeDefined();
  });
});
