/**
 * The training engine (src/train) in a real browser, on the backends a student's machine offers:
 * it learns, its gradients are tfjs's own, it never leaks a tensor, it catches divergence, and its
 * loop keeps going frame after frame.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  availableBackends,
  chooseBackend,
  clearBackendChoices,
  createTrainer,
} from '../../src/train/index';
import type { ModelSpec, Trainer, TrainProblem, TrainReport } from '../../src/train/index';
import { initialWeights } from '../../src/train/spec';
import { startLoop, XOR_TEST, XOR_TRAIN, xorPoints, xorSpec } from './train-fixtures';
import { flatWeights, referenceLoss, TWO_HIDDEN_LAYERS } from './tfjs-reference';
import { xorTrainers } from './xor-trainers';

const trainer = xorTrainers();

function expectFinite(report: TrainReport): void {
  for (const key of [
    'step',
    'epoch',
    'trainLoss',
    'testLoss',
    'trainAccuracy',
    'testAccuracy',
  ] as const) {
    expect(Number.isFinite(report[key]), `${key} = ${report[key]}`).toBe(true);
  }
}

/** Train in frames of `chunk` steps, as the loop would, until `steps` are done. */
async function trainFor(t: Trainer, steps: number, chunk = 100): Promise<TrainReport> {
  let report = await t.train(0);
  for (let done = 0; done < steps; done += chunk)
    report = await t.train(Math.min(chunk, steps - done));
  return report;
}

describe.each(['cpu', 'webgl'] as const)('on the %s backend', (backend) => {
  it('a seeded run learns XOR (test accuracy ≥ 95 %)', async () => {
    const t = await trainer(xorSpec(), backend);
    expect(t.backend).toBe(backend);
    const start = await t.train(0);
    expect(start.testAccuracy).toBeLessThan(0.8); // it really had to learn
    const report = await trainFor(t, 300);
    expectFinite(report);
    expect(report.step).toBe(300);
    expect(report.epoch).toBe(300); // full batch: one epoch per step
    expect(report.backend).toBe(backend);
    expect(report.trainLoss).toBeLessThan(start.trainLoss / 10);
    expect(report.testAccuracy).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it('leaves no tensor behind (its shader warm-up included)', async () => {
    await availableBackends();
    const start = tf.memory().numTensors;
    const t = await createTrainer({ spec: xorSpec(), train: XOR_TRAIN, test: XOR_TEST, backend });
    await trainFor(t, 100, 50);
    await t.predict(new Float32Array(2 * 100 * 100));
    t.dispose();
    expect(tf.memory().numTensors).toBe(start);
  }, 30_000);

  it('stops early at a deadline, never holding the page longer than asked', async () => {
    const t = await trainer(xorSpec(), backend);
    await t.train(1);
    const report = await t.train(100_000, { maxMs: 5 });
    expect(report.step).toBeGreaterThan(1); // at least one step is always taken
    expect(report.step).toBeLessThan(100_000);
    expectFinite(report);
  });

  it('starts from the same seeded weights as every other backend', async () => {
    const t = await trainer(xorSpec({ seed: 42 }), backend);
    const expected = initialWeights(xorSpec({ seed: 42 }));
    const weights = await t.weights();
    expect(weights.map((w) => [w.inputs, w.units])).toEqual([
      [2, 8],
      [8, 8],
      [8, 1],
    ]);
    weights.forEach((w, l) => {
      expect(Array.from(w.kernel)).toEqual(Array.from(expected[l]!.kernel));
      expect(Array.from(w.bias)).toEqual(Array.from(expected[l]!.bias));
    });
  });

  it('predicts a 100 × 100 grid in one call, and each unit’s activations match it', async () => {
    const t = await trainer(xorSpec(), backend);
    await trainFor(t, 50, 50);
    const side = 100;
    const grid = new Float32Array(2 * side * side);
    for (let i = 0; i < side * side; i++) {
      grid[2 * i] = -1 + (2 * (i % side)) / (side - 1);
      grid[2 * i + 1] = -1 + (2 * Math.floor(i / side)) / (side - 1);
    }
    const p = await t.predict(grid);
    expect(p.length).toBe(side * side);
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
    const layers = await t.activations(grid);
    expect(layers.map((units) => units.length)).toEqual([8, 8, 1]);
    for (const units of layers) for (const unit of units) expect(unit.length).toBe(side * side);
    const output = layers[2]![0]!;
    for (let i = 0; i < p.length; i += 997) expect(output[i]).toBeCloseTo(p[i]!, 5);
    // tanh units stay in (−1, 1)
    expect(layers[0]!.every((u) => u.every((v) => v >= -1 && v <= 1))).toBe(true);
  });
});

describe('the maths of a step is tfjs’s own (cpu backend, against tf.grads and tf.train)', () => {
  const shapes = (spec: ModelSpec): number[][] => {
    const sizes = [2, ...spec.hidden.map((h) => h.units), 1];
    return sizes.slice(1).flatMap((units, l) => [[sizes[l]!, units], [units]]);
  };

  const cases: Partial<ModelSpec>[] = [
    ...TWO_HIDDEN_LAYERS,
    { loss: 'squared-error', hidden: [], l2: 0.01 },
    { loss: 'cross-entropy', hidden: [{ units: 6, activation: 'tanh' }], l2: 0.003 },
  ];

  it.each(cases)('one SGD step is w − η(∇L) for %j', async (overrides) => {
    const spec = xorSpec({ optimizer: 'sgd', learningRate: 0.7, ...overrides });
    const t = await trainer(spec, 'cpu');
    const before = await t.weights();
    await t.train(1);
    const after = flatWeights(await t.weights());
    const expected = tf.tidy(() => {
      const params = before.flatMap((l) => [
        tf.tensor2d(l.kernel, [l.inputs, l.units]),
        tf.tensor1d(l.bias),
      ]);
      const grads = tf.grads((...p: tf.Tensor[]) => referenceLoss(p, spec))(params);
      return params.flatMap((p, i) => [
        ...tf.sub(p, tf.mul(grads[i]!, spec.learningRate)).dataSync(),
      ]);
    });
    expect(after.length).toBe(expected.length);
    const worst = Math.max(...after.map((v, i) => Math.abs(v - expected[i]!)));
    expect(worst).toBeLessThan(1e-5);
  });

  it.each(['momentum', 'adam'] as const)('%s matches tf.train over 5 steps', async (optimizer) => {
    const spec = xorSpec({ optimizer, learningRate: 0.05, l2: 0.001 });
    const t = await trainer(spec, 'cpu');
    const start = await t.weights();
    for (let i = 0; i < 5; i++) await t.train(1);
    const ours = flatWeights(await t.weights());
    const vars = start.flatMap((l) => [
      tf.variable(tf.tensor2d(l.kernel, [l.inputs, l.units])),
      tf.variable(tf.tensor1d(l.bias)),
    ]);
    const opt = optimizer === 'adam' ? tf.train.adam(0.05) : tf.train.momentum(0.05, 0.9);
    for (let i = 0; i < 5; i++) opt.minimize(() => tf.tidy(() => referenceLoss(vars, spec)));
    const theirs = vars.flatMap((v) => [...v.dataSync()]);
    opt.dispose();
    vars.forEach((v) => v.dispose());
    expect(shapes(spec).length).toBe(vars.length);
    const worst = Math.max(...ours.map((v, i) => Math.abs(v - theirs[i]!)));
    expect(worst).toBeLessThan(1e-5);
  });
});

describe('memory', () => {
  it('tf.memory().numTensors returns to its start after 10,000 steps, a reset and a disposal', async () => {
    await availableBackends(); // every backend started first: its own bookkeeping is not ours
    const start = tf.memory().numTensors;
    // Mini-batches of 32 (a new shuffled epoch every 7 steps) and momentum: every kind of tensor.
    const spec = xorSpec({
      hidden: [{ units: 4, activation: 'tanh' }],
      optimizer: 'momentum',
      learningRate: 0.1,
      batchSize: 32,
    });
    const t = await createTrainer({ spec, train: XOR_TRAIN, test: XOR_TEST, backend: 'cpu' });
    let report = await t.train(100);
    const steady = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) report = await t.train(1000);
    expect(report.step).toBe(10_100);
    // An epoch is 7 steps (6 batches of 32 and one of the last 8 points): 1,442 epochs and 6 steps.
    expect(report.epoch).toBeCloseTo(1442 + (6 * 32) / 200, 6);
    expect(tf.memory().numTensors).toBe(steady); // nothing grows with the steps
    t.reset();
    expect((await t.train(0)).step).toBe(0);
    await t.train(3);
    t.setData(xorPoints(150, 9), xorPoints(50, 10));
    await t.train(3);
    await t.predict(new Float32Array([0, 0, 0.5, -0.5]));
    await t.activations(new Float32Array([0, 0]));
    await t.weights();
    t.dispose();
    expect(tf.memory().numTensors).toBe(start);
  }, 120_000);
});

describe('divergence', () => {
  it.each([
    ['cross-entropy', 'sgd', 1e3],
    ['cross-entropy', 'adam', 1e3],
    ['squared-error', 'sgd', 1e3],
    ['squared-error', 'adam', 1e3],
    ['cross-entropy', 'sgd', 10],
  ] as const)(
    'a learning rate too high (%s, %s, %s) pauses with a message, never NaN',
    async (loss, optimizer, rate) => {
      const problems: TrainProblem[] = [];
      const t = await trainer(xorSpec({ loss, optimizer, learningRate: rate }), 'cpu', (p) =>
        problems.push(p),
      );
      const { loop, reports } = startLoop(t, { initialStepsPerFrame: 5 });
      await expect.poll(() => problems.length, { timeout: 10_000 }).toBeGreaterThan(0);
      await expect.poll(() => loop.isRunning()).toBe(false);
      expect(problems[0]!.kind).toBe('diverged');
      expect(problems[0]!.message).toContain(
        `learning rate ${rate} is probably too high — lower it or reset`,
      );
      for (const r of reports) expectFinite(r);
      expect(reports.at(-1)!.problem).toEqual(problems[0]);
      // The weights were put back to the last good moment: predictions are numbers.
      const p = await t.predict(new Float32Array([0.5, 0.5, -0.5, 0.5]));
      expect(p.every(Number.isFinite)).toBe(true);
      // …and a reset starts over cleanly.
      t.reset();
      expectFinite(await t.train(1));
    },
  );
});

describe('the loop', () => {
  it('trains several steps per frame, reports every frame, pauses and single-steps', async () => {
    const t = await trainer(xorSpec(), 'cpu');
    const { loop, reports, running } = startLoop(t);
    expect(loop.isRunning()).toBe(true);
    await expect.poll(() => reports.length, { timeout: 10_000 }).toBeGreaterThan(10);
    loop.pause();
    expect(loop.isRunning()).toBe(false);
    expect(running).toEqual([true, false]);
    for (const r of reports) expectFinite(r);
    const steps = reports.map((r) => r.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    // (How many steps a frame takes adapts to the clock: tests/unit/train-loop.test.ts.)
    const paused = reports.length;
    // singleStep waits for a frame still in flight: after the pause, at most that frame's report,
    // then exactly one step more — no frame of its own.
    const single = await loop.singleStep();
    expect(reports.length - paused).toBeLessThanOrEqual(2);
    expect(reports.at(-1)).toBe(single);
    expect(single.step).toBe(reports.at(-2)!.step + 1);
    expect(loop.isRunning()).toBe(false);
  });
});

describe('backends', () => {
  it('wasm starts offline-capable: its binary comes from our own build, not a CDN', async () => {
    const t = await trainer(xorSpec(), 'wasm');
    expect(t.backend).toBe('wasm');
    const report = await trainFor(t, 100);
    expectFinite(report);
    expect(report.backend).toBe('wasm');
    const wasm = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((name) => name.includes('.wasm'));
    expect(wasm.length).toBeGreaterThan(0);
    for (const url of wasm) expect(new URL(url).origin).toBe(location.origin);
  });

  it("'auto' measures each backend, picks the fastest, and remembers the choice", async () => {
    clearBackendChoices();
    const options = { spec: xorSpec(), train: XOR_TRAIN, test: XOR_TEST };
    const first = await chooseBackend(options);
    expect(first.available).toEqual(await availableBackends());
    expect(Object.keys(first.rates).sort()).toEqual([...first.available].sort());
    const fastest = Object.entries(first.rates).sort((a, b) => b[1] - a[1])[0]![0];
    expect(first.backend).toBe(fastest);
    const again = await chooseBackend(options);
    expect(again.backend).toBe(first.backend);
    expect(again.rates).toEqual({}); // from the cache: nothing measured
    const t = await trainer(xorSpec(), 'auto');
    expect(t.backend).toBe(first.backend);
  }, 60_000);

  it("'auto' abandoned while it measures stops within a few frames and keeps no tensor", async () => {
    clearBackendChoices();
    await availableBackends(); // the backends' own start-up tensors are not the trainer's
    const start = tf.memory().numTensors;
    const abandon = new AbortController();
    const options = { spec: xorSpec(), train: XOR_TRAIN, test: XOR_TEST };
    const building = createTrainer({ ...options, signal: abandon.signal });
    const outcome = building.then(
      () => 'built',
      (error: unknown) => (error instanceof DOMException ? error.name : String(error)),
    );
    await new Promise((r) => requestAnimationFrame(r)); // measuring (WebGL compiles by frames)
    const frames = () => new Promise((r) => requestAnimationFrame(r));
    abandon.abort();
    let done = false;
    void outcome.then(() => (done = true));
    let waited = 0;
    while (!done && waited < 10) {
      await frames();
      waited++;
    }
    expect(await outcome).toBe('AbortError');
    expect(waited, 'frames until createTrainer gave up').toBeLessThan(10);
    expect(tf.memory().numTensors).toBe(start);
    expect(await chooseBackend(options).then((c) => c.rates)).not.toEqual({}); // nothing cached
  }, 60_000);

  it('the same seed gives the same numbers on every backend', async () => {
    // The same start to float32 precision; then each backend's own exp and tanh (SwiftShader's
    // WebGL among them) make the runs drift apart slowly, so later steps agree to 1e-3.
    const runs: TrainReport[][] = [];
    for (const backend of await availableBackends()) {
      const t = await trainer(xorSpec({ optimizer: 'sgd', learningRate: 0.5 }), backend);
      runs.push([await t.train(0), await t.train(1), await t.train(1)]);
    }
    for (const run of runs.slice(1)) {
      run.forEach((r, step) => {
        expect(r.step).toBe(step);
        const tolerance = step === 0 ? 1e-6 : 1e-3;
        expect(Math.abs(r.trainLoss - runs[0]![step]!.trainLoss)).toBeLessThan(tolerance);
        expect(Math.abs(r.testLoss - runs[0]![step]!.testLoss)).toBeLessThan(tolerance);
      });
    }
  }, 60_000);
});
