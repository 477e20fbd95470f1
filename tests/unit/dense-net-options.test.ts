/**
 * The from-scratch engine's options of issue 16 (src/math/dense-net.ts, src/train/js-trainer.ts):
 * regression, L1, dropout — their gradients against central finite differences of a loss written
 * plainly (tests/unit/fixtures/reference-net.ts), dropout off at prediction — and JsTrainer's early
 * stopping putting the best weights back. (tests/unit/dense-net.test.ts covers the rest; early-stop.ts's two parts are in
 * tests/unit/train-early-stop.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { worstGradientGap } from './fixtures/finite-differences';
import { randomData, referenceLoss } from './fixtures/reference-net';
import { xorPoints, xorSpec } from './fixtures/training';
import { DenseNet, denseParameterCount } from '../../src/math/dense-net';
import type { DenseActivation, DenseNetConfig } from '../../src/math/dense-net';
import { createRng } from '../../src/math/rng';
import { createJsTrainer } from '../../src/train/js-trainer';
import type { ModelSpec, TrainReport } from '../../src/train/types';

/** A DenseNet that shows its last training step's dropout masks (indexed like the layers). */
class OpenNet extends DenseNet {
  masks(): Float64Array[] {
    return this.mask.map((m) => m.slice());
  }
}

/** Parameters uniform in ±1 (none within 0.05 of 0, where |w| has no slope) and sgd's no slots. */
function randomState(sizes: number[], seed: number) {
  const rng = createRng(seed);
  const values = new Float32Array(denseParameterCount(sizes)).map(() => {
    const w = rng.uniform(0.05, 1);
    return rng.uniform(0, 1) < 0.5 ? -w : w;
  });
  return { values, adamStep: 0 };
}

const CASES = [
  { name: 'regression', regression: true, l2: 0, l1: 0, dropout: [0, 0] },
  { name: 'L1', regression: false, l2: 0, l1: 0.03, dropout: [0, 0] },
  { name: 'L1 and L2 on regression', regression: true, l2: 0.02, l1: 0.03, dropout: [0, 0] },
  { name: 'dropout', regression: false, l2: 0, l1: 0, dropout: [0.4, 0] },
  { name: 'dropout on both layers', regression: false, l2: 0, l1: 0, dropout: [0.3, 0.5] },
  { name: 'everything at once', regression: true, l2: 0.02, l1: 0.01, dropout: [0.3, 0.2] },
];

describe('DenseNet gradients with regression, L1 and dropout', () => {
  it.each(CASES)(
    'equal central finite differences of the loss ($name)',
    ({ regression, l2, l1, dropout }) => {
      const sizes = [3, 5, 4, 1];
      const activations: DenseActivation[] = ['leaky-relu', 'tanh'];
      const state = randomState(sizes, 21);
      const data = randomData(12, 3, 8, regression ? 'regression' : 2);
      const config: DenseNetConfig = {
        sizes,
        activations,
        task: regression ? 'regression' : 'classification',
        loss: 'cross-entropy',
        optimizer: 'sgd',
        learningRate: 0.1,
        l2,
        l1,
        dropout,
        batchSize: 0, // every row, in order: the masks' rows are the data's rows
        shuffleSeed: 4,
        state,
      };
      const net = new OpenNet(config);
      net.setData(data.x, data.y);
      expect(net.step()).toBe(12);
      // (The mask buffers hold as many rows as the scratch; the step used the first 12.)
      const masks = net
        .masks()
        .map((m, l) =>
          l >= 1 && l <= 2 && dropout[l - 1]! > 0 ? m.slice(0, 12 * sizes[l]!) : null,
        );
      // The masks really drop (some zeros) and scale the rest by 1/(1 − r).
      masks.forEach((mask, l) => {
        if (!mask) return;
        const r = dropout[l - 1]!;
        expect([...new Set(mask)].sort()).toEqual([0, 1 / (1 - r)].sort());
      });
      const reference = { sizes, activations, regression, l2, l1, masks: masks.slice(1, 3) };
      const theta = Float64Array.from(state.values);
      const L = (t: Float64Array): number => referenceLoss(t, reference, data.x, data.y);
      expect(worstGradientGap(net.gradients, theta, L)).toBeLessThan(1e-7);
      expect(Math.max(...net.gradients.map(Math.abs))).toBeGreaterThan(1e-2);
    },
  );

  it('regression: the reported loss is the mean of ½(ŷ − y)², with no accuracy', () => {
    const sizes = [3, 5, 1];
    const net = new DenseNet({
      sizes,
      activations: ['tanh'],
      task: 'regression',
      loss: 'cross-entropy',
      optimizer: 'sgd',
      learningRate: 0.1,
      l2: 0.5, // the penalty is not part of the reported loss
      batchSize: 0,
      shuffleSeed: 1,
      state: randomState(sizes, 3),
    });
    const data = randomData(10, 3, 2, 'regression');
    const test = randomData(6, 3, 9, 'regression');
    const stats = net.stats(data.x, data.y, test.x, test.y);
    const mean = (d: { x: Float32Array; y: Float32Array }): number => {
      const y = net.predictInto(d.x, new Float64Array(d.y.length));
      return y.reduce((s, v, r) => s + 0.5 * (v - d.y[r]!) ** 2, 0) / d.y.length;
    };
    expect(stats.trainLoss).toBeCloseTo(mean(data), 10);
    expect(stats.testLoss).toBeCloseTo(mean(test), 10);
    expect(stats.trainAccuracy).toBe(0);
    expect(stats.trainClassAccuracy).toEqual([]);
    // ŷ is the linear output: not squashed into 0…1.
    const out = net.predictInto(Float32Array.of(40, -40, 40), new Float64Array(1));
    expect(Math.abs(out[0]!)).toBeGreaterThan(1);
  });
});

/** Two tanh layers of 12 with dropout, in batches of 10, on XOR. */
const spec = (overrides: Partial<ModelSpec> = {}): ModelSpec =>
  xorSpec({
    hidden: [
      { units: 12, activation: 'tanh', dropout: 0.5 },
      { units: 12, activation: 'tanh', dropout: 0.3 },
    ],
    batchSize: 10,
    seed: 5,
    ...overrides,
  });

describe('dropout only while training', () => {
  it('DenseNet predicts with every unit, the same numbers twice, after training steps too', () => {
    const sizes = [2, 12, 12, 1];
    const state = randomState(sizes, 6);
    const base: DenseNetConfig = {
      sizes,
      activations: ['tanh', 'tanh'],
      loss: 'cross-entropy',
      optimizer: 'sgd',
      learningRate: 0.1,
      l2: 0,
      batchSize: 5,
      shuffleSeed: 2,
      state,
    };
    const dropping = new DenseNet({ ...base, dropout: [0.5, 0.5] });
    const data = xorPoints(30, 1);
    dropping.setData(data.x, data.y);
    dropping.train(3); // masks drawn: they must not stay on for prediction
    const plain = new DenseNet({ ...base, state: dropping.state() }); // no dropout at all
    const grid = Float32Array.from({ length: 2 * 50 }, (_, i) => Math.sin(i));
    const first = dropping.predictInto(grid, new Float64Array(50));
    const second = dropping.predictInto(grid, new Float64Array(50));
    expect(second).toEqual(first);
    expect(first).toEqual(plain.predictInto(grid, new Float64Array(50)));
    expect(dropping.stats(data.x, data.y)).toEqual(plain.stats(data.x, data.y));
  });

  it('JsTrainer: predict twice gives the same numbers, those of the same weights without dropout', async () => {
    const train = xorPoints(60, 2, 0.2);
    const test = xorPoints(30, 3, 0.2);
    const trainer = createJsTrainer({ spec: spec(), train, test });
    await trainer.train(25);
    const grid = Float32Array.from({ length: 2 * 40 }, (_, i) => Math.cos(i) * 5);
    const first = await trainer.predict(grid);
    expect(await trainer.predict(grid)).toEqual(first);
    const resume = trainer.exportState()!;
    const plainSpec = spec({
      hidden: spec().hidden.map(({ units, activation }) => ({ units, activation })),
    });
    const plain = createJsTrainer({ spec: plainSpec, train, test, resume });
    expect(await plain.predict(grid)).toEqual(first);
    // …and different from a prediction with a unit dropped: dropout does change training.
    const again = createJsTrainer({ spec: plainSpec, train, test });
    await again.train(25);
    expect(await again.predict(grid)).not.toEqual(first);
  });
});

describe('JsTrainer early stopping', () => {
  it('stops when the validation loss stops improving and puts the best weights back', async () => {
    // A big network on few noisy points: the validation loss falls, then rises.
    const train = xorPoints(40, 11, 0.5);
    const test = xorPoints(40, 12, 0.5);
    const trainer = createJsTrainer({
      spec: spec({
        hidden: [
          { units: 16, activation: 'tanh' },
          { units: 16, activation: 'tanh' },
        ],
        learningRate: 0.05,
        batchSize: 0,
        earlyStopping: { patience: 20, validationFraction: 0.3 },
      }),
      train,
      test,
    });
    const seen = new Map<number, { report: TrainReport; weights: number[] }>();
    const flat = async (): Promise<number[]> =>
      (await trainer.weights()).flatMap((l) => [...l.kernel, ...l.bias]);
    let stopped: TrainReport | null = null;
    for (let i = 0; i < 2000 && !stopped; i++) {
      const report = await trainer.train(1); // full batch: one step is one epoch
      if (report.earlyStop) stopped = report;
      else seen.set(report.step, { report, weights: await flat() });
    }
    expect(stopped, 'early stopping never stopped the run').not.toBeNull();
    const stop = stopped!.earlyStop!;
    const best = seen.get(stop.bestStep)!;
    expect(stop.step).toBe(stopped!.step);
    expect(stop.epoch - stop.bestEpoch).toBeGreaterThanOrEqual(20 - 1e-9);
    expect(best.report.validationLoss).toBe(stop.bestValidationLoss);
    // The best really is the best, and the run went on past it.
    for (const { report } of seen.values()) {
      expect(report.validationLoss).toBeGreaterThanOrEqual(stop.bestValidationLoss);
    }
    expect(seen.get(stop.step - 1)!.report.validationLoss).toBeGreaterThan(stop.bestValidationLoss);
    // The report after the stop is measured on the best weights, and those weights are back.
    expect(stopped!.validationLoss).toBe(stop.bestValidationLoss);
    expect(stopped!.trainLoss).toBe(best.report.trainLoss);
    expect(stopped!.testLoss).toBe(best.report.testLoss);
    expect(await flat()).toEqual(best.weights);
    // The resume point is the best weights too.
    const resume = trainer.exportState()!;
    expect(Array.from(resume.state.values.subarray(0, best.weights.length))).toEqual(best.weights);
    // Playing on trains from there: the next step starts from the best weights.
    const next = await trainer.train(1);
    expect(next.earlyStop).toBeUndefined();
    expect(next.step).toBe(stop.step + 1);
  });
});
