/**
 * The numbers of `<nn-logistic-neuron>`: the data points, the starting weights, which losses the
 * neurons are trained with, how many points a neuron gets right, the ringed point, and the two
 * losses' pushes on z at that point. Pure: no DOM, no Lit, no tfjs (training itself is
 * src/train/logistic.ts, loaded lazily by the element). What the student reads about these
 * numbers is in describe.ts.
 */
import { sigmoid, sigmoidPrime } from '../../math/activations';
import { gaussians } from '../../math/datasets';
import { lineSegment } from '../../math/half-plane';
import type { NeuronParams } from '../../train/logistic';
import type { LossName } from '../../train/types';

/** Points in the dataset: 30 of each class. */
export const POINTS = 60;
/** Jitter added to the blobs (see `gaussians` in src/math/datasets.ts). */
export const NOISE = 0.15;
/** The plane shown: [−EXTENT, EXTENT]² (the data lies in [−1, 1]²). */
export const EXTENT = 1.1;

/** A data point: inputs x₁, x₂ and its class. */
export interface PlanePoint {
  x1: number;
  x2: number;
  label: 0 | 1;
}

export type StartName = 'confident-wrong' | 'undecided';

/** The starting weights. Confidently wrong: a typical "yes" point (0.45, 0.45) gets z = −3.6. */
export const STARTS: Record<StartName, NeuronParams> = {
  'confident-wrong': { w1: -4, w2: -4, b: 0 },
  undecided: { w1: 0, w2: 0, b: 0 },
};

/** The weights a start names; an unknown name (set from script) starts confidently wrong. */
export function startParams(start: string): NeuronParams {
  return STARTS[start as StartName] ?? STARTS['confident-wrong'];
}

/** The two losses, in the order the controls offer them. */
export const LOSSES = ['cross-entropy', 'squared-error'] as const satisfies readonly LossName[];

export const otherLoss = (loss: LossName): LossName =>
  loss === 'cross-entropy' ? 'squared-error' : 'cross-entropy';

/** The losses of the neurons, in order: `loss` first, then the other one when comparing. */
export function neuronLosses(loss: LossName, compare: boolean): LossName[] {
  return compare ? [loss, otherLoss(loss)] : [loss];
}

/** The 60 points for a seed: two Gaussian blobs, class 1 around (0.45, 0.45). */
export function makePoints(seed: number): PlanePoint[] {
  return gaussians(POINTS, NOISE, seed).map((p) => ({ x1: p.x, x2: p.y, label: p.label }));
}

/** The points as the trainer takes them: x as [x₁, x₂, x₁, x₂, …], y the classes. */
export function trainingData(points: readonly PlanePoint[]): { x: Float32Array; y: Float32Array } {
  return {
    x: new Float32Array(points.flatMap((p) => [p.x1, p.x2])),
    y: new Float32Array(points.map((p) => p.label)),
  };
}

/** The neuron's weighted sum z = w₁x₁ + w₂x₂ + b at a point. */
export function weightedSum(p: NeuronParams, q: PlanePoint): number {
  return p.w1 * q.x1 + p.w2 * q.x2 + p.b;
}

/** The neuron's output σ(z) at a point. */
export function output(p: NeuronParams, q: PlanePoint): number {
  return sigmoid(weightedSum(p, q));
}

/** Whether the neuron classifies `q` right. At z = 0 exactly (σ = 0.5) it has not decided. */
export function isRight(p: NeuronParams, q: PlanePoint): boolean {
  const z = weightedSum(p, q);
  return q.label === 1 ? z > 0 : z < 0;
}

/** How many points a neuron classifies right: σ > 0.5 (z > 0) for class 1, σ < 0.5 for 0. */
export function correctCount(p: NeuronParams, points: readonly PlanePoint[]): number {
  return points.filter((q) => isRight(p, q)).length;
}

/** The ringed point: the "yes" point nearest its blob's centre (0.45, 0.45), a typical one. */
export function highlightIndex(points: readonly PlanePoint[]): number {
  let best = -1;
  let bestDistance = Infinity;
  points.forEach((p, i) => {
    const d = (p.x1 - 0.45) ** 2 + (p.x2 - 0.45) ** 2;
    if (p.label === 1 && d < bestDistance) [best, bestDistance] = [i, d];
  });
  return best;
}

/** Whether the neuron's decision line crosses the plot (with w₁ = w₂ = 0 it has none). */
export function lineShown(p: NeuronParams): boolean {
  return lineSegment(p.w1, p.w2, p.b, EXTENT) !== null;
}

/** Both losses at one point of class 1 (y = 1), and how hard each pushes on z. */
export interface LossPushes {
  z: number;
  /** σ(z). */
  s: number;
  /** σ′(z) = σ(z)(1 − σ(z)). */
  ds: number;
  /** The error σ(z) − y. */
  error: number;
  /** ∂/∂z of cross-entropy −log σ(z): σ(z) − 1. */
  ce: number;
  /** ∂/∂z of squared error (σ(z) − 1)²: 2(σ(z) − 1)σ′(z). */
  mse: number;
  /** |ce| / |mse|: how many times harder cross-entropy pushes. */
  ratio: number;
  /** Whether the neuron answers "no" (σ < 0.5): wrong for this point. */
  wrong: boolean;
  /** How sure it is of its answer: σ or 1 − σ, whichever is at least 0.5. */
  sure: number;
}

/** Why cross-entropy escapes a confident mistake: both losses' push on z, at a class-1 point. */
export function lossPushes(p: NeuronParams, point: PlanePoint): LossPushes {
  const z = weightedSum(p, point);
  const s = sigmoid(z);
  const ds = sigmoidPrime(z);
  const error = s - 1; // y = 1
  const ce = error; // ∂/∂z of −log σ(z)
  const mse = 2 * error * ds; // ∂/∂z of (σ(z) − 1)²
  const wrong = s < 0.5;
  return {
    z,
    s,
    ds,
    error,
    ce,
    mse,
    ratio: Math.abs(ce) / Math.abs(mse),
    wrong,
    sure: wrong ? 1 - s : s,
  };
}

/** What the neurons are at one moment: the numbers every summary, label and table reads. */
export interface NeuronsState {
  /** Steps taken since the start. */
  step: number;
  /** The loss the first neuron is trained with. */
  loss: LossName;
  /** Whether a twin neuron trains with the other loss. */
  compare: boolean;
  points: readonly PlanePoint[];
  /** One per neuron: `neuronLosses(loss, compare)`. */
  losses: readonly LossName[];
  /** One per neuron: its weights now. */
  params: readonly NeuronParams[];
  /** One per neuron: its loss now; empty until the first read-back. */
  values: readonly number[];
}

/** A neuron's losses over its last steps, up to `step`, as points of the loss chart. */
export function lossPoints(
  step: number,
  values: readonly number[],
): { step: number; loss: number }[] {
  const first = step - values.length + 1;
  return values.map((loss, j) => ({ step: first + j, loss }));
}

/** The `detail` of the `nn-step` event. */
export interface LogisticStepDetail {
  /** Steps taken since the start. */
  step: number;
  /** One entry per neuron: the loss it is trained with, its loss now, its weights, accuracy. */
  neurons: { loss: LossName; value: number; params: NeuronParams; correct: number }[];
}

export function stepDetail(state: NeuronsState): LogisticStepDetail {
  return {
    step: state.step,
    neurons: state.params.map((p, k) => ({
      loss: state.losses[k]!,
      value: state.values[k]!,
      params: p,
      correct: correctCount(p, state.points),
    })),
  };
}
