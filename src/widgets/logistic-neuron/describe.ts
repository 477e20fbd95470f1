/**
 * `<nn-logistic-neuron>` in words: the losses' names, the start in words, the decision line's
 * equation, the summary of each neuron (loss, points right, a line outside the plot), the plane's
 * accessible name, the status line, how sure the neuron is at the ringed point, and the rows of
 * the points table. Pure strings of the numbers in model.ts: no DOM, no Lit.
 */
import { sigmoid } from '../../math/activations';
import { formatNumber, formatPercent } from '../../math/format';
import type { NeuronParams } from '../../train/logistic';
import type { LossName } from '../../train/types';
import { correctCount, isRight, lineShown, output } from './model';
import type { LossPushes, NeuronsState, PlanePoint, StartName } from './model';
import { negativeAs } from '../shared/written';

export const LOSS_LABEL: Record<LossName, string> = {
  'cross-entropy': 'cross-entropy',
  'squared-error': 'mean squared error',
};

/** The starting weights in words, under the Start menu. */
export function startNote(start: StartName): string {
  return start === 'undecided'
    ? 'w₁ = w₂ = b = 0: σ = 0.5 for every point.'
    : 'w₁ = w₂ = −4, b = 0: about 97% sure of the wrong class for a typical point.';
}

/** "−1.20·x₁ + 3.00·x₂ − 0.50 = 0": the decision line, with a real minus sign. */
export function equation(p: NeuronParams): string {
  const signed = (v: number) => {
    const text = formatNumber(Math.abs(v), 2);
    return negativeAs(text, v) ? `− ${text}` : `+ ${text}`;
  };
  return `${formatNumber(p.w1, 2)}·x₁ ${signed(p.w2)}·x₂ ${signed(p.b)} = 0`;
}

/** Two significant digits for small losses (0.034), two decimals otherwise. */
export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return formatNumber(v, 2);
  const a = Math.abs(v);
  if (a === 0 || a >= 0.1) return formatNumber(v, a >= 1000 ? 0 : 2);
  return formatNumber(v, Math.min(8, 1 - Math.floor(Math.log10(a))));
}

/** A factor in a product, in parentheses when negative: 2 · (−0.970). */
export function paren(v: number): string {
  const text = formatNumber(v, 3);
  return v < 0 ? `(${text})` : text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The summary under the buttons (and in the live region): the step, each neuron's loss and
 * points right, the first neuron's decision line, and what a neuron whose line is outside the
 * plot answers.
 */
export function summaryText(state: NeuronsState): string {
  const { params, losses, values, points, compare } = state;
  const parts = losses.map((loss, k) => {
    const value = values[k];
    const lossText = value === undefined ? 'loss not read yet' : `loss ${formatLoss(value)}`;
    return (
      `${capitalise(LOSS_LABEL[loss])} neuron: ${lossText}, ` +
      `${correctCount(params[k]!, points)} of ${points.length} points right.`
    );
  });
  const outside = params
    .map((p, k) => {
      if (lineShown(p)) return '';
      const who = compare ? `The ${LOSS_LABEL[losses[k]!]} neuron` : 'The neuron';
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
  return `Step ${state.step}. ${parts.join(' ')} Decision line${
    compare ? ` of the ${LOSS_LABEL[state.loss]} neuron` : ''
  }: ${equation(params[0]!)}.${outside}`;
}

/** The plane's accessible name: the points and each neuron's line. */
export function planeLabel(state: NeuronsState): string {
  const lines = state.params
    .map((p, k) => `the ${LOSS_LABEL[state.losses[k]!]} neuron's line ${equation(p)}`)
    .join(' and ');
  return (
    `${state.points.length} points on the plane of inputs x₁ and x₂ from −1 to 1: class 1 ` +
    `around (0.45, 0.45), class 0 around (−0.45, −0.45); ${lines}.`
  );
}

/** "Step 40 · backend: cpu", or "Loading TensorFlow.js… · backend: cpu" while it loads. */
export function statusText(loading: boolean, step: number, backend = 'cpu'): string {
  const where = loading ? 'Loading TensorFlow.js…' : `Step ${step}`;
  return `${where} · backend: ${backend}`;
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** What the student reads when tfjs or the trainer could not be loaded. */
export function startErrorText(error: unknown): string {
  return `Training could not start: ${message(error)}. Reload the page to try again.`;
}

/** What the student reads when a training step failed. */
export function stopErrorText(error: unknown): string {
  return `Training stopped: ${message(error)}.`;
}

/** How sure the neuron is at the ringed point: "the neuron is 97% sure of the wrong answer". */
export function beliefText(push: LossPushes): string {
  return Math.abs(push.s - 0.5) < 0.0005
    ? 'the neuron is undecided, 50–50'
    : `the neuron is ${formatPercent(push.sure)} sure of the ${push.wrong ? 'wrong' : 'right'} answer`;
}

/** Whether both pushes are small: the neuron is already right and sure about the point. */
export function littleToLearn(push: LossPushes): boolean {
  return Math.abs(push.ce) < 0.05;
}

/** "23 times", "2.4 times": how many times harder cross-entropy pushes. */
export function ratioText(ratio: number): string {
  return ratio >= 10 ? formatNumber(ratio, 0) : formatNumber(ratio, 1);
}

/** One row of the points table: the point, its class, each neuron's σ(z) with ✓ or ✗. */
export interface PointRow {
  /** 1, 2, … */
  n: number;
  x1: string;
  x2: string;
  label: 0 | 1;
  /** One per neuron: its σ(z), "0.973", and "✓" if it classifies the point right, else "✗". */
  outputs: { value: string; mark: '✓' | '✗' }[];
}

export function pointRows(
  points: readonly PlanePoint[],
  params: readonly NeuronParams[],
): PointRow[] {
  return points.map((q, i) => ({
    n: i + 1,
    x1: formatNumber(q.x1, 2),
    x2: formatNumber(q.x2, 2),
    label: q.label,
    outputs: params.map((p) => ({
      value: formatNumber(output(p, q), 3),
      mark: isRight(p, q) ? '✓' : '✗',
    })),
  }));
}
