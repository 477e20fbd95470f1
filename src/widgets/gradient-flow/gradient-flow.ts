import { html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import type { InitScheme } from '../../math/deep-net';
import { formatNumber, formatPercent } from '../../math/format';
import { NnElement, attributeProperties, states } from '../shared/base';
import { TableSwitch } from '../shared/table-switch';
import type { AttributeValues } from '../shared/base';
import type { gradientFlowDoc } from './meta';
import { dataTableArea } from '../shared/data-table';
import { tokens } from '../shared/tokens';
import { summary, verdictText } from './describe';
import { FlowRun, MAX_STEPS } from './model';
import type { FlowActivation, FlowSetup, FlowSnapshot, FlowVerdict } from './model';
import { styles } from './styles';
import { buttons, choices, layerRows, table } from './templates';

const TAG = 'nn-gradient-flow';

/** Milliseconds of training per animation frame: the page stays responsive around it. */
const SLICE_MS = 8;
/** Steps between two looks at the clock. */
const CHUNK = 4;
/** Steps of the "10 steps" button. */
const STEP_BUTTON = 10;

/** `detail` of `nn-train-progress`: what the widget shows after each slice of training. */
export interface GradientFlowDetail {
  step: number;
  loss: number;
  accuracy: number;
  /** ‖∂L/∂W⁽ℓ⁾‖ for every layer, the first hidden layer first, the output unit last. */
  gradients: number[];
  /** The first layer's gradient ÷ the output layer's. */
  ratio: number;
  verdict: FlowVerdict;
  activation: FlowActivation;
  init: InitScheme;
}

/** `detail` of `nn-change`: the setup after the student chose an activation or the first weights. */
export interface GradientFlowChangeDetail {
  activation: FlowActivation;
  init: InitScheme;
}

// meta.ts's attributes as typed properties (declared by attributeProperties, set by NnElement).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface NnGradientFlow extends AttributeValues<typeof gradientFlowDoc> {}

/**
 * @summary A deep, narrow network (6 to 10 hidden layers) trained live by gradient descent on 200
 * points of a 2D dataset. One row per layer shows a histogram of the layer's outputs and the size
 * of its gradient ‖∂L/∂W‖ (over all the points) as a bar on a log scale from 10⁻¹⁶ to 10⁴, with the
 * number. Radio chips choose the activation (sigmoid, tanh, ReLU, leaky ReLU) and the first
 * weights (too small, Xavier, He, too large); the status says whether the gradient vanishes,
 * explodes or flows. Training runs in slices of a few milliseconds per animation frame, so the
 * page keeps answering.
 *
 * @event nn-train-progress - After each slice of training, each "10 steps" and each reset.
 *   `detail`: `{ step, loss, accuracy, gradients, ratio, verdict, activation, init }` (see
 *   `GradientFlowDetail`). Bubbles and is composed.
 * @event nn-change - The user chose an activation or the first weights. `detail`:
 *   `{ activation, init }`. Not fired for attribute or property changes.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart activation - The choice of activation.
 * @csspart init - The choice of the first weights.
 * @csspart buttons - Train/Pause, "10 steps" and Reset.
 * @csspart play - The Train/Pause button.
 * @csspart step - The "10 steps" button.
 * @csspart reset - The Reset button.
 * @csspart status - The step, loss, accuracy and what the gradient does.
 * @csspart layers - The list of layers.
 * @csspart layer - One layer's row.
 * @csspart summary - The summary in words (`aria-live="polite"` while not training).
 * @csspart table-button - The "Show data table" button.
 * @csspart table - The data table (present only while shown).
 *
 * @cssproperty --nn-color-fg - Text colour.
 * @cssproperty --nn-color-bg - Background of the widget and the gradient bars.
 * @cssproperty --nn-color-surface - Background of the layer rows and the choices.
 * @cssproperty --nn-color-muted - Secondary text.
 * @cssproperty --nn-color-border - Borders, bars' outline and the histograms' base line.
 * @cssproperty --nn-color-accent - The histograms, the chosen chips and the Train button.
 * @cssproperty --nn-color-accent-2 - The gradient bars.
 * @cssproperty --nn-color-danger - A vanishing or exploding gradient in the status.
 * @cssproperty --nn-color-success - A flowing gradient in the status.
 * @cssproperty --nn-color-focus - The focus ring.
 * @cssproperty --nn-radius - Corner radius.
 * @cssproperty --nn-font - Text font.
 * @cssproperty --nn-font-mono - Font of the gradient sizes.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class NnGradientFlow extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    ...attributeProperties(TAG),
    ...states({ _snapshot: undefined, _playing: false }),
  };

  private readonly _table = new TableSwitch(this);

  declare private _snapshot: FlowSnapshot | undefined;
  declare private _playing: boolean;

  private _run: FlowRun | undefined;
  private _frame = 0;

  /** The setup the attributes describe (whole numbers of layers and units). */
  private get _setup(): FlowSetup {
    return {
      depth: Math.round(this.depth),
      width: Math.round(this.width),
      activation: this.activation,
      init: this.init,
      learningRate: this.learningRate,
      dataset: this.datasetName,
      seed: this.seed,
    };
  }

  /** The numbers shown now (a snapshot of the current run). */
  get snapshot(): FlowSnapshot | undefined {
    return this._snapshot;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const setupKeys = [
      'depth',
      'width',
      'activation',
      'init',
      'learningRate',
      'datasetName',
      'seed',
    ];
    if (!this._run || setupKeys.some((k) => changed.has(k as keyof NnGradientFlow))) {
      this._restart();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._pause();
  }

  // ---- training ----------------------------------------------------------------------------

  /** A new run from the attributes, at step 0 (training goes on if it was on). */
  private _restart(): void {
    this._run = new FlowRun(this._setup);
    this._publish();
  }

  /** Take a snapshot of the run, show it and tell the page. */
  private _publish(): void {
    const run = this._run;
    if (!run) return;
    const s = run.snapshot();
    this._snapshot = s;
    this.emit<GradientFlowDetail>('nn-train-progress', {
      step: s.step,
      loss: s.loss,
      accuracy: s.accuracy,
      gradients: s.gradients,
      ratio: s.ratio,
      verdict: s.verdict,
      activation: run.setup.activation,
      init: run.setup.init,
    });
    if (this._playing && this._stopped(s)) this._pause();
  }

  private _stopped(s: FlowSnapshot | undefined): boolean {
    return !!s && (s.verdict === 'broken' || s.step >= MAX_STEPS);
  }

  private _play(): void {
    if (this._playing || this._stopped(this._snapshot)) return;
    this._playing = true;
    const tick = (): void => {
      const run = this._run;
      if (!this._playing || !run) return;
      const start = performance.now();
      do run.train(CHUNK);
      while (performance.now() - start < SLICE_MS && run.steps < MAX_STEPS);
      this._publish();
      if (this._playing) this._frame = requestAnimationFrame(tick);
    };
    this._frame = requestAnimationFrame(tick);
  }

  private _pause(): void {
    this._playing = false;
    cancelAnimationFrame(this._frame);
  }

  private _step(): void {
    if (!this._run || this._stopped(this._snapshot)) return;
    this._pause();
    this._run.train(STEP_BUTTON);
    this._publish();
  }

  private _reset(): void {
    this._restart();
  }

  private _choose(change: Partial<GradientFlowChangeDetail>): void {
    if (change.activation) this.activation = change.activation;
    if (change.init) this.init = change.init;
    this.emit<GradientFlowChangeDetail>('nn-change', {
      activation: this.activation,
      init: this.init,
    });
  }

  // ---- rendering ---------------------------------------------------------------------------

  override render(): TemplateResult {
    const s = this._snapshot;
    const setup = this._run?.setup ?? this._setup;
    const stopped = this._stopped(s);
    return html`
      <div class="layout" part="base">
        <div class="controls">
          ${choices({
            setup,
            onActivation: (activation) => this._choose({ activation }),
            onInit: (init) => this._choose({ init }),
          })}
          ${buttons({
            playing: this._playing,
            stopped,
            onPlay: () => this._play(),
            onPause: () => this._pause(),
            onStep: () => this._step(),
            onReset: () => this._reset(),
          })}
        </div>
        ${
          s
            ? html`
                <p class="status" part="status">
                  <span>Step <strong class="num" data-value="step">${s.step}</strong></span> ·
                  <span
                    >loss
                    <strong class="num" data-value="loss">${formatNumber(s.loss, 3)}</strong></span
                  >
                  ·
                  <span
                    ><strong class="num" data-value="accuracy">${formatPercent(s.accuracy)}</strong>
                    right</span
                  >
                  <br />
                  <span data-verdict=${s.verdict}>${verdictText(s)}</span>
                  ${
                    stopped && s.verdict !== 'broken'
                      ? html`<br /><span
                            >Stopped after ${MAX_STEPS} steps; press Reset to start again.</span
                          >`
                      : ''
                  }
                </p>
                ${layerRows(setup, s)}
                <p class="summary" part="summary" aria-live=${this._playing ? 'off' : 'polite'}>
                  ${summary(setup, s)}
                </p>
                ${dataTableArea({
                  ...this._table.area,
                  table: () => table(s),
                })}
              `
            : ''
        }
      </div>
    `;
  }
}
