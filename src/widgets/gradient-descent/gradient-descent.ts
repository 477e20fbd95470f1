import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { drawDescent1d } from '../../charts/descent-1d';
import type { ChartLayout } from '../../charts/descent-1d';
import { drawDescentContour } from '../../charts/descent-contour';
import { RISING_LIMIT, initialState, nextStep, step } from '../../math/descent';
import type { DescentOptions, DescentState, StopKind } from '../../math/descent';
import { formatNumber } from '../../math/format';
import { NEURON_DATA, SURFACES, surfaceById } from '../../math/surfaces';
import type { Surface } from '../../math/surfaces';
import { widgetDoc } from '../catalog';
import { NnElement, defaultOf, enumAttribute, numberAttribute, warnOnce } from '../shared/base';
import { SizeController } from '../shared/size';
import { tokens } from '../shared/tokens';
import { styles } from './styles';

const TAG = 'nn-gradient-descent';

/** A run stops after this many steps (a rate on the edge of stability can bounce for ever). */
export const MAX_STEPS = 500;
/** The momentum coefficient the checkbox turns on: 0.8 suits these small surfaces (0.9 overdoes it). */
const DEFAULT_BETA = 0.8;
/** Slider step in log10 η: 2.3% per step, fine enough to creep up on the edge of stability. */
const LOG_STEP = 0.01;

/** What the live summary and the event say about the run. */
export type DescentStatus = 'ready' | 'running' | StopKind;

/** The `detail` of the `nn-descent-step` event. */
export interface DescentStepDetail {
  /** Steps taken so far. */
  iteration: number;
  /** The parameters now: `[w]` or `[w₁, w₂]`. */
  position: number[];
  /** The loss at the current position. */
  loss: number;
  /** The gradient at the current position (the slope in 1D). */
  gradient: number[];
  /** `running`, or why the run stopped: converged, diverged, overflow, max-steps. */
  status: DescentStatus;
  /** The status in words (empty while running with nothing to report). */
  message: string;
}

/** The `detail` of the `nn-change` event. */
export interface DescentChangeDetail {
  surface: string;
  rate: number;
  momentum: number;
  start: number[];
}

/** The catalog's range of a numeric attribute. */
function rangeOf(name: string): { min: number; max: number } {
  const doc = widgetDoc(TAG)?.attributes.find((a) => a.name === name);
  return { min: doc?.min ?? -Infinity, max: doc?.max ?? Infinity };
}

/**
 * A numeric attribute whose absence means "the surface's suggestion": undefined when absent, and
 * undefined with one console warning when invalid or out of range, never a broken render.
 */
function optionalNumber(name: string) {
  const { min, max } = rangeOf(name);
  return {
    type: Number,
    reflect: true,
    attribute: name,
    converter: {
      fromAttribute(value: string | null): number | undefined {
        if (value === null) return undefined;
        const n = value.trim() === '' ? NaN : Number(value);
        if (!(Number.isFinite(n) && n >= min && n <= max)) {
          warnOnce(
            `<${TAG}> ${name}="${value}" is not a number between ${min} and ${max}; using the surface's suggested value.`,
          );
          return undefined;
        }
        return n;
      },
      toAttribute(value: number | undefined): string | null {
        return value === undefined ? null : String(value);
      },
    },
  };
}

/** η rounded to 3 significant digits: what the log slider produces, and what the attribute shows. */
const roundRate = (rate: number): number => Number(rate.toPrecision(3));

/** η for people: at least two decimals and up to three significant digits (0.10, 0.035, 1.10). */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate) || rate <= 0) return formatNumber(rate, 2);
  const decimals = Math.max(2, 2 - Math.floor(Math.log10(rate)));
  const text = formatNumber(rate, decimals);
  // 0.100 → 0.10, but keep two decimals.
  return text.replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** A parameter value: two decimals. */
const num = (v: number): string => formatNumber(v, 2);
/** A loss: three decimals. */
const lossText = (v: number): string => formatNumber(v, 3);
/** Wrap a negative factor in parentheses: 0.10 · (−3.00), not 0.10 · −3.00. */
const paren = (text: string): string => (text.startsWith('\u2212') ? `(${text})` : text);
/** A tuple of numbers: (1.50, −0.20). */
const tuple = (v: readonly number[]): string => `(${v.map(num).join(', ')})`;

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
export class NnGradientDescent extends NnElement {
  static override styles = [tokens, styles];

  static override properties = {
    surface: enumAttribute(TAG, 'surface'),
    rate: optionalNumber('rate'),
    startX: optionalNumber('start-x'),
    startY: optionalNumber('start-y'),
    momentum: numberAttribute(TAG, 'momentum'),
    _states: { state: true },
    _playing: { state: true },
    _showTable: { state: true },
    _rateError: { state: true },
  };

  /** The loss surface, one of the catalog's values. Default "parabola". */
  declare surface: string;
  /**
   * The learning rate η, from 0.001 to 10. Undefined (attribute absent) means the surface's
   * suggested rate. Reflected to the `rate` attribute when the user changes it.
   */
  declare rate: number | undefined;
  /** The start point's first parameter. Undefined means the surface's suggested start. */
  declare startX: number | undefined;
  /** The start point's second parameter (2D surfaces). Undefined means the suggested start. */
  declare startY: number | undefined;
  /** The momentum coefficient β, from 0 to 0.99; 0 is plain gradient descent. Default 0. */
  declare momentum: number;

  /** Every state of the run so far, the start first. */
  declare private _states: DescentState[];
  declare private _playing: boolean;
  declare private _showTable: boolean;
  /** A message next to the exact-η box when what was typed is not a usable rate. */
  declare private _rateError: string;

  /** The β the momentum checkbox restores when it is turned back on. */
  private _lastBeta = DEFAULT_BETA;
  private readonly _size = new SizeController(this, {
    target: () => this.renderRoot.querySelector('figure'),
    redraw: () => this._draw(),
  });
  private _animationFrame = 0;
  /** When the last step was taken (performance.now()), for the play loop and the tween. */
  private _stepTime = 0;
  /** The ball's position before the last step, to tween from (null: no tween). */
  private _tweenFrom: number[] | null = null;
  private _layout: ChartLayout | undefined;
  private _dragging = false;

  constructor() {
    super();
    this.surface = defaultOf<string>(TAG, 'surface');
    this.momentum = defaultOf<number>(TAG, 'momentum');
    this.rate = undefined;
    this.startX = undefined;
    this.startY = undefined;
    this._states = [];
    this._playing = false;
    this._showTable = false;
    this._rateError = '';
  }

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
    const given = [this.startX, this.startY];
    return s.domain.map(([lo, hi], i) => {
      const v = given[i] ?? s.suggestedStart[i] ?? 0;
      if (v < lo || v > hi) {
        const name = i === 0 ? 'start-x' : 'start-y';
        warnOnce(
          `<${TAG}> ${name}="${v}" is outside the ${s.id} surface's range ${lo} to ${hi}; using ${v < lo ? lo : hi}.`,
        );
      }
      return Math.min(hi, Math.max(lo, v));
    });
  }

  private get _options(): DescentOptions {
    return { rate: this.effectiveRate, momentum: this.momentum, maxSteps: MAX_STEPS };
  }

  private get _state(): DescentState {
    return this._states[this._states.length - 1]!;
  }

  private get _status(): DescentStatus {
    const s = this._state;
    if (s.stopped) return s.stopped.kind;
    return s.iteration === 0 ? 'ready' : 'running';
  }

  // ---- Lifecycle ----------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // No animation keeps running (or holding the element) after it leaves the page.
    cancelAnimationFrame(this._animationFrame);
    this._animationFrame = 0;
    this._playing = false;
    this._tweenFrom = null;
    this._dragging = false;
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

  private get _svg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  private _reducedMotion(): boolean {
    return (
      typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
    );
  }

  /** How long one step lasts while playing: slow at first, then faster, so long runs finish. */
  private _stepDuration(): number {
    const k = this._state.iteration;
    const ms = k < 8 ? 420 : k < 30 ? 180 : 70;
    // Without tweening a 70ms jump flickers: under reduced motion, steps come at most 5 a second.
    return this._reducedMotion() ? Math.max(ms, 200) : ms;
  }

  /** The ball's position now: the current iterate, or on its way there while tweening. */
  private _ballPosition(now: number): { position: number[]; moving: boolean } {
    const to = this._state.position;
    const from = this._tweenFrom;
    if (!from || this._reducedMotion()) return { position: to, moving: false };
    const t = Math.min(1, (now - this._stepTime) / (this._stepDuration() * 0.85));
    if (t >= 1) return { position: to, moving: false };
    const ease = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
    return {
      position: to.map((v, i) => (from[i] ?? v) + (v - (from[i] ?? v)) * ease),
      moving: true,
    };
  }

  private _draw(now = performance.now()): boolean {
    const svg = this._svg;
    // Drawn once the figure is measured (see SizeController), never by measuring in an update.
    if (!svg || !this._size.measured) return false;
    const width = this._size.widthOr(600);
    const surface = this.currentSurface;
    const { position: ball, moving } = this._ballPosition(now);
    const state = this._state;
    // The arrow shows the next step only while the ball rests and the run can go on.
    const next =
      moving || state.stopped
        ? null
        : state.position.map((p, i) => p + (nextStep(state, this._options)[i] ?? 0));
    // While the ball travels, the trail ends where it left from.
    const trailStates = moving ? this._states.slice(0, -1) : this._states;
    if (surface.dims === 1) {
      const height = Math.round(Math.min(340, Math.max(230, width * 0.58)));
      this._layout = drawDescent1d(
        svg,
        {
          surface,
          trail: trailStates.map((s) => s.position[0] ?? 0),
          ball: ball[0] ?? 0,
          next: next ? (next[0] ?? 0) : null,
          start: this.effectiveStart[0] ?? 0,
        },
        { width, height },
      );
    } else {
      this._layout = drawDescentContour(
        svg,
        {
          surface,
          trail: trailStates.map((s) => s.position),
          ball,
          next,
          start: this.effectiveStart,
        },
        { width, height: 0 },
      );
    }
    return moving;
  }

  // ---- Running ------------------------------------------------------------------------------

  /** Take one step; returns whether the run can go on. */
  private _step(): boolean {
    const before = this._state;
    if (before.stopped) return false;
    const after = step(before, this.currentSurface, this._options);
    if (after.iteration === before.iteration) {
      // The step was refused (its numbers would overflow): same state, now marked stopped.
      this._states = [...this._states.slice(0, -1), after];
      this._tweenFrom = null;
    } else {
      this._states = [...this._states, after];
      this._tweenFrom = before.position;
    }
    this._stepTime = performance.now();
    this._emitStep();
    return !after.stopped;
  }

  private _emitStep(): void {
    const s = this._state;
    this.emit<DescentStepDetail>('nn-descent-step', {
      iteration: s.iteration,
      position: [...s.position],
      loss: s.loss,
      gradient: [...s.gradient],
      status: this._status,
      message: this._statusText(),
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
    this.surface = id;
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
    const { min, max } = rangeOf('rate');
    this.rate = Math.min(max, Math.max(min, roundRate(10 ** v)));
    this._rateError = '';
    this._emitChange();
  }

  private _onRateExact(event: Event): void {
    const input = event.target as HTMLInputElement;
    const { min, max } = rangeOf('rate');
    const text = input.value.trim();
    const v = input.validity.badInput || text === '' ? NaN : Number(text);
    if (!(Number.isFinite(v) && v >= min && v <= max)) {
      // Keep the last valid rate; say what would work, next to the box.
      this._rateError = `Type a number from ${min} to ${max}, like 0.1. The learning rate stays ${formatRate(this.effectiveRate)}.`;
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
    const clamped = s.domain.map(([lo, hi], i) =>
      Number(Math.min(hi, Math.max(lo, p[i] ?? 0)).toFixed(2)),
    );
    this.startX = clamped[0];
    if (s.dims === 2) this.startY = clamped[1];
    this._emitChange();
  }

  private _pointToParameters(event: PointerEvent | MouseEvent): number[] | null {
    const svg = this._svg;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix || !this._layout) return null;
    const pt = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return this._layout.invert(pt.x, pt.y);
  }

  private _onPointerDown(event: PointerEvent): void {
    const target = event.target as Element | null;
    if (!target?.classList.contains('start-handle')) return;
    event.preventDefault();
    this._dragging = true;
    this._pause();
    try {
      // Keep receiving moves when the finger or mouse leaves the chart mid-drag.
      (event.currentTarget as Element).setPointerCapture(event.pointerId);
    } catch {
      // A synthetic or already-released pointer cannot be captured; dragging still works inside.
    }
  }

  private _onPointerMove(event: PointerEvent): void {
    if (!this._dragging) return;
    const p = this._pointToParameters(event);
    if (p) this._setStart(p);
  }

  private _onPointerUp(event: PointerEvent): void {
    if (!this._dragging) return;
    this._dragging = false;
    const target = event.currentTarget as Element;
    if (target.hasPointerCapture?.(event.pointerId)) target.releasePointerCapture(event.pointerId);
  }

  /** A click (or tap) anywhere on the plot puts the start point there. */
  private _onClick(event: MouseEvent): void {
    const p = this._pointToParameters(event);
    if (!p) return;
    this._pause();
    this._setStart(p);
  }

  /** Arrow keys on the focused plot move the start point; Shift moves it 5 times as far. */
  private _onPlotKey(event: KeyboardEvent): void {
    const s = this.currentSurface;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      ...(s.dims === 2 ? { ArrowDown: [1, -1], ArrowUp: [1, 1] } : {}),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const [axis, sign] = move;
    const [lo, hi] = s.domain[axis] ?? [0, 1];
    const width = hi - lo;
    // 0.05 on the narrow curves, 0.1 on most, 0.25 on the neuron's wide range.
    const unit = width <= 4 ? 0.05 : width <= 8 ? 0.1 : 0.25;
    const delta = sign * unit * (event.shiftKey ? 5 : 1);
    const start = this.effectiveStart;
    start[axis] = Math.round(((start[axis] ?? 0) + delta) / unit) * unit;
    this._pause();
    this._setStart(start);
  }

  private _toggleTable(): void {
    this._showTable = !this._showTable;
  }

  // ---- Words --------------------------------------------------------------------------------

  /** The run's status in words, for the status box, the live summary and the event. */
  private _statusText(): string {
    const state = this._state;
    const surface = this.currentSurface;
    const steps = `${state.iteration} step${state.iteration === 1 ? '' : 's'}`;
    switch (this._status) {
      case 'ready':
        return 'Ready: press Play, or Step to take one step.';
      case 'converged': {
        const where = this._minimumNote();
        return state.iteration === 0
          ? `The slope is already 0 here, so gradient descent cannot move. ${where}`
          : `Converged after ${steps}: the slope is almost 0, so the next step would be tiny. ${where}`;
      }
      case 'diverged':
        return `The loss grew for ${RISING_LIMIT} steps in a row: the learning rate is too large. Each step overshoots the bottom by more than the last. Try a smaller η.`;
      case 'overflow':
        return `Stopped before the numbers overflow: the next step would go beyond a million. The learning rate η = ${formatRate(this.effectiveRate)} is far too large; try a smaller one.`;
      case 'max-steps':
        return this._fallingSlowly()
          ? `Stopped after ${steps}, still going downhill: the learning rate is too small to get there in time. Try a larger η.`
          : `Stopped after ${steps} without settling: the ball keeps bouncing between the walls. The learning rate is on the edge of too large.`;
      default: {
        const notes: string[] = [];
        const prev = this._states[this._states.length - 2];
        if (prev) {
          const dot = prev.gradient.reduce((sum, g, i) => sum + g * (state.gradient[i] ?? 0), 0);
          if (dot < 0) {
            notes.push(
              surface.dims === 1
                ? 'The last step jumped over the bottom: the slope changed sign.'
                : 'The last step overshot: the gradient turned around.',
            );
          }
          if (state.loss > prev.loss) notes.push('The loss went up on the last step.');
        }
        return notes.join(' ');
      }
    }
  }

  /** Whether the last 10 steps all lowered the loss (a run that is slow, not bouncing). */
  private _fallingSlowly(): boolean {
    const recent = this._states.slice(-11);
    return recent.length > 1 && recent.every((s, i) => i === 0 || s.loss < recent[i - 1]!.loss);
  }

  /** Which minimum the run reached: the global one, or a local one with a lower one elsewhere. */
  private _minimumNote(): string {
    const surface = this.currentSurface;
    const p = this._state.position;
    const near = surface.minima.find(
      (m) => Math.hypot(...m.point.map((q, i) => q - (p[i] ?? 0))) < 0.1,
    );
    if (!near) return 'But this is not a minimum: the ball is balanced where the ground is flat.';
    if (near.kind === 'global' || surface.minima.length === 1) {
      return surface.minima.length > 1 ? 'This is the global minimum.' : 'This is the minimum.';
    }
    const best = surface.minima.find((m) => m.kind === 'global')!;
    return (
      `This is only a local minimum: the global minimum at ${this._point(best.point)} has a ` +
      `lower loss (${lossText(best.value)} instead of ${lossText(near.value)}).`
    );
  }

  /** "w = 1.50" or "(w₁, w₂) = (1.50, −0.20)". */
  private _point(p: readonly number[]): string {
    const v = this.currentSurface.variables;
    return v.length === 1 ? `${v[0]} = ${num(p[0] ?? 0)}` : `(${v.join(', ')}) = ${tuple(p)}`;
  }

  /** The live summary: where the run is, and what happened. */
  private _summary(): string {
    const s = this._state;
    const surface = this.currentSurface;
    const off = s.position.some((v, i) => {
      const [lo, hi] = surface.domain[i] ?? [-Infinity, Infinity];
      return v < lo || v > hi;
    });
    const slope =
      surface.dims === 1 ? `slope ${num(s.gradient[0] ?? 0)}` : `gradient ${tuple(s.gradient)}`;
    const where = `Iteration ${s.iteration}: ${this._point(s.position)}, loss ${lossText(s.loss)}, ${slope}.`;
    return [where, off ? 'The ball is off the chart.' : '', this._statusText()]
      .filter(Boolean)
      .join(' ');
  }

  private _chartLabel(): string {
    const surface = this.currentSurface;
    const [x0, x1] = surface.domain[0] ?? [0, 0];
    const what =
      surface.dims === 1
        ? `Graph of the loss ${surface.formula} for ${surface.variables[0]} from ${num(x0)} to ${num(x1)}`
        : `Contour map of the loss ${surface.formula}`;
    return (
      `${what}, with the ball, its path so far and the next step as an arrow. ` +
      'Click or tap to move the start point, or focus here and use the ' +
      `arrow keys${surface.dims === 2 ? ' (left and right, up and down)' : ''}.`
    );
  }

  // ---- Rendering ----------------------------------------------------------------------------

  override render(): TemplateResult {
    const surface = this.currentSurface;
    const state = this._state;
    const status = this._status;
    const stopped = Boolean(state.stopped);
    const statusText = this._statusText();
    return html`
      <div class="layout" part="base">
        <div class="head">
          <label for="surface">Loss surface</label>
          <select id="surface" @change=${this._onSurface}>
            ${SURFACES.map(
              (s) =>
                html`<option value=${s.id} ?selected=${s.id === surface.id}>${s.label}</option>`,
            )}
          </select>
          <p class="loss-formula">${surface.formula}</p>
          ${surface.id === 'neuron' ? this._neuronData() : nothing}
        </div>

        <figure part="chart">
          <svg
            part="plot"
            role="img"
            tabindex="0"
            aria-label=${this._chartLabel()}
            @keydown=${this._onPlotKey}
            @click=${this._onClick}
            @pointerdown=${this._onPointerDown}
            @pointermove=${this._onPointerMove}
            @pointerup=${this._onPointerUp}
            @pointercancel=${this._onPointerUp}
          ></svg>
          <figcaption part="summary" aria-live=${this._playing ? 'off' : 'polite'}>
            ${this._summary()}
          </figcaption>
          <p class="hint">
            Start point: click or tap the chart, drag the dashed ring, or use the arrow keys on the
            focused chart.
          </p>
        </figure>

        <div class="run">
          <div class="buttons" part="buttons">
            <button type="button" class="primary" @click=${this._onPlay}>
              ${this._playing ? 'Pause' : stopped ? 'Play again' : 'Play'}
            </button>
            <button
              type="button"
              aria-disabled=${stopped ? 'true' : 'false'}
              @click=${this._onStep}
            >
              Step
            </button>
            <button type="button" @click=${this._onReset}>Reset</button>
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
          ?hidden=${statusText === '' || status === 'ready'}
        >
          ${
            status === 'diverged' || status === 'overflow'
              ? html`<strong>Too large a learning rate.</strong> `
              : nothing
          }${statusText}
        </p>

        <div class="controls" part="controls">
          ${this._rateControls()} ${this._momentumControls()}
        </div>

        <div class="formula" part="formula">${this._formula()}</div>

        <div class="table-area">
          <button
            type="button"
            part="table-button"
            aria-expanded=${this._showTable ? 'true' : 'false'}
            aria-controls="data-table"
            @click=${this._toggleTable}
          >
            ${this._showTable ? 'Hide the iterates' : 'Show the iterates'}
          </button>
          <div
            class="table-wrap"
            id="data-table"
            role="region"
            aria-labelledby="data-table-caption"
            tabindex=${this._showTable ? '0' : '-1'}
            ?hidden=${!this._showTable}
          >
            ${this._showTable ? this._table() : nothing}
          </div>
        </div>
      </div>
    `;
  }

  private _rateControls(): TemplateResult {
    const rate = this.effectiveRate;
    const { min, max } = rangeOf('rate');
    const shown = formatRate(rate);
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
          .value=${String(Math.log10(rate))}
          @input=${this._onRateSlider}
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
          aria-invalid=${this._rateError ? 'true' : 'false'}
          aria-describedby=${this._rateError ? 'rate-error' : nothing}
          .value=${String(rate)}
          @change=${this._onRateExact}
        />
        ${
          this._rateError
            ? html`<p class="error" id="rate-error" role="alert">${this._rateError}</p>`
            : nothing
        }
      </div>
    `;
  }

  private _momentumControls(): TemplateResult {
    const on = this.momentum > 0;
    const { max } = rangeOf('momentum');
    return html`
      <label class="toggle">
        <input type="checkbox" .checked=${on} @change=${this._onMomentumToggle} />
        Momentum
      </label>
      ${
        on
          ? html`<div class="control">
              <label for="beta">momentum <var>β</var></label>
              <span class="value">β = ${num(this.momentum)}</span>
              <input
                id="beta"
                part="slider"
                type="range"
                min="0"
                max=${max}
                step="0.01"
                aria-valuetext=${`β = ${num(this.momentum)}`}
                .value=${String(this.momentum)}
                @input=${this._onBeta}
              />
            </div>`
          : nothing
      }
    `;
  }

  /** The update rule with the numbers written in: the next step, or the last one once stopped. */
  private _formula(): TemplateResult {
    const surface = this.currentSurface;
    const stopped = Boolean(this._state.stopped);
    const prev = this._states[this._states.length - 2];
    // Once stopped, show the step that got here (if any); the refused step of an overflow is
    // never written out: its numbers are the ones too large to trust.
    const from = stopped ? prev : this._state;
    const title = stopped ? 'The last step' : 'The next step';
    const rate = formatRate(this.effectiveRate);
    const beta = this.momentum;
    if (!from) {
      return html`<p class="title">${title}</p>
        <p>No step taken: ${stopped ? 'the run stopped at the start.' : ''}</p>`;
    }
    const v = nextStep(from, this._options);
    const to = from.position.map((p, i) => p + (v[i] ?? 0));
    const dims = surface.dims;
    const names = surface.variables;
    const w =
      dims === 1
        ? html`<var>${names[0]}</var>`
        : html`(${names.map((n, i) => html`${i ? ', ' : ''}<var>${n}</var>`)})`;
    const grad = dims === 1 ? 'slope' : '∇L';
    const show = (x: readonly number[]) => (dims === 1 ? num(x[0] ?? 0) : tuple(x));
    const g = show(from.gradient);
    const slopeLine =
      dims === 1
        ? html`<p class="eq">
            <span class="seg"
              >slope L′(${num(from.position[0] ?? 0)}) = ${num(from.gradient[0] ?? 0)}</span
            >
          </p>`
        : html`<p class="eq">
            <span class="seg">∇L${tuple(from.position)}</span>
            <span class="seg">= ${tuple(from.gradient)}</span>
          </p>`;
    // Each "= …" and each "− …" term is one unbreakable piece: lines break between them.
    if (beta === 0) {
      return html`
        <p class="title">${title}</p>
        ${slopeLine}
        <p class="eq">
          <span class="seg">${w} ← ${w} − <var>η</var>·${grad}</span>
          <span class="seg">= ${show(from.position)}</span>
          <span class="seg">− ${rate} · ${paren(g)}</span>
          <span class="seg">= <strong data-value="next">${show(to)}</strong></span>
        </p>
      `;
    }
    return html`
      <p class="title">${title} (with momentum)</p>
      ${slopeLine}
      <p class="eq">
        <span class="seg"><var>v</var> ← <var>β</var>·<var>v</var> − <var>η</var>·${grad}</span>
        <span class="seg">= ${num(beta)} · ${paren(show(from.velocity))}</span>
        <span class="seg">− ${rate} · ${paren(g)}</span>
        <span class="seg">= ${show(v)}</span>
      </p>
      <p class="eq">
        <span class="seg">${w} ← ${w} + <var>v</var></span>
        <span class="seg">= ${show(from.position)}</span>
        <span class="seg">+ ${paren(show(v))}</span>
        <span class="seg">= <strong data-value="next">${show(to)}</strong></span>
      </p>
    `;
  }

  /** The neuron's training data, so the loss is not a black box. */
  private _neuronData(): TemplateResult {
    const xs = (y: 0 | 1) =>
      NEURON_DATA.filter((p) => p.y === y)
        .map((p) => num(p.x).replace(/0$/, ''))
        .join(', ');
    return html`<p class="data">
      Data: class 1 at <var>x</var> = ${xs(1)}; class 0 at <var>x</var> = ${xs(0)}.
    </p>`;
  }

  private _table(): TemplateResult {
    const surface = this.currentSurface;
    const names = surface.variables;
    const gradNames = surface.dims === 1 ? ['slope L′'] : names.map((n) => `∂L/∂${n}`);
    return html`
      <table part="table">
        <caption id="data-table-caption">
          The iterates of gradient descent on ${surface.formula}, with η =
          ${formatRate(this.effectiveRate)}${
            this.momentum > 0 ? ` and momentum β = ${num(this.momentum)}` : ''
          }
        </caption>
        <thead>
          <tr>
            <th scope="col">step</th>
            ${names.map((n) => html`<th scope="col">${n}</th>`)}
            <th scope="col">loss L</th>
            ${gradNames.map((n) => html`<th scope="col">${n}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${this._states.map(
            (s, k) => html`
              <tr class=${k === this._states.length - 1 ? 'current' : ''}>
                <th scope="row">${s.iteration}</th>
                ${s.position.map((p) => html`<td>${num(p)}</td>`)}
                <td>${lossText(s.loss)}</td>
                ${s.gradient.map((g) => html`<td>${num(g)}</td>`)}
              </tr>
            `,
          )}
        </tbody>
      </table>
    `;
  }
}
