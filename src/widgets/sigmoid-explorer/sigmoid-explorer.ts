import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { dataTableArea } from '../shared/data-table';
import { drawSigmoidChart } from '../../charts/sigmoid-chart';
import { drawSigmoidPlane } from '../../charts/sigmoid-plane';
import { NnElement, attributeProperties } from '../shared/base';
import { TableSwitch } from '../shared/table-switch';
import type { AttributeValues } from '../shared/base';
import type { sigmoidExplorerDoc } from './meta';
import { propertySlider } from '../shared/slider';
import { SchemeWatch } from '../shared/scheme';
import { FigureChart } from '../shared/size';
import { classColors, tokens } from '../shared/tokens';
import { chartLabel, curveSummary, param, planeLabel, planeSummary, spoken } from './describe';
import { STEP, changeDetail, rangeOf, sliderRange } from './model';
import type { Param, SigmoidChangeDetail, SigmoidSetup } from './model';
import { styles } from './styles';
import { curveFormula, curveTable, planeFormula, planeTable } from './templates';

const TAG = 'nn-sigmoid-explorer';

// meta.ts's attributes as typed properties (declared by attributeProperties, set by NnElement).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface NnSigmoidExplorer extends AttributeValues<typeof sigmoidExplorerDoc> {}

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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class NnSigmoidExplorer extends NnElement {
  static override styles = [tokens, classColors, styles];

  static override properties = {
    ...attributeProperties(TAG),
  };

  private readonly _table = new TableSwitch(this);

  /** Whether the data table is revealed. */

  private readonly _chart = new FigureChart(this, (svg, width) => this._draw(svg, width), {
    fallbackWidth: 600,
  });
  /** The plane's shading is painted with resolved colours: repaint when the scheme flips. */
  private readonly _scheme = new SchemeWatch(this, () => this._chart.draw());

  protected override updated(): void {
    this._chart.draw();
  }

  /** Whether the neuron has two inputs (mode="plane"). */
  private get _plane(): boolean {
    return this.mode === 'plane';
  }

  /** What the sliders and the toggle hold, for the numbers and the words. */
  private get _setup(): SigmoidSetup {
    const { weight, weight2, bias, input, input2, derivative } = this;
    return { plane: this._plane, weight, weight2, bias, input, input2, derivative };
  }

  private _draw(svg: SVGSVGElement, width: number): void {
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

  private _onToggleDerivative(event: Event): void {
    this.derivative = (event.target as HTMLInputElement).checked;
    this._emitChange();
  }

  private _emitChange(): void {
    this.emit<SigmoidChangeDetail>('nn-change', changeDetail(this._setup));
  }

  override render(): TemplateResult {
    return this._plane ? this._renderPlane() : this._renderCurve();
  }

  private _renderCurve(): TemplateResult {
    const { min: xMin, max: xMax } = rangeOf('input');
    return html`
      <div class="layout" part="base">
        <figure part="chart">
          <svg role="img" aria-label=${chartLabel(this.input, this.derivative)}></svg>
          <figcaption part="summary" aria-live="polite">${curveSummary(this._setup)}</figcaption>
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

        ${curveFormula(this._setup)}
        ${dataTableArea({ ...this._table.area, table: () => curveTable(this._setup, xMin, xMax) })}
      </div>
    `;
  }

  private _renderPlane(): TemplateResult {
    const { min, max } = rangeOf('input');
    return html`
      <div class="layout plane" part="base">
        <figure part="chart">
          <svg class="plane-map" role="img" aria-label=${planeLabel(this.input, this.input2)}></svg>
          <figcaption part="summary" aria-live="polite">${planeSummary(this._setup)}</figcaption>
        </figure>

        <div class="controls" part="controls">
          ${this._slider('weight', html`weight <var>w</var><sub>1</sub>`)}
          ${this._slider('weight2', html`weight <var>w</var><sub>2</sub>`)}
          ${this._slider('bias', html`bias <var>b</var>`)}
          ${this._slider('input', html`input <var>x</var><sub>1</sub>`)}
          ${this._slider('input2', html`input <var>x</var><sub>2</sub>`)}
        </div>

        ${planeFormula(this._setup)}
        ${dataTableArea({ ...this._table.area, table: () => planeTable(this._setup, min, max) })}
      </div>
    `;
  }

  private _slider(name: Param, label: TemplateResult): TemplateResult {
    const onChange = (): void => this._emitChange();
    const valueId = `${name}-value`;
    return propertySlider(this, name, {
      label,
      ...sliderRange(name),
      step: STEP,
      shown: param,
      spoken,
      onChange,
      valueId,
    });
  }
}
