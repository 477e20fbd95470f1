import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { watchConsole } from './helpers';

test('the web app manifest names the course and lists PNG icons, including a maskable one', async ({
  request,
}) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({
    name: expect.stringContaining('Gradient Trail'),
    short_name: 'Gradient Trail',
  });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  const sizes = manifest.icons.map(
    (i: { sizes: string; purpose?: string }) => `${i.sizes}${i.purpose ? ` ${i.purpose}` : ''}`,
  );
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const res = await request.get(`/${icon.src}`);
    expect(res.headers()['content-type']).toBe('image/png');
  }
});

test('a new deployment is announced, not applied mid-lesson, and Reload applies it', async ({
  page,
}) => {
  const noErrors = watchConsole(page);
  await page.goto('/#/lesson/sigmoid-neuron/2');
  await expect(page.getByText(/^Step 2 of/)).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload(); // the first visit installs the worker; from the next load on it controls the page
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
    .toBe(true);

  // Every load of the page from now on: the Reload pressed below must be the only one.
  const loads: string[] = [];
  page.on('load', () => loads.push(page.url()));
  const waiting = () =>
    page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));

  // "Deploy" a new version: the service worker script changes on the server.
  const swPath = 'dist/sw.js';
  const original = readFileSync(swPath, 'utf8');
  try {
    writeFileSync(swPath, `${original}\n// deployed ${Date.now()}\n`);
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'A new version is available — reload' });
    await expect(notice).toBeVisible();
    // Not applied: the new worker waits, and the student is still on the same step.
    expect(await waiting()).toBe(true);
    await expect(page.getByText(/^Step 2 of/)).toBeVisible();
    await notice.getByRole('button', { name: 'Reload' }).click();
    // Reload applies it: the page loads again, the new worker no longer waiting.
    await expect.poll(() => loads.length).toBeGreaterThan(0);
    await expect(page.getByText(/^Step 2 of/)).toBeVisible();
    await expect(page.getByText('A new version is available — reload')).toHaveCount(0);
    expect(await waiting()).toBe(false);
    // And the page loaded once: nothing reloaded it on its own before the student asked.
    expect(loads).toHaveLength(1);
  } finally {
    writeFileSync(swPath, original);
  }
  noErrors();
});
