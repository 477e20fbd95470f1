import { describe, expect, it } from 'vitest';
import { xorSpec } from './fixtures/training';
import {
  batchRows,
  checkPoints,
  checkSpec,
  formatRate,
  initialWeights,
  layerSizes,
  sizeKey,
} from '../../src/train/spec';
import { confusionMatrix, predictedClasses } from '../../src/train/classify';
import type { ModelSpec } from '../../src/train/types';

/** A 2-8-4-1 network (tanh, then relu) on XOR. */
const spec = (overrides: Partial<ModelSpec> = {}): ModelSpec =>
  xorSpec({
    hidden: [
      { units: 8, activation: 'tanh' },
      { units: 4, activation: 'relu' },
    ],
    ...overrides,
  });

describe('the model spec', () => {
  it('implies the layer sizes, input and output included', () => {
    expect(layerSizes(spec())).toEqual([2, 8, 4, 1]);
    expect(layerSizes(spec({ hidden: [] }))).toEqual([2, 1]);
  });

  it('accepts a good spec and names the first thing wrong with a bad one', () => {
    expect(() => checkSpec(spec())).not.toThrow();
    const bad: [Partial<ModelSpec>, RegExp][] = [
      [
        { hidden: Array.from({ length: 7 }, () => ({ units: 2, activation: 'tanh' as const })) },
        /0 to 6 layers/,
      ],
      [{ hidden: [{ units: 0, activation: 'tanh' }] }, /hidden layer 1 .*units/],
      [{ hidden: [{ units: 2.5, activation: 'tanh' }] }, /whole number of units/],
      [{ hidden: [{ units: 2, activation: 'softmax' as never }] }, /unknown activation "softmax"/],
      [{ loss: 'hinge' as never }, /unknown loss/],
      [{ optimizer: 'rmsprop' as never }, /unknown optimizer/],
      [{ learningRate: 0 }, /learning rate/],
      [{ learningRate: Number.NaN }, /learning rate/],
      [{ batchSize: -1 }, /batch size/],
      [{ l2: -0.1 }, /L2/],
      [{ seed: Number.POSITIVE_INFINITY }, /seed/],
    ];
    for (const [overrides, message] of bad) {
      expect(() => checkSpec(spec(overrides)), JSON.stringify(overrides)).toThrow(message);
    }
  });

  it('checks points: two coordinates per label, finite, labels 0 or 1', () => {
    expect(() =>
      checkPoints({ x: new Float32Array([0, 1, 2, 3]), y: new Float32Array([0, 1]) }, 'Training'),
    ).not.toThrow();
    expect(() =>
      checkPoints({ x: new Float32Array([0, 1, 2]), y: new Float32Array([0, 1]) }, 'Training'),
    ).toThrow(/Training data: x holds 3 numbers but 2 labels need 4/);
    expect(() =>
      checkPoints({ x: new Float32Array([0, Number.NaN]), y: new Float32Array([1]) }, 'Test'),
    ).toThrow(/point 0 has a non-finite coordinate/);
    expect(() =>
      checkPoints({ x: new Float32Array([0, 0]), y: new Float32Array([2]) }, 'Test'),
    ).toThrow(/label 0 is 2, not 0 or 1/);
  });

  it('takes the whole training set per step when the batch size is 0 or larger than it', () => {
    expect(batchRows(spec(), 200)).toBe(200);
    expect(batchRows(spec({ batchSize: 32 }), 200)).toBe(32);
    expect(batchRows(spec({ batchSize: 500 }), 200)).toBe(200);
  });
});

describe('seeded initial weights', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(initialWeights(spec())).toEqual(initialWeights(spec()));
    expect(initialWeights(spec({ seed: 8 }))[0]!.kernel).not.toEqual(
      initialWeights(spec())[0]!.kernel,
    );
  });

  it('do not depend on the optimizer, the learning rate or the batch size', () => {
    expect(initialWeights(spec({ optimizer: 'sgd', learningRate: 1, batchSize: 16 }))).toEqual(
      initialWeights(spec()),
    );
  });

  it('are Glorot-uniform kernels, inputs × units row-major, and zero biases', () => {
    const layers = initialWeights(spec());
    expect(layers.map((l) => [l.inputs, l.units, l.kernel.length, l.bias.length])).toEqual([
      [2, 8, 16, 8],
      [8, 4, 32, 4],
      [4, 1, 4, 1],
    ]);
    for (const layer of layers) {
      const r = Math.sqrt(6 / (layer.inputs + layer.units));
      expect(Math.max(...layer.kernel.map(Math.abs))).toBeLessThanOrEqual(r);
      expect(new Set(layer.kernel).size).toBe(layer.kernel.length); // all different
      expect([...layer.bias]).toEqual(new Array(layer.units).fill(0));
    }
    // Spread over the range, not bunched: the mean |w| of U(−r, r) is r/2.
    const wide = initialWeights(spec({ hidden: [{ units: 256, activation: 'tanh' }] }))[0]!;
    const r = Math.sqrt(6 / (2 + 256));
    const meanAbs = wide.kernel.reduce((s, w) => s + Math.abs(w), 0) / wide.kernel.length;
    expect(meanAbs).toBeGreaterThan(0.4 * r);
    expect(meanAbs).toBeLessThan(0.6 * r);
  });
});

describe('the cache key of the measured backend choice', () => {
  it('depends on the layer sizes, the optimizer and the rows per step (in powers of two)', () => {
    expect(sizeKey(spec(), 400)).toBe('2-8-4-1|adam|512');
    expect(sizeKey(spec(), 300)).toBe(sizeKey(spec(), 400));
    expect(sizeKey(spec({ batchSize: 32 }), 400)).toBe('2-8-4-1|adam|32');
    expect(sizeKey(spec({ optimizer: 'sgd' }), 400)).not.toBe(sizeKey(spec(), 400));
    expect(sizeKey(spec({ learningRate: 3, seed: 1, l2: 0.1 }), 400)).toBe(sizeKey(spec(), 400));
  });
});

describe('learning rates in messages', () => {
  it('read as a person writes them', () => {
    expect(formatRate(3)).toBe('3');
    expect(formatRate(1000)).toBe('1000');
    expect(formatRate(0.03)).toBe('0.03');
    expect(formatRate(0.1 + 0.2)).toBe('0.3');
    expect(formatRate(1e-7)).toBe('1e\u22127');
  });
});

describe('specs of any width and many classes', () => {
  it('sizes the input and output layers from inputs and classes', () => {
    const hidden = spec().hidden.map((layer) => layer.units);
    expect(layerSizes(spec())).toEqual([2, ...hidden, 1]);
    expect(layerSizes(spec({ inputs: 784, classes: 10, hidden: [] }))).toEqual([784, 10]);
    expect(layerSizes(spec({ classes: 3 }))).toEqual([2, ...hidden, 3]);
    expect(layerSizes(spec({ classes: 2 }))).toEqual([2, ...hidden, 1]); // two classes: one σ unit
    expect(sizeKey(spec({ inputs: 784, classes: 10 }), 100)).not.toBe(sizeKey(spec(), 100));
  });

  it('refuses inputs and classes out of range, and labels that are not classes', () => {
    expect(() => checkSpec(spec({ inputs: 0 }))).toThrow(/inputs/);
    expect(() => checkSpec(spec({ classes: 1 }))).toThrow(/classes/);
    expect(() => checkSpec(spec({ classes: 11 }))).toThrow(/classes/);
    const three = { inputs: 3, classes: 3 };
    const y = new Float32Array([0, 2]);
    expect(() => checkPoints({ x: new Float32Array(6), y }, 'Training', three)).not.toThrow();
    expect(() => checkPoints({ x: new Float32Array(4), y }, 'Training', three)).toThrow(/need 6/);
    expect(() =>
      checkPoints({ x: new Float32Array(6), y: new Float32Array([0, 3]) }, 'Test', three),
    ).toThrow(/label 1 is 3, not a class 0 … 2/);
    expect(() => checkPoints({ x: new Uint8Array(6), y }, 'Training', three)).not.toThrow();
    expect(() => checkPoints({ x: new Float32Array(4), y }, 'Training')).toThrow(/not 0 or 1/);
  });

  it('confusionMatrix: the most probable class per row, counted against the labels', () => {
    const p = new Float32Array([0.7, 0.2, 0.1, 0.1, 0.1, 0.8, 0.3, 0.4, 0.3]);
    expect(Array.from(predictedClasses(p, 3))).toEqual([0, 2, 1]);
    expect(Array.from(confusionMatrix(p, [0, 2, 2], 3))).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 1]);
    // Two classes: one p(class 1) per row.
    expect(Array.from(confusionMatrix([0.9, 0.2, 0.6], [1, 1, 0], 2))).toEqual([0, 1, 1, 1]);
    expect(() => predictedClasses([0.5, 0.5], 3)).toThrow(RangeError);
  });
});
