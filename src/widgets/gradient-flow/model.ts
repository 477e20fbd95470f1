/**
 * The numbers of `<nn-gradient-flow>`: a deep, narrow network (6 to 10 hidden layers of a few units)
 * trained by plain gradient descent on a 2-D dataset, and what each layer looks like — its outputs
 * as a histogram and the size of its gradient ‖∂L/∂W⁽ℓ⁾‖ over the whole training set. Pure: the
 * maths is `DenseNet` (src/math/dense-net.ts) and `deep-net.ts`; no DOM.
 */
import type { ActivationName } from '../../math/activations';
import { makeDataset } from '../../math/datasets';
import type { DatasetName } from '../../math/datasets';
import { DenseNet } from '../../math/dense-net';
import { gradientNorms, hiddenActivations, initialState, layerStats } from '../../math/deep-net';
import type { InitScheme, LayerStats } from '../../math/deep-net';

/** The activations a student can choose here (hidden layers; the output is one sigmoid unit). */
export const FLOW_ACTIVATIONS = [
  'sigmoid',
  'tanh',
  'relu',
  'leaky-relu',
] as const satisfies readonly ActivationName[];
export type FlowActivation = (typeof FLOW_ACTIVATIONS)[number];

/** Points of the dataset, their noise, examples per step and the histogram's bins. */
export const POINTS = 200;
export const NOISE = 0.1;
export const BATCH = 32;
export const BINS = 16;
/** Training stops by itself after this many steps (the student may press Train again). */
export const MAX_STEPS = 20_000;

/** The log scale of the gradient bars: 10^LOG_MIN … 10^LOG_MAX. */
export const LOG_MIN = -16;
export const LOG_MAX = 4;

export interface FlowSetup {
  /** Hidden layers (6 to 10). */
  depth: number;
  /** Units per hidden layer. */
  width: number;
  activation: FlowActivation;
  init: InitScheme;
  learningRate: number;
  dataset: DatasetName;
  seed: number;
}

/** Below this ratio of the first layer's gradient to the last's, the gradient vanishes. */
export const VANISH_RATIO = 1e-2;
/** Below this size the first layer's weights hardly move (steps of η·‖g‖), whatever the others do. */
export const VANISH_NORM = 1e-6;
/** A sigmoid or tanh layer with more than this share of flat outputs (f′ < peak/10) is saturated. */
export const SATURATED_SHARE = 0.5;
/** A gradient norm above this, with steps of η·‖g‖, throws the weights around: it explodes. */
export const EXPLODE_NORM = 5;

/** Below this, no layer gets any gradient to speak of: the network is stuck. */
export const DEAD_NORM = 1e-12;

/**
 * How the gradient reaches the first layers: fades, grows out of bounds, flows; passes a layer of
 * saturated sigmoid or tanh units (saturated); reaches no layer at all (dead: every point gets the
 * same output); or is not a number (broken).
 */
export type FlowVerdict = 'vanishing' | 'exploding' | 'flowing' | 'saturated' | 'dead' | 'broken';

/** What the widget shows after a number of steps. */
export interface FlowSnapshot {
  step: number;
  /** Mean cross-entropy over the training points, and the share classified right. */
  loss: number;
  accuracy: number;
  /** ‖∂L/∂W⁽ℓ⁾‖ for ℓ = 1 … L (the hidden layers, then the output unit), full batch. */
  gradients: number[];
  /** The hidden layers' outputs over the training points. */
  layers: LayerStats[];
  /** First layer's gradient ÷ output layer's. */
  ratio: number;
  verdict: FlowVerdict;
}

/** The layer sizes: 2 inputs, `depth` layers of `width`, one output unit. */
export function flowSizes(setup: Pick<FlowSetup, 'depth' | 'width'>): number[] {
  return [2, ...Array.from({ length: setup.depth }, () => setup.width), 1];
}

/**
 * How the gradient flows, from its norms (first hidden layer first, output last) and, for sigmoid
 * and tanh layers, the share of their outputs that are flat.
 */
export function verdictOf(
  gradients: readonly number[],
  layers: readonly Pick<LayerStats, 'flat'>[] = [],
  activation: FlowActivation = 'relu',
): FlowVerdict {
  const first = gradients[0] ?? NaN;
  const last = gradients[gradients.length - 1] ?? NaN;
  if (!gradients.every(Number.isFinite)) return 'broken';
  const largest = Math.max(...gradients);
  if (largest > EXPLODE_NORM) return 'exploding';
  if (largest < DEAD_NORM) return 'dead';
  if (!(last > 0) || first / last < VANISH_RATIO || first < VANISH_NORM) return 'vanishing';
  const squashing = activation === 'sigmoid' || activation === 'tanh';
  if (squashing && layers.some((l) => l.flat > SATURATED_SHARE)) return 'saturated';
  return 'flowing';
}

/** The first sigmoid or tanh layer (1-based) whose outputs are mostly flat, or 0. */
export function saturatedLayer(layers: readonly Pick<LayerStats, 'flat'>[]): number {
  return layers.findIndex((l) => l.flat > SATURATED_SHARE) + 1;
}

/** Where a gradient norm sits on the log scale of the bars, in [0, 1] (0 for 0, NaN for NaN). */
export function logPosition(v: number): number {
  if (Number.isNaN(v)) return NaN;
  if (!(v > 0)) return 0;
  const t = (Math.log10(v) - LOG_MIN) / (LOG_MAX - LOG_MIN);
  return Math.min(1, Math.max(0, t));
}

/**
 * One training run: the network, its data and a second network of the same shape that measures
 * the full-batch gradient at the current weights without moving them.
 */
export class FlowRun {
  readonly setup: FlowSetup;
  readonly sizes: number[];
  /** The points, row by row, and their labels. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  steps = 0;
  private readonly net: DenseNet;
  private readonly probe: DenseNet;

  constructor(setup: FlowSetup) {
    this.setup = setup;
    this.sizes = flowSizes(setup);
    const points = makeDataset(setup.dataset, POINTS, NOISE, setup.seed);
    this.x = Float64Array.from(points.flatMap((p) => [p.x, p.y]));
    this.y = Float64Array.from(points, (p) => p.label);
    const base = {
      sizes: this.sizes,
      activations: Array.from({ length: setup.depth }, () => setup.activation),
      loss: 'cross-entropy' as const,
      optimizer: 'sgd' as const,
      learningRate: setup.learningRate,
      l2: 0,
      shuffleSeed: setup.seed,
      state: initialState(this.sizes, setup.init, setup.seed),
    };
    this.net = new DenseNet({ ...base, batchSize: BATCH });
    this.net.setData(this.x, this.y);
    this.probe = new DenseNet({ ...base, batchSize: 0 });
    this.probe.setData(this.x, this.y);
  }

  /** `steps` steps of mini-batch gradient descent (none once the weights are not finite). */
  train(steps: number): void {
    for (let s = 0; s < steps; s++) {
      this.net.step();
      this.steps++;
    }
  }

  /** The loss, the gradients and the layers at the current weights. */
  snapshot(): FlowSnapshot {
    const stats = this.net.stats(this.x, this.y);
    this.probe.load(this.net.state());
    this.probe.step();
    const gradients = Array.from(gradientNorms(this.sizes, this.probe.gradients));
    const layers = hiddenActivations(this.net, this.x).map((units) =>
      layerStats(units, this.setup.activation, BINS),
    );
    const first = gradients[0]!;
    const last = gradients[gradients.length - 1]!;
    return {
      step: this.steps,
      loss: stats.trainLoss,
      accuracy: stats.trainAccuracy,
      gradients,
      layers,
      ratio: first / last,
      verdict: verdictOf(gradients, layers, this.setup.activation),
    };
  }
}
