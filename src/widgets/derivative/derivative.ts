import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { drawDerivativeChart } from '../../charts/derivative-chart';
import { sigmoid, sigmoidPrime } from '../../math/activations';
import { centralDifference, secantSlope } from '../../math/derivative';
import { formatNumber } from '../../math/format';
import { FUNCTIONS, functionById } from '../../math/functions';
import type { FunctionId, RealFunction } from '../../math/functions';
import { widgetDoc } from '../catalog';
import { NnElement, defaultOf, enumAttribute, numberAttribute } from '../shared/base';
import { sliderRow } from '../shared/slider';
import { dataTableArea } from '../shared/data-table';
import { SizeController } from '../shared/size';
import { tokens } from '../shared/tokens';
import { styles } from './styles';

const TAG = 'nn-derivative';

export type DerivativeMode = 'slope' | 'chain';
/** The variable of σ(w·x + b) that the chain-rule derivative is taken with respect to. */
export type ChainVariable = 'x' | 'w' | 'b';

/** Slider step for x₀, w and b. */
const STEP = 0.1;
/** The h slider's stops, 1-2-5 on a log scale from 1 down to 0.001 (left to right). */
const H_STOPS = [1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001] as const;
const H_MIN = 0.001;
/** The h values in the data table: each a tenth of the last, so the error's order shows. */
const H_TABLE = [1, 0.1, 0.01, 0.001] as const;
/** The step of the numerical check in chain mode: small enough to agree to ~7 decimals. */
const CHECK_H = 0.001;
/** How long "Shrink h" takes to go from h = 1 to h = 0.001. */
const SHRINK_MS = 3000;
/** Slope mode plots x from −3 to 3: x₀ ∈ [−2, 2] and x₀ + h ≤ 3 always fit. */
const SLOPE_WINDOW = [-3, 3] as const;
/** Rows in chain mode's data table. */
const CHAIN_TABLE_POINTS = 9;

type Slider = 'x0' | 'weight' | 'bias';

function rangeOf(name: Slider | 'h'): { min: number; max: number } {
  const doc = widgetDoc(TAG)?.attributes.find((a) => a.name === name);
  return { min: doc?.min ?? -2, max: doc?.max ?? 2 };
}

/** The `detail` of the `nn-change` event. */
export interface DerivativeChangeDetail {
  mode: DerivativeMode;
  fn: FunctionId;
  x0: number;
  h: number;
  weight: number;
  bias: number;
  wrt: ChainVariable;
  /**
   * The exact slope at the point: f′(x₀) in slope mode; in chain mode the chain-rule product
   * da/dz · ∂z/∂v for the variable v named by `wrt`.
   */
  exact: number;
  /** The secant slope with step h (slope mode) of the function drawn. */
  secant: number;
  /** The central difference with step h (slope mode) or 0.001 (chain mode, the numeric check). */
  central: number;
}

/** What is plotted and differentiated: f(v) with its exact derivative, and how it is named. */
interface Subject {
  f: (v: number) => number;
  df: (v: number) => number;
  /** The variable's current value and the plotted window. */
  v: number;
  vMin: number;
  vMax: number;
}

/**
 * @summary The derivative as a limit. In slope mode: a function f (x², x³, sin x, σ(x), eˣ), a
 * point x₀ and a step h; the secant through (x₀, f(x₀)) and (x₀ + h, f(x₀ + h)) shrinks onto the
 * tangent as h → 0, and a table compares the secant slope, the central difference and the exact
 * derivative, with their errors. In chain mode: σ(w·x + b), with each factor of the chain rule
 * written out with numbers and checked numerically.
 *
 * @event nn-change - The user changed the function, a slider, the variable, or h by the
 *   "Shrink h" animation (fired once, when it ends or is stopped). `detail`: see
 *   `DerivativeChangeDetail`. Bubbles and is composed. Not fired for attribute or property changes.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart controls - The group of controls.
 * @csspart slider - Each `<input type="range">`.
 * @csspart shrink-button - The "Shrink h" / "Stop" button.
 * @csspart chart - The `<figure>` holding the chart and its live summary.
 * @csspart summary - The live text summary under the chart (`aria-live="polite"`).
 * @csspart formula - The box with the formulas, numbers substituted.
 * @csspart slopes - The table comparing the slopes (slope mode).
 * @csspart table-button - The "Show data table" button.
 * @csspart table - The data table (present only while shown).
 *
 * @cssproperty --nn-color-fg - Text colour and the curve.
 * @cssproperty --nn-color-bg - Background of the widget.
 * @cssproperty --nn-color-surface - Background of the formula box and the choice buttons.
 * @cssproperty --nn-color-muted - Axes, the run of the secant and secondary text.
 * @cssproperty --nn-color-border - The widget's border and table rules.
 * @cssproperty --nn-color-accent - The tangent, its point and the sliders.
 * @cssproperty --nn-color-accent-2 - The secant and its second point.
 * @cssproperty --nn-color-success - The numeric check's tick.
 * @cssproperty --nn-color-focus - The focus ring.
 * @cssproperty --nn-radius - Corner radius.
 * @cssproperty --nn-font - Text font.
 * @cssproperty --nn-font-mono - Font of the numbers in the formulas.
 */
export class NnDerivative extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    mode: enumAttribute(TAG, 'mode'),
    fn: enumAttribute(TAG, 'fn'),
    x0: numberAttribute(TAG, 'x0'),
    h: numberAttribute(TAG, 'h'),
    weight: numberAttribute(TAG, 'weight'),
    bias: numberAttribute(TAG, 'bias'),
    wrt: enumAttribute(TAG, 'wrt'),
    _showTable: { state: true },
    _animating: { state: true },
  };

  /** `slope` (secant → tangent) or `chain` (the chain rule for σ(w·x + b)). Default `slope`. */
  declare mode: DerivativeMode;
  /** The function in slope mode: `square`, `cube`, `sin`, `sigmoid` or `exp`. Default `square`. */
  declare fn: FunctionId;
  /** The point x₀, from −2 to 2 (the input x in chain mode). Default 1. */
  declare x0: number;
  /** The secant's step h, from 0.001 to 1. Default 1. */
  declare h: number;
  /** The weight w of σ(w·x + b) in chain mode, from −5 to 5. Default 2. */
  declare weight: number;
  /** The bias b of σ(w·x + b) in chain mode, from −5 to 5. Default −1. */
  declare bias: number;
  /** In chain mode, differentiate with respect to `x`, `w` or `b`. Default `x`. */
  declare wrt: ChainVariable;
  declare private _showTable: boolean;
  declare private _animating: boolean;

  private readonly _size = new SizeController(this, {
    target: () => this.renderRoot.querySelector('figure'),
    redraw: () => this._draw(),
  });
  private _animationFrame = 0;

  constructor() {
    super();
    this.mode = defaultOf<DerivativeMode>(TAG, 'mode');
    this.fn = defaultOf<FunctionId>(TAG, 'fn');
    this.x0 = defaultOf<number>(TAG, 'x0');
    this.h = defaultOf<number>(TAG, 'h');
    this.weight = defaultOf<number>(TAG, 'weight');
    this.bias = defaultOf<number>(TAG, 'bias');
    this.wrt = defaultOf<ChainVariable>(TAG, 'wrt');
    this._showTable = false;
    this._animating = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stopAnimation(false);
  }

  protected override updated(_changed: PropertyValues): void {
    this._draw();
  }

  private get _fn(): RealFunction {
    // `fn` is validated by its converter; a property set from script may still be anything.
    return functionById(this.fn) ?? FUNCTIONS[0]!;
  }

  /** What is plotted: f itself in slope mode; in chain mode a = σ(w·x + b) as a function of v. */
  private _subject(): Subject {
    if (this.mode === 'slope') {
      const fn = this._fn;
      return { f: fn.f, df: fn.df, v: this.x0, vMin: SLOPE_WINDOW[0], vMax: SLOPE_WINDOW[1] };
    }
    const { weight: w, bias: b, x0: x } = this;
    // a(v) = σ(z(v)); the chain rule: da/dv = σ′(z) · ∂z/∂v, with ∂z/∂x = w, ∂z/∂w = x, ∂z/∂b = 1.
    switch (this.wrt) {
      case 'w':
        return {
          f: (v) => sigmoid(v * x + b),
          df: (v) => sigmoidPrime(v * x + b) * x,
          v: w,
          ...windowOf('weight'),
        };
      case 'b':
        return {
          f: (v) => sigmoid(w * x + v),
          df: (v) => sigmoidPrime(w * x + v),
          v: b,
          ...windowOf('bias'),
        };
      default:
        return {
          f: (v) => sigmoid(w * v + b),
          df: (v) => sigmoidPrime(w * v + b) * w,
          v: x,
          ...windowOf('x0'),
        };
    }
  }

  private get _svg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  private _draw(): void {
    const svg = this._svg;
    // Drawn once the figure is measured (see SizeController), never by measuring in an update.
    if (!svg || !this._size.measured) return;
    const width = this._size.widthOr(600);
    const height = Math.round(Math.min(380, Math.max(260, width * 0.65)));
    const s = this._subject();
    const slope = this.mode === 'slope';
    drawDerivativeChart(
      svg,
      {
        f: s.f,
        xMin: s.vMin,
        xMax: s.vMax,
        ...(slope ? {} : { yDomain: [-0.05, 1.05] as const }),
        x0: s.v,
        slope: s.df(s.v),
        h: slope ? this.h : null,
        curveLabel: slope ? `f(x) = ${this._fn.label}` : 'a = σ(w·x + b)',
        xLabel: slope ? 'x' : VARIABLE_NAMES[this.wrt],
        yLabel: slope ? 'f(x)' : 'output a',
      },
      { width, height },
    );
  }

  // ---- user input ------------------------------------------------------------------------

  private _onFn(event: Event): void {
    this.fn = (event.target as HTMLInputElement).value as FunctionId;
    this._emitChange();
  }

  private _onWrt(event: Event): void {
    this.wrt = (event.target as HTMLInputElement).value as ChainVariable;
    this._emitChange();
  }

  private _onSlider(name: Slider, event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    if (!Number.isFinite(value)) return;
    this[name] = value;
    this._emitChange();
  }

  private _onH(event: Event): void {
    const index = Number((event.target as HTMLInputElement).value);
    const h = H_STOPS[index];
    if (h === undefined) return;
    this._stopAnimation(false);
    this.h = h;
    this._emitChange();
  }

  private _onShrink(): void {
    if (this._animating) {
      this._stopAnimation(true);
      return;
    }
    // Start from the largest h when already at the smallest: the button always shows something.
    const from = this.h <= H_MIN * 1.0001 ? 1 : this.h;
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
      // No motion: jump to the end; the table and the data table still show the way there.
      this.h = H_MIN;
      this._emitChange();
      return;
    }
    this.h = from;
    this._animating = true;
    // Log-linear in time: h = from · (0.001 / from)^t, so each decade of h takes as long.
    const duration = (SHRINK_MS * Math.log10(from / H_MIN)) / 3;
    const start = performance.now();
    const tick = (now: number): void => {
      const t = Math.min(1, (now - start) / duration);
      // Rounded to 4 significant digits: the attribute stays readable while it moves.
      this.h = t >= 1 ? H_MIN : Number((from * Math.pow(H_MIN / from, t)).toPrecision(4));
      if (t >= 1) this._stopAnimation(true);
      else this._animationFrame = requestAnimationFrame(tick);
    };
    this._animationFrame = requestAnimationFrame(tick);
  }

  private _stopAnimation(emit: boolean): void {
    cancelAnimationFrame(this._animationFrame);
    if (!this._animating) return;
    this._animating = false;
    if (emit) this._emitChange();
  }

  private _emitChange(): void {
    const s = this._subject();
    const slope = this.mode === 'slope';
    this.emit<DerivativeChangeDetail>('nn-change', {
      mode: this.mode,
      fn: this._fn.id,
      x0: this.x0,
      h: this.h,
      weight: this.weight,
      bias: this.bias,
      wrt: this.wrt,
      exact: s.df(s.v),
      secant: secantSlope(s.f, s.v, slope ? this.h : CHECK_H),
      central: centralDifference(s.f, s.v, slope ? this.h : CHECK_H),
    });
  }

  private _toggleTable(): void {
    this._showTable = !this._showTable;
  }

  // ---- rendering -------------------------------------------------------------------------

  override render(): TemplateResult {
    const slope = this.mode === 'slope';
    return html`
      <div class="layout" part="base">
        <figure part="chart">
          <svg role="img" aria-label=${this._chartLabel()}></svg>
          <figcaption part="summary" aria-live="polite">${this._summary()}</figcaption>
        </figure>

        <div class="controls" part="controls">
          ${slope ? this._slopeControls() : this._chainControls()}
        </div>

        <div class="formula" part="formula">
          ${slope ? this._slopeFormula() : this._chainFormula()}
        </div>

        ${slope ? this._slopesTable() : nothing}
        ${dataTableArea({ shown: this._showTable, onToggle: () => this._toggleTable(), table: () => (slope ? this._hTable() : this._chainTable()) })}
      </div>
    `;
  }

  private _slopeControls(): TemplateResult {
    const index = nearestStop(this.h);
    const { min: hMin, max: hMax } = rangeOf('h');
    return html`
      <fieldset class="choices">
        <legend>Function <var>f</var>(<var>x</var>)</legend>
        ${FUNCTIONS.map(
          (fn) => html`
            <label class="choice">
              <input
                type="radio"
                name="fn"
                value=${fn.id}
                aria-label=${fn.spoken}
                .checked=${this.fn === fn.id}
                @change=${this._onFn}
              />
              <span aria-hidden="true">${fn.label}</span>
            </label>
          `,
        )}
      </fieldset>
      ${this._slider('x0', html`point <var>x</var>₀`)}
      <div class="control">
        <label for="h">step <var>h</var></label>
        <span class="value num">${formatStep(this.h)}</span>
        <input
          id="h"
          part="slider"
          type="range"
          min="0"
          max=${H_STOPS.length - 1}
          step="1"
          aria-valuetext=${`h = ${formatStep(this.h)}`}
          aria-describedby="h-scale"
          .value=${String(index)}
          @input=${this._onH}
        />
        <span class="scale" id="h-scale">
          <span>${formatStep(hMax)} (large)</span>
          <span>${formatStep(hMin)} (small)</span>
        </span>
      </div>
      <button
        type="button"
        class="primary"
        part="shrink-button"
        aria-pressed=${this._animating ? 'true' : 'false'}
        @click=${this._onShrink}
      >
        ${this._animating ? 'Stop' : 'Shrink h'}
      </button>
    `;
  }

  private _chainControls(): TemplateResult {
    return html`
      ${this._slider('weight', html`weight <var>w</var>`)}
      ${this._slider('bias', html`bias <var>b</var>`)}
      ${this._slider('x0', html`input <var>x</var>`)}
      <fieldset class="choices">
        <legend>Slope with respect to</legend>
        ${(['x', 'w', 'b'] as const).map(
          (v) => html`
            <label class="choice">
              <input
                type="radio"
                name="wrt"
                value=${v}
                aria-label=${VARIABLE_NAMES[v]}
                .checked=${this.wrt === v}
                @change=${this._onWrt}
              />
              <span aria-hidden="true"><var>${v}</var></span>
            </label>
          `,
        )}
      </fieldset>
    `;
  }

  private _slider(name: Slider, label: TemplateResult): TemplateResult {
    const { min, max } = rangeOf(name);
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
    });
  }

  private _slopeFormula(): TemplateResult {
    const fn = this._fn;
    const { x0, h } = this;
    const x1 = x0 + h;
    const y0 = fn.f(x0);
    const y1 = fn.f(x1);
    const hText = formatStep(h);
    return html`
      <p class="eq">
        <span class="seg"><var>f</var>(<var>x</var>) = ${fn.label},</span>
        <span class="seg"><var>x</var>₀ = ${param(x0)},</span>
        <span class="seg"><var>h</var> = ${hText}</span>
      </p>
      <p class="eq">
        <span class="seg">secant slope</span>
        <span class="seg"
          >= (<var>f</var>(<var>x</var>₀+<var>h</var>) − <var>f</var>(<var>x</var>₀)) /
          <var>h</var></span
        >
        <span class="seg"
          >= (<var>f</var>(${formatNumber(x1, digitsOf(x1))}) − <var>f</var>(${param(x0)})) /
          ${hText}</span
        >
        <span class="seg"
          >= (${formatNumber(y1, 4)} − ${paren(formatNumber(y0, 4), y0)}) / ${hText}</span
        >
        <span class="seg"
          >=
          <strong class="num" data-value="secant"
            >${formatNumber(secantSlope(fn.f, x0, h), 4)}</strong
          ></span
        >
      </p>
      <p class="eq tangent">
        <span class="seg">tangent slope</span>
        <span class="seg"><var>f</var>′(<var>x</var>) = ${fn.dfLabel}, so</span>
        <span class="seg"><var>f</var>′(${param(x0)}) = ${fn.dfAt(param(x0))}</span>
        <span class="seg"
          >= <strong class="num" data-value="exact">${formatNumber(fn.df(x0), 4)}</strong></span
        >
      </p>
    `;
  }

  private _slopesTable(): TemplateResult {
    const fn = this._fn;
    const { x0, h } = this;
    const exact = fn.df(x0);
    const secant = secantSlope(fn.f, x0, h);
    const central = centralDifference(fn.f, x0, h);
    return html`
      <div class="slopes-wrap">
        <table part="slopes" class="slopes">
          <caption>
            Slopes of ${fn.label} at
            <var>x</var
            >₀ = ${param(x0)} with
            <var>h</var>
            = ${formatStep(h)}
          </caption>
          <thead>
            <tr>
              <th scope="col">method</th>
              <th scope="col">slope</th>
              <th scope="col">error</th>
            </tr>
          </thead>
          <tbody>
            <tr data-row="secant">
              <th scope="row">
                secant<br /><span class="how"
                  >(<var>f</var>(<var>x</var>₀+<var>h</var>) − <var>f</var>(<var>x</var>₀)) /
                  <var>h</var></span
                >
              </th>
              <td>${formatNumber(secant, 6)}</td>
              <td>${formatError(secant - exact)}</td>
            </tr>
            <tr data-row="central">
              <th scope="row">
                central<br /><span class="how"
                  >(<var>f</var>(<var>x</var>₀+<var>h</var>) −
                  <var>f</var>(<var>x</var>₀−<var>h</var>)) / 2<var>h</var></span
                >
              </th>
              <td>${formatNumber(central, 6)}</td>
              <td>${formatError(central - exact)}</td>
            </tr>
            <tr data-row="exact">
              <th scope="row">
                exact<br /><span class="how"><var>f</var>′(<var>x</var>₀)</span>
              </th>
              <td>${formatNumber(exact, 6)}</td>
              <td>—</td>
            </tr>
          </tbody>
        </table>
      </div>
    `;
  }

  private _chainFormula(): TemplateResult {
    const { weight: w, bias: b, x0: x, wrt } = this;
    const z = w * x + b;
    const a = sigmoid(z);
    const dadz = sigmoidPrime(z);
    const dzdv = wrt === 'x' ? w : wrt === 'w' ? x : 1;
    const product = dadz * dzdv;
    const s = this._subject();
    const numeric = centralDifference(s.f, s.v, CHECK_H);
    const agree = Math.abs(numeric - product) < 1e-4;
    const dzdvWhy = wrt === 'x' ? html`<var>w</var>` : html`<var>x</var>`;
    const v = html`<var>${wrt}</var>`;
    return html`
      <p class="eq">
        <span class="seg"><var>z</var> = <var>w</var>·<var>x</var> + <var>b</var></span>
        <span class="seg">= ${param(w)} · ${paren(param(x), x)} ${signed(b)}</span>
        <span class="seg">= ${formatNumber(z, 2)},</span>
        <span class="seg"
          ><var>a</var> = σ(<var>z</var>) =
          <strong class="num" data-value="a">${formatNumber(a, 4)}</strong></span
        >
      </p>
      <p class="eq factor">
        <span class="seg"
          >∂<var>z</var>/∂${v} =
          ${
            wrt === 'b'
              ? html`<strong class="num" data-value="dz">1</strong>`
              : html`${dzdvWhy} = <strong class="num" data-value="dz">${param(dzdv)}</strong>`
          }</span
        >
      </p>
      <p class="eq factor">
        <span class="seg">d<var>a</var>/d<var>z</var> = σ(<var>z</var>)(1 − σ(<var>z</var>))</span>
        <span class="seg">= ${formatNumber(a, 4)} · (1 − ${formatNumber(a, 4)})</span>
        <span class="seg"
          >= <strong class="num" data-value="da">${formatNumber(dadz, 4)}</strong></span
        >
      </p>
      <p class="eq product">
        <span class="seg"
          >∂<var>a</var>/∂${v} = d<var>a</var>/d<var>z</var> · ∂<var>z</var>/∂${v}</span
        >
        <span class="seg">= ${formatNumber(dadz, 4)} · ${dzText(wrt, dzdv)}</span>
        <span class="seg"
          >= <strong class="num" data-value="product">${formatNumber(product, 4)}</strong></span
        >
      </p>
      <p class="eq check">
        <span class="seg">numeric check</span>
        <span class="seg"
          >(<var>a</var>(${v}+<var>h</var>) − <var>a</var>(${v}−<var>h</var>)) / 2<var>h</var></span
        >
        <span class="seg">with <var>h</var> = ${formatStep(CHECK_H)}</span>
        <span class="seg"
          >=
          <strong class="num" data-value="numeric">${formatNumber(numeric, 4)}</strong>
          ${agree ? html`<span class="ok">✓ agrees</span>` : nothing}</span
        >
      </p>
      <p class="reading">
        ${chainReading(wrt, product)} The other two of <var>x</var>, <var>w</var>, <var>b</var> are
        held fixed: that is what the curly ∂ says.
      </p>
    `;
  }

  /** Data table (slope mode): the slopes for h = 1, 0.1, 0.01, 0.001 and the current h. */
  private _hTable(): TemplateResult {
    const fn = this._fn;
    const x0 = this.x0;
    const exact = fn.df(x0);
    const hs = [...new Set<number>([...H_TABLE, this.h])].sort((p, q) => q - p);
    return html`
      <table part="table">
        <caption id="data-table-caption">
          Secant and central slopes of ${fn.label} at
          <var>x</var
          >₀ = ${param(x0)} as
          <var>h</var>
          shrinks; the exact slope is ${formatNumber(exact, 6)}
        </caption>
        <thead>
          <tr>
            <th scope="col">h</th>
            <th scope="col">secant</th>
            <th scope="col">its error</th>
            <th scope="col">central</th>
            <th scope="col">its error</th>
          </tr>
        </thead>
        <tbody>
          ${hs.map((h) => {
            const secant = secantSlope(fn.f, x0, h);
            const central = centralDifference(fn.f, x0, h);
            return html`
              <tr class=${h === this.h ? 'current' : ''}>
                <th scope="row">${formatStep(h)}</th>
                <td>${formatNumber(secant, 6)}</td>
                <td>${formatError(secant - exact)}</td>
                <td>${formatNumber(central, 6)}</td>
                <td>${formatError(central - exact)}</td>
              </tr>
            `;
          })}
        </tbody>
      </table>
    `;
  }

  /** Data table (chain mode): the output and its slope along the chosen variable. */
  private _chainTable(): TemplateResult {
    const s = this._subject();
    const { weight: w, bias: b, x0: x, wrt } = this;
    const { min, max } = rangeOf(wrt === 'x' ? 'x0' : wrt === 'w' ? 'weight' : 'bias');
    const rows = Array.from({ length: CHAIN_TABLE_POINTS }, (_, i) => {
      const v = min + ((max - min) * i) / (CHAIN_TABLE_POINTS - 1);
      const z = wrt === 'x' ? w * v + b : wrt === 'w' ? v * x + b : w * x + v;
      return { v, z, a: s.f(v), slope: s.df(v) };
    });
    const fixed =
      wrt === 'x'
        ? html`<var>w</var> = ${param(w)}, <var>b</var> = ${param(b)}`
        : wrt === 'w'
          ? html`<var>x</var> = ${param(x)}, <var>b</var> = ${param(b)}`
          : html`<var>w</var> = ${param(w)}, <var>x</var> = ${param(x)}`;
    return html`
      <table part="table">
        <caption id="data-table-caption">
          <var>a</var>
          = σ(<var>w</var>·<var>x</var>
          +
          <var>b</var
          >) and its slope as
          <var>${wrt}</var>
          varies, with ${fixed}
        </caption>
        <thead>
          <tr>
            <th scope="col">${wrt}</th>
            <th scope="col">z</th>
            <th scope="col">a</th>
            <th scope="col">∂a/∂${wrt}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`
              <tr class=${Math.abs(r.v - s.v) < 1e-9 ? 'current' : ''}>
                <th scope="row">${param(r.v)}</th>
                <td>${formatNumber(r.z, 2)}</td>
                <td>${formatNumber(r.a, 4)}</td>
                <td>${formatNumber(r.slope, 4)}</td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    `;
  }

  private _chartLabel(): string {
    if (this.mode === 'chain') {
      return (
        `Graph of the output a = σ(w·x + b) against ${VARIABLE_NAMES[this.wrt]}, with the ` +
        `current point marked and the tangent line there`
      );
    }
    const fn = this._fn;
    return (
      `Graph of f(x) = ${fn.spoken} from x = −3 to 3, with the point x₀ = ${param(this.x0)} ` +
      `marked, the tangent line there, and the dashed secant line through x₀ and x₀ + h`
    );
  }

  private _summary(): string {
    if (this.mode === 'chain') {
      const { weight: w, bias: b, x0: x, wrt } = this;
      const z = w * x + b;
      const dadz = sigmoidPrime(z);
      const dzdv = wrt === 'x' ? w : wrt === 'w' ? x : 1;
      return (
        `With w = ${param(w)}, b = ${param(b)} and x = ${param(x)}: z = ${formatNumber(z, 2)} ` +
        `and a = σ(z) = ${formatNumber(sigmoid(z), 4)}. The slope of a with respect to ${wrt} ` +
        `is da/dz · ∂z/∂${wrt} = ${formatNumber(dadz, 4)} · ${dzText(wrt, dzdv)} = ` +
        `${formatNumber(dadz * dzdv, 4)}.`
      );
    }
    if (this._animating) return 'Shrinking h towards 0.001…';
    const fn = this._fn;
    const { x0, h } = this;
    const exact = fn.df(x0);
    const secant = secantSlope(fn.f, x0, h);
    const off = Math.abs(secant - exact);
    const closeness =
      off < 0.001
        ? 'The secant and the tangent now look like one line.'
        : 'Shrink h and the secant turns onto the tangent.';
    return (
      `f(x) = ${fn.label} at x₀ = ${param(x0)}: the tangent has slope ${formatNumber(exact, 4)}; ` +
      `the secant with h = ${formatStep(h)} has slope ${formatNumber(secant, 4)}, ` +
      `${formatError(off, 4)} away. ${closeness}`
    );
  }
}

/** How each chain-mode variable is named on the x-axis and to screen readers. */
const VARIABLE_NAMES: Record<ChainVariable, string> = {
  x: 'the input x',
  w: 'the weight w',
  b: 'the bias b',
};

/** The plotted window of a chain-mode variable: its slider range, one unit wider each side. */
function windowOf(name: Slider): { vMin: number; vMax: number } {
  const { min, max } = rangeOf(name);
  return { vMin: min - 1, vMax: max + 1 };
}

function chainReading(wrt: ChainVariable, slope: number): string {
  const what = { x: 'input', w: 'weight', b: 'bias' }[wrt];
  const size = Math.abs(slope);
  const dir = slope > 0 ? 'rises' : 'falls';
  if (size < 0.005) {
    return `Nudging the ${what} barely moves the output here: the slope is almost 0.`;
  }
  return `Nudge the ${what} up by 0.01 and the output ${dir} by about ${formatNumber(size * 0.01, 4)}.`;
}

/** The factor ∂z/∂v as written: "1" for the bias, else the number, negatives in parentheses. */
function dzText(wrt: ChainVariable, dzdv: number): string {
  return wrt === 'b' ? '1' : paren(param(dzdv), dzdv);
}

/** The index of the h stop nearest to h on the log scale. */
function nearestStop(h: number): number {
  let best = 0;
  for (let i = 1; i < H_STOPS.length; i++) {
    if (Math.abs(Math.log(H_STOPS[i]! / h)) < Math.abs(Math.log(H_STOPS[best]! / h))) best = i;
  }
  return best;
}

/** A slider value: one decimal (the slider's step), two if an attribute set a finer value. */
function param(v: number): string {
  return formatNumber(v, digitsOf(v));
}

function digitsOf(v: number): number {
  return Math.abs(v * 10 - Math.round(v * 10)) < 1e-9 ? 1 : 2;
}

/** h as written: "1", "0.5", "0.002", and 3 significant digits while it animates ("0.0347"). */
function formatStep(h: number): string {
  const most = Math.max(0, Math.ceil(-Math.log10(h))) + 2;
  for (let d = 0; d < most; d++) {
    if (Math.abs(Number(h.toFixed(d)) - h) < 1e-12) return formatNumber(h, d);
  }
  return formatNumber(h, most);
}

/**
 * |error| with two significant digits, at least `min` decimals and at most 12. Below 1e-12 the
 * difference is floating-point rounding, not the method's error: it is shown as 0.
 */
function formatError(error: number, min = 6): string {
  const e = Math.abs(error);
  if (!(e >= 1e-12)) return formatNumber(Number.isNaN(e) ? e : 0, min);
  return formatNumber(e, Math.min(12, Math.max(min, Math.ceil(-Math.log10(e)) + 1)));
}

/** Wrap a negative number in parentheses: 2.0 · (−0.5), not 2.0 · −0.5. */
function paren(text: string, v: number): string {
  return v < 0 && /[1-9]/.test(text) ? `(${text})` : text;
}

/** "+ 1.0" or "− 1.0": the bias term written as a sum. */
function signed(v: number): string {
  const text = param(Math.abs(v));
  return v < 0 && /[1-9]/.test(text) ? `− ${text}` : `+ ${text}`;
}

/** A slider value for screen readers: the word "minus", which every reader speaks. */
function spoken(v: number): string {
  const text = param(Math.abs(v));
  return v < 0 && /[1-9]/.test(text) ? `minus ${text}` : text;
}
