import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ACTIVATIONS } from '../../math/activations';
import type { ActivationName } from '../../math/activations';
import { formatNumber } from '../../math/format';
import { Matrix } from '../../math/matrix';
import { NnElement, defaultOf, enumAttribute } from '../shared/base';
import { tokens } from '../shared/tokens';
import {
  MAX_SIZE,
  MIN_SIZE,
  cellsOf,
  matrixAttribute,
  readCells,
  readMatrixAttribute,
  resizeCells,
} from './cells';
import type { CellProblem, Cells } from './cells';
import { styles } from './styles';

const TAG = 'nn-matrix-multiply';

/** The editable grids, by the attribute that holds each. */
type GridKey = 'a' | 'b' | 'weights' | 'input' | 'bias';

interface Grid {
  key: GridKey;
  /** Its name in formulas and messages. */
  name: string;
  /** A column vector (x, b): one cell per row, named "x, row 2". */
  vector: boolean;
}

const GRIDS: Record<GridKey, Grid> = {
  a: { key: 'a', name: 'A', vector: false },
  b: { key: 'b', name: 'B', vector: false },
  weights: { key: 'weights', name: 'W', vector: false },
  input: { key: 'input', name: 'x', vector: true },
  bias: { key: 'bias', name: 'b', vector: true },
};
const GRID_KEYS = Object.keys(GRIDS) as GridKey[];

export type MatrixMultiplyMode = 'product' | 'layer';
export type ActivationChoice = 'none' | ActivationName;

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

/** Reading every grid: the matrices, or the cells that are not numbers. */
interface Reading {
  matrices: Partial<Record<GridKey, Matrix>>;
  problems: CellProblem[];
  /** Which grid each problem is in. */
  problemsIn: Partial<Record<GridKey, CellProblem[]>>;
}

interface ProductResult {
  A: Matrix;
  B: Matrix;
  C: Matrix;
}

interface LayerResult {
  W: Matrix;
  x: Matrix;
  b: Matrix;
  z: Matrix;
  /** f(z), or z itself with no activation. */
  a: Matrix;
  activation: ActivationChoice;
}

/** A shape mismatch, in words, with the fix the widget can make. */
interface Mismatch {
  message: string;
  /** The grid to resize and its new size. */
  fix: { key: GridKey; rows: number; cols: number; label: string };
}

/**
 * @summary Editable matrices A (m×n) and B (n×p) and their product C = AB, updated as you type,
 * with a step mode that walks C cell by cell and writes each dot product out with numbers. In
 * layer mode, a neural layer: z = Wx + b and a = f(z), one neuron per row of W.
 *
 * The inner size n is shared: the "Columns of A = rows of B" stepper changes both. Attributes
 * can still describe shapes that do not fit (a 2×3 A with a 2×2 B); the widget then explains the
 * mismatch in words and offers to resize B. A cell that is not a number is marked in place, a
 * message names it, and the last valid product stays on screen, marked as out of date.
 *
 * @event nn-change - The user edited a cell, changed a size or the activation, and every cell is
 *   a number. `detail` (see `MatrixMultiplyChangeDetail`): `{ mode: 'product', a, b, product }`
 *   or `{ mode: 'layer', weights, input, bias, activation, z, output }`. Bubbles and is composed.
 *   Not fired for changes made through attributes or properties.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart sizes - The group of size steppers (and the activation choice in layer mode).
 * @csspart matrices - The scrolling region holding the tables.
 * @csspart matrix - Each matrix `<table>` (A, B, C; W, x, b, z, a).
 * @csspart cell - Each editable cell `<input>`.
 * @csspart messages - The messages about cells that are not numbers and shapes that do not fit.
 * @csspart step - The step-through controls and the written-out dot product.
 * @csspart neurons - Layer mode: the list of neurons with their sums written out.
 * @csspart summary - The live text summary (`aria-live="polite"`).
 *
 * @cssproperty --nn-color-fg - Text colour.
 * @cssproperty --nn-color-bg - Background of the widget and of the cells.
 * @cssproperty --nn-color-surface - Background of the result tables and the step panel.
 * @cssproperty --nn-color-muted - Row and column numbers, secondary text.
 * @cssproperty --nn-color-border - Borders of the widget and the cells.
 * @cssproperty --nn-color-accent - The highlighted row, column and cell in step mode.
 * @cssproperty --nn-color-danger - Cells that are not numbers, and their messages.
 * @cssproperty --nn-color-focus - The focus ring.
 * @cssproperty --nn-radius - Corner radius.
 * @cssproperty --nn-font - Text font.
 * @cssproperty --nn-font-mono - Font of the numbers.
 */
export class NnMatrixMultiply extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    mode: enumAttribute(TAG, 'mode'),
    a: matrixAttribute(TAG, 'a'),
    b: matrixAttribute(TAG, 'b'),
    weights: matrixAttribute(TAG, 'weights'),
    input: matrixAttribute(TAG, 'input', true),
    bias: matrixAttribute(TAG, 'bias', true),
    activation: enumAttribute(TAG, 'activation'),
    _cells: { state: true },
    _stepping: { state: true },
    _step: { state: true },
  };

  /** "product" (C = AB) or "layer" (a = f(Wx + b)). Default "product". */
  declare mode: MatrixMultiplyMode;
  /** Product mode: the matrix A as text, e.g. "1 2; 3 4". Default "1 2; 3 4". Reflects edits. */
  declare a: string;
  /** Product mode: the matrix B as text. Default "5 6; 7 8". Reflects edits. */
  declare b: string;
  /** Layer mode: the weights W, one row per neuron. Default "1 -1 0.5; 2 0 -1". Reflects edits. */
  declare weights: string;
  /** Layer mode: the input vector x. Default "2; 1; 2". Reflects edits. */
  declare input: string;
  /** Layer mode: the bias vector b, one number per neuron. Default "0; 1". Reflects edits. */
  declare bias: string;
  /** Layer mode: the activation f: none, sigmoid, tanh or relu. Default "none". Reflects edits. */
  declare activation: ActivationChoice;

  /** The text of every cell, as typed. */
  declare private _cells: Record<GridKey, Cells>;
  /** Whether the step-through panel is open. */
  declare private _stepping: boolean;
  /** The cell of C being explained, (row, column) from 0. */
  declare private _step: readonly [number, number];

  /** The attribute text this element last wrote itself, so that it is not read back over the cells. */
  private _own: Partial<Record<GridKey, string>> = {};
  private _reading: Reading = { matrices: {}, problems: [], problemsIn: {} };
  private _mismatch: Mismatch | undefined;
  private _product: ProductResult | undefined;
  private _layer: LayerResult | undefined;
  /** The last valid results: shown, marked out of date, while a cell is not a number. */
  private _lastProduct: ProductResult | undefined;
  private _lastLayer: LayerResult | undefined;
  private _userChange = false;

  constructor() {
    super();
    this.mode = defaultOf<MatrixMultiplyMode>(TAG, 'mode');
    this.a = defaultOf<string>(TAG, 'a');
    this.b = defaultOf<string>(TAG, 'b');
    this.weights = defaultOf<string>(TAG, 'weights');
    this.input = defaultOf<string>(TAG, 'input');
    this.bias = defaultOf<string>(TAG, 'bias');
    this.activation = defaultOf<ActivationChoice>(TAG, 'activation');
    this._cells = { a: [], b: [], weights: [], input: [], bias: [] };
    this._stepping = false;
    this._step = [0, 0];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    let cells = this._cells;
    for (const key of GRID_KEYS) {
      // A caller's change (attribute or property) replaces the cells; our own reflection does not.
      if (changed.has(key) && this[key] !== this._own[key]) {
        const matrix = readMatrixAttribute(TAG, key, this[key], GRIDS[key].vector);
        cells = { ...cells, [key]: cellsOf(matrix) };
        this._own[key] = undefined;
      }
    }
    this._cells = cells;
    this._compute();
  }

  protected override updated(): void {
    if (!this._userChange) return;
    this._userChange = false;
    const detail = this._detail();
    if (detail) this.emit<MatrixMultiplyChangeDetail>('nn-change', detail);
  }

  /** Reads the grids of the current mode and computes what can be computed. */
  private _compute(): void {
    const keys: GridKey[] = this.mode === 'layer' ? ['weights', 'input', 'bias'] : ['a', 'b'];
    const reading: Reading = { matrices: {}, problems: [], problemsIn: {} };
    for (const key of keys) {
      const { name, vector } = GRIDS[key];
      const read = readCells(this._cells[key], name, vector);
      if (read.ok) reading.matrices[key] = read.matrix;
      else {
        reading.problems.push(...read.problems);
        reading.problemsIn[key] = read.problems;
      }
    }
    this._reading = reading;
    this._mismatch = this.mode === 'layer' ? this._layerMismatch() : this._productMismatch();
    this._product = undefined;
    this._layer = undefined;
    if (this._mismatch || reading.problems.length > 0) return;

    const m = reading.matrices;
    if (this.mode === 'product') {
      const A = m.a!;
      const B = m.b!;
      this._product = { A, B, C: A.multiply(B) };
      this._lastProduct = this._product;
      const [i, j] = this._step;
      this._step = [Math.min(i, A.rows - 1), Math.min(j, B.cols - 1)];
    } else {
      const W = m.weights!;
      const x = m.input!;
      const b = m.bias!;
      const z = W.multiply(x).add(b);
      const f = this.activation === 'none' ? undefined : ACTIVATIONS[this.activation].f;
      this._layer = { W, x, b, z, a: f ? z.map(f) : z, activation: this.activation };
      this._lastLayer = this._layer;
    }
  }

  private _productMismatch(): Mismatch | undefined {
    const n = this._cells.a[0]?.length ?? 0;
    const rows = this._cells.b.length;
    if (n === rows) return undefined;
    return {
      message: `A has ${plural(n, 'column')} but B has ${plural(rows, 'row')}: to multiply, they must match.`,
      fix: {
        key: 'b',
        rows: n,
        cols: this._cells.b[0]?.length ?? 1,
        label: `Give B ${plural(n, 'row')}`,
      },
    };
  }

  private _layerMismatch(): Mismatch | undefined {
    const inputs = this._cells.weights[0]?.length ?? 0;
    const neurons = this._cells.weights.length;
    const xLength = this._cells.input.length;
    const bLength = this._cells.bias.length;
    if (inputs !== xLength) {
      return {
        message: `W has ${plural(inputs, 'column')} (one weight per input) but x has ${plural(xLength, 'number')}: they must match.`,
        fix: { key: 'input', rows: inputs, cols: 1, label: `Give x ${plural(inputs, 'number')}` },
      };
    }
    if (neurons !== bLength) {
      return {
        message: `W has ${plural(neurons, 'row')} (one neuron each) but b has ${plural(bLength, 'number')}: each neuron needs one bias.`,
        fix: { key: 'bias', rows: neurons, cols: 1, label: `Give b ${plural(neurons, 'number')}` },
      };
    }
    return undefined;
  }

  private _detail(): MatrixMultiplyChangeDetail | undefined {
    if (this.mode === 'product') {
      const p = this._product;
      return p && { mode: 'product', a: p.A.toArray(), b: p.B.toArray(), product: p.C.toArray() };
    }
    const l = this._layer;
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

  // ——— user actions ———

  /** Writes the cells of one grid and, when they are all numbers, reflects them to its attribute. */
  private _setCells(key: GridKey, cells: Cells): void {
    this._cells = { ...this._cells, [key]: cells };
    const read = readCells(cells, GRIDS[key].name, GRIDS[key].vector);
    if (read.ok) {
      const text = read.matrix.toString();
      this._own[key] = text;
      this[key] = text;
    }
    this._userChange = true;
  }

  private _onCellInput(key: GridKey, row: number, col: number, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    const cells = this._cells[key].map((r) => [...r]);
    cells[row]![col] = text;
    this._setCells(key, cells);
  }

  /** ArrowUp / ArrowDown move to the cell above or below, as in a spreadsheet. */
  private _onCellKey(key: GridKey, row: number, col: number, event: KeyboardEvent): void {
    const delta = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (delta === 0) return;
    const target = this.renderRoot.querySelector<HTMLInputElement>(
      `input[data-grid="${key}"][data-row="${row + delta}"][data-col="${col}"]`,
    );
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.select();
  }

  /** Resizes grids together, so that shared sizes stay in step. */
  private _resize(sizes: Partial<Record<GridKey, [rows: number, cols: number]>>): void {
    for (const key of GRID_KEYS) {
      const size = sizes[key];
      if (size) this._setCells(key, resizeCells(this._cells[key], size[0], size[1]));
    }
  }

  private _onActivation(event: Event): void {
    this.activation = (event.target as HTMLSelectElement).value as ActivationChoice;
    this._userChange = true;
  }

  private _toggleStepping(): void {
    this._stepping = !this._stepping;
  }

  private _moveStep(delta: number): void {
    const p = this._lastProduct;
    if (!p) return;
    const cols = p.C.cols;
    const index = this._step[0] * cols + this._step[1] + delta;
    if (index < 0 || index >= p.C.rows * cols) return;
    this._step = [Math.floor(index / cols), index % cols];
  }

  // ——— rendering ———

  override render(): TemplateResult {
    return html`
      <div class="layout" part="base">
        ${this.mode === 'layer' ? this._renderLayer() : this._renderProduct()}
      </div>
    `;
  }

  private _renderProduct(): TemplateResult {
    const { a, b } = this._cells;
    const m = a.length;
    const n = a[0]?.length ?? 0;
    const p = b[0]?.length ?? 0;
    const shown = this._product ?? this._lastProduct;
    const stale = !this._product && shown !== undefined;
    const stepping = this._stepping && shown !== undefined && !this._mismatch;
    const hl = stepping ? this._step : undefined;

    return html`
      <div class="sizes" part="sizes">
        ${this._stepper('m', 'Rows of A', 'rows of A', m, (v) => this._resize({ a: [v, n] }))}
        ${this._stepper(
          'n',
          'Columns of A = rows of B',
          'columns of A and rows of B',
          n,
          (v) => this._resize({ a: [m, v], b: [v, p] }),
          b.length === n ? undefined : `${n} ≠ ${b.length}`,
        )}
        ${this._stepper('p', 'Columns of B', 'columns of B', p, (v) => this._resize({ b: [n, v] }))}
      </div>

      <div
        class="scroll"
        part="matrices"
        role="region"
        aria-label="Matrices A and B and their product C"
        tabindex="0"
      >
        <div class="equation">
          ${this._editable(GRIDS.a, html`A`, { row: hl?.[0] })}
          <span class="op" aria-hidden="true">·</span>
          ${this._editable(GRIDS.b, html`B`, { col: hl?.[1] })}
          <span class="op" aria-hidden="true">=</span>
          ${
            shown
              ? this._result(
                  shown.C,
                  html`C =
                  AB${stale ? html`, <span class="stale-word">out of date</span>` : nothing}`,
                  { stale, cell: hl },
                )
              : html`<p class="no-result">C = AB: no product until the sizes match</p>`
          }
        </div>
      </div>

      ${this._messages(stale ? 'product' : undefined)}
      ${shown && !this._mismatch ? this._stepPanel(shown, stepping) : nothing}
      <p class=${this._summaryClass()} part="summary" aria-live="polite">
        ${this._productSummary(shown)}
      </p>
    `;
  }

  private _renderLayer(): TemplateResult {
    const { weights } = this._cells;
    const neurons = weights.length;
    const inputs = weights[0]?.length ?? 0;
    const shown = this._layer ?? this._lastLayer;
    const stale = !this._layer && shown !== undefined;
    const activation = shown?.activation ?? this.activation;
    const symbol = activation === 'none' ? '' : ACTIVATIONS[activation].symbol;

    return html`
      <div class="sizes" part="sizes">
        ${this._stepper(
          'k',
          'Neurons (rows of W)',
          'neurons',
          neurons,
          (v) => this._resize({ weights: [v, inputs], bias: [v, 1] }),
          this._cells.bias.length === neurons
            ? undefined
            : `${neurons} ≠ ${this._cells.bias.length}`,
        )}
        ${this._stepper(
          'n',
          'Inputs (columns of W)',
          'inputs',
          inputs,
          (v) => this._resize({ weights: [neurons, v], input: [v, 1] }),
          this._cells.input.length === inputs
            ? undefined
            : `${inputs} ≠ ${this._cells.input.length}`,
        )}
        <div class="activation">
          <label for="activation">Activation <var>f</var></label>
          <select id="activation" .value=${live(this.activation)} @change=${this._onActivation}>
            <option value="none">none (a = z)</option>
            <option value="sigmoid">sigmoid σ</option>
            <option value="tanh">tanh</option>
            <option value="relu">ReLU</option>
          </select>
        </div>
      </div>

      <p class="explain">
        Each row of <var>W</var> is one neuron's weights, one column per input. Neuron
        <var>i</var> multiplies the inputs by row <var>i</var> and adds its bias <var>b</var
        ><sub>i</sub>.
      </p>

      <div
        class="scroll"
        part="matrices"
        role="region"
        aria-label="The layer: weights W, input x, bias b and the outputs"
        tabindex="0"
      >
        <div class="equation">
          ${this._editable(GRIDS.weights, html`W, weights`)}
          <span class="op" aria-hidden="true">·</span>
          ${this._editable(GRIDS.input, html`x, input`)}
          <span class="op" aria-hidden="true">+</span>
          ${this._editable(GRIDS.bias, html`b, bias`)}
          <span class="op" aria-hidden="true">=</span>
          ${
            shown
              ? html`${this._result(
                  shown.z,
                  html`z = Wx +
                  b${stale ? html`, <span class="stale-word">out of date</span>` : nothing}`,
                  { stale, neurons: true },
                )}
                ${
                  activation === 'none'
                    ? nothing
                    : html`<span class="op" aria-hidden="true">→</span> ${this._result(
                          shown.a,
                          html`a = ${symbol}(z)`,
                          {
                            stale,
                            neurons: true,
                            digits: activation === 'relu' ? undefined : 3,
                          },
                        )}`
                }`
              : html`<p class="no-result">z = Wx + b: no result until the sizes match</p>`
          }
        </div>
      </div>

      ${this._messages(stale ? 'layer' : undefined)}
      ${shown && !this._mismatch ? this._neuronList(shown) : nothing}
      <p class=${this._summaryClass()} part="summary" aria-live="polite">
        ${this._layerSummary(shown)}
      </p>
    `;
  }

  /** A −/+ stepper for one size, 1 to 6. */
  private _stepper(
    id: string,
    label: string,
    what: string,
    value: number,
    set: (value: number) => void,
    /** Text to show instead of the value, e.g. "3 ≠ 2" while two sizes disagree. */
    shown?: string,
  ): TemplateResult {
    const change = (delta: number) => {
      const next = value + delta;
      if (next >= MIN_SIZE && next <= MAX_SIZE) set(next);
    };
    const atMin = value <= MIN_SIZE;
    const atMax = value >= MAX_SIZE;
    // aria-disabled, not disabled: a button that disables itself under the keyboard focus would
    // drop the focus to the page.
    return html`
      <div class="stepper" role="group" aria-labelledby=${`size-${id}`}>
        <span class="stepper-label" id=${`size-${id}`}>${label}</span>
        <span class="stepper-controls">
          <button
            type="button"
            class="step-button"
            aria-label=${`Fewer ${what}`}
            aria-disabled=${atMin ? 'true' : 'false'}
            @click=${() => change(-1)}
          >
            −
          </button>
          <output class="size" aria-label=${shown === undefined ? label : `${label}: ${shown}`}
            >${shown ?? value}</output
          >
          <button
            type="button"
            class="step-button"
            aria-label=${`More ${what}`}
            aria-disabled=${atMax ? 'true' : 'false'}
            @click=${() => change(1)}
          >
            +
          </button>
        </span>
      </div>
    `;
  }

  /** An editable grid as a table of labelled inputs. */
  private _editable(
    grid: Grid,
    caption: TemplateResult,
    highlight: { row?: number | undefined; col?: number | undefined } = {},
  ): TemplateResult {
    const cells = this._cells[grid.key];
    const rows = cells.length;
    const cols = cells[0]?.length ?? 0;
    const bad = new Set(
      (this._reading.problemsIn[grid.key] ?? []).map((p) => `${p.row - 1},${p.col - 1}`),
    );
    const layer = this.mode === 'layer';
    const rowHeader = (r: number) => {
      if (grid.key === 'weights') return html`neuron ${r + 1}`;
      if (grid.key === 'input') return html`x${sub(r + 1)}`;
      return html`<span class="visually-hidden">${layer ? 'neuron ' : 'row '}</span>${r + 1}`;
    };
    const colHeader = (c: number) =>
      grid.key === 'weights'
        ? html`<span class="visually-hidden">weight of </span>x${sub(c + 1)}`
        : html`<span class="visually-hidden">column </span>${c + 1}`;
    return html`
      <table class="matrix editable" part="matrix" data-grid=${grid.key}>
        <caption>
          ${caption}
          <span class="shape">(${rows}×${cols})</span>
        </caption>
        <thead>
          <tr>
            <td></td>
            ${
              grid.vector
                ? html`<th scope="col"><span class="visually-hidden">value</span></th>`
                : Array.from(
                    { length: cols },
                    (_, c) =>
                      html`<th scope="col" class=${c === highlight.col ? 'hl' : ''}>
                        ${colHeader(c)}
                      </th>`,
                  )
            }
          </tr>
        </thead>
        <tbody>
          ${cells.map(
            (row, r) => html`
              <tr class=${r === highlight.row ? 'hl' : ''}>
                <th scope="row">${rowHeader(r)}</th>
                ${row.map((text, c) => {
                  const invalid = bad.has(`${r},${c}`);
                  return html`<td class=${c === highlight.col ? 'hl' : ''}>
                    <input
                      part="cell"
                      type="text"
                      inputmode="decimal"
                      autocomplete="off"
                      spellcheck="false"
                      data-grid=${grid.key}
                      data-row=${r}
                      data-col=${c}
                      aria-label=${this._cellLabel(grid, r, c)}
                      aria-invalid=${invalid ? 'true' : 'false'}
                      aria-describedby=${invalid ? `problems-${grid.key}` : nothing}
                      .value=${live(text)}
                      @input=${(e: Event) => this._onCellInput(grid.key, r, c, e)}
                      @keydown=${(e: KeyboardEvent) => this._onCellKey(grid.key, r, c, e)}
                    />
                  </td>`;
                })}
              </tr>
            `,
          )}
        </tbody>
      </table>
    `;
  }

  /** "A row 1 column 2"; in layer mode, also what the number means. */
  private _cellLabel(grid: Grid, r: number, c: number): string {
    switch (grid.key) {
      case 'weights':
        return `W row ${r + 1} column ${c + 1}: neuron ${r + 1}'s weight for input ${c + 1}`;
      case 'input':
        return `x row ${r + 1}: input ${r + 1}`;
      case 'bias':
        return `b row ${r + 1}: neuron ${r + 1}'s bias`;
      default:
        return `${grid.name} row ${r + 1} column ${c + 1}`;
    }
  }

  /** A computed matrix as a read-only table. */
  private _result(
    M: Matrix,
    caption: TemplateResult,
    options: {
      stale: boolean;
      cell?: readonly [number, number] | undefined;
      neurons?: boolean;
      digits?: number | undefined;
    },
  ): TemplateResult {
    const { stale, cell, neurons = false, digits } = options;
    return html`
      <table class="matrix result ${stale ? 'stale' : ''}" part="matrix">
        <caption>
          ${caption}
          <span class="shape">(${M.rows}×${M.cols})</span>
        </caption>
        <thead>
          <tr>
            <td></td>
            ${
              neurons
                ? html`<th scope="col"><span class="visually-hidden">value</span></th>`
                : Array.from(
                    { length: M.cols },
                    (_, c) =>
                      html`<th scope="col" class=${c === cell?.[1] ? 'hl' : ''}>
                        <span class="visually-hidden">column </span>${c + 1}
                      </th>`,
                  )
            }
          </tr>
        </thead>
        <tbody>
          ${M.toArray().map(
            (row, r) => html`
              <tr class=${r === cell?.[0] ? 'hl' : ''}>
                <th scope="row">
                  <span class="visually-hidden">${neurons ? 'neuron ' : 'row '}</span>${r + 1}
                </th>
                ${row.map(
                  (v, c) =>
                    html`<td
                      class="out ${r === cell?.[0] && c === cell?.[1] ? 'current' : ''} ${
                        c === cell?.[1] ? 'hl' : ''
                      }"
                      data-row=${r}
                      data-col=${c}
                    >
                      ${digits === undefined ? num(v) : formatNumber(v, digits)}
                    </td>`,
                )}
              </tr>
            `,
          )}
        </tbody>
      </table>
    `;
  }

  /** Cells that are not numbers, and shapes that do not fit, next to the grids. */
  private _messages(staleOf: 'product' | 'layer' | undefined): TemplateResult | typeof nothing {
    const { problemsIn } = this._reading;
    const mismatch = this._mismatch;
    const keys = GRID_KEYS.filter((k) => problemsIn[k]);
    if (keys.length === 0 && !mismatch) return nothing;
    return html`
      <div class="messages" part="messages">
        ${keys.map(
          (key) => html`
            <ul class="problems" id=${`problems-${key}`}>
              ${problemsIn[key]!.map((p) => html`<li>${p.message}</li>`)}
            </ul>
          `,
        )}
        ${staleOf ? html`<p class="stale-note">${staleNote(staleOf, this._reading.problems.length)}</p>` : nothing}
        ${
          mismatch
            ? html`<p class="mismatch">
                ${mismatch.message}
                <button type="button" @click=${() => this._fixMismatch(mismatch)}>
                  ${mismatch.fix.label}
                </button>
              </p>`
            : nothing
        }
      </div>
    `;
  }

  private _fixMismatch(mismatch: Mismatch): void {
    const { key, rows, cols } = mismatch.fix;
    this._resize({ [key]: [rows, cols] });
  }

  /** The step-through toggle and, when open, the dot product of the current cell. */
  private _stepPanel(shown: ProductResult, open: boolean): TemplateResult {
    const [i, j] = this._step;
    const { A, B, C } = shown;
    const count = C.rows * C.cols;
    const index = i * C.cols + j;
    return html`
      <div class="step" part="step">
        <button
          type="button"
          class="step-toggle"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="step-panel"
          @click=${this._toggleStepping}
        >
          ${open ? 'Stop stepping' : 'Step through C cell by cell'}
        </button>
        <div id="step-panel" class="step-panel" ?hidden=${!open}>
          ${
            open
              ? html`
                  <div class="step-nav">
                    <button
                      type="button"
                      aria-disabled=${index === 0 ? 'true' : 'false'}
                      @click=${() => this._moveStep(-1)}
                    >
                      Previous cell
                    </button>
                    <button
                      type="button"
                      aria-disabled=${index === count - 1 ? 'true' : 'false'}
                      @click=${() => this._moveStep(1)}
                    >
                      Next cell
                    </button>
                  </div>
                  <div class="step-text" aria-live="polite">
                    <p class="step-where">
                      Cell ${index + 1} of ${count}: row ${i + 1} of A times column ${j + 1} of B
                    </p>
                    <p class="formula" data-value="step">
                      ${dotText('c', i, j, A.row(i), B.column(j), C.get(i, j))}
                    </p>
                  </div>
                `
              : nothing
          }
        </div>
      </div>
    `;
  }

  /** Layer mode: each neuron's sum and output, written out with numbers. */
  private _neuronList(shown: LayerResult): TemplateResult {
    const { W, x, b, z, a, activation } = shown;
    const act = activation === 'none' ? undefined : ACTIVATIONS[activation];
    return html`
      <ol class="neurons" part="neurons">
        ${z.column(0).map((zi, i) => {
          const sum = dotText('z', i, undefined, W.row(i), x.column(0), zi, b.get(i, 0));
          const out = act
            ? html`<span class="seg"
                >a${sub(i + 1)} = ${act.symbol}(${num(zi)}) =
                <strong
                  >${activation === 'relu' ? num(a.get(i, 0)) : formatNumber(a.get(i, 0), 3)}</strong
                ></span
              >`
            : nothing;
          return html`<li>
            <span class="neuron-name">Neuron ${i + 1}</span> (row ${i + 1} of W):
            <span class="formula">${sum}</span>${act ? html`, ` : nothing}${out}
          </li>`;
        })}
      </ol>
    `;
  }

  /** The summary repeats the messages for screen readers; on screen they are shown once. */
  private _summaryClass(): string {
    const quiet = this._mismatch !== undefined || this._reading.problems.length > 0;
    return quiet ? 'summary visually-hidden' : 'summary';
  }

  private _productSummary(shown: ProductResult | undefined): string {
    const first = this._reading.problems[0];
    if (this._mismatch) return this._mismatch.message;
    if (first) {
      const more = this._reading.problems.length - 1;
      return `${first.message}${more > 0 ? ` (and ${plural(more, 'more cell')})` : ''}. ${
        shown ? 'The product shown is the last valid one.' : ''
      }`.trim();
    }
    if (!shown) return '';
    const { C } = shown;
    return `C = AB is ${C.rows}×${C.cols}: ${rowsText(C, num)}.`;
  }

  private _layerSummary(shown: LayerResult | undefined): string {
    if (this._mismatch) return this._mismatch.message;
    const first = this._reading.problems[0];
    if (first) return `${first.message}. The outputs shown are the last valid ones.`;
    if (!shown) return '';
    const zs = shown.z.column(0).map(num).join(', ');
    if (shown.activation === 'none') {
      return `The layer's ${plural(shown.z.rows, 'neuron')} output z = (${zs}).`;
    }
    const digits = (v: number) => (shown.activation === 'relu' ? num(v) : formatNumber(v, 3));
    const as = shown.a.column(0).map(digits).join(', ');
    return `The layer's ${plural(shown.z.rows, 'neuron')} compute z = (${zs}) and output a = ${ACTIVATIONS[shown.activation].symbol}(z) = (${as}).`;
  }
}

// ——— numbers in words and formulas ———

/** Why the result on screen is out of date, and how to bring it back. */
function staleNote(of: 'product' | 'layer', problems: number): string {
  const shown =
    of === 'layer'
      ? 'The outputs shown are the last valid ones'
      : 'The product shown is the last valid one';
  const it = of === 'layer' ? 'them' : 'it';
  if (problems > 0)
    return `${shown}: fix the marked ${problems === 1 ? 'cell' : 'cells'} to update ${it}.`;
  return `${shown}: make the sizes match to update ${it}.`;
}

/**
 * A number with as few decimals as it needs, up to 3: 22, 0.5, −1.25, 0.333. Products of the
 * short decimals people type stay readable (0.1 · 3 shows 0.3, not 0.30000000000000004).
 */
function num(v: number): string {
  for (let d = 0; d < 3; d++) {
    const scaled = v * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) {
      return formatNumber(v, d);
    }
  }
  return formatNumber(v, 3);
}

/** A factor in a product, in parentheses when negative: 2·(−3). */
function factor(v: number): string {
  const text = num(v);
  return text.startsWith('−') ? `(${text})` : text;
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
/** 12 → "₁₂". */
function sub(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]!);
}

/**
 * A dot product written out: "c₁₂ = 1·6 + 2·8 = 22", or with a bias "z₁ = 1·2 + (−1)·1 + 0.5".
 * `value` is the computed entry, so the text always agrees with the table.
 */
function dotText(
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

/** "row 1: 19, 22; row 2: 43, 50". */
function rowsText(M: Matrix, format: (v: number) => string): string {
  return M.toArray()
    .map((row, i) => `row ${i + 1}: ${row.map(format).join(', ')}`)
    .join('; ');
}

/** "1 row", "3 rows". */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
