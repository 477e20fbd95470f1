/**
 * The pieces of `<nn-softmax>` that are markup: one row per class (its name, a slider and a field
 * for its score, its probability as a bar, its gradient), the steppers and buttons, the formula box
 * and the data table. Each is a function of what it shows and the callbacks it calls; the state
 * lives in the element, the numbers in model.ts, the words in describe.ts.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import {
  NUDGE_ARROW,
  gradientRule,
  lossSteps,
  nudge,
  percent,
  probabilitySteps,
  scoreName,
  scoreSpoken,
  signed,
  sub,
  sumText,
  tableRows,
} from './describe';
import { LIMIT, MAX_CLASSES, MIN_CLASSES, STEP } from './model';
import type { SoftmaxState } from './model';
import { choiceGroup } from '../shared/choices';
import { dataTable } from '../shared/data-table';

export interface RowOptions {
  state: SoftmaxState;
  i: number;
  /** The text in the score's field: what the user typed, or the score. */
  text: string;
  /** What is wrong with that text, or ''. */
  error: string;
  onSlider: (event: Event) => void;
  onInput: (event: Event) => void;
  onChange: (event: Event) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

/** One class: name, score slider and field, probability bar, gradient with its arrow. */
export function classRow(o: RowOptions): TemplateResult {
  const { state, i } = o;
  const right = i === state.target;
  const p = state.reading.probabilities[i]!;
  const g = state.reading.gradient[i]!;
  const name = scoreName(state, i);
  const way = nudge(state, i);
  return html`
    <li class="row" part="class" ?data-right=${right}>
      <span class="name">
        <span class="label">${state.names[i]}</span>
        <span class="symbol" aria-hidden="true"><var>z</var>${sub(i + 1)}</span>
        ${right ? html`<span class="right-tag">right class</span>` : nothing}
      </span>
      <input
        class="slider"
        part="score-slider"
        type="range"
        min=${-LIMIT}
        max=${LIMIT}
        step=${STEP}
        aria-label=${name}
        aria-valuetext=${scoreSpoken(state, i)}
        .value=${String(state.scores[i])}
        @input=${o.onSlider}
      />
      <span class="field">
        <input
          id=${`field-${i}`}
          part="score-field"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          spellcheck="false"
          aria-label=${name}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${`msg-${i}`}
          .value=${o.text}
          @input=${o.onInput}
          @change=${o.onChange}
          @keydown=${o.onKeyDown}
        />
        <span class="message" id=${`msg-${i}`} aria-live="polite">${o.error}</span>
      </span>
      <span class="prob">
        <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
          <rect class="track" x="0" y="0" width="100" height="10"></rect>
          <rect class="fill" x="0" y="0" width=${(p * 100).toFixed(2)} height="10"></rect>
        </svg>
        <span class="pct num"><span class="visually-hidden">probability </span>${percent(p)}</span>
      </span>
      <span class="grad num" data-nudge=${way}>
        <span aria-hidden="true">∂L/∂z${sub(i + 1)} =</span>
        <span class="visually-hidden">gradient </span>${signed(g)}
        <span class="arrow" aria-hidden="true">${NUDGE_ARROW[way]}</span>
      </span>
    </li>
  `;
}

/**
 * What each column of the rows holds, over them on a wide widget (a phone stacks each row, and
 * every control is named by itself, so this is for the eye only).
 */
export function columnHeads(): TemplateResult {
  return html`
    <div class="heads" aria-hidden="true">
      <span>class</span>
      <span class="span-2">score <var>z</var>: drag or type</span>
      <span>probability <var>p</var></span>
      <span class="end">gradient</span>
    </div>
  `;
}

export interface ClassStepperOptions {
  k: number;
  set: (k: number) => void;
}

/**
 * Fewer / more classes. aria-disabled, not disabled: a button that disables itself under the
 * keyboard focus would drop the focus to the page.
 */
export function classStepper(o: ClassStepperOptions): TemplateResult {
  const atMin = o.k <= MIN_CLASSES;
  const atMax = o.k >= MAX_CLASSES;
  return html`
    <div class="stepper" role="group" aria-labelledby="classes-label">
      <span class="stepper-label" id="classes-label">Classes</span>
      <span class="stepper-controls">
        <button
          type="button"
          class="step-button"
          aria-label="Fewer classes"
          aria-disabled=${atMin ? 'true' : 'false'}
          @click=${() => !atMin && o.set(o.k - 1)}
        >
          −
        </button>
        <output class="size" aria-label=${`Classes: ${o.k}`}>${o.k}</output>
        <button
          type="button"
          class="step-button"
          aria-label="More classes"
          aria-disabled=${atMax ? 'true' : 'false'}
          @click=${() => !atMax && o.set(o.k + 1)}
        >
          +
        </button>
      </span>
    </div>
  `;
}

export interface ShiftOptions {
  canAdd: boolean;
  canSubtract: boolean;
  onShift: (c: number) => void;
}

/** Add or subtract 1 from every score: the probabilities stay exactly where they are. */
export function shiftButtons(o: ShiftOptions): TemplateResult {
  return html`
    <div class="shift" role="group" aria-labelledby="shift-label">
      <span class="stepper-label" id="shift-label">Every score at once</span>
      <span class="shift-buttons">
        <button
          type="button"
          aria-disabled=${o.canSubtract ? 'false' : 'true'}
          @click=${() => o.canSubtract && o.onShift(-1)}
        >
          −1 to every score
        </button>
        <button
          type="button"
          aria-disabled=${o.canAdd ? 'false' : 'true'}
          @click=${() => o.canAdd && o.onShift(1)}
        >
          +1 to every score
        </button>
      </span>
    </div>
  `;
}

export interface TargetOptions {
  state: SoftmaxState;
  /** The right class, counted from 1 as in the attribute. */
  onTarget: (target: number) => void;
}

/** The right class, as radio chips named after the classes. */
export function targetChoice(o: TargetOptions): TemplateResult {
  return choiceGroup({
    legend: 'The right class',
    name: 'target',
    part: 'target',
    choices: o.state.names.map((name, i) => ({ value: i + 1, label: name })),
    checked: o.state.target + 1,
    onChange: o.onTarget,
  });
}

/** The probability of the right class, its loss and the gradient rule, written out. */
export function formula(state: SoftmaxState): TemplateResult {
  const seg = (s: string) => html`<span class="seg">${s}</span> `;
  return html`
    <div class="formula" part="formula">
      <p class="eq" data-value="probability">${probabilitySteps(state).map(seg)}</p>
      <p class="eq" data-value="loss">${lossSteps(state).map(seg)}</p>
      <p class="rule">${gradientRule(state)}</p>
      <p class="rule">${sumText(state)}</p>
    </div>
  `;
}

/** The data table: every class's score, probability and gradient. */
export function table(state: SoftmaxState): TemplateResult {
  return dataTable({
    part: 'table',
    captionId: 'data-table-caption',
    caption: html`Score, probability and gradient of every class`,
    columns: ['class', 'score z', 'probability p', 'gradient ∂L/∂z'],
    body: tableRows(state).map(
      (r) => html`
        <tr>
          <th scope="row">${r.name}${r.right ? ' (right class)' : ''}</th>
          <td>${r.score}</td>
          <td>${r.probability}</td>
          <td>${r.gradient}</td>
        </tr>
      `,
    ),
  });
}
