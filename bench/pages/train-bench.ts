/**
 * The training benchmark's page (bench/train.mjs drives it through `window.bench`). Every engine
 * trains the same task — seeded XOR points, a 2-w-w-1 network with sigmoid units, cross-entropy,
 * full batch — and reports steps per second (one step = one parameter update on the whole batch).
 */
import { xor } from '../../src/math/datasets.ts';
import { Mlp } from '../../src/math/mlp.ts';
import {
  availableBackends,
  chooseBackend,
  clearBackendChoices,
  createTrainer,
  TrainingLoop,
} from '../../src/train/index.ts';
import type {
  BackendName,
  ModelSpec,
  Points,
  TrainReport,
  Trainer,
} from '../../src/train/index.ts';
import { tf } from '../../src/train/backend.ts';
// tfjs-layers only for the comparison below (the course itself uses tfjs-core alone).
import * as tfjs from '@tensorflow/tfjs';
import * as playground from '../playground-nn.ts';

export interface Task {
  points: number;
  width: number;
  optimizer: 'sgd' | 'adam';
}

const DEFAULT_TASK: Task = { points: 400, width: 8, optimizer: 'sgd' };
const LEARNING_RATE = { sgd: 0.5, adam: 0.01 };

function points(n: number, seed: number): Points {
  const pts = xor(n, 0.05, seed);
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  pts.forEach((p, i) => {
    x[2 * i] = p.x;
    x[2 * i + 1] = p.y;
    y[i] = p.label;
  });
  return { x, y };
}

const cache = new Map<number, Points>();
function data(n: number): Points {
  let d = cache.get(n);
  if (!d) cache.set(n, (d = points(n, 1)));
  return d;
}
const TEST = points(200, 2);

function spec(task: Task): ModelSpec {
  return {
    hidden: [
      { units: task.width, activation: 'sigmoid' },
      { units: task.width, activation: 'sigmoid' },
    ],
    loss: 'cross-entropy',
    optimizer: task.optimizer,
    learningRate: LEARNING_RATE[task.optimizer],
    batchSize: 0,
    l2: 0,
    seed: 1,
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

type Run = (steps: number) => unknown;

/**
 * Warm-up that does not count: WebGL compiles its shaders on the first steps, and JavaScript
 * engines need a few hundred calls before the optimising compiler has done its work.
 */
async function warm(run: Run, ms = 100): Promise<void> {
  const until = performance.now() + ms;
  await run(1);
  await run(2);
  for (let chunk = 2; performance.now() < until; chunk *= 2) await run(chunk);
  await tick();
}

/** Steps per second of `run(steps)`: chunks double until `ms` have been spent timing. */
async function timeRun(run: Run, ms: number): Promise<number> {
  let steps = 0;
  let elapsed = 0;
  for (let chunk = 1; elapsed < ms; chunk *= 2) {
    const t0 = performance.now();
    await run(chunk);
    elapsed += performance.now() - t0;
    steps += chunk;
    await tick();
  }
  return steps / (elapsed / 1000);
}

/** An engine kept alive between measurements, so they can be interleaved (see train.mjs). */
interface Engine {
  run: Run;
  dispose: () => void;
}

async function withTrainer<T>(
  backend: BackendName | 'auto',
  task: Task,
  fn: (trainer: Trainer) => Promise<T>,
): Promise<T> {
  const trainer = await createTrainer({
    spec: spec(task),
    train: data(task.points),
    test: TEST,
    backend,
  });
  try {
    return await fn(trainer);
  } finally {
    trainer.dispose();
  }
}

/** tfjs with its own autodiff and optimizer (what a textbook tfjs model does), for comparison. */
async function autodiffEngine(backend: BackendName, task: Task): Promise<Engine> {
  await tf.setBackend(backend);
  const { x, y } = data(task.points);
  const sizes = [2, task.width, task.width, 1];
  const xs = tf.tensor2d(x, [y.length, 2]);
  const ys = tf.tensor2d(y, [y.length, 1]);
  const vars = sizes
    .slice(1)
    .flatMap((units, l) => [
      tf.variable(tf.randomUniform([sizes[l]!, units], -0.5, 0.5, 'float32', 1)),
      tf.variable(tf.zeros([units])),
    ]);
  const optimizer =
    task.optimizer === 'sgd' ? tf.train.sgd(LEARNING_RATE.sgd) : tf.train.adam(LEARNING_RATE.adam);
  const loss = (): tf.Scalar => {
    let a: tf.Tensor2D = xs;
    for (let l = 0; l < 3; l++) {
      a = tf.fused.matMul({
        a,
        b: vars[2 * l] as tf.Tensor2D,
        bias: vars[2 * l + 1],
        activation: l < 2 ? 'sigmoid' : 'linear',
      }) as tf.Tensor2D;
    }
    return tf.losses.sigmoidCrossEntropy(ys, a);
  };
  return {
    run: async (steps) => {
      await tf.setBackend(backend);
      let last: tf.Scalar | null = null;
      for (let i = 0; i < steps; i++) {
        last?.dispose();
        last = optimizer.minimize(loss, true) as tf.Scalar;
      }
      await last!.data();
      last!.dispose();
    },
    dispose: () => {
      optimizer.dispose();
      for (const t of [xs, ys, ...vars]) t.dispose();
    },
  };
}

/** The same network as a tfjs-layers model, trained batch by batch with `trainOnBatch`. */
async function layersEngine(backend: BackendName, task: Task): Promise<Engine> {
  await tf.setBackend(backend);
  const { x, y } = data(task.points);
  const xs = tf.tensor2d(x, [y.length, 2]);
  const ys = tf.tensor2d(y, [y.length, 1]);
  const model = tfjs.sequential({
    layers: [
      tfjs.layers.dense({ inputShape: [2], units: task.width, activation: 'sigmoid' }),
      tfjs.layers.dense({ units: task.width, activation: 'sigmoid' }),
      tfjs.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({
    optimizer:
      task.optimizer === 'sgd'
        ? tf.train.sgd(LEARNING_RATE.sgd)
        : tf.train.adam(LEARNING_RATE.adam),
    loss: 'binaryCrossentropy',
  });
  return {
    run: async (steps) => {
      await tf.setBackend(backend);
      for (let i = 0; i < steps; i++) await model.trainOnBatch(xs, ys);
    },
    dispose: () => {
      model.dispose();
      xs.dispose();
      ys.dispose();
    },
  };
}

async function trainerEngine(backend: BackendName, task: Task): Promise<Engine> {
  const trainer = await createTrainer({
    spec: spec(task),
    train: data(task.points),
    test: TEST,
    backend,
  });
  return { run: (steps) => trainer.train(steps), dispose: () => trainer.dispose() };
}

function mlpEngine(task: Task): Engine {
  const { x, y } = data(task.points);
  const mlp = new Mlp({
    sizes: [2, task.width, task.width, 1],
    activation: 'sigmoid',
    loss: 'cross-entropy',
    learningRate: LEARNING_RATE.sgd,
    batchSize: 0,
    seed: 1,
  });
  mlp.setData(x, y);
  return { run: (steps) => mlp.train(steps), dispose: () => undefined };
}

function playgroundEngine(task: Task): Engine {
  const { x, y } = data(task.points);
  const fn = playground.ACTIVATIONS.sigmoid;
  const net = playground.buildNetwork([2, task.width, task.width, 1], fn, fn, 1);
  return {
    run: (steps) => {
      for (let i = 0; i < steps; i++) playground.trainStep(net, x, y, LEARNING_RATE.sgd);
    },
    dispose: () => undefined,
  };
}

export type EngineKind = 'trainer' | 'autodiff' | 'layers' | 'mlp' | 'playground';

function makeEngine(kind: EngineKind, backend: BackendName, task: Task): Engine | Promise<Engine> {
  switch (kind) {
    case 'trainer':
      return trainerEngine(backend, task);
    case 'autodiff':
      return autodiffEngine(backend, task);
    case 'layers':
      return layersEngine(backend, task);
    case 'mlp':
      return mlpEngine(task);
    case 'playground':
      return playgroundEngine(task);
  }
}

const engines = new Map<string, Engine>();

/** A 100 × 100 grid over [−1, 1]², as the widget's heatmap asks for. */
function grid(side = 100): Float32Array {
  const g = new Float32Array(2 * side * side);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      g[2 * (r * side + c)] = -1 + (2 * c) / (side - 1);
      g[2 * (r * side + c) + 1] = 1 - (2 * r) / (side - 1);
    }
  }
  return g;
}
const GRID = grid();

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Draw p(class 1) over the grid into the page's canvas, as a heatmap would. */
function draw(p: Float32Array): void {
  const canvas = document.getElementById('heatmap') as HTMLCanvasElement;
  const ctx = canvas.getContext('2d')!;
  const image = ctx.createImageData(100, 100);
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    image.data[4 * i] = 255 * v;
    image.data[4 * i + 1] = 120;
    image.data[4 * i + 2] = 255 * (1 - v);
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

/** Collect PerformanceObserver 'longtask' entries (tasks over 50 ms) until stopped. */
function watchLongTasks(): { stop: () => number[] } {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop: () => {
      for (const entry of observer.takeRecords()) durations.push(entry.duration);
      observer.disconnect();
      return durations;
    },
  };
}

/** The longest gap between animation frames while `until` is pending. */
function watchFrames(): { stop: () => { frames: number; maxGap: number } } {
  let last = performance.now();
  let maxGap = 0;
  let frames = 0;
  let on = true;
  const frame = (t: number): void => {
    if (!on) return;
    maxGap = Math.max(maxGap, t - last);
    last = t;
    frames++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return {
    stop: () => {
      on = false;
      return { frames, maxGap };
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Times the synchronous part of each train() call (the main-thread cost of the steps). */
class TimedTrainer implements Trainer {
  maxSyncMs = 0;
  constructor(private readonly inner: Trainer) {}
  get backend(): BackendName {
    return this.inner.backend;
  }
  get spec(): ModelSpec {
    return this.inner.spec;
  }
  train(steps: number, options?: { maxMs?: number }): Promise<TrainReport> {
    const t0 = performance.now();
    const result = this.inner.train(steps, options);
    this.maxSyncMs = Math.max(this.maxSyncMs, performance.now() - t0);
    return result;
  }
  predict(xy: Float32Array): Promise<Float32Array> {
    return this.inner.predict(xy);
  }
  activations(xy: Float32Array): Promise<Float32Array[][]> {
    return this.inner.activations(xy);
  }
  weights() {
    return this.inner.weights();
  }
  setData(train: Points, test: Points): void {
    this.inner.setData(train, test);
  }
  reset(): void {
    this.inner.reset();
  }
  dispose(): void {
    this.inner.dispose();
  }
}

const bench = {
  available: (): Promise<BackendName[]> => availableBackends(),

  /** Create an engine (kind, backend, task) under `id` and warm it up. */
  async prepare(
    id: string,
    kind: EngineKind,
    backend: BackendName = 'cpu',
    task: Partial<Task> = {},
  ): Promise<void> {
    const engine = await makeEngine(kind, backend, { ...DEFAULT_TASK, ...task });
    engines.set(id, engine);
    await warm(engine.run);
  },

  /** Steps per second of the engine `id`, timed for `ms`. */
  measure: (id: string, ms = 150): Promise<number> => timeRun(engines.get(id)!.run, ms),

  release(id: string): void {
    engines.get(id)?.dispose();
    engines.delete(id);
  },

  /** The default ('auto') choice, measured afresh, and the rates it saw. */
  async autoChoice(task: Partial<Task> = {}) {
    const t = { ...DEFAULT_TASK, ...task };
    clearBackendChoices();
    const t0 = performance.now();
    const choice = await chooseBackend(
      { spec: spec(t), train: data(t.points), test: TEST },
      { measure: true },
    );
    return { ...choice, ms: performance.now() - t0 };
  },

  /** Median milliseconds of one batched prediction over the 100 × 100 grid. */
  async gridPredict(backend: BackendName, runs = 9): Promise<number> {
    return withTrainer(backend, DEFAULT_TASK, async (trainer) => {
      await trainer.train(1);
      await trainer.predict(GRID);
      await trainer.predict(GRID);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await trainer.predict(GRID);
        times.push(performance.now() - t0);
      }
      return median(times);
    });
  },

  /**
   * Train with the TrainingLoop for `seconds`, predicting the grid and drawing the heatmap every
   * frame like the widget does; report the long tasks (> 50 ms) while training, the longest gap
   * between frames, the longest synchronous train() call, and the rates.
   */
  async loop(backend: BackendName | 'auto', seconds = 3, task: Partial<Task> = {}) {
    const t = { ...DEFAULT_TASK, ...task };
    const creation = watchLongTasks();
    const t0 = performance.now();
    const inner = await createTrainer({
      spec: spec(t),
      train: data(t.points),
      test: TEST,
      backend,
    });
    const createMs = performance.now() - t0;
    const creationTasks = creation.stop();
    const trainer = new TimedTrainer(inner);
    await trainer.train(1); // first report (and warm-up) before watching
    await trainer.predict(GRID);
    await sleep(100);
    const tasks = watchLongTasks();
    const frames = watchFrames();
    let reports = 0;
    let drawing = false;
    let last: TrainReport | null = null;
    const loop = new TrainingLoop(trainer, {
      onReport: (report) => {
        reports++;
        last = report;
        if (drawing) return;
        drawing = true;
        trainer.predict(GRID).then(
          (p) => {
            draw(p);
            drawing = false;
          },
          () => undefined, // disposed at the end of the run
        );
      },
    });
    const start = performance.now();
    const startStep = (await trainer.train(0)).step;
    loop.start();
    await sleep(seconds * 1000);
    loop.pause();
    const elapsed = (performance.now() - start) / 1000;
    const longTasks = tasks.stop();
    const frameStats = frames.stop();
    await sleep(50);
    trainer.dispose();
    const report = last as TrainReport | null;
    return {
      backend: inner.backend,
      createMs,
      creationLongTasks: creationTasks,
      longTasks,
      maxLongTask: longTasks.length ? Math.max(...longTasks) : 0,
      maxFrameGap: frameStats.maxGap,
      fps: frameStats.frames / elapsed,
      reportsPerSecond: reports / elapsed,
      stepsPerSecond: ((report?.step ?? startStep) - startStep) / elapsed,
      maxSyncMs: trainer.maxSyncMs,
      stepsPerFrame: loop.stepsPerFrame,
      trainAccuracy: report?.trainAccuracy ?? 0,
    };
  },

  /** The same, with the real widget on screen, when it is there: press Play and watch. */
  async widget(seconds = 3) {
    try {
      await import('../../src/widgets/network-trainer/index.ts');
    } catch (error) {
      return { error: `widget not loadable: ${String(error)}` };
    }
    const host = document.getElementById('widget')!;
    host.innerHTML = '<nn-network-trainer dataset="xor"></nn-network-trainer>';
    const el = host.firstElementChild as HTMLElement & { updateComplete?: Promise<unknown> };
    await el.updateComplete;
    const progress: { step: number; backend: string }[] = [];
    el.addEventListener('nn-train-progress', (e) => {
      progress.push((e as CustomEvent<{ step: number; backend: string }>).detail);
    });
    // Wait for the widget to load its engine, then find its Play button by its name.
    let play: HTMLButtonElement | undefined;
    for (let i = 0; i < 100 && !play; i++) {
      play = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find(
        (b) => /^\s*(play|train|start)/i.test(b.textContent ?? '') && !b.disabled,
      );
      if (!play) await sleep(100);
    }
    if (!play) return { error: 'no Play button found' };
    await sleep(500);
    const tasks = watchLongTasks();
    const frames = watchFrames();
    const start = performance.now();
    play.click();
    await sleep(seconds * 1000);
    const elapsed = (performance.now() - start) / 1000;
    const longTasks = tasks.stop();
    const frameStats = frames.stop();
    play.click(); // pause
    const steps = progress.length ? progress.at(-1)!.step - progress[0]!.step : 0;
    host.innerHTML = '';
    return {
      backend: progress.at(-1)?.backend ?? '?',
      longTasks,
      maxLongTask: longTasks.length ? Math.max(...longTasks) : 0,
      maxFrameGap: frameStats.maxGap,
      fps: frameStats.frames / elapsed,
      progressEventsPerSecond: progress.length / elapsed,
      stepsPerSecond: steps / elapsed,
    };
  },

  tensors: (): number => tf.memory().numTensors,
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
document.body.dataset['ready'] = 'true';
