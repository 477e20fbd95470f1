/**
 * The matrix attributes of `<nn-matrix-multiply>` (a="1 2; 3 4", input="2; 1; 2"): parse,
 * validate, fall back to the catalog default with one console warning.
 */
import { Matrix } from '../../math/matrix';
import { widgetDoc } from '../catalog';
import { warnOnce } from '../shared/base';
import { MAX_SIZE, MIN_SIZE } from './model';

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
