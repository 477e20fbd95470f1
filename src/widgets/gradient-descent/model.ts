/**
 * The numbers behind `<nn-gradient-descent>`, without DOM or Lit: the ranges of its attributes, the
 * start point (given, clamped, picked on the chart or moved with the keys), the options of a run
 * and its status, the next position, and the pace and easing of the ball while a run plays. The
 * steps themselves are math/descent.ts; the words the widget shows are in describe.ts.
 */
import { nextStep, step } from '../../math/descent';
import type { DescentOptions, DescentState, StopKind } from '../../math/descent';
import type { Surface } from '../../math/surfaces';
import { widgetDoc } from '../catalog';

export const TAG = 'nn-gradient-descent';

/** A run stops after this many steps (a rate on the edge of stability can bounce for ever). */
export const MAX_STEPS = 500;
/** The momentum coefficient the checkbox turns on: 0.8 suits these small surfaces (0.9 overdoes it). */
export const DEFAULT_BETA = 0.8;
/** Slider step in log10 η: 2.3% per step, fine enough to creep up on the edge of stability. */
export const LOG_STEP = 0.01;

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
export function rangeOf(name: string): { min: number; max: number } {
  const doc = widgetDoc(TAG)?.attributes.find((a) => a.name === name);
  return { min: doc?.min ?? -Infinity, max: doc?.max ?? Infinity };
}

/** η rounded to 3 significant digits: what the log slider produces, and what the attribute shows. */
export const roundRate = (rate: number): number => Number(rate.toPrecision(3));

/** The rate a position of the log slider (log10 η) stands for, inside the attribute's range. */
export function rateFromSlider(log10: number): number {
  const { min, max } = rangeOf('rate');
  return Math.min(max, Math.max(min, roundRate(10 ** log10)));
}

/** A typed rate, or undefined when it is not a number in the attribute's range. */
export function typedRate(text: string, badInput = false): number | undefined {
  const { min, max } = rangeOf('rate');
  const trimmed = text.trim();
  const v = badInput || trimmed === '' ? NaN : Number(trimmed);
  return Number.isFinite(v) && v >= min && v <= max ? v : undefined;
}

/** The options of a run with learning rate `rate` and momentum β. */
export const descentOptions = (rate: number, momentum: number): DescentOptions => ({
  rate,
  momentum,
  maxSteps: MAX_STEPS,
});

/** Where the run is: ready at the start, running, or why it stopped. */
export function statusOf(state: DescentState): DescentStatus {
  if (state.stopped) return state.stopped.kind;
  return state.iteration === 0 ? 'ready' : 'running';
}

/** Where the next step from `state` leads. */
export function nextPosition(state: DescentState, options: DescentOptions): number[] {
  const v = nextStep(state, options);
  return state.position.map((p, i) => p + (v[i] ?? 0));
}

/**
 * The run after one more step from its last state: the states, and where the ball leaves from
 * (null when the step was refused because its numbers would overflow: the last state is then
 * replaced by the same state marked stopped, and the ball stays).
 */
export function advance(
  states: readonly DescentState[],
  surface: Surface,
  options: DescentOptions,
): { states: DescentState[]; from: number[] | null } {
  const before = states[states.length - 1]!;
  const after = step(before, surface, options);
  if (after.iteration === before.iteration) {
    return { states: [...states.slice(0, -1), after], from: null };
  }
  return { states: [...states, after], from: before.position };
}

/**
 * What the chart draws: the trail of positions (ending where the ball left from while it
 * travels) and where the next step leads (only while the ball rests and the run can go on).
 */
export function chartFrame(
  states: readonly DescentState[],
  options: DescentOptions,
  moving: boolean,
): { trail: number[][]; next: number[] | null } {
  const state = states[states.length - 1]!;
  const trail = (moving ? states.slice(0, -1) : states).map((s) => s.position);
  return { trail, next: moving || state.stopped ? null : nextPosition(state, options) };
}

/** The height of the 1D chart for a width: 0.58 of it, from 230 to 340 px. */
export const curveHeight = (width: number): number =>
  Math.round(Math.min(340, Math.max(230, width * 0.58)));

/** A start coordinate outside the surface's range, and the value used instead. */
export interface OutsideStart {
  name: 'start-x' | 'start-y';
  value: number;
  used: number;
}

/**
 * The start point in use: each coordinate given (or else the surface's suggestion) clamped to the
 * surface's range, with the coordinates that had to be moved.
 */
export function startIn(
  surface: Surface,
  given: readonly (number | undefined)[],
): { start: number[]; outside: OutsideStart[] } {
  const outside: OutsideStart[] = [];
  const start = surface.domain.map(([lo, hi], i) => {
    const v = given[i] ?? surface.suggestedStart[i] ?? 0;
    if (v < lo || v > hi) {
      outside.push({ name: i === 0 ? 'start-x' : 'start-y', value: v, used: v < lo ? lo : hi });
    }
    return Math.min(hi, Math.max(lo, v));
  });
  return { start, outside };
}

/** A start point picked on the chart: inside the range, rounded to 2 decimals. */
export function pickedStart(surface: Surface, p: readonly number[]): number[] {
  return surface.domain.map(([lo, hi], i) =>
    Number(Math.min(hi, Math.max(lo, p[i] ?? 0)).toFixed(2)),
  );
}

/**
 * The start point after an arrow key on the chart (←/→ move the first parameter, ↓/↑ the second on
 * 2D surfaces; Shift moves 5 times as far), on a grid of 0.05, 0.1 or 0.25 by the range's width;
 * undefined for any other key. Not yet clamped: see pickedStart.
 */
export function keyedStart(
  surface: Surface,
  start: readonly number[],
  key: string,
  shift: boolean,
): number[] | undefined {
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    ...(surface.dims === 2 ? { ArrowDown: [1, -1], ArrowUp: [1, 1] } : {}),
  };
  const move = moves[key];
  if (!move) return undefined;
  const [axis, sign] = move;
  const [lo, hi] = surface.domain[axis] ?? [0, 1];
  const width = hi - lo;
  // 0.05 on the narrow curves, 0.1 on most, 0.25 on the neuron's wide range.
  const unit = width <= 4 ? 0.05 : width <= 8 ? 0.1 : 0.25;
  const delta = sign * unit * (shift ? 5 : 1);
  const moved = [...start];
  moved[axis] = Math.round(((moved[axis] ?? 0) + delta) / unit) * unit;
  return moved;
}

/** How long step `iteration` lasts while playing: slow at first, then faster, so long runs finish. */
export function stepDuration(iteration: number, reducedMotion: boolean): number {
  const ms = iteration < 8 ? 420 : iteration < 30 ? 180 : 70;
  // Without tweening a 70ms jump flickers: under reduced motion, steps come at most 5 a second.
  return reducedMotion ? Math.max(ms, 200) : ms;
}

/** Ease in and out (quadratic): slow at both ends, for the ball's travel. */
export const easeInOut = (t: number): number => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/**
 * The ball `progress` of the way (0 to 1 and beyond) from `from` to `to`, eased; moving until it
 * arrives.
 */
export function tween(
  from: readonly number[],
  to: number[],
  progress: number,
): { position: number[]; moving: boolean } {
  const t = Math.min(1, progress);
  if (t >= 1) return { position: to, moving: false };
  const ease = easeInOut(t);
  return {
    position: to.map((v, i) => (from[i] ?? v) + (v - (from[i] ?? v)) * ease),
    moving: true,
  };
}
