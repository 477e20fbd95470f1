/**
 * The pieces of `<nn-neuron>` that are markup: a number field with its message, the number of
 * inputs and the activation, the formula box, and the data table. Each is a function of what it
 * shows and the callbacks it calls; the state lives in the element, the numbers in model.ts, the
 * words in describe.ts.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { formatNumber } from '../../math/format';
import { choiceGroup } from '../shared/choices';
import { ACTIVATION_LABEL, numericSum, reading, sub, termTable } from './describe';
import { ACTIVATIONS, activationOf, compute } from './model';
import type { FieldKey, NeuronActivation, NeuronState } from './model';
import { dataTable } from '../shared/data-table';

export interface FieldOptions {
  key: FieldKey;
  label: TemplateResult;
  /** The text in the field: what the user typed, or the number. */
  value: string;
  /** What is wrong with the text, or ''. */
  error: string;
  onInput: (event: Event) => void;
  onChange: (event: Event) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

/** A labelled text field for a number, with the message that says what is wrong with it. */
export function field(o: FieldOptions): TemplateResult {
  return html`
    <div class="field">
      <label for=${`field-${o.key}`}>${o.label}</label>
      <input
        id=${`field-${o.key}`}
        part="field"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${`msg-${o.key}`}
        .value=${o.value}
        @input=${o.onInput}
        @change=${o.onChange}
        @keydown=${o.onKeyDown}
      />
      <span class="message" id=${`msg-${o.key}`} aria-live="polite">${o.error}</span>
    </div>
  `;
}

export interface OptionsOptions {
  /** The inputs in use. */
  n: number;
  activation: NeuronActivation;
  onInputs: (count: number) => void;
  onActivation: (activation: NeuronActivation) => void;
}

/** The number of inputs and the activation, as radio buttons. */
export function options(o: OptionsOptions): TemplateResult {
  return html`
    <div class="options" part="options">
      ${choiceGroup({
        legend: 'Number of inputs',
        name: 'inputs',
        choices: [2, 3, 4].map((count) => ({ value: count, label: String(count) })),
        checked: o.n,
        onChange: o.onInputs,
      })}
      ${choiceGroup({
        legend: 'Activation',
        name: 'activation',
        choices: (Object.keys(ACTIVATIONS) as NeuronActivation[]).map((id) => ({
          value: id,
          label: ACTIVATION_LABEL[id],
        })),
        checked: o.activation,
        onChange: o.onActivation,
      })}
    </div>
  `;
}

/** z and a written out, symbols first, then the numbers, then the result; and the reading. */
export function formula(state: NeuronState): TemplateResult {
  const { z, output } = compute(state);
  const act = activationOf(state.activation);
  const symbolic = state.xs.map(
    (_, i) => html`${i > 0 ? ' + ' : ''}<var>w</var>${sub(i + 1)}<var>x</var>${sub(i + 1)}`,
  );
  const { products, bias } = numericSum(state);
  return html`
    <p class="eq">
      <span class="seg"><var>z</var> = ${symbolic} + <var>b</var></span>
      <span class="seg">= ${products} ${bias}</span>
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
      state.activation === 'sigmoid'
        ? html`<p class="reading">
            Read as a probability: the neuron is ${reading(output)} sure the answer is “yes”.
          </p>`
        : html`<p class="reading">
            With no activation the output is the weighted sum itself: any number, not a probability.
          </p>`
    }
  `;
}

/** The data table: what each input contributes to z, the bias, the sum and the output. */
export function table(state: NeuronState): TemplateResult {
  const t = termTable(state);
  return dataTable({
    part: 'table',
    captionId: 'data-table-caption',
    caption: html`What each input contributes to the weighted sum <var>z</var>`,
    columns: ['term', 'x', 'w', 'w · x'],
    body: html`
      ${t.inputs.map(
        (r, i) => html`
          <tr>
            <th scope="row">input ${i + 1}</th>
            <td>${r.x}</td>
            <td>${r.w}</td>
            <td>${r.product}</td>
          </tr>
        `,
      )}
      <tr>
        <th scope="row">bias b</th>
        <td></td>
        <td></td>
        <td>${t.bias}</td>
      </tr>
      <tr class="total">
        <th scope="row">sum z</th>
        <td></td>
        <td></td>
        <td>${t.z}</td>
      </tr>
      <tr class="total">
        <th scope="row">output a${t.output.formula}</th>
        <td></td>
        <td></td>
        <td>${t.output.value}</td>
      </tr>
    `,
  });
}
