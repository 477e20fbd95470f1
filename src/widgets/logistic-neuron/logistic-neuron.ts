import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { sigmoid, sigmoidPrime } from '../../math/activations';
import { gaussians } from '../../math/datasets';
import { formatNumber, formatPercent } from '../../math/format';
import type { LogisticTrainer, NeuronParams } from '../../train/logistic';
import type { LossName } from '../../train/types';
import '../loss-chart/index';
import type { NnLossChart } from '../loss-chart/index';
import {
  NnElement,
  booleanAttribute,
  defaultOf,
  enumAttribute,
  numberAttribute,
} from '../shared/base';
import { SizeController } from '../shared/size';
import { tokens } from '../shared/tokens';
import { drawPlane, lineSegment } from './plane-chart';
import type { PlanePoint } from './plane-chart';
import { styles } from './styles';

const TAG = 'nn-logistic-neuron';

/** Points in the dataset: 30 of each class. */
const POINTS = 60;
/** Jitter added to the blobs (see `gaussians` in src/math/datasets.ts). */
const NOISE = 0.15;
/** The plane shown: [−EXTENT, EXTENT]² (the data lies in [−1, 1]²). */
const EXTENT = 1.1;
/** Steps per animation frame while playing (a few more under prefers-reduced-motion, less often). */
const STEPS_PER_FRAME = 1;
const REDUCED_MOTION = { steps: 10, delayMs: 400 } as const;

export type StartName = 'confident-wrong' | 'undecided';

/** The starting weights. Confidently wrong: a typical "yes" point (0.45, 0.45) gets z = −3.6. */
export const STARTS: Record<StartName, NeuronParams> = {
  'confident-wrong': { w1: -4, w2: -4, b: 0 },
  undecided: { w1: 0, w2: 0, b: 0 },
};

const LOSS_LABEL: Record<LossName, string> = {
  'cross-entropy': 'cross-entropy',
  'squared-error': 'mean squared error',
};

const otherLoss = (loss: LossName): LossName =>
  loss === 'cross-entropy' ? 'squared-error' : 'cross-entropy';

/** The `detail` of the `nn-change` event. */
export interface LogisticChangeDetail {
  loss: LossName;
  compare: boolean;
  start: StartName;
  learningRate: number;
}

/** The `detail` of the `nn-step` event. */
export interface LogisticStepDetail {
  /** Steps taken since the start. */
  step: number;
  /** One entry per neuron: the loss it is trained with, its loss now, its weights, accuracy. */
  neurons: { loss: LossName; value: number; params: NeuronParams; correct: number }[];
}

type TrainerModule = typeof import('../../train/logistic');
let trainerModule: Promise<TrainerModule> | undefined;

/** tfjs and the trainer, in their own lazily loaded chunk (once per page). */
function loadTrainerModule(): Promise<TrainerModule> {
  trainerModule ??= import('../../train/logistic').catch((error: unknown) => {
    trainerModule = undefined; // let a later attempt retry (e.g. back online)
    throw error;
  });
  return trainerModule;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * @summary One sigmoid neuron, p = σ(w₁x₁ + w₂x₂ + b), learns to separate two classes of points,
 * trained by gradient descent with TensorFlow.js (loaded on demand, cpu backend). Its decision
 * line moves over the points as it learns and its loss curve streams into an `<nn-loss-chart>`.
 * With `compare`, a twin neuron trained with the other loss starts from the same weights on the
 * same data and steps in lockstep — from a confidently wrong start, cross-entropy escapes at once
 * while mean squared error crawls, and the widget shows why with the numbers of one point.
 *
 * @event nn-change - The user changed the loss, the comparison, the start or the learning rate
 *   (training starts again). `detail`: `{ loss, compare, start, learningRate }`.
 * @event nn-step - Training took steps (Play, Step). `detail`: `{ step, neurons }` (see
 *   `LogisticStepDetail`). Both bubble and are composed.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart controls - The loss, comparison, start and learning-rate controls.
 * @csspart plane - The `<figure>` with the points and the decision lines.
 * @csspart loss-chart - The `<nn-loss-chart>` with the loss curves.
 * @csspart buttons - Play/Pause, Step, Reset and the status line.
 * @csspart status - "Step 40 · backend: cpu".
 * @csspart summary - The text summary: step, each loss, points right, the line's equation.
 * @csspart why - The box explaining the two losses with the numbers of one point.
 * @csspart table-button - The "Show data table" button.
 * @csspart table - The data table (present only while shown).
 *
 * @cssproperty --nn-color-fg - Text, and the first neuron's line and loss curve.
 * @cssproperty --nn-color-bg - Background of the widget.
 * @cssproperty --nn-color-surface - Background of the explanation box and buttons.
 * @cssproperty --nn-color-muted - Axes and secondary text.
 * @cssproperty --nn-color-border - Borders and table rules.
 * @cssproperty --nn-color-accent - Controls and the primary button.
 * @cssproperty --nn-color-class-0 - Points of class 0 (squares).
 * @cssproperty --nn-color-class-1 - Points of class 1 (circles) and the "yes" side of the line.
 * @cssproperty --nn-color-compare - The twin neuron's line and loss curve (dashed).
 * @cssproperty --nn-color-focus - The focus ring.
 */
export class NnLogisticNeuron extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    loss: enumAttribute(TAG, 'loss'),
    compare: booleanAttribute(),
    start: enumAttribute(TAG, 'start'),
    learningRate: { ...numberAttribute(TAG, 'learning-rate'), attribute: 'learning-rate' },
    steps: numberAttribute(TAG, 'steps'),
    seed: numberAttribute(TAG, 'seed'),
    _status: { state: true },
    _step: { state: true },
    _params: { state: true },
    _values: { state: true },
    _error: { state: true },
    _announcement: { state: true },
    _showTable: { state: true },
  };

  /** The loss the (first) neuron is trained with. Default 'cross-entropy'. */
  declare loss: LossName;
  /** Also train a twin neuron with the other loss, in lockstep from the same start. */
  declare compare: boolean;
  /** The starting weights: 'confident-wrong' (default) or 'undecided'. */
  declare start: StartName;
  /** The learning rate η, from 0.05 to 10. Default 2. Attribute `learning-rate`. */
  declare learningRate: number;
  /** Steps per press of Play, from 10 to 2000. Default 200. */
  declare steps: number;
  /** Seed of the data points, from 0 to 9999. Default 1. */
  declare seed: number;

  declare private _status: 'loading' | 'ready' | 'playing' | 'error';
  declare private _step: number;
  /** Each neuron's weights now (the first is trained with `loss`). */
  declare private _params: NeuronParams[];
  /** Each neuron's loss now (empty until the first read-back). */
  declare private _values: number[];
  declare private _error: string;
  /** The text of the polite live region: set when training pauses, steps or restarts. */
  declare private _announcement: string;
  declare private _showTable: boolean;

  private _trainer: LogisticTrainer | undefined;
  /** Bumped by every restart and disconnect: stale async work checks it and gives up. */
  private _generation = 0;
  private _playing = false;
  private _busy = false;
  private _setupKey = '';
  private _points: PlanePoint[] = [];
  private _pointsSeed = Number.NaN;
  private readonly _size = new SizeController(this, {
    target: () => this.renderRoot.querySelector('figure.plane'),
    redraw: () => this._drawPlane(),
  });

  constructor() {
    super();
    this.loss = defaultOf<string>(TAG, 'loss') as LossName;
    this.compare = defaultOf<boolean>(TAG, 'compare');
    this.start = defaultOf<string>(TAG, 'start') as StartName;
    this.learningRate = defaultOf<number>(TAG, 'learning-rate');
    this.steps = defaultOf<number>(TAG, 'steps');
    this.seed = defaultOf<number>(TAG, 'seed');
    this._status = 'loading';
    this._step = 0;
    this._params = [];
    this._values = [];
    this._error = '';
    this._announcement = '';
    this._showTable = false;
  }

  /** The losses of the neurons, in order: `loss` first, then the other one when comparing. */
  private get _losses(): LossName[] {
    return this.compare ? [this.loss, otherLoss(this.loss)] : [this.loss];
  }

  private get _chart(): NnLossChart | null {
    return this.renderRoot.querySelector('nn-loss-chart');
  }

  // ---- Lifecycle -----------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      this._setupKey = '';
      this.requestUpdate(); // willUpdate sees the empty key and starts training afresh
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._generation++;
    this._playing = false;
    this._trainer?.dispose();
    this._trainer = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    if (this.seed !== this._pointsSeed) {
      this._pointsSeed = this.seed;
      this._points = gaussians(POINTS, NOISE, this.seed).map((p) => ({
        x1: p.x,
        x2: p.y,
        label: p.label,
      }));
    }
    const key = [this.loss, this.compare, this.start, this.learningRate, this.seed].join('|');
    if (key !== this._setupKey && this.isConnected) {
      this._setupKey = key;
      void this._restart();
    }
  }

  protected override updated(): void {
    this._drawPlane();
  }

  private _drawPlane(): void {
    const svg = this.renderRoot.querySelector<SVGSVGElement>('figure.plane svg');
    // Drawn once the figure is measured (see SizeController), never by measuring in an update.
    if (!svg || !this._size.measured) return;
    const width = Math.min(520, this._size.widthOr(360));
    drawPlane(
      svg,
      {
        points: this._points,
        lines: this._neuronParams().map((p, k) => ({
          key: this._losses[k] ?? String(k),
          ...p,
          stroke: `var(--_line-${k})`,
          dash: k === 0 ? '' : '8 4',
        })),
        highlight: this._highlight(),
        extent: EXTENT,
      },
      width,
    );
  }

  // ---- Training ------------------------------------------------------------------------------

  /** The weights to show: read back from tfjs, or the start while it loads. */
  private _neuronParams(): NeuronParams[] {
    const start = STARTS[this.start] ?? STARTS['confident-wrong'];
    return this._losses.map((_, k) => this._params[k] ?? start);
  }

  private async _restart(): Promise<void> {
    const generation = ++this._generation;
    this._playing = false;
    this._busy = false;
    this._trainer?.dispose();
    this._trainer = undefined;
    this._status = 'loading';
    this._error = '';
    this._step = 0;
    this._params = [];
    this._values = [];
    await this.updateComplete;
    this._chart?.clear();
    try {
      const { createLogisticTrainer } = await loadTrainerModule();
      if (generation !== this._generation) return;
      const x = new Float32Array(this._points.flatMap((p) => [p.x1, p.x2]));
      const y = new Float32Array(this._points.map((p) => p.label));
      const trainer = await createLogisticTrainer({
        x,
        y,
        start: STARTS[this.start] ?? STARTS['confident-wrong'],
        learningRate: this.learningRate,
        losses: this._losses,
      });
      if (generation !== this._generation) {
        trainer.dispose();
        return;
      }
      this._trainer = trainer;
      const report = await trainer.evaluate();
      if (generation !== this._generation) return;
      this._apply(report.step, report.losses, report.params);
      this._status = 'ready';
      this._announcement = `Ready to train. ${this._summaryText()}`;
    } catch (error) {
      if (generation !== this._generation) return;
      this._status = 'error';
      this._error =
        `Training could not start: ${error instanceof Error ? error.message : String(error)}. ` +
        'Reload the page to try again.';
    }
  }

  /** Record a read-back: the chart gets every step's loss, the rest the latest values. */
  private _apply(step: number, losses: number[][], params: NeuronParams[]): void {
    const chart = this._chart;
    losses.forEach((values, k) => {
      const first = step - values.length + 1;
      chart?.append(
        LOSS_LABEL[this._losses[k]!],
        values.map((loss, j) => ({ step: first + j, loss })),
      );
    });
    this._step = step;
    this._params = params;
    this._values = losses.map((values) => values.at(-1) ?? Number.NaN);
    this.emit<LogisticStepDetail>('nn-step', {
      step,
      neurons: params.map((p, k) => ({
        loss: this._losses[k]!,
        value: this._values[k]!,
        params: p,
        correct: this._correct(p),
      })),
    });
  }

  /** Take `count` steps (one read-back). False if the widget restarted meanwhile. */
  private async _advance(count: number, generation: number): Promise<boolean> {
    const trainer = this._trainer;
    if (!trainer) return false;
    this._busy = true;
    try {
      const report = await trainer.train(count);
      if (generation !== this._generation) return false;
      this._apply(report.step, report.losses, report.params);
      return true;
    } finally {
      if (generation === this._generation) this._busy = false;
    }
  }

  private async _play(): Promise<void> {
    if (this._status !== 'ready' || this._busy) return;
    const generation = this._generation;
    const target = this._step + this.steps;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this._playing = true;
    this._status = 'playing';
    this._announcement = `Training: ${this.steps} steps.`;
    try {
      while (this._playing && generation === this._generation && this._step < target) {
        const count = Math.min(
          target - this._step,
          reduced ? REDUCED_MOTION.steps : STEPS_PER_FRAME,
        );
        if (!(await this._advance(count, generation))) return;
        if (reduced) await delay(REDUCED_MOTION.delayMs);
        else await nextFrame();
      }
    } catch (error) {
      if (generation !== this._generation) return;
      this._error = `Training stopped: ${error instanceof Error ? error.message : String(error)}.`;
    }
    if (generation !== this._generation) return;
    this._playing = false;
    this._status = 'ready';
    this._announcement = `Paused. ${this._summaryText()}`;
  }

  private _pause(): void {
    this._playing = false; // the loop stops after its current step and announces
  }

  private async _stepOnce(): Promise<void> {
    if (this._status !== 'ready' || this._busy) return;
    const generation = this._generation;
    if (await this._advance(1, generation)) {
      this._announcement = this._summaryText();
    }
  }

  private _reset(): void {
    this._setupKey = '';
    this.requestUpdate();
  }

  // ---- User changes --------------------------------------------------------------------------

  private _emitChange(): void {
    this.emit<LogisticChangeDetail>('nn-change', {
      loss: this.loss,
      compare: this.compare,
      start: this.start,
      learningRate: this.learningRate,
    });
  }

  private _onLoss(event: Event): void {
    const value = (event.target as HTMLInputElement).value as LossName;
    if (value in LOSS_LABEL) this.loss = value;
    this._emitChange();
  }

  private _onCompare(event: Event): void {
    this.compare = (event.target as HTMLInputElement).checked;
    this._emitChange();
  }

  private _onStart(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as StartName;
    if (value in STARTS) this.start = value;
    this._emitChange();
  }

  private _onRate(event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    if (!Number.isFinite(value) || value <= 0) return;
    this.learningRate = value;
    this._emitChange();
  }

  // ---- Numbers for the text ------------------------------------------------------------------

  /** How many points a neuron classifies right: σ > 0.5 (z > 0) for class 1, σ < 0.5 for 0. */
  private _correct(p: NeuronParams): number {
    return this._points.filter((q) => isRight(p, q)).length;
  }

  /** The ringed point: the "yes" point nearest its blob's centre (0.45, 0.45), a typical one. */
  private _highlight(): number {
    let best = -1;
    let bestDistance = Infinity;
    this._points.forEach((p, i) => {
      const d = (p.x1 - 0.45) ** 2 + (p.x2 - 0.45) ** 2;
      if (p.label === 1 && d < bestDistance) [best, bestDistance] = [i, d];
    });
    return best;
  }

  private _summaryText(): string {
    const params = this._neuronParams();
    const parts = this._losses.map((loss, k) => {
      const value = this._values[k];
      const lossText = value === undefined ? 'loss not read yet' : `loss ${formatLoss(value)}`;
      return (
        `${capitalise(LOSS_LABEL[loss])} neuron: ${lossText}, ` +
        `${this._correct(params[k]!)} of ${this._points.length} points right.`
      );
    });
    const outside = params
      .map((p, k) => {
        if (lineSegment(p.w1, p.w2, p.b, EXTENT)) return '';
        const who = this.compare ? `The ${LOSS_LABEL[this._losses[k]!]} neuron` : 'The neuron';
        if (p.w1 === 0 && p.w2 === 0) {
          return ` ${who} has no line: with w₁ = w₂ = 0 it outputs σ(b) = ${formatNumber(
            sigmoid(p.b),
            2,
          )} for every point.`;
        }
        // Outside the square, the sign of z is the same everywhere in it: that of z(0, 0) = b.
        const answer = p.b > 0 ? 'yes' : 'no';
        return ` ${who}'s line is outside the plot: it answers “${answer}” for every point shown.`;
      })
      .join('');
    return `Step ${this._step}. ${parts.join(' ')} Decision line${
      this.compare ? ` of the ${LOSS_LABEL[this.loss]} neuron` : ''
    }: ${equation(params[0]!)}.${outside}`;
  }

  // ---- Rendering -----------------------------------------------------------------------------

  override render(): TemplateResult {
    const playing = this._status === 'playing';
    const ready = this._status === 'ready';
    const other = LOSS_LABEL[otherLoss(this.loss)];
    return html`
      <div class="layout" part="base">
        <div class="controls" part="controls">
          <fieldset class="losses">
            <legend>Train with</legend>
            ${(['cross-entropy', 'squared-error'] as const).map(
              (loss) =>
                html`<label class="radio">
                  <input
                    type="radio"
                    name="loss"
                    value=${loss}
                    .checked=${this.loss === loss}
                    @change=${this._onLoss}
                  />
                  ${LOSS_LABEL[loss]}
                </label>`,
            )}
          </fieldset>
          <label class="toggle">
            <input type="checkbox" .checked=${this.compare} @change=${this._onCompare} />
            Compare with ${other}: same data, same start, step for step
          </label>
          <div class="control">
            <label for="start">Start from</label>
            <select
              id="start"
              aria-describedby="start-note"
              .value=${this.start}
              @change=${this._onStart}
            >
              <option value="confident-wrong" ?selected=${this.start === 'confident-wrong'}>
                confidently wrong
              </option>
              <option value="undecided" ?selected=${this.start === 'undecided'}>undecided</option>
            </select>
            <span class="start-note" id="start-note">${startNote(this.start)}</span>
          </div>
          <div class="control rate">
            <label for="rate">learning rate <var>η</var></label>
            <span class="value num">${formatNumber(this.learningRate, 2)}</span>
            <input
              id="rate"
              type="range"
              min="0.05"
              max="10"
              step="0.05"
              .value=${String(this.learningRate)}
              aria-valuetext=${formatNumber(this.learningRate, 2)}
              @change=${this._onRate}
            />
          </div>
          <p class="hint">Changing a setting starts again from the beginning.</p>
        </div>

        <figure class="plane" part="plane">
          <svg role="img" aria-label=${this._planeLabel()}></svg>
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
            ${this._losses.map(
              (loss, k) =>
                html`<span class="key"
                  ><svg width="30" height="12" aria-hidden="true">
                    <line x1="1" x2="29" y1="6" y2="6" class=${`line-${k}`}></line></svg
                  >${LOSS_LABEL[loss]} neuron’s line</span
                >`,
            )}
          </figcaption>
        </figure>

        <nn-loss-chart
          part="loss-chart"
          label="Loss while training"
          theme=${this.theme ?? nothing}
        ></nn-loss-chart>

        <div class="buttons" part="buttons">
          <button
            type="button"
            class="primary"
            ?disabled=${!ready && !playing}
            @click=${playing ? this._pause : this._play}
          >
            ${playing ? 'Pause' : 'Play'}
          </button>
          <button type="button" ?disabled=${!ready} @click=${this._stepOnce}>Step</button>
          <button type="button" @click=${this._reset}>Reset</button>
          <span class="status" part="status">${this._statusText()}</span>
        </div>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}

        <p class="summary" part="summary">${this._summaryText()}</p>
        <p class="visually-hidden" aria-live="polite">${this._announcement}</p>

        ${this._why()}

        <div class="table-area">
          <button
            type="button"
            part="table-button"
            aria-expanded=${this._showTable ? 'true' : 'false'}
            aria-controls="points-table"
            @click=${() => (this._showTable = !this._showTable)}
          >
            ${this._showTable ? 'Hide points table' : 'Show points table'}
          </button>
          <div
            class="table-wrap"
            id="points-table"
            role="region"
            aria-labelledby="points-table-caption"
            tabindex=${this._showTable ? '0' : '-1'}
            ?hidden=${!this._showTable}
          >
            ${this._showTable ? this._table() : nothing}
          </div>
        </div>
      </div>
    `;
  }

  private _statusText(): string {
    const where = this._status === 'loading' ? 'Loading TensorFlow.js…' : `Step ${this._step}`;
    return `${where} · backend: ${this._trainer?.backend ?? 'cpu'}`;
  }

  private _planeLabel(): string {
    const lines = this._neuronParams()
      .map((p, k) => `the ${LOSS_LABEL[this._losses[k]!]} neuron's line ${equation(p)}`)
      .join(' and ');
    return (
      `${this._points.length} points on the plane of inputs x₁ and x₂ from −1 to 1: class 1 ` +
      `around (0.45, 0.45), class 0 around (−0.45, −0.45); ${lines}.`
    );
  }

  /** Why cross-entropy escapes a confident mistake: both losses' push on z, at one point. */
  private _why(): TemplateResult {
    const point = this._points[this._highlight()];
    const p = this._neuronParams()[0]!;
    if (!point) return html``;
    const z = p.w1 * point.x1 + p.w2 * point.x2 + p.b;
    const s = sigmoid(z);
    const ds = sigmoidPrime(z);
    const error = s - 1; // y = 1
    const ce = error; // ∂/∂z of −log σ(z)
    const mse = 2 * error * ds; // ∂/∂z of (σ(z) − 1)²
    const ratio = Math.abs(ce) / Math.abs(mse);
    const wrong = s < 0.5;
    const sure = wrong ? 1 - s : s;
    const belief =
      Math.abs(s - 0.5) < 0.0005
        ? 'the neuron is undecided, 50–50'
        : `the neuron is ${formatPercent(sure)} sure of the ${wrong ? 'wrong' : 'right'} answer`;
    return html`
      <section class="why" part="why" aria-labelledby="why-heading">
        <h3 id="why-heading">Why the two losses learn at different speeds</h3>
        <p>
          Take the ringed point, (${formatNumber(point.x1, 2)}, ${formatNumber(point.x2, 2)}), of
          class 1: the right answer is <var>y</var> = 1. With the ${LOSS_LABEL[this.loss]} neuron’s
          weights now, <var>z</var> = ${formatNumber(z, 2)} and σ(<var>z</var>) =
          ${formatNumber(s, 3)}: ${belief}.
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
            ${formatLoss(error * error)}. Its push is ∂<var>L</var>/∂<var>z</var> =
            2(σ(<var>z</var>) − <var>y</var>) · σ′(<var>z</var>) = 2 · ${paren(error)} ·
            ${formatNumber(ds, 3)} = <strong class="num">${formatLoss(mse)}</strong>.
          </li>
        </ul>
        <p>
          ${
            Math.abs(ce) < 0.05
              ? html`The neuron is already right and sure about this point, so both pushes are
                small: there is little left to learn from it.`
              : html`Cross-entropy pushes
                  <strong
                    >${ratio >= 10 ? formatNumber(ratio, 0) : formatNumber(ratio, 1)} times
                    harder</strong
                  >.`
          }
          Squared error’s push carries the factor σ′(<var>z</var>) = σ(<var>z</var>)(1 −
          σ(<var>z</var>)), which is almost 0 when the neuron is confidently wrong: the curve is
          flat there, so it crawls out of its biggest mistakes. Cross-entropy’s push is just the
          error σ(<var>z</var>) − <var>y</var>: the more wrong, the harder the push. (log is the
          natural logarithm.)
        </p>
      </section>
    `;
  }

  private _table(): TemplateResult {
    const params = this._neuronParams();
    return html`
      <table part="table">
        <caption id="points-table-caption">
          The ${this._points.length} points and each neuron’s output σ(z) at step ${this._step}
        </caption>
        <thead>
          <tr>
            <th scope="col">point</th>
            <th scope="col">x₁</th>
            <th scope="col">x₂</th>
            <th scope="col">class</th>
            ${this._losses.map((loss) => html`<th scope="col">σ(z), ${LOSS_LABEL[loss]}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${this._points.map(
            (q, i) =>
              html`<tr>
                <th scope="row">${i + 1}</th>
                <td>${formatNumber(q.x1, 2)}</td>
                <td>${formatNumber(q.x2, 2)}</td>
                <td>${q.label}</td>
                ${params.map((p) => {
                  const out = sigmoid(p.w1 * q.x1 + p.w2 * q.x2 + p.b);
                  return html`<td>${formatNumber(out, 3)} ${isRight(p, q) ? '✓' : '✗'}</td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}

/** Whether the neuron classifies `q` right. At z = 0 exactly (σ = 0.5) it has not decided. */
function isRight(p: NeuronParams, q: PlanePoint): boolean {
  const z = p.w1 * q.x1 + p.w2 * q.x2 + p.b;
  return q.label === 1 ? z > 0 : z < 0;
}

/** The starting weights in words, under the Start menu. */
function startNote(start: StartName): string {
  return start === 'undecided'
    ? 'w₁ = w₂ = b = 0: σ = 0.5 for every point.'
    : 'w₁ = w₂ = −4, b = 0: about 97% sure of the wrong class for a typical point.';
}

/** "−1.20·x₁ + 3.00·x₂ − 0.50 = 0": the decision line, with a real minus sign. */
export function equation(p: NeuronParams): string {
  const signed = (v: number) => {
    const text = formatNumber(Math.abs(v), 2);
    return v < 0 && text !== '0.00' ? `− ${text}` : `+ ${text}`;
  };
  return `${formatNumber(p.w1, 2)}·x₁ ${signed(p.w2)}·x₂ ${signed(p.b)} = 0`;
}

/** Two significant digits for small losses (0.034), two decimals otherwise. */
function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return formatNumber(v, 2);
  const a = Math.abs(v);
  if (a === 0 || a >= 0.1) return formatNumber(v, a >= 1000 ? 0 : 2);
  return formatNumber(v, Math.min(8, 1 - Math.floor(Math.log10(a))));
}

function paren(v: number): string {
  const text = formatNumber(v, 3);
  return v < 0 ? `(${text})` : text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
