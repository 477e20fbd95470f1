// <nn-loss-chart> streaming benchmark, in headless Chromium: a chart 800px wide receives 100,000
// points in batches of 1,000 (as a training widget would stream them), and we time each batch:
// the `append()` call plus the redraw it schedules (the chart's animation-frame callback, Lit's
// update and a forced style/layout), i.e. the main-thread time a batch costs. Reported for the
// batches that bring the series to 1,000, 10,000 and 100,000 points (median of several runs), with
// the number of path vertices drawn: decimation keeps both flat as the data grows.
//
//   node bench/loss-chart.mjs            (starts its own Vite dev server on port 5189)
//   import { runLossChartBench } from './loss-chart.mjs'   (baseUrl: a Vite dev server of this repo)
//
// The dev server runs Lit in development mode (extra checks), so absolute numbers are a little
// pessimistic. Machines here are shared and noisy: compare numbers measured side by side in a run.
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startDevServer } from './processes.mjs';

const PORT = Number(process.env.LOSS_CHART_BENCH_PORT ?? 5189);
const RUNS = 5;
const BATCH = 1_000;
const BATCHES = 100;
/** Report the batch that brings the series to each of these sizes. */
const CHECKPOINTS = [1_000, 10_000, 100_000];

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>loss chart bench</title></head>
<body style="margin: 0">
  <div id="host" style="width: 800px"></div>
  <script type="module">
    import '/src/widgets/loss-chart/index.ts';
    window.benchReady = customElements.whenDefined('nn-loss-chart');
  </script>
</body></html>`;

/** Runs in the page: RUNS × (100 batches of 1,000 points), timing each batch. */
async function measure({ runs, batch, batches }) {
  await window.benchReady;
  const host = document.getElementById('host');
  const el = document.createElement('nn-loss-chart');
  host.append(el);
  await el.updateComplete;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  // Deterministic points: a falling curve with a little seeded noise (an LCG is enough here).
  let seed = 12345;
  const noise = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.04;
  const times = []; // times[run][batch] in ms
  const vertices = [];
  for (let run = 0; run < runs; run++) {
    el.clear();
    await frame();
    await frame();
    const row = [];
    for (let b = 0; b < batches; b++) {
      const points = new Array(batch);
      for (let k = 0; k < batch; k++) {
        const step = b * batch + k + 1;
        points[k] = { step, loss: 0.1 + Math.exp(-step / 20000) + noise() };
      }
      const t0 = performance.now();
      el.append('train', points);
      const appendMs = performance.now() - t0;
      // This callback is registered after the chart's, so it runs in the same frame, after the
      // chart's redraw and Lit's update (microtasks run between animation-frame callbacks).
      const renderMs = await new Promise((resolve) =>
        requestAnimationFrame((frameStart) => {
          void document.body.offsetHeight; // include the style and layout the redraw caused
          resolve(performance.now() - frameStart);
        }),
      );
      row.push(appendMs + renderMs);
    }
    times.push(row);
    const d = el.shadowRoot.querySelector('path.series')?.getAttribute('d') ?? '';
    vertices.push((d.match(/[ML]/g) ?? []).length);
  }
  return { times, vertices, points: el.series[0]?.length ?? 0, width: host.clientWidth };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Run the benchmark against `baseUrl` (a Vite dev server of this repository) in `browser`. */
export async function runLossChartBench(baseUrl, browser) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  const url = `${baseUrl}/__bench/loss-chart`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.goto(url);
  const result = await page.evaluate(measure, { runs: RUNS, batch: BATCH, batches: BATCHES });
  await context.close();

  const rows = CHECKPOINTS.map((n) => {
    const b = n / BATCH - 1;
    const samples = result.times.map((row) => row[b]);
    return {
      'points in the chart': n.toLocaleString('en-US'),
      'ms per batch of 1,000 (median)': median(samples).toFixed(2),
      'min–max over runs': `${Math.min(...samples).toFixed(2)}–${Math.max(...samples).toFixed(2)}`,
    };
  });
  const all = result.times.flat();
  console.log(
    `\n<nn-loss-chart>: ${BATCHES} batches of ${BATCH.toLocaleString('en-US')} points, ` +
      `${RUNS} runs, chart ${result.width}px wide (append + redraw + layout per batch)`,
  );
  console.table(rows);
  console.log(
    `points kept: ${result.points.toLocaleString('en-US')}; path vertices drawn at 100,000 ` +
      `points: ${median(result.vertices)}; slowest batch of all: ${Math.max(...all).toFixed(2)} ms`,
  );
  return { rows, ...result };
}

// Standalone: `node bench/loss-chart.mjs`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startDevServer(PORT);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    await runLossChartBench(server.url, browser);
  } finally {
    await browser.close();
    await server.stop();
  }
}
