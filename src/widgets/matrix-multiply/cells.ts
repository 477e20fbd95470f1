/**
 * The editable grids of `<nn-matrix-multiply>` as plain data: the text of each cell (what the
 * student typed, which may not be a number yet), read into a `Matrix` or into messages that name
 * the bad cells. Also the matrix attributes: parse, validate, fall back with one warning.
 */
import { Matrix, describeNumberProblem, parseNumber } from '../../math/matrix';
import { widgetDoc } from '../catalog';
import { warnOnce } from '../shared/base';

/** Sizes the widget offers: 1 to 6 rows and columns (a 6×6 still fits a phone, scrolling). */
export const MIN_SIZE = 1;
export const MAX_SIZE = 6;

/** The text of each cell, by row. */
export type Cells = string[][];

/** A cell that is not a number, and why. Rows and columns count from 1. */
export interface CellProblem {
  row: number;
  col: number;
  text: string;
  /** "A, row 2, column 1: “x” is not a number". */
  message: string;
}

export type CellsRead = { ok: true; matrix: Matrix } | { ok: false; problems: CellProblem[] };

/** The cells of a matrix, as text. */
export function cellsOf(matrix: Matrix): Cells {
  return matrix.toArray().map((row) => row.map(String));
}

/** Where a cell is, in words: "A, row 2, column 1", or "x, row 2" for a column vector. */
export function cellName(name: string, row: number, col: number, vector: boolean): string {
  return vector ? `${name}, row ${row}` : `${name}, row ${row}, column ${col}`;
}

/** Reads every cell; all the bad ones are reported, in reading order. */
export function readCells(cells: Cells, name: string, vector: boolean): CellsRead {
  const problems: CellProblem[] = [];
  const rows = cells.map((row, r) =>
    row.map((text, c) => {
      const parsed = parseNumber(text);
      if (parsed.ok) return parsed.value;
      const where = cellName(name, r + 1, c + 1, vector);
      problems.push({
        row: r + 1,
        col: c + 1,
        text,
        message:
          parsed.problem === 'empty'
            ? `${where} is empty: type a number`
            : `${where}: ${describeNumberProblem(text, parsed.problem)}`,
      });
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

/** The default of a matrix attribute, from the catalog. */
function defaultText(tag: string, name: string): string {
  return String(widgetDoc(tag)?.attributes.find((a) => a.name === name)?.default ?? '');
}

/** What is wrong with a matrix attribute's text, or undefined when it is fine. */
function problemWith(text: string, vector: boolean): string | undefined {
  const result = Matrix.parse(text);
  if (!result.ok) return `is not a matrix (${result.error.message})`;
  const { rows, cols } = result.matrix;
  if (vector && rows > 1 && cols > 1) {
    return `is a ${rows}×${cols} matrix, not a vector: write one number per row, like "1; 2; 3"`;
  }
  const length = vector ? rows * cols : Math.max(rows, cols);
  if (length > MAX_SIZE) {
    return vector
      ? `has ${length} numbers; a vector here has ${MIN_SIZE} to ${MAX_SIZE}`
      : `is ${rows}×${cols}; matrices here have ${MIN_SIZE} to ${MAX_SIZE} rows and columns`;
  }
  return undefined;
}

/**
 * The matrix an attribute describes (a vector comes back as a column, whatever way it was
 * written). Invalid text falls back to the catalog default with one console warning.
 */
export function readMatrixAttribute(
  tag: string,
  name: string,
  text: string,
  vector: boolean,
): Matrix {
  let value = text;
  const problem = problemWith(text, vector);
  if (problem) {
    value = defaultText(tag, name);
    warnOnce(`<${tag}> ${name}="${text}" ${problem}; using the default "${value}".`);
  }
  const result = Matrix.parse(value);
  if (!result.ok) throw new Error(`catalog: the default of ${name} is not a matrix`);
  const matrix = result.matrix;
  return vector && matrix.rows === 1 ? matrix.transpose() : matrix;
}

/**
 * A Lit property declaration for a matrix (or vector) attribute such as a="1 2; 3 4": text that
 * is not a matrix of 1 to 6 rows and columns falls back to the catalog default with one console
 * warning, never a broken render.
 */
export function matrixAttribute(tag: string, name: string, vector = false) {
  return {
    type: String,
    reflect: true,
    converter: {
      fromAttribute(value: string | null): string {
        if (value === null) return defaultText(tag, name);
        return problemWith(value, vector)
          ? readMatrixAttribute(tag, name, value, vector).toString()
          : value;
      },
      toAttribute(value: string): string {
        return value;
      },
    },
  };
}
