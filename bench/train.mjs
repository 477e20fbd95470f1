// The training benchmark: how fast each engine trains what a student trains, and how fast the
// real widget trains it once a student presses Train. Headless Chromium; three tasks, all on the
// widget's own XOR data (its generator, noise 0.1, seed 1 and its 70/30 train/test split):
//   (a) TensorFlow Playground's defaults — batch 10, SGD, learning rate 0.03 — on 400 points
//       (280 training rows), with tanh and then sigmoid hidden units. The network is 2-8-8-1 (the
//       task of issue 12), NOT Playground's default 2-4-2-1 nor the widget's default 2-4-4-1
//       (layers "4:tanh,4:tanh").
//   (a+) (a) tanh with every option of the trainer on, as issue 16 asks: all seven input features
//       (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂: a 7-8-8-1 network), dropout 0.2 on both hidden
//       layers and L1 0.001, batch 10 — the widget's own data and spec for those attributes
//       (bench/pages/train-bench.ts). The Playground port and the tight loop have none of these
//       options: their columns are against (a)'s. A table then sets (a+) beside (a), engine by
//       engine and widget backend by widget backend.
//   (b) the same network and data, full batch, Adam (the widget's default optimizer), rate 0.03.
//   (c) 2-64-64-64-1 tanh on 4,000 points (2,800 training rows), full batch, SGD 0.03 (SGD so
//       that the Playground engine, which has no Adam, runs the same algorithm). Beyond the
//       widget's limits (16 units a layer, 1,000 points): engines only.
//
// What the numbers mean:
// - examples/s: training examples put through forward + backward per second (steps/s × rows per
//   step), weight updates included. Every engine of a task is created in ONE page (bench/pages,
//   served by a Vite dev server: the same source as the build, unminified) and timed side by
//   side: warmed up first (≥ 300 ms: JIT; WebGL compiles its shaders on the first steps), then
//   3 interleaved rounds of about 400 ms each (at least one call); the best round counts (on a
//   shared machine other work only ever slows a measurement down). Engines: the course's
//   trainer on tfjs cpu, wasm and webgl (`createTrainer`), the from-scratch JS engine
//   (`createJsTrainer`, src/train/js-trainer.ts, as the widget's engine host makes it:
//   `createTrainer` is tfjs's face and does not take 'js'), the Playground port and the tight
//   loop. The trainer's rows time `trainer.train(n)` with n
//   doubling: its per-call report (losses on all the data, read back) is included but spread
//   thin — the engine's best case on the widget's task, not what the widget gets (see below).
// - × Playground: examples/s ÷ those of the faithful port of Playground's nn.ts
//   (bench/playground-nn.ts: per example forward/backward over Node and Link objects, an
//   averaged update every `batch` examples; SGD only, so SGD in (b) too) run back to back,
//   "unthrottled". Playground's own page is slower: it trains one epoch per animation frame.
// - × tight loop: ÷ those of a hand-written per-example Float32Array loop (bench/tight-loop.ts):
//   what plain JavaScript does with no objects and no allocation (not a bound: wasm's SIMD
//   kernels beat it on wide layers).
// - train acc.: a fresh copy of each engine trained E epochs from its seeded start (not timed),
//   then its accuracy on the training points: engines that compute the same thing agree
//   (Playground's port has its own init, tanh output and squared error, so only roughly).
// - The widget rows: the production build (`vite preview`) of embed.html with one
//   <nn-network-trainer> and the task's attributes (dataset, samples, layers, optimizer,
//   batch-size, learning-rate, backend: auto and each engine it offers), a fresh browser context
//   each (nothing cached), Train pressed with a real click. Measured from its own
//   `nn-train-progress` events and page instruments only (no internals, so it keeps working
//   when training moves to a Web Worker): "1st report" = ms from the click to the first event
//   with step > 0; then over a fixed window of WINDOW_MS starting AT that report:
//   examples/s = Δepoch × training rows ÷ Δt between the first and the last report of the
//   window; "reported" = the backend its events name; fps = requestAnimationFrame callbacks ÷
//   window; max frame gap = the longest time between two animation frames; longest task = the
//   longest PerformanceObserver 'longtask' (> 50 ms) overlapping the window ("< 50": none);
//   longest frame = the longest 'long-animation-frame' entry (> 50 ms), max blocking = the
//   largest blockingDuration among those (slow frames with ~0 blocking waited outside the
//   page's scripts: compositor, GPU process, or a CPU busy with other processes); max timer
//   lag = how late a 25 ms interval timer fired at worst (what a click or a key would wait).
//   The same page left idle for the same window gives the frame rate to read these against.
//
// Reproduce: `npm run bench -- train` (builds, serves the build on BENCH_PORT 4175 and the bench
// page with a Vite dev server on 5188), or `node bench/train.mjs` (the same, preview on 4176).
// It takes about seven minutes; TRAIN_BENCH_TASKS=a-tanh,a-all (task ids, comma-separated) runs
// only those tasks. The machine is shared: read the ratios (measured side by side) and
// the load averages printed, rather than absolute numbers across runs.
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import {
  assertPortFree,
  runThenStop,
  runToEnd,
  startDevServer,
  startPreview,
  stopAllOnExit,
} from './processes.mjs';

const DEV_PORT = Number(process.env.TRAIN_BENCH_PORT ?? 5188);
const PREVIEW_PORT = Number(process.env.TRAIN_BENCH_PREVIEW_PORT ?? 4176);
const WINDOW_MS = 4000;
const ROUNDS = 3;
const ROUND_MS = 400;
const WARM_MS = 300;

const tanh8 = [
  { units: 8, activation: 'tanh' },
  { units: 8, activation: 'tanh' },
];
const TASKS = [
  {
    id: 'a-tanh',
    title: '(a) Playground defaults, tanh: 2-8-8-1, 400 XOR points, batch 10, SGD, rate 0.03',
    samples: 400,
    hidden: tanh8,
    optimizer: 'sgd',
    learningRate: 0.03,
    batchSize: 10,
    epochs: 20,
    widget: true,
  },
  {
    id: 'a-all',
    base: 'a-tanh',
    title:
      '(a+) all options on: (a) tanh with all 7 input features (7-8-8-1), dropout 0.2, L1 0.001, batch 10, SGD, rate 0.03',
    samples: 400,
    hidden: tanh8,
    optimizer: 'sgd',
    learningRate: 0.03,
    batchSize: 10,
    features: 'x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2',
    dropout: 0.2,
    l1: 0.001,
    epochs: 20,
    widget: true,
  },
  {
    id: 'a-sigmoid',
    title: '(a) Playground defaults, sigmoid: 2-8-8-1, 400 XOR points, batch 10, SGD, rate 0.03',
    samples: 400,
    hidden: tanh8.map((l) => ({ ...l, activation: 'sigmoid' })),
    optimizer: 'sgd',
    learningRate: 0.03,
    batchSize: 10,
    epochs: 20,
    widget: true,
  },
  {
    id: 'b',
    title: '(b) full batch, Adam: 2-8-8-1 tanh, 400 XOR points, rate 0.03',
    samples: 400,
    hidden: tanh8,
    optimizer: 'adam',
    learningRate: 0.03,
    batchSize: 0,
    epochs: 200,
    widget: true,
  },
  {
    id: 'c',
    title: '(c) 2-64-64-64-1 tanh, 4,000 XOR points, full batch, SGD, rate 0.03',
    samples: 4000,
    hidden: [64, 64, 64].map((units) => ({ units, activation: 'tanh' })),
    optimizer: 'sgd',
    learningRate: 0.03,
    batchSize: 0,
    epochs: 20,
    widget: false,
  },
];

const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';
const ratio = (a, b) => (Number.isFinite(a) && b > 0 ? `${fmt(a / b, a / b < 10 ? 2 : 1)}×` : '—');
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/**
 * The dev server (`startDevServer`) for the pages under bench/pages, their dependencies
 * pre-bundled up front so that nothing reloads a page in the middle of a measurement.
 */
export function startPagesServer(port = DEV_PORT) {
  return startDevServer(port, {
    entries: ['bench/pages/*.html'],
    include: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm'],
  });
}

/** The widget's attributes for a task on `backend` (and its options, when it has them). */
function widgetAttributes(task, backend) {
  return {
    dataset: 'xor',
    samples: String(task.samples),
    layers: task.hidden.map((l) => `${l.units}:${l.activation}`).join(','),
    optimizer: task.optimizer,
    'batch-size': String(task.batchSize),
    'learning-rate': String(task.learningRate),
    ...(task.features ? { features: task.features } : {}),
    ...(task.dropout ? { dropout: String(task.dropout) } : {}),
    ...(task.l1 ? { l1: String(task.l1) } : {}),
    backend,
  };
}

/** Tasks to run: all, or those named in TRAIN_BENCH_TASKS. */
function chosenTasks() {
  const names = process.env.TRAIN_BENCH_TASKS?.split(',').map((n) => n.trim());
  if (!names) return TASKS;
  const unknown = names.filter((n) => !TASKS.some((t) => t.id === n));
  if (unknown.length) throw new Error(`TRAIN_BENCH_TASKS: no task ${unknown.join(', ')}`);
  return TASKS.filter((t) => names.includes(t.id));
}

/** (a+) beside (a): examples/s of each engine and widget backend with the options off and on. */
function sideBySide(base, task) {
  const number = (text) => Number(String(text).replace(/,/g, ''));
  const rows = [];
  for (const e of task.engines) {
    const off = base.engines.find((b) => b.engine === e.engine);
    if (!off || e['examples/s'] === 'skipped') continue;
    rows.push({
      row: `engine: ${e.engine}`,
      [`${base.task} examples/s`]: off['examples/s'],
      [`${task.task} examples/s`]: e['examples/s'],
      'on ÷ off': ratio(number(e['examples/s']), number(off['examples/s'])),
    });
  }
  for (const w of task.widget) {
    const off = base.widget.find((b) => b.requested === w.requested);
    if (!off) continue;
    rows.push({
      row: `widget: ${w.requested}${w.backend ? ` (${w.backend})` : ''}`,
      [`${base.task} examples/s`]: off.error ? 'error' : fmt(off.examplesPerSecond),
      [`${task.task} examples/s`]: w.error ? 'error' : fmt(w.examplesPerSecond),
      'on ÷ off': w.error || off.error ? '—' : ratio(w.examplesPerSecond, off.examplesPerSecond),
      'fps off/on': w.error || off.error ? '—' : `${fmt(off.fps, 1)} / ${fmt(w.fps, 1)}`,
    });
  }
  console.log(`
${task.task} beside ${base.task}: every option on against the default row.`);
  console.table(rows);
}

/**
 * Runs in the widget's page before the click: counts animation frames, collects long tasks and
 * the widget's `nn-train-progress` events, notes the click, and resolves `__trainBench.done` with
 * the numbers of the window that starts at the first report after the click (step > 0).
 */
function instrument({ windowMs, trainRows, batchSize, timeoutMs }) {
  const el = document.querySelector('nn-network-trainer');
  const frames = [];
  const longTasks = [];
  const reports = [];
  let click = null;
  let first = null;
  let finished = false;
  let resolve;
  const done = new Promise((r) => (resolve = r));
  addEventListener('click', () => (click ??= performance.now()), { capture: true });
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask' });
  // Long animation frames (Chromium): how long each slow frame took, and how much of it the main
  // thread was blocked; a long frame with little blocking waited elsewhere (compositor, GPU).
  const frameEntries = [];
  const loaf = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')
    ? new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          frameEntries.push({
            start: e.startTime,
            duration: e.duration,
            blocking: e.blockingDuration,
          });
        }
      })
    : null;
  loaf?.observe({ type: 'long-animation-frame' });
  const frame = (t) => {
    frames.push(t);
    if (!finished) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // A 25 ms timer: how late it fires is how long a click or a key would wait on the main thread.
  const TICK = 25;
  const ticks = [];
  const ticker = setInterval(() => {
    ticks.push(performance.now());
    if (!first && click !== null && noticeText('alert')) finish();
  }, TICK);
  el.addEventListener('nn-train-progress', (event) => {
    if (click === null || finished) return;
    const report = { t: performance.now(), ...event.detail };
    reports.push(report);
    if (!first && report.step > 0) {
      first = report;
      setTimeout(finish, windowMs);
    }
  });
  const giveUp = setTimeout(() => finish(), timeoutMs);
  // The widget's own notice (its documented `notice` part) when it fails before any report.
  const noticeText = (role) =>
    el.shadowRoot
      ?.querySelector(`[part~="notice"]${role ? `[role="${role}"]` : ''} p`)
      ?.textContent?.replace(/\s+/g, ' ')
      .trim();

  function finish() {
    if (finished) return;
    finished = true;
    clearTimeout(giveUp);
    clearInterval(ticker);
    for (const e of observer.takeRecords()) {
      longTasks.push({ start: e.startTime, duration: e.duration });
    }
    observer.disconnect();
    for (const e of loaf?.takeRecords() ?? []) {
      frameEntries.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
    }
    loaf?.disconnect();
    const end = performance.now();
    if (!first) {
      const notice = noticeText();
      const waited = Math.round(end - (click ?? end));
      resolve({
        error: `no training report ${waited} ms after the click${notice ? `: ${notice}` : ''}`,
      });
      return;
    }
    const t0 = first.t;
    const inWindow = reports.filter((r) => r.t > t0 && r.t <= end);
    const last = inWindow.at(-1) ?? first;
    const dt = (last.t - t0) / 1000;
    const frameTimes = frames.filter((t) => t >= t0 && t <= end);
    let maxGap = 0;
    let previous = frames.filter((t) => t < t0).at(-1) ?? t0;
    for (const t of frameTimes) {
      maxGap = Math.max(maxGap, t - previous);
      previous = t;
    }
    maxGap = Math.max(maxGap, end - previous);
    const overlapping = (a, b) =>
      longTasks.filter((e) => e.start < b && e.start + e.duration > a).map((e) => e.duration);
    const windowTasks = overlapping(t0, end);
    const startupTasks = overlapping(click, t0);
    let timerLag = 0;
    for (let i = 1; i < ticks.length; i++) {
      if (ticks[i] > t0 && ticks[i] <= end)
        timerLag = Math.max(timerLag, ticks[i] - ticks[i - 1] - TICK);
    }
    const slowFrames = frameEntries.filter((e) => e.start < end && e.start + e.duration > t0);
    const dEpoch = last.epoch - first.epoch;
    const dStep = last.step - first.step;
    resolve({
      backend: [...new Set(reports.map((r) => r.backend))].join(' → '),
      clickToFirstMs: t0 - click,
      firstStep: first.step,
      windowMs: end - t0,
      examplesPerSecond: dt > 0 ? (dEpoch * trainRows) / dt : NaN,
      stepsPerSecond: dt > 0 ? dStep / dt : NaN,
      // Mini-batches: steps × batch ÷ epochs is the training set the widget trains on.
      rowsSeen: batchSize > 0 && dEpoch > 0 ? (dStep * batchSize) / dEpoch : trainRows,
      reportsPerSecond: (inWindow.length * 1000) / (end - t0),
      fps: (frameTimes.length * 1000) / (end - t0),
      longTasks: windowTasks.length,
      longestTask: windowTasks.length ? Math.max(...windowTasks) : 0,
      maxFrameGap: maxGap,
      startupLongest: startupTasks.length ? Math.max(...startupTasks) : 0,
      timerLag,
      longestFrame: loaf ? Math.max(0, ...slowFrames.map((e) => e.duration)) : NaN,
      maxBlocking: Math.max(0, ...slowFrames.map((e) => e.blocking)),
      trainAccuracy: last.trainAccuracy,
      notice: noticeText() ?? null,
    });
  }
  window.__trainBench = { done };
}

/** One widget run: a fresh context, the production embed page, a click on Train, the window. */
async function widgetRun(previewUrl, browser, task, backend, trainRows, idle = false) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const errors = [];
  let clicked = false;
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const query = new URLSearchParams(widgetAttributes(task, backend)).toString();
    await page.goto(`${previewUrl}/embed.html#nn-network-trainer?${query}`);
    const train = page
      .locator('nn-network-trainer')
      .getByRole('button', { name: 'Train', exact: true });
    await train.waitFor({ state: 'visible', timeout: 90_000 });
    await page.waitForTimeout(500); // let the page settle (fonts, first drawing)
    if (idle) {
      // The same page left alone for the same window: the frame rate this machine gives a page
      // that does not train, to read the widget's fps against.
      return await page.evaluate(
        (ms) =>
          new Promise((resolve) => {
            const frames = [];
            const t0 = performance.now();
            const frame = (t) => {
              frames.push(t);
              if (t - t0 < ms) requestAnimationFrame(frame);
              else {
                let gap = 0;
                for (let i = 1; i < frames.length; i++)
                  gap = Math.max(gap, frames[i] - frames[i - 1]);
                resolve({ fps: ((frames.length - 1) * 1000) / (t - frames[0]), maxFrameGap: gap });
              }
            };
            requestAnimationFrame(frame);
          }),
        WINDOW_MS,
      );
    }
    const timeoutMs = 60_000;
    await page.evaluate(instrument, {
      windowMs: WINDOW_MS,
      trainRows,
      batchSize: task.batchSize,
      timeoutMs,
    });
    clicked = true;
    await train.click();
    const result = await page.evaluate(() => window.__trainBench.done);
    if (errors.length) result.pageErrors = errors;
    return result;
  } catch (error) {
    const message = error.message.split('\n')[0];
    return { error: `${message}${errors.length ? ` (${errors[0]})` : ''}`, beforeClick: !clicked };
  } finally {
    await context.close();
  }
}

/**
 * Every measurement: the engines on `devUrl` (a Vite dev server of this repository, for
 * bench/pages/train.html), the widget on `previewUrl` (`vite preview` of the production build).
 * Prints the tables; returns the numbers.
 */
export async function runTrainBench({ devUrl, previewUrl, browser }) {
  console.log(`\nTraining benchmark — load average before: ${load()} on ${os.cpus().length} cores`);
  console.log(
    process.env.GT_GPU_COMPOSITING === '1'
      ? 'Compositing: on SwiftShader (GT_GPU_COMPOSITING=1), as forced headless; see scripts/chromium.mjs.'
      : 'Compositing: in software, as Chrome does without a usable GPU (WebGL on SwiftShader); ' +
          'GT_GPU_COMPOSITING=1 composites on SwiftShader instead (see scripts/chromium.mjs).',
  );
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`${devUrl}/bench/pages/train.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, {
    timeout: 120_000,
  });
  const call = (name, ...args) => page.evaluate(([n, a]) => window.bench[n](...a), [name, args]);
  const info = await call('info');
  const webgl = info.webgl ?? 'no WebGL';
  const software = /swiftshader|llvmpipe|software/i.test(webgl);
  console.log(
    `Chromium ${browser.version()}; tfjs backends that start here: ${info.backends.join(', ')}; ` +
      `WebGL renderer: ${webgl}${software ? ' — a SOFTWARE renderer on the CPU, not a GPU' : ''}.`,
  );
  console.log(
    `2-8-8-1 in (a) and (b) is the issue's network: the widget's default layers are ` +
      `"${info.defaults.layers}", TensorFlow Playground's default network is 2-4-2-1. Data: the ` +
      `widget's XOR generator, noise ${info.defaults.noise}, seed ${info.defaults.seed}, test ` +
      `fraction ${info.defaults.testFraction}; loss ${info.defaults.loss}.`,
  );

  const results = [];
  for (const task of chosenTasks()) {
    const base = task.base ? results.find((r) => r.task === task.base) : undefined;
    const rows = await call('rows', task);
    const engineList = [
      ...['cpu', 'wasm', 'webgl'].map((b) => ({
        id: `tfjs ${b}`,
        name: `tfjs ${b}${b === 'webgl' && software ? ' (SwiftShader)' : ''}`,
        kind: 'trainer',
        backend: b,
      })),
      { id: 'js', name: "JS engine ('js')", kind: 'trainer', backend: 'js' },
      { id: 'playground', name: 'Playground nn.ts port', kind: 'playground', backend: '' },
      { id: 'tight', name: 'tight Float32Array loop', kind: 'tight', backend: '' },
    ];
    const prepared = [];
    for (const e of engineList) {
      e.prep = await call('prepare', e.id, e.kind, e.backend, task, WARM_MS);
      if (!e.prep.error) prepared.push(e);
    }
    const best = {};
    for (let r = 0; r < ROUNDS; r++) {
      for (const e of prepared) {
        best[e.id] = Math.max(best[e.id] ?? 0, await call('measure', e.id, ROUND_MS));
      }
    }
    for (const e of prepared) await call('release', e.id);
    for (const e of prepared) {
      e.accuracy = await call('accuracyAfter', e.kind, e.backend, task, task.epochs);
    }
    // A task the Playground port and the tight loop sit out is measured against its base's.
    const playground = best.playground ?? base?.playground;
    const tight = best.tight ?? base?.tight;
    const table = engineList.map((e) => ({
      engine: e.name,
      'rows/step': e.prep.error
        ? '—'
        : e.kind === 'trainer'
          ? e.prep.unitRows
          : task.batchSize || rows.train,
      'examples/s': e.prep.error ? 'skipped' : fmt(best[e.id]),
      '× Playground': e.prep.error ? '—' : ratio(best[e.id], playground),
      '× tight loop': e.prep.error ? '—' : ratio(best[e.id], tight),
      [`train acc. after ${task.epochs} epochs`]: e.prep.error
        ? '—'
        : e.accuracy.error
          ? `error: ${e.accuracy.error}`
          : `${fmt(100 * e.accuracy.accuracy, 1)} %`,
      note: e.prep.error ? e.prep.error : e.prep.label,
    }));
    console.log(
      `\n${task.title} — ${fmt(rows.train)} training rows (${fmt(rows.test)} test). ` +
        `Engines side by side in one page, best of ${ROUNDS} interleaved rounds of ~${ROUND_MS} ms:`,
    );
    console.table(table);
    const missing = engineList.filter((e) => e.prep.error);
    for (const e of missing) console.log(`  ${e.name} skipped: ${e.prep.error}`);
    const result = { task: task.id, rows, engines: table, widget: [], playground, tight };
    if (base && (!best.playground || !best.tight)) {
      console.log(
        `  × Playground and × tight loop: against their rows of ${base.task} (no options there).`,
      );
    }
    results.push(result);

    if (!task.widget) {
      console.log(
        `  No widget rows: <nn-network-trainer> takes at most ${info.widgetLimits.units} units ` +
          `a layer and ${fmt(info.widgetLimits.samples)} points.`,
      );
      continue;
    }
    const backends = ['auto', ...info.widgetBackends.filter((b) => b !== 'auto')];
    if (!backends.includes('js') && !missing.some((e) => e.id === 'js')) {
      console.log("  (the widget's backend attribute does not offer 'js': no widget row for it)");
    }
    const speedTable = [];
    const smoothTable = [];
    const notes = [];
    const idle = await widgetRun(previewUrl, browser, task, 'auto', rows.train, true);
    notes.push(
      idle.error
        ? `  idle page: ${idle.error}`
        : `  For reference, the same page NOT training, same window: ${fmt(idle.fps, 1)} fps, ` +
            `longest frame gap ${fmt(idle.maxFrameGap)} ms (load average ${os.loadavg()[0].toFixed(1)}).`,
    );
    for (const backend of backends) {
      let w = await widgetRun(previewUrl, browser, task, backend, rows.train);
      if (w.beforeClick) {
        // The page did not come up (a busy machine): once more, and say so.
        notes.push(`  ${backend}: the page failed before the click (${w.error}); tried again.`);
        w = await widgetRun(previewUrl, browser, task, backend, rows.train);
      }
      result.widget.push({ requested: backend, ...w });
      const load = os.loadavg()[0].toFixed(1);
      if (w.error) {
        speedTable.push({ requested: backend, reported: `error: ${w.error}` });
      } else {
        speedTable.push({
          requested: backend,
          reported: w.backend,
          'click→1st report ms': fmt(w.clickToFirstMs),
          'examples/s': fmt(w.examplesPerSecond),
          '× Playground': ratio(w.examplesPerSecond, playground),
          '× tight loop': ratio(w.examplesPerSecond, tight),
          'steps/s': fmt(w.stepsPerSecond),
          'reports/s': fmt(w.reportsPerSecond, 1),
          'train acc. at end': `${fmt(100 * w.trainAccuracy, 1)} %`,
        });
        smoothTable.push({
          requested: backend,
          fps: fmt(w.fps, 1),
          'max frame gap ms': fmt(w.maxFrameGap),
          'longest task ms': w.longTasks ? fmt(w.longestTask) : '< 50',
          'longest frame ms': Number.isFinite(w.longestFrame)
            ? w.longestFrame
              ? fmt(w.longestFrame)
              : '< 50'
            : 'n/a',
          'max blocking ms': Number.isFinite(w.longestFrame) ? fmt(w.maxBlocking) : 'n/a',
          'max timer lag ms': fmt(w.timerLag),
          'longest task before 1st report ms': w.startupLongest ? fmt(w.startupLongest) : '< 50',
          'load avg': load,
        });
      }
      const off = w.rowsSeen && Math.abs(w.rowsSeen - rows.train) > 0.5;
      if (!w.error && off) {
        notes.push(
          `  WARNING (${backend}): the widget's steps and epochs imply ${fmt(w.rowsSeen, 1)} training rows, ` +
            `not ${rows.train}: its data differs from the engines' and examples/s is off.`,
        );
      }
      if (w.pageErrors) notes.push(`  page errors (${backend}): ${w.pageErrors.join('; ')}`);
      if (w.notice) notes.push(`  the widget's notice (${backend}): ${w.notice}`);
    }
    console.log(
      `  <nn-network-trainer> (production build), Train clicked; ${WINDOW_MS / 1000} s window from ` +
        `its first report. Its rate (ratios against the engine rows above):`,
    );
    console.table(speedTable);
    console.log('  …and the page meanwhile:');
    console.table(smoothTable);
    for (const note of notes) console.log(note);
    if (task.batchSize > 0) {
      console.log(
        `  For scale: Playground's own page trains one epoch per animation frame, at most ` +
          `60 × ${rows.train} = ${fmt(60 * rows.train)} examples/s at 60 fps.`,
      );
    }
    if (base) sideBySide(base, result);
  }
  console.log(`\nload average after: ${load()}`);
  await context.close();
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  stopAllOnExit();
  await runThenStop(async (open) => {
    await assertPortFree(PREVIEW_PORT, 'TRAIN_BENCH_PREVIEW_PORT');
    await runToEnd('npm', ['run', 'build', '--silent']);
    open.preview = await startPreview(PREVIEW_PORT, 30_000, 'TRAIN_BENCH_PREVIEW_PORT');
    open.dev = await startPagesServer();
    open.browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
    await runTrainBench({
      devUrl: open.dev.url,
      previewUrl: open.preview.url,
      browser: open.browser,
    });
  });
}
