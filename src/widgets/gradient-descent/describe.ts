/**
 * `<nn-gradient-descent>` in words, as plain strings and data (no DOM, no Lit): how its numbers are
 * written, the run's status and live summary, the chart's accessible name, the update rule of the
 * next (or last) step with the numbers substituted, the neuron's data and the table of iterates.
 * The numbers come from math/descent.ts and model.ts.
 */
import { RISING_LIMIT, nextStep } from '../../math/descent';
import type { DescentState } from '../../math/descent';
import { fallingSteadily, minimumNear, overshot } from '../../math/descent-run';
import { formatNumber } from '../../math/format';
import { NEURON_DATA } from '../../math/surfaces';
import type { Surface } from '../../math/surfaces';
import { descentOptions, statusOf } from './model';
import type { OutsideStart } from './model';

/**
 * Text in runs: the template writes each run as its own text node, split where the widget's
 * markup has always split it (around a name or a number), so the page renders glyph for glyph as
 * it did (one joined text node moves some glyphs by a fraction of a pixel). `join('')` reads it.
 */
export type Runs = readonly string[];

/** η for people: at least two decimals and up to three significant digits (0.10, 0.035, 1.10). */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate) || rate <= 0) return formatNumber(rate, 2);
  const decimals = Math.max(2, 2 - Math.floor(Math.log10(rate)));
  const text = formatNumber(rate, decimals);
  // 0.100 → 0.10, but keep two decimals.
  return text.replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** A parameter value: two decimals. */
export const num = (v: number): string => formatNumber(v, 2);
/** A loss: three decimals. */
export const lossText = (v: number): string => formatNumber(v, 3);
/** Wrap a negative factor in parentheses: 0.10 · (−3.00), not 0.10 · −3.00. */
export const paren = (text: string): string => (text.startsWith('\u2212') ? `(${text})` : text);
/** A tuple of numbers: (1.50, −0.20). */
export const tuple = (v: readonly number[]): string => `(${v.map(num).join(', ')})`;

/** "w = 1.50" or "(w₁, w₂) = (1.50, −0.20)". */
export function pointText(surface: Surface, p: readonly number[]): string {
  const v = surface.variables;
  return v.length === 1 ? `${v[0]} = ${num(p[0] ?? 0)}` : `(${v.join(', ')}) = ${tuple(p)}`;
}

/** Which minimum the run reached: the global one, or a local one with a lower one elsewhere. */
export function minimumNote(surface: Surface, p: readonly number[]): string {
  const near = minimumNear(surface.minima, p);
  if (!near) return 'But this is not a minimum: the ball is balanced where the ground is flat.';
  if (near.kind === 'global' || surface.minima.length === 1) {
    return surface.minima.length > 1 ? 'This is the global minimum.' : 'This is the minimum.';
  }
  const best = surface.minima.find((m) => m.kind === 'global')!;
  return (
    `This is only a local minimum: the global minimum at ${pointText(surface, best.point)} has a ` +
    `lower loss (${lossText(best.value)} instead of ${lossText(near.value)}).`
  );
}

/**
 * The run's status in words, for the status box, the live summary and the event: `states` is the
 * run so far (the start first), `rate` the learning rate in use.
 */
export function statusText(
  surface: Surface,
  states: readonly DescentState[],
  rate: number,
): string {
  const state = states[states.length - 1]!;
  const steps = `${state.iteration} step${state.iteration === 1 ? '' : 's'}`;
  switch (statusOf(state)) {
    case 'ready':
      return 'Ready: press Play, or Step to take one step.';
    case 'converged': {
      const where = minimumNote(surface, state.position);
      return state.iteration === 0
        ? `The slope is already 0 here, so gradient descent cannot move. ${where}`
        : `Converged after ${steps}: the slope is almost 0, so the next step would be tiny. ${where}`;
    }
    case 'diverged':
      return `The loss grew for ${RISING_LIMIT} steps in a row: the learning rate is too large. Each step overshoots the bottom by more than the last. Try a smaller η.`;
    case 'overflow':
      return `Stopped before the numbers overflow: the next step would go beyond a million. The learning rate η = ${formatRate(rate)} is far too large; try a smaller one.`;
    case 'max-steps':
      return fallingSteadily(states)
        ? `Stopped after ${steps}, still going downhill: the learning rate is too small to get there in time. Try a larger η.`
        : `Stopped after ${steps} without settling: the ball keeps bouncing between the walls. The learning rate is on the edge of too large.`;
    default: {
      const notes: string[] = [];
      const prev = states[states.length - 2];
      if (prev) {
        if (overshot(prev, state)) {
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

/** The bold words before the status of a run stopped for too large a rate ('' otherwise). */
export function statusHeadline(state: DescentState): string {
  const status = statusOf(state);
  return status === 'diverged' || status === 'overflow' ? 'Too large a learning rate.' : '';
}

/** The live summary: where the run is, and what happened. */
export function summary(surface: Surface, states: readonly DescentState[], rate: number): string {
  const s = states[states.length - 1]!;
  const off = s.position.some((v, i) => {
    const [lo, hi] = surface.domain[i] ?? [-Infinity, Infinity];
    return v < lo || v > hi;
  });
  const slope =
    surface.dims === 1 ? `slope ${num(s.gradient[0] ?? 0)}` : `gradient ${tuple(s.gradient)}`;
  const where = `Iteration ${s.iteration}: ${pointText(surface, s.position)}, loss ${lossText(s.loss)}, ${slope}.`;
  return [where, off ? 'The ball is off the chart.' : '', statusText(surface, states, rate)]
    .filter(Boolean)
    .join(' ');
}

/** The chart's accessible name: what it shows and how to move the start point. */
export function chartLabel(surface: Surface): string {
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

/** The Play button's words. */
export const playLabel = (playing: boolean, stopped: boolean): string =>
  playing ? 'Pause' : stopped ? 'Play again' : 'Play';

/** The message next to the exact-η box when what was typed is not a usable rate. */
export const rateError = (min: number, max: number, rate: number): string =>
  `Type a number from ${min} to ${max}, like 0.1. The learning rate stays ${formatRate(rate)}.`;

/** The console warning for a start coordinate outside the surface's range. */
export const outsideWarning = (surface: Surface, o: OutsideStart): string => {
  const [lo, hi] = surface.domain[o.name === 'start-x' ? 0 : 1]!;
  return `${o.name}="${o.value}" is outside the ${surface.id} surface's range ${lo} to ${hi}; using ${o.used}.`;
};

/** Where the neuron's training points lie, class by class: "−2, −1.5, …". */
export function neuronClasses(): { one: string; zero: string } {
  const xs = (y: 0 | 1) =>
    NEURON_DATA.filter((p) => p.y === y)
      .map((p) => num(p.x).replace(/0$/, ''))
      .join(', ');
  return { one: xs(1), zero: xs(0) };
}

/**
 * The update rule of one step with its numbers, each as the formula shows it: the next step, or
 * once the run stopped the last one taken (the refused step of an overflow is never written out:
 * its numbers are the ones too large to trust).
 */
export interface StepFormula {
  /** "The next step" or "The last step". */
  title: string;
  stopped: boolean;
  /** The step written out; null when there is none (a run stopped at its start). */
  step: {
    dims: 1 | 2;
    /** The parameters' names. */
    names: readonly string[];
    /** "slope" or "∇L". */
    grad: string;
    /** Where the step starts: "1.50" or "(1.50, −0.20)". */
    position: string;
    /** The gradient there, and the same as a factor (negative in parentheses). */
    gradient: string;
    gradientFactor: string;
    /** η, as the slider shows it. */
    rate: string;
    /** Where the step ends. */
    next: string;
    /** With momentum: β, the previous step v as a factor, and the new v (also as a term). */
    momentum: { beta: string; velocity: string; v: string; vTerm: string } | null;
  } | null;
}

export function stepFormula(
  surface: Surface,
  states: readonly DescentState[],
  rate: number,
  momentum: number,
): StepFormula {
  const state = states[states.length - 1]!;
  const stopped = Boolean(state.stopped);
  const from = stopped ? states[states.length - 2] : state;
  const title = stopped ? 'The last step' : 'The next step';
  if (!from) return { title, stopped, step: null };
  const v = nextStep(from, descentOptions(rate, momentum));
  const to = from.position.map((p, i) => p + (v[i] ?? 0));
  const dims = surface.dims;
  const show = (x: readonly number[]) => (dims === 1 ? num(x[0] ?? 0) : tuple(x));
  const gradient = show(from.gradient);
  return {
    title,
    stopped,
    step: {
      dims,
      names: surface.variables,
      grad: dims === 1 ? 'slope' : '∇L',
      position: show(from.position),
      gradient,
      gradientFactor: paren(gradient),
      rate: formatRate(rate),
      next: show(to),
      momentum:
        momentum === 0
          ? null
          : {
              beta: num(momentum),
              velocity: paren(show(from.velocity)),
              v: show(v),
              vTerm: paren(show(v)),
            },
    },
  };
}

/** The caption of the table of iterates. */
export function tableCaption(surface: Surface, rate: number, momentum: number): Runs {
  return [
    'The iterates of gradient descent on ',
    surface.formula,
    ', with η = ',
    formatRate(rate),
    momentum > 0 ? ` and momentum β = ${num(momentum)}` : '',
  ];
}

/** The table's column heads after "step": the parameters, the loss, the gradient's parts. */
export function tableHeads(surface: Surface): { names: readonly string[]; grads: string[] } {
  const names = surface.variables;
  return { names, grads: surface.dims === 1 ? ['slope L′'] : names.map((n) => `∂L/∂${n}`) };
}

/** One row of the table of iterates. */
export interface IterateRow {
  step: number;
  position: string[];
  loss: string;
  gradient: string[];
  /** The last row: where the ball is. */
  current: boolean;
}

export function iterateRows(states: readonly DescentState[]): IterateRow[] {
  return states.map((s, k) => ({
    step: s.iteration,
    position: s.position.map(num),
    loss: lossText(s.loss),
    gradient: s.gradient.map(num),
    current: k === states.length - 1,
  }));
}
