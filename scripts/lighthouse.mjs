// `npm run lighthouse`: Lighthouse (mobile emulation) against the production build, served with the
// strict Content-Security-Policy, for the course map and the training lesson. Prints the four
// category scores per page and exits non-zero when one is under 95. `--runs N` runs each page N
// times (the machine is shared and Performance varies) and judges the median.
import { spawn } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from './chromium.mjs';

// vite itself, not through npx: killing npx would leave its vite child serving the port.
const VITE = 'node_modules/vite/bin/vite.js';

const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 4176);
const base = `http://localhost:${PORT}`;
const pages = [
  ['course map', '/'],
  ['training lesson', '/#/lesson/training-a-network/1'],
  // A step that opens with a widget in view (a lesson's text is painted before its widgets).
  ['backpropagation, step 3', '/#/lesson/backpropagation/3'],
];
const skipBuild = process.argv.includes('--no-build');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 1) : 1;
/** Lighthouse's category ids and the column each is printed under. */
const CATEGORIES = {
  performance: 'performance',
  accessibility: 'accessibility',
  'best-practices': 'best practices',
  seo: 'seo',
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: 'inherit' });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}`))));
  });
}

if (!skipBuild) await run('npm', ['run', 'build', '--silent']);
const server = spawn(process.execPath, [VITE, 'preview', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
});
let chrome;
let failed = false;
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
    ],
  });
  const rows = [];
  for (const [name, path] of pages) {
    const scores = Object.fromEntries(Object.values(CATEGORIES).map((label) => [label, []]));
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(base + path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.keys(CATEGORIES),
      });
      for (const [id, label] of Object.entries(CATEGORIES))
        scores[label].push(Math.round(result.lhr.categories[id].score * 100));
      const failing = Object.values(result.lhr.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
        .map((a) => `  - ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
      if (failing.length) console.log(`${name}: audits below 0.9\n${failing.join('\n')}`);
    }
    const row = { page: name };
    for (const [category, values] of Object.entries(scores)) {
      row[category] = median(values);
      if (median(values) < 95) failed = true;
    }
    if (runs > 1) row['performance, each run'] = scores.performance.join(' ');
    rows.push(row);
  }
  console.table(rows);
} finally {
  await chrome?.kill();
  server.kill();
}
if (failed) {
  console.error('A Lighthouse score is under 95.');
  process.exit(1);
}
