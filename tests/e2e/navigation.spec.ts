import { test, expect, type Page } from '@playwright/test';
import { courseLesson, watchConsole } from './helpers';

const derivatives = courseLesson('derivatives');
const n = derivatives.stepCount;

const stepShown = (page: Page, step: number) =>
  expect(page.getByText(`Step ${step} of ${n}`, { exact: true })).toBeVisible();

test('← and → move the step right after a fresh deep link, with nothing focused', async ({
  page,
}) => {
  const noErrors = watchConsole(page);
  await page.goto(`/#/lesson/${derivatives.id}/2`);
  await stepShown(page, 2);
  await expect(
    page.getByRole('heading', { level: 2, name: derivatives.steps[1]!.title }),
  ).toBeVisible();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  await page.keyboard.press('ArrowRight');
  await stepShown(page, 3);
  await expect(page).toHaveURL(new RegExp(`#/lesson/${derivatives.id}/3$`));
  await page.keyboard.press('ArrowLeft');
  await stepShown(page, 2);
  await expect(page).toHaveURL(new RegExp(`#/lesson/${derivatives.id}/2$`));
  noErrors();
});

test('← and → move the step after a click on the lesson text', async ({ page }) => {
  // A paragraph of plain text (a click on a link would follow it).
  const text = page
    .locator('nn-lesson .prose p')
    .filter({ hasNot: page.locator('a, nn-exercise, input, button') })
    .first();
  await page.goto(`/#/lesson/${derivatives.id}/3`);
  await stepShown(page, 3);
  await text.click();
  await page.keyboard.press('ArrowRight');
  await stepShown(page, 4);
  await text.click();
  await page.keyboard.press('ArrowLeft');
  await stepShown(page, 3);
  await expect(page).toHaveURL(new RegExp(`#/lesson/${derivatives.id}/3$`));
});

test('← and → stay with an answer field while the student types in it', async ({ page }) => {
  const step = derivatives.steps.findIndex((s) => s.html.includes('<nn-exercise')) + 1;
  const id = /exercise-id="([^"]+)"/.exec(derivatives.steps[step - 1]!.html)![1]!;
  test.skip(derivatives.exercises[id]!.kind !== 'numeric', 'the first exercise has no text field');
  await page.goto(`/#/lesson/${derivatives.id}/${step}`);
  await stepShown(page, step);
  const field = page.locator(`nn-exercise[exercise-id="${id}"]`).getByRole('textbox');
  await field.click();
  await page.keyboard.type('12');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await stepShown(page, step);
  await expect(field).toBeFocused();
});

test('a step past the end shows the last step, and the address is corrected in place', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const entries = await page.evaluate(() => history.length);
  await page.goto(`/#/lesson/${derivatives.id}/99`);
  await stepShown(page, n);
  await expect(page).toHaveURL(new RegExp(`#/lesson/${derivatives.id}/${n}$`));
  // Replaced, not pushed: the same number of history entries as a plain visit makes.
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);

  // In a lesson already open, too.
  await page.evaluate((id) => (location.hash = `#/lesson/${id}/0`), derivatives.id);
  await stepShown(page, 1);
  await expect(page).toHaveURL(new RegExp(`#/lesson/${derivatives.id}/1$`));
  // Back goes to the step before, not to an address that does not exist.
  await page.goBack();
  await stepShown(page, n);
  await expect(page).toHaveURL(new RegExp(`#/lesson/${derivatives.id}/${n}$`));
});
