/**
 * The pieces of `<nn-matrix-multiply>` that are markup: a size stepper, an editable grid, a
 * result table, the messages, the step-through panel and the list of neurons. Each is a function
 * of what it shows and the callbacks it calls; the state lives in the element, the words in
 * describe.ts.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ACTIVATIONS } from '../../math/activations';
import { formatNumber } from '../../math/format';
import type { Matrix } from '../../math/matrix';
import {
  cellLabel,
  fixLabel,
  mismatchText,
  neuronSum,
  num,
  outputText,
  problemText,
  staleNote,
  stepFormula,
  sub,
} from './describe';
import { GRID_KEYS, MAX_SIZE, MIN_SIZE, nextSize } from './model';
import type {
  Cells,
  Grid,
  GridKey,
  LayerResult,
  Mismatch,
  ProductResult,
  Reading,
  Step,
} from './model';

export interface StepperOptions {
  id: string;
  label: string;
  /** What the buttons add or take away: "rows of A" (read as "Fewer rows of A"). */
  what: string;
  value: number;
  set: (value: number) => void;
  /** Text to show instead of the value, e.g. "3 ≠ 2" while two sizes disagree. */
  shown?: string | undefined;
}

/** A −/+ stepper for one size, 1 to 6. */
export function stepper(o: StepperOptions): TemplateResult {
  const { id, label, what, value, set, shown } = o;
  const change = (delta: number) => {
    const next = nextSize(value, delta);
    if (next !== undefined) set(next);
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

export interface EditableOptions {
  grid: Grid;
  cells: Cells;
  caption: TemplateResult;
  /** Whether the widget is in layer mode (row numbers are read as neurons). */
  layer: boolean;
  /** The cells that are not numbers, in this grid. */
  problems: Reading['problemsIn'][GridKey];
  highlight?: { row?: number | undefined; col?: number | undefined };
  onInput: (row: number, col: number, event: Event) => void;
  onKey: (row: number, col: number, event: KeyboardEvent) => void;
}

/**
 * An operator with the operand after it, kept together on one line: when the equation wraps, a
 * line never ends with a dangling "=" or "·"; the operator starts the next line with its operand.
 */
export const term = (op: string, operand: unknown): TemplateResult =>
  html`<div class="term"><span class="op" aria-hidden="true">${op}</span>${operand}</div>`;

/** An editable grid as a table of labelled inputs. */
export function editableGrid(o: EditableOptions): TemplateResult {
  const { grid, cells, caption, layer, highlight = {} } = o;
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  const bad = new Set((o.problems ?? []).map((p) => `${p.row - 1},${p.col - 1}`));
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
                    aria-label=${cellLabel(grid.key, r, c)}
                    aria-invalid=${invalid ? 'true' : 'false'}
                    aria-describedby=${invalid ? `problems-${grid.key}` : nothing}
                    .value=${live(text)}
                    @input=${(e: Event) => o.onInput(r, c, e)}
                    @keydown=${(e: KeyboardEvent) => o.onKey(r, c, e)}
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

/** A computed matrix as a read-only table. */
export function resultTable(
  M: Matrix,
  caption: TemplateResult,
  options: {
    stale: boolean;
    cell?: Step | undefined;
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
export function messages(
  reading: Reading,
  mismatch: Mismatch | undefined,
  staleOf: 'product' | 'layer' | undefined,
  onFix: (mismatch: Mismatch) => void,
): TemplateResult | typeof nothing {
  const { problemsIn } = reading;
  const keys = GRID_KEYS.filter((k) => problemsIn[k]);
  if (keys.length === 0 && !mismatch) return nothing;
  return html`
    <div class="messages" part="messages">
      ${keys.map(
        (key) => html`
          <ul class="problems" id=${`problems-${key}`}>
            ${problemsIn[key]!.map((p) => html`<li>${problemText(p)}</li>`)}
          </ul>
        `,
      )}
      ${staleOf ? html`<p class="stale-note">${staleNote(staleOf, reading.problems.length)}</p>` : nothing}
      ${
        mismatch
          ? html`<p class="mismatch">
              ${mismatchText(mismatch)}
              <button type="button" @click=${() => onFix(mismatch)}>${fixLabel(mismatch)}</button>
            </p>`
          : nothing
      }
    </div>
  `;
}

/** The step-through toggle and, when open, the dot product of the current cell. */
export function stepPanel(o: {
  shown: ProductResult;
  open: boolean;
  step: Step;
  onToggle: () => void;
  onMove: (delta: number) => void;
}): TemplateResult {
  const { shown, open, step } = o;
  const [i, j] = step;
  const { C } = shown;
  const count = C.rows * C.cols;
  const index = i * C.cols + j;
  return html`
    <div class="step" part="step">
      <button
        type="button"
        class="step-toggle"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="step-panel"
        @click=${o.onToggle}
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
                    @click=${() => o.onMove(-1)}
                  >
                    Previous cell
                  </button>
                  <button
                    type="button"
                    aria-disabled=${index === count - 1 ? 'true' : 'false'}
                    @click=${() => o.onMove(1)}
                  >
                    Next cell
                  </button>
                </div>
                <div class="step-text" aria-live="polite">
                  <p class="step-where">
                    Cell ${index + 1} of ${count}: row ${i + 1} of A times column ${j + 1} of B
                  </p>
                  <p class="formula" data-value="step">${stepFormula(shown, i, j)}</p>
                </div>
              `
            : nothing
        }
      </div>
    </div>
  `;
}

/** Layer mode: each neuron's sum and output, written out with numbers. */
export function neuronList(shown: LayerResult): TemplateResult {
  const { a, z, activation } = shown;
  const act = activation === 'none' ? undefined : ACTIVATIONS[activation];
  return html`
    <ol class="neurons" part="neurons">
      ${z.column(0).map((zi, i) => {
        const sum = neuronSum(shown, i);
        const out = act
          ? html`<span class="seg"
              >a${sub(i + 1)} = ${act.symbol}(${num(zi)}) =
              <strong>${outputText(activation, a.get(i, 0))}</strong></span
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
