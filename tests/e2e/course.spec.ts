import { test, expect, type Page } from '@playwright/test';
import type { ExerciseSpec, Lesson } from '../../src/lesson/types';
import {
  courseLesson,
  courseLessons,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectOnStep,
  goOfflineAfterOneVisit,
  onEveryStep,
  openStep,
  tabTo,
  watchConsole,
  widgetsDrawn,
} from './helpers';

const lessons = courseLessons();
const sigmoid = courseLesson('sigmoid-neuron');

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
      await expect(ex.getByRole('status').first()).toContainText('“abc” is not a number');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(String(spec.answer + spec.tolerance + 1));
      await page.keyboard.press('Enter');
      await expect(ex.getByRole('status').first()).toContainText('Not quite');
      await expect(ex.getByText(/^Hint/)).toBeVisible();
      await page.keyboard.press('Control+A');
    }
    await page.keyboard.type(String(spec.answer));
    await page.keyboard.press('Enter');
    await expect(ex.getByRole('status').first()).toContainText('Correct');
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
    await expect(ex.getByRole('status').first()).toContainText(
      spec.kind === 'predict' ? 'prediction was right' : 'Correct',
    );
  }
  await expect(ex.getByText(/✓ (solved|done)/)).toBeVisible();
}

/** Walk one lesson from step 1 to its end, keyboard-only, solving every exercise. */
async function walkLesson(page: Page, lesson: Lesson, state: { probed: boolean }): Promise<void> {
  for (let step = 1; step <= lesson.stepCount; step++) {
    await expect(page).toHaveURL(new RegExp(`#/lesson/${lesson.id}/${step}$`));
    await expectOnStep(page, lesson, step);
    const heading = page.getByRole('heading', { level: 2, name: lesson.steps[step - 1]!.title });
    await expect(heading).toBeVisible();
    await expect(heading).toBeFocused();

    const ids = [...lesson.steps[step - 1]!.html.matchAll(/exercise-id="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    for (const id of ids) {
      const spec = lesson.exercises[id]!;
      await solve(page, spec, !state.probed && spec.kind === 'numeric');
      if (spec.kind === 'numeric') state.probed = true;
    }
    if (step < lesson.stepCount) {
      if (ids.length === 0) {
        await page.keyboard.press('ArrowRight');
      } else {
        await tabTo(page, page.getByRole('button', { name: 'Next →' }));
        await page.keyboard.press('Enter');
      }
    }
  }
  await expect(
    page.getByRole('heading', { name: `Lesson complete: ${lesson.title}`, exact: true }),
  ).toBeVisible();
}

test('a new student walks the whole course by keyboard, solves every exercise, and keeps progress after a reload', async ({
  page,
}) => {
  test.setTimeout(60_000 + lessons.length * 60_000);
  const noErrors = watchConsole(page);
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: /Learn how neural networks learn/ }),
  ).toBeVisible();
  for (const lesson of lessons) {
    const card = page.getByRole('article', { name: `Lesson ${lesson.order}: ${lesson.title}` });
    await expect(card).toBeVisible();
    await expect(card.getByText(`0 of ${lesson.stepCount} steps seen`)).toBeVisible();
  }

  const first = lessons[0]!;
  await tabTo(page, page.getByRole('link', { name: /^Start with/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: first.steps[0]!.title })).toBeVisible();

  const state = { probed: false };
  for (const [i, lesson] of lessons.entries()) {
    await walkLesson(page, lesson, state);
    const next = lessons[i + 1];
    if (next) {
      await tabTo(page, page.getByRole('link', { name: `Next lesson: ${next.title} →` }));
      await page.keyboard.press('Enter');
    }
  }
  const last = lessons[lessons.length - 1]!;

  // The browser's back button goes to the previous step, and forward returns.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/${last.stepCount - 1}$`));
  await expectOnStep(page, last, last.stepCount - 1);
  await page.goForward();
  await expectOnStep(page, last, last.stepCount);

  // Reloading returns to the same step.
  await page.reload();
  await expectOnStep(page, last, last.stepCount);

  // The course map remembers everything.
  await page.goto('/');
  for (const lesson of lessons) {
    const card = page.getByRole('article', { name: `Lesson ${lesson.order}: ${lesson.title}` });
    const total = lesson.exerciseIds.length;
    await expect(
      card.getByText(`${lesson.stepCount} of ${lesson.stepCount} steps seen`),
    ).toBeVisible();
    await expect(card.getByText(`${total} of ${total} exercises solved`)).toBeVisible();
    await expect(card.getByText('Completed', { exact: true })).toBeVisible();
  }
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
  await openStep(page, sigmoid, firstWithExercise);
  await solve(page, sigmoid.exercises[id]!, false);
  await page.reload();
  await expect(exercise(page, id).getByText(/✓ (solved|done)/)).toBeVisible();
  noErrors();
});

test('works offline after one visit', async ({ page, context }) => {
  const noErrors = watchConsole(page);
  await goOfflineAfterOneVisit(page, context);
  await page.reload();
  await expect(page.getByText('Offline — the course still works')).toBeVisible();
  await expect(
    page.getByRole('heading', { name: `Lesson ${sigmoid.order}: ${sigmoid.title}` }),
  ).toBeVisible();
  // A lesson never opened online still loads: every lesson chunk is precached.
  await openStep(page, sigmoid, 2);
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
    // Each step's text comes first; its widgets load and draw after it.
    await onEveryStep(page, lessons, () => expectNoHorizontalScroll(page));
    noErrors();
  });
});

test.describe('loading, on a phone (375×667)', () => {
  test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  test('nothing on the page moves while a step and its widgets load (cumulative layout shift)', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const noErrors = watchConsole(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__shift += (e as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const shifts: string[] = [];
    // Each step from a blank page, every widget of it defined and drawn (three frames after its
    // last update: the trainer draws its diagram in the frame after its plot).
    await onEveryStep(
      page,
      lessons,
      async (lesson, step) => {
        const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
        // 0.01 leaves room for the math font replacing its fallback (about 0.003).
        if (shift > 0.01) shifts.push(`${lesson.id} step ${step}: ${shift.toFixed(3)}`);
      },
      { fresh: true },
    );
    expect(shifts).toEqual([]);
    noErrors();
  });
});

/** axe-core on the course map, the gallery and every step of every lesson. */
async function axeEverywhere(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/#/gallery');
  await expect(page.getByRole('heading', { level: 1, name: 'Widget gallery' })).toBeVisible();
  await widgetsDrawn(page);
  await expectNoAxeViolations(page);
  await onEveryStep(page, lessons, () => expectNoAxeViolations(page));
}

test.describe('accessibility', () => {
  // axe-core is injected as an inline script, which the site's strict CSP rightly blocks.
  test.use({ bypassCSP: true });

  test('axe-core finds no violations anywhere, in light mode', async ({ page }) => {
    test.setTimeout(240_000);
    await axeEverywhere(page);
  });

  test.describe('dark mode', () => {
    test.use({ colorScheme: 'dark' });
    test('axe-core finds no violations anywhere, in dark mode (contrast included)', async ({
      page,
    }) => {
      test.setTimeout(240_000);
      await axeEverywhere(page);
    });
  });
});

test('an unknown lesson gets a friendly page', async ({ page }) => {
  await page.goto('/#/lesson/no-such-lesson/1');
  await expect(page.getByRole('heading', { name: 'Lesson not available' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the course map' })).toBeVisible();
});

test('a broken address is a page not found, not a crash', async ({ page }) => {
  const noErrors = watchConsole(page);
  await page.goto('/#/lesson/%E0%A4%A');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  noErrors();
});

test('when the app itself cannot be downloaded, the page says so instead of loading forever', async ({
  page,
}) => {
  await page.route(/\/assets\/app-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByText('Gradient Trail could not be loaded. Reload the page')).toBeVisible();
  await expect(page.getByText('Loading Gradient Trail')).toHaveCount(0);
});

test("when a widget's code cannot be downloaded, the step's text is all shown and the page says so", async ({
  page,
}) => {
  await page.route(/\/assets\/backprop-graph-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/#/lesson/backpropagation/3');
  await expect(
    page.getByText('Some interactive parts of this lesson could not be loaded'),
  ).toBeVisible();
  // The paragraph after the missing widget is shown, not left waiting for it.
  await expect(page.getByText('A node knows very little')).toBeVisible();
});
