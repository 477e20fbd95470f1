/**
 * The untrained network, computed without starting the training engine: the picture and the
 * numbers a `<nn-network-trainer>` shows before the student first presses Train or Step.
 *
 * It is the engine's own maths — the from-scratch network of `src/math/dense-net.ts`, from the
 * SAME seeded initial weights (`initialWeights` in src/train/spec.ts) — run once, here, on the
 * page: no worker, no tfjs. So the engine's first report, at step 0, says what the widget already
 * showed (to float32 rounding, whichever engine then trains).
 */
import { DenseNet } from '../../math/dense-net';
import {
  checkPoints,
  checkSpec,
  initialWeights,
  inputsOf,
  layerSizes,
  outputUnits,
  shuffleSeed,
} from '../../train/spec';
import { initialState } from '../../train/state';
import type { LayerWeights, ModelSpec, Points } from '../../train/types';

/** The untrained network's numbers, as the engine would report them at step 0. */
export interface PreviewStats {
  trainLoss: number;
  trainAccuracy: number;
  /** 0 (as is testAccuracy) when the test set is empty, as in the engine. */
  testLoss: number;
  testAccuracy: number;
  /** Per class: the share of its points classified right (null where the set has none). */
  trainClassAccuracy: (number | null)[];
  testClassAccuracy: (number | null)[];
}

export interface Preview {
  weights: LayerWeights[];
  /**
   * p(class 1) at each point of the heatmap grid (k ≥ 3 classes: the k probabilities of each;
   * regression: the network's number ŷ).
   */
  grid: Float32Array;
  /** Each hidden and output unit's activation over the maps' grid: maps[layer][unit][point]. */
  maps: Float32Array[][];
  stats: PreviewStats;
}

/**
 * The untrained network of `spec` on this data: its weights, its picture over the two grids and its
 * numbers. Throws a RangeError, as the engine would, when the spec or the data cannot be used.
 */
export function untrained(
  spec: ModelSpec,
  data: { train: Points; test: Points },
  grids: { heatmap: Float32Array; maps: Float32Array },
  /** Changes the seeded initial weights in place before use (weights set by hand). */
  adjust?: (weights: LayerWeights[]) => void,
): Preview {
  checkSpec(spec);
  checkPoints(data.train, 'Training', spec);
  checkPoints(data.test, 'Test', spec);
  const weights = initialWeights(spec);
  adjust?.(weights);
  const net = new DenseNet({
    sizes: layerSizes(spec),
    activations: spec.hidden.map((layer) => layer.activation),
    ...(spec.task === 'regression' ? { task: spec.task } : {}),
    loss: spec.loss,
    optimizer: spec.optimizer,
    learningRate: spec.learningRate,
    l2: spec.l2,
    batchSize: spec.batchSize,
    shuffleSeed: shuffleSeed(spec),
    state: initialState(spec, weights),
  });
  const stats = net.stats(data.train.x, data.train.y, data.test.x, data.test.y);
  // Rows of spec.inputs numbers: (x₁, x₂), or the features of each point.
  const count = (xy: Float32Array): number => xy.length / inputsOf(spec);
  const maps = weights.map((layer) =>
    Array.from({ length: layer.units }, () => new Float32Array(count(grids.maps))),
  );
  net.activationsInto(grids.maps, maps);
  return {
    weights,
    grid: net.predictInto(
      grids.heatmap,
      new Float32Array(count(grids.heatmap) * outputUnits(spec)),
    ),
    maps,
    stats: {
      trainLoss: stats.trainLoss,
      trainAccuracy: stats.trainAccuracy,
      testLoss: stats.testLoss,
      testAccuracy: stats.testAccuracy,
      trainClassAccuracy: stats.trainClassAccuracy.map(orNull),
      testClassAccuracy: stats.testClassAccuracy.map(orNull),
    },
  };
}

const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);
