import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { dataTableArea } from '../shared/data-table';
import { drawSigmoidChart } from '../../charts/sigmoid-chart';
import { drawSigmoidPlane } from '../../charts/sigmoid-plane';
import { sigmoid, sigmoidPrime } from '../../math/activations';
import { formatNumber, formatPercent } from '../../math/format';
import { widgetDoc } from '../catalog';
import {
  NnElement,
  booleanAttribute,
  defaultOf,
  enumAttribute,
  numberAttribute,
} from '../shared/base';
import { sliderRow } from '../shared/slider';
import { SizeController } from '../shared/size';
import { classColors, tokens } from '../shared/tokens';
import { styles } from './styles';

const TAG = 'nn-sigmoid-explorer';

/** Slider step for w, b and x: one decimal is as fine as a student can meaningfully steer. */
const STEP = 0.1;
/** Points in the data table: x = −6, −5, …, 6 on the default range. */
const TABLE_POINTS = 13;
/** Plane mode's table: σ at x₁, x₂ ∈ {−6, −3, 0, 3, 6}. */
const PLANE_TABLE_POINTS = 5;
/**
 * σ goes from 0.05 to 0.95 while z goes from −ln 19 to ln 19, so while x moves 2·ln 19 / |w|.
 * From |w| = 5 on that is under 1.2 of the 12 units shown: the curve looks like a step.
 */
const STEP_WEIGHT = 5;
const RISE = 2 * Math.log(19);

type Param = 'weight' | 'bias' | 'input' | 'weight2' | 'input2';

/** The range of a numeric attribute, from the catalog (the single source of truth). */
function rangeOf(name: 'weight' | 'bias' | 'input'): { min: number; max: number } {
  const doc = widgetDoc(TAG)?.attributes.find((a) => a.name === name);
  return { min: doc?.min ?? -10, max: doc?.max ?? 10 };
}

/** The `detail` of the `nn-change` event. */
export interface SigmoidChangeDetail {
  /** The weight w. */
  weight: number;
  /** The bias b. */
  bias: number;
  /** The input x. */
  input: number;
  /** The pre-activation z = w·x + b. */
  z: number;
  /** The neuron's output σ(z). */
  output: number;
  /** Whether the derivative is shown. */
  derivative: boolean;
  /** "curve" (one input) or "plane" (two inputs). */
  mode: 'curve' | 'plane';
  /** The second weight w₂ and input x₂ (used in plane mode: z = w·x + w₂·x₂ + b). */
  weight2: number;
  input2: number;
}

/**
 * @summary One sigmoid neuron σ(w·x + b): sliders for the weight, the bias and the input, the
 * curve with the current point, the formula with the numbers substituted, the output read as a
 * probability, and optionally the derivative σ′(z). With `mode="plane"` the neuron has two inputs:
 * sliders for w₁, w₂, b, x₁ and x₂, its output σ(w₁x₁ + w₂x₂ + b) shaded over the plane, the
 * decision line w₁x₁ + w₂x₂ + b = 0, the weight vector and the point (x₁, x₂).
 *
 * @event nn-change - The user moved a slider or toggled the derivative. `detail`:
 *   `{ mode, weight, weight2, bias, input, input2, z, output, derivative }` (see
 *   `SigmoidChangeDetail`). Bubbles and is composed. Not fired for changes made through
 *   attributes or properties.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart controls - The group of sliders and the derivative toggle.
 * @csspart slider - Each `<input type="range">` (weight, bias, input).
 * @csspart chart - The `<figure>` holding the chart and its live summary.
 * @csspart summary - The live text summary under the chart (`aria-live="polite"`).
 * @csspart formula - The box with the formulas and the plain-words reading.
 * @csspart hint - The note under the formulas: "almost a step" for a large weight, the decision
 *   line and its sharpness in plane mode.
 * @csspart table-button - The "Show data table" button.
 * @csspart table - The data table (present only while shown).
 *
 * @cssproperty --nn-color-fg - Text colour.
 * @cssproperty --nn-color-bg - Background of the widget.
 * @cssproperty --nn-color-surface - Background of the formula box and the current table row.
 * @cssproperty --nn-color-muted - Axes, guides and secondary text.
 * @cssproperty --nn-color-border - The widget's border and table rules.
 * @cssproperty --nn-color-accent - The curve, its point and the sliders.
 * @cssproperty --nn-color-accent-2 - The derivative curve and its marker.
 * @cssproperty --nn-color-class-1 - Plane mode: the shade where σ > 0.5 ("yes", orange).
 * @cssproperty --nn-color-class-0 - Plane mode: the shade where σ < 0.5 ("no", blue).
 * @cssproperty --nn-color-focus - The focus ring.
 * @cssproperty --nn-radius - Corner radius.
 * @cssproperty --nn-font - Text font.
 * @cssproperty --nn-font-mono - Font of the numbers in the formulas.
 */
export class NnSigmoidExplorer extends NnElement {
  static override styles = [tokens, classColors, styles];

  static override properties = {
    mode: enumAttribute(TAG, 'mode'),
    weight: numberAttribute(TAG, 'weight'),
    weight2: numberAttribute(TAG, 'weight2'),
    bias: numberAttribute(TAG, 'bias'),
    input: numberAttribute(TAG, 'input'),
    input2: numberAttribute(TAG, 'input2'),
    derivative: booleanAttribute(),
    _showTable: { state: true },
  };

  /**
   * "curve" (default): one input and the S-curve. "plane": two inputs, the output shaded over the
   * plane and the decision line. Reflected to the `mode` attribute.
   */
  declare mode: string;
  /** Plane mode: the second weight w₂, from −10 to 10. Default 1. */
  declare weight2: number;
  /** Plane mode: the second input x₂, from −6 to 6. Default 0. */
  declare input2: number;

  /** The weight w, from −10 to 10. Default 1. Reflected to the `weight` attribute. */
  declare weight: number;
  /** The bias b, from −10 to 10. Default 0. Reflected to the `bias` attribute. */
  declare bias: number;
  /** The input x of the marked point, from −6 to 6. Default 0. Reflected to the `input` attribute. */
  declare input: number;
  /** Whether to overlay the derivative σ′(w·x + b) and show its value (curve mode). Default false. */
  declare derivative: boolean;
  /** Whether the data table is revealed. */
  declare private _showTable: boolean;

  private readonly _size = new SizeController(this, {
    target: () => this.renderRoot.querySelector('figure'),
    redraw: () => this._draw(),
  });
  private readonly _darkQuery =
    typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  /** The plane's shading is painted with resolved colours: repaint when the scheme flips. */
  private readonly _onSchemeChange = (): void => this._draw();

  constructor() {
    super();
    this.mode = defaultOf<string>(TAG, 'mode');
    this.weight2 = defaultOf<number>(TAG, 'weight2');
    this.input2 = defaultOf<number>(TAG, 'input2');
    this.weight = defaultOf<number>(TAG, 'weight');
    this.bias = defaultOf<number>(TAG, 'bias');
    this.input = defaultOf<number>(TAG, 'input');
    this.derivative = defaultOf<boolean>(TAG, 'derivative');
    this._showTable = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._darkQuery?.addEventListener('change', this._onSchemeChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._darkQuery?.removeEventListener('change', this._onSchemeChange);
  }

  protected override updated(): void {
    this._draw();
  }

  /** Whether the neuron has two inputs (mode="plane"). */
  private get _plane(): boolean {
    return this.mode === 'plane';
  }

  /** The weighted sum z for the current mode. */
  private get _z(): number {
    const z = this.weight * this.input + this.bias;
    return this._plane ? z + this.weight2 * this.input2 : z;
  }

  private get _svg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  private _draw(): void {
    const svg = this._svg;
    // Drawn once the figure is measured (see SizeController), never by measuring in an update.
    if (!svg || !this._size.measured) return;
    const width = this._size.widthOr(600);
    if (this._plane) {
      const side = Math.min(width, 520);
      const style = getComputedStyle(this);
      const { min, max } = rangeOf('input');
      drawSigmoidPlane(
        svg,
        {
          w1: this.weight,
          w2: this.weight2,
          b: this.bias,
          x1: this.input,
          x2: this.input2,
          domain: [min, max],
          colors: {
            class0: style.getPropertyValue('--_class0').trim() || '#0072b2',
            class1: style.getPropertyValue('--_class1').trim() || '#c75c00',
          },
        },
        { width: side, height: side },
      );
      return;
    }
    const height = Math.round(Math.min(360, Math.max(240, width * 0.6)));
    const { min: xMin, max: xMax } = rangeOf('input');
    drawSigmoidChart(
      svg,
      {
        weight: this.weight,
        bias: this.bias,
        input: this.input,
        derivative: this.derivative,
        xMin,
        xMax,
      },
      { width, height },
    );
  }

  private _onSlider(name: Param, event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    if (!Number.isFinite(value)) return;
    this[name] = value;
    this._emitChange();
  }

  private _onToggleDerivative(event: Event): void {
    this.derivative = (event.target as HTMLInputElement).checked;
    this._emitChange();
  }

  private _emitChange(): void {
    const z = this._z;
    this.emit<SigmoidChangeDetail>('nn-change', {
      mode: this._plane ? 'plane' : 'curve',
      weight: this.weight,
      weight2: this.weight2,
      bias: this.bias,
      input: this.input,
      input2: this.input2,
      z,
      output: sigmoid(z),
      derivative: this.derivative,
    });
  }

  private _toggleTable(): void {
    this._showTable = !this._showTable;
  }

  override render(): TemplateResult {
    return this._plane ? this._renderPlane() : this._renderCurve();
  }

  private _renderCurve(): TemplateResult {
    const { weight: w, bias: b, input: x } = this;
    const z = w * x + b;
    const s = sigmoid(z);
    const { min: xMin, max: xMax } = rangeOf('input');

    return html`
      <div class="layout" part="base">
        <figure part="chart">
          <svg role="img" aria-label=${this._chartLabel(xMin, xMax)}></svg>
          <figcaption part="summary" aria-live="polite">${this._summary()}</figcaption>
        </figure>

        <div class="controls" part="controls">
          ${this._slider('weight', html`weight <var>w</var>`)}
          ${this._slider('bias', html`bias <var>b</var>`)}
          ${this._slider('input', html`input <var>x</var>`)}
          <label class="toggle">
            <input
              type="checkbox"
              .checked=${this.derivative}
              @change=${this._onToggleDerivative}
            />
            Show derivative σ′(z)
          </label>
        </div>

        <div class="formula" part="formula">
          <p class="eq">
            <span class="seg"><var>z</var> = <var>w</var>·<var>x</var> + <var>b</var></span>
            <span class="seg">= ${param(w)} · ${paren(param(x), x)} ${signed(b)}</span>
            <span class="seg"
              >= <strong class="num" data-value="z">${formatNumber(z, 2)}</strong></span
            >
          </p>
          <p class="eq">
            <span class="seg"
              >σ(<var>z</var>) = 1 / (1 + e<sup>−<var>z</var></sup
              >)</span
            >
            <span class="seg">= 1 / (1 + e<sup>${formatNumber(-z, 2)}</sup>)</span>
            <span class="seg"
              >= <strong class="num" data-value="output">${formatNumber(s, 3)}</strong></span
            >
          </p>
          ${
            this.derivative
              ? html`<p class="eq derivative">
                  <span class="seg">σ′(<var>z</var>) = σ(<var>z</var>)(1 − σ(<var>z</var>))</span>
                  <span class="seg">= ${formatNumber(s, 3)} · (1 − ${formatNumber(s, 3)})</span>
                  <span class="seg"
                    >=
                    <strong class="num" data-value="derivative"
                      >${formatNumber(sigmoidPrime(z), 3)}</strong
                    ></span
                  >
                </p>`
              : nothing
          }
          <p class="reading">${reading(s)}</p>
          ${this._stepHint()}
        </div>

        ${dataTableArea({ shown: this._showTable, onToggle: () => this._toggleTable(), table: () => this._table(xMin, xMax) })}
      </div>
    `;
  }

  private _renderPlane(): TemplateResult {
    const { weight: w1, weight2: w2, bias: b, input: x1, input2: x2 } = this;
    const z = this._z;
    const s = sigmoid(z);
    const norm = Math.hypot(w1, w2);
    return html`
      <div class="layout plane" part="base">
        <figure part="chart">
          <svg class="plane-map" role="img" aria-label=${this._planeLabel()}></svg>
          <figcaption part="summary" aria-live="polite">${this._planeSummary()}</figcaption>
        </figure>

        <div class="controls" part="controls">
          ${this._slider('weight', html`weight <var>w</var><sub>1</sub>`)}
          ${this._slider('weight2', html`weight <var>w</var><sub>2</sub>`)}
          ${this._slider('bias', html`bias <var>b</var>`)}
          ${this._slider('input', html`input <var>x</var><sub>1</sub>`)}
          ${this._slider('input2', html`input <var>x</var><sub>2</sub>`)}
        </div>

        <div class="formula" part="formula">
          <p class="eq">
            <span class="seg"
              ><var>z</var> = <var>w</var><sub>1</sub><var>x</var><sub>1</sub> + <var>w</var
              ><sub>2</sub><var>x</var><sub>2</sub> + <var>b</var></span
            >
            <span class="seg"
              >= ${param(w1)} · ${paren(param(x1), x1)} ${signedProduct(w2, x2)} ${signed(b)}</span
            >
            <span class="seg"
              >= <strong class="num" data-value="z">${formatNumber(z, 2)}</strong></span
            >
          </p>
          <p class="eq">
            <span class="seg"
              >σ(<var>z</var>) = 1 / (1 + e<sup>−<var>z</var></sup
              >)</span
            >
            <span class="seg">= 1 / (1 + e<sup>${formatNumber(-z, 2)}</sup>)</span>
            <span class="seg"
              >= <strong class="num" data-value="output">${formatNumber(s, 3)}</strong></span
            >
          </p>
          <p class="reading">${reading(s)}</p>
          <p class="hint" part="hint">
            ${
              norm === 0
                ? html`With <var>w</var><sub>1</sub> = <var>w</var><sub>2</sub> = 0 there is no
                    decision line: the inputs are ignored and every point gets σ(<var>b</var>) =
                    ${formatNumber(sigmoid(b), 3)}.`
                : html`Decision line: <span class="nowrap">${lineEquation(w1, w2, b)}</span>. The
                    point is on its ${sideWords(z)}. Across the line σ goes from 0.05 to 0.95 within
                    a band ${formatNumber(RISE / norm, 2)} wide (5.89 / |<var>w</var>|, with
                    |<var>w</var>| = √(<var>w</var><sub>1</sub>² + <var>w</var><sub>2</sub>²) =
                    ${formatNumber(norm, 2)}): the larger the weights, the sharper the edge.`
            }
          </p>
        </div>

        ${dataTableArea({ shown: this._showTable, onToggle: () => this._toggleTable(), table: () => this._planeTable() })}
      </div>
    `;
  }

  /** Plane mode: the map's accessible name. */
  private _planeLabel(): string {
    const { min, max } = rangeOf('input');
    return (
      `Map of the plane, x₁ and x₂ from ${param(min)} to ${param(max)}, shaded by the neuron's ` +
      `output σ(w₁x₁ + w₂x₂ + b): orange where it is above 0.5 (“yes”), blue where it is below, ` +
      `with the decision line w₁x₁ + w₂x₂ + b = 0, an arrow for the weights (w₁, w₂), and the ` +
      `point (x₁, x₂) = (${param(this.input)}, ${param(this.input2)}) marked`
    );
  }

  /** Plane mode: the live summary. */
  private _planeSummary(): string {
    const { weight: w1, weight2: w2, bias: b, input: x1, input2: x2 } = this;
    const z = this._z;
    const s = sigmoid(z);
    const here =
      `At (x₁, x₂) = (${param(x1)}, ${param(x2)}), z = ${formatNumber(z, 2)} and ` +
      `σ(z) = ${formatNumber(s, 3)}.`;
    if (w1 === 0 && w2 === 0) {
      return `${here} With w₁ = w₂ = 0 there is no decision line: every point gets σ(b) = ${formatNumber(s, 3)}.`;
    }
    // The line w₁x₁ + w₂x₂ + b = 0 solved for x₂ (or for x₁ when it is vertical).
    const line =
      w2 !== 0
        ? `the line x₂ = ${formatNumber(-w1 / w2, 2)}·x₁ ${signedNumber(-b / w2)}`
        : `the vertical line x₁ = ${formatNumber(-b / w1, 2)}`;
    const side =
      Math.abs(z) < 0.005
        ? 'The point is on the decision line.'
        : `The point is on the ${z > 0 ? '“yes” side (z > 0)' : '“no” side (z < 0)'}.`;
    return `${here} The decision line is ${line}. ${side}`;
  }

  /** Plane mode's table: σ on a 5 × 5 grid, x₂ down the rows (top = largest, as on the map). */
  private _planeTable(): TemplateResult {
    const { min, max } = rangeOf('input');
    const ticks = Array.from(
      { length: PLANE_TABLE_POINTS },
      (_, i) => min + ((max - min) * i) / (PLANE_TABLE_POINTS - 1),
    );
    const { weight: w1, weight2: w2, bias: b } = this;
    return html`
      <table part="table">
        <caption id="data-table-caption">
          σ(<var>w</var
          ><sub>1</sub
          ><var>x</var
          ><sub>1</sub>
          +
          <var>w</var
          ><sub>2</sub
          ><var>x</var
          ><sub>2</sub>
          +
          <var>b</var
          >) with
          <var>w</var
          ><sub>1</sub>
          = ${param(w1)},
          <var>w</var
          ><sub>2</sub>
          = ${param(w2)},
          <var>b</var>
          = ${param(b)}:
          <var>x</var
          ><sub>1</sub>
          across,
          <var>x</var
          ><sub>2</sub>
          down
        </caption>
        <thead>
          <tr>
            <th scope="col">x₂ \\ x₁</th>
            ${ticks.map((t) => html`<th scope="col">${param(t)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${[...ticks].reverse().map(
            (t2) => html`
              <tr>
                <th scope="row">${param(t2)}</th>
                ${ticks.map(
                  (t1) => html`<td>${formatNumber(sigmoid(w1 * t1 + w2 * t2 + b), 3)}</td>`,
                )}
              </tr>
            `,
          )}
        </tbody>
      </table>
    `;
  }

  private _slider(name: Param, label: TemplateResult): TemplateResult {
    const { min, max } = rangeOf(
      name === 'weight2' ? 'weight' : name === 'input2' ? 'input' : name,
    );
    const value = this[name];
    return sliderRow({
      id: name,
      label,
      value,
      shown: param(value),
      spoken: spoken(value),
      min,
      max,
      step: STEP,
      onInput: (e) => this._onSlider(name, e),
      valueId: `${name}-value`,
    });
  }

  /** The chart's accessible name: what is drawn (the numbers are in the live summary). */
  private _chartLabel(xMin: number, xMax: number): string {
    const derivative = this.derivative ? ', and the derivative σ′(w·x + b) dashed' : '';
    return (
      `Graph of the output σ(w·x + b) against the input x from ${param(xMin)} to ` +
      `${param(xMax)}, with the point at x = ${param(this.input)} marked${derivative}`
    );
  }

  /** The live summary: where we are on the curve, and what the curve looks like. */
  private _summary(): string {
    const { weight: w, bias: b, input: x } = this;
    const z = w * x + b;
    const s = sigmoid(z);
    const here = `At x = ${param(x)}, z = ${formatNumber(z, 2)} and σ(z) = ${formatNumber(s, 3)}.`;
    if (w === 0) {
      return `${here} With w = 0 the curve is flat: every input gives σ(b) = ${formatNumber(s, 3)}.`;
    }
    const { min: xMin, max: xMax } = rangeOf('input');
    const direction = w > 0 ? 'rises' : 'falls';
    const manner = Math.abs(w) >= 3 ? ' steeply' : Math.abs(w) <= 0.5 ? ' gently' : '';
    // σ(w·x + b) = 0.5 exactly where w·x + b = 0, i.e. at x = −b/w.
    const crossing = -b / w;
    const shape =
      crossing >= xMin && crossing <= xMax
        ? `The curve ${direction}${manner} and crosses 0.5 at x = ${formatNumber(crossing, 2)}.`
        : `The curve ${direction}${manner} and stays ${
            sigmoid(w * ((xMin + xMax) / 2) + b) > 0.5 ? 'above' : 'below'
          } 0.5 over the range shown.`;
    // σ′(z) < 0.01 means |z| > ~4.6: the neuron is saturated and its gradient almost vanishes.
    const saturated =
      sigmoidPrime(z) < 0.01 ? ' Here the neuron is saturated: the curve is almost flat.' : '';
    const step = Math.abs(w) >= STEP_WEIGHT ? ' It is almost a step.' : '';
    return `${here} ${shape}${step}${saturated}`;
  }

  /** For a large |w|: the curve is almost a step, and how narrow its rise is. */
  private _stepHint(): TemplateResult | typeof nothing {
    const { weight: w, bias: b } = this;
    if (Math.abs(w) < STEP_WEIGHT) return nothing;
    const [from, to] = w > 0 ? ['0.05', '0.95'] : ['0.95', '0.05'];
    return html`<p class="hint" part="hint">
      With <var>w</var> = ${param(w)} the curve is almost a step: σ goes from ${from} to ${to} while
      <var>x</var> moves only ${formatNumber(RISE / Math.abs(w), 2)} (that is 5.89 /
      |<var>w</var>|), around <var>x</var> = −<var>b</var>/<var>w</var> =
      ${formatNumber(-b / w, 2)}. The larger |<var>w</var>|, the sharper the step.
    </p>`;
  }

  private _table(xMin: number, xMax: number): TemplateResult {
    const { weight: w, bias: b } = this;
    const rows = Array.from({ length: TABLE_POINTS }, (_, i) => {
      const x = xMin + ((xMax - xMin) * i) / (TABLE_POINTS - 1);
      const z = w * x + b;
      return { x, z, s: sigmoid(z), ds: sigmoidPrime(z) };
    });
    return html`
      <table part="table">
        <caption id="data-table-caption">
          σ(<var>z</var>) at ${TABLE_POINTS} inputs
          <var>x</var
          >, where
          <var>z</var>
          =
          <var>w</var
          >·<var>x</var>
          +
          <var>b</var>
          with
          <var>w</var>
          = ${param(w)} and
          <var>b</var>
          = ${param(b)}
        </caption>
        <thead>
          <tr>
            <th scope="col">x</th>
            <th scope="col">z</th>
            <th scope="col">σ(z)</th>
            ${this.derivative ? html`<th scope="col">σ′(z)</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`
              <tr class=${Math.abs(r.x - this.input) < 1e-9 ? 'current' : ''}>
                <th scope="row">${param(r.x)}</th>
                <td>${formatNumber(r.z, 2)}</td>
                <td>${formatNumber(r.s, 3)}</td>
                ${this.derivative ? html`<td>${formatNumber(r.ds, 3)}</td>` : nothing}
              </tr>
            `,
          )}
        </tbody>
      </table>
    `;
  }
}

/** A slider value: one decimal (the slider's step), two if an attribute set a finer value. */
function param(v: number): string {
  const onGrid = Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;
  return formatNumber(v, onGrid ? 1 : 2);
}

/** Wrap a negative factor in parentheses: 2.0 · (−0.5), not 2.0 · −0.5. */
function paren(text: string, v: number): string {
  return v < 0 && text !== '0.0' ? `(${text})` : text;
}

/** "+ 1.0" or "− 1.0": the bias term written as a sum. */
function signed(v: number): string {
  const text = param(Math.abs(v));
  return v < 0 && text !== '0.0' ? `− ${text}` : `+ ${text}`;
}

/** "+ 1.0 · 0.5" or "− 1.0 · (−0.5)": the second product of the weighted sum, written as a sum. */
function signedProduct(w: number, x: number): string {
  const wText = param(Math.abs(w));
  const sign = w < 0 && wText !== '0.0' ? '−' : '+';
  return `${sign} ${wText} · ${paren(param(x), x)}`;
}

/** "+ 1.50" or "− 1.50", for a computed number (two decimals). */
function signedNumber(v: number): string {
  const text = formatNumber(Math.abs(v), 2);
  return v < 0 && text !== '0.00' ? `− ${text}` : `+ ${text}`;
}

/** The decision line with its numbers: "2.0·x₁ − 1.0·x₂ + 0.5 = 0". */
function lineEquation(w1: number, w2: number, b: number): TemplateResult {
  const w2Text = param(Math.abs(w2));
  const w2Sign = w2 < 0 && w2Text !== '0.0' ? '−' : '+';
  return html`${param(w1)}·<var>x</var><sub>1</sub> ${w2Sign} ${w2Text}·<var>x</var
    ><sub>2</sub> ${signed(b)} = 0`;
}

/** Which side of the decision line z puts the point on, in words. */
function sideWords(z: number): TemplateResult {
  if (Math.abs(z) < 0.005) return html`line itself (z = 0, σ = 0.5)`;
  return z > 0
    ? html`<strong>“yes” side</strong> (z &gt; 0, where σ &gt; 0.5)`
    : html`<strong>“no” side</strong> (z &lt; 0, where σ &lt; 0.5)`;
}

/** Slider value for screen readers: the word "minus", which every reader speaks. */
function spoken(v: number): string {
  const text = param(Math.abs(v));
  return v < 0 && text !== '0.0' ? `minus ${text}` : text;
}

/** The output read as a probability, in plain words. */
function reading(p: number): TemplateResult {
  // A sigmoid never reaches 0 or 1: say "more than 99%" rather than round to a false 100%.
  if (p >= 0.995) {
    return html`Read as a probability: the neuron is <strong>more than 99%</strong> sure the answer
      is “yes”.`;
  }
  if (p <= 0.005) {
    return html`Read as a probability: the neuron is <strong>less than 1%</strong> sure the answer
      is “yes” — it is almost certain the answer is “no”.`;
  }
  if (Math.abs(p - 0.5) < 0.005) {
    return html`Read as a probability: the neuron is <strong>50%</strong> sure — it cannot decide
      between “yes” and “no”.`;
  }
  return html`Read as a probability: the neuron is <strong>${formatPercent(p)}</strong> sure the
    answer is “yes”.`;
}
