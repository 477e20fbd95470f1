import { test, expect, type Page } from '@playwright/test';
import { courseLesson, expectOnStep, openStep, watchConsole } from './helpers';
import { storedProgress } from './storage';

const derivatives = courseLesson('derivatives');
const loss = courseLesson('loss');
const sigmoid = courseLesson('sigmoid-neuron');

/** A progress file from another device: further in derivatives, and some of the loss lesson. */
const FILE = {
  format: 'gradient-trail-progress',
  version: 1,
  updatedAt: '2026-10-01T09:00:00.000Z',
  last: { lessonId: loss.id, step: 2 },
  lessons: {
    [derivatives.id]: { seen: [1, 2, 5, 6], step: 6, stepCount: derivatives.stepCount },
    [loss.id]: { seen: [1, 2], step: 2, stepCount: loss.stepCount },
  },
  exercises: { [`${loss.id}/right-answer-probability`]: { wrong: 2, solved: true } },
};

async function chooseFile(page: Page, name: string, content: unknown): Promise<void> {
  await page.locator('footer gt-progress-tools input[type=file]').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(content)),
  });
}

test('an import in the middle of a lesson previews what changes, then merges as chosen', async ({
  page,
}) => {
  const noErrors = watchConsole(page);
  await openStep(page, sigmoid, 1);
  await openStep(page, derivatives, 1);
  for (const step of [2, 3]) {
    await page.getByRole('button', { name: 'Next →' }).click();
    await expectOnStep(page, derivatives, step);
  }

  // Under the lesson, the progress tools; the file is read, nothing changes until confirmed.
  const before = await storedProgress(page);
  await chooseFile(page, 'laptop.json', FILE);
  const dialog = page.getByRole('dialog', { name: 'Import “laptop.json”?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^Merge/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /^Merge/ })).toBeFocused();
  const items = dialog.getByRole('listitem');
  await expect(items).toHaveText([
    `${derivatives.title}: steps seen 3 → 5 of ${derivatives.stepCount}`,
    `${loss.title}: steps seen 0 → 2 of ${loss.stepCount}; exercises solved 0 → 1`,
  ]);
  expect(await storedProgress(page)).toEqual(before);

  // Replace would lose the sigmoid lesson: the preview says so.
  await dialog.getByRole('radio', { name: /^Replace/ }).check();
  await expect(items).toHaveText([
    `${derivatives.title}: steps seen 3 → 4 of ${derivatives.stepCount}`,
    `${loss.title}: steps seen 0 → 2 of ${loss.stepCount}; exercises solved 0 → 1`,
    `${sigmoid.title}: steps seen 1 → 0 of ${sigmoid.stepCount} (lost)`,
  ]);
  await expect(dialog).toContainText(
    `“Continue where you left off” will go to ${loss.title}, step 2.`,
  );

  // The student chooses merge.
  await dialog.getByRole('radio', { name: /^Merge/ }).check();
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Progress from “laptop.json” merged with yours.')).toBeVisible();
  // Focus goes back to where it was.
  await expect(page.getByRole('button', { name: 'Import progress…' })).toBeFocused();
  // The lesson goes on where it was, and the next step adds to the merged progress.
  await expectOnStep(page, derivatives, 3);
  await page.getByRole('button', { name: 'Next →' }).click();
  await expectOnStep(page, derivatives, 4);
  await expect
    .poll(async () => (await storedProgress(page)).lessons[derivatives.id]?.seen)
    .toEqual([1, 2, 3, 4, 5, 6]);
  const merged = await storedProgress(page);
  expect(merged.lessons[sigmoid.id]?.seen).toEqual([1]);
  expect(merged.lessons[loss.id]?.seen).toEqual([1, 2]);
  expect(merged.last).toEqual({ lessonId: derivatives.id, step: 4 });
  noErrors();
});

test('an import in the middle of a lesson replaces progress when the student chooses so', async ({
  page,
}) => {
  await openStep(page, sigmoid, 1);
  await page.getByRole('button', { name: 'Next →' }).click();
  await expectOnStep(page, sigmoid, 2);

  await chooseFile(page, 'laptop.json', FILE);
  const dialog = page.getByRole('dialog', { name: 'Import “laptop.json”?' });
  await dialog.getByRole('radio', { name: /^Replace/ }).check();
  await expect(dialog.getByRole('listitem').last()).toHaveText(
    `${sigmoid.title}: steps seen 2 → 0 of ${sigmoid.stepCount} (lost)`,
  );
  // Cancel first: nothing changes.
  const before = await storedProgress(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await storedProgress(page)).toEqual(before);

  await chooseFile(page, 'laptop.json', FILE);
  await dialog.getByRole('radio', { name: /^Replace/ }).check();
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByText('Your progress was replaced by “laptop.json”.')).toBeVisible();
  const replaced = await storedProgress(page);
  expect(replaced.lessons[sigmoid.id]).toBeUndefined();
  expect(replaced.lessons[derivatives.id]?.seen).toEqual([1, 2, 5, 6]);

  await page.getByRole('link', { name: 'Course', exact: true }).click();
  const card = (title: string, order: number) =>
    page.getByRole('article', { name: `Lesson ${order}: ${title}` });
  await expect(
    card(sigmoid.title, sigmoid.order).getByText(`0 of ${sigmoid.stepCount} steps seen`),
  ).toBeVisible();
  await expect(
    card(loss.title, loss.order).getByText(`2 of ${loss.stepCount} steps seen`),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /Continue where you left off/ })).toContainText(
    `${loss.title}, step 2`,
  );
});
