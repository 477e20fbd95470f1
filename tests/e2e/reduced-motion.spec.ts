import { test, expect, type Locator, type Page } from '@playwright/test';
import { courseLessons, widgetsDrawn } from './helpers';

/*
 * prefers-reduced-motion: reduce, course-wide. No page runs or declares a CSS animation or
 * transition, and the widgets that animate (gradient descent's ball, the derivative's shrinking h,
 * the backprop graph's scrolling walk, the confetti of a finished lesson) jump straight to where
 * the motion would end. Each widget test runs without the preference too, where the motion must
 * be seen: that shows the measurement catches motion, so a widget that ignores the preference
 * fails here.
 */

const lessons = courseLessons();

/** Animations running or declared on shown elements, shadow roots included, one line each. */
function motionOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const name = (el: Element) => {
      const host = (el.getRootNode() as ShadowRoot).host;
      const cls = typeof el.className === 'string' && el.className ? `.${el.className}` : '';
      return `${host ? `${host.localName} > ` : ''}${el.localName}${cls}`;
    };
    const seconds = (list: string) => list.split(',').map((s) => parseFloat(s) || 0);
    const running = (a: Animation) => {
      const t = a.effect?.getComputedTiming();
      return (
        (a.playState === 'running' || a.playState === 'paused') &&
        Number(t?.activeDuration ?? 0) > 0
      );
    };
    // Chromium's document.getAnimations() includes shadow trees; Element.getAnimations() on every
    // element below checks that independently of it.
    for (const a of document.getAnimations()) {
      if (!running(a)) continue;
      const target = (a.effect as KeyframeEffect | null)?.target;
      found.push(`running ${a.constructor.name} on ${target ? name(target) : '?'}`);
    }
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 || r.height > 0) {
          const cs = getComputedStyle(el);
          if (cs.transitionProperty !== 'none' && seconds(cs.transitionDuration).some((s) => s > 0))
            found.push(
              `transition ${cs.transitionProperty} ${cs.transitionDuration} on ${name(el)}`,
            );
          if (cs.animationName !== 'none' && seconds(cs.animationDuration).some((s) => s > 0))
            found.push(`animation ${cs.animationName} ${cs.animationDuration} on ${name(el)}`);
          for (const a of el.getAnimations()) {
            if (running(a)) found.push(`running ${a.constructor.name} on ${name(el)}`);
          }
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return [...new Set(found)];
  });
}

/**
 * Samples `read` (run in the page) once per animation frame for `ms` after `action`: what a
 * student would see from frame to frame.
 */
async function framesAfter<T>(
  page: Page,
  action: () => Promise<void>,
  read: () => T,
  ms: number,
): Promise<T[]> {
  await page.evaluate(
    ({ body, ms }) => {
      const read = new Function(`return (${body})()`) as () => unknown;
      const w = window as unknown as {
        __frames: unknown[];
        __sampling: boolean;
        __sampled: boolean;
      };
      w.__frames = [read()];
      w.__sampling = false;
      w.__sampled = false;
      const tick = () => {
        w.__frames.push(read());
        if (w.__sampling) requestAnimationFrame(tick);
        else w.__sampled = true;
      };
      // Started by the action (below), so that frames before it do not count.
      (window as unknown as { __start: () => void }).__start = () => {
        w.__sampling = true;
        requestAnimationFrame(tick);
        setTimeout(() => (w.__sampling = false), ms);
      };
    },
    { body: read.toString(), ms },
  );
  await page.evaluate(() => (window as unknown as { __start: () => void }).__start());
  await action();
  // Until the last frame of the window has been read.
  await page.waitForFunction(() => (window as unknown as { __sampled: boolean }).__sampled);
  return page.evaluate(() => (window as unknown as { __frames: T[] }).__frames);
}

const distinct = <T>(values: T[]) => [...new Set(values.map((v) => JSON.stringify(v)))];

test.describe('with prefers-reduced-motion: reduce', () => {
  test.use({ reducedMotion: 'reduce' });

  const pages = [
    { title: 'the course map and the gallery', hashes: ['#/', '#/gallery'] },
    ...lessons.map((l) => ({
      title: `lesson ${l.order} (${l.id})`,
      hashes: Array.from({ length: l.stepCount }, (_, i) => `#/lesson/${l.id}/${i + 1}`),
    })),
  ];
  for (const { title, hashes } of pages) {
    test(`${title}: no CSS animation or transition runs or is declared`, async ({ page }) => {
      test.setTimeout(30_000 + hashes.length * 8_000);
      const motion: string[] = [];
      for (const hash of hashes) {
        await page.goto(`/${hash}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        // A widget's chart (and whatever it might animate) comes frames after its code.
        await widgetsDrawn(page);
        motion.push(...(await motionOnPage(page)).map((m) => `${hash}: ${m}`));
      }
      expect(motion, motion.join('\n')).toEqual([]);
    });
  }
});

/** The last step of a lesson, which celebrates a first completion. */
const lastStep = `#/lesson/${lessons[0]!.id}/${lessons[0]!.stepCount}`;

/** Gradient descent's ball, and the iteration it shows, in each frame. */
function ballAndIteration(): { it: string; cx: string } {
  const el = document.querySelector('nn-gradient-descent')!.shadowRoot!;
  return {
    it: el.querySelector('[data-value="iteration"]')?.textContent ?? '',
    cx: el.querySelector('circle.ball')?.getAttribute('cx') ?? '',
  };
}

/** The number of iterations in which the ball was seen in more than one place: it moved between iterates. */
function iterationsWithMotion(frames: { it: string; cx: string }[]): string[] {
  const places = new Map<string, Set<string>>();
  for (const f of frames) places.set(f.it, (places.get(f.it) ?? new Set()).add(f.cx));
  return [...places].filter(([, cx]) => cx.size > 1).map(([it]) => it);
}

function derivativeH(): string {
  return document.querySelector('nn-derivative')!.getAttribute('h') ?? '';
}

function graphScroll(): number {
  const el = document.querySelector('nn-backprop-graph')!.shadowRoot!;
  return Math.round(el.querySelector('.graph-scroll')!.scrollLeft);
}

async function widget(page: Page, tag: string, query = ''): Promise<Locator> {
  await page.goto(`/embed.html#${tag}${query}`);
  const el = page.locator(tag);
  await expect(el).toBeVisible();
  await page.waitForLoadState('networkidle');
  await widgetsDrawn(page);
  return el;
}

for (const reduce of [true, false]) {
  const when = reduce ? 'under reduced motion' : 'without the preference (control)';
  test.describe(when, () => {
    test.use({ reducedMotion: reduce ? 'reduce' : 'no-preference' });

    test(`gradient descent: Step and Play ${reduce ? 'jump from iterate to iterate' : 'move the ball between iterates'}`, async ({
      page,
    }) => {
      const el = await widget(page, 'nn-gradient-descent');
      const step = await framesAfter(
        page,
        () => el.getByRole('button', { name: 'Step', exact: true }).click(),
        ballAndIteration,
        700,
      );
      expect(distinct(step.map((f) => f.it))).toEqual(['"0"', '"1"']);
      const play = await framesAfter(
        page,
        () => el.getByRole('button', { name: 'Play' }).click(),
        ballAndIteration,
        1500,
      );
      await el.getByRole('button', { name: 'Pause' }).click();
      expect(distinct(play.map((f) => f.it)).length).toBeGreaterThan(2);
      if (reduce) {
        expect(iterationsWithMotion([...step, ...play])).toEqual([]);
      } else {
        expect(iterationsWithMotion([...step, ...play]).length).toBeGreaterThan(1);
      }
    });

    test(`derivative: Shrink h ${reduce ? 'goes straight to the smallest h' : 'animates h'}`, async ({
      page,
    }) => {
      const el = await widget(page, 'nn-derivative');
      await expect(el).toHaveAttribute('h', '1');
      const hs = await framesAfter(
        page,
        () => el.getByRole('button', { name: 'Shrink h' }).click(),
        derivativeH,
        reduce ? 600 : 1200,
      );
      if (reduce) {
        expect(distinct(hs)).toEqual(['"1"', '"0.001"']);
        await expect(el.getByRole('button', { name: 'Shrink h' })).toBeVisible();
      } else {
        expect(distinct(hs).length).toBeGreaterThan(5);
      }
    });

    test(`backprop graph: the walk ${reduce ? 'jumps' : 'scrolls smoothly'} to a node out of view`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 375, height: 667 });
      const el = await widget(page, 'nn-backprop-graph');
      await expect.poll(() => page.evaluate(graphScroll)).toBe(0);
      const scrolls = await framesAfter(
        page,
        () => el.getByRole('button', { name: 'Finish the forward pass' }).click(),
        graphScroll,
        1000,
      );
      const values = distinct(scrolls);
      expect(values.length).toBeGreaterThan(1); // it did scroll to the loss, far right
      if (reduce) expect(values).toHaveLength(2);
      else expect(values.length).toBeGreaterThan(3);
    });

    test(`finishing a lesson ${reduce ? 'celebrates without confetti falling' : 'drops confetti'}`, async ({
      page,
    }) => {
      await page.goto(`/${lastStep}`);
      await expect(page.getByRole('heading', { name: /Lesson complete/ })).toBeVisible();
      // The celebration is rendered in the update after the heading's: wait for it (hidden
      // under reduced motion) before looking for its motion.
      await expect(page.locator('nn-lesson .confetti')).toBeAttached();
      const motion = await motionOnPage(page);
      if (reduce) expect(motion, motion.join('\n')).toEqual([]);
      else expect(motion.some((m) => m.includes('nn-lesson > i'))).toBe(true);
    });
  });
}
