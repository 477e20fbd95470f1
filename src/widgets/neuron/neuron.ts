import { html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { decimalsOf, drawNeuronDiagram } from '../../charts/neuron-diagram';
import { sigmoid } from '../../math/activations';
import { formatNumber, formatPercent } from '../../math/format';
import { widgetDoc } from '../catalog';
import { NnElement, defaultOf, enumAttribute, numberAttribute, warnOnce } from '../shared/base';
import { SizeController } from '../shared/size';
import { dataTableArea } from '../shared/data-table';
import { tokens } from '../shared/tokens';
import { styles } from './styles';

const TAG = 'nn-neuron';

/**
 * The activations the neuron offers. Adding one (tanh, ReLU) is one line here plus its name in
 * the `activation` attribute's `values` in meta.ts.
 */
const ACTIVATIONS = {
  sigmoid: { label: 'sigmoid σ', symbol: 'σ', f: sigmoid, digits: 3 },
  none: { label: 'none (linear)', symbol: '', f: (z: number) => z, digits: 2 },
} as const satisfies Record<
  string,
  { label: string; symbol: string; f: (z: number) => number; digits: number }
>;
export type NeuronActivation = keyof typeof ACTIVATIONS;

/** The most inputs, and the values that fill in inputs and weights the attributes leave out. */
const MAX_INPUTS = 4;
const FILL_X = [1, 0.5, -1, 2] as const;
const FILL_W = [0.8, -0.4, 0.3, -0.6] as const;
/** Every input, weight and bias lies in [−10, 10]: large enough to saturate σ, small enough to draw. */
const LIMIT = 10;
/** ArrowUp / ArrowDown in a field change its number by this much. */
const STEP = 0.1;

type ListName = 'x' | 'w';
/** A field: `x0` … `x3`, `w0` … `w3` or `bias`. */
type FieldKey = `${ListName}${number}` | 'bias';

/** The `detail` of the `nn-change` event. */
export interface NeuronChangeDetail {
  inputs: number;
  /** The inputs in use, x₁ … xₙ. */
  x: number[];
  /** The weights in use, w₁ … wₙ. */
  w: number[];
  bias: number;
  activation: NeuronActivation;
  /** The weighted sum z = w₁x₁ + … + wₙxₙ + b. */
  z: number;
  /** The output a = f(z). */
  output: number;
}

type Parsed = { ok: true; value: number } | { ok: false; message: string };

/** Read a number typed in a field: accepts 0.5, .5, −0.5 (typographic minus), 1e-3. */
export function parseField(text: string): Parsed {
  const raw = text.trim().replace(/[\u2212\u2013]/g, '-');
  if (raw === '') return { ok: false, message: 'Type a number, for example 0.5.' };
  if (/^[+-]?\d+,\d+$/.test(raw)) {
    return { ok: false, message: `Use a dot for decimals: ${raw.replace(',', '.')}.` };
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw)) {
    return { ok: false, message: `“${text.trim()}” is not a number. Type digits, like 0.5.` };
  }
  const value = Number(raw);
  if (!(Math.abs(value) <= LIMIT)) {
    return { ok: false, message: `Use a number from −${LIMIT} to ${LIMIT}.` };
  }
  return { ok: true, value };
}

/**
 * A Lit property declaration for a list of numbers written with spaces (`x="1 0.5"`): anything
 * else — a non-number, more than four values, a value outside [−10, 10] — falls back to the
 * catalog default with one console warning.
 */
function numberListAttribute(name: ListName) {
  const doc = widgetDoc(TAG)?.attributes.find((a) => a.name === name);
  const fallbackText = String(doc?.default ?? '');
  const parse = (value: string): number[] | null => {
    const parts = value
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean);
    if (parts.length === 0 || parts.length > MAX_INPUTS) return null;
    const numbers = parts.map((p) => parseField(p));
    return numbers.every((p) => p.ok) ? numbers.map((p) => (p as { value: number }).value) : null;
  };
  const fallback = parse(fallbackText) ?? [];
  return {
    reflect: true,
    attribute: name,
    converter: {
      fromAttribute(value: string | null): number[] {
        if (value === null) return [...fallback];
        const list = parse(value);
        if (!list) {
          warnOnce(
            `<${TAG}> ${name}="${value}" is not 1 to ${MAX_INPUTS} numbers from −${LIMIT} to ${LIMIT} ` +
              `separated by spaces; using the default "${fallbackText}".`,
          );
          return [...fallback];
        }
        return list;
      },
      toAttribute(value: number[]): string {
        return value.map((v) => String(v)).join(' ');
      },
    },
  };
}

const X_ATTRIBUTE = numberListAttribute('x');
const W_ATTRIBUTE = numberListAttribute('w');

/**
 * @summary One artificial neuron with 2 to 4 inputs, drawn as a diagram: inputs, edges labelled
 * with their weights (thicker for larger weights; solid and "+" for positive, dashed and "−" for
 * negative), the neuron with its bias, and the output. The weighted sum z and the activation are
 * written out with the numbers substituted; every input, weight and the bias is an editable field.
 *
 * @event nn-change - The user changed a field (to a valid number), the number of inputs or the
 *   activation. `detail`: `{ inputs, x, w, bias, activation, z, output }` (see
 *   `NeuronChangeDetail`). Bubbles and is composed. Not fired for attribute or property changes.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart diagram - The `<figure>` holding the diagram and its live summary.
 * @csspart summary - The live text summary under the diagram (`aria-live="polite"`).
 * @csspart fields - The group of number fields.
 * @csspart field - Each number field (inputs, weights, bias).
 * @csspart options - The number of inputs and the activation.
 * @csspart formula - The box with z and a written out.
 * @csspart table-button - The "Show data table" button.
 * @csspart table - The data table (present only while shown).
 *
 * @cssproperty --nn-color-fg - Text colour, input nodes and the output edge.
 * @cssproperty --nn-color-bg - Background of the widget and of the weight labels.
 * @cssproperty --nn-color-surface - Background of nodes, the formula box and the choices.
 * @cssproperty --nn-color-muted - Secondary text and zero-weight edges.
 * @cssproperty --nn-color-border - The widget's border, fields and table rules.
 * @cssproperty --nn-color-accent - Positive weights, the neuron and the output.
 * @cssproperty --nn-color-accent-2 - Negative weights.
 * @cssproperty --nn-color-danger - The message under a field that is not a number.
 * @cssproperty --nn-color-focus - The focus ring.
 * @cssproperty --nn-radius - Corner radius.
 * @cssproperty --nn-font - Text font.
 * @cssproperty --nn-font-mono - Font of the numbers.
 */
export class NnNeuron extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    inputs: numberAttribute(TAG, 'inputs'),
    x: X_ATTRIBUTE,
    w: W_ATTRIBUTE,
    bias: numberAttribute(TAG, 'bias'),
    activation: enumAttribute(TAG, 'activation'),
    _drafts: { state: true },
    _showTable: { state: true },
  };

  /** How many inputs, 2 to 4. Default 2. Reflected to the `inputs` attribute. */
  declare inputs: number;
  /**
   * The inputs x₁ … xₙ (attribute `x="1 0.5"`). Missing ones are filled in; extra ones are kept
   * (so going from 4 inputs to 2 and back loses nothing). Default [1, 0.5].
   */
  declare x: number[];
  /** The weights w₁ … wₙ (attribute `w="0.8 -0.4"`), filled in and kept like `x`. Default [0.8, −0.4]. */
  declare w: number[];
  /** The bias b, from −10 to 10. Default 0.1. */
  declare bias: number;
  /** The activation: `sigmoid` or `none` (a = z). Default `sigmoid`. */
  declare activation: NeuronActivation;
  /** What the user typed in each field, while it differs from the value shown (or is not a number). */
  declare private _drafts: Partial<Record<FieldKey, string>>;
  declare private _showTable: boolean;

  private readonly _size = new SizeController(this, {
    target: () => this.renderRoot.querySelector('figure'),
    redraw: () => this._draw(),
  });
  /** True while an update comes from the user's typing: it must not wipe the fields' drafts. */
  private _fromUser = false;

  constructor() {
    super();
    this.inputs = defaultOf<number>(TAG, 'inputs');
    this.x = X_ATTRIBUTE.converter.fromAttribute(null);
    this.w = W_ATTRIBUTE.converter.fromAttribute(null);
    this.bias = defaultOf<number>(TAG, 'bias');
    this.activation = defaultOf<NeuronActivation>(TAG, 'activation');
    this._drafts = {};
    this._showTable = false;
  }

  /** The n inputs in use, filled in where the list is short. */
  private get _xs(): number[] {
    return filled(this.x, FILL_X, this._n);
  }

  private get _ws(): number[] {
    return filled(this.w, FILL_W, this._n);
  }

  private get _n(): number {
    return Math.min(MAX_INPUTS, Math.max(2, Math.round(this.inputs) || 2));
  }

  private get _activation() {
    return ACTIVATIONS[this.activation] ?? ACTIVATIONS.sigmoid;
  }

  private _compute(): { z: number; output: number } {
    const xs = this._xs;
    const ws = this._ws;
    const z = xs.reduce((sum, x, i) => sum + ws[i]! * x, 0) + this.bias;
    return { z, output: this._activation.f(z) };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A caller's change to x, w or bias replaces what is in those fields, half-typed or not.
    if (!this._fromUser && (changed.has('x') || changed.has('w') || changed.has('bias'))) {
      const drafts = { ...this._drafts };
      for (const key of Object.keys(drafts) as FieldKey[]) {
        if (changed.has(key === 'bias' ? 'bias' : (key[0] as ListName))) delete drafts[key];
      }
      this._drafts = drafts;
    }
    this._fromUser = false;
  }

  protected override updated(): void {
    this._draw();
  }

  private _draw(): void {
    const svg = this.renderRoot.querySelector('svg');
    // Drawn once the figure is measured (see SizeController), never by measuring in an update.
    if (!svg || !this._size.measured) return;
    const xs = this._xs;
    const ws = this._ws;
    const { z, output } = this._compute();
    drawNeuronDiagram(
      svg,
      {
        inputs: xs.map((x, i) => ({ x, w: ws[i]! })),
        bias: this.bias,
        z,
        output,
        activationSymbol: this._activation.symbol,
        outputDigits: this._activation.digits,
      },
      // Wider than ~560px the diagram would only grow taller: keep it at a readable size.
      { width: Math.min(560, this._size.widthOr(480)) },
    );
  }

  // ---- user input ------------------------------------------------------------------------

  /** The number currently in a field. */
  private _valueOf(key: FieldKey): number {
    if (key === 'bias') return this.bias;
    const list = key[0] === 'x' ? this._xs : this._ws;
    return list[Number(key.slice(1))] ?? 0;
  }

  private _setValue(key: FieldKey, value: number): void {
    this._fromUser = true;
    if (key === 'bias') {
      this.bias = value;
    } else {
      const name = key[0] as ListName;
      const index = Number(key.slice(1));
      // Fill in up to this input, keep anything beyond it (a 4th input while 2 are shown).
      const list = filled(this[name], name === 'x' ? FILL_X : FILL_W, Math.max(this._n, 1));
      const next = [...list, ...this[name].slice(list.length)];
      next[index] = value;
      this[name] = next;
    }
    this._emitChange();
  }

  private _onFieldInput(key: FieldKey, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this._fromUser = true;
    this._drafts = { ...this._drafts, [key]: text };
    const parsed = parseField(text);
    if (parsed.ok) this._setValue(key, parsed.value);
  }

  /** On commit (Enter, leaving the field): a valid number is shown tidied up. */
  private _onFieldChange(key: FieldKey, event: Event): void {
    const parsed = parseField((event.target as HTMLInputElement).value);
    if (!parsed.ok) return;
    this._fromUser = true;
    const drafts = { ...this._drafts };
    delete drafts[key];
    this._drafts = drafts;
  }

  /** ArrowUp / ArrowDown step a field by 0.1, as in a native number field. */
  private _onFieldKey(key: FieldKey, event: KeyboardEvent): void {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    const draft = this._drafts[key];
    const current =
      draft === undefined ? { ok: true as const, value: this._valueOf(key) } : parseField(draft);
    if (!current.ok) return;
    event.preventDefault();
    const stepped = current.value + (event.key === 'ArrowUp' ? STEP : -STEP);
    // Round away the binary noise of 0.1 steps (0.30000000000000004).
    const value = Math.max(-LIMIT, Math.min(LIMIT, Math.round(stepped * 1e9) / 1e9));
    this._fromUser = true;
    const drafts = { ...this._drafts };
    delete drafts[key];
    this._drafts = drafts;
    this._setValue(key, value);
  }

  private _onInputs(event: Event): void {
    this.inputs = Number((event.target as HTMLInputElement).value);
    this._emitChange();
  }

  private _onActivation(event: Event): void {
    this.activation = (event.target as HTMLInputElement).value as NeuronActivation;
    this._emitChange();
  }

  private _emitChange(): void {
    const { z, output } = this._compute();
    this.emit<NeuronChangeDetail>('nn-change', {
      inputs: this._n,
      x: this._xs,
      w: this._ws,
      bias: this.bias,
      activation: this.activation,
      z,
      output,
    });
  }

  private _toggleTable(): void {
    this._showTable = !this._showTable;
  }

  // ---- rendering -------------------------------------------------------------------------

  override render(): TemplateResult {
    const n = this._n;
    return html`
      <div class="layout" part="base">
        <figure part="diagram">
          <svg role="img" aria-label=${this._diagramLabel()}></svg>
          <figcaption part="summary" aria-live="polite">${this._summary()}</figcaption>
        </figure>

        <div class="fields" part="fields">
          ${Array.from(
            { length: n },
            (_, i) => html`
              <div class="pair">
                ${this._field(`x${i}`, html`input <var>x</var>${sub(i + 1)}`)}
                ${this._field(`w${i}`, html`weight <var>w</var>${sub(i + 1)}`)}
              </div>
            `,
          )}
          <div class="pair">${this._field('bias', html`bias <var>b</var>`)}</div>
          <p class="tip">Tip: ↑ and ↓ in a field change it by 0.1.</p>
        </div>

        <div class="options" part="options">
          <fieldset class="choices">
            <legend>Number of inputs</legend>
            ${[2, 3, 4].map(
              (count) => html`
                <label class="choice">
                  <input
                    type="radio"
                    name="inputs"
                    value=${count}
                    .checked=${n === count}
                    @change=${this._onInputs}
                  />
                  <span>${count}</span>
                </label>
              `,
            )}
          </fieldset>
          <fieldset class="choices">
            <legend>Activation</legend>
            ${(Object.keys(ACTIVATIONS) as NeuronActivation[]).map(
              (id) => html`
                <label class="choice">
                  <input
                    type="radio"
                    name="activation"
                    value=${id}
                    .checked=${this.activation === id}
                    @change=${this._onActivation}
                  />
                  <span>${ACTIVATIONS[id].label}</span>
                </label>
              `,
            )}
          </fieldset>
        </div>

        <div class="formula" part="formula">${this._formula()}</div>

        ${dataTableArea({ shown: this._showTable, onToggle: () => this._toggleTable(), table: () => this._table() })}
      </div>
    `;
  }

  private _field(key: FieldKey, label: TemplateResult): TemplateResult {
    const draft = this._drafts[key];
    const parsed = draft === undefined ? null : parseField(draft);
    const error = parsed && !parsed.ok ? parsed.message : '';
    const value = draft ?? fieldText(this._valueOf(key));
    return html`
      <div class="field">
        <label for=${`field-${key}`}>${label}</label>
        <input
          id=${`field-${key}`}
          part="field"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${`msg-${key}`}
          .value=${value}
          @input=${(e: Event) => this._onFieldInput(key, e)}
          @change=${(e: Event) => this._onFieldChange(key, e)}
          @keydown=${(e: KeyboardEvent) => this._onFieldKey(key, e)}
        />
        <span class="message" id=${`msg-${key}`} aria-live="polite">${error}</span>
      </div>
    `;
  }

  private _formula(): TemplateResult {
    const xs = this._xs;
    const ws = this._ws;
    const { z, output } = this._compute();
    const act = this._activation;
    const symbolic = xs.map(
      (_, i) => html`${i > 0 ? ' + ' : ''}<var>w</var>${sub(i + 1)}<var>x</var>${sub(i + 1)}`,
    );
    const numeric = xs
      .map((x, i) => `${i > 0 ? ' + ' : ''}${paren(ws[i]!)} · ${paren(x)}`)
      .join('');
    const biasText = this.bias < 0 ? `− ${num(-this.bias)}` : `+ ${num(this.bias)}`;
    return html`
      <p class="eq">
        <span class="seg"><var>z</var> = ${symbolic} + <var>b</var></span>
        <span class="seg">= ${numeric} ${biasText}</span>
        <span class="seg">= <strong class="num" data-value="z">${formatNumber(z, 2)}</strong></span>
      </p>
      <p class="eq">
        ${
          act.symbol
            ? html`<span class="seg"><var>a</var> = ${act.symbol}(<var>z</var>)</span>
                <span class="seg">= ${act.symbol}(${formatNumber(z, 2)})</span>`
            : html`<span class="seg"><var>a</var> = <var>z</var></span>`
        }
        <span class="seg"
          >=
          <strong class="num" data-value="output">${formatNumber(output, act.digits)}</strong></span
        >
      </p>
      ${
        this.activation === 'sigmoid'
          ? html`<p class="reading">
              Read as a probability: the neuron is ${reading(output)} sure the answer is “yes”.
            </p>`
          : html`<p class="reading">
              With no activation the output is the weighted sum itself: any number, not a
              probability.
            </p>`
      }
    `;
  }

  private _table(): TemplateResult {
    const xs = this._xs;
    const ws = this._ws;
    const { z, output } = this._compute();
    const act = this._activation;
    return html`
      <table part="table">
        <caption id="data-table-caption">
          What each input contributes to the weighted sum
          <var>z</var>
        </caption>
        <thead>
          <tr>
            <th scope="col">term</th>
            <th scope="col">x</th>
            <th scope="col">w</th>
            <th scope="col">w · x</th>
          </tr>
        </thead>
        <tbody>
          ${xs.map(
            (x, i) => html`
              <tr>
                <th scope="row">input ${i + 1}</th>
                <td>${num(x)}</td>
                <td>${num(ws[i]!)}</td>
                <td>${formatNumber(ws[i]! * x, 2)}</td>
              </tr>
            `,
          )}
          <tr>
            <th scope="row">bias b</th>
            <td></td>
            <td></td>
            <td>${formatNumber(this.bias, 2)}</td>
          </tr>
          <tr class="total">
            <th scope="row">sum z</th>
            <td></td>
            <td></td>
            <td>${formatNumber(z, 2)}</td>
          </tr>
          <tr class="total">
            <th scope="row">output a${act.symbol ? ` = ${act.symbol}(z)` : ' = z'}</th>
            <td></td>
            <td></td>
            <td>${formatNumber(output, act.digits)}</td>
          </tr>
        </tbody>
      </table>
    `;
  }

  private _diagramLabel(): string {
    const xs = this._xs;
    const ws = this._ws;
    const { z, output } = this._compute();
    const act = this._activation;
    const edges = xs.map((x, i) => `x${i + 1} = ${num(x)} with weight ${num(ws[i]!)}`).join(', ');
    const out = act.symbol
      ? `output a = ${act.symbol}(z) = ${formatNumber(output, act.digits)}`
      : `output a = z = ${formatNumber(output, act.digits)}`;
    return (
      `Diagram of one neuron with ${xs.length} inputs: ${edges}; bias ${num(this.bias)}; ` +
      `weighted sum z = ${formatNumber(z, 2)}; ${out}`
    );
  }

  private _summary(): string {
    const xs = this._xs;
    const ws = this._ws;
    const { z, output } = this._compute();
    const act = this._activation;
    const terms = xs.map((x, i) => ws[i]! * x);
    let biggest = 0;
    terms.forEach((t, i) => {
      if (Math.abs(t) > Math.abs(terms[biggest]!)) biggest = i;
    });
    const push = terms[biggest]!;
    const strongest =
      Math.abs(push) < 0.005
        ? 'Every input contributes almost nothing.'
        : `The biggest ${push > 0 ? 'push up' : 'push down'} comes from input ${biggest + 1}: ` +
          `w${sub(biggest + 1)}·x${sub(biggest + 1)} = ${formatNumber(push, 2)}.`;
    const out = act.symbol
      ? `a = ${act.symbol}(z) = ${formatNumber(output, act.digits)}`
      : `a = z = ${formatNumber(output, act.digits)}`;
    return `Weighted sum z = ${formatNumber(z, 2)}, output ${out}. ${strongest}`;
  }
}

/** The first n values of list, filled in from `fill` where it is short. */
function filled(list: readonly number[], fill: readonly number[], n: number): number[] {
  return Array.from({ length: n }, (_, i) => list[i] ?? fill[i] ?? 0);
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
function sub(i: number): string {
  return String(i).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]!);
}

/** A parameter as the user would write it: as many decimals as it has, up to 3. */
function num(v: number): string {
  return formatNumber(v, decimalsOf(v));
}

/** A number in its field: every decimal it has (up to 10), so a typed 0.1234 stays 0.1234. */
function fieldText(v: number): string {
  for (let d = 0; d < 10; d++) {
    if (Math.abs(Number(v.toFixed(d)) - v) < 1e-12) return formatNumber(v, d);
  }
  return formatNumber(v, 10);
}

/** A negative factor in parentheses: 0.8 · (−0.4). */
function paren(v: number): string {
  const text = num(v);
  return v < 0 && /[1-9]/.test(text) ? `(${text})` : text;
}

function reading(p: number): string {
  if (p >= 0.995) return 'more than 99%';
  if (p <= 0.005) return 'less than 1%';
  return formatPercent(p);
}
