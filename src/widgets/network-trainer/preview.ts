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
import { checkPoints, checkSpec, initialWeights, inputsOf, outputUnits } from '../../train/spec';
import { denseConfig, initialState } from '../../train/state';
import type { LayerWeights, ModelSpec, Points } from '../../train/types';
import type { TrainProgressDetail } from './model';

/**
 * The untrained network's numbers, as the engine would report them at step 0 (and the widget's
 * `nn-train-progress` would carry them): losses, accuracies, per-class accuracies.
 */
export type PreviewStats = Pick<
  TrainProgressDetail,
  | 'trainLoss'
  | 'trainAccuracy'
  | 'testLoss'
  | 'testAccuracy'
  | 'trainClassAccuracy'
  | 'testClassAccuracy'
>;

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
  // The engine's own configuration (l1 and dropout act only in training steps, not here).
  const net = new DenseNet(denseConfig(spec, initialState(spec, weights)));
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
