// `npm run bench -- digits`: lesson 11's <nn-digits> on the production build, in headless Chromium.
//
//  (a) What a student sees: embed.html#nn-digits (784-H-10, the widget's defaults otherwise), a
//      click on Train, then every nn-train-progress event: the time since the click, the epoch,
//      the test accuracy on the 2,000 test digits; the time to reach ≥ 94 %; frames per second
//      (requestAnimationFrame callbacks ÷ time) and the longest main-thread task ('longtask'
//      entries, > 50 ms) while it trains. Training runs in the engine ('auto': its Web Worker,
//      the from-scratch engine or tfjs), which the report names.
//  (b) Time per epoch: the widget's engine (from (a)), and the from-scratch DenseNet run flat out
//      on the page (`session.trainEpochs`, no slicing, no frames, no readings).
//  (c) The drawing pad: real strokes with the mouse before and while it trains, from the pointerup
//      to the bars in the DOM and to the frame that paints them; and, after training, the pad's
//      own work (rasterise, crop, scale, centre, one forward pass on the page), median and worst of 50.
//
// The machine's load average is printed with the numbers: on a shared 2-core machine they move
// with whatever else runs.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { printProfile, startProfile, stopProfile } from './main-thread-profile.mjs';

const HIDDEN = (process.env.DIGITS_HIDDEN ?? '32,64,128').split(',').map(Number);
/** The widget's `backend` attribute: DIGITS_BACKEND=js|wasm|cpu|webgl|auto (default auto). */
const BACKEND = process.env.DIGITS_BACKEND ?? 'auto';
/** Epochs to train (DIGITS_EPOCHS, default 8). */
const EPOCHS = Number(process.env.DIGITS_EPOCHS ?? 8);
/** DIGITS_PROFILE=1: a CPU profile of the page while it trains (bench/main-thread-profile.mjs). */
const PROFILE = process.env.DIGITS_PROFILE === '1';
const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const load = () => os.loadavg()[0].toFixed(1);
const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

/**
 * In the page: after each real stroke on the pad (mouse events from Playwright, which Chromium
 * queues like a user's), the time from the pointerup event (its timeStamp: when the input
 * happened) to (1) the pad's bars holding the answer to that drawing (Lit's update done) and
 * (2) the start of the frame that paints them — waiting behind whatever the main thread is busy
 * with included. Installs `window.__padProbe`.
 */
function installPadProbe() {
  const el = document.querySelector('nn-digits');
  const probe = { dom: [], frame: [] };
  // The pad's own pointerup handler (on its canvas, inside the shadow root) runs first and reads
  // the drawing; this listener on the host runs after it.
  el.addEventListener('pointerup', (e) => {
    const up = e.timeStamp;
    void el.updateComplete.then(() => {
      probe.dom.push(performance.now() - up);
      requestAnimationFrame(() => probe.frame.push(performance.now() - up));
    });
  });
  window.__padProbe = probe;
}

/** Draw one stroke (a "0"-ish loop, varied by `i`) on the pad with the mouse. */
async function drawStroke(page, i) {
  const box = await page.locator('nn-digits canvas.pad').boundingBox();
  if (!box) return;
  const at = (t) => ({
    x: box.x + box.width * (0.5 + (0.25 + 0.02 * (i % 5)) * Math.sin(2 * Math.PI * t)),
    y: box.y + box.height * (0.5 - 0.3 * Math.cos(2 * Math.PI * t)),
  });
  const p0 = at(0);
  await page.mouse.move(p0.x, p0.y);
  await page.mouse.down();
  for (let k = 1; k <= 12; k++) {
    const p = at(k / 12);
    await page.mouse.move(p.x, p.y);
  }
  await page.mouse.up();
}

/** Median and worst of the pad probe's times since stroke `from`: to the DOM and to the frame. */
async function padTimes(page, from) {
  const { dom, frame } = await page.evaluate((n) => {
    const p = window.__padProbe;
    return { dom: p.dom.slice(n), frame: p.frame.slice(n) };
  }, from);
  const stats = (times) => {
    const sorted = [...times].sort((a, b) => a - b);
    return {
      median: sorted[Math.floor(sorted.length / 2)] ?? NaN,
      worst: sorted[sorted.length - 1] ?? NaN,
    };
  };
  return { n: dom.length, dom: stats(dom), frame: stats(frame) };
}

/** (a) Train in the widget as a student would; resolves with the run's measurements. */
async function trainInWidget(browser, base, hidden) {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(
    `${base}/embed.html#nn-digits?hidden-units=${hidden}&epochs=${EPOCHS}&backend=${BACKEND}`,
  );
  await page.waitForFunction(() => document.querySelector('nn-digits')?.session?.report, null, {
    timeout: 120_000,
  });
  await page.locator('nn-digits canvas.pad').scrollIntoViewIfNeeded();
  await page.evaluate(installPadProbe);
  // The pad, before training (the untrained network: the same work, nothing else running).
  for (let i = 0; i < 10; i++) await drawStroke(page, i);
  await page.waitForFunction(() => window.__padProbe.frame.length === 10);
  const padIdle = await padTimes(page, 0);
  const strokesBefore = padIdle.n;
  const cdp = PROFILE ? await context.newCDPSession(page) : null;
  if (cdp) await startProfile(cdp);
  await page.evaluate((epochs) => {
    const el = document.querySelector('nn-digits');
    const events = [];
    const tasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    let frames = 0;
    let lastFrame = 0;
    let maxGap = 0;
    let running = true;
    const tick = (t) => {
      if (lastFrame) maxGap = Math.max(maxGap, t - lastFrame);
      lastFrame = t;
      frames++;
      if (running) requestAnimationFrame(tick);
    };
    let t0 = 0;
    window.__run = null;
    el.addEventListener('nn-train-progress', (e) => {
      events.push({ ms: performance.now() - t0, ...e.detail });
      if (e.detail.epoch >= epochs) {
        running = false;
        observer.disconnect();
        const ms = performance.now() - t0;
        window.__run = { events, fps: (frames * 1000) / ms, maxGap, tasks, ms };
      }
    });
    requestAnimationFrame((t) => {
      lastFrame = t;
      t0 = performance.now();
      el.shadowRoot.querySelector('[part~="train"]').click();
      requestAnimationFrame(tick);
    });
  }, EPOCHS);
  // Draw on the pad while it trains, a stroke every ~0.3 s.
  for (let i = 0; !(await page.evaluate(() => window.__run !== null)); i++) {
    await drawStroke(page, i);
    await page.waitForTimeout(300);
  }
  const run = await page.evaluate(() => window.__run);
  const profile = cdp ? await stopProfile(cdp, DIST) : null;
  const padTraining = await padTimes(page, strokesBefore);
  // (c) The pad's own work after training: stroke → ten probabilities, without the event queue.
  const pad = await page.evaluate(async () => {
    const el = document.querySelector('nn-digits');
    const times = [];
    for (let i = 0; i < 50; i++) {
      const wobble = (i % 7) * 0.01;
      const stroke = Array.from({ length: 30 }, (_, k) => ({
        x: 0.3 + 0.4 * Math.sin((k / 29) * Math.PI) + wobble,
        y: 0.15 + 0.7 * (k / 29),
      }));
      const t = performance.now();
      el.pad.strokes = [stroke];
      el.pad.refresh();
      // The trained network's answer to that drawing.
      await el.session.predict(el.pad.input.pixels);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { median: times[25], worst: times[49] };
  });
  // (b) The same network, flat out: no slices, no frames.
  const flat = await page.evaluate(() => {
    const el = document.querySelector('nn-digits');
    el.reset();
    const t = performance.now();
    el.session.trainEpochs(1);
    const oneEpoch = performance.now() - t;
    return { oneEpoch, accuracy: el.session.report.testAccuracy };
  });
  await context.close();
  return { hidden, run, flat, pad, padIdle, padTraining, profile };
}

/** "median, worst / median, worst" of the pad probe: to the DOM, then to the frame. */
const padCell = (p) =>
  `${fmt(p.dom.median, 1)}, ${fmt(p.dom.worst, 1)} / ${fmt(p.frame.median, 1)}, ${fmt(p.frame.worst, 1)}`;

export async function runDigitsBench({ previewUrl, browser }) {
  console.log(
    `\nDigits benchmark (<nn-digits>, production build) — load average ${load()} on ${os.cpus().length} cores`,
  );
  const rows = [];
  const curves = [];
  for (const hidden of HIDDEN) {
    const r = await trainInWidget(browser, previewUrl, hidden);
    const { events } = r.run;
    const epochEnds = events.filter((e) => Number.isInteger(e.epoch) && e.epoch > 0);
    const perEpoch = epochEnds.length
      ? epochEnds[epochEnds.length - 1].ms / epochEnds[epochEnds.length - 1].epoch
      : NaN;
    const hit = events.find((e) => e.testAccuracy >= 0.94);
    const last = events[events.length - 1];
    rows.push({
      network: `784-${hidden}-10`,
      engine: events[events.length - 1]?.backend ?? 'n/a',
      'widget ms/epoch (engine, readings incl.)': fmt(perEpoch),
      'DenseNet ms/epoch (page, flat out)': fmt(r.flat.oneEpoch),
      [`test acc. after ${EPOCHS} epochs`]: `${fmt(100 * last.testAccuracy, 1)}%`,
      'best test acc.': `${fmt(100 * Math.max(...events.map((e) => e.testAccuracy)), 1)}%`,
      'time to ≥ 94 %': hit
        ? `${fmt(hit.ms / 1000, 1)} s (epoch ${fmt(hit.epoch, 2)})`
        : 'not reached',
      fps: fmt(r.run.fps, 1),
      'longest frame gap ms': fmt(r.run.maxGap),
      'longest task ms': r.run.tasks.length ? fmt(Math.max(...r.run.tasks)) : '< 50',
      'pad ms (median / worst)': `${fmt(r.pad.median, 1)} / ${fmt(r.pad.worst, 1)}`,
      'stroke → bars in the DOM / their frame ms, idle (median, worst)': padCell(r.padIdle),
      'the same while training': `${r.padTraining.n} strokes: ${padCell(r.padTraining)}`,
    });
    curves.push(
      `784-${hidden}-10: ` +
        epochEnds
          .map(
            (e) => `epoch ${e.epoch} ${fmt(100 * e.testAccuracy, 1)}% at ${fmt(e.ms / 1000, 1)} s`,
          )
          .join(', '),
    );
    console.log(`  784-${hidden}-10 done (load average ${load()})`);
    if (r.profile) printProfile(`784-${hidden}-10 while training`, r.profile);
  }
  console.table(rows);
  console.log('Test accuracy at each epoch end (time since the click on Train):');
  for (const c of curves) console.log(`  ${c}`);
}
