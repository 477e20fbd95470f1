// `npm run bench`: benchmarks and measurements that are never part of `npm test`.
// Today: what the course map page downloads (JS, gzipped), and that it does not download tfjs.
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const PORT = 4175;

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: 'inherit' });
    p.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`)),
    );
  });
}

await run('npx', ['vite', 'build', '--logLevel', 'warn']);
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
  for (const [name, path, ready] of [
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
  console.table(rows);
  await browser.close();
} finally {
  server.kill();
}
