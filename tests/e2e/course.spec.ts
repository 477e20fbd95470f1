import { test, expect, type Page } from '@playwright/test';
import type { ExerciseSpec } from '../../src/lesson/types';
import {
  courseLessons,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  tabTo,
  watchConsole,
} from './helpers';

const lessons = courseLessons();
const sigmoid = lessons.find((l) => l.id === 'sigmoid-neuron')!;

function exercise(page: Page, id: string) {
  return page.locator(`nn-exercise[exercise-id="${id}"]`);
}

/** Solve one exercise with the keyboard only; on the first numeric one, try a non-number and a wrong answer first. */
async function solve(page: Page, spec: ExerciseSpec, probeMistakes: boolean): Promise<void> {
  const ex = exercise(page, spec.id);
  if (spec.kind === 'numeric') {
    const input = ex.getByRole('textbox');
    await tabTo(page, input);
    if (probeMistakes) {
      await page.keyboard.type('abc');
      await page.keyboard.press('Enter');
      await expect(ex.getByRole('status')).toContainText('“abc” is not a number');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(String(spec.answer + spec.tolerance + 1));
      await page.keyboard.press('Enter');
      await expect(ex.getByRole('status')).toContainText('Not quite');
      await expect(ex.getByText(/^Hint/)).toBeVisible();
      await page.keyboard.press('Control+A');
    }
    await page.keyboard.type(String(spec.answer));
    await page.keyboard.press('Enter');
    await expect(ex.getByRole('status')).toContainText('Correct');
  } else {
    const radios = ex.getByRole('radio');
    await tabTo(page, radios.first());
    // Space selects the focused radio; arrow keys move the selection within the group.
    await page.keyboard.press('Space');
    for (let i = 0; i < spec.answer; i++) await page.keyboard.press('ArrowDown');
    await expect(radios.nth(spec.answer)).toBeChecked();
    const submit = ex.getByRole('button', {
      name: spec.kind === 'predict' ? 'Commit my prediction' : 'Check',
    });
    await tabTo(page, submit);
    await page.keyboard.press('Enter');
    await expect(ex.getByRole('status')).toContainText(
      spec.kind === 'predict' ? 'prediction was right' : 'Correct',
    );
  }
  await expect(ex.getByText(/✓ (solved|done)/)).toBeVisible();
}

test('a new student walks the sigmoid lesson by keyboard, solves every exercise, and keeps progress after a reload', async ({
  page,
}) => {
  const noErrors = watchConsole(page);
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: /Learn how neural networks learn/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: `Lesson ${sigmoid.order}: ${sigmoid.title}` }),
  ).toBeVisible();
  await expect(page.getByText(`0 of ${sigmoid.stepCount} steps seen`)).toBeVisible();

  const start = page.getByRole('link', { name: /^Start with/ });
  await tabTo(page, start);
  await page.keyboard.press('Enter');

  let probed = false;
  for (let step = 1; step <= sigmoid.stepCount; step++) {
    await expect(page).toHaveURL(new RegExp(`#/lesson/${sigmoid.id}/${step}$`));
    await expect(page.getByText(`Step ${step} of ${sigmoid.stepCount}`)).toBeVisible();
    const heading = page.getByRole('heading', { level: 2, name: sigmoid.steps[step - 1]!.title });
    await expect(heading).toBeVisible();
    if (step > 1) await expect(heading).toBeFocused();

    const ids = [...sigmoid.steps[step - 1]!.html.matchAll(/exercise-id="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    for (const id of ids) {
      const spec = sigmoid.exercises[id]!;
      await solve(page, spec, !probed && spec.kind === 'numeric');
      if (spec.kind === 'numeric') probed = true;
    }
    if (step < sigmoid.stepCount) {
      if (ids.length === 0) {
        await page.keyboard.press('ArrowRight');
      } else {
        await tabTo(page, page.getByRole('button', { name: 'Next →' }));
        await page.keyboard.press('Enter');
      }
    }
  }
  await expect(page.getByRole('heading', { name: /Lesson complete/ })).toBeVisible();

  // The browser's back button goes to the previous step, and forward returns.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/${sigmoid.stepCount - 1}$`));
  await expect(
    page.getByText(`Step ${sigmoid.stepCount - 1} of ${sigmoid.stepCount}`),
  ).toBeVisible();
  await page.goForward();
  await expect(page.getByText(`Step ${sigmoid.stepCount} of ${sigmoid.stepCount}`)).toBeVisible();

  // Reloading returns to the same step with the exercises still solved.
  await page.reload();
  await expect(page.getByText(`Step ${sigmoid.stepCount} of ${sigmoid.stepCount}`)).toBeVisible();
  await page.goto(`/#/lesson/${sigmoid.id}/1`);
  await page.reload();
  const total = sigmoid.exerciseIds.length;
  await page.goto('/');
  await expect(
    page.getByText(`${sigmoid.stepCount} of ${sigmoid.stepCount} steps seen`),
  ).toBeVisible();
  await expect(page.getByText(`${total} of ${total} exercises solved`)).toBeVisible();
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /Continue where you left off/ })).toBeVisible();
  noErrors();
});

test('deep links open a step, and solved exercises show as solved after a reload', async ({
  page,
}) => {
  const noErrors = watchConsole(page);
  const firstWithExercise = sigmoid.steps.findIndex((s) => s.html.includes('<nn-exercise')) + 1;
  const id = [
    ...sigmoid.steps[firstWithExercise - 1]!.html.matchAll(/exercise-id="([^"]+)"/g),
  ][0]![1]!;
  await page.goto(`/#/lesson/${sigmoid.id}/${firstWithExercise}`);
  await expect(page.getByText(`Step ${firstWithExercise} of ${sigmoid.stepCount}`)).toBeVisible();
  await solve(page, sigmoid.exercises[id]!, false);
  await page.reload();
  await expect(exercise(page, id).getByText(/✓ (solved|done)/)).toBeVisible();
  noErrors();
});

test('works offline after one visit', async ({ page, context }) => {
  const noErrors = watchConsole(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Wait for the service worker to install, precache everything and take control.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
    .toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText('Offline — the course still works')).toBeVisible();
  await expect(
    page.getByRole('heading', { name: `Lesson ${sigmoid.order}: ${sigmoid.title}` }),
  ).toBeVisible();
  // A lesson never opened online still loads: every lesson chunk is precached.
  await page.goto(`/#/lesson/${sigmoid.id}/2`);
  await expect(page.getByText(`Step 2 of ${sigmoid.stepCount}`)).toBeVisible();
  await expect(page.locator('nn-sigmoid-explorer').first()).toBeVisible();
  await expect(page.locator('nn-sigmoid-explorer svg').first()).toBeVisible();
  await context.setOffline(false);
  noErrors();
});

test.describe('on a phone (375×667)', () => {
  test.use({ viewport: { width: 375, height: 667 } });
  test('no page scrolls sideways', async ({ page }) => {
    const noErrors = watchConsole(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
    for (let step = 1; step <= sigmoid.stepCount; step++) {
      await page.goto(`/#/lesson/${sigmoid.id}/${step}`);
      await expect(page.getByText(`Step ${step} of ${sigmoid.stepCount}`)).toBeVisible();
      await expectNoHorizontalScroll(page);
    }
    noErrors();
  });
});

test('axe-core finds no violations on the course map and on every lesson step', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  for (let step = 1; step <= sigmoid.stepCount; step++) {
    await page.goto(`/#/lesson/${sigmoid.id}/${step}`);
    await expect(page.getByText(`Step ${step} of ${sigmoid.stepCount}`)).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test('an unknown lesson gets a friendly page', async ({ page }) => {
  await page.goto('/#/lesson/no-such-lesson/1');
  await expect(page.getByRole('heading', { name: 'Lesson not available' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the course map' })).toBeVisible();
});
