import { test, expect, type Page } from '@playwright/test';
import { courseLesson, expectOnStep, openStep, watchConsole } from './helpers';
import { PROGRESS_KEY, storedProgress } from './storage';

const sigmoid = courseLesson('sigmoid-neuron');
const card = (page: Page) =>
  page.getByRole('article', { name: `Lesson ${sigmoid.order}: ${sigmoid.title}` });

test('damaged stored progress is reported once, set aside, and the course still runs', async ({
  page,
}) => {
  await page.goto('/');
  // The app has started (it loads after the page's load event) before its storage is damaged.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(
    (key) => localStorage.setItem(key, '{"format":"gradient-trail-progress", oops'),
    PROGRESS_KEY,
  );
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Your saved progress could not be read');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.includes(':damaged:')),
  );
  expect(backups).toHaveLength(1);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('export, import of a bad file, import of a good file, and reset with confirmation', async ({
  page,
}) => {
  const noErrors = watchConsole(page);
  await openStep(page, sigmoid, 2);
  await page.goto('/');
  await expect(card(page).getByText(`1 of ${sigmoid.stepCount} steps seen`)).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = await download;
  const exported = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(exported).toString('utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'gradient-trail-progress', version: 1 });

  const input = page.locator('gt-progress-tools input[type=file]');
  await input.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"todo": []}'),
  });
  await expect(
    page.getByText(/Could not import “notes.json”: This file is not Gradient Trail progress/),
  ).toBeVisible();
  await expect(card(page).getByText(`1 of ${sigmoid.stepCount} steps seen`)).toBeVisible();

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset all progress?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(card(page).getByText(`1 of ${sigmoid.stepCount} steps seen`)).toBeVisible();
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await dialog.getByRole('button', { name: 'Reset progress' }).click();
  await expect(card(page).getByText(`0 of ${sigmoid.stepCount} steps seen`)).toBeVisible();

  await input.setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const dialog2 = page.getByRole('dialog', { name: 'Import “mine.json”?' });
  await expect(dialog2.getByRole('listitem')).toHaveText([
    `${sigmoid.title}: steps seen 0 → 1 of ${sigmoid.stepCount}`,
  ]);
  await dialog2.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText('Progress from “mine.json” merged with yours.')).toBeVisible();
  await expect(card(page).getByText(`1 of ${sigmoid.stepCount} steps seen`)).toBeVisible();
  noErrors();
});

test('persistent storage is asked for once the student has progress, and only once', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { persistCalls: number };
    w.persistCalls = 0;
    Object.defineProperty(StorageManager.prototype, 'persisted', {
      value: () => Promise.resolve(false),
    });
    Object.defineProperty(StorageManager.prototype, 'persist', {
      value: () => {
        w.persistCalls++;
        return Promise.resolve(true);
      },
    });
  });
  const calls = () =>
    page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await calls()).toBe(0);
  await openStep(page, sigmoid, 1);
  await expect.poll(calls).toBe(1);
  await page.getByRole('button', { name: 'Next →' }).click();
  await expectOnStep(page, sigmoid, 2);
  await expect
    .poll(async () => (await storedProgress(page)).lessons)
    .toHaveProperty(`${sigmoid.id}.seen`, [1, 2]);
  expect(await calls()).toBe(1);
});
