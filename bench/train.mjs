// The training engine's benchmark, in headless Chromium: steps per second of each tfjs backend, of
// the hand-written src/math network and of a per-example object-graph engine in the style of the
// classic TensorFlow Playground, on the same task; a 100 × 100 grid prediction per backend; how
// step time grows with the data and the width; and the longest main-thread task while training.
//
//   node bench/train.mjs            (starts its own Vite dev server on port 5188)
//   import { runTrainBench } from './train.mjs'   (baseUrl: a Vite dev server of this repository)
//
// Machines here are shared and noisy: compare numbers measured side by side in one run.
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const PORT = Number(process.env.TRAIN_BENCH_PORT ?? 5188);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';

/**
 * Start a Vite dev server of this repository (its own vite.config.ts) for the benchmark page. It
 * watches no files and pre-bundles the page's dependencies up front, so nothing reloads the page
 * in the middle of a measurement.
 */
export async function startDevServer(port = PORT) {
  const { createServer } = await import('vite');
  const server = await createServer({
    root: ROOT,
    logLevel: 'warn',
    server: { port, strictPort: true, watch: null, hmr: false },
    optimizeDeps: {
      entries: ['bench/pages/*.html'],
      include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'],
    },
  });
  await server.listen();
  return { url: `http://localhost:${port}`, stop: () => server.close() };
}

/**
 * Run every measurement on the page `${baseUrl}/bench/pages/train.html` (served by a Vite dev
 * server of this repository) in `browser`; print the tables and return the numbers.
 */
export async function runTrainBench(baseUrl, browser) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const open = async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${baseUrl}/bench/pages/train.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, {
      timeout: 120_000,
    });
    return (name, ...args) => page.evaluate(([n, a]) => window.bench[n](...a), [name, args]);
  };
  console.log(
    `load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores`,
  );

  // 0. A cold start, as a student's page gets it: a fresh page creates the default ('auto')
  //    trainer (starting every backend, compiling WebGL's shaders, measuring) and trains.
  const cold = await (await open())('loop', 'auto', 3);

  const call = await open();
  const backends = await call('available');

  /**
   * Steps per second of each engine, best of `rounds` interleaved timings: on a shared machine
   * other work only ever slows a measurement down, and interleaving gives every engine the same
   * conditions.
   */
  async function bestRates(engines, { rounds = 3, ms = 150 } = {}) {
    for (const [id, kind, backend, task] of engines) await call('prepare', id, kind, backend, task);
    const best = {};
    for (let r = 0; r < rounds; r++) {
      for (const [id] of engines) best[id] = Math.max(best[id] ?? 0, await call('measure', id, ms));
    }
    for (const [id] of engines) await call('release', id);
    return best;
  }

  // 1. Steps per second on the task of the issue: 400 XOR points, 2-8-8-1 sigmoid, full batch.
  const sgd = { optimizer: 'sgd' };
  const adam = { optimizer: 'adam' };
  const engines = [
    ['mlp', 'mlp', 'cpu', sgd],
    ['playground', 'playground', 'cpu', sgd],
    ...backends.flatMap((b) => [
      [`${b} sgd`, 'trainer', b, sgd],
      [`${b} adam`, 'trainer', b, adam],
    ]),
    ...backends
      .filter((b) => b !== 'webgl')
      .flatMap((b) => [
        [`${b} autodiff sgd`, 'autodiff', b, sgd],
        [`${b} autodiff adam`, 'autodiff', b, adam],
        [`${b} layers sgd`, 'layers', b, sgd],
        [`${b} layers adam`, 'layers', b, adam],
      ]),
  ];
  const rates = await bestRates(engines);
  const mlp = rates.mlp;
  const playground = rates.playground;
  const rows = [];
  const add = (engine, sgdRate, adamRate) =>
    rows.push({
      engine,
      'steps/s (SGD)': fmt(sgdRate),
      'vs hand-written': sgdRate ? `${fmt(sgdRate / mlp, 2)}×` : '—',
      'steps/s (Adam)': adamRate === undefined ? '—' : fmt(adamRate),
    });
  add('hand-written src/math/mlp.ts', mlp);
  add('per-example object graph (Playground style)', playground);
  for (const b of backends) add(`tfjs ${b} (src/train)`, rates[`${b} sgd`], rates[`${b} adam`]);
  for (const b of backends.filter((x) => x !== 'webgl')) {
    add(
      `tfjs ${b}: core ops + autodiff + tf.train`,
      rates[`${b} autodiff sgd`],
      rates[`${b} autodiff adam`],
    );
    add(`tfjs ${b}: tfjs-layers trainOnBatch`, rates[`${b} layers sgd`], rates[`${b} layers adam`]);
  }
  const auto = await call('autoChoice', sgd);
  const autoAdam = await call('autoChoice', adam);
  const results = { backends, rates, auto: { sgd: auto, adam: autoAdam } };
  add(
    `default ('auto') → ${auto.backend} (SGD) / ${autoAdam.backend} (Adam)`,
    rates[`${auto.backend} sgd`],
    rates[`${autoAdam.backend} adam`],
  );
  console.log(
    '\nTraining steps per second — 400 XOR points, 2-8-8-1 sigmoid, cross-entropy, full batch ' +
      '(best of 3 interleaved timings of 150 ms, after a warm-up)',
  );
  console.table(rows);
  console.log(
    `'auto' chose in ${fmt(auto.ms)} ms (SGD) and ${fmt(autoAdam.ms)} ms (Adam), warm-ups included; ` +
      `it measured ${Object.entries(auto.rates)
        .map(([b, r]) => `${b} ${fmt(r)}`)
        .join(', ')} steps/s (SGD).`,
  );

  // 2. One batched prediction over a 100 × 100 grid (the decision-boundary heatmap).
  const grid = [];
  for (const backend of backends) {
    grid.push({
      backend,
      'ms per 100×100 prediction (median)': fmt(await call('gridPredict', backend), 1),
    });
  }
  results.grid = grid;
  console.log('\nDecision-boundary grid: one batched prediction of 10,000 points');
  console.table(grid);

  // 3. Growth: milliseconds per step as the data and the width grow (SGD).
  const sizes = [
    { points: 400, width: 8 },
    { points: 4000, width: 8 },
    { points: 40000, width: 8 },
    { points: 400, width: 32 },
    { points: 400, width: 128 },
  ];
  const growth = [];
  for (const task of sizes) {
    const t = { ...task, optimizer: 'sgd' };
    const r = await bestRates(
      [
        ['mlp', 'mlp', 'cpu', t],
        ['playground', 'playground', 'cpu', t],
        ...backends.map((b) => [b, 'trainer', b, t]),
      ],
      { rounds: 2, ms: 150 },
    );
    const row = { points: fmt(task.points), width: task.width };
    row['hand-written'] = fmt(1000 / r.mlp, 2);
    row['Playground style'] = fmt(1000 / r.playground, 2);
    for (const b of backends) row[b] = fmt(1000 / r[b], 2);
    growth.push(row);
  }
  results.growth = growth;
  console.log('\nMilliseconds per training step (SGD, full batch) as the data and the width grow');
  console.table(growth);

  // 4. The main thread while training: the TrainingLoop with a grid prediction and a heatmap
  //    drawn every frame; long tasks are those over 50 ms (PerformanceObserver 'longtask').
  const loops = [];
  const longest = [];
  const row = (requested, r) => (
    longest.push(r.maxLongTask),
    {
      requested,
      backend: r.backend,
      'create ms': fmt(r.createMs),
      'long tasks creating': r.creationLongTasks.length
        ? r.creationLongTasks.map((d) => fmt(d)).join(', ')
        : 'none',
      'long tasks training': r.longTasks.length,
      'longest task ms': r.longTasks.length ? fmt(r.maxLongTask) : '< 50',
      'longest train() sync ms': fmt(r.maxSyncMs, 1),
      'max frame gap ms': fmt(r.maxFrameGap, 1),
      fps: fmt(r.fps),
      'steps/s': fmt(r.stepsPerSecond),
    }
  );
  loops.push(row('auto, cold page', cold));
  for (const backend of ['auto', ...backends])
    loops.push(row(backend, await call('loop', backend, 3)));
  const widget = await call('widget', 3);
  if (!widget.error) {
    longest.push(widget.maxLongTask);
    loops.push({
      requested: '<nn-network-trainer>',
      backend: widget.backend,
      'long tasks training': widget.longTasks.length,
      'longest task ms': widget.longTasks.length ? fmt(widget.maxLongTask) : '< 50',
      'max frame gap ms': fmt(widget.maxFrameGap, 1),
      fps: fmt(widget.fps),
      'steps/s': fmt(widget.stepsPerSecond),
    });
  } else {
    console.log(`(widget run skipped: ${widget.error})`);
  }
  results.loops = loops;
  console.log('\nThe main thread while training (3 s each, grid prediction + heatmap every frame)');
  console.table(loops);

  const autoRate = rates[`${auto.backend} sgd`] ?? 0;
  const worst = Math.max(0, ...longest);
  console.log(
    `\nGoals: default choice (${auto.backend}, ${fmt(autoRate)} steps/s) ≥ per-example engine ` +
      `(${fmt(playground)} steps/s): ${autoRate >= playground ? 'met' : 'NOT met'}; ` +
      `no main-thread task over 50 ms while training: ${worst <= 50 ? 'met' : `NOT met (${fmt(worst)} ms)`}.`,
  );
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  await context.close();
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startDevServer();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    await runTrainBench(server.url, browser);
  } finally {
    await browser.close();
    await server.stop();
  }
}
