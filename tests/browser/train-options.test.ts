/**
 * Issue 16's options in the tfjs engine (TfTrainer on tfjs's cpu backend) against the from-scratch
 * engine and tfjs's own autodiff — regression, L1, dropout, early stopping — and through the
 * worker: the host pausing on an early stop, and 'set-weight' reaching the engine, paused or
 * playing. (tests/unit/dense-net-options.test.ts checks the from-scratch engine against finite
 * differences.)
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/train/index';
import type { ModelSpec, Points, Trainer, TrainReport } from '../../src/train/index';
import { EngineClient } from '../../src/train/client';
import type { FrameMessage } from '../../src/train/protocol';
import { createJsTrainer } from '../../src/train/js-trainer';
import { XOR_TEST, XOR_TRAIN, xorPoints, xorSpec } from './train-fixtures';
import { flatWeights, trainInStep, worstGap } from './tfjs-reference';

const live: Trainer[] = [];
const clients: EngineClient[] = [];
afterEach(() => {
  for (const t of live.splice(0)) t.dispose();
  for (const c of clients.splice(0)) c.dispose();
});

/** XOR's points with a real label: a smooth surface in −1 … 1 (for regression). */
function surface(points: Points): Points {
  const y = new Float32Array(points.y.length);
  for (let r = 0; r < y.length; r++) {
    const a = points.x[2 * r]!;
    const b = points.x[2 * r + 1]!;
    y[r] = Math.tanh(0.8 * a - 0.5 * b + Math.sin(2 * a * b));
  }
  return { x: points.x, y };
}
const PLANE_TRAIN = surface(XOR_TRAIN);
const PLANE_TEST = surface(XOR_TEST);

describe('JsTrainer follows TfTrainer (cpu backend) with regression and L1', () => {
  const cases: [string, Partial<ModelSpec>, boolean][] = [
    [
      'L1, sgd, batches of 10',
      { optimizer: 'sgd', learningRate: 0.3, l1: 0.003, batchSize: 10 },
      false,
    ],
    [
      'L1 and L2, adam, leaky ReLU',
      { l1: 0.002, l2: 0.001, batchSize: 25, hidden: [{ units: 8, activation: 'leaky-relu' }] },
      false,
    ],
    ['regression, adam, batches of 10', { task: 'regression', batchSize: 10 }, true],
    [
      'regression with L1 and L2, momentum',
      {
        task: 'regression',
        optimizer: 'momentum',
        learningRate: 0.05,
        l1: 0.001,
        l2: 0.001,
        batchSize: 32,
      },
      true,
    ],
  ];

  it.each(cases)(
    '%s: the same parameters and losses for 60 steps',
    async (_, overrides, regression) => {
      const spec = xorSpec(overrides);
      const options = {
        spec,
        train: regression ? PLANE_TRAIN : XOR_TRAIN,
        test: regression ? PLANE_TEST : XOR_TEST,
      };
      const theirs = await createTrainer({ ...options, backend: 'cpu' });
      const ours = createJsTrainer(options);
      live.push(theirs, ours);
      const first = await trainInStep(ours, theirs, { steps: 60, every: 10 });
      if (regression) {
        expect(first.trainAccuracy).toBe(0);
        expect(first.trainClassAccuracy).toEqual([]);
      }
      const last = await ours.train(0);
      expect(last.trainLoss).toBeLessThan(first.trainLoss); // it learned something
      // Regression predicts ŷ itself, on both engines.
      const grid = Float32Array.of(0.5, 0.5, -0.5, 0.5, 0.9, -0.9);
      expect(worstGap(await ours.predict(grid), await theirs.predict(grid))).toBeLessThan(1e-5);
    },
    60_000,
  );
});

describe('dropout in the tfjs engine', () => {
  it.each([
    ['regression', 'regression'],
    ['classification', 'classification'],
  ] as const)(
    'a step’s gradient is tf.grads of the loss with that step’s mask (%s)',
    async (_, task) => {
      // One training row: the output kernel's gradient is a_j·m_j·dz, zero exactly where the
      // mask dropped unit j — so the step shows its own mask.
      const units = 16;
      const rate = 0.5;
      // One SGD step moves each parameter by −η·∂L/∂θ. A small η: with η = 1 a step could overshoot
      // so far (16 units, each kept one scaled by 2) that the trainer called it divergence and put
      // the weights back — a step of zeros, depending on the random mask.
      const learningRate = 0.01;
      const spec = xorSpec({
        task,
        optimizer: 'sgd',
        learningRate,
        hidden: [{ units, activation: 'tanh', dropout: rate }],
      });
      const x = Float32Array.of(0.7, -0.4);
      const y = Float32Array.of(task === 'regression' ? 0.3 : 1);
      const trainer = await createTrainer({
        spec,
        train: { x, y },
        test: XOR_TEST,
        backend: 'cpu',
      });
      live.push(trainer);
      await trainer.train(0);
      const before = await trainer.weights();
      const report = await trainer.train(1);
      expect(report.problem).toBeUndefined();
      expect(report.step).toBe(1);
      const after = await trainer.weights();
      const step = flatWeights(before).map((w, k) => (w - flatWeights(after)[k]!) / learningRate);
      const outputKernel = step.slice((2 + 1) * units, (2 + 1) * units + units);
      const mask = outputKernel.map((g) => (g === 0 ? 0 : 1 / (1 - rate)));
      expect(mask.filter((m) => m === 0).length).toBeGreaterThan(0);
      expect(mask.filter((m) => m > 0).length).toBeGreaterThan(0);
      const reference = tf.tidy(() => {
        const params = before.flatMap((l, i) => [
          tf.tensor2d(l.kernel, [i === 0 ? 2 : units, i === 0 ? units : 1]),
          tf.tensor1d(l.bias),
        ]);
        const loss = (...p: tf.Tensor[]): tf.Scalar => {
          const a = tf.mul(
            tf.tanh(tf.add(tf.matMul(tf.tensor2d(x, [1, 2]), p[0] as tf.Tensor2D), p[1]!)),
            tf.tensor2d(mask, [1, units]),
          );
          const z = tf.add(tf.matMul(a as tf.Tensor2D, p[2] as tf.Tensor2D), p[3]!);
          const target = tf.tensor2d(y, [1, 1]);
          return task === 'regression'
            ? tf.mean(tf.mul(0.5, tf.square(tf.sub(z, target))))
            : tf.losses.sigmoidCrossEntropy(target, z);
        };
        return tf
          .grads(loss)(params)
          .flatMap((g) => [...g.dataSync()]);
      });
      expect(worstGap(step, reference)).toBeLessThan(1e-5);
      expect(Math.max(...reference.map(Math.abs))).toBeGreaterThan(1e-2);
    },
  );

  it('is off at prediction: the same numbers twice, those of the same weights without dropout', async () => {
    const spec = xorSpec({
      batchSize: 10,
      hidden: [
        { units: 12, activation: 'tanh', dropout: 0.5 },
        { units: 12, activation: 'tanh', dropout: 0.3 },
      ],
    });
    const trainer = await createTrainer({ spec, train: XOR_TRAIN, test: XOR_TEST, backend: 'cpu' });
    live.push(trainer);
    await trainer.train(30);
    const grid = Float32Array.from({ length: 2 * 40 }, (_, i) => Math.cos(i));
    const first = await trainer.predict(grid);
    expect(await trainer.predict(grid)).toEqual(first);
    const plain = await createTrainer({
      spec: xorSpec({
        batchSize: 10,
        hidden: spec.hidden.map(({ units, activation }) => ({ units, activation })),
      }),
      train: XOR_TRAIN,
      test: XOR_TEST,
      backend: 'cpu',
      resume: trainer.exportState()!,
    });
    live.push(plain);
    expect(worstGap(await plain.predict(grid), first)).toBe(0);
  });
});

/** A big network on few noisy points, with early stopping: the validation loss falls, then rises. */
const OVERFIT: ModelSpec = xorSpec({
  hidden: [
    { units: 16, activation: 'tanh' },
    { units: 16, activation: 'tanh' },
  ],
  learningRate: 0.05,
  earlyStopping: { patience: 20, validationFraction: 0.3 },
});
const NOISY_TRAIN = xorPoints(40, 11, 0.5);
const NOISY_TEST = xorPoints(40, 12, 0.5);

describe('early stopping in the tfjs engine', () => {
  it('stops when the validation loss stops improving and puts the best weights back', async () => {
    const trainer = await createTrainer({
      spec: OVERFIT,
      train: NOISY_TRAIN,
      test: NOISY_TEST,
      backend: 'cpu',
    });
    live.push(trainer);
    const seen = new Map<number, { report: TrainReport; weights: number[] }>();
    let stopped: TrainReport | null = null;
    for (let i = 0; i < 2000 && !stopped; i++) {
      const report = await trainer.train(1); // full batch: a step is an epoch
      if (report.earlyStop) stopped = report;
      else seen.set(report.step, { report, weights: flatWeights(await trainer.weights()) });
    }
    expect(stopped, 'early stopping never stopped the run').not.toBeNull();
    const stop = stopped!.earlyStop!;
    const best = seen.get(stop.bestStep)!;
    expect(stop.epoch - stop.bestEpoch).toBeGreaterThanOrEqual(20 - 1e-9);
    expect(best.report.validationLoss).toBe(stop.bestValidationLoss);
    for (const { report } of seen.values()) {
      expect(report.validationLoss).toBeGreaterThanOrEqual(stop.bestValidationLoss);
    }
    // Measured on the best weights, which are back.
    expect(stopped!.validationLoss).toBe(stop.bestValidationLoss);
    expect(stopped!.testLoss).toBe(best.report.testLoss);
    expect(flatWeights(await trainer.weights())).toEqual(best.weights);
    // And the from-scratch engine stops at the same step and keeps the same step's weights.
    const ours = createJsTrainer({ spec: OVERFIT, train: NOISY_TRAIN, test: NOISY_TEST });
    live.push(ours);
    let theirsStop: TrainReport | null = null;
    for (let i = 0; i < 2000 && !theirsStop; i++) {
      const report = await ours.train(1);
      if (report.earlyStop) theirsStop = report;
    }
    expect(theirsStop!.earlyStop!.bestStep).toBe(stop.bestStep);
    expect(theirsStop!.earlyStop!.step).toBe(stop.step);
  }, 60_000);
});

const GRIDS = {
  heatmap: new Float32Array([0.5, 0.5, -0.5, 0.5]),
  maps: new Float32Array([0, 0]),
};

function recorded() {
  const frames: FrameMessage[] = [];
  let running = false;
  const errors: string[] = [];
  const client = new EngineClient({
    onReady: () => undefined,
    onFrame: (frame) => frames.push(frame),
    onRunning: (value) => (running = value),
    onProblem: () => undefined,
    onError: (message) => errors.push(message),
  });
  clients.push(client);
  return { client, frames, errors, running: () => running };
}

describe('the engine host (in a worker)', () => {
  it.each(['js', 'cpu'] as const)(
    'pauses on an early stop, with a frame that says so and shows the kept weights (%s)',
    async (engine) => {
      const r = recorded();
      await r.client.setup({
        spec: OVERFIT,
        train: NOISY_TRAIN,
        test: NOISY_TEST,
        engine,
        grids: GRIDS,
      });
      r.client.play();
      const last = (): FrameMessage => r.frames.at(-1)!;
      await expect
        .poll(() => !last().running && last().report.step > 0, { timeout: 30_000 })
        .toBe(true);
      const frame = last();
      expect(frame.report.earlyStop).toBeDefined();
      expect(frame.report.validationLoss).toBe(frame.report.earlyStop!.bestValidationLoss);
      expect(frame.report.step).toBe(frame.report.earlyStop!.step);
      expect(frame.picture.weights).toBeDefined();
      expect(r.running()).toBe(false);
      expect(r.errors).toEqual([]);
      // The frame's weights are those the engine holds now.
      expect(flatWeights(await r.client.weights())).toEqual(flatWeights(frame.picture.weights!));
    },
    40_000,
  );

  it('set-weight while paused: a frame measured on the new weight, which the engine holds', async () => {
    const r = recorded();
    await r.client.setup({
      spec: xorSpec(),
      train: XOR_TRAIN,
      test: XOR_TEST,
      engine: 'js',
      grids: GRIDS,
    });
    await r.client.step(5);
    const before = r.frames.at(-1)!;
    const count = r.frames.length;
    r.client.setWeight(0, 1, 3, 2.5); // layer 0, from input 1 into unit 3 (8 units a layer)
    await expect.poll(() => r.frames.length, { timeout: 10_000 }).toBeGreaterThan(count);
    const frame = r.frames.at(-1)!;
    expect(frame.running).toBe(false);
    expect(frame.report.step).toBe(before.report.step); // no step taken
    expect(frame.picture.weights![0]!.kernel[1 * 8 + 3]).toBe(2.5);
    expect(frame.report.trainLoss).not.toBe(before.report.trainLoss); // measured on it
    expect(frame.picture.grid).not.toEqual(before.picture.grid);
    // A bias (from = −1) too.
    r.client.setWeight(2, -1, 0, -1.25);
    await expect
      .poll(() => r.frames.at(-1)!.picture.weights?.[2]!.bias[0], { timeout: 10_000 })
      .toBe(-1.25);
    expect((await r.client.weights())[0]!.kernel[1 * 8 + 3]).toBe(2.5);
  });

  it.each(['js', 'cpu'] as const)(
    'set-weight while playing lands in the engine (%s)',
    async (engine) => {
      const r = recorded();
      // Plain gradient descent with a tiny step: training barely moves the weight set by hand.
      const spec = xorSpec({ optimizer: 'sgd', learningRate: 1e-6 });
      await r.client.setup({ spec, train: XOR_TRAIN, test: XOR_TEST, engine, grids: GRIDS });
      r.client.play();
      await expect.poll(() => r.frames.at(-1)!.report.step, { timeout: 20_000 }).toBeGreaterThan(5);
      const stepAtEdit = r.frames.at(-1)!.report.step;
      r.client.setWeight(1, 4, 2, 3);
      // A later frame (training on) shows it, and the engine answers with it.
      await expect
        .poll(
          () => {
            const f = r.frames.at(-1)!;
            const w = f.picture.weights?.[1]!.kernel[4 * 8 + 2];
            return f.report.step > stepAtEdit && w !== undefined && Math.abs(w - 3) < 1e-3;
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      expect(r.running()).toBe(true);
      expect((await r.client.weights())[1]!.kernel[4 * 8 + 2]).toBeCloseTo(3, 3);
      r.client.pause();
    },
    40_000,
  );
});
