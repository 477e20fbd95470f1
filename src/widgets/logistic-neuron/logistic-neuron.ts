import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import type { LogisticTrainer, NeuronParams } from '../../train/logistic';
import type { LossName } from '../../train/types';
import '../loss-chart/index';
import type { NnLossChart } from '../loss-chart/index';
import { NnElement, attributeProperties, states } from '../shared/base';
import { TableSwitch } from '../shared/table-switch';
import type { AttributeValues } from '../shared/base';
import type { logisticNeuronDoc } from './meta';
import { FigureChart } from '../shared/size';
import { tokens } from '../shared/tokens';
import {
  LOSS_LABEL,
  planeLabel,
  startErrorText,
  statusText,
  stopErrorText,
  summaryText,
} from './describe';
import {
  EXTENT,
  highlightIndex,
  lossPoints,
  lossPushes,
  makePoints,
  neuronLosses,
  startParams,
  stepDetail,
  trainingData,
} from './model';
import type { LogisticStepDetail, NeuronsState, PlanePoint, StartName } from './model';
import { drawPlane, planeLines } from './plane-chart';
import { styles } from './styles';
import type { ControlChange } from './templates';
import { buttons, controls, legend, pointsTable, pointsTableArea, why } from './templates';

const TAG = 'nn-logistic-neuron';

/** One step per animation frame while playing; under prefers-reduced-motion, more, less often. */
const REDUCED_MOTION = { steps: 10, delayMs: 400 } as const;

/** The `detail` of the `nn-change` event. */
export interface LogisticChangeDetail {
  loss: LossName;
  compare: boolean;
  start: StartName;
  learningRate: number;
}

export type { LogisticStepDetail };

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

// meta.ts's attributes as typed properties (declared by attributeProperties, set by NnElement).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface NnLogisticNeuron extends AttributeValues<typeof logisticNeuronDoc> {}

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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class NnLogisticNeuron extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    ...attributeProperties(TAG),
    ...states({
      _status: 'loading',
      _step: 0,
      _params: [],
      _values: [],
      _error: '',
      _announcement: '',
    }),
  };

  private readonly _table = new TableSwitch(this);

  declare private _status: 'loading' | 'ready' | 'playing' | 'error';
  declare private _step: number;
  /** Each neuron's weights now (the first is trained with `loss`). */
  declare private _params: NeuronParams[];
  /** Each neuron's loss now (empty until the first read-back). */
  declare private _values: number[];
  declare private _error: string;
  /** The text of the polite live region: set when training pauses, steps or restarts. */
  declare private _announcement: string;

  private _trainer: LogisticTrainer | undefined;
  /** Bumped by every restart and disconnect: stale async work checks it and gives up. */
  private _generation = 0;
  private _playing = false;
  private _busy = false;
  private _setupKey = '';
  private _points: PlanePoint[] = [];
  private _pointsSeed = Number.NaN;
  private readonly _plane = new FigureChart(this, (svg, width) => this._drawPlane(svg, width), {
    figure: 'figure.plane',
    svg: 'figure.plane svg',
    fallbackWidth: 360,
  });

  /** The losses of the neurons, in order: `loss` first, then the other one when comparing. */
  private get _losses(): LossName[] {
    return neuronLosses(this.loss, this.compare);
  }

  /** The neurons now, for the words and the table. */
  private get _state(): NeuronsState {
    return {
      step: this._step,
      loss: this.loss,
      compare: this.compare,
      points: this._points,
      losses: this._losses,
      params: this._neuronParams(),
      values: this._values,
    };
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
      this._points = makePoints(this.seed);
    }
    const key = [this.loss, this.compare, this.start, this.learningRate, this.seed].join('|');
    if (key !== this._setupKey && this.isConnected) {
      this._setupKey = key;
      void this._restart();
    }
  }

  protected override updated(): void {
    this._plane.draw();
  }

  private _drawPlane(svg: SVGSVGElement, chartWidth: number): void {
    const width = Math.min(520, chartWidth);
    drawPlane(
      svg,
      {
        points: this._points,
        lines: planeLines(this._losses, this._neuronParams()),
        highlight: highlightIndex(this._points),
        extent: EXTENT,
      },
      width,
    );
  }

  // ---- Training ------------------------------------------------------------------------------

  /** The weights to show: read back from tfjs, or the start while it loads. */
  private _neuronParams(): NeuronParams[] {
    const start = startParams(this.start);
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
      const { x, y } = trainingData(this._points);
      const trainer = await createLogisticTrainer({
        x,
        y,
        start: startParams(this.start),
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
      this._announcement = `Ready to train. ${summaryText(this._state)}`;
    } catch (error) {
      if (generation !== this._generation) return;
      this._status = 'error';
      this._error = startErrorText(error);
    }
  }

  /** Record a read-back: the chart gets every step's loss, the rest the latest values. */
  private _apply(step: number, losses: number[][], params: NeuronParams[]): void {
    const chart = this._chart;
    losses.forEach((values, k) => {
      chart?.append(LOSS_LABEL[this._losses[k]!], lossPoints(step, values));
    });
    this._step = step;
    this._params = params;
    this._values = losses.map((values) => values.at(-1) ?? Number.NaN);
    this.emit<LogisticStepDetail>('nn-step', stepDetail(this._state));
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
        const count = Math.min(target - this._step, reduced ? REDUCED_MOTION.steps : 1);
        if (!(await this._advance(count, generation))) return;
        if (reduced) await delay(REDUCED_MOTION.delayMs);
        else await nextFrame();
      }
    } catch (error) {
      if (generation !== this._generation) return;
      this._error = stopErrorText(error);
    }
    if (generation !== this._generation) return;
    this._playing = false;
    this._status = 'ready';
    this._announcement = `Paused. ${summaryText(this._state)}`;
  }

  private _pause(): void {
    this._playing = false; // the loop stops after its current step and announces
  }

  private async _stepOnce(): Promise<void> {
    if (this._status !== 'ready' || this._busy) return;
    const generation = this._generation;
    if (await this._advance(1, generation)) {
      this._announcement = summaryText(this._state);
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

  /** A control changed: the setting takes effect (training starts again) and is announced. */
  private _onControl(change: ControlChange): void {
    Object.assign(this, change);
    this._emitChange();
  }

  // ---- Rendering -----------------------------------------------------------------------------

  override render(): TemplateResult {
    const playing = this._status === 'playing';
    const ready = this._status === 'ready';
    return html`
      <div class="layout" part="base">
        ${controls({
          loss: this.loss,
          compare: this.compare,
          start: this.start,
          learningRate: this.learningRate,
          onChange: (change) => this._onControl(change),
        })}

        <figure class="plane" part="plane">
          <svg role="img" aria-label=${planeLabel(this._state)}></svg>
          ${legend(this._losses)}
        </figure>

        <nn-loss-chart
          part="loss-chart"
          label="Loss while training"
          theme=${this.theme ?? nothing}
        ></nn-loss-chart>

        ${buttons({
          playing,
          ready,
          status: statusText(this._status === 'loading', this._step, this._trainer?.backend),
          onPlay: () => void this._play(),
          onPause: () => this._pause(),
          onStep: () => void this._stepOnce(),
          onReset: () => this._reset(),
        })}
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}

        <p class="summary" part="summary">${summaryText(this._state)}</p>
        <p class="visually-hidden" aria-live="polite">${this._announcement}</p>

        ${this._why()}
        ${pointsTableArea(this._table.shown, this._table.toggle, () => pointsTable(this._state))}
      </div>
    `;
  }

  /** Why cross-entropy escapes a confident mistake: both losses' push on z, at one point. */
  private _why(): TemplateResult {
    const point = this._points[highlightIndex(this._points)];
    if (!point) return html``;
    return why(point, lossPushes(this._neuronParams()[0]!, point), this.loss);
  }
}
