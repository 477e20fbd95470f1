// Memory: open and leave every lesson (each step) ten times in the production build, and compare
// the JS heap (after a forced GC) and the tfjs tensor count between the first and the last round.
// Run by `npm run bench`, or alone: `node bench/memory.mjs <baseUrl>` against a running preview.
import { readdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

function lessonIds() {
  return readdirSync('lessons')
    .filter((f) => /^\d\d-.+\.md$/.test(f))
    .sort()
    .map((f) => f.replace(/^\d\d-/, '').replace(/\.md$/, ''));
}

export async function measureMemory(base, rounds = 10) {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs, '--js-flags=--expose-gc'],
  });
  const page = await browser.newPage();
  await page.goto(base + '/');
  await page.locator('gt-course-map').waitFor();
  // Lesson ids come from the files; the lesson's id in front matter matches its slug by convention.
  const ids = await page.evaluate(() =>
    [
      ...document
        .querySelector('gt-app')
        .shadowRoot.querySelector('gt-course-map')
        .shadowRoot.querySelectorAll('h3 a'),
    ].map((a) => a.getAttribute('href').split('/')[2]),
  );
  const sample = async () =>
    page.evaluate(async () => {
      for (let i = 0; i < 3; i++) {
        globalThis.gc?.();
        await new Promise((r) => setTimeout(r, 50));
      }
      return {
        heap: performance.memory?.usedJSHeapSize ?? 0,
        tensors: globalThis.__gradientTrailTensorCount?.() ?? null,
      };
    });
  const samples = [];
  for (let round = 1; round <= rounds; round++) {
    for (const id of ids) {
      await page.goto(`${base}/#/lesson/${id}/1`);
      const steps = await page.evaluate(async () => {
        const lesson = document.querySelector('gt-app').shadowRoot.querySelector('nn-lesson');
        await lesson?.updateComplete;
        return lesson?.lesson?.steps.length ?? 1;
      });
      for (let s = 1; s <= steps; s++) {
        await page.evaluate((h) => (location.hash = h), `#/lesson/${id}/${s}`);
        await page.waitForTimeout(60);
      }
      await page.evaluate(() => (location.hash = '#/'));
      await page.waitForTimeout(60);
    }
    if (round === 1 || round === 2 || round === Math.ceil(rounds / 2) || round === rounds)
      samples.push({ round, ...(await sample()) });
  }
  await browser.close();
  const first = samples[0];
  const last = samples[samples.length - 1];
  return {
    heapByRoundMiB: samples.map((s) => `${s.round}: ${(s.heap / 2 ** 20).toFixed(1)}`).join(', '),
    lessons: ids.length || lessonIds().length,
    rounds,
    heapFirstMiB: +(first.heap / 2 ** 20).toFixed(1),
    heapLastMiB: +(last.heap / 2 ** 20).toFixed(1),
    heapGrowthPct: first.heap ? +(((last.heap - first.heap) / first.heap) * 100).toFixed(1) : null,
    tensorsFirst: first.tensors,
    tensorsLast: last.tensors,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table([await measureMemory(process.argv[2] ?? 'http://localhost:4173')]);
}
