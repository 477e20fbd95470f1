import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { compileLesson } from '../../src/lesson/compile';
import type { Lesson } from '../../src/lesson/types';

const require = createRequire(import.meta.url);

let compiled: Lesson[] | undefined;

/** The lessons as the build compiles them (so tests follow the content, not a copy of it). */
export function courseLessons(): Lesson[] {
  compiled ??= readdirSync('lessons')
    .filter((f) => /^\d\d-.+\.md$/.test(f))
    .map((f) => compileLesson(readFileSync(`lessons/${f}`, 'utf8'), { file: `lessons/${f}` }))
    .sort((a, b) => a.order - b.order);
  return compiled;
}

/** The course's lesson `id`, as the build compiles it. Throws, naming it, when there is none. */
export function courseLesson(id: string): Lesson {
  const lesson = courseLessons().find((l) => l.id === id);
  if (!lesson) throw new Error(`no lesson ${id} in lessons/`);
  return lesson;
}

/** Wait until the lesson shows step `step` ("Step 2 of 7"). */
export async function expectOnStep(page: Page, lesson: Lesson, step: number): Promise<void> {
  await expect(page.getByText(`Step ${step} of ${lesson.stepCount}`)).toBeVisible();
}

/** Open step `step` of `lesson` by its address and wait until the lesson shows it. */
export async function openStep(page: Page, lesson: Lesson, step: number): Promise<void> {
  await page.goto(`/#/lesson/${lesson.id}/${step}`);
  await expectOnStep(page, lesson, step);
}

/**
 * Open every step of every one of `lessons` in turn by its address (each from a blank page, with
 * `fresh`), wait until its widgets are drawn, and check it with `check`.
 */
export async function onEveryStep(
  page: Page,
  lessons: Lesson[],
  check: (lesson: Lesson, step: number) => Promise<void>,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<void> {
  for (const lesson of lessons) {
    for (let step = 1; step <= lesson.stepCount; step++) {
      if (fresh) await page.goto('about:blank');
      await openStep(page, lesson, step);
      await widgetsDrawn(page);
      await check(lesson, step);
    }
  }
}

/**
 * Visit the course once, wait until its service worker has installed, precached everything and
 * controls the page, then cut the network.
 */
export async function goOfflineAfterOneVisit(page: Page, context: BrowserContext): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
    .toBe(true);
  await context.setOffline(true);
}

/** Collect console errors and uncaught exceptions; call the returned function to assert none. */
export function watchConsole(page: Page): () => void {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return () => expect(errors, errors.join('\n')).toEqual([]);
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator
    .evaluate((el) => {
      const root = el.getRootNode() as Document | ShadowRoot;
      return root.activeElement === el;
    })
    .catch(() => false);
}

/** Press Tab (keyboard only, as a student would) until `target` has focus. */
export async function tabTo(page: Page, target: Locator, max = 250): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/**
 * Wait until every widget on the page has loaded and drawn: no element is still waiting for its
 * code (a lesson's widgets load after its text is shown), every Lit element has finished its
 * update, and three animation frames have passed since. A chart is drawn once its box is
 * measured: the ResizeObserver reports in the first frame, the chart is drawn in the next, and
 * the trainer's diagram in the frame after its plot (see tests/browser/settle.ts).
 */
export async function widgetsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const waiting = (root: Document | ShadowRoot): boolean =>
      root.querySelector(':not(:defined)') !== null ||
      [...root.querySelectorAll('*')].some((el) => el.shadowRoot && waiting(el.shadowRoot));
    return !waiting(document);
  });
  await page.evaluate(async () => {
    type Updating = Element & { updateComplete?: Promise<unknown> };
    const updates = (root: Document | ShadowRoot, found: Promise<unknown>[] = []) => {
      for (const el of root.querySelectorAll<Updating>('*')) {
        if (el.updateComplete) found.push(el.updateComplete);
        if (el.shadowRoot) updates(el.shadowRoot, found);
      }
      return found;
    };
    await Promise.all(updates(document));
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
    await Promise.all(updates(document));
  });
}

/**
 * Open `url` and wait until its `<tag>` (the only one) is shown and every widget on the page has
 * drawn (see `widgetsDrawn`); that widget.
 */
export async function openWidget(page: Page, url: string, tag: string): Promise<Locator> {
  await page.goto(url);
  const widget = page.locator(tag);
  await expect(widget).toBeVisible();
  await widgetsDrawn(page);
  return widget;
}

/** Run axe-core on the page (shadow DOM included) and expect no violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
  });
  expect(violations, violations.join('\n')).toEqual([]);
}

/** No horizontal scrolling: the page is no wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scroll, client, culprit } = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // Name the widest element sticking out, looking through shadow roots, to make a failure actionable.
    let culprit = '';
    let widest = client;
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > widest + 0.5) {
          widest = r.right;
          culprit = `<${el.localName}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''}> reaching ${Math.round(r.right)}px`;
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return { scroll: document.documentElement.scrollWidth, client, culprit };
  });
  expect(
    scroll,
    `${page.url()} is ${scroll}px wide in a ${client}px viewport: ${culprit}`,
  ).toBeLessThanOrEqual(client);
}
