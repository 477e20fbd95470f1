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
//  (c) The drawing pad, after training: the time from a finished stroke to the ten probabilities
//      (preprocessing: rasterise, crop, scale, centre; the question to the engine and its answer),
//      median and worst of 50.
//
// The machine's load average is printed with the numbers: on a shared 2-core machine they move
// with whatever else runs.
import os from 'node:os';

const HIDDEN = (process.env.DIGITS_HIDDEN ?? '32,64,128').split(',').map(Number);
/** The widget's `backend` attribute: DIGITS_BACKEND=js|wasm|cpu|webgl|auto (default auto). */
const BACKEND = process.env.DIGITS_BACKEND ?? 'auto';
const EPOCHS = 8;
const load = () => os.loadavg()[0].toFixed(1);
const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

/** (a) Train in the widget as a student would; resolves with the run's measurements. */
async function trainInWidget(browser, base, hidden) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(
    `${base}/embed.html#nn-digits?hidden-units=${hidden}&epochs=${EPOCHS}&backend=${BACKEND}`,
  );
  await page.waitForFunction(() => document.querySelector('nn-digits')?.session?.report, null, {
    timeout: 120_000,
  });
  const run = await page.evaluate(
    (epochs) =>
      new Promise((resolve) => {
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
        el.addEventListener('nn-train-progress', (e) => {
          events.push({ ms: performance.now() - t0, ...e.detail });
          if (e.detail.epoch >= epochs) {
            running = false;
            observer.disconnect();
            const ms = performance.now() - t0;
            resolve({ events, fps: (frames * 1000) / ms, maxGap, tasks, ms });
          }
        });
        requestAnimationFrame((t) => {
          lastFrame = t;
          t0 = performance.now();
          el.shadowRoot.querySelector('[part~="train"]').click();
          requestAnimationFrame(tick);
        });
      }),
    EPOCHS,
  );
  // (c) The pad: stroke → ten probabilities.
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
      // The answer of the trained network (in the engine's worker) to that drawing.
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
  return { hidden, run, flat, pad };
}

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
  }
  console.table(rows);
  console.log('Test accuracy at each epoch end (time since the click on Train):');
  for (const c of curves) console.log(`  ${c}`);
}
