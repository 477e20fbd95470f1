/**
 * The numbers of `<nn-softmax>`: the scores (logits) in use, the class names, the right class and
 * the temperature as the attributes give them, reading a score typed in a field, the temperature
 * slider's log scale, adding a constant to every score, and one reading of the softmax
 * (probabilities, loss, gradient) from src/math/softmax.ts. Pure: no DOM, no Lit. What the
 * student reads about these numbers is in describe.ts.
 */
import { readSoftmax } from '../../math/softmax';
import type { SoftmaxReading } from '../../math/softmax';
import { readNumberField, readNumberList, type FieldReading } from '../shared/number-field';

/** Fewest and most classes. Two is the sigmoid neuron again (lesson 10 says so). */
export const MIN_CLASSES = 2;
export const MAX_CLASSES = 10;
/** Every score lies in [−10, 10]: enough for a probability of 1 − 10⁻⁸, small enough to drag. */
export const LIMIT = 10;
/** ArrowUp / ArrowDown in a field, and one notch of a score slider. */
export const STEP = 0.1;
/** The temperature's range; the slider moves along log₁₀ T, so 0.1, 1 and 10 are evenly spaced. */
export const MIN_TEMPERATURE = 0.1;
export const MAX_TEMPERATURE = 10;
/** The longest class name a label may have. */
export const MAX_LABEL = 24;

/** How many classes are in use: 2 to 10 (anything else is rounded and clamped; NaN is 3). */
export function classCount(classes: number): number {
  return Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(classes) || 3));
}

/** The first k scores, 0 where the list is short. */
export function scoresInUse(logits: readonly number[], k: number): number[] {
  return Array.from({ length: k }, (_, i) => logits[i] ?? 0);
}

/** The list after score i is set to `value`: filled in up to k, anything beyond kept. */
export function withScore(
  logits: readonly number[],
  k: number,
  i: number,
  value: number,
): number[] {
  const shown = scoresInUse(logits, Math.max(k, i + 1));
  const next = [...shown, ...logits.slice(shown.length)];
  next[i] = value;
  return next;
}

/** Round away the binary noise of 0.1 steps (0.30000000000000004), within [−10, 10]. */
export function tidy(value: number): number {
  return Math.max(-LIMIT, Math.min(LIMIT, Math.round(value * 1e9) / 1e9));
}

/** ArrowUp / ArrowDown: the value 0.1 up or down. */
export function stepped(value: number, up: boolean): number {
  return tidy(value + (up ? STEP : -STEP));
}

/**
 * Whether c can be added to each of the k scores in use without leaving [−10, 10]. The
 * probabilities do not change (e^c cancels in the softmax), which is what the buttons show.
 */
export function canShift(scores: readonly number[], c: number): boolean {
  return scores.every((z) => Math.abs(z + c) <= LIMIT + 1e-9);
}

/** The list with c added to each of the first k scores (those beyond k are kept as they are). */
export function shifted(logits: readonly number[], k: number, c: number): number[] {
  const inUse = scoresInUse(logits, k).map((z) => tidy(z + c));
  return [...inUse, ...logits.slice(k)];
}

export type { FieldProblem, FieldReading } from '../shared/number-field';

/** Read a score typed in a field: accepts 0.5, .5, −0.5 (typographic minus), 1e-3; within ±10. */
export function readField(text: string): FieldReading {
  return readNumberField(text, LIMIT);
}

/** The `logits` attribute (`logits="2 1 0.1"`): 1 to 10 numbers in [−10, 10], or null. */
export function readLogits(value: string): number[] | null {
  return readNumberList(value, /[\s,;]+/, MAX_CLASSES, LIMIT);
}

/**
 * The `labels` attribute (`labels="cat, dog, bird"`): 1 to 10 names separated by commas, each
 * 1 to 24 characters; or null. The empty string is no names (every class is "class i").
 */
export function readLabels(value: string): string[] | null {
  if (value.trim() === '') return [];
  const names = value.split(',').map((n) => n.trim().replace(/\s+/g, ' '));
  if (names.length > MAX_CLASSES) return null;
  if (names.some((n) => n.length === 0 || n.length > MAX_LABEL)) return null;
  return names;
}

/** The k class names: the labels given, "class i" (counting from 1) for the rest. */
export function classNames(labels: readonly string[], k: number): string[] {
  return Array.from({ length: k }, (_, i) => labels[i] ?? `class ${i + 1}`);
}

/** The temperature slider's position, log₁₀ T, for a temperature (clamped to its range). */
export function temperatureToSlider(t: number): number {
  const clamped = Math.min(MAX_TEMPERATURE, Math.max(MIN_TEMPERATURE, t || 1));
  return Math.round(Math.log10(clamped) * 100) / 100;
}

/** The temperature at a slider position: 10^position, to two significant-looking decimals. */
export function sliderToTemperature(position: number): number {
  const t = 10 ** Math.min(1, Math.max(-1, position));
  // 1.12, not 1.1220184543019633; below 1, two decimals keep 0.10 … 0.99 distinct enough.
  const rounded = t >= 1 ? Math.round(t * 10) / 10 : Math.round(t * 100) / 100;
  return Math.min(MAX_TEMPERATURE, Math.max(MIN_TEMPERATURE, rounded));
}

/** Everything the widget shows for one setting, from one softmax. */
export interface SoftmaxState {
  /** The k scores z₁ … z_k in use. */
  scores: number[];
  /** The k class names. */
  names: string[];
  /** The right class y, counting from 0. */
  target: number;
  /** The temperature T. */
  temperature: number;
  /** softmax(z / T), −log p_y, (p − onehot(y)) / T and the predicted class. */
  reading: SoftmaxReading;
}

/**
 * The state for k scores, the right class `target` counting from 1 (as the attribute does; one
 * outside 1 … k is class 1) and the temperature.
 */
export function stateOf(
  scores: readonly number[],
  names: readonly string[],
  target: number,
  temperature: number,
): SoftmaxState {
  const k = scores.length;
  const y = Number.isInteger(target) && target >= 1 && target <= k ? target - 1 : 0;
  const t = temperature >= MIN_TEMPERATURE && temperature <= MAX_TEMPERATURE ? temperature : 1;
  return {
    scores: [...scores],
    names: [...names],
    target: y,
    temperature: t,
    reading: readSoftmax(scores, y, t),
  };
}

/** e^(zᵢ / T) for every class: the terms of the softmax before dividing by their sum. */
export function exponentials(state: SoftmaxState): number[] {
  return state.scores.map((z) => Math.exp(z / state.temperature));
}

/** The `detail` of the `nn-change` event. */
export interface SoftmaxChangeDetail {
  /** The scores z₁ … z_k in use. */
  logits: number[];
  /** The right class, counting from 1. */
  target: number;
  temperature: number;
  /** softmax(z / T), summing to 1. */
  probabilities: number[];
  /** −log p_y. */
  loss: number;
  /** ∂L/∂zᵢ = (pᵢ − [i = y]) / T. */
  gradient: number[];
  /** The class with the largest probability, counting from 1. */
  predicted: number;
}

export function changeDetail(state: SoftmaxState): SoftmaxChangeDetail {
  const r = state.reading;
  return {
    logits: [...state.scores],
    target: state.target + 1,
    temperature: state.temperature,
    probabilities: [...r.probabilities],
    loss: r.loss,
    gradient: [...r.gradient],
    predicted: r.predicted + 1,
  };
}
