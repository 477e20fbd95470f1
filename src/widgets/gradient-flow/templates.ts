/**
 * The pieces of `<nn-gradient-flow>` that are markup: the choices of activation and initial
 * weights, the buttons, one row per layer (its outputs as a histogram, its gradient as a bar on a
 * log scale with the number) and the data table. Functions of what they show and the callbacks they
 * call; the state lives in the element, the numbers in model.ts, the words in describe.ts.
 */
import { html, svg } from 'lit';
import type { TemplateResult } from 'lit';
import { ACTIVATIONS } from '../../math/activations';
import { INITS, INIT_SCHEMES } from '../../math/deep-net';
import type { InitScheme, LayerStats } from '../../math/deep-net';
import { styleProps } from '../shared/base';
import { choiceGroup } from '../shared/choices';
import {
  gradientLabel,
  histogramScale,
  histogramText,
  layerName,
  layerText,
  powerOfTen,
  rangeText,
  sci,
  tableRows,
} from './describe';
import { FLOW_ACTIVATIONS, LOG_MAX, LOG_MIN, logPosition } from './model';
import type { FlowActivation, FlowSetup, FlowSnapshot } from './model';
import { dataTable } from '../shared/data-table';
import type { PlayControls } from '../shared/play-controls';

export interface ChoiceOptions {
  setup: FlowSetup;
  onActivation: (name: FlowActivation) => void;
  onInit: (name: InitScheme) => void;
}

/** Two groups of radio chips: the activation, and how the first weights are drawn. */
export function choices(o: ChoiceOptions): TemplateResult {
  return html`
    <div class="choices-row">
      ${choiceGroup({
        legend: 'Activation',
        name: 'activation',
        part: 'activation',
        choices: FLOW_ACTIVATIONS.map((name) => ({ value: name, label: ACTIVATIONS[name].label })),
        checked: o.setup.activation,
        onChange: o.onActivation,
      })}
      ${choiceGroup({
        legend: 'First weights',
        name: 'init',
        part: 'init',
        choices: INIT_SCHEMES.map((name) => ({ value: name, label: INITS[name].label })),
        checked: o.setup.init,
        onChange: o.onInit,
      })}
    </div>
  `;
}

export interface ButtonsOptions extends PlayControls {
  /** Whether the run cannot go on (the weights are not numbers, or the step limit is reached). */
  stopped: boolean;
}

/** Train/Pause, 10 steps, Reset. */
export function buttons(o: ButtonsOptions): TemplateResult {
  return html`
    <div class="buttons" part="buttons">
      <button
        type="button"
        class="primary"
        part="play"
        aria-disabled=${o.stopped && !o.playing ? 'true' : 'false'}
        @click=${o.playing ? o.onPause : o.onPlay}
      >
        ${o.playing ? 'Pause' : 'Train'}
      </button>
      <button
        type="button"
        part="step"
        aria-disabled=${o.stopped ? 'true' : 'false'}
        @click=${o.onStep}
      >
        10 steps
      </button>
      <button type="button" part="reset" @click=${o.onReset}>Reset</button>
    </div>
  `;
}

/** A histogram of one layer's outputs, as bars in a 100 × 30 box. */
function histogram(stats: LayerStats): TemplateResult {
  const max = Math.max(1, ...stats.histogram);
  const w = 100 / stats.histogram.length;
  return html`<svg class="hist" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true">
    ${stats.histogram.map((c, b) => {
      const h = (c / max) * 28;
      return svg`<rect x=${(b * w + 0.4).toFixed(2)} y=${(30 - h).toFixed(2)} width=${(w - 0.8).toFixed(2)} height=${h.toFixed(2)}></rect>`;
    })}
    <line x1="0" y1="29.5" x2="100" y2="29.5"></line>
  </svg>`;
}

/** The axis of the gradient bars: powers of ten from 10^LOG_MIN to 10^LOG_MAX. */
export function logAxis(): TemplateResult {
  const ticks: number[] = [];
  for (let e = LOG_MIN; e <= LOG_MAX; e += 4) ticks.push(e);
  return html`
    <div class="axis" aria-hidden="true">
      ${ticks.map(
        (e) =>
          html`<span
            class="tick"
            style=${styleProps({ left: `${(((e - LOG_MIN) / (LOG_MAX - LOG_MIN)) * 100).toFixed(1)}%` })}
            >${powerOfTen(e)}</span
          >`,
      )}
    </div>
  `;
}

/** One row per layer, first hidden layer at the top, the output unit last. */
export function layerRows(setup: FlowSetup, s: FlowSnapshot): TemplateResult {
  const count = s.gradients.length;
  return html`
    <ol class="layers" part="layers" aria-label="Layers, from the input to the output">
      <li class="layer head" aria-hidden="true">
        <span class="name">Layer</span>
        <span class="hist-cell">Outputs, ${histogramScale(setup.activation)}</span>
        <span class="grad-cell">Gradient size ‖∂L/∂W‖ (log scale) ${logAxis()}</span>
      </li>
      ${s.gradients.map((g, i) => {
        const stats = s.layers[i];
        const pos = logPosition(g);
        return html`
          <li class="layer" part="layer" data-layer=${i + 1}>
            <span class="name">${layerName(i + 1, count)}</span>
            <span class="hist-cell">
              ${
                stats
                  ? html`${histogram(stats)}
                      <span class="visually-hidden"
                        >${layerText(stats, setup.activation)}; ${histogramText(stats)}, on a scale
                        from ${rangeText(stats)}.</span
                      >`
                  : html`<span class="muted">one unit</span>`
              }
            </span>
            <span class="grad-cell">
              <span class="gbar" aria-hidden="true"
                ><span
                  class="gfill"
                  style=${styleProps({ width: `${((Number.isNaN(pos) ? 0 : pos) * 100).toFixed(1)}%` })}
                ></span
              ></span>
              <span
                class="gnum num"
                data-gradient=${String(g)}
                aria-label=${gradientLabel(i + 1, count, g)}
                >${sci(g)}</span
              >
            </span>
          </li>
        `;
      })}
    </ol>
  `;
}

/** The data table: each layer's outputs and gradient. */
export function table(s: FlowSnapshot): TemplateResult {
  return dataTable({
    part: 'table',
    captionId: 'data-table-caption',
    caption: html`Each layer at step ${s.step}: its outputs over the training points and its
    gradient`,
    columns: [
      'Layer',
      'Mean output',
      'Spread',
      'Mean slope f′',
      'Flat (f′ &lt; a tenth of its peak)',
      '‖∂L/∂W‖',
    ],
    body: tableRows(s).map(
      (r) => html`
        <tr>
          <th scope="row">${r.layer}</th>
          <td>${r.mean}</td>
          <td>${r.spread}</td>
          <td>${r.slope}</td>
          <td>${r.flat}</td>
          <td>${r.gradient}</td>
        </tr>
      `,
    ),
  });
}
