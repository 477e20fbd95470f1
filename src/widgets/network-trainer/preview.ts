/**
 * The untrained network, computed without the training engine: the picture and the numbers a
 * `<nn-network-trainer>` shows before the student first presses Train or Step.
 *
 * tfjs is a large download and choosing its backend takes a good second of work on a phone, so the
 * widget loads the engine only when asked to train. Until then it draws the network from the SAME
 * seeded initial weights the engine will start from (`initialWeights` in src/train/spec.ts, pure
 * code, no tfjs), through a plain forward pass written exactly as the engine's (src/train/network.ts):
 * z = a·W + b per layer (W is inputs × units, row-major), the hidden activations, a sigmoid output;
 * the loss and accuracy as the engine measures them. So the engine's first report, at step 0, says
 * what the widget already showed (to float32 rounding).
 */
import { checkPoints, checkSpec, initialWeights } from '../../train/spec';
import type { Activation, LayerWeights, ModelSpec, Points } from '../../train/types';

/** The untrained network's numbers, as the engine would report them at step 0. */
export interface PreviewStats {
  trainLoss: number;
  trainAccuracy: number;
  /** 0 (as is testAccuracy) when the test set is empty, as in the engine. */
  testLoss: number;
  testAccuracy: number;
}

export interface Preview {
  weights: LayerWeights[];
  /** p(class 1) at each point of the heatmap grid. */
  grid: Float32Array;
  /** Each hidden and output unit's activation over the maps' grid: maps[layer][unit][point]. */
  maps: Float32Array[][];
  stats: PreviewStats;
}

function activate(activation: Activation, z: number): number {
  switch (activation) {
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return z > 0 ? z : 0;
    case 'linear':
      return z;
  }
}

/** softplus(x) = ln(1 + eˣ), without overflow for large x. */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/**
 * Every layer's outputs for the points of `xy` (flat [x0, y0, x1, y1, …]): outputs[layer][unit] holds
 * one value per point. The output layer gives p = σ(z), or with `logits` z itself.
 */
export function layerOutputs(
  spec: ModelSpec,
  weights: readonly LayerWeights[],
  xy: Float32Array,
  logits = false,
): Float32Array[][] {
  const n = Math.floor(xy.length / 2);
  const activations: Activation[] = [...spec.hidden.map((l) => l.activation), 'sigmoid'];
  const last = weights.length - 1;
  const outputs = weights.map((layer) =>
    Array.from({ length: layer.units }, () => new Float32Array(n)),
  );
  const widest = Math.max(2, ...weights.map((l) => l.units));
  let input = new Float64Array(widest);
  let output = new Float64Array(widest);
  for (let p = 0; p < n; p++) {
    input[0] = xy[2 * p]!;
    input[1] = xy[2 * p + 1]!;
    weights.forEach((layer, l) => {
      const { kernel, bias, inputs, units } = layer;
      const activation = logits && l === last ? 'linear' : activations[l]!;
      for (let j = 0; j < units; j++) {
        let z = bias[j]!;
        for (let i = 0; i < inputs; i++) z += input[i]! * kernel[i * units + j]!;
        const a = activate(activation, z);
        output[j] = a;
        outputs[l]![j]![p] = a;
      }
      [input, output] = [output, input];
    });
  }
  return outputs;
}

/** Loss and accuracy on one set, as the engine measures them (see Network.lossAndAccuracy). */
function measure(
  spec: ModelSpec,
  weights: readonly LayerWeights[],
  points: Points,
): { loss: number; accuracy: number } {
  const n = points.y.length;
  if (n === 0) return { loss: 0, accuracy: 0 };
  const z = layerOutputs(spec, weights, points.x, true).at(-1)![0]!;
  let loss = 0;
  let right = 0;
  for (let i = 0; i < n; i++) {
    const y = points.y[i]!;
    // s = 1 − 2y: cross-entropy is softplus(s·z), and the point is right when s·z < 0.
    const sz = (1 - 2 * y) * z[i]!;
    if (spec.loss === 'cross-entropy') {
      loss += softplus(sz);
    } else {
      const p = 1 / (1 + Math.exp(-z[i]!));
      loss += (p - y) ** 2;
    }
    if (sz < 0) right++;
  }
  return { loss: loss / n, accuracy: right / n };
}

/**
 * The untrained network of `spec` on this data: its weights, its picture over the two grids and its
 * numbers. Throws a RangeError, as the engine would, when the spec or the data cannot be used.
 */
export function untrained(
  spec: ModelSpec,
  data: { train: Points; test: Points },
  grids: { heatmap: Float32Array; maps: Float32Array },
): Preview {
  checkSpec(spec);
  checkPoints(data.train, 'Training');
  checkPoints(data.test, 'Test');
  const weights = initialWeights(spec);
  const train = measure(spec, weights, data.train);
  const test = measure(spec, weights, data.test);
  return {
    weights,
    grid: layerOutputs(spec, weights, grids.heatmap).at(-1)![0]!,
    maps: layerOutputs(spec, weights, grids.maps),
    stats: {
      trainLoss: train.loss,
      trainAccuracy: train.accuracy,
      testLoss: test.loss,
      testAccuracy: test.accuracy,
    },
  };
}
