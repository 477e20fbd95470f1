import { test, expect, type Page } from '@playwright/test';
import { courseLesson, expectOnStep, openStep, watchConsole } from './helpers';
import { fillStorage, storedProgress } from './storage';

const sigmoid = courseLesson('sigmoid-neuron');

async function emptyFiller(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage))
      if (key.startsWith('filler-')) localStorage.removeItem(key);
  });
}

const storedSeen = async (page: Page, lesson: string) =>
  (await storedProgress(page)).lessons?.[lesson]?.seen ?? [];

test('a save that fails is shown at once with an export, and saving resumes when storage frees', async ({
  page,
}) => {
  const noErrors = watchConsole(page);
  await openStep(page, sigmoid, 1);
  await expect.poll(() => storedSeen(page, sigmoid.id)).toEqual([1]);

  expect(await fillStorage(page)).toBeGreaterThan(0);
  await page.keyboard.press('ArrowRight');
  await expectOnStep(page, sigmoid, 2);
  const alert = page.getByRole('alert').filter({ hasText: 'Progress is not being saved' });
  await expect(alert).toContainText(
    'Progress is not being saved: storage is full — export it now.',
  );
  expect(await storedSeen(page, sigmoid.id)).toEqual([1]);

  // The export has what storage could not take.
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Export progress' }).click();
  const file = await download;
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
  expect(JSON.parse(text).lessons[sigmoid.id].seen).toEqual([1, 2]);

  // One more step while still full: still one notice, not one per step.
  await page.getByRole('button', { name: 'Next →' }).click();
  await expectOnStep(page, sigmoid, 3);
  await expect(alert).toHaveCount(1);

  // Storage frees (no step taken): the store retries by itself and says so.
  await emptyFiller(page);
  await expect(
    page.getByRole('status').filter({ hasText: 'Progress is being saved again.' }),
  ).toBeVisible();
  await expect(alert).toHaveCount(0);
  expect(await storedSeen(page, sigmoid.id)).toEqual([1, 2, 3]);

  // And writes work again, step by step.
  await page.keyboard.press('ArrowRight');
  await expectOnStep(page, sigmoid, 4);
  await expect.poll(() => storedSeen(page, sigmoid.id)).toEqual([1, 2, 3, 4]);
  noErrors();
});

test('a lesson finished while saving fails does not claim the progress is saved', async ({
  page,
}) => {
  const last = sigmoid.stepCount;
  await page.goto(`/#/lesson/${sigmoid.id}/${last - 1}`);
  await expect(page.getByText(`Step ${last - 1} of ${last}`)).toBeVisible();
  await fillStorage(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/Lesson complete/)).toBeVisible();
  await expect(page.getByText('Your progress is not being saved right now')).toBeVisible();
  await expect(page.getByText('Your progress is saved on this device.')).toHaveCount(0);
  await emptyFiller(page);
  await expect(page.getByText('Your progress is saved on this device.')).toBeVisible();
});
