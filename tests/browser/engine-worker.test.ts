/**
 * The training engine behind its client (src/train/client.ts): in a dedicated Web Worker, and the
 * same host on the main thread where no worker can run. Everything through the client's public
 * surface: setup, play, pause, step, reset, frames.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EngineClient, liveEngines } from '../../src/train/client';
import type { EngineCallbacks, EngineLost, EngineThread } from '../../src/train/client';
import type { EngineChoice, FrameMessage } from '../../src/train/protocol';
import type { TrainProblem } from '../../src/train/types';
import { createRng } from '../../src/math/rng';
import { confusionMatrix } from '../../src/train/classify';
import { XOR_TEST, XOR_TRAIN, xorSpec } from './train-fixtures';

/** The engine tests' XOR network, in mini-batches of 10. */
const SPEC = xorSpec({ batchSize: 10, seed: 3 });

const GRIDS = {
  heatmap: new Float32Array([0.5, 0.5, -0.5, 0.5, 0.5, -0.5, -0.5, -0.5]),
  maps: new Float32Array([0, 0, 1, 1]),
};

/** A client whose callbacks are recorded. */
function recorded(thread: EngineThread = 'worker') {
  const frames: FrameMessage[] = [];
  const problems: (TrainProblem | EngineLost)[] = [];
  const errors: string[] = [];
  const ready: { engine: string; thread: EngineThread }[] = [];
  let running = false;
  const callbacks: EngineCallbacks = {
    onReady: (engine, where) => ready.push({ engine, thread: where }),
    onFrame: (frame) => frames.push(frame),
    onRunning: (value) => (running = value),
    onProblem: (problem) => problems.push(problem),
    onError: (message) => errors.push(message),
  };
  const client = new EngineClient(callbacks, thread);
  clients.push(client);
  return { client, frames, problems, errors, ready, running: () => running };
}

const clients: EngineClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

const setup = (engine: EngineChoice = 'js') => ({
  spec: SPEC,
  train: XOR_TRAIN,
  test: XOR_TEST,
  engine,
  grids: GRIDS,
});

describe('the engine client', () => {
  it('builds the network in a worker and sends its step-0 report with the whole picture', async () => {
    const r = recorded();
    await r.client.setup(setup('auto'));
    expect(r.ready).toEqual([{ engine: 'js', thread: 'worker' }]);
    expect(r.client.where).toBe('worker');
    const first = r.frames[0]!;
    expect(first.report.step).toBe(0);
    expect(first.report.backend).toBe('js');
    expect(first.picture.grid).toHaveLength(4);
    expect(first.picture.maps?.map((layer) => layer.length)).toEqual([8, 8, 1]);
    expect(first.picture.weights?.map((w) => [w.inputs, w.units])).toEqual([
      [2, 8],
      [8, 8],
      [8, 1],
    ]);
    expect(r.errors).toEqual([]);
  });

  it('trains continuously while playing, pauses on request, and steps exactly once', async () => {
    const r = recorded();
    await r.client.setup(setup());
    r.client.play();
    await expect.poll(() => r.frames.at(-1)!.report.epoch, { timeout: 10_000 }).toBeGreaterThan(20);
    r.client.pause();
    await expect.poll(() => r.running(), { timeout: 10_000 }).toBe(false);
    // The pause ends with a frame of the last report and the whole picture.
    await expect.poll(() => r.frames.at(-1)!.running, { timeout: 10_000 }).toBe(false);
    expect(r.frames.at(-1)!.picture.maps).toBeDefined();
    const paused = r.frames.at(-1)!.report.step;
    await r.client.step(1);
    expect(r.frames.at(-1)!.report.step).toBe(paused + 1);
    await r.client.reset();
    expect(r.frames.at(-1)!.report.step).toBe(0);
  });

  it('the worker and the main thread give the same losses, step for step', async () => {
    const inWorker = recorded('worker');
    const onPage = recorded('main-thread');
    await Promise.all([inWorker.client.setup(setup()), onPage.client.setup(setup())]);
    expect(onPage.client.where).toBe('main-thread');
    for (const r of [inWorker, onPage]) await r.client.step(1);
    for (const r of [inWorker, onPage]) for (let i = 0; i < 24; i++) await r.client.step(1);
    const a = inWorker.frames.at(-1)!.report;
    const b = onPage.frames.at(-1)!.report;
    expect(a.step).toBe(25);
    expect(b.step).toBe(25);
    expect(b.trainLoss).toBe(a.trainLoss);
    expect(b.testLoss).toBe(a.testLoss);
  });

  it('stops exactly on the epoch asked for', async () => {
    const r = recorded();
    await r.client.setup(setup());
    r.client.play(30);
    // The last frame of the run: training has stopped on its own, after steps were taken.
    const last = () => r.frames.at(-1)!;
    await expect
      .poll(() => !last().running && last().report.step > 0, { timeout: 20_000 })
      .toBe(true);
    expect(last().report.epoch).toBeCloseTo(30, 9);
    expect(r.running()).toBe(false);
  });

  it('a worker that dies mid-training is reported and replaced, resuming where it was', async () => {
    const r = recorded();
    await r.client.setup(setup());
    r.client.play();
    // A state to resume from is sent about once a second.
    await expect
      .poll(() => r.frames.filter((f) => f.resume).length, { timeout: 10_000 })
      .toBeGreaterThan(1);
    const saved = r.frames.filter((f) => f.resume).at(-1)!.resume!.step;
    expect(saved).toBeGreaterThan(0);
    r.client.crashForTest();
    await expect.poll(() => r.problems.map((p) => p.kind)).toContain('engine-lost');
    expect(r.problems.at(-1)!.message).toMatch(/stopped.*saved at step \d+/);
    // The new worker starts from the saved step, not from 0, and goes on training.
    const after = r.frames.length;
    await expect.poll(() => r.frames.length, { timeout: 10_000 }).toBeGreaterThan(after + 2);
    expect(r.frames[after]!.report.step).toBeGreaterThanOrEqual(saved);
    await expect.poll(() => r.frames.at(-1)!.report.step).toBeGreaterThan(saved + 10);
    expect(r.running()).toBe(true);
  });

  it('a disposed client leaves no engine running', async () => {
    const r = recorded();
    await r.client.setup(setup());
    r.client.play();
    expect(liveEngines()).toContain(r.client);
    r.client.dispose();
    clients.splice(clients.indexOf(r.client), 1);
    expect(liveEngines()).not.toContain(r.client);
    await expect(r.client.step()).rejects.toThrow(/closed/);
  });
});

describe('the engine client with many classes and wide rows', () => {
  /** Ten classes of 16 pixels: class c lights pixels c … c + 5 (Uint8Array, read as v/255). */
  function pixels(n: number, seed: number) {
    const rng = createRng(seed);
    const y = new Float32Array(n).map((_, r) => r % 10);
    const x = new Uint8Array(16 * n).map((_, k) => {
      const c = y[Math.floor(k / 16)]!;
      const i = k % 16;
      return (i >= c && i < c + 6 ? 200 : 20) + rng.int(50);
    });
    return { x, y };
  }
  const wide = (engine: EngineChoice, transfer = false) => ({
    spec: {
      ...SPEC,
      inputs: 16,
      classes: 10,
      hidden: [{ units: 12, activation: 'relu' as const }],
    },
    train: pixels(300, 1),
    test: pixels(100, 2),
    engine,
    grids: { heatmap: new Float32Array(0), maps: new Float32Array(0) },
    transfer,
  });

  it.each(['worker', 'main-thread'] as const)(
    'learns 10 classes from pixels, reports per-class accuracy, and answers predict and weights (%s)',
    async (thread) => {
      const r = recorded(thread);
      const request = wide('js', thread === 'worker');
      const testLabels = request.test.y.slice();
      const testRows = request.test.x.slice();
      await r.client.setup(request);
      if (thread === 'worker') expect(request.train.x.length).toBe(0); // handed over, not copied
      const first = r.frames.at(-1)!.report;
      expect(first.testClassAccuracy).toHaveLength(10);
      expect(first.testAccuracy).toBeLessThan(0.5);
      r.client.play(40);
      await expect
        .poll(() => !r.frames.at(-1)!.running && r.frames.at(-1)!.report.step > 0, {
          timeout: 20_000,
        })
        .toBe(true);
      const end = r.frames.at(-1)!.report;
      expect(end.testAccuracy).toBeGreaterThanOrEqual(0.9);
      expect(end.testClassAccuracy!.every((a) => a !== null && a >= 0.5)).toBe(true);
      // Ten probabilities a row, summing to 1; their confusion matrix agrees with the report.
      const p = await r.client.predict(testRows);
      expect(p).toHaveLength(1000);
      expect(p.slice(0, 10).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      const confusion = confusionMatrix(p, testLabels, 10);
      let right = 0;
      for (let c = 0; c < 10; c++) right += confusion[c * 10 + c]!;
      expect(right / 100).toBeCloseTo(end.testAccuracy, 9);
      // Each layer's weights: 16 × 12 into the hidden layer, 12 × 10 into the softmax.
      const layers = await r.client.weights();
      expect(layers.map((l) => [l.inputs, l.units, l.kernel.length])).toEqual([
        [16, 12, 192],
        [12, 10, 120],
      ]);
      await expect(r.client.predict(new Float32Array(5))).rejects.toThrow(/rows of 16/);
    },
    30_000,
  );

  it('the tfjs engine answers the same questions (cpu backend, in the worker)', async () => {
    const r = recorded('worker');
    await r.client.setup(wide('cpu'));
    expect(r.ready.at(-1)!.engine).toBe('cpu');
    await r.client.step(5);
    expect(r.frames.at(-1)!.report.trainClassAccuracy).toHaveLength(10);
    const p = await r.client.predict(pixels(3, 9).x);
    expect(p).toHaveLength(30);
    expect(p.slice(10, 20).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect((await r.client.weights())[0]!.kernel).toHaveLength(192);
  }, 30_000);
});
