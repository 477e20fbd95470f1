/**
 * The pieces of `<nn-logistic-neuron>` that are markup: the controls, the plane's legend, the box
 * explaining the two losses with the numbers of one point, and the points table. Each is a
 * function of what it shows and the callbacks it calls; the state lives in the element, the
 * numbers in model.ts, the words in describe.ts.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { formatNumber } from '../../math/format';
import type { LossName } from '../../train/types';
import {
  LOSS_LABEL,
  beliefText,
  formatLoss,
  littleToLearn,
  paren,
  pointRows,
  ratioText,
  startNote,
} from './describe';
import { LOSSES, STARTS, otherLoss } from './model';
import type { LossPushes, NeuronsState, PlanePoint, StartName } from './model';
import { dataTable, dataTableArea } from '../shared/data-table';
import type { PlayControls } from '../shared/play-controls';
import { optionLabels } from '../shared/choices';

export interface ControlsOptions {
  loss: LossName;
  compare: boolean;
  start: StartName;
  learningRate: number;
  /** Called on every change of a control, with the setting it changes (none if not valid). */
  onChange: (change: ControlChange) => void;
}

/** The settings a control changes. */
export type ControlChange = Partial<
  Pick<ControlsOptions, 'loss' | 'compare' | 'start' | 'learningRate'>
>;

const valueOf = (event: Event): string => (event.target as HTMLInputElement).value;

/** The loss, the comparison, the start and the learning rate. */
export function controls(o: ControlsOptions): TemplateResult {
  const onCompare = (event: Event) =>
    o.onChange({ compare: (event.target as HTMLInputElement).checked });
  const onStart = (event: Event) => {
    const value = valueOf(event) as StartName;
    o.onChange(value in STARTS ? { start: value } : {});
  };
  const onRate = (event: Event) => {
    const value = Number(valueOf(event));
    if (Number.isFinite(value) && value > 0) o.onChange({ learningRate: value });
  };
  return html`
    <div class="controls" part="controls">
      <fieldset class="losses">
        <legend>Train with</legend>
        ${optionLabels({
          type: 'radio',
          name: 'loss',
          values: LOSSES,
          checked: (loss) => o.loss === loss,
          onChange: (loss) => o.onChange({ loss }),
          words: (loss) => LOSS_LABEL[loss],
        })}
      </fieldset>
      <label class="toggle">
        <input type="checkbox" .checked=${o.compare} @change=${onCompare} />
        Compare with ${LOSS_LABEL[otherLoss(o.loss)]}: same data, same start, step for step
      </label>
      <div class="control">
        <label for="start">Start from</label>
        <select id="start" aria-describedby="start-note" .value=${o.start} @change=${onStart}>
          <option value="confident-wrong" ?selected=${o.start === 'confident-wrong'}>
            confidently wrong
          </option>
          <option value="undecided" ?selected=${o.start === 'undecided'}>undecided</option>
        </select>
        <span class="start-note" id="start-note">${startNote(o.start)}</span>
      </div>
      <div class="control rate">
        <label for="rate">learning rate <var>η</var></label>
        <span class="value num">${formatNumber(o.learningRate, 2)}</span>
        <input
          id="rate"
          type="range"
          min="0.05"
          max="10"
          step="0.05"
          .value=${String(o.learningRate)}
          aria-valuetext=${formatNumber(o.learningRate, 2)}
          @change=${onRate}
        />
      </div>
      <p class="hint">Changing a setting starts again from the beginning.</p>
    </div>
  `;
}

export interface ButtonsOptions extends PlayControls {
  ready: boolean;
  /** "Step 40 · backend: cpu". */
  status: string;
}

/** Play/Pause, Step, Reset and the status line. */
export function buttons(o: ButtonsOptions): TemplateResult {
  return html`
    <div class="buttons" part="buttons">
      <button
        type="button"
        class="primary"
        ?disabled=${!o.ready && !o.playing}
        @click=${o.playing ? o.onPause : o.onPlay}
      >
        ${o.playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" ?disabled=${!o.ready} @click=${o.onStep}>Step</button>
      <button type="button" @click=${o.onReset}>Reset</button>
      <span class="status" part="status">${o.status}</span>
    </div>
  `;
}

/** The plane's key: the two classes' markers and each neuron's line. */
export function legend(losses: readonly LossName[]): TemplateResult {
  return html`
    <figcaption class="legend">
      <span class="key"
        ><svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="5.5" class="class-1"></circle></svg
        >class 1 (“yes”)</span
      >
      <span class="key"
        ><svg width="14" height="14" aria-hidden="true">
          <rect x="2" y="2" width="10" height="10" class="class-0"></rect></svg
        >class 0 (“no”)</span
      >
      ${losses.map(
        (loss, k) =>
          html`<span class="key"
            ><svg width="30" height="12" aria-hidden="true">
              <line x1="1" x2="29" y1="6" y2="6" class=${`line-${k}`}></line></svg
            >${LOSS_LABEL[loss]} neuron’s line</span
          >`,
      )}
    </figcaption>
  `;
}

/** Why cross-entropy escapes a confident mistake: both losses' push on z, at one point. */
export function why(point: PlanePoint, push: LossPushes, loss: LossName): TemplateResult {
  const { z, s, ds, error, ce, mse } = push;
  return html`
    <section class="why" part="why" aria-labelledby="why-heading">
      <h3 id="why-heading">Why the two losses learn at different speeds</h3>
      <p>
        Take the ringed point, (${formatNumber(point.x1, 2)}, ${formatNumber(point.x2, 2)}), of
        class 1: the right answer is <var>y</var> = 1. With the ${LOSS_LABEL[loss]} neuron’s weights
        now, <var>z</var> = ${formatNumber(z, 2)} and σ(<var>z</var>) = ${formatNumber(s, 3)}:
        ${beliefText(push)}.
      </p>
      <ul>
        <li>
          <strong>Cross-entropy</strong>: loss −log(${formatNumber(s, 3)}) =
          ${formatLoss(-Math.log(s))}. Its push on <var>z</var> is ∂<var>L</var>/∂<var>z</var> =
          σ(<var>z</var>) − <var>y</var> = ${formatNumber(s, 3)} − 1 =
          <strong class="num">${formatNumber(ce, 3)}</strong>.
        </li>
        <li>
          <strong>Squared error</strong>: loss (${formatNumber(s, 3)} − 1)² =
          ${formatLoss(error * error)}. Its push is ∂<var>L</var>/∂<var>z</var> = 2(σ(<var>z</var>)
          − <var>y</var>) · σ′(<var>z</var>) = 2 · ${paren(error)} · ${formatNumber(ds, 3)} =
          <strong class="num">${formatLoss(mse)}</strong>.
        </li>
      </ul>
      <p>
        ${
          littleToLearn(push)
            ? html`The neuron is already right and sure about this point, so both pushes are small:
              there is little left to learn from it.`
            : html`Cross-entropy pushes <strong>${ratioText(push.ratio)} times harder</strong>.`
        }
        Squared error’s push carries the factor σ′(<var>z</var>) = σ(<var>z</var>)(1 −
        σ(<var>z</var>)), which is almost 0 when the neuron is confidently wrong: the curve is flat
        there, so it crawls out of its biggest mistakes. Cross-entropy’s push is just the error
        σ(<var>z</var>) − <var>y</var>: the more wrong, the harder the push. (log is the natural
        logarithm.)
      </p>
    </section>
  `;
}

/** The points, their classes and each neuron's output σ(z), right or wrong. */
export function pointsTable(state: NeuronsState): TemplateResult {
  return dataTable({
    part: 'table',
    captionId: 'points-table-caption',
    caption: `The ${state.points.length} points and each neuron’s output σ(z) at step ${state.step}`,
    columns: [
      'point',
      'x₁',
      'x₂',
      'class',
      ...state.losses.map((loss) => `σ(z), ${LOSS_LABEL[loss]}`),
    ],
    body: pointRows(state.points, state.params).map(
      (row) =>
        html`<tr>
          <th scope="row">${row.n}</th>
          <td>${row.x1}</td>
          <td>${row.x2}</td>
          <td>${row.label}</td>
          ${row.outputs.map((o) => html`<td>${o.value} ${o.mark}</td>`)}
        </tr>`,
    ),
  });
}

/** The "Show points table" button and the region that holds the table while it is shown. */
export function pointsTableArea(
  shown: boolean,
  onToggle: () => void,
  table: () => TemplateResult,
): TemplateResult {
  return dataTableArea({
    id: 'points-table',
    shown,
    onToggle,
    table,
    words: ['Show points table', 'Hide points table'],
  });
}
