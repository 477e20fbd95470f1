#!/usr/bin/env node
// Full-page screenshots of every page a student sees on a phone: the course map, the gallery and
// every step of every lesson, at 375×667 with touch, in light or dark mode. For looking at, by a
// person: overflow, clipped or overlapping text, blank widgets, NaN, poor contrast.
//
//   node scripts/screenshots.mjs [--dark] [--out DIR] [--port N] [--only map|gallery|LESSON_ID] [--width W]
//
// It uses the preview on --port (default 4188) if one answers there, or builds nothing and starts
// `vite preview` on that port itself (run `npm run build` first). Files: DIR/<light|dark>/
// 00-map.png, 00-gallery.png, <NN>-<lesson-id>-<step>.png (DIR defaults to screenshots/).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

// vite itself, not through npx: killing npx would leave its vite child serving the port.
const VITE = 'node_modules/vite/bin/vite.js';

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const dark = process.argv.includes('--dark');
const port = Number(option('--port', process.env.SCREENSHOT_PORT ?? 4188));
const width = Number(option('--width', 375));
const only = option('--only', '');
const outDir = join(option('--out', 'screenshots'), dark ? 'dark' : 'light');
const base = `http://localhost:${port}`;
const CHUNK = 8000;

/** The lessons' ids, order and step count, read from lessons/*.md (a `##` outside code fences starts a step). */
function lessonSteps(dir = 'lessons') {
  return readdirSync(dir)
    .filter((f) => /^\d\d-.+\.md$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const id = /^id:\s*(\S+)/m.exec(text)?.[1];
      if (!id) throw new Error(`${file}: no id in the front matter`);
      let fence = false;
      let steps = 0;
      for (const line of text.split('\n')) {
        if (/^(```|~~~)/.test(line)) fence = !fence;
        else if (!fence && /^## /.test(line)) steps++;
      }
      return { file, id, order: file.slice(0, 2), steps };
    });
}

async function answers(url) {
  try {
    const res = await fetch(url);
    return res.ok;
  } catch {
    return false;
  }
}

/** Stops unless the preview on the port serves this folder's dist/ (its index.html, byte for byte). */
async function checkServesThisBuild() {
  const served = await (await fetch(base)).text();
  let built = '';
  try {
    built = readFileSync('dist/index.html', 'utf8');
  } catch {
    /* no build here: say so below */
  }
  if (served !== built) {
    throw new Error(
      `the preview on ${base} serves another build than ./dist (run \`npm run build\` here, and ` +
        `stop the other preview or use another --port)`,
    );
  }
}

async function ensurePreview() {
  if (await answers(base)) {
    await checkServesThisBuild();
    return null;
  }
  const child = spawn(process.execPath, [VITE, 'preview', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    if (await answers(base)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`no preview on ${base}: run \`npm run build\` first`);
}

/** Wait until the page has settled: fonts, custom elements, a few frames for charts to draw. */
async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(() => r()));
  });
  await page.waitForTimeout(300);
}

const preview = await ensurePreview();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const context = await browser.newContext({
  viewport: { width, height: 667 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  colorScheme: dark ? 'dark' : 'light',
});
mkdirSync(outDir, { recursive: true });

const pages = [];
if (!only || only === 'map') pages.push({ name: '00-map', hash: '#/' });
if (!only || only === 'gallery') pages.push({ name: '00-gallery', hash: '#/gallery' });
for (const l of lessonSteps()) {
  if (only && l.id !== only) continue;
  for (let s = 1; s <= l.steps; s++) {
    pages.push({ name: `${l.order}-${l.id}-${s}`, hash: `#/lesson/${l.id}/${s}` });
  }
}

let failures = 0;
for (const { name, hash } of pages) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await page.goto(`${base}/${hash}`);
    await settle(page);
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    // Chromium tiles a capture taller than its texture limit wrongly (parts repeat): a tall page
    // (the gallery) comes in parts of at most CHUNK pixels, -1.png, -2.png, …
    const parts = Math.ceil(h / CHUNK);
    for (let i = 0; i < parts; i++) {
      const file = join(outDir, parts > 1 ? `${name}-${i + 1}.png` : `${name}.png`);
      const clip = { x: 0, y: i * CHUNK, width, height: Math.min(CHUNK, h - i * CHUNK) };
      await page.screenshot({ path: file, fullPage: true, clip, animations: 'disabled' });
      console.log(`${file} (${clip.height}px tall)`);
    }
    if (errors.length) console.log(`${name}: errors: ${errors.join(' | ')}`);
  } catch (e) {
    failures++;
    console.error(`${name}: ${e}`);
  }
  await page.close();
}

await browser.close();
preview?.kill();
process.exit(failures ? 1 : 0);
