/**
 * Matrices of real numbers, small and exact enough to compute by hand and show on screen.
 *
 * A layer of a neural network is a matrix multiply: with a weight matrix W (one row per neuron,
 * one column per input), an input vector x and a bias vector b, the layer computes z = Wx + b and
 * then a = f(z) entry by entry. This module is that arithmetic and nothing else: no DOM, no
 * tensors, and every shape mismatch is a `ShapeError` whose message a student can read.
 */
import { ShapeError, shapeText } from './errors';
import type { Shape } from './errors';

export { ShapeError, shapeText };
export type { Shape };

/** Why a piece of text is not a number (see `parseNumber`). */
export type NumberProblem = 'empty' | 'not-a-number' | 'decimal-comma' | 'too-large';

export type NumberParse = { ok: true; value: number } | { ok: false; problem: NumberProblem };

/**
 * A decimal number as people type it: "3", "-0.5", ".5", "2.", "1e-3", with an optional sign.
 * The typographic minus "−" (U+2212) counts as a minus sign, because that is what we print and a
 * student may copy it back. Words ("Infinity", "NaN"), hexadecimal and blank text are not numbers:
 * `Number()` would quietly turn "" into 0 and "0x10" into 16.
 */
const DECIMAL = /^[+\-\u2212]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+\-\u2212]?\d+)?$/;
/** "1,5": a decimal comma, which we reject with a hint instead of reading it as 15 or as two cells. */
const DECIMAL_COMMA = /^[+\-\u2212]?\d+,\d+$/;

/** Reads one number typed by a person; the reason it is not one otherwise. */
export function parseNumber(text: string): NumberParse {
  const t = text.trim();
  if (t === '') return { ok: false, problem: 'empty' };
  if (DECIMAL_COMMA.test(t)) return { ok: false, problem: 'decimal-comma' };
  if (!DECIMAL.test(t)) return { ok: false, problem: 'not-a-number' };
  const value = Number(t.replace(/\u2212/g, '-'));
  // "1e999" matches the pattern but is Infinity in floating point.
  if (!Number.isFinite(value)) return { ok: false, problem: 'too-large' };
  return { ok: true, value };
}

/** Long pasted text is cut short in messages: "abcdefghijklmnopqrst…". */
function quote(text: string): string {
  const t = text.trim();
  return `“${t.length > 20 ? `${t.slice(0, 20)}…` : t}”`;
}

/**
 * What is wrong with `text`, in words that read after a colon:
 * "A, row 2, column 1: “x” is not a number".
 */
export function describeNumberProblem(text: string, problem: NumberProblem): string {
  switch (problem) {
    case 'empty':
      return 'the cell is empty: type a number';
    case 'decimal-comma':
      return `${quote(text)} is not a number: write decimals with a point, as in ${text
        .trim()
        .replace(',', '.')}`;
    case 'too-large':
      return `${quote(text)} is too large to compute with`;
    case 'not-a-number':
      return `${quote(text)} is not a number`;
  }
}

/** Where and why a matrix written as text could not be read. Rows and columns count from 1. */
export interface MatrixParseError {
  kind: 'empty' | 'ragged' | NumberProblem;
  /** The row of the bad cell (for `ragged`: the row whose length differs from the first row's). */
  row: number;
  /** The column of the bad cell (for `ragged`: the first column where the rows disagree). */
  col: number;
  /** The text of the bad cell, trimmed ('' when there is none). */
  text: string;
  /** A sentence for people, e.g. "row 1, column 2: “x” is not a number". */
  message: string;
}

export type MatrixParseResult =
  { ok: true; matrix: Matrix } | { ok: false; error: MatrixParseError };

/** "1 number", "2 numbers". */
const numbers = (n: number) => `${n} number${n === 1 ? '' : 's'}`;

export class Matrix {
  /** Number of rows m. */
  readonly rows: number;
  /** Number of columns n. */
  readonly cols: number;
  /** The entries in row-major order: entry (i, j) is `data[i * cols + j]`. */
  readonly data: Float64Array;

  /**
   * An m×n matrix from its entries in row-major order (all zeros when `data` is left out).
   * Throws a `ShapeError` when `data` does not hold exactly m·n numbers.
   */
  constructor(rows: number, cols: number, data?: ArrayLike<number>) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
      throw new RangeError(`a matrix needs whole, non-negative sizes; got ${rows}×${cols}`);
    }
    this.rows = rows;
    this.cols = cols;
    if (data === undefined) {
      this.data = new Float64Array(rows * cols);
    } else {
      if (data.length !== rows * cols) {
        throw new ShapeError(
          `a ${shapeText([rows, cols])} matrix holds ${rows * cols} numbers, but ${numbers(data.length)} were given`,
          'construct',
          [rows, cols],
          [1, data.length],
        );
      }
      this.data = Float64Array.from(data);
    }
  }

  /**
   * A matrix from its rows, e.g. `Matrix.from([[1, 2], [3, 4]])`. Every row must have the same
   * length (a `ShapeError` names the first row that does not).
   */
  static from(rows: readonly (readonly number[])[]): Matrix {
    const m = rows.length;
    const n = rows[0]?.length ?? 0;
    const data = new Float64Array(m * n);
    rows.forEach((row, i) => {
      if (row.length !== n) {
        throw new ShapeError(
          `row ${i + 1} has ${numbers(row.length)} but row 1 has ${n}: every row of a matrix must have the same length`,
          'construct',
          [m, n],
          [i + 1, row.length],
        );
      }
      data.set(row, i * n);
    });
    return new Matrix(m, n, data);
  }

  /** The m×n zero matrix. */
  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  /** The n×n identity I, with IA = A and AI = A. */
  static identity(n: number): Matrix {
    const I = new Matrix(n, n);
    for (let i = 0; i < n; i++) I.data[i * n + i] = 1;
    return I;
  }

  /** A column vector (an n×1 matrix), the way a layer's input x and output z are written. */
  static column(values: readonly number[]): Matrix {
    return new Matrix(values.length, 1, values);
  }

  /** An m×n matrix with entries drawn by `draw(i, j)` (e.g. a seeded `rng.uniform(-1, 1)`). */
  static generate(rows: number, cols: number, draw: (i: number, j: number) => number): Matrix {
    const M = new Matrix(rows, cols);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) M.data[i * cols + j] = draw(i, j);
    }
    return M;
  }

  /**
   * Reads a matrix written as text: rows separated by ";" or line breaks, numbers in a row by
   * spaces or commas, e.g. "1 2; 3 4" or "1, 2\n3, 4". Blank rows (a trailing ";") are skipped.
   * Never throws: a bad cell comes back as an error that names its row, column and text.
   */
  static parse(text: string): MatrixParseResult {
    const lines = text
      .split(/[;\n\r]/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (lines.length === 0) {
      return {
        ok: false,
        error: {
          kind: 'empty',
          row: 1,
          col: 1,
          text: '',
          message: 'there are no numbers: write the rows like “1 2; 3 4”',
        },
      };
    }
    const cells = lines.map((line) => line.split(/\s*,\s*|\s+/));
    // Check the cells before the row lengths: "1 x; 3" is first of all about the "x".
    for (const [r, row] of cells.entries()) {
      for (const [c, cell] of row.entries()) {
        const parsed = parseNumber(cell);
        if (!parsed.ok) {
          const where = `row ${r + 1}, column ${c + 1}`;
          return {
            ok: false,
            error: {
              kind: parsed.problem,
              row: r + 1,
              col: c + 1,
              text: cell.trim(),
              message:
                parsed.problem === 'empty'
                  ? `${where} is empty (two commas in a row?)`
                  : `${where}: ${describeNumberProblem(cell, parsed.problem)}`,
            },
          };
        }
      }
    }
    const n = cells[0]!.length;
    for (const [r, row] of cells.entries()) {
      if (row.length !== n) {
        return {
          ok: false,
          error: {
            kind: 'ragged',
            row: r + 1,
            col: Math.min(row.length, n) + 1,
            text: '',
            message: `row ${r + 1} has ${numbers(row.length)} but row 1 has ${n}: every row must have the same length`,
          },
        };
      }
    }
    return {
      ok: true,
      matrix: Matrix.from(
        cells.map((row) => row.map((cell) => Number(cell.replace(/\u2212/g, '-')))),
      ),
    };
  }

  /** The shape (rows, columns). */
  get shape(): Shape {
    return [this.rows, this.cols];
  }

  /** The entry aᵢⱼ in row i, column j, counting from 0. */
  get(i: number, j: number): number {
    if (
      !Number.isInteger(i) ||
      !Number.isInteger(j) ||
      i < 0 ||
      j < 0 ||
      i >= this.rows ||
      j >= this.cols
    ) {
      throw new RangeError(
        `(${i}, ${j}) is outside a ${shapeText(this.shape)} matrix (indices count from 0)`,
      );
    }
    return this.data[i * this.cols + j]!;
  }

  /** Row i as an array (counting from 0). */
  row(i: number): number[] {
    this.get(i, 0);
    return Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols));
  }

  /** Column j as an array (counting from 0). */
  column(j: number): number[] {
    this.get(0, j);
    return Array.from({ length: this.rows }, (_, i) => this.data[i * this.cols + j]!);
  }

  /**
   * The product C = AB of this m×n matrix A and an n×p matrix B: the m×p matrix with
   *   cᵢⱼ = Σₖ aᵢₖ bₖⱼ   (k = 1 … n),
   * the dot product of row i of A with column j of B. The inner sizes must agree.
   *
   * The loops run i, k, j so the inner loop walks both B and C along a row (contiguous memory);
   * each cᵢⱼ still adds its terms in the order k = 1 … n, so it equals the dot product written
   * out term by term exactly, not just up to rounding.
   */
  multiply(other: Matrix): Matrix {
    if (this.cols !== other.rows) throw ShapeError.multiply(this.shape, other.shape);
    const m = this.rows;
    const n = this.cols;
    const p = other.cols;
    const C = new Matrix(m, p);
    const a = this.data;
    const b = other.data;
    const c = C.data;
    for (let i = 0; i < m; i++) {
      for (let k = 0; k < n; k++) {
        const aik = a[i * n + k]!;
        for (let j = 0; j < p; j++) c[i * p + j]! += aik * b[k * p + j]!;
      }
    }
    return C;
  }

  /** The transpose Aᵀ, with (Aᵀ)ᵢⱼ = aⱼᵢ: rows become columns. */
  transpose(): Matrix {
    return Matrix.generate(this.cols, this.rows, (i, j) => this.data[j * this.cols + i]!);
  }

  /** A + B, entry by entry; the shapes must be the same. */
  add(other: Matrix): Matrix {
    return this.elementWise('add', other, (a, b) => a + b);
  }

  /** kA: every entry times the number k. */
  scale(k: number): Matrix {
    return new Matrix(
      this.rows,
      this.cols,
      this.data.map((v) => k * v),
    );
  }

  /**
   * The Hadamard (element-wise) product A ⊙ B, with (A ⊙ B)ᵢⱼ = aᵢⱼ bᵢⱼ; the shapes must be the
   * same. Backpropagation uses it to multiply a gradient by f′(z) neuron by neuron.
   */
  hadamard(other: Matrix): Matrix {
    return this.elementWise('hadamard', other, (a, b) => a * b);
  }

  /** f(aᵢⱼ, bᵢⱼ) entry by entry, for `operation`; the shapes must be the same. */
  private elementWise(
    operation: 'add' | 'hadamard',
    other: Matrix,
    f: (a: number, b: number) => number,
  ): Matrix {
    if (this.rows !== other.rows || this.cols !== other.cols) {
      throw ShapeError.elementWise(operation, this.shape, other.shape);
    }
    return new Matrix(
      this.rows,
      this.cols,
      this.data.map((v, k) => f(v, other.data[k]!)),
    );
  }

  /** f applied to every entry, e.g. an activation: a = f(z). `f` also gets the row and column. */
  map(f: (value: number, i: number, j: number) => number): Matrix {
    return Matrix.generate(this.rows, this.cols, (i, j) => f(this.data[i * this.cols + j]!, i, j));
  }

  /** The rows as nested arrays, e.g. [[1, 2], [3, 4]]. */
  toArray(): number[][] {
    return Array.from({ length: this.rows }, (_, i) => this.row(i));
  }

  /**
   * Whether the shapes are the same and every pair of entries differs by at most `tolerance`
   * (0: exactly equal). NaN equals nothing, not even NaN.
   */
  equals(other: Matrix, tolerance = 0): boolean {
    if (this.rows !== other.rows || this.cols !== other.cols) return false;
    return this.data.every((v, k) => Math.abs(v - other.data[k]!) <= tolerance);
  }

  /** The matrix as text that `Matrix.parse` reads back: "1 2; 3 4". */
  toString(): string {
    return this.toArray()
      .map((row) => row.map(String).join(' '))
      .join('; ');
  }
}

/** The dot product u · v = Σₖ uₖ vₖ of two vectors of the same length. */
export function dot(u: readonly number[], v: readonly number[]): number {
  if (u.length !== v.length) {
    throw ShapeError.multiply([1, u.length], [v.length, 1]);
  }
  let sum = 0;
  for (let k = 0; k < u.length; k++) sum += u[k]! * v[k]!;
  return sum;
}
