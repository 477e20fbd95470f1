import { test, expect, type Locator, type Page } from '@playwright/test';
import type { ExerciseSpec, Lesson } from '../../src/lesson/types';
import { courseLessons, watchConsole, widgetsDrawn } from './helpers';

/*
 * Lessons 12 (overfitting) and 13 (deep networks) on the production build: each walked step by
 * step with every exercise answered right, and the claims their trainers make checked by training
 * them — the seeded network overfits, early stopping stops and marks where, the challenge's
 * worked answer meets its target, and TensorFlow Playground's classic demos (the circle on x₁²
 * and x₂² without a hidden layer, the spiral with sines) learn from a share link.
 */

const lessons = courseLessons();
const overfitting = lessons.find((l) => l.id === 'overfitting')!;
const deep = lessons.find((l) => l.id === 'deep-networks')!;

interface Progress {
  epoch: number;
  step: number;
  trainLoss: number;
  testLoss: number;
  testAccuracy: number;
}

/** The 1-based step of `lesson` whose title matches. */
function stepOf(lesson: Lesson, title: RegExp): number {
  const i = lesson.steps.findIndex((s) => title.test(s.title));
  expect(i, `a step titled ${String(title)}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

/** Answer one exercise right, with the mouse (the course spec walks every lesson by keyboard). */
async function answer(page: Page, spec: ExerciseSpec): Promise<void> {
  const ex = page.locator(`nn-exercise[exercise-id="${spec.id}"]`);
  if (spec.kind === 'numeric') {
    await ex.getByRole('textbox').fill(String(spec.answer));
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.getByRole('status').first()).toContainText('Correct');
  } else {
    await ex.getByRole('radio').nth(spec.answer).check();
    const predict = spec.kind === 'predict';
    await ex.getByRole('button', { name: predict ? 'Commit my prediction' : 'Check' }).click();
    await expect(ex.getByRole('status').first()).toContainText(
      predict ? 'prediction was right' : 'Correct',
    );
  }
  await expect(ex.getByText(/✓ (solved|done)/)).toBeVisible();
}

/** Every step of `lesson` in turn: its widgets drawn, its exercises answered, then Next. */
async function walk(page: Page, lesson: Lesson): Promise<void> {
  await page.goto(`/#/lesson/${lesson.id}/1`);
  for (let step = 1; step <= lesson.stepCount; step++) {
    await expect(page.getByText(`Step ${step} of ${lesson.stepCount}`)).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: lesson.steps[step - 1]!.title }),
    ).toBeVisible();
    await widgetsDrawn(page);
    for (const [, id] of lesson.steps[step - 1]!.html.matchAll(/exercise-id="([^"]+)"/g)) {
      await answer(page, lesson.exercises[id!]!);
    }
    if (step < lesson.stepCount) await page.getByRole('button', { name: 'Next →' }).click();
  }
  await expect(
    page.getByRole('heading', { name: `Lesson complete: ${lesson.title}`, exact: true }),
  ).toBeVisible();
}

/** Open `url` and wait until its (first) trainer has drawn its plot; that trainer. */
async function openTrainer(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const trainer = page.locator('nn-network-trainer').first();
  await expect(trainer.locator('canvas.plot')).toBeVisible();
  return trainer;
}

/** The address of the step of `lesson` whose title matches. */
const stepUrl = (lesson: Lesson, title: RegExp): string =>
  `/#/lesson/${lesson.id}/${stepOf(lesson, title)}`;

/**
 * Record the trainer's `nn-train-progress` reports from now on (kept on the element), press Step
 * `stepsFirst` times (a measured report after each: while training, reports come at the page's frame
 * pace, and the first may already be several epochs in), then Train, and wait until it pauses by
 * itself (max epochs or early stopping); then the reports, to read.
 */
async function trainRecorded(trainer: Locator, stepsFirst = 0): Promise<() => Promise<Progress[]>> {
  await trainer.evaluate((el) => {
    const log: Progress[] = [];
    (el as unknown as { log: Progress[] }).log = log;
    el.addEventListener('nn-train-progress', (e) => log.push((e as CustomEvent<Progress>).detail));
  });
  const lastStep = () =>
    trainer.evaluate((el) => (el as unknown as { log: Progress[] }).log.at(-1)?.step ?? -1);
  for (let i = 1; i <= stepsFirst; i++) {
    await trainer.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(lastStep).toBe(i);
  }
  // After a Step the button says Continue.
  await trainer.getByRole('button', { name: /^(Train|Continue)$/ }).click();
  // (Continue shows until then: wait for training to move past the steps first.)
  if (stepsFirst > 0) await expect.poll(lastStep).toBeGreaterThan(stepsFirst);
  await expect(trainer.getByRole('button', { name: 'Continue' })).toBeVisible({ timeout: 120_000 });
  return () => trainer.evaluate((el) => [...(el as unknown as { log: Progress[] }).log]);
}

/** Train (see `trainRecorded`) until the trainer pauses by itself; its last report. */
async function trainToTheEnd(trainer: Locator): Promise<Progress> {
  const reports = await trainRecorded(trainer);
  return (await reports()).at(-1)!;
}

test('lessons 12 and 13 are walked to the end, every exercise answered right, and the course map says so', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const noErrors = watchConsole(page);
  await walk(page, overfitting);
  await expect(page.getByRole('link', { name: `Next lesson: ${deep.title} →` })).toBeVisible();
  await walk(page, deep);
  await page.goto('/');
  for (const lesson of [overfitting, deep]) {
    const card = page.getByRole('article', { name: `Lesson ${lesson.order}: ${lesson.title}` });
    const n = lesson.exerciseIds.length;
    await expect(card.getByText(`${n} of ${n} exercises solved`)).toBeVisible();
    await expect(card.getByText('Completed', { exact: true })).toBeVisible();
  }
  noErrors();
});

test('lesson 12: the seeded network overfits — its training loss falls while its test loss turns and climbs', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const noErrors = watchConsole(page);
  const trainer = await openTrainer(page, stepUrl(overfitting, /memorise/));
  // The test loss is lowest within the first epochs: a report after each of the first 20.
  const reports = await trainRecorded(trainer, 20);
  await expect(trainer.locator('[data-value="epoch"]')).toHaveText('400');
  const log = await reports();
  const first = log[0]!;
  const last = log.at(-1)!;
  const best = log.reduce((a, b) => (b.testLoss < a.testLoss ? b : a));
  const story = JSON.stringify({ first, best, last });
  // What the lesson says: the training loss falls towards 0; the test loss falls for the first
  // few dozen epochs, then climbs to several times its lowest value.
  expect(last.trainLoss, story).toBeLessThan(0.1);
  expect(best.epoch, story).toBeLessThan(100);
  expect(best.testLoss, story).toBeLessThan(first.testLoss);
  expect(last.testLoss, story).toBeGreaterThan(1.5 * best.testLoss);
  noErrors();
});

test('lesson 12: early stopping stops before epoch 400, marks where on the chart, and keeps a better test loss', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const noErrors = watchConsole(page);
  const trainer = await openTrainer(page, stepUrl(overfitting, /^Early stopping/));
  const last = await trainToTheEnd(trainer);
  const epoch = Number(await trainer.locator('[data-value="epoch"]').textContent());
  expect(epoch).toBeLessThan(400);
  // The chart marks the stop and the kept weights (a labelled rule each, also in its words).
  await expect(
    trainer
      .locator('nn-loss-chart')
      .getByText(/stopped/i)
      .first(),
  ).toBeAttached();
  expect(last.testLoss, JSON.stringify(last)).toBeLessThan(0.6);
  noErrors();
});

test("lesson 12: the challenge's worked answer (L2 = 0.01) meets the target test loss of 0.45", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const noErrors = watchConsole(page);
  const trainer = await openTrainer(page, stepUrl(overfitting, /fix this overfitting/));
  await trainer.getByLabel('Penalty').selectOption('l2');
  await trainer.getByLabel('Regularisation rate λ').selectOption('0.01');
  const last = await trainToTheEnd(trainer);
  await expect(trainer.locator('[data-value="epoch"]')).toHaveText('400');
  const spec = overfitting.exercises['fix-the-overfitting']!;
  expect(spec.kind).toBe('numeric');
  const target = spec.kind === 'numeric' ? spec.answer + spec.tolerance : 0;
  expect(last.testLoss, JSON.stringify(last)).toBeLessThanOrEqual(target);
  // And the number the student reads off the trainer is accepted as the answer.
  const shown = (await trainer.locator('[data-value="test-loss"]').textContent())!.trim();
  const ex = page.locator('nn-exercise[exercise-id="fix-the-overfitting"]');
  await ex.getByRole('textbox').fill(shown);
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.getByRole('status').first()).toContainText('Correct');
  noErrors();
});

test.describe("TensorFlow Playground's classic demos, from a share link", () => {
  test.use({ viewport: { width: 1000, height: 1000 } });

  const demos = [
    {
      title: 'the circle: a single neuron on x₁² and x₂² (no hidden layer) learns the disc',
      hash: 'dataset=circle&features=x1sq%2Cx2sq&layers=&max-epochs=300',
    },
    {
      title: 'the spiral: sin x₁ and sin x₂ let two small tanh layers learn it',
      hash:
        'dataset=spiral&samples=500&noise=0&test-fraction=0.5' +
        '&features=x1%2Cx2%2Csinx1%2Csinx2&layers=8%3Atanh%2C8%3Atanh&batch-size=10&max-epochs=100',
    },
  ];
  for (const { title, hash } of demos) {
    test(title, async ({ page }) => {
      test.setTimeout(120_000);
      const noErrors = watchConsole(page);
      const trainer = await openTrainer(page, `/embed.html#nn-network-trainer?${hash}`);
      const last = await trainToTheEnd(trainer);
      expect(last.testAccuracy, JSON.stringify(last)).toBeGreaterThanOrEqual(0.9);
      noErrors();
    });
  }
});

test("lesson 13: the spiral's deep ReLU network learns at 0.01, and its ReLUs die at 0.03", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const noErrors = watchConsole(page);
  await page.goto(stepUrl(deep, /spiral/));
  const trainers = page.locator('nn-network-trainer');
  await expect(trainers).toHaveCount(2);
  const relu = trainers.nth(1);
  const learnt = await trainToTheEnd(relu);
  expect(learnt.testAccuracy, JSON.stringify(learnt)).toBeGreaterThanOrEqual(0.9);

  await answer(page, deep.exercises['spiral-dead-relus']!);
  await expect(trainers).toHaveCount(3);
  const dead = trainers.nth(2);
  const stuck = await trainToTheEnd(dead);
  expect(stuck.trainLoss, JSON.stringify(stuck)).toBeCloseTo(Math.LN2, 2);
  noErrors();
});
