/**
 * The pieces of `<nn-sigmoid-explorer>` that are markup: the formula boxes of both modes (with
 * `<var>`, `<sub>` and `<sup>`), the output read as a probability, the step hint, and the two data
 * tables. Each is a function of the neuron's setup; the state lives in the element, the numbers
 * in model.ts, the words in describe.ts.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { sigmoid, sigmoidPrime } from '../../math/activations';
import { formatNumber } from '../../math/format';
import {
  param,
  paren,
  reading,
  secondWeight,
  sideOf,
  signed,
  signedProduct,
  stepEnds,
} from './describe';
import { RISE, TABLE_POINTS, curveRows, isStep, planeTicks, riseWidth, weightedSum } from './model';
import type { SigmoidSetup } from './model';
import { dataTable } from '../shared/data-table';

/** The output read as a probability, in plain words. */
function readingText(p: number): TemplateResult {
  const read = reading(p);
  if (read === 'sure') {
    return html`Read as a probability: the neuron is <strong>more than 99%</strong> sure the answer
      is “yes”.`;
  }
  if (read === 'unsure') {
    return html`Read as a probability: the neuron is <strong>less than 1%</strong> sure the answer
      is “yes” — it is almost certain the answer is “no”.`;
  }
  if (read === 'undecided') {
    return html`Read as a probability: the neuron is <strong>50%</strong> sure — it cannot decide
      between “yes” and “no”.`;
  }
  return html`Read as a probability: the neuron is <strong>${read}</strong> sure the answer is
    “yes”.`;
}

/** The two lines σ(z) = 1 / (1 + e^(−z)) = … with the numbers. */
function sigmoidLine(z: number): TemplateResult {
  return html`<p class="eq">
    <span class="seg"
      >σ(<var>z</var>) = 1 / (1 + e<sup>−<var>z</var></sup
      >)</span
    >
    <span class="seg">= 1 / (1 + e<sup>${formatNumber(-z, 2)}</sup>)</span>
    <span class="seg"
      >= <strong class="num" data-value="output">${formatNumber(sigmoid(z), 3)}</strong></span
    >
  </p>`;
}

/** Curve mode's formula box: z, σ(z), optionally σ′(z), the reading and the step hint. */
export function curveFormula(setup: SigmoidSetup): TemplateResult {
  const { weight: w, bias: b, input: x } = setup;
  const z = w * x + b;
  const s = sigmoid(z);
  return html`
    <div class="formula" part="formula">
      <p class="eq">
        <span class="seg"><var>z</var> = <var>w</var>·<var>x</var> + <var>b</var></span>
        <span class="seg">= ${param(w)} · ${paren(param(x), x)} ${signed(b)}</span>
        <span class="seg">= <strong class="num" data-value="z">${formatNumber(z, 2)}</strong></span>
      </p>
      ${sigmoidLine(z)}
      ${
        setup.derivative
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
      <p class="reading">${readingText(s)}</p>
      ${stepHint(w, b)}
    </div>
  `;
}

/** For a large |w|: the curve is almost a step, and how narrow its rise is. */
function stepHint(w: number, b: number): TemplateResult | typeof nothing {
  if (!isStep(w)) return nothing;
  const [from, to] = stepEnds(w);
  return html`<p class="hint" part="hint">
    With <var>w</var> = ${param(w)} the curve is almost a step: σ goes from ${from} to ${to} while
    <var>x</var> moves only ${formatNumber(riseWidth(w), 2)} (that is 5.89 / |<var>w</var>|), around
    <var>x</var> = −<var>b</var>/<var>w</var> = ${formatNumber(-b / w, 2)}. The larger
    |<var>w</var>|, the sharper the step.
  </p>`;
}

/** The decision line with its numbers: "2.0·x₁ − 1.0·x₂ + 0.5 = 0". */
function lineEquation(w1: number, w2: number, b: number): TemplateResult {
  const { sign: w2Sign, text: w2Text } = secondWeight(w2);
  return html`${param(w1)}·<var>x</var><sub>1</sub> ${w2Sign} ${w2Text}·<var>x</var
    ><sub>2</sub> ${signed(b)} = 0`;
}

/** Which side of the decision line z puts the point on, in words. */
function sideWords(z: number): TemplateResult {
  const side = sideOf(z);
  if (side === 'line') return html`line itself (z = 0, σ = 0.5)`;
  return side === 'yes'
    ? html`<strong>“yes” side</strong> (z &gt; 0, where σ &gt; 0.5)`
    : html`<strong>“no” side</strong> (z &lt; 0, where σ &lt; 0.5)`;
}

/** Plane mode's formula box: z, σ(z), the reading, and the decision line and its sharpness. */
export function planeFormula(setup: SigmoidSetup): TemplateResult {
  const { weight: w1, weight2: w2, bias: b, input: x1, input2: x2 } = setup;
  const z = weightedSum(setup);
  const norm = Math.hypot(w1, w2);
  return html`
    <div class="formula" part="formula">
      <p class="eq">
        <span class="seg"
          ><var>z</var> = <var>w</var><sub>1</sub><var>x</var><sub>1</sub> + <var>w</var><sub>2</sub
          ><var>x</var><sub>2</sub> + <var>b</var></span
        >
        <span class="seg"
          >= ${param(w1)} · ${paren(param(x1), x1)} ${signedProduct(w2, x2)} ${signed(b)}</span
        >
        <span class="seg">= <strong class="num" data-value="z">${formatNumber(z, 2)}</strong></span>
      </p>
      ${sigmoidLine(z)}
      <p class="reading">${readingText(sigmoid(z))}</p>
      <p class="hint" part="hint">
        ${
          norm === 0
            ? html`With <var>w</var><sub>1</sub> = <var>w</var><sub>2</sub> = 0 there is no decision
                line: the inputs are ignored and every point gets σ(<var>b</var>) =
                ${formatNumber(sigmoid(b), 3)}.`
            : html`Decision line: <span class="nowrap">${lineEquation(w1, w2, b)}</span>. The point
                is on its ${sideWords(z)}. Across the line σ goes from 0.05 to 0.95 within a band
                ${formatNumber(RISE / norm, 2)} wide (5.89 / |<var>w</var>|, with |<var>w</var>| =
                √(<var>w</var><sub>1</sub>² + <var>w</var><sub>2</sub>²) =
                ${formatNumber(norm, 2)}): the larger the weights, the sharper the edge.`
        }
      </p>
    </div>
  `;
}

/** Curve mode's table: z, σ(z) (and σ′(z)) at 13 inputs, the marked input's row highlighted. */
export function curveTable(setup: SigmoidSetup, xMin: number, xMax: number): TemplateResult {
  const { weight: w, bias: b } = setup;
  return dataTable({
    part: 'table',
    captionId: 'data-table-caption',
    caption: html`
      σ(<var>z</var>) at ${TABLE_POINTS} inputs
      <var>x</var>, where
      <var>z</var>
      =
      <var>w</var>·<var>x</var>
      +
      <var>b</var>
      with
      <var>w</var>
      = ${param(w)} and
      <var>b</var>
      = ${param(b)}
    `,
    columns: ['x', 'z', 'σ(z)', ...(setup.derivative ? ['σ′(z)'] : [])],
    body: curveRows(w, b, xMin, xMax).map(
      (r) => html`
        <tr class=${Math.abs(r.x - setup.input) < 1e-9 ? 'current' : ''}>
          <th scope="row">${param(r.x)}</th>
          <td>${formatNumber(r.z, 2)}</td>
          <td>${formatNumber(r.s, 3)}</td>
          ${setup.derivative ? html`<td>${formatNumber(r.ds, 3)}</td>` : nothing}
        </tr>
      `,
    ),
  });
}

/** Plane mode's table: σ on a 5 × 5 grid, x₂ down the rows (top = largest, as on the map). */
export function planeTable(setup: SigmoidSetup, min: number, max: number): TemplateResult {
  const ticks = planeTicks(min, max);
  const { weight: w1, weight2: w2, bias: b } = setup;
  return dataTable({
    part: 'table',
    captionId: 'data-table-caption',
    caption: html`
      σ(<var>w</var><sub>1</sub><var>x</var><sub>1</sub>
      +
      <var>w</var><sub>2</sub><var>x</var><sub>2</sub>
      +
      <var>b</var>) with <var>w</var><sub>1</sub>
      = ${param(w1)},
      <var>w</var><sub>2</sub>
      = ${param(w2)},
      <var>b</var>
      = ${param(b)}:
      <var>x</var><sub>1</sub>
      across,
      <var>x</var><sub>2</sub>
      down
    `,
    columns: ['x₂ \\ x₁', ...ticks.map((t) => param(t))],
    body: [...ticks].reverse().map(
      (t2) => html`
        <tr>
          <th scope="row">${param(t2)}</th>
          ${ticks.map((t1) => html`<td>${formatNumber(sigmoid(w1 * t1 + w2 * t2 + b), 3)}</td>`)}
        </tr>
      `,
    ),
  });
}
