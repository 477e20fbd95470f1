import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { drawDerivativeChart } from '../../charts/derivative-chart';
import { FUNCTIONS } from '../../math/functions';
import { NnElement, attributeProperties, states } from '../shared/base';
import { TableSwitch } from '../shared/table-switch';
import type { AttributeValues } from '../shared/base';
import type { derivativeDoc } from './meta';
import { choiceGroup } from '../shared/choices';
import { propertySlider } from '../shared/slider';
import { dataTableArea } from '../shared/data-table';
import { FigureChart } from '../shared/size';
import { tokens } from '../shared/tokens';
import {
  VARIABLE_NAMES,
  chartLabel,
  chartLabels,
  formatStep,
  hScale,
  param,
  spoken,
  summary,
} from './describe';
import {
  H_MIN,
  H_STOPS,
  STEP,
  changeDetail,
  nearestStop,
  rangeOf,
  shrinkDuration,
  shrinkH,
  shrinkStart,
  subjectOf,
} from './model';
import type { DerivativeChangeDetail, Slider } from './model';
import { styles } from './styles';
import { chainFormula, chainTable, hTable, slopeFormula, slopesTable } from './templates';

const TAG = 'nn-derivative';

// meta.ts's attributes as typed properties (declared by attributeProperties, set by NnElement).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface NnDerivative extends AttributeValues<typeof derivativeDoc> {}

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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class NnDerivative extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    ...attributeProperties(TAG),
    ...states({ _animating: false }),
  };

  private readonly _table = new TableSwitch(this);

  declare private _animating: boolean;

  private readonly _chart = new FigureChart(this, (svg, width) => this._draw(svg, width), {
    fallbackWidth: 600,
  });
  private _animationFrame = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stopAnimation(false);
  }

  protected override updated(_changed: PropertyValues): void {
    this._chart.draw();
  }

  private _draw(svg: SVGSVGElement, width: number): void {
    const height = Math.round(Math.min(380, Math.max(260, width * 0.65)));
    const s = subjectOf(this);
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
        ...chartLabels(this),
      },
      { width, height },
    );
  }

  // ---- user input ------------------------------------------------------------------------

  /** The user chose a function or a variable: it takes effect and is announced. */
  private _onChoice(change: Partial<Pick<NnDerivative, 'fn' | 'wrt'>>): void {
    Object.assign(this, change);
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
    const from = shrinkStart(this.h);
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
      // No motion: jump to the end; the table and the data table still show the way there.
      this.h = H_MIN;
      this._emitChange();
      return;
    }
    this.h = from;
    this._animating = true;
    const duration = shrinkDuration(from);
    const start = performance.now();
    const tick = (now: number): void => {
      const t = Math.min(1, (now - start) / duration);
      this.h = shrinkH(from, t);
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
    this.emit<DerivativeChangeDetail>('nn-change', changeDetail(this));
  }

  // ---- rendering -------------------------------------------------------------------------

  override render(): TemplateResult {
    const slope = this.mode === 'slope';
    const caption = summary(this, this._animating);
    return html`
      <div class="layout" part="base">
        <figure part="chart">
          <svg role="img" aria-label=${chartLabel(this)}></svg>
          <figcaption part="summary" aria-live="polite">${caption}</figcaption>
        </figure>

        <div class="controls" part="controls">
          ${slope ? this._slopeControls() : this._chainControls()}
        </div>

        <div class="formula" part="formula">${slope ? slopeFormula(this) : chainFormula(this)}</div>

        ${slope ? slopesTable(this) : nothing}
        ${dataTableArea({ ...this._table.area, table: () => (slope ? hTable(this) : chainTable(this)) })}
      </div>
    `;
  }

  private _slopeControls(): TemplateResult {
    const index = nearestStop(this.h);
    const scale = hScale();
    return html`
      ${choiceGroup({
        legend: html`Function <var>f</var>(<var>x</var>)`,
        name: 'fn',
        choices: FUNCTIONS.map((fn) => ({ value: fn.id, label: fn.label, spoken: fn.spoken })),
        checked: this.fn,
        onChange: (fn) => this._onChoice({ fn }),
      })}
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
          <span>${scale.large} (large)</span>
          <span>${scale.small} (small)</span>
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
      ${choiceGroup({
        legend: 'Slope with respect to',
        name: 'wrt',
        choices: (['x', 'w', 'b'] as const).map((v) => ({
          value: v,
          label: html`<var>${v}</var>`,
          spoken: VARIABLE_NAMES[v],
        })),
        checked: this.wrt,
        onChange: (wrt) => this._onChoice({ wrt }),
      })}
    `;
  }

  private _slider(name: Slider, label: TemplateResult): TemplateResult {
    const onChange = (): void => this._emitChange();
    return propertySlider(this, name, {
      label,
      ...rangeOf(name),
      step: STEP,
      shown: param,
      spoken,
      onChange,
    });
  }
}
