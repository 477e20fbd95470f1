/**
 * The numbers of `<nn-matrix-multiply>`: the editable grids as the text the student typed, read
 * into matrices; the shapes that must agree; the product C = AB and the layer z = Wx + b,
 * a = f(z); the walk through C cell by cell; the `nn-change` detail. Pure: no DOM, no Lit. What
 * the student reads about these numbers is in describe.ts.
 */
import { ACTIVATIONS } from '../../math/activations';
import type { ActivationName } from '../../math/activations';
import { layerForward } from '../../math/layer';
import { Matrix, parseNumber } from '../../math/matrix';
import type { NumberProblem } from '../../math/matrix';

/** Sizes the widget offers: 1 to 6 rows and columns (a 6×6 still fits a phone, scrolling). */
export const MIN_SIZE = 1;
export const MAX_SIZE = 6;

export type MatrixMultiplyMode = 'product' | 'layer';
export type ActivationChoice = 'none' | ActivationName;

/** The text of each cell, by row. */
export type Cells = string[][];

/** The editable grids, by the attribute that holds each. */
export type GridKey = 'a' | 'b' | 'weights' | 'input' | 'bias';

export interface Grid {
  key: GridKey;
  /** Its name in formulas and messages. */
  name: string;
  /** A column vector (x, b): one cell per row, named "x, row 2". */
  vector: boolean;
}

export const GRIDS: Record<GridKey, Grid> = {
  a: { key: 'a', name: 'A', vector: false },
  b: { key: 'b', name: 'B', vector: false },
  weights: { key: 'weights', name: 'W', vector: false },
  input: { key: 'input', name: 'x', vector: true },
  bias: { key: 'bias', name: 'b', vector: true },
};
export const GRID_KEYS = Object.keys(GRIDS) as GridKey[];

/** The grids each mode reads. */
export function gridsOf(mode: MatrixMultiplyMode): GridKey[] {
  return mode === 'layer' ? ['weights', 'input', 'bias'] : ['a', 'b'];
}

/** The `detail` of the `nn-change` event. */
export type MatrixMultiplyChangeDetail =
  | {
      mode: 'product';
      /** The matrix A, by rows. */
      a: number[][];
      /** The matrix B, by rows. */
      b: number[][];
      /** The product C = AB, by rows. */
      product: number[][];
    }
  | {
      mode: 'layer';
      /** The weight matrix W, by rows (one row per neuron). */
      weights: number[][];
      /** The input vector x. */
      input: number[];
      /** The bias vector b. */
      bias: number[];
      activation: ActivationChoice;
      /** The weighted sums z = Wx + b, one per neuron. */
      z: number[];
      /** The outputs a = f(z), one per neuron (a = z with no activation). */
      output: number[];
    };

// ——— cells ———

/** A cell that is not a number, and why. Rows and columns count from 1. */
export interface CellProblem {
  /** The grid it is in. */
  grid: GridKey;
  row: number;
  col: number;
  text: string;
  problem: NumberProblem;
}

export type CellsRead = { ok: true; matrix: Matrix } | { ok: false; problems: CellProblem[] };

/** The cells of a matrix, as text. */
export function cellsOf(matrix: Matrix): Cells {
  return matrix.toArray().map((row) => row.map(String));
}

/** Reads every cell of one grid; all the bad ones are reported, in reading order. */
export function readCells(cells: Cells, grid: GridKey): CellsRead {
  const problems: CellProblem[] = [];
  const rows = cells.map((row, r) =>
    row.map((text, c) => {
      const parsed = parseNumber(text);
      if (parsed.ok) return parsed.value;
      problems.push({ grid, row: r + 1, col: c + 1, text, problem: parsed.problem });
      return 0;
    }),
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, matrix: Matrix.from(rows) };
}

/** The cells resized to rows×cols: kept where they overlap, new cells "0". */
export function resizeCells(cells: Cells, rows: number, cols: number): Cells {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => cells[r]?.[c] ?? '0'),
  );
}

/** The cells with one of them replaced by `text`. */
export function withCell(cells: Cells, row: number, col: number, text: string): Cells {
  const next = cells.map((r) => [...r]);
  next[row]![col] = text;
  return next;
}

/** The size a −/+ stepper may move to, or undefined beyond 1 to 6. */
export function nextSize(value: number, delta: number): number | undefined {
  const next = value + delta;
  return next >= MIN_SIZE && next <= MAX_SIZE ? next : undefined;
}

// ——— reading every grid ———

/** Reading every grid of a mode: the matrices, or the cells that are not numbers. */
export interface Reading {
  matrices: Partial<Record<GridKey, Matrix>>;
  problems: CellProblem[];
  /** Which grid each problem is in. */
  problemsIn: Partial<Record<GridKey, CellProblem[]>>;
}

export const NO_READING: Reading = { matrices: {}, problems: [], problemsIn: {} };

export function readGrids(mode: MatrixMultiplyMode, cells: Record<GridKey, Cells>): Reading {
  const reading: Reading = { matrices: {}, problems: [], problemsIn: {} };
  for (const key of gridsOf(mode)) {
    const read = readCells(cells[key], key);
    if (read.ok) reading.matrices[key] = read.matrix;
    else {
      reading.problems.push(...read.problems);
      reading.problemsIn[key] = read.problems;
    }
  }
  return reading;
}

// ——— shapes ———

/**
 * Two sizes that must agree and do not: `expected` is what the grid that does not fit (B, x or
 * b) should have, `actual` what it has, and `fix` the resize that makes it fit.
 *
 * - `b`: the columns of A (`expected`) and the rows of B (`actual`);
 * - `input`: the columns of W, one weight per input, and the numbers in x;
 * - `bias`: the rows of W, one neuron each, and the numbers in b.
 */
export interface Mismatch {
  grid: 'b' | 'input' | 'bias';
  expected: number;
  actual: number;
  fix: { key: GridKey; rows: number; cols: number };
}

/** The mismatch of a grid with `actual` rows where it needs `expected` (none where they agree). */
function misfit(
  grid: Mismatch['grid'],
  expected: number,
  actual: number,
  cols: number,
): Mismatch | undefined {
  if (expected === actual) return undefined;
  return { grid, expected, actual, fix: { key: grid, rows: expected, cols } };
}

export function productMismatch(cells: Record<GridKey, Cells>): Mismatch | undefined {
  return misfit('b', cells.a[0]?.length ?? 0, cells.b.length, cells.b[0]?.length ?? 1);
}

export function layerMismatch(cells: Record<GridKey, Cells>): Mismatch | undefined {
  const inputs = cells.weights[0]?.length ?? 0;
  const neurons = cells.weights.length;
  return (
    misfit('input', inputs, cells.input.length, 1) ?? misfit('bias', neurons, cells.bias.length, 1)
  );
}

export function shapeMismatch(
  mode: MatrixMultiplyMode,
  cells: Record<GridKey, Cells>,
): Mismatch | undefined {
  return mode === 'layer' ? layerMismatch(cells) : productMismatch(cells);
}

// ——— results ———

export interface ProductResult {
  A: Matrix;
  B: Matrix;
  C: Matrix;
}

export interface LayerResult {
  W: Matrix;
  x: Matrix;
  b: Matrix;
  z: Matrix;
  /** f(z), or z itself with no activation. */
  a: Matrix;
  activation: ActivationChoice;
}

export function productOf(A: Matrix, B: Matrix): ProductResult {
  return { A, B, C: A.multiply(B) };
}

export function layerOf(
  W: Matrix,
  x: Matrix,
  b: Matrix,
  activation: ActivationChoice,
): LayerResult {
  const f = activation === 'none' ? undefined : ACTIVATIONS[activation].f;
  const { z, a } = layerForward(W, x, b, f);
  return { W, x, b, z, a, activation };
}

/** Everything a mode's grids give: the reading, a shape mismatch, and the result when there is one. */
export interface Computed {
  reading: Reading;
  mismatch: Mismatch | undefined;
  /** Product mode, when every cell is a number and the shapes fit. */
  product: ProductResult | undefined;
  /** Layer mode, when every cell is a number and the shapes fit. */
  layer: LayerResult | undefined;
}

export function compute(
  mode: MatrixMultiplyMode,
  cells: Record<GridKey, Cells>,
  activation: ActivationChoice,
): Computed {
  const reading = readGrids(mode, cells);
  const mismatch = shapeMismatch(mode, cells);
  const done: Computed = { reading, mismatch, product: undefined, layer: undefined };
  if (mismatch || reading.problems.length > 0) return done;
  const m = reading.matrices;
  if (mode === 'product') return { ...done, product: productOf(m.a!, m.b!) };
  return { ...done, layer: layerOf(m.weights!, m.input!, m.bias!, activation) };
}

export function changeDetail(
  mode: MatrixMultiplyMode,
  computed: Pick<Computed, 'product' | 'layer'>,
): MatrixMultiplyChangeDetail | undefined {
  if (mode === 'product') {
    const p = computed.product;
    return p && { mode: 'product', a: p.A.toArray(), b: p.B.toArray(), product: p.C.toArray() };
  }
  const l = computed.layer;
  return (
    l && {
      mode: 'layer',
      weights: l.W.toArray(),
      input: l.x.column(0),
      bias: l.b.column(0),
      activation: l.activation,
      z: l.z.column(0),
      output: l.a.column(0),
    }
  );
}

// ——— stepping through C ———

/** The cell of C being explained, (row, column) from 0. */
export type Step = readonly [number, number];

/** The step kept inside a C of rows×cols (after C shrank). */
export function clampStep(step: Step, rows: number, cols: number): Step {
  return [Math.min(step[0], rows - 1), Math.min(step[1], cols - 1)];
}

/** The step `delta` cells on in reading order, or undefined past the first or last cell. */
export function movedStep(step: Step, rows: number, cols: number, delta: number): Step | undefined {
  const index = step[0] * cols + step[1] + delta;
  if (index < 0 || index >= rows * cols) return undefined;
  return [Math.floor(index / cols), index % cols];
}
