import { test, expect, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { watchConsole } from './helpers';

interface Progress {
  epoch: number;
  step: number;
  trainLoss: number;
  testLoss: number;
  testAccuracy?: number;
  backend: string;
}

/** Share of the plot's pixels clearly on the orange side and clearly on the blue side. */
async function plotStatistics(page: Page): Promise<{ orange: number; blue: number }> {
  const shot = await page.locator('nn-network-trainer canvas.plot').screenshot();
  const png = PNG.sync.read(shot);
  let orange = 0;
  let blue = 0;
  const n = png.width * png.height;
  for (let i = 0; i < n; i++) {
    const r = png.data[4 * i]!;
    const b = png.data[4 * i + 2]!;
    if (r - b > 40) orange++;
    else if (b - r > 40) blue++;
  }
  return { orange: orange / n, blue: blue / n };
}

/** How many colours the plot's canvas holds (sampled): a handful until the map is painted. */
function paintedColours(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document
      .querySelector('nn-network-trainer')
      ?.shadowRoot?.querySelector<HTMLCanvasElement>('canvas.plot');
    if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 16) {
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    }
    return colours.size;
  });
}

test('a network trains to a visible decision boundary (checked by pixel statistics)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const noErrors = watchConsole(page);
  await page.setViewportSize({ width: 1000, height: 1000 });
  await page.goto(
    '/embed.html#nn-network-trainer?dataset=circle&seed=3&layers=6:tanh,6:tanh&optimizer=adam&learning-rate=0.03',
  );
  const trainer = page.locator('nn-network-trainer');
  await expect(trainer.locator('canvas.plot')).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { progress: Progress[] };
    w.progress = [];
    document
      .querySelector('nn-network-trainer')!
      .addEventListener('nn-train-progress', (e) =>
        w.progress.push((e as CustomEvent<Progress>).detail),
      );
  });
  // The plot is drawn once measured, in a later frame: wait for the untrained network's map.
  await expect.poll(() => paintedColours(page)).toBeGreaterThan(30);
  const before = await plotStatistics(page);

  await trainer.getByRole('button', { name: 'Train' }).click();
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const p = (window as unknown as { progress: Progress[] }).progress;
          return p.at(-1)?.testAccuracy ?? 0;
        }),
      { timeout: 90_000, intervals: [500] },
    )
    .toBeGreaterThanOrEqual(0.9);
  await trainer.getByRole('button', { name: 'Pause' }).click();
  await expect(trainer.getByRole('button', { name: 'Continue' })).toBeVisible();
  const progress = await page.evaluate(
    () => (window as unknown as { progress: Progress[] }).progress,
  );
  for (const p of progress) {
    expect(Number.isFinite(p.trainLoss) && Number.isFinite(p.testLoss)).toBe(true);
  }
  expect(progress.at(-1)!.trainLoss).toBeLessThan(progress[0]!.trainLoss);

  // The heatmap now shows two clearly coloured regions (a circle of one class inside the other).
  const after = await plotStatistics(page);
  expect(after.orange, JSON.stringify({ before, after })).toBeGreaterThan(0.1);
  expect(after.blue, JSON.stringify({ before, after })).toBeGreaterThan(0.1);
  expect(after.orange + after.blue).toBeGreaterThan(before.orange + before.blue + 0.2);
  noErrors();
});

test('a logistic neuron learns by tfjs autodiff on the production build: its loss falls', async ({
  page,
}) => {
  const noErrors = watchConsole(page);
  await page.goto('/embed.html#nn-logistic-neuron');
  const el = page.locator('nn-logistic-neuron');
  const status = el.getByText(/^Step \d+ · backend/);
  const summary = el.locator('p[part~="summary"]');
  const loss = async () => {
    const m = /loss (\d+(?:\.\d+)?)/.exec((await summary.textContent()) ?? '');
    expect(m, 'the summary states a loss').not.toBeNull();
    return Number(m![1]);
  };
  await el.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status).toContainText('Step 1 ·');
  const first = await loss();
  await el.getByRole('button', { name: 'Play' }).click();
  await expect(status).toContainText(/Step ([4-9]\d|\d{3,}) ·/, { timeout: 30_000 });
  await el.getByRole('button', { name: 'Pause' }).click();
  await expect(summary).toContainText(/loss \d/);
  expect(await loss()).toBeLessThan(first * 0.9);
  noErrors();
});

test('lesson 8 trains in a Web Worker under the CSP that `vite preview` sends, to a visible boundary', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const noErrors = watchConsole(page); // a CSP violation (worker-src) is a console error
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.setViewportSize({ width: 1000, height: 1000 });
  await page.goto('/#/lesson/training-a-network/1');
  const trainer = page.locator('nn-network-trainer').first();
  const plot = trainer.locator('canvas.plot');
  await expect(plot).toBeVisible();
  // (The lesson's widgets live in its shadow root: read the canvas through the locator.)
  const colours = () =>
    plot.evaluate((canvas: HTMLCanvasElement) => {
      if (canvas.width === 0 || canvas.height === 0) return 0;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 16) {
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      }
      return seen.size;
    });
  await expect.poll(colours).toBeGreaterThan(30);
  const before = await plotStatistics(page);
  await trainer.getByRole('button', { name: 'Train', exact: true }).click();
  // max-epochs="300": it pauses by itself, exactly there.
  await expect(trainer.getByRole('button', { name: 'Continue' })).toBeVisible({ timeout: 90_000 });
  await expect(trainer.locator('[data-value="epoch"]')).toHaveText('300');
  // The small network trains on the from-scratch engine ('auto'), in a worker of our own origin.
  await expect(trainer.locator('.badge')).toHaveText('from-scratch JS');
  expect(
    workers.some((url) => /engine\.worker-[\w-]+\.js$/.test(url)),
    workers.join(),
  ).toBe(true);
  const after = await plotStatistics(page);
  expect(after.orange, JSON.stringify({ before, after })).toBeGreaterThan(0.1);
  expect(after.blue, JSON.stringify({ before, after })).toBeGreaterThan(0.1);
  noErrors();
});
