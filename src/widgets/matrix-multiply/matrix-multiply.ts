import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { NnElement, attributeProperties, states } from '../shared/base';
import type { AttributeValues } from '../shared/base';
import type { matrixMultiplyDoc } from './meta';
import { tokens } from '../shared/tokens';
import { matrixAttribute, readMatrixAttribute } from './attributes';
import {
  activationSymbol,
  disagreement,
  layerSummary,
  productSummary,
  summaryIsQuiet,
} from './describe';
import {
  GRIDS,
  GRID_KEYS,
  NO_READING,
  cellsOf,
  changeDetail,
  clampStep,
  compute,
  movedStep,
  readCells,
  resizeCells,
  withCell,
} from './model';
import type {
  Cells,
  Grid,
  GridKey,
  LayerResult,
  MatrixMultiplyChangeDetail,
  Mismatch,
  ProductResult,
  Reading,
  Step,
} from './model';
import { styles } from './styles';
import {
  editableGrid,
  messages,
  neuronList,
  resultTable,
  stepPanel,
  stepper,
  term,
} from './templates';

const TAG = 'nn-matrix-multiply';

// meta.ts's attributes as typed properties (declared by attributeProperties, set by NnElement).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface NnMatrixMultiply extends AttributeValues<typeof matrixMultiplyDoc> {}

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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class NnMatrixMultiply extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    ...attributeProperties(TAG, {
      a: matrixAttribute(TAG, 'a'),
      b: matrixAttribute(TAG, 'b'),
      weights: matrixAttribute(TAG, 'weights'),
      input: matrixAttribute(TAG, 'input', true),
      bias: matrixAttribute(TAG, 'bias', true),
    }),
    ...states({
      _cells: { a: [], b: [], weights: [], input: [], bias: [] },
      _stepping: false,
      _step: [0, 0],
    }),
  };

  /** The text of every cell, as typed. */
  declare private _cells: Record<GridKey, Cells>;
  /** Whether the step-through panel is open. */
  declare private _stepping: boolean;
  /** The cell of C being explained, (row, column) from 0. */
  declare private _step: Step;

  /** The attribute text this element last wrote itself, so that it is not read back over the cells. */
  private _own: Partial<Record<GridKey, string>> = {};
  private _reading: Reading = NO_READING;
  private _mismatch: Mismatch | undefined;
  private _product: ProductResult | undefined;
  private _layer: LayerResult | undefined;
  /** The last valid results: shown, marked out of date, while a cell is not a number. */
  private _lastProduct: ProductResult | undefined;
  private _lastLayer: LayerResult | undefined;
  private _userChange = false;

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
    const detail = changeDetail(this.mode, { product: this._product, layer: this._layer });
    if (detail) this.emit<MatrixMultiplyChangeDetail>('nn-change', detail);
  }

  /** Reads the grids of the current mode and computes what can be computed. */
  private _compute(): void {
    const { reading, mismatch, product, layer } = compute(this.mode, this._cells, this.activation);
    this._reading = reading;
    this._mismatch = mismatch;
    this._product = product;
    this._layer = layer;
    if (product) {
      this._lastProduct = product;
      this._step = clampStep(this._step, product.C.rows, product.C.cols);
    }
    if (layer) this._lastLayer = layer;
  }

  // ——— user actions ———

  /** Writes the cells of one grid and, when they are all numbers, reflects them to its attribute. */
  private _setCells(key: GridKey, cells: Cells): void {
    this._cells = { ...this._cells, [key]: cells };
    const read = readCells(cells, key);
    if (read.ok) {
      const text = read.matrix.toString();
      this._own[key] = text;
      this[key] = text;
    }
    this._userChange = true;
  }

  private _onCellInput(key: GridKey, row: number, col: number, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this._setCells(key, withCell(this._cells[key], row, col, text));
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
    this.activation = (event.target as HTMLSelectElement).value as this['activation'];
    this._userChange = true;
  }

  private _toggleStepping(): void {
    this._stepping = !this._stepping;
  }

  private _moveStep(delta: number): void {
    const p = this._lastProduct;
    if (!p) return;
    const step = movedStep(this._step, p.C.rows, p.C.cols, delta);
    if (step) this._step = step;
  }

  private _fixMismatch(mismatch: Mismatch): void {
    const { key, rows, cols } = mismatch.fix;
    this._resize({ [key]: [rows, cols] });
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
        ${stepper({
          id: 'm',
          label: 'Rows of A',
          what: 'rows of A',
          value: m,
          set: (v) => this._resize({ a: [v, n] }),
        })}
        ${stepper({
          id: 'n',
          label: 'Columns of A = rows of B',
          what: 'columns of A and rows of B',
          value: n,
          set: (v) => this._resize({ a: [m, v], b: [v, p] }),
          shown: disagreement(n, b.length),
        })}
        ${stepper({
          id: 'p',
          label: 'Columns of B',
          what: 'columns of B',
          value: p,
          set: (v) => this._resize({ b: [n, v] }),
        })}
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
          ${term('·', this._editable(GRIDS.b, html`B`, { col: hl?.[1] }))}
          ${term(
            '=',
            shown
              ? resultTable(
                  shown.C,
                  html`C =
                  AB${stale ? html`, <span class="stale-word">out of date</span>` : nothing}`,
                  { stale, cell: hl },
                )
              : html`<p class="no-result">C = AB: no product until the sizes match</p>`,
          )}
        </div>
      </div>

      ${this._messages(stale ? 'product' : undefined)}
      ${
        shown && !this._mismatch
          ? stepPanel({
              shown,
              open: stepping,
              step: this._step,
              onToggle: () => this._toggleStepping(),
              onMove: (delta) => this._moveStep(delta),
            })
          : nothing
      }
      <p class=${this._summaryClass()} part="summary" aria-live="polite">
        ${productSummary(this._reading, this._mismatch, shown)}
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
    const symbol = activationSymbol(activation);

    return html`
      <div class="sizes" part="sizes">
        ${stepper({
          id: 'k',
          label: 'Neurons (rows of W)',
          what: 'neurons',
          value: neurons,
          set: (v) => this._resize({ weights: [v, inputs], bias: [v, 1] }),
          shown: disagreement(neurons, this._cells.bias.length),
        })}
        ${stepper({
          id: 'n',
          label: 'Inputs (columns of W)',
          what: 'inputs',
          value: inputs,
          set: (v) => this._resize({ weights: [neurons, v], input: [v, 1] }),
          shown: disagreement(inputs, this._cells.input.length),
        })}
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
          ${term('·', this._editable(GRIDS.input, html`x, input`))}
          ${term('+', this._editable(GRIDS.bias, html`b, bias`))}
          ${term(
            '=',
            shown
              ? resultTable(
                  shown.z,
                  html`z = Wx +
                  b${stale ? html`, <span class="stale-word">out of date</span>` : nothing}`,
                  { stale, neurons: true },
                )
              : html`<p class="no-result">z = Wx + b: no result until the sizes match</p>`,
          )}
          ${
            shown && activation !== 'none'
              ? term(
                  '→',
                  resultTable(shown.a, html`a = ${symbol}(z)`, {
                    stale,
                    neurons: true,
                    digits: activation === 'relu' ? undefined : 3,
                  }),
                )
              : nothing
          }
        </div>
      </div>

      ${this._messages(stale ? 'layer' : undefined)}
      ${shown && !this._mismatch ? neuronList(shown) : nothing}
      <p class=${this._summaryClass()} part="summary" aria-live="polite">
        ${layerSummary(this._reading, this._mismatch, shown)}
      </p>
    `;
  }

  /** An editable grid of the current cells. */
  private _editable(
    grid: Grid,
    caption: TemplateResult,
    highlight: { row?: number | undefined; col?: number | undefined } = {},
  ): TemplateResult {
    return editableGrid({
      grid,
      cells: this._cells[grid.key],
      caption,
      layer: this.mode === 'layer',
      problems: this._reading.problemsIn[grid.key],
      highlight,
      onInput: (r, c, e) => this._onCellInput(grid.key, r, c, e),
      onKey: (r, c, e) => this._onCellKey(grid.key, r, c, e),
    });
  }

  private _messages(staleOf: 'product' | 'layer' | undefined): TemplateResult | typeof nothing {
    return messages(this._reading, this._mismatch, staleOf, (m) => this._fixMismatch(m));
  }

  /** The summary repeats the messages for screen readers; on screen they are shown once. */
  private _summaryClass(): string {
    return summaryIsQuiet(this._reading, this._mismatch) ? 'summary visually-hidden' : 'summary';
  }
}
