/**
 * `<nn-matrix-multiply>` in words: the numbers as written in the tables and formulas, the labels
 * of the cells, the messages about cells that are not numbers and shapes that do not fit, the dot
 * products written out, and the live summary. Pure strings of the numbers in model.ts: no DOM, no
 * Lit.
 */
import { ACTIVATIONS } from '../../math/activations';
import { formatNumber } from '../../math/format';
import { describeNumberProblem } from '../../math/matrix';
import type { Matrix } from '../../math/matrix';
import { GRIDS } from './model';
import type {
  ActivationChoice,
  CellProblem,
  GridKey,
  LayerResult,
  Mismatch,
  ProductResult,
  Reading,
} from './model';

// ——— numbers as written ———

/**
 * A number with as few decimals as it needs, up to 3: 22, 0.5, −1.25, 0.333. Products of the
 * short decimals people type stay readable (0.1 · 3 shows 0.3, not 0.30000000000000004).
 */
export function num(v: number): string {
  for (let d = 0; d < 3; d++) {
    const scaled = v * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) {
      return formatNumber(v, d);
    }
  }
  return formatNumber(v, 3);
}

/** A factor in a product, in parentheses when negative: 2·(−3). */
export function factor(v: number): string {
  const text = num(v);
  return text.startsWith('−') ? `(${text})` : text;
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
/** 12 → "₁₂". */
export function sub(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]!);
}

/** "1 row", "3 rows". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** An output a = f(z) as shown: 3 decimals through sigmoid and tanh, as few as needed for ReLU. */
export function outputText(activation: ActivationChoice, v: number): string {
  return activation === 'relu' ? num(v) : formatNumber(v, 3);
}

/** The symbol of the activation: "σ", "tanh", "ReLU"; "" for none. */
export function activationSymbol(activation: ActivationChoice): string {
  return activation === 'none' ? '' : ACTIVATIONS[activation].symbol;
}

// ——— formulas ———

/**
 * A dot product written out: "c₁₂ = 1·6 + 2·8 = 22", or with a bias "z₁ = 1·2 + (−1)·1 + 0.5".
 * `value` is the computed entry, so the text always agrees with the table.
 */
export function dotText(
  symbol: string,
  i: number,
  j: number | undefined,
  row: readonly number[],
  column: readonly number[],
  value: number,
  bias?: number,
): string {
  const terms = row.map((v, k) => `${factor(v)}·${factor(column[k]!)}`);
  if (bias !== undefined) {
    const text = num(Math.abs(bias));
    terms.push(bias < 0 && text !== '0' ? `− ${text}` : `+ ${text}`);
  }
  const sum = terms
    .map((t, k) => (k === 0 ? t : t.startsWith('− ') || t.startsWith('+ ') ? t : `+ ${t}`))
    .join(' ');
  const name = `${symbol}${sub(i + 1)}${j === undefined ? '' : sub(j + 1)}`;
  return `${name} = ${sum} = ${num(value)}`;
}

/** Cell (i, j) of C as a dot product of row i of A and column j of B. */
export function stepFormula(shown: ProductResult, i: number, j: number): string {
  const { A, B, C } = shown;
  return dotText('c', i, j, A.row(i), B.column(j), C.get(i, j));
}

/** Neuron i's weighted sum written out: "z₁ = 1·2 + (−1)·1 + 0.5·2 + 0 = 2". */
export function neuronSum(shown: LayerResult, i: number): string {
  const { W, x, b, z } = shown;
  return dotText('z', i, undefined, W.row(i), x.column(0), z.get(i, 0), b.get(i, 0));
}

/** "row 1: 19, 22; row 2: 43, 50". */
export function rowsText(M: Matrix, format: (v: number) => string): string {
  return M.toArray()
    .map((row, i) => `row ${i + 1}: ${row.map(format).join(', ')}`)
    .join('; ');
}

// ——— cells and their problems ———

/** Where a cell is, in words: "A, row 2, column 1", or "x, row 2" for a column vector. */
export function cellName(name: string, row: number, col: number, vector: boolean): string {
  return vector ? `${name}, row ${row}` : `${name}, row ${row}, column ${col}`;
}

/** "A, row 2, column 1: “x” is not a number", "x, row 2 is empty: type a number". */
export function problemText(p: CellProblem): string {
  const { name, vector } = GRIDS[p.grid];
  const where = cellName(name, p.row, p.col, vector);
  return p.problem === 'empty'
    ? `${where} is empty: type a number`
    : `${where}: ${describeNumberProblem(p.text, p.problem)}`;
}

/** A cell's accessible name, "A row 1 column 2"; in layer mode, also what the number means. */
export function cellLabel(key: GridKey, r: number, c: number): string {
  switch (key) {
    case 'weights':
      return `W row ${r + 1} column ${c + 1}: neuron ${r + 1}'s weight for input ${c + 1}`;
    case 'input':
      return `x row ${r + 1}: input ${r + 1}`;
    case 'bias':
      return `b row ${r + 1}: neuron ${r + 1}'s bias`;
    default:
      return `${GRIDS[key].name} row ${r + 1} column ${c + 1}`;
  }
}

/** What a size stepper shows while two sizes that must agree do not: "3 ≠ 2". */
export function disagreement(size: number, other: number): string | undefined {
  return size === other ? undefined : `${size} ≠ ${other}`;
}

// ——— shapes that do not fit ———

/** The mismatch in words: which sizes disagree and why they must agree. */
export function mismatchText(m: Mismatch): string {
  switch (m.grid) {
    case 'b':
      return `A has ${plural(m.expected, 'column')} but B has ${plural(m.actual, 'row')}: to multiply, they must match.`;
    case 'input':
      return `W has ${plural(m.expected, 'column')} (one weight per input) but x has ${plural(m.actual, 'number')}: they must match.`;
    case 'bias':
      return `W has ${plural(m.expected, 'row')} (one neuron each) but b has ${plural(m.actual, 'number')}: each neuron needs one bias.`;
  }
}

/** The button that makes the sizes fit: "Give B 3 rows", "Give x 2 numbers". */
export function fixLabel(m: Mismatch): string {
  return m.grid === 'b'
    ? `Give B ${plural(m.expected, 'row')}`
    : `Give ${GRIDS[m.grid].name} ${plural(m.expected, 'number')}`;
}

/** Why the result on screen is out of date, and how to bring it back. */
export function staleNote(of: 'product' | 'layer', problems: number): string {
  const shown =
    of === 'layer'
      ? 'The outputs shown are the last valid ones'
      : 'The product shown is the last valid one';
  const it = of === 'layer' ? 'them' : 'it';
  if (problems > 0)
    return `${shown}: fix the marked ${problems === 1 ? 'cell' : 'cells'} to update ${it}.`;
  return `${shown}: make the sizes match to update ${it}.`;
}

// ——— the live summary ———

/** Whether the summary only repeats messages shown on screen (then it is for screen readers). */
export function summaryIsQuiet(reading: Reading, mismatch: Mismatch | undefined): boolean {
  return mismatch !== undefined || reading.problems.length > 0;
}

export function productSummary(
  reading: Reading,
  mismatch: Mismatch | undefined,
  shown: ProductResult | undefined,
): string {
  const first = reading.problems[0];
  if (mismatch) return mismatchText(mismatch);
  if (first) {
    const more = reading.problems.length - 1;
    return `${problemText(first)}${more > 0 ? ` (and ${plural(more, 'more cell')})` : ''}. ${
      shown ? 'The product shown is the last valid one.' : ''
    }`.trim();
  }
  if (!shown) return '';
  const { C } = shown;
  return `C = AB is ${C.rows}×${C.cols}: ${rowsText(C, num)}.`;
}

export function layerSummary(
  reading: Reading,
  mismatch: Mismatch | undefined,
  shown: LayerResult | undefined,
): string {
  if (mismatch) return mismatchText(mismatch);
  const first = reading.problems[0];
  if (first) return `${problemText(first)}. The outputs shown are the last valid ones.`;
  if (!shown) return '';
  const zs = shown.z.column(0).map(num).join(', ');
  if (shown.activation === 'none') {
    return `The layer's ${plural(shown.z.rows, 'neuron')} output z = (${zs}).`;
  }
  const as = shown.a
    .column(0)
    .map((v) => outputText(shown.activation, v))
    .join(', ');
  return `The layer's ${plural(shown.z.rows, 'neuron')} compute z = (${zs}) and output a = ${activationSymbol(shown.activation)}(z) = (${as}).`;
}
