import { test, expect, type Page } from '@playwright/test';
import type { Lesson } from '../../src/lesson/types';
import { courseLesson, watchConsole } from './helpers';
import { storedProgress } from './storage';

const sigmoid = courseLesson('sigmoid-neuron');
const matrices = courseLesson('vectors-and-matrices');

const STEPS = 4;

/** The first numeric exercise of a lesson within its first STEPS steps, and its step. */
function numericExercise(lesson: Lesson) {
  for (const [i, step] of lesson.steps.slice(0, STEPS).entries()) {
    for (const [, id] of step.html.matchAll(/exercise-id="([^"]+)"/g)) {
      const spec = lesson.exercises[id!]!;
      if (spec.kind === 'numeric') return { step: i + 1, spec };
    }
  }
  throw new Error(`${lesson.id} has no numeric exercise in its first ${STEPS} steps`);
}

async function answer(page: Page, id: string, value: number): Promise<void> {
  const ex = page.locator(`nn-exercise[exercise-id="${id}"]`);
  await ex.getByRole('textbox').fill(String(value));
  await ex.getByRole('textbox').press('Enter');
}

const onStep = (page: Page, lesson: Lesson, step: number) =>
  expect(page.getByText(`Step ${step} of ${lesson.stepCount}`, { exact: true })).toBeVisible();

test('two tabs walking two lessons at once lose neither’s steps or answers', async ({
  context,
}) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const noErrorsA = watchConsole(a);
  const noErrorsB = watchConsole(b);
  const tabs = [
    { page: a, lesson: sigmoid, exercise: numericExercise(sigmoid), wrongFirst: true },
    { page: b, lesson: matrices, exercise: numericExercise(matrices), wrongFirst: false },
  ];
  await Promise.all(tabs.map((t) => t.page.goto(`/#/lesson/${t.lesson.id}/1`)));
  await Promise.all(tabs.map((t) => onStep(t.page, t.lesson, 1)));

  for (let step = 1; step <= STEPS; step++) {
    // Both tabs answer, then both move on, at the same time.
    await Promise.all(
      tabs.map(async (t) => {
        if (t.exercise.step !== step) return;
        const { id, answer: right } = t.exercise.spec as { id: string; answer: number };
        if (t.wrongFirst) {
          await answer(t.page, id, right + 1000);
          await expect(t.page.getByText('Not quite').first()).toBeVisible();
        }
        await answer(t.page, id, right);
        await expect(t.page.getByText(/✓ (solved|done)/).first()).toBeVisible();
      }),
    );
    if (step === STEPS) break;
    await Promise.all(tabs.map((t) => t.page.getByRole('button', { name: 'Next →' }).click()));
    await Promise.all(tabs.map((t) => onStep(t.page, t.lesson, step + 1)));
  }

  // Storage holds both walks and both answers, once the tabs have heard each other.
  const expected = Array.from({ length: STEPS }, (_, i) => i + 1);
  const stored = () => storedProgress(a);
  await expect
    .poll(async () => {
      const p = await stored();
      return [p.lessons[sigmoid.id]?.seen, p.lessons[matrices.id]?.seen];
    })
    .toEqual([expected, expected]);
  const p = await stored();
  expect(p.exercises[`${sigmoid.id}/${tabs[0]!.exercise.spec.id}`]).toEqual({
    wrong: 1,
    solved: true,
  });
  expect(p.exercises[`${matrices.id}/${tabs[1]!.exercise.spec.id}`]).toEqual({
    wrong: 0,
    solved: true,
  });

  // Each tab's course map shows both lessons, without a reload.
  for (const t of tabs) {
    await t.page.getByRole('link', { name: 'Course', exact: true }).click();
    for (const lesson of [sigmoid, matrices]) {
      const card = t.page.getByRole('article', {
        name: `Lesson ${lesson.order}: ${lesson.title}`,
      });
      await expect(card.getByText(`${STEPS} of ${lesson.stepCount} steps seen`)).toBeVisible();
      await expect(card.getByText(/^1 of \d+ exercises solved$/)).toBeVisible();
    }
  }
  noErrorsA();
  noErrorsB();
});
