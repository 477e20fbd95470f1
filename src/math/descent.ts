/**
 * Gradient descent, one step at a time, as pure functions of plain data.
 *
 * The update rule, with learning rate η and (optionally) momentum β:
 *   plain:     w ← w − η·∇L(w)
 *   momentum:  v ← β·v − η·∇L(w),  then  w ← w + v
 * With β = 0 the momentum form is exactly the plain one (v is just the step −η·∇L). With β > 0 the
 * step remembers a fraction of the previous one, like a heavy ball rolling: it builds up speed
 * along a gentle valley floor and the back-and-forth across a narrow valley cancels out.
 *
 * Every state returned is finite. A run stops, with a reason a person can read, when
 * - it converged: the slope is (almost) 0, so the next step is tiny;
 * - it diverged: the loss grew for 5 steps in a row and is above where it started;
 * - the next step would produce a non-finite or huge (> 1e6) number: that step is NOT taken, so the
 *   caller keeps the last finite state and never sees NaN or Infinity;
 * - it reached the step limit.
 */
import type { Surface, Vector } from './surfaces';

/** Beyond this magnitude a number is "huge": the run stops before it grows to Infinity. */
export const HUGE = 1e6;
/** The loss growing this many steps in a row (and above its start) means the run diverges. */
export const RISING_LIMIT = 5;

export interface DescentOptions {
  /** The learning rate η > 0. */
  rate: number;
  /** The momentum coefficient β in [0, 1). Default 0: plain gradient descent. */
  momentum?: number;
  /**
   * Converged when the gradient's length, and with momentum the carried-over step β·v, are below
   * this. Default 1e-3: smaller than anything the widget shows with its 2–3 decimals.
   */
  tolerance?: number;
  /** Stop after this many steps. Default 1000. */
  maxSteps?: number;
}

export type StopKind = 'converged' | 'diverged' | 'overflow' | 'max-steps';

export interface DescentStop {
  kind: StopKind;
  /** Why the run stopped, in words. */
  message: string;
}

export interface DescentState {
  /** Steps taken so far (0 at the start). */
  iteration: number;
  /** The parameters now. */
  position: number[];
  /** The loss L(position). */
  loss: number;
  /** The gradient ∇L(position) (in 1D: the slope). */
  gradient: number[];
  /** The last step taken, position − previous position (zero at the start); momentum's v. */
  velocity: number[];
  /** The loss at the start point. */
  startLoss: number;
  /** How many steps in a row the loss has grown. */
  rising: number;
  /** Set once the run has stopped; `step` then returns the state unchanged. */
  stopped: DescentStop | null;
}

const DEFAULT_TOLERANCE = 1e-3;
const DEFAULT_MAX_STEPS = 1000;

export const MESSAGES: Record<StopKind, string> = {
  converged: 'converged: the slope is almost 0, so the next step would be tiny',
  diverged: `the loss grew for ${RISING_LIMIT} steps in a row: the learning rate is too large`,
  overflow:
    'stopped before the numbers overflow: the next step would go beyond a million, so the learning rate is far too large',
  'max-steps': 'stopped at the step limit',
};

const norm = (v: readonly number[]): number => Math.hypot(...v);

/** Finite and not huge: safe to compute with and to show. */
const tame = (x: number): boolean => Number.isFinite(x) && Math.abs(x) <= HUGE;

function checkOptions(options: DescentOptions): Required<DescentOptions> {
  const {
    rate,
    momentum = 0,
    tolerance = DEFAULT_TOLERANCE,
    maxSteps = DEFAULT_MAX_STEPS,
  } = options;
  if (!(Number.isFinite(rate) && rate > 0)) {
    throw new RangeError(
      `gradient descent: the learning rate must be a positive number, got ${rate}`,
    );
  }
  if (!(momentum >= 0 && momentum < 1)) {
    throw new RangeError(`gradient descent: momentum must be in [0, 1), got ${momentum}`);
  }
  return { rate, momentum, tolerance, maxSteps };
}

/** The state at a start point, before any step. */
export function initialState(
  surface: Surface,
  start: Vector,
  tolerance = DEFAULT_TOLERANCE,
): DescentState {
  const position = Array.from({ length: surface.dims }, (_, i) => start[i] ?? 0);
  const loss = surface.f(position);
  const gradient = surface.grad(position);
  if (![...position, loss, ...gradient].every(tame)) {
    throw new RangeError(
      `gradient descent: the start point (${position.join(', ')}) gives a non-finite or huge loss or slope`,
    );
  }
  return {
    iteration: 0,
    position,
    loss,
    gradient,
    velocity: position.map(() => 0),
    startLoss: loss,
    rising: 0,
    // A start exactly where the slope is 0 (a minimum, or the top of a hump): nothing moves.
    stopped: norm(gradient) < tolerance ? { kind: 'converged', message: MESSAGES.converged } : null,
  };
}

/**
 * The step the next update would take from `state`: β·v − η·∇L. Useful to draw it as an arrow
 * before it is taken. Not checked for size: `step` does that.
 */
export function nextStep(state: DescentState, options: DescentOptions): number[] {
  const { rate, momentum } = checkOptions(options);
  return state.gradient.map((g, i) => momentum * (state.velocity[i] ?? 0) - rate * g);
}

/**
 * One gradient-descent update. Pure: returns a new state, never mutates `state`. A stopped state
 * comes back unchanged. If the update would produce a non-finite or huge number, the step is not
 * taken: the state returned is `state` itself, marked stopped with kind 'overflow'.
 */
export function step(state: DescentState, surface: Surface, options: DescentOptions): DescentState {
  const { momentum, rate, tolerance, maxSteps } = checkOptions(options);
  if (state.stopped) return state;

  // v ← β·v − η·∇L ; w ← w + v. With β = 0: w ← w − η·∇L exactly (0·v adds nothing).
  const velocity =
    momentum === 0
      ? state.gradient.map((g) => -(rate * g))
      : state.gradient.map((g, i) => momentum * (state.velocity[i] ?? 0) - rate * g);
  const position = state.position.map((w, i) => w + (velocity[i] ?? 0));
  const overflow = (): DescentState => ({
    ...state,
    stopped: { kind: 'overflow', message: MESSAGES.overflow },
  });
  // Check each number before computing the next from it: L of a huge w may itself be Infinity.
  if (![...velocity, ...position].every(tame)) return overflow();
  const loss = surface.f(position);
  const gradient = surface.grad(position);
  if (![loss, ...gradient].every(tame)) return overflow();

  const iteration = state.iteration + 1;
  const rising = loss > state.loss ? state.rising + 1 : 0;
  let stopped: DescentStop | null = null;
  // Converged when the slope is (almost) 0 and so is the next step, β·v − η·∇L: with momentum a
  // ball can cross the bottom at speed, where the slope is 0 but it is far from done.
  if (norm(gradient) < tolerance && momentum * norm(velocity) < tolerance) {
    stopped = { kind: 'converged', message: MESSAGES.converged };
  } else if (rising >= RISING_LIMIT && loss > state.startLoss) {
    // "Above where it started" keeps momentum's climb up the far side of a valley (which can last
    // a few steps) from counting: a heavy ball released at rest never climbs higher than its start
    // unless the rate is too large.
    stopped = { kind: 'diverged', message: MESSAGES.diverged };
  } else if (iteration >= maxSteps) {
    stopped = { kind: 'max-steps', message: `${MESSAGES['max-steps']} (${maxSteps} steps)` };
  }
  return {
    iteration,
    position,
    loss,
    gradient,
    velocity,
    startLoss: state.startLoss,
    rising,
    stopped,
  };
}

/**
 * Run gradient descent from `start` until it stops (converged, diverged, overflow or the step
 * limit). Returns every state, the start first; all of them finite.
 */
export function runDescent(
  surface: Surface,
  start: Vector,
  options: DescentOptions,
): DescentState[] {
  const checked = checkOptions(options);
  let state = initialState(surface, start, checked.tolerance);
  const states = [state];
  while (!state.stopped) {
    const next = step(state, surface, checked);
    if (next.iteration === state.iteration) {
      // Overflow: the step was refused; keep the last finite state, now marked stopped.
      states[states.length - 1] = next;
    } else {
      states.push(next);
    }
    state = next;
  }
  return states;
}
