import { describe, expect, it } from 'vitest';
import {
  Matrix,
  ShapeError,
  describeNumberProblem,
  dot,
  parseNumber,
  shapeText,
} from '../../src/math/matrix';
import { createRng } from '../../src/math/rng';
import type { Rng } from '../../src/math/rng';
import { thrownBy } from './fixtures/errors';

/** Trials per property: enough to hit every shape from 1×1 to 6×6 several times. */
const TRIALS = 300;

const size = (rng: Rng) => 1 + rng.int(6);
const random = (rng: Rng, rows: number, cols: number) =>
  Matrix.generate(rows, cols, () => rng.uniform(-10, 10));

/** Checks a property `count` times, each with fresh random draws from one rng seeded `seed`. */
function trials(count: number, seed: number, check: (rng: Rng) => void): void {
  const rng = createRng(seed);
  for (let t = 0; t < count; t++) check(rng);
}

/** A random m×n matrix A and n×p matrix B (sizes 1 to 6): two that can be multiplied. */
function multipliable(rng: Rng): [Matrix, Matrix] {
  const [m, n, p] = [size(rng), size(rng), size(rng)];
  return [random(rng, m, n), random(rng, n, p)];
}

/** The largest |entry| of A − B, for readable failure messages. */
function maxDiff(a: Matrix, b: Matrix): number {
  expect(a.shape).toEqual(b.shape);
  return Math.max(0, ...a.data.map((v, k) => Math.abs(v - b.data[k]!)));
}

describe('Matrix: construction and access', () => {
  it('stores rows in row-major order and reads them back', () => {
    const A = Matrix.from([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(A.shape).toEqual([2, 3]);
    expect(A.rows).toBe(2);
    expect(A.cols).toBe(3);
    expect(Array.from(A.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(A.get(1, 0)).toBe(4);
    expect(A.get(0, 2)).toBe(3);
    expect(A.row(1)).toEqual([4, 5, 6]);
    expect(A.column(2)).toEqual([3, 6]);
    expect(A.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(new Matrix(2, 2).toArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(Matrix.column([1, 2, 3]).shape).toEqual([3, 1]);
  });

  it('copies its data: changing the source array later does not change the matrix', () => {
    const source = [1, 2, 3, 4];
    const A = new Matrix(2, 2, source);
    source[0] = 99;
    expect(A.get(0, 0)).toBe(1);
  });

  it('refuses rows of different lengths, data of the wrong length and entries outside the shape', () => {
    expect(() => Matrix.from([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => Matrix.from([[1, 2], [3]])).toThrow(
      'row 2 has 1 number but row 1 has 2: every row of a matrix must have the same length',
    );
    expect(() => new Matrix(2, 2, [1, 2, 3])).toThrow(
      'a 2×2 matrix holds 4 numbers, but 3 numbers were given',
    );
    expect(() => new Matrix(-1, 2)).toThrow(RangeError);
    expect(() => new Matrix(1.5, 2)).toThrow(RangeError);
    const A = Matrix.identity(2);
    expect(() => A.get(2, 0)).toThrow('(2, 0) is outside a 2×2 matrix (indices count from 0)');
    expect(() => A.get(0, -1)).toThrow(RangeError);
  });
});

describe('Matrix: arithmetic', () => {
  it('multiplies a 2×2 by a 2×2 by the row-times-column rule', () => {
    const A = Matrix.from([
      [1, 2],
      [3, 4],
    ]);
    const B = Matrix.from([
      [5, 6],
      [7, 8],
    ]);
    // c₁₂ = 1·6 + 2·8 = 22, c₂₁ = 3·5 + 4·7 = 43
    expect(A.multiply(B).toArray()).toEqual([
      [19, 22],
      [43, 50],
    ]);
    expect(B.multiply(A).toArray()).toEqual([
      [23, 34],
      [31, 46],
    ]);
  });

  it('gives an m×p matrix whose entry cᵢⱼ is exactly the dot product of row i and column j', () => {
    trials(TRIALS, 11, (rng) => {
      const [A, B] = multipliable(rng);
      const C = A.multiply(B);
      expect(C.shape).toEqual([A.rows, B.cols]);
      for (let i = 0; i < A.rows; i++) {
        for (let j = 0; j < B.cols; j++) expect(C.get(i, j)).toBe(dot(A.row(i), B.column(j)));
      }
    });
  });

  it('(AB)ᵀ = BᵀAᵀ for random shapes', () => {
    trials(TRIALS, 1, (rng) => {
      const [A, B] = multipliable(rng);
      const left = A.multiply(B).transpose();
      const right = B.transpose().multiply(A.transpose());
      expect(left.shape).toEqual([B.cols, A.rows]);
      expect(maxDiff(left, right), `${shapeText(A.shape)} · ${shapeText(B.shape)}`).toBeLessThan(
        1e-12,
      );
    });
  });

  it('(AB)C = A(BC) for random shapes, up to rounding', () => {
    trials(TRIALS, 2, (rng) => {
      const [m, n, p, q] = [size(rng), size(rng), size(rng), size(rng)];
      const A = random(rng, m, n);
      const B = random(rng, n, p);
      const C = random(rng, p, q);
      const left = A.multiply(B).multiply(C);
      const right = A.multiply(B.multiply(C));
      expect(left.shape).toEqual([m, q]);
      // Entries up to 6·6·10³ = 36,000; doubles carry ~16 digits, so 1e-9 is generous but tight.
      expect(left.equals(right, 1e-9), `max difference ${maxDiff(left, right)}`).toBe(true);
    });
  });

  it('distributes over addition, A(B + C) = AB + AC, and scaling commutes with products', () => {
    trials(TRIALS, 3, (rng) => {
      const [A, B] = multipliable(rng);
      const C = random(rng, B.rows, B.cols);
      const k = rng.uniform(-5, 5);
      expect(A.multiply(B.add(C)).equals(A.multiply(B).add(A.multiply(C)), 1e-9)).toBe(true);
      expect(A.scale(k).multiply(B).equals(A.multiply(B).scale(k), 1e-9)).toBe(true);
    });
  });

  it('the identity changes nothing: IA = A = AI', () => {
    trials(50, 4, (rng) => {
      const A = random(rng, size(rng), size(rng));
      expect(Matrix.identity(A.rows).multiply(A).equals(A)).toBe(true);
      expect(A.multiply(Matrix.identity(A.cols)).equals(A)).toBe(true);
    });
  });

  it('transposing twice gives the matrix back, and (A + B)ᵀ = Aᵀ + Bᵀ', () => {
    trials(TRIALS, 5, (rng) => {
      const [m, n] = [size(rng), size(rng)];
      const A = random(rng, m, n);
      const B = random(rng, m, n);
      expect(A.transpose().shape).toEqual([n, m]);
      expect(A.transpose().transpose().equals(A)).toBe(true);
      expect(A.add(B).transpose().equals(A.transpose().add(B.transpose()))).toBe(true);
      expect(A.transpose().get(n - 1, 0)).toBe(A.get(0, n - 1));
    });
  });

  it('adds, scales and multiplies element-wise entry by entry', () => {
    const A = Matrix.from([
      [1, -2],
      [3, 0.5],
    ]);
    const B = Matrix.from([
      [4, 5],
      [-6, 2],
    ]);
    expect(A.add(B).toArray()).toEqual([
      [5, 3],
      [-3, 2.5],
    ]);
    expect(A.scale(-2).toArray()).toEqual([
      [-2, 4],
      [-6, -1],
    ]);
    expect(A.hadamard(B).toArray()).toEqual([
      [4, -10],
      [-18, 1],
    ]);
    trials(TRIALS, 6, (rng) => {
      const [m, n] = [size(rng), size(rng)];
      const X = random(rng, m, n);
      const Y = random(rng, m, n);
      expect(X.add(Y).equals(Y.add(X))).toBe(true);
      expect(X.hadamard(Y).equals(Y.hadamard(X))).toBe(true);
      expect(X.add(X.scale(-1)).equals(Matrix.zeros(m, n))).toBe(true);
    });
  });

  it('map applies a function to every entry and passes its row and column', () => {
    const A = Matrix.from([
      [1, 2],
      [3, 4],
    ]);
    expect(A.map((v) => v * v).toArray()).toEqual([
      [1, 4],
      [9, 16],
    ]);
    expect(A.map((_, i, j) => 10 * i + j).toArray()).toEqual([
      [0, 1],
      [10, 11],
    ]);
    // A new matrix: the original is unchanged.
    expect(A.get(0, 1)).toBe(2);
  });

  it('equals compares shapes and entries within a tolerance, and NaN equals nothing', () => {
    const A = Matrix.from([[1, 2]]);
    expect(A.equals(Matrix.from([[1, 2]]))).toBe(true);
    expect(A.equals(Matrix.from([[1, 2.001]]))).toBe(false);
    expect(A.equals(Matrix.from([[1, 2.001]]), 0.01)).toBe(true);
    expect(A.equals(Matrix.from([[1], [2]]))).toBe(false);
    const N = Matrix.from([[NaN]]);
    expect(N.equals(N, 1)).toBe(false);
  });
});

describe('ShapeError', () => {
  const M = (rows: number, cols: number) => new Matrix(rows, cols);

  const shapeError = (f: () => unknown): ShapeError => thrownBy(f, ShapeError);

  it('names both shapes and the rule when the inner sizes of a product differ', () => {
    const error = shapeError(() => M(2, 3).multiply(M(2, 3)));
    expect(error.name).toBe('ShapeError');
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(
      'a 2×3 times a 2×3: the inner sizes 3 and 2 must match (columns of the left, rows of the right)',
    );
    expect(error.operation).toBe('multiply');
    expect(error.left).toEqual([2, 3]);
    expect(error.right).toEqual([2, 3]);
    expect(shapeError(() => M(1, 4).multiply(M(3, 1))).message).toBe(
      'a 1×4 times a 3×1: the inner sizes 4 and 3 must match (columns of the left, rows of the right)',
    );
  });

  it('names both shapes when a sum or an element-wise product gets different shapes', () => {
    expect(shapeError(() => M(2, 3).add(M(3, 2))).message).toBe(
      'a 2×3 plus a 3×2: the shapes must be the same',
    );
    const error = shapeError(() => M(2, 3).hadamard(M(2, 2)));
    expect(error.message).toBe('a 2×3 element-wise times a 2×2: the shapes must be the same');
    expect(error.operation).toBe('hadamard');
  });

  it('a dot product of vectors of different lengths is a 1×n times an m×1', () => {
    expect(shapeError(() => dot([1, 2, 3], [1, 2])).message).toBe(
      'a 1×3 times a 2×1: the inner sizes 3 and 2 must match (columns of the left, rows of the right)',
    );
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
  });

  it('a product of compatible shapes never throws', () => {
    trials(100, 8, (rng) => {
      const [m, n, p] = [size(rng), size(rng), size(rng)];
      expect(() => M(m, n).multiply(M(n, p))).not.toThrow();
      if (n !== p) expect(() => M(m, n).multiply(M(p, n))).toThrow(ShapeError);
    });
  });
});

describe('Matrix.parse', () => {
  const parsed = (text: string) => {
    const result = Matrix.parse(text);
    if (!result.ok) throw new Error(`did not parse: ${result.error.message}`);
    return result.matrix.toArray();
  };
  const failure = (text: string) => {
    const result = Matrix.parse(text);
    if (result.ok) throw new Error(`parsed ${text}`);
    return result.error;
  };

  it('reads rows split by ; or line breaks, and cells split by spaces or commas', () => {
    const expected = [
      [1, 2],
      [3, 4],
    ];
    expect(parsed('1 2; 3 4')).toEqual(expected);
    expect(parsed('1,2;3,4')).toEqual(expected);
    expect(parsed('1, 2\n3, 4')).toEqual(expected);
    expect(parsed('  1   2 ;\r\n 3\t4 ; ')).toEqual(expected);
    expect(parsed('5; 6')).toEqual([[5], [6]]);
    expect(parsed('-0.5 .25 1e-3 +2 −3')).toEqual([[-0.5, 0.25, 0.001, 2, -3]]);
  });

  it('flags the bad cell of "1 x; 3 4" at row 1, column 2', () => {
    expect(failure('1 x; 3 4')).toEqual({
      kind: 'not-a-number',
      row: 1,
      col: 2,
      text: 'x',
      message: 'row 1, column 2: “x” is not a number',
    });
    expect(failure('1 2\n3 4 0x10')).toMatchObject({ row: 2, col: 3, text: '0x10' });
    expect(failure('1 Infinity')).toMatchObject({ kind: 'not-a-number', col: 2 });
    expect(failure('1 1e999')).toMatchObject({
      kind: 'too-large',
      message: 'row 1, column 2: “1e999” is too large to compute with',
    });
    expect(failure('1,,2')).toMatchObject({
      kind: 'empty',
      row: 1,
      col: 2,
      message: 'row 1, column 2 is empty (two commas in a row?)',
    });
  });

  it('flags rows of different lengths, and text with no numbers', () => {
    expect(failure('1 2; 3')).toEqual({
      kind: 'ragged',
      row: 2,
      col: 2,
      text: '',
      message: 'row 2 has 1 number but row 1 has 2: every row must have the same length',
    });
    expect(failure('1; 2 3')).toMatchObject({ kind: 'ragged', row: 2, col: 2 });
    expect(failure('')).toMatchObject({ kind: 'empty', row: 1, col: 1 });
    expect(failure(' ; \n ').message).toBe('there are no numbers: write the rows like “1 2; 3 4”');
  });

  it('reads back what toString writes, exactly, for random matrices', () => {
    trials(TRIALS, 9, (rng) => {
      const A = Matrix.generate(size(rng), size(rng), () => rng.normal() * 10 ** rng.int(6));
      const result = Matrix.parse(A.toString());
      expect(result.ok && result.matrix.equals(A)).toBe(true);
    });
    expect(
      Matrix.from([
        [1, -2.5],
        [0, 3],
      ]).toString(),
    ).toBe('1 -2.5; 0 3');
  });
});

describe('parseNumber', () => {
  it.each([
    ['3', 3],
    [' -0.5 ', -0.5],
    ['.5', 0.5],
    ['2.', 2],
    ['1e-3', 0.001],
    ['−4', -4],
    ['+7', 7],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['x', 'not-a-number'],
    ['NaN', 'not-a-number'],
    ['Infinity', 'not-a-number'],
    ['0x10', 'not-a-number'],
    ['1 2', 'not-a-number'],
    ['1.2.3', 'not-a-number'],
    ['1,5', 'decimal-comma'],
    ['1e400', 'too-large'],
  ])('refuses %j as %s', (text, problem) => {
    expect(parseNumber(text)).toEqual({ ok: false, problem });
  });

  it('describes each problem so it reads after "A, row 2, column 1: "', () => {
    expect(describeNumberProblem('x', 'not-a-number')).toBe('“x” is not a number');
    expect(describeNumberProblem('1,5', 'decimal-comma')).toBe(
      '“1,5” is not a number: write decimals with a point, as in 1.5',
    );
    expect(describeNumberProblem('', 'empty')).toBe('the cell is empty: type a number');
    expect(describeNumberProblem('a'.repeat(40), 'not-a-number')).toBe(
      `“${'a'.repeat(20)}…” is not a number`,
    );
  });
});
