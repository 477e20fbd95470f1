/**
 * The words of the trainer's weight editing and early stopping: each edge's and neuron's name for
 * a screen reader, the editor's check of what was typed, and the sentence that says where early
 * stopping stopped and which weights it kept. Pure strings: no DOM, no Lit; tested in node.
 */
import { formatNumber } from '../../math/format';
import type { EarlyStop } from '../../train/types';
import type { LossMarker } from '../loss-chart/index';

/** The largest |value| a student may type for a weight or a bias. */
export const MAX_EDIT = 100;

/** One weight of the diagram: dense layer `layer` (0 = above the inputs), `from` −1 for the bias. */
export interface WeightRef {
  layer: number;
  from: number;
  to: number;
}

/** "x₁", "hidden 1 unit 2", "output" / "output unit 3": a neuron of column `column` (0 = inputs). */
export function neuronName(
  column: number,
  unit: number,
  sizes: readonly number[],
  inputLabels: readonly string[],
): string {
  if (column === 0) return inputLabels[unit] ?? `input ${unit + 1}`;
  if (column === sizes.length - 1) {
    return (sizes[column] ?? 1) === 1 ? 'output' : `output unit ${unit + 1}`;
  }
  return `hidden ${column} unit ${unit + 1}`;
}

/** A weight's value as the student reads and types it: up to 3 decimals, a real minus sign. */
export function weightText(value: number): string {
  if (!Number.isFinite(value)) return 'not a number';
  // || 0: "-0" reads as 0.
  return String(Number(value.toFixed(3)) || 0).replace('-', '\u2212');
}

/** "weight from x₁ to hidden 1 unit 2" or "bias of hidden 1 unit 2". */
export function weightName(
  ref: WeightRef,
  sizes: readonly number[],
  inputLabels: readonly string[],
): string {
  const to = neuronName(ref.layer + 1, ref.to, sizes, inputLabels);
  if (ref.from < 0) return `bias of ${to}`;
  return `weight from ${neuronName(ref.layer, ref.from, sizes, inputLabels)} to ${to}`;
}

/**
 * What the student typed, read as a weight: the number, or an error in words. Accepts a real
 * minus sign (−) and a decimal comma.
 */
export function parseWeight(typed: string): { value: number } | { error: string } {
  const text = typed
    .trim()
    .replace(/\u2212/g, '-')
    .replace(',', '.');
  if (text === '') return { error: 'Type a number, for example 0.5 or −1.2.' };
  const value = Number(text);
  if (!Number.isFinite(value) || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) {
    return { error: `“${typed.trim()}” is not a number. Type one, for example 0.5 or −1.2.` };
  }
  if (Math.abs(value) > MAX_EDIT) {
    return {
      error: `${weightText(value)} is too large: type a number between −${MAX_EDIT} and ${MAX_EDIT}.`,
    };
  }
  return { value };
}

/** An epoch as read: whole epochs without decimals, fractional ones with one. */
function epochText(epoch: number): string {
  const rounded = Math.round(epoch * 10) / 10;
  return formatNumber(rounded, Number.isInteger(rounded) ? 0 : 1);
}

/**
 * "Stopped early at epoch 84: the validation loss had not improved for 20 epochs; kept the
 * weights of epoch 64 (validation loss 0.21)."
 */
export function earlyStopText(stop: EarlyStop, patience: number | undefined): string {
  const since =
    patience !== undefined
      ? `the validation loss had not improved for ${formatNumber(patience, 0)} ${patience === 1 ? 'epoch' : 'epochs'}`
      : 'the validation loss had stopped improving';
  const loss = Number.isFinite(stop.bestValidationLoss)
    ? ` (validation loss ${formatNumber(stop.bestValidationLoss, 3)})`
    : '';
  return `Stopped early at epoch ${epochText(stop.epoch)}: ${since}; kept the weights of epoch ${epochText(stop.bestEpoch)}${loss}.`;
}

/** The loss chart's two marks for an early stop: the step it kept, and the step it stopped at. */
export function earlyStopMarkers(stop: EarlyStop): LossMarker[] {
  return [
    {
      step: stop.bestStep,
      label: 'kept weights',
      line: 'solid',
      description: `Early stopping kept the weights of step ${formatNumber(stop.bestStep, 0)} (epoch ${epochText(stop.bestEpoch)}), where the validation loss was lowest.`,
    },
    {
      step: stop.step,
      label: 'stopped',
      description: `Early stopping stopped training at step ${formatNumber(stop.step, 0)} (epoch ${epochText(stop.epoch)}).`,
    },
  ];
}
