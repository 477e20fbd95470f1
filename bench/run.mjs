// `npm run bench`: benchmarks and measurements that are never part of `npm test`.
//  1. What each page downloads (JS, gzipped) and whether it pulls in tfjs; the course map must stay
//     under 60 KiB of gzipped JS (exit code 1 otherwise).
//  2. Memory: every lesson opened and left ten times: JS heap per round, growth after warm-up
//     (compiled code vs JS objects), and what is left behind (widgets, observers, listeners,
//     detached DOM, tfjs tensors); exit code 1 on growth (bench/memory.mjs).
//  3. <nn-loss-chart> streaming 100,000 points (bench/loss-chart.mjs).
//  4. The training engine: steps/s per backend vs the hand-written and playground-style engines,
//     grid prediction, scaling, longest main-thread task (bench/train.mjs).
// Run one part alone with `npm run bench -- size|memory|loss-chart|train`.
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { measureMemory, printMemoryReport } from './memory.mjs';
import { runLossChartBench } from './loss-chart.mjs';
import { runTrainBench, startDevServer } from './train.mjs';

const only = process.argv[2];
const want = (part) => !only || only === part;
const COURSE_MAP_BUDGET_KIB = 60;
let overBudget = false;

const PORT = Number(process.env.BENCH_PORT ?? 4175);

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: 'inherit' });
    p.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`)),
    );
  });
}

await run('npm', ['run', 'build', '--silent']);
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
});
try {
  const base = `http://localhost:${PORT}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });

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
    const memory = await measureMemory(base, 10);
    printMemoryReport(memory);
    if (memory.problems.length) overBudget = true;
  }
  await browser.close();
} finally {
  server.kill();
}

if (want('loss-chart') || want('train')) {
  const dev = await startDevServer();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    if (want('loss-chart')) await runLossChartBench(dev.url, browser);
    if (want('train')) await runTrainBench(dev.url, browser);
  } finally {
    await browser.close();
    await dev.stop();
  }
}
if (overBudget) process.exit(1);
