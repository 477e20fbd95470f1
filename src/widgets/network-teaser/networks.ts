/**
 * The pre-set networks of `<nn-network-teaser>`, one per dataset, as plain data (no DOM: the unit
 * tests check their accuracy in node).
 *
 * Three are small enough to set by hand, and their weights say what each neuron does. The plane
 * is [−1, 1]²; every hidden neuron is a sigmoid σ(w₁x + w₂y + b), which is ≈ 1 on one side of the
 * line w₁x + w₂y + b = 0 and ≈ 0 on the other, with a soft edge about 1/|w| wide:
 *
 * - circle (2-4-1): the four hidden neurons switch on beyond the four edges of a diamond
 *   |x| + |y| ≤ 0.66 (lines 5x + 5y = 3.3 and its mirror images). The output neuron says "orange"
 *   unless at least one of them is on: σ(5.6 − 8.5·(h₁ + h₂ + h₃ + h₄)) — σ(5.6) ≈ 0.996 inside,
 *   σ(−2.9) ≈ 0.05 beyond one edge. The soft edges round the diamond's corners into a circle.
 * - xor (2-4-1): neurons 1 and 2 are on when x − y > −0.7 and x − y > 0.7: their difference
 *   h₁ − h₂ is a band along the diagonal y = x, where the signs of x and y agree (orange).
 *   Neurons 3 and 4 make the band along y = −x the same way, and the output weighs the first band
 *   up and the second down: σ(4.8·((h₁ − h₂) − (h₃ − h₄))).
 * - gaussians (2-2-1): one line x + y = 0 would do; the two hidden neurons look at it from both
 *   sides, σ(3x + 3y) and σ(−3x − 3y), and the output compares them: σ(4·(h₁ − h₂)).
 *
 * The spiral needs a boundary that winds twice around the centre, more than a handful of lines can
 * draw: its 2-8-8-1 tanh network was found by training (full-batch Adam on 1,000 points with noise
 * 0.05, cross-entropy loss plus a small weight penalty 0.0003·Σw²/2, which keeps the weights
 * moderate and the map smooth) and its weights rounded to two decimals.
 *
 * On 100 points with the default noise 0.05, each gets at least 92% right for every seed from 1 to
 * 100 (tests/unit/tiny-network.test.ts checks a range of seeds).
 */
import type { DatasetName } from '../../math/datasets';
import type { TinyNetwork } from '../../math/tiny-network';

export interface TeaserNetwork {
  network: TinyNetwork;
  /** How the weights were chosen, in words for the widget. */
  origin: 'set by hand' | 'found by training';
}

export const TEASER_NETWORKS: Readonly<Record<DatasetName, TeaserNetwork>> = {
  circle: {
    origin: 'set by hand',
    network: {
      layers: [
        {
          weights: [
            [5, 5],
            [5, -5],
            [-5, 5],
            [-5, -5],
          ],
          biases: [-3.3, -3.3, -3.3, -3.3],
          activation: 'sigmoid',
        },
        { weights: [[-8.5, -8.5, -8.5, -8.5]], biases: [5.6], activation: 'sigmoid' },
      ],
    },
  },
  xor: {
    origin: 'set by hand',
    network: {
      layers: [
        {
          weights: [
            [3.3, -3.3],
            [3.3, -3.3],
            [3.3, 3.3],
            [3.3, 3.3],
          ],
          biases: [2.3, -2.3, 2.3, -2.3],
          activation: 'sigmoid',
        },
        { weights: [[4.8, -4.8, -4.8, 4.8]], biases: [0], activation: 'sigmoid' },
      ],
    },
  },
  gaussians: {
    origin: 'set by hand',
    network: {
      layers: [
        {
          weights: [
            [3, 3],
            [-3, -3],
          ],
          biases: [0, 0],
          activation: 'sigmoid',
        },
        { weights: [[4, -4]], biases: [0], activation: 'sigmoid' },
      ],
    },
  },
  spiral: {
    origin: 'found by training',
    network: {
      layers: [
        {
          weights: [
            [3.11, -2.54],
            [-0.17, -3.9],
            [2.67, 1.75],
            [-3.35, -0.66],
            [-3.43, -3.04],
            [1.42, 4.05],
            [-3.65, 2.03],
            [0.93, -4.23],
          ],
          biases: [-0.93, 1.81, -1.64, -1.36, 0.39, 2.22, -1.53, -1.44],
          activation: 'tanh',
        },
        {
          weights: [
            [0.23, 0.38, -0.41, 0.61, 3.25, -0.21, 0.09, 0.69],
            [2.75, -2.77, 1.99, 2.52, -0.05, 0.68, 0.41, 0.8],
            [1.44, -1.65, 2.51, -0.63, 0.03, -1.28, 1.31, 1.99],
            [-1.35, 1.54, -2.41, 0.48, 0.12, -0.46, -1.33, -2.04],
            [-1.09, 0.69, 0.34, -0.98, 0.36, 1.76, -1.98, -0.18],
            [-1.16, 0.29, 0.04, -1.17, 0.05, 1.61, -1.67, -0.14],
            [-1.33, 0.49, -0.09, 3.18, -2.83, -1.77, 2.28, 2.85],
            [-2.25, 1.7, -1.77, -1.58, 1.88, 2.97, -2.34, 0.79],
          ],
          biases: [-0.66, 5.42, 3.03, -1.37, -1.21, -0.69, 8.2, -9.21],
          activation: 'tanh',
        },
        {
          weights: [[-2.14, 6.35, -3.74, 3.82, -3.16, -2.91, 6.12, 7.48]],
          biases: [-1.03],
          activation: 'sigmoid',
        },
      ],
    },
  },
};

/** The layer sizes of a network with two inputs, e.g. [2, 4, 1]. */
export function layerSizes(net: TinyNetwork): number[] {
  return [2, ...net.layers.map((l) => l.weights.length)];
}

/** How many numbers (weights and biases) a network has. */
export function parameterCount(net: TinyNetwork): number {
  return net.layers.reduce((n, l) => n + l.biases.length + l.weights.flat().length, 0);
}
