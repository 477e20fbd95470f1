/**
 * The plain-JS engine (DenseNet, JsTrainer) against the tfjs engine on tfjs's cpu backend: the same
 * spec, seed and data give the same gradients as tf.grads, and the same parameters and losses as
 * TfTrainer, step after step, for every optimizer.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { DenseNet } from '../../src/math/dense-net';
import { createRng } from '../../src/math/rng';
import { createTrainer } from '../../src/train/index';
import type { ModelSpec, Rows, Trainer } from '../../src/train/index';
import { createJsTrainer } from '../../src/train/js-trainer';
import { initialWeights, layerSizes } from '../../src/train/spec';
import { initialState } from '../../src/train/state';
import { netFor, XOR_TEST, XOR_TRAIN, xorSpec } from './train-fixtures';
import {
  flatWeights,
  outputLogits,
  referenceLoss,
  trainInStep,
  withL2,
  worstGap,
  TWO_HIDDEN_LAYERS,
} from './tfjs-reference';

const live: Trainer[] = [];
afterEach(() => {
  for (const t of live.splice(0)) t.dispose();
});

describe('DenseNet’s gradients are tf.grads of the same loss (cpu backend)', () => {
  const cases: Partial<ModelSpec>[] = [
    ...TWO_HIDDEN_LAYERS,
    { loss: 'cross-entropy', hidden: [{ units: 8, activation: 'relu' }], l2: 0.01 },
    { loss: 'squared-error', hidden: [{ units: 6, activation: 'tanh' }], l2: 0.003 },
    { loss: 'cross-entropy', hidden: [], l2: 0.02 },
    { loss: 'squared-error', hidden: [{ units: 8, activation: 'sigmoid' }] },
  ];

  it.each(cases)('%j', async (overrides) => {
    await tf.setBackend('cpu');
    const spec = xorSpec({ optimizer: 'sgd', learningRate: 0.5, ...overrides });
    // The seeded kernels, and random biases so every bias path counts.
    const values = initialState(spec, initialWeights(spec)).values;
    const rng = createRng(3);
    let offset = 0;
    for (const layer of initialWeights(spec)) {
      offset += layer.kernel.length;
      for (let j = 0; j < layer.units; j++) values[offset + j] = rng.uniform(-0.5, 0.5);
      offset += layer.units;
    }
    const net = netFor(spec, { values, adamStep: 0 });
    net.setData(XOR_TRAIN.x, XOR_TRAIN.y);
    net.step();
    const theirs = tf.tidy(() => {
      const sizes = layerSizes(spec);
      const params: tf.Tensor[] = [];
      let at = 0;
      for (let l = 1; l < sizes.length; l++) {
        const [inputs, units] = [sizes[l - 1]!, sizes[l]!];
        params.push(tf.tensor2d(values.slice(at, at + inputs * units), [inputs, units]));
        at += inputs * units;
        params.push(tf.tensor1d(values.slice(at, at + units)));
        at += units;
      }
      const grads = tf.grads((...p: tf.Tensor[]) => referenceLoss(p, spec))(params);
      return grads.flatMap((g) => [...g.dataSync()]);
    });
    expect(worstGap(net.gradients, theirs)).toBeLessThan(1e-5);
    expect(Math.max(...theirs.map(Math.abs))).toBeGreaterThan(1e-3); // not trivially zero
  });
});

describe('JsTrainer follows TfTrainer (cpu backend) step by step', () => {
  const cases: [string, Partial<ModelSpec>][] = [
    ['adam, mini-batches of 10', { optimizer: 'adam', batchSize: 10 }],
    ['adam, full batch', { optimizer: 'adam', batchSize: 0 }],
    [
      'sgd with L2, tanh, batches of 10',
      { optimizer: 'sgd', learningRate: 0.3, l2: 0.003, batchSize: 10 },
    ],
    [
      'momentum with L2, relu, batches of 32',
      {
        optimizer: 'momentum',
        learningRate: 0.05,
        l2: 0.001,
        batchSize: 32,
        hidden: [
          { units: 8, activation: 'relu' },
          { units: 8, activation: 'relu' },
        ],
      },
    ],
    [
      'sgd with L2, relu, squared error, full batch',
      {
        optimizer: 'sgd',
        loss: 'squared-error',
        learningRate: 0.5,
        l2: 0.002,
        hidden: [{ units: 8, activation: 'relu' }],
      },
    ],
    [
      'adam with L2, sigmoid then linear, batches of 25',
      {
        optimizer: 'adam',
        l2: 0.001,
        batchSize: 25,
        hidden: [
          { units: 6, activation: 'sigmoid' },
          { units: 4, activation: 'linear' },
        ],
      },
    ],
  ];

  it.each(cases)(
    '%s: the same parameters and losses for 100 steps',
    async (_, overrides) => {
      const spec = xorSpec(overrides);
      const options = { spec, train: XOR_TRAIN, test: XOR_TEST };
      const theirs = await createTrainer({ ...options, backend: 'cpu' });
      const ours = createJsTrainer(options);
      live.push(theirs, ours);
      expect(theirs.backend).toBe('cpu');
      await trainInStep(ours, theirs, {
        steps: 100,
        every: 10,
        check: (a, b) => expect(a.epoch).toBeCloseTo(b.epoch, 9),
      });
      // The run went somewhere: the parameters moved well beyond the tolerance.
      const start = flatWeights(initialWeights(spec));
      expect(worstGap(flatWeights(await ours.weights()), start)).toBeGreaterThan(0.05);
    },
    60_000,
  );
});

describe('DenseNet with a softmax output against tfjs (cpu backend)', () => {
  // Three classes of 5-wide rows: any input width, labels 0 … 2.
  const n = 60;
  const inputs = 5;
  const classes = 3;
  const rng = createRng(17);
  const X = new Float32Array(n * inputs).map(() => rng.uniform(-1.5, 1.5));
  const Y = new Float32Array(n).map((_, r) => r % classes);

  type Case = { hidden: ModelSpec['hidden']; loss: ModelSpec['loss']; l2: number };

  /** k-class loss in tfjs's own ops: softmaxCrossEntropy, or Σ_j (softmax − onehot)² per row. */
  function softmaxLoss(params: tf.Tensor[], c: Case): tf.Scalar {
    const x = tf.tensor2d(X, [n, inputs]);
    const onehot = tf.oneHot(tf.tensor1d(Y, 'int32'), classes);
    const a = outputLogits(params, x, c.hidden);
    const data =
      c.loss === 'cross-entropy'
        ? tf.losses.softmaxCrossEntropy(onehot, a)
        : tf.mean(tf.sum(tf.square(tf.sub(tf.softmax(a), onehot)), 1));
    return withL2(data, params, c.l2);
  }

  function setup(c: Case, optimizer: ModelSpec['optimizer']) {
    const sizes = [inputs, ...c.hidden.map((h) => h.units), classes];
    const r = createRng(5);
    const count = sizes.slice(1).reduce((s, units, l) => s + (sizes[l]! + 1) * units, 0);
    const values = new Float32Array(count).map(() => r.uniform(-0.7, 0.7));
    const net = new DenseNet({
      sizes,
      activations: c.hidden.map((h) => h.activation),
      loss: c.loss,
      optimizer,
      learningRate: 0.01,
      l2: c.l2,
      batchSize: 0,
      shuffleSeed: 1,
      state: {
        values: Float32Array.from({ length: count * (optimizer === 'adam' ? 3 : 1) }, (_, k) =>
          k < count ? values[k]! : 0,
        ),
        adamStep: 0,
      },
    });
    net.setData(X, Y);
    const shapes: number[][] = [];
    for (let l = 1; l < sizes.length; l++) shapes.push([sizes[l - 1]!, sizes[l]!], [sizes[l]!]);
    let at = 0;
    const params = shapes.map((shape) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const v = tf.variable(tf.tensor(values.slice(at, at + size), shape));
      at += size;
      return v;
    });
    return { net, params };
  }

  const cases: Case[] = [
    { loss: 'cross-entropy', hidden: [{ units: 6, activation: 'tanh' }], l2: 0 },
    {
      loss: 'cross-entropy',
      hidden: [
        { units: 5, activation: 'relu' },
        { units: 4, activation: 'sigmoid' },
      ],
      l2: 0.01,
    },
    { loss: 'squared-error', hidden: [{ units: 6, activation: 'linear' }], l2: 0.003 },
    { loss: 'cross-entropy', hidden: [], l2: 0 },
  ];

  it.each(cases)('gradients equal tf.grads of the same loss: %j', async (c) => {
    await tf.setBackend('cpu');
    const { net, params } = setup(c, 'sgd');
    try {
      net.step();
      const theirs = tf.tidy(() =>
        tf
          .grads((...p: tf.Tensor[]) => softmaxLoss(p, c))(params)
          .flatMap((g) => [...g.dataSync()]),
      );
      expect(worstGap(net.gradients, theirs)).toBeLessThan(1e-5);
      expect(Math.max(...theirs.map(Math.abs))).toBeGreaterThan(1e-3);
    } finally {
      params.forEach((p) => p.dispose());
    }
  });

  it.each(cases)(
    '100 Adam steps give the parameters of tf.train.adam to 1e-5: %j',
    async (c) => {
      await tf.setBackend('cpu');
      const { net, params } = setup(c, 'adam');
      const adam = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
      try {
        const start = Float32Array.from(net.state().values.subarray(0, net.parameterCount));
        for (let step = 1; step <= 100; step++) {
          net.step();
          tf.tidy(() => {
            const { grads } = tf.variableGrads(() => softmaxLoss(params, c), params);
            adam.applyGradients(grads as unknown as Parameters<typeof adam.applyGradients>[0]);
          });
          if (step % 20 === 0) {
            const theirs = params.flatMap((p) => [...p.dataSync()]);
            const ours = net.state().values.subarray(0, net.parameterCount);
            // 1e-5 relative to the parameter (absolute below 1): tf.train.adam divides by
            // √v̂ + ε where DenseNet folds the bias corrections into the step (module comment),
            // the same maths rounded differently in Float32.
            const scaled = ours.map((w, k) => (w - theirs[k]!) / Math.max(1, Math.abs(w)));
            expect(worstGap(scaled, new Float32Array(scaled.length)), `step ${step}`).toBeLessThan(
              1e-5,
            );
          }
        }
        const moved = worstGap(net.state().values.subarray(0, net.parameterCount), start);
        expect(moved).toBeGreaterThan(0.05); // it went somewhere
      } finally {
        adam.dispose();
        params.forEach((p) => p.dispose());
      }
    },
    60_000,
  );
});

describe('JsTrainer follows TfTrainer (cpu backend) with k classes and wide rows', () => {
  /** Three classes of 5-wide rows (a blob per class), seeded; pixels too. */
  function rows(n: number, seed: number) {
    const rng = createRng(seed);
    const y = new Float32Array(n).map((_, r) => r % 3);
    const x = new Float32Array(n * 5).map((_, k) => {
      const c = y[Math.floor(k / 5)]!;
      return (k % 5 === c ? 1 : 0) + rng.normal() * 0.6;
    });
    return { x, y };
  }
  const cases: [string, Partial<ModelSpec>, boolean][] = [
    ['adam, batches of 10, cross-entropy', { optimizer: 'adam', batchSize: 10 }, false],
    [
      'momentum with L2, relu, squared error, batches of 16',
      {
        optimizer: 'momentum',
        loss: 'squared-error',
        learningRate: 0.1,
        l2: 0.001,
        batchSize: 16,
        hidden: [{ units: 6, activation: 'relu' }],
      },
      false,
    ],
    ['adam on Uint8Array pixels, full batch', { optimizer: 'adam', batchSize: 0 }, true],
  ];

  it.each(cases)(
    '%s: the same parameters, losses and per-class accuracy for 100 steps',
    async (_, overrides, pixels) => {
      const spec = xorSpec({ inputs: 5, classes: 3, ...overrides });
      let train: Rows = rows(90, 1);
      let test: Rows = rows(30, 2);
      if (pixels) {
        const toPixels = (set: Rows): Rows => ({
          x: Uint8Array.from(set.x, (v) => Math.max(0, Math.min(255, Math.round(100 + 60 * v)))),
          y: set.y,
        });
        train = toPixels(train);
        test = toPixels(test);
      }
      const options = { spec, train, test };
      const theirs = await createTrainer({ ...options, backend: 'cpu' });
      const ours = createJsTrainer(options);
      live.push(theirs, ours);
      const start = await trainInStep(ours, theirs, {
        steps: 100,
        every: 20,
        check: (a, b) => {
          expect(a.trainClassAccuracy).toHaveLength(3);
          expect(a.testClassAccuracy).toEqual(b.testClassAccuracy);
          expect(a.trainClassAccuracy).toEqual(b.trainClassAccuracy);
        },
      });
      const end = await ours.train(0);
      // It learned something (chance is 1/3).
      expect(end.trainLoss).toBeLessThan(0.8 * start.trainLoss);
      expect(end.testAccuracy).toBeGreaterThan(0.6);
      // Predictions: three probabilities a row, summing to 1, equal on both engines.
      const p = await ours.predict(test.x);
      expect(p).toHaveLength(90);
      expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 5);
      expect(worstGap(p, await theirs.predict(test.x))).toBeLessThan(1e-5);
    },
    60_000,
  );
});
