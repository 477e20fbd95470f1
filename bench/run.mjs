// `npm run bench`: benchmarks and measurements that are never part of `npm test`.
//  1. What each page downloads (JS, gzipped) and whether it pulls in tfjs; the course map must stay
//     under 60 KiB of gzipped JS (exit code 1 otherwise).
//  2. Memory: every lesson opened and left ten times: JS heap per round, growth after warm-up
//     (compiled code vs JS objects), and what is left behind (widgets, observers, listeners,
//     detached DOM, tfjs tensors); exit code 1 on growth (bench/memory.mjs).
//  3. <nn-loss-chart> streaming 100,000 points (bench/loss-chart.mjs).
//  4. Training: examples/s of every engine and backend on three tasks, side by side, and the rate,
//     start-up time, frame rate and longest main-thread task of the real <nn-network-trainer>
//     after a click on Train (bench/train.mjs).
//  5. Lesson 11's <nn-digits>: time per epoch, test accuracy and time to ≥ 94 %, fps and longest
//     task while training, the drawing pad's latency (bench/digits.mjs).
//  6. The studio: a keystroke to the preview of a 10-step lesson, the compile in the worker, and the
//     longest main-thread task while typing (bench/studio.mjs).
// Run one part alone with `npm run bench -- size|memory|loss-chart|train|digits|studio`
// (`npm run bench -- memory 11`: the memory rounds on lesson 11 alone).
//
// It builds the course, serves the build with `vite preview` on BENCH_PORT (4175; strictly that
// port: a port already taken is an error, never a stale server silently reused) and, for the pages
// under bench/pages, runs a Vite dev server in this process (port 5188). Every process it starts
// is ended — its whole process group — on success, on error and on Ctrl-C (bench/processes.mjs).
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { measureMemory, printMemoryReport } from './memory.mjs';
import { runLossChartBench } from './loss-chart.mjs';
import {
  assertPortFree,
  runThenStop,
  runToEnd,
  startPreview,
  stopAllOnExit,
} from './processes.mjs';
import { runTrainBench, startPagesServer } from './train.mjs';
import { runDigitsBench } from './digits.mjs';
import { runStudioBench } from './studio.mjs';

const only = process.argv[2];
const want = (part) => !only || only === part;
const COURSE_MAP_BUDGET_KIB = 40;
let overBudget = false;

const PORT = Number(process.env.BENCH_PORT ?? 4175);

const PARTS = ['size', 'memory', 'loss-chart', 'train', 'digits', 'studio'];
if (only && !PARTS.includes(only)) {
  console.error(`Unknown part "${only}": choose one of ${PARTS.join(', ')} (or none for all).`);
  process.exit(2);
}

stopAllOnExit();
await runThenStop(async (open) => {
  await assertPortFree(PORT);
  await runToEnd('npm', ['run', 'build', '--silent']);
  const preview = (open.preview = await startPreview(PORT));
  const base = preview.url;
  const browser = (open.browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: chromiumArgs,
  }));

  async function pageWeight(path, ready) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const scripts = [];
    page.on('response', async (res) => {
      const url = res.url();
      if (res.request().resourceType() === 'script' || url.endsWith('.js')) {
        scripts.push(res.body().then((b) => ({ url, raw: b.length, gzip: gzipSync(b).length })));
      }
    });
    await page.goto(base + path);
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    const files = await Promise.all(scripts);
    await context.close();
    return files;
  }

  const rows = [];
  for (const [name, path, ready] of !want('size')
    ? []
    : [
        ['course map', '/', 'gt-course-map'],
        ['sigmoid lesson', '/#/lesson/sigmoid-neuron/2', 'nn-sigmoid-explorer'],
        ['studio', '/#/studio', 'gt-studio .cm-content'],
      ]) {
    const files = await pageWeight(path, ready);
    const gzip = files.reduce((s, f) => s + f.gzip, 0);
    const raw = files.reduce((s, f) => s + f.raw, 0);
    const tfjs = files.some((f) => /tfjs|tensorflow/i.test(f.url));
    rows.push({
      page: name,
      'JS files': files.length,
      'JS KiB': (raw / 1024).toFixed(1),
      'JS KiB gzipped': (gzip / 1024).toFixed(1),
      'loads tfjs': tfjs,
    });
  }
  if (rows.length) {
    console.log('\nJavaScript each page downloads (production build):');
    console.table(rows);
    const map = rows.find((r) => r.page === 'course map');
    if (map && Number(map['JS KiB gzipped']) > COURSE_MAP_BUDGET_KIB) {
      overBudget = true;
      console.error(`The course map loads more than ${COURSE_MAP_BUDGET_KIB} KiB of gzipped JS.`);
    } else if (map) {
      console.log(
        `Course map: ${map['JS KiB gzipped']} KiB gzipped JS (budget ${COURSE_MAP_BUDGET_KIB} KiB).`,
      );
    }
  }
  if (want('memory')) {
    const memory = await measureMemory(base, 10, process.argv[3]); // `memory 11`: lesson 11 only
    printMemoryReport(memory);
    if (memory.problems.length) overBudget = true;
  }
  if (want('loss-chart') || want('train')) {
    const dev = (open.dev = await startPagesServer());
    if (want('loss-chart')) await runLossChartBench(dev.url, browser);
    if (want('train')) await runTrainBench({ devUrl: dev.url, previewUrl: base, browser });
  }
  if (want('digits')) await runDigitsBench({ previewUrl: base, browser });
  if (want('studio')) await runStudioBench({ previewUrl: base, browser });
});
if (overBudget) process.exitCode = 1;
