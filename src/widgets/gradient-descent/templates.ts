/**
 * The markup of `<nn-gradient-descent>` around describe.ts's words and numbers: the update rule
 * with its `<var>`s, the neuron's data, the table of iterates, and the learning-rate and momentum
 * controls. No state here: the element passes in what to show and the handlers of its controls.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DescentState } from '../../math/descent';
import { SURFACES } from '../../math/surfaces';
import type { Surface } from '../../math/surfaces';
import {
  chartLabel,
  formatRate,
  iterateRows,
  lossText,
  neuronClasses,
  num,
  playLabel,
  statusHeadline,
  statusText,
  stepFormula,
  summary,
  tableCaption,
  tableHeads,
} from './describe';
import type { StepFormula } from './describe';
import { LOG_STEP, rangeOf, statusOf } from './model';
import { dataTable, dataTableArea } from '../shared/data-table';

/** What the controls call. */
export interface Handlers {
  surface: (event: Event) => void;
  plotKey: (event: KeyboardEvent) => void;
  click: (event: MouseEvent) => void;
  pointerDown: (event: PointerEvent) => void;
  pointerMove: (event: PointerEvent) => void;
  pointerUp: (event: PointerEvent) => void;
  play: () => void;
  step: () => void;
  reset: () => void;
  rateSlider: (event: Event) => void;
  rateExact: (event: Event) => void;
  momentumToggle: (event: Event) => void;
  beta: (event: Event) => void;
  toggleTable: () => void;
}

/** Everything the widget shows. */
export interface DescentView {
  surface: Surface;
  /** The run so far, the start first. */
  states: readonly DescentState[];
  /** The learning rate and momentum in use. */
  rate: number;
  momentum: number;
  playing: boolean;
  showTable: boolean;
  /** What is wrong with the typed rate ('' when nothing is). */
  rateError: string;
  on: Handlers;
}

/** The whole widget: surface, chart and summary, buttons, status, controls, formula, table. */
export function body(v: DescentView): TemplateResult {
  const { surface, on } = v;
  const state = v.states[v.states.length - 1]!;
  const status = statusOf(state);
  const stopped = Boolean(state.stopped);
  const text = statusText(surface, v.states, v.rate);
  const headline = statusHeadline(state);
  const rule = formula(stepFormula(surface, v.states, v.rate, v.momentum));
  return html`
    <div class="layout" part="base">
      <div class="head">
        <label for="surface">Loss surface</label>
        <select id="surface" @change=${on.surface}>
          ${SURFACES.map(
            (s) => html`<option value=${s.id} ?selected=${s.id === surface.id}>${s.label}</option>`,
          )}
        </select>
        <p class="loss-formula">${surface.formula}</p>
        ${surface.id === 'neuron' ? neuronData() : nothing}
      </div>

      <figure part="chart">
        <svg
          part="plot"
          role="img"
          tabindex="0"
          aria-label=${chartLabel(surface)}
          @keydown=${on.plotKey}
          @click=${on.click}
          @pointerdown=${on.pointerDown}
          @pointermove=${on.pointerMove}
          @pointerup=${on.pointerUp}
          @pointercancel=${on.pointerUp}
        ></svg>
        <figcaption part="summary" aria-live=${v.playing ? 'off' : 'polite'}>
          ${summary(surface, v.states, v.rate)}
        </figcaption>
        <p class="hint">
          Start point: click or tap the chart, drag the dashed ring, or use the arrow keys on the
          focused chart.
        </p>
      </figure>

      <div class="run">
        <div class="buttons" part="buttons">
          <button type="button" class="primary" @click=${on.play}>
            ${playLabel(v.playing, stopped)}
          </button>
          <button type="button" aria-disabled=${stopped ? 'true' : 'false'} @click=${on.step}>
            Step
          </button>
          <button type="button" @click=${on.reset}>Reset</button>
        </div>
        <p class="readout" part="readout">
          <span>Iteration <strong data-value="iteration">${state.iteration}</strong></span>
          <span>Loss <strong data-value="loss">${lossText(state.loss)}</strong></span>
        </p>
      </div>

      <p
        class="status"
        part="status"
        data-status=${status}
        ?hidden=${text === '' || status === 'ready'}
      >
        ${headline ? html`<strong>${headline}</strong> ` : nothing}${text}
      </p>

      <div class="controls" part="controls">
        ${rateControls({
          rate: v.rate,
          error: v.rateError,
          onSlider: on.rateSlider,
          onExact: on.rateExact,
        })}
        ${momentumControls({ momentum: v.momentum, onToggle: on.momentumToggle, onBeta: on.beta })}
      </div>

      <div class="formula" part="formula">${rule}</div>

      ${dataTableArea({
        shown: v.showTable,
        onToggle: on.toggleTable,
        table: () => table(surface, v.states, v.rate, v.momentum),
        words: ['Show the iterates', 'Hide the iterates'],
      })}
    </div>
  `;
}

/** The update rule with the numbers written in (see describe.ts's stepFormula). */
export function formula({ title, stopped, step }: StepFormula): TemplateResult {
  if (!step) {
    return html`<p class="title">${title}</p>
      <p>No step taken: ${stopped ? 'the run stopped at the start.' : ''}</p>`;
  }
  const names = step.names;
  const w =
    step.dims === 1
      ? html`<var>${names[0]}</var>`
      : html`(${names.map((n, i) => html`${i ? ', ' : ''}<var>${n}</var>`)})`;
  const grad = step.grad;
  const slopeLine =
    step.dims === 1
      ? html`<p class="eq">
          <span class="seg">slope L′(${step.position}) = ${step.gradient}</span>
        </p>`
      : html`<p class="eq">
          <span class="seg">∇L${step.position}</span>
          <span class="seg">= ${step.gradient}</span>
        </p>`;
  // Each "= …" and each "− …" term is one unbreakable piece: lines break between them.
  if (!step.momentum) {
    return html`
      <p class="title">${title}</p>
      ${slopeLine}
      <p class="eq">
        <span class="seg">${w} ← ${w} − <var>η</var>·${grad}</span>
        <span class="seg">= ${step.position}</span>
        <span class="seg">− ${step.rate} · ${step.gradientFactor}</span>
        <span class="seg">= <strong data-value="next">${step.next}</strong></span>
      </p>
    `;
  }
  const m = step.momentum;
  return html`
    <p class="title">${title} (with momentum)</p>
    ${slopeLine}
    <p class="eq">
      <span class="seg"><var>v</var> ← <var>β</var>·<var>v</var> − <var>η</var>·${grad}</span>
      <span class="seg">= ${m.beta} · ${m.velocity}</span>
      <span class="seg">− ${step.rate} · ${step.gradientFactor}</span>
      <span class="seg">= ${m.v}</span>
    </p>
    <p class="eq">
      <span class="seg">${w} ← ${w} + <var>v</var></span>
      <span class="seg">= ${step.position}</span>
      <span class="seg">+ ${m.vTerm}</span>
      <span class="seg">= <strong data-value="next">${step.next}</strong></span>
    </p>
  `;
}

/** The neuron's training data, so the loss is not a black box. */
export function neuronData(): TemplateResult {
  const { one, zero } = neuronClasses();
  return html`<p class="data">
    Data: class 1 at <var>x</var> = ${one}; class 0 at <var>x</var> = ${zero}.
  </p>`;
}

/** The table of every state of the run so far. */
export function table(
  surface: Surface,
  states: readonly DescentState[],
  rate: number,
  momentum: number,
): TemplateResult {
  const { names, grads } = tableHeads(surface);
  return dataTable({
    part: 'table',
    captionId: 'data-table-caption',
    caption: tableCaption(surface, rate, momentum),
    columns: ['step', ...names, 'loss L', ...grads],
    body: iterateRows(states).map(
      (row) => html`
        <tr class=${row.current ? 'current' : ''}>
          <th scope="row">${row.step}</th>
          ${row.position.map((p) => html`<td>${p}</td>`)}
          <td>${row.loss}</td>
          ${row.gradient.map((g) => html`<td>${g}</td>`)}
        </tr>
      `,
    ),
  });
}

/** The learning-rate slider (log scale) and the box to type it exactly. */
export interface RateView {
  rate: number;
  /** What is wrong with the typed rate ('' when nothing is). */
  error: string;
  onSlider: (event: Event) => void;
  onExact: (event: Event) => void;
}

export function rateControls(v: RateView): TemplateResult {
  const { min, max } = rangeOf('rate');
  const shown = formatRate(v.rate);
  return html`
    <div class="control">
      <label for="rate">learning rate <var>η</var> (log scale)</label>
      <span class="value" id="rate-value">η = ${shown}</span>
      <input
        id="rate"
        part="slider"
        type="range"
        min=${Math.log10(min)}
        max=${Math.log10(max)}
        step=${LOG_STEP}
        aria-valuetext=${`η = ${shown}`}
        .value=${String(Math.log10(v.rate))}
        @input=${v.onSlider}
      />
    </div>
    <div class="exact">
      <label for="rate-exact">or type η exactly:</label>
      <input
        id="rate-exact"
        type="number"
        inputmode="decimal"
        min=${min}
        max=${max}
        step="any"
        aria-invalid=${v.error ? 'true' : 'false'}
        aria-describedby=${v.error ? 'rate-error' : nothing}
        .value=${String(v.rate)}
        @change=${v.onExact}
      />
      ${v.error ? html`<p class="error" id="rate-error" role="alert">${v.error}</p>` : nothing}
    </div>
  `;
}

/** The momentum checkbox, and β's slider while it is on. */
export interface MomentumView {
  momentum: number;
  onToggle: (event: Event) => void;
  onBeta: (event: Event) => void;
}

export function momentumControls(v: MomentumView): TemplateResult {
  const on = v.momentum > 0;
  const { max } = rangeOf('momentum');
  return html`
    <label class="toggle">
      <input type="checkbox" .checked=${on} @change=${v.onToggle} />
      Momentum
    </label>
    ${
      on
        ? html`<div class="control">
            <label for="beta">momentum <var>β</var></label>
            <span class="value">β = ${num(v.momentum)}</span>
            <input
              id="beta"
              part="slider"
              type="range"
              min="0"
              max=${max}
              step="0.01"
              aria-valuetext=${`β = ${num(v.momentum)}`}
              .value=${String(v.momentum)}
              @input=${v.onBeta}
            />
          </div>`
        : nothing
    }
  `;
}
