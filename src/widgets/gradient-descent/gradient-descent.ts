import type { PropertyValues, TemplateResult } from 'lit';
import { drawDescent1d } from '../../charts/descent-1d';
import type { ChartLayout } from '../../charts/descent-1d';
import { drawDescentContour } from '../../charts/descent-contour';
import { initialState } from '../../math/descent';
import type { DescentOptions, DescentState } from '../../math/descent';
import { SURFACES, surfaceById } from '../../math/surfaces';
import type { Surface } from '../../math/surfaces';
import { NnElement, attributeProperties, states, warnOnce } from '../shared/base';
import { TableSwitch } from '../shared/table-switch';
import type { AttributeValues } from '../shared/base';
import type { gradientDescentDoc } from './meta';
import { FigureChart } from '../shared/size';
import { tokens } from '../shared/tokens';
import { styles } from './styles';
import { outsideWarning, rateError, statusText } from './describe';
import {
  DEFAULT_BETA,
  TAG,
  advance,
  chartFrame,
  curveHeight,
  descentOptions,
  pickedStart,
  rangeOf,
  rateFromSlider,
  startIn,
  statusOf,
  stepDuration,
  tween,
  typedRate,
} from './model';
import type { DescentChangeDetail, DescentStatus, DescentStepDetail } from './model';
import { optionalNumber } from './attributes';
import { StartPoint } from './start-point';
import * as parts from './templates';

export type { DescentChangeDetail, DescentStatus, DescentStepDetail } from './model';

// meta.ts's attributes as typed properties (declared by attributeProperties, set by NnElement).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface NnGradientDescent extends AttributeValues<
  typeof gradientDescentDoc,
  'rate' | 'startX' | 'startY'
> {}

/**
 * @summary Gradient descent, step by step: a ball rolling down a loss curve (one parameter) or
 * across a contour map (two parameters), with the update rule written out in numbers, a learning
 * rate on a log scale, a draggable start point, momentum, and a run that explains — and stops —
 * when the learning rate is too large.
 *
 * @event nn-descent-step - After every step (played or single), and when a step is refused
 *   because its numbers would overflow. `detail`: `{ iteration, position, loss, gradient, status,
 *   message }` (see `DescentStepDetail`); `status` is `running`, `converged`, `diverged`,
 *   `overflow` or `max-steps`. Bubbles and is composed.
 * @event nn-change - The user changed the surface, the learning rate, the momentum or the start
 *   point. `detail`: `{ surface, rate, momentum, start }`. Not fired for attribute changes.
 *
 * @csspart base - The layout wrapper around everything.
 * @csspart chart - The `<figure>` holding the chart and its live summary.
 * @csspart plot - The `<svg>` chart (focusable: the arrow keys move the start point).
 * @csspart summary - The live text summary under the chart (`aria-live="polite"`).
 * @csspart buttons - The Play/Pause, Step and Reset buttons.
 * @csspart readout - The iteration count and the loss.
 * @csspart controls - The learning rate and momentum controls.
 * @csspart slider - Each `<input type="range">` (learning rate, momentum).
 * @csspart formula - The update rule with the numbers substituted.
 * @csspart status - The run's status in words (converged, diverged, …).
 * @csspart table-button - The "Show the iterates" button.
 * @csspart table - The table of iterates (present only while shown).
 *
 * @cssproperty --nn-color-fg - Text colour, the trail and the start ring.
 * @cssproperty --nn-color-bg - Background of the widget.
 * @cssproperty --nn-color-surface - Background of the formula and status boxes.
 * @cssproperty --nn-color-muted - Axes, contour lines and secondary text.
 * @cssproperty --nn-color-border - The widget's border and table rules.
 * @cssproperty --nn-color-accent - The loss curve and the contour map's colour.
 * @cssproperty --nn-color-accent-2 - The ball and the step arrow.
 * @cssproperty --nn-color-danger - The message of a diverging run.
 * @cssproperty --nn-color-success - The mark of a converged run.
 * @cssproperty --nn-color-focus - The focus ring.
 * @cssproperty --nn-radius - Corner radius.
 * @cssproperty --nn-font - Text font.
 * @cssproperty --nn-font-mono - Font of the numbers in the formulas.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class NnGradientDescent extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    ...attributeProperties(TAG, {
      rate: optionalNumber('rate'),
      startX: optionalNumber('start-x'),
      startY: optionalNumber('start-y'),
    }),
    ...states({ _states: [], _playing: false, _rateError: '' }),
  };

  private readonly _table = new TableSwitch(this);

  /**
   * The learning rate η, from 0.001 to 10. Undefined (attribute absent) means the surface's
   * suggested rate. Reflected to the `rate` attribute when the user changes it.
   */
  declare rate: number | undefined;
  /** The start point's first parameter. Undefined means the surface's suggested start. */
  declare startX: number | undefined;
  /** The start point's second parameter (2D surfaces). Undefined means the suggested start. */
  declare startY: number | undefined;

  /** Every state of the run so far, the start first. */
  declare private _states: DescentState[];
  declare private _playing: boolean;
  /** A message next to the exact-η box when what was typed is not a usable rate. */
  declare private _rateError: string;

  /** The β the momentum checkbox restores when it is turned back on. */
  private _lastBeta = DEFAULT_BETA;
  private readonly _chart = new FigureChart(this, () => this._draw(), { fallbackWidth: 600 });
  private _animationFrame = 0;
  /** When the last step was taken (performance.now()), for the play loop and the tween. */
  private _stepTime = 0;
  /** The ball's position before the last step, to tween from (null: no tween). */
  private _tweenFrom: number[] | null = null;
  private _layout: ChartLayout | undefined;
  /** The start point, moved on the plot by pointer or keys. */
  private readonly _start = new StartPoint({
    svg: () => this._chart.svg,
    layout: () => this._layout,
    surface: () => this.currentSurface,
    start: () => this.effectiveStart,
    pause: () => this._pause(),
    move: (p) => this._setStart(p),
  });
  /** What the controls call: the template binds these. */
  private readonly _on: parts.Handlers = {
    surface: (e) => this._onSurface(e),
    plotKey: this._start.plotKey,
    click: this._start.click,
    pointerDown: this._start.pointerDown,
    pointerMove: this._start.pointerMove,
    pointerUp: this._start.pointerUp,
    play: () => this._onPlay(),
    step: () => this._onStep(),
    reset: () => this._onReset(),
    rateSlider: (e) => this._onRateSlider(e),
    rateExact: (e) => this._onRateExact(e),
    momentumToggle: (e) => this._onMomentumToggle(e),
    beta: (e) => this._onBeta(e),
    toggleTable: this._table.toggle,
  };

  // ---- Derived values ---------------------------------------------------------------------

  /** The surface in use (the default one if the attribute named no surface). */
  get currentSurface(): Surface {
    return surfaceById(this.surface) ?? SURFACES[0]!;
  }

  /** The learning rate in use: the attribute's, or the surface's suggestion. */
  get effectiveRate(): number {
    return this.rate ?? this.currentSurface.suggestedRate;
  }

  /** The start point in use, inside the surface's domain. */
  get effectiveStart(): number[] {
    const s = this.currentSurface;
    const { start, outside } = startIn(s, [this.startX, this.startY]);
    for (const o of outside) warnOnce(`<${TAG}> ${outsideWarning(s, o)}`);
    return start;
  }

  private get _options(): DescentOptions {
    return descentOptions(this.effectiveRate, this.momentum);
  }

  private get _state(): DescentState {
    return this._states[this._states.length - 1]!;
  }

  private get _status(): DescentStatus {
    return statusOf(this._state);
  }

  private get _statusText(): string {
    return statusText(this.currentSurface, this._states, this.effectiveRate);
  }

  // ---- Lifecycle ----------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // No animation keeps running (or holding the element) after it leaves the page.
    cancelAnimationFrame(this._animationFrame);
    this._animationFrame = 0;
    this._playing = false;
    this._tweenFrom = null;
    this._start.cancel();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const settings = ['surface', 'rate', 'startX', 'startY', 'momentum'] as const;
    if (this._states.length === 0 || settings.some((p) => changed.has(p))) this._restart();
  }

  protected override updated(): void {
    this._draw();
  }

  /** Back to the start point with the current settings (keeps playing if it was). */
  private _restart(): void {
    this._states = [initialState(this.currentSurface, this.effectiveStart)];
    this._tweenFrom = null;
    if (this._state.stopped) this._pause();
  }

  // ---- Drawing ------------------------------------------------------------------------------

  private _reducedMotion(): boolean {
    return (
      typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
    );
  }

  /** How long one step lasts while playing: slow at first, then faster, so long runs finish. */
  private _stepDuration(): number {
    return stepDuration(this._state.iteration, this._reducedMotion());
  }

  /** The ball's position now: the current iterate, or on its way there while tweening. */
  private _ballPosition(now: number): { position: number[]; moving: boolean } {
    const to = this._state.position;
    const from = this._tweenFrom;
    if (!from || this._reducedMotion()) return { position: to, moving: false };
    return tween(from, to, (now - this._stepTime) / (this._stepDuration() * 0.85));
  }

  private _draw(now = performance.now()): boolean {
    const frame = this._chart.frame();
    if (!frame) return false;
    const { svg, width } = frame;
    const surface = this.currentSurface;
    const { position: ball, moving } = this._ballPosition(now);
    const { trail, next } = chartFrame(this._states, this._options, moving);
    const start = this.effectiveStart;
    this._layout =
      surface.dims === 1
        ? drawDescent1d(
            svg,
            {
              surface,
              trail: trail.map((p) => p[0] ?? 0),
              ball: ball[0] ?? 0,
              next: next ? (next[0] ?? 0) : null,
              start: start[0] ?? 0,
            },
            { width, height: curveHeight(width) },
          )
        : drawDescentContour(svg, { surface, trail, ball, next, start }, { width, height: 0 });
    return moving;
  }

  // ---- Running ------------------------------------------------------------------------------

  /** Take one step; returns whether the run can go on. */
  private _step(): boolean {
    const before = this._state;
    if (before.stopped) return false;
    const run = advance(this._states, this.currentSurface, this._options);
    this._states = run.states;
    this._tweenFrom = run.from;
    this._stepTime = performance.now();
    this._emitStep();
    return !this._state.stopped;
  }

  private _emitStep(): void {
    const s = this._state;
    this.emit<DescentStepDetail>('nn-descent-step', {
      iteration: s.iteration,
      position: [...s.position],
      loss: s.loss,
      gradient: [...s.gradient],
      status: this._status,
      message: this._statusText,
    });
  }

  private _play(): void {
    if (this._state.stopped) this._restart();
    if (this._state.stopped) return;
    this._playing = true;
    // The first step comes at once: pressing Play must visibly do something.
    this._step();
    this._loop();
  }

  private _pause(): void {
    this._playing = false;
  }

  /** One requestAnimationFrame loop: takes steps on schedule while playing, and tweens the ball. */
  private _loop(): void {
    if (this._animationFrame) return;
    const frame = (now: number) => {
      this._animationFrame = 0;
      if (!this.isConnected) return;
      if (this._playing && now - this._stepTime >= this._stepDuration()) {
        if (!this._step()) this._playing = false;
        // The new state renders through Lit (updated() draws); nothing to draw here.
      } else {
        this._draw(now);
      }
      const tweening = this._tweenFrom !== null && this._ballPosition(now).moving;
      if (this._playing || tweening) this._animationFrame = requestAnimationFrame(frame);
    };
    this._animationFrame = requestAnimationFrame(frame);
  }

  private _onPlay(): void {
    if (this._playing) this._pause();
    else this._play();
  }

  private _onStep(): void {
    if (this._state.stopped) return;
    this._pause();
    this._step();
    this._loop();
  }

  private _onReset(): void {
    this._pause();
    this._restart();
    this._emitStep();
  }

  // ---- User changes -------------------------------------------------------------------------

  private _emitChange(): void {
    this.emit<DescentChangeDetail>('nn-change', {
      surface: this.currentSurface.id,
      rate: this.effectiveRate,
      momentum: this.momentum,
      start: this.effectiveStart,
    });
  }

  private _onSurface(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    if (!surfaceById(id)) return;
    this.surface = id as this['surface'];
    // A new surface comes with its own suggested rate and start: the old ones may not suit it.
    this.rate = undefined;
    this.startX = undefined;
    this.startY = undefined;
    this._rateError = '';
    this._emitChange();
  }

  private _onRateSlider(event: Event): void {
    const v = Number((event.target as HTMLInputElement).value);
    if (!Number.isFinite(v)) return;
    this.rate = rateFromSlider(v);
    this._rateError = '';
    this._emitChange();
  }

  private _onRateExact(event: Event): void {
    const input = event.target as HTMLInputElement;
    const v = typedRate(input.value, input.validity.badInput);
    if (v === undefined) {
      // Keep the last valid rate; say what would work, next to the box.
      const { min, max } = rangeOf('rate');
      this._rateError = rateError(min, max, this.effectiveRate);
      return;
    }
    this._rateError = '';
    this.rate = v;
    this._emitChange();
  }

  private _onMomentumToggle(event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    if (!on && this.momentum > 0) this._lastBeta = this.momentum;
    this.momentum = on ? this._lastBeta : 0;
    this._emitChange();
  }

  private _onBeta(event: Event): void {
    const v = Number((event.target as HTMLInputElement).value);
    if (!Number.isFinite(v)) return;
    this.momentum = v;
    if (v > 0) this._lastBeta = v;
    this._emitChange();
  }

  /** Move the start point (rounded to 2 decimals, inside the domain); the run restarts there. */
  private _setStart(p: readonly number[]): void {
    const s = this.currentSurface;
    const clamped = pickedStart(s, p);
    this.startX = clamped[0];
    if (s.dims === 2) this.startY = clamped[1];
    this._emitChange();
  }

  // ---- Rendering ----------------------------------------------------------------------------

  override render(): TemplateResult {
    return parts.body({
      surface: this.currentSurface,
      states: this._states,
      rate: this.effectiveRate,
      momentum: this.momentum,
      playing: this._playing,
      showTable: this._table.shown,
      rateError: this._rateError,
      on: this._on,
    });
  }
}
