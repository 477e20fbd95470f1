/**
 * The engine half of the training benchmark (bench/train.mjs drives it through `window.bench`).
 * Every engine trains the same task on the same data: the widget's own data for the task (its
 * generator, noise, seed and train/test split, src/widgets/network-trainer/data.ts) — and is
 * timed side by side with the others in this one page, in examples per second.
 *
 * Engines: the course's trainer (`createTrainer`, src/train) on each tfjs backend; the
 * from-scratch JS engine (`createJsTrainer`, src/train/js-trainer.ts); a faithful port of TensorFlow Playground's per-example engine (../playground-nn.ts); a tight
 * Float32Array loop (../tight-loop.ts).
 *
 * A task may turn the trainer's options on (input features, dropout, L1): its data and spec are
 * then made by the widget's own functions (`engineData`, `buildSpec` in
 * src/widgets/network-trainer/settings.ts), exactly as <nn-network-trainer> makes them from the
 * same attributes. The Playground port and the tight loop have none of these options: they sit
 * such a task out.
 */
import { LAYER_LIMITS } from '../../src/math/trainer-setup.ts';
import { buildData } from '../../src/widgets/network-trainer/data.ts';
import { networkTrainerDoc } from '../../src/widgets/network-trainer/meta.ts';
import { buildSpec, engineData, readFeatures } from '../../src/widgets/network-trainer/settings.ts';
import { availableBackends, createTrainer } from '../../src/train/index.ts';
import type { Activation, BackendName, ModelSpec, Points, Trainer } from '../../src/train/index.ts';
import { createJsTrainer } from '../../src/train/js-trainer.ts';
import { batchRows, initialWeights } from '../../src/train/spec.ts';
import * as playground from '../playground-nn.ts';
import { TightNet } from '../tight-loop.ts';

/** A task as train.mjs describes it (the same numbers become the widget's attributes). */
export interface Task {
  samples: number;
  hidden: { units: number; activation: Activation }[];
  optimizer: 'sgd' | 'adam';
  learningRate: number;
  /** 0: full batch. */
  batchSize: number;
  /** The widget's `features` attribute ("x1,x2,x1sq,…"); missing: x₁ and x₂. */
  features?: string;
  /** One dropout rate for every hidden layer (missing: none). */
  dropout?: number;
  /** L1 strength (missing: 0). */
  l1?: number;
}

/** Whether a task turns on an option only the course's trainer has. */
function hasOptions(task: Task): boolean {
  return (task.features ?? 'x1,x2') !== 'x1,x2' || (task.dropout ?? 0) > 0 || (task.l1 ?? 0) > 0;
}

/** The input features a task names (checked: a bench with a typo must not measure x₁, x₂). */
function featuresOf(task: Task) {
  const read = readFeatures(task.features ?? 'x1,x2');
  if (read.warning) throw new Error(read.warning);
  return read.value;
}

export type EngineKind = 'trainer' | 'playground' | 'tight';

/** The widget's defaults for what a task leaves out (noise, split, seed, loss). */
function widgetDefault<T>(name: string): T {
  const attribute = networkTrainerDoc.attributes.find((a) => a.name === name);
  if (!attribute) throw new Error(`<nn-network-trainer> has no attribute ${name}`);
  return attribute.default as T;
}

const dataCache = new Map<string, { train: Points; test: Points }>();

/**
 * The widget's data for `samples` XOR points: generated, split, mapped as the widget does, and
 * expanded into the task's input features as the widget does.
 */
function taskData(task: Task): { train: Points; test: Points } {
  const key = `${task.samples}|${task.features ?? ''}`;
  let data = dataCache.get(key);
  if (!data) {
    const built = buildData({
      dataset: 'xor',
      samples: task.samples,
      noise: widgetDefault<number>('noise'),
      testFraction: widgetDefault<number>('test-fraction'),
      seed: widgetDefault<number>('seed'),
      points: [],
    });
    data = engineData({ train: built.train, test: built.test }, featuresOf(task));
    dataCache.set(key, data);
  }
  return data;
}

/** The engine's spec for a task, made by the widget's own `buildSpec` from its settings. */
function specOf(task: Task): ModelSpec {
  return buildSpec({
    hidden: task.hidden,
    dropout: task.hidden.map(() => task.dropout ?? 0),
    inputs: featuresOf(task).length,
    classes: 2,
    task: 'classification',
    loss: widgetDefault('loss'),
    optimizer: task.optimizer,
    learningRate: task.learningRate,
    batchSize: task.batchSize,
    l1: task.l1 ?? 0,
    l2: 0,
    earlyStopping: 0,
    validationFraction: widgetDefault('validation-fraction'),
    seed: widgetDefault('seed'),
  });
}

/** The reason an engine without the trainer's options cannot run `task`. */
function withoutOptions(task: Task, engine: string): void {
  if (hasOptions(task)) {
    throw new Error(`${engine} has no input features, dropout or L1: it sits this task out`);
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * An engine being measured. `run(units)` trains `units` units of work: a step (one update on
 * `unitRows` examples) for the trainer, an epoch (`unitRows` = the training rows) for the
 * per-example engines, which are written epoch by epoch.
 */
interface Engine {
  unitRows: number;
  /** Units in one epoch. */
  unitsPerEpoch: number;
  run: (units: number) => unknown;
  /** Share of the training points classified right now. */
  accuracy: () => Promise<number> | number;
  /** What ran, e.g. the backend a trainer reports. */
  label: string;
  dispose: () => void;
}

async function trainerEngine(backend: string, task: Task): Promise<Engine> {
  const { train, test } = taskData(task);
  const spec = specOf(task);
  // The from-scratch engine is made as the widget's engine host makes it (src/train/host.ts):
  // createTrainer is tfjs's face and does not take 'js' (it would fall back to a tfjs backend).
  const trainer: Trainer =
    backend === 'js'
      ? createJsTrainer({ spec, train, test })
      : await createTrainer({ spec, train, test, backend: backend as BackendName });
  const via = backend === 'js' ? 'createJsTrainer (src/train/js-trainer.ts)' : '';
  if (trainer.backend !== backend) {
    // createTrainer falls back when a backend does not start: that is not the row asked for.
    const ran = trainer.backend;
    trainer.dispose();
    throw new Error(
      `the ${backend} backend did not start here (createTrainer fell back to ${ran})`,
    );
  }
  const rows = batchRows(spec, train.y.length);
  return {
    unitRows: rows,
    unitsPerEpoch: Math.ceil(train.y.length / rows),
    run: (steps) => trainer.train(steps),
    accuracy: async () => (await trainer.train(0)).trainAccuracy,
    label: via,
    dispose: () => trainer.dispose(),
  };
}

function playgroundEngine(task: Task): Engine {
  withoutOptions(task, 'the Playground port');
  const { train } = taskData(task);
  const n = train.y.length;
  const inputs: number[][] = [];
  const targets: number[] = [];
  for (let i = 0; i < n; i++) {
    inputs.push([train.x[2 * i]!, train.x[2 * i + 1]!]);
    targets.push(train.y[i] === 1 ? 1 : -1);
  }
  const A = playground.Activations;
  const hidden = task.hidden[0]!.activation;
  const activation =
    hidden === 'tanh'
      ? A.TANH
      : hidden === 'sigmoid'
        ? A.SIGMOID
        : hidden === 'relu'
          ? A.RELU
          : A.LINEAR;
  const shape = [2, ...task.hidden.map((l) => l.units), 1];
  const network = playground.buildNetwork(shape, activation, A.TANH, null, ['x1', 'x2'], 1);
  const batch = task.batchSize > 0 ? task.batchSize : n;
  return {
    unitRows: n,
    unitsPerEpoch: 1,
    run: (epochs) => {
      for (let e = 0; e < epochs; e++) {
        playground.trainEpoch(network, inputs, targets, batch, task.learningRate);
      }
    },
    accuracy: () => playground.accuracy(network, inputs, targets),
    label: task.optimizer === 'sgd' ? 'SGD' : 'SGD (Playground has no Adam)',
    dispose: () => undefined,
  };
}

function tightEngine(task: Task): Engine {
  withoutOptions(task, 'the tight loop');
  const { train } = taskData(task);
  const spec = specOf(task);
  const net = new TightNet(spec, initialWeights(spec), train);
  return {
    unitRows: train.y.length,
    unitsPerEpoch: 1,
    run: (epochs) => net.trainEpochs(epochs),
    accuracy: () => net.accuracy(),
    label: task.optimizer === 'sgd' ? 'SGD' : 'Adam',
    dispose: () => undefined,
  };
}

function makeEngine(kind: EngineKind, backend: string, task: Task): Engine | Promise<Engine> {
  switch (kind) {
    case 'trainer':
      return trainerEngine(backend, task);
    case 'playground':
      return playgroundEngine(task);
    case 'tight':
      return tightEngine(task);
  }
}

/**
 * Warm-up that does not count: WebGL compiles its shaders on its first steps, and JavaScript
 * needs many calls before the optimising compiler has done its work. At least `ms`, and at least
 * two calls.
 */
async function warm(run: Engine['run'], ms: number): Promise<void> {
  const until = performance.now() + ms;
  await run(1);
  for (let chunk = 1; performance.now() < until; chunk *= 2) {
    await run(chunk);
    await tick();
  }
}

/** Units per second of `run`: chunks double until `ms` have been spent timing. */
async function unitsPerSecond(run: Engine['run'], ms: number): Promise<number> {
  let units = 0;
  let elapsed = 0;
  for (let chunk = 1; elapsed < ms; chunk *= 2) {
    const t0 = performance.now();
    await run(chunk);
    elapsed += performance.now() - t0;
    units += chunk;
    await tick();
  }
  return units / (elapsed / 1000);
}

const engines = new Map<string, Engine>();

/** The GPU (or software renderer) a WebGL context gets in this browser. */
function webglRenderer(): string | null {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(
    info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
  );
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}

const bench = {
  /** What this browser offers, and the widget's own rules the driver needs. */
  async info() {
    const backend = networkTrainerDoc.attributes.find((a) => a.name === 'backend');
    return {
      backends: await availableBackends(),
      webgl: webglRenderer(),
      widgetBackends: (backend?.values ?? []) as string[],
      widgetLimits: {
        samples: networkTrainerDoc.attributes.find((a) => a.name === 'samples')?.max ?? 0,
        units: LAYER_LIMITS.maxUnits,
      },
      defaults: {
        noise: widgetDefault<number>('noise'),
        testFraction: widgetDefault<number>('test-fraction'),
        seed: widgetDefault<number>('seed'),
        loss: widgetDefault<string>('loss'),
        layers: widgetDefault<string>('layers'),
      },
    };
  },

  /** Training and test rows of a task's data (the widget's split). */
  rows(task: Task) {
    const { train, test } = taskData(task);
    return { train: train.y.length, test: test.y.length };
  },

  /**
   * Create the engine `kind` (on `backend`, for the trainer) for `task` under `id` and warm it up
   * for `warmMs`. Resolves to its examples per unit and label, or to the reason it cannot run.
   */
  async prepare(id: string, kind: EngineKind, backend: string, task: Task, warmMs = 300) {
    try {
      const engine = await makeEngine(kind, backend, task);
      engines.set(id, engine);
      await warm(engine.run, warmMs);
      return { unitRows: engine.unitRows, label: engine.label };
    } catch (error) {
      engines.get(id)?.dispose();
      engines.delete(id);
      return { error: error instanceof Error ? error.message : String(error) };
    }
  },

  /** Examples per second of the engine `id`, timed for about `ms`. */
  async measure(id: string, ms: number): Promise<number> {
    const engine = engines.get(id)!;
    return (await unitsPerSecond(engine.run, ms)) * engine.unitRows;
  },

  release(id: string): void {
    engines.get(id)?.dispose();
    engines.delete(id);
  },

  /**
   * A fresh engine trained for `epochs` passes over the training set from its seeded start (not
   * timed): the share of training points it then classifies right. Engines that compute the same
   * thing reach about the same accuracy; one that is fast because it is broken does not.
   */
  async accuracyAfter(kind: EngineKind, backend: string, task: Task, epochs: number) {
    let engine: Engine | undefined;
    try {
      engine = await makeEngine(kind, backend, task);
      await engine.run(epochs * engine.unitsPerEpoch);
      return { accuracy: await engine.accuracy() };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    } finally {
      engine?.dispose();
    }
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
document.body.dataset['ready'] = 'true';
