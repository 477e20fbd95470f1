import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, makeDataset } from '../../src/math/datasets';
import {
  accuracy,
  checkNetwork,
  countCorrect,
  forward,
  forwardTrace,
  probability,
  type TinyNetwork,
} from '../../src/math/tiny-network';
import {
  TEASER_NETWORKS,
  layerSizes,
  parameterCount,
} from '../../src/widgets/network-teaser/networks';

const σ = (z: number) => 1 / (1 + Math.exp(-z));

/** A 2-2-1 sigmoid network small enough to follow by hand. */
const net221: TinyNetwork = {
  layers: [
    {
      weights: [
        [1, -2],
        [0.5, 3],
      ],
      biases: [0.5, -1],
      activation: 'sigmoid',
    },
    { weights: [[2, -1]], biases: [0.25], activation: 'sigmoid' },
  ],
};

describe('forward pass', () => {
  it('matches a hand computation for a 2-2-1 sigmoid network', () => {
    // Input (x, y) = (1, 0.5).
    // Hidden: z₁ = 1·1 + (−2)·0.5 + 0.5 = 0.5,  z₂ = 0.5·1 + 3·0.5 − 1 = 1.
    // Output: z = 2·σ(0.5) − 1·σ(1) + 0.25.
    const h1 = σ(0.5);
    const h2 = σ(1);
    const z = 2 * h1 - h2 + 0.25;
    const trace = forwardTrace(net221, [1, 0.5]);
    expect(trace).toHaveLength(2);
    expect(trace[0]!.z).toEqual([0.5, 1]);
    expect(trace[0]!.a[0]).toBeCloseTo(0.6224593312, 9);
    expect(trace[0]!.a[1]).toBeCloseTo(0.7310585786, 9);
    expect(trace[1]!.z[0]).toBeCloseTo(z, 12);
    // 2·0.62246 − 0.73106 + 0.25 = 0.76386, σ(0.76386) ≈ 0.68219
    expect(trace[1]!.a[0]).toBeCloseTo(0.68219, 4);
    expect(forward(net221, [1, 0.5])).toEqual(trace[1]!.a);
    expect(probability(net221, 1, 0.5)).toBe(trace[1]!.a[0]);
  });

  it('applies each layer its own activation (tanh, relu, linear)', () => {
    const net: TinyNetwork = {
      layers: [
        {
          weights: [
            [1, 0],
            [0, 1],
          ],
          biases: [0, 0],
          activation: 'relu',
        },
        { weights: [[1, 1]], biases: [0], activation: 'tanh' },
        { weights: [[2]], biases: [1], activation: 'linear' },
      ],
    };
    // relu(−3) = 0, relu(0.5) = 0.5; tanh(0.5); linear 2·tanh(0.5) + 1.
    expect(forward(net, [-3, 0.5])[0]).toBeCloseTo(2 * Math.tanh(0.5) + 1, 12);
  });

  it('does not change the network it runs', () => {
    const copy = structuredClone(net221);
    forward(net221, [0.3, -0.7]);
    expect(net221).toEqual(copy);
  });

  it('refuses an input of the wrong size', () => {
    expect(() => forward(net221, [1, 2, 3])).toThrow(/2 weights for 3 inputs/);
  });
});

describe('checkNetwork', () => {
  it('accepts layers that fit together and names the first that does not', () => {
    expect(() => checkNetwork(net221, 2)).not.toThrow();
    expect(() => checkNetwork(net221, 3)).toThrow(/layer 1, neuron 1: 2 weights for 3 inputs/);
    const badBias: TinyNetwork = {
      layers: [{ ...net221.layers[0]!, biases: [0] }, net221.layers[1]!],
    };
    expect(() => checkNetwork(badBias, 2)).toThrow(/2 rows of weights but 1 biases/);
    const nan: TinyNetwork = {
      layers: [net221.layers[0]!, { ...net221.layers[1]!, weights: [[1, Number.NaN]] }],
    };
    expect(() => checkNetwork(nan, 2)).toThrow(/layer 2, neuron 1: a weight is not a finite/);
    expect(() => checkNetwork({ layers: [] }, 2)).toThrow(/at least one layer/);
  });
});

describe('accuracy', () => {
  it('counts p ≥ 0.5 as class 1 and p < 0.5 as class 0', () => {
    // One sigmoid neuron σ(x): class 1 exactly for x ≥ 0.
    const neuron: TinyNetwork = {
      layers: [{ weights: [[1, 0]], biases: [0], activation: 'sigmoid' }],
    };
    const points = [
      { x: 0.5, y: 0, label: 1 as const },
      { x: 0, y: 0, label: 1 as const },
      { x: -0.5, y: 0, label: 0 as const },
      { x: -0.5, y: 0, label: 1 as const },
    ];
    expect(countCorrect(neuron, points)).toBe(3);
    expect(accuracy(neuron, points)).toBe(0.75);
    expect(accuracy(neuron, [])).toBe(0);
  });
});

describe('the teaser networks', () => {
  it.each(DATASET_NAMES)('%s: is well formed', (name) => {
    const { network } = TEASER_NETWORKS[name];
    expect(() => checkNetwork(network, 2)).not.toThrow();
    expect(layerSizes(network).at(-1)).toBe(1);
  });

  it.each(DATASET_NAMES)(
    '%s: gets at least 90 of 100 points right at noise 0.05, for 30 seeds',
    (name) => {
      const { network } = TEASER_NETWORKS[name];
      for (let seed = 1; seed <= 30; seed++) {
        expect(accuracy(network, makeDataset(name, 100, 0.05, seed))).toBeGreaterThanOrEqual(0.9);
      }
    },
  );

  it('are not all-purpose: the circle network fails on XOR', () => {
    expect(accuracy(TEASER_NETWORKS.circle.network, makeDataset('xor', 400, 0.05, 1))).toBeLessThan(
      0.75,
    );
  });

  it('the hand-set circle network is sure in the centre and sure outside the ring', () => {
    const { network } = TEASER_NETWORKS.circle;
    expect(probability(network, 0, 0)).toBeGreaterThan(0.98);
    expect(probability(network, 0.75, 0)).toBeLessThan(0.1);
    expect(probability(network, 0, -0.75)).toBeLessThan(0.1);
  });

  it('sizes and parameter counts: 2-4-1 has 17 numbers, 2-8-8-1 has 105', () => {
    expect(layerSizes(TEASER_NETWORKS.circle.network)).toEqual([2, 4, 1]);
    expect(parameterCount(TEASER_NETWORKS.circle.network)).toBe(17);
    expect(layerSizes(TEASER_NETWORKS.spiral.network)).toEqual([2, 8, 8, 1]);
    expect(parameterCount(TEASER_NETWORKS.spiral.network)).toBe(105);
  });
});
