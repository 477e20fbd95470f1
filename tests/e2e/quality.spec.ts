import { test, expect, type Page } from '@playwright/test';
import { STORAGE_KEY } from '../../src/lesson/progress';
import { PROGRESS_FORMAT, PROGRESS_VERSION } from '../../src/lesson/progress-data';
import { courseLessons, widgetsDrawn } from './helpers';

/*
 * What a student sees on a phone (375×667, touch), on the course map, the gallery and every step of
 * every lesson — once as a new student, once with every exercise's hints, worked answer and
 * predicted reveal open: no NaN/undefined/Infinity in the text, no control smaller than 24×24 CSS
 * px (WCAG 2.5.8), nothing cut off at the right edge, and no display formula that has to be
 * scrolled sideways. scripts/screenshots.mjs takes the pictures for the defects no script sees.
 */

test.use({
  viewport: { width: 375, height: 667 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 1,
});

const lessons = courseLessons();

/** Stored progress of a student who opened everything: all hints, every worked answer, every prediction committed. */
function everythingOpen(): string {
  const exercises: Record<string, object> = {};
  for (const lesson of lessons) {
    for (const [id, spec] of Object.entries(lesson.exercises)) {
      exercises[`${lesson.id}/${id}`] =
        spec.kind === 'predict'
          ? { wrong: 0, solved: true, prediction: spec.answer }
          : { wrong: 9, solved: false, revealed: true };
    }
  }
  return JSON.stringify({
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    updatedAt: new Date().toISOString(),
    lessons: {},
    exercises,
  });
}

/** The defects on the page as it is now, one line each, naming where. */
function findDefects(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const vw = document.documentElement.clientWidth;
    const bad = /\b(NaN|undefined|Infinity)\b|\[object Object\]/;
    const name = (el: Element) => {
      const host = (el.getRootNode() as ShadowRoot).host;
      const cls = typeof el.className === 'string' && el.className ? `.${el.className}` : '';
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
      return `${host ? `${host.localName} > ` : ''}${el.localName}${cls} "${text}"`;
    };
    const shown = (el: Element, r: DOMRect) =>
      r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    // Scrolls or clips sideways by design (a code block, a wide graph), html and body excepted:
    // the page clips at its edge, which would hide what sticks out instead of showing it.
    const insideScroller = (el: Element) => {
      for (
        let p: Element | null = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
        p && p !== document.body && p !== document.documentElement;
        p = p.parentElement ?? ((p.getRootNode() as ShadowRoot).host || null)
      ) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    const interactive =
      'button, input:not([type=hidden]), select, textarea, summary, a[href], [role=button], ' +
      '[role=radio], [role=checkbox], [role=slider], [role=tab], [role=option], [role=switch]';

    const visit = (root: Document | ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || parent.closest('style, script')) continue;
        if (bad.test(n.textContent ?? ''))
          found.push(`text "${n.textContent!.trim().slice(0, 60)}" in ${name(parent)}`);
      }
      for (const el of root.querySelectorAll('*')) {
        for (const attr of ['aria-label', 'aria-valuetext', 'title', 'alt', 'value']) {
          const v = el.getAttribute(attr);
          if (v && bad.test(v)) found.push(`${attr}="${v}" on ${name(el)}`);
        }
        const r = el.getBoundingClientRect();
        if (shown(el, r)) {
          if (r.right > vw + 0.5 && !insideScroller(el))
            found.push(`${name(el)} reaches ${Math.round(r.right)}px, past the ${vw}px edge`);
          if (
            el.localName === 'math' &&
            el.getAttribute('display') === 'block' &&
            el.scrollWidth > el.clientWidth + 1
          )
            found.push(
              `formula ${el.scrollWidth}px wide scrolls in ${el.clientWidth}px: "${el.textContent?.slice(0, 50)}"`,
            );
          if (el.localName === 'math' && el.getAttribute('display') !== 'block') {
            // Inline math cannot wrap: too long, it runs out of its paragraph (over a box's edge).
            let box = el.parentElement;
            while (box && getComputedStyle(box).display.startsWith('inline'))
              box = box.parentElement;
            if (box) {
              const b = box.getBoundingClientRect();
              const edge = b.right - parseFloat(getComputedStyle(box).paddingRight);
              if (r.right > edge + 1)
                found.push(
                  `formula "${el.textContent?.slice(0, 50)}" runs ${Math.round(r.right - edge)}px out of its ${box.localName}`,
                );
            }
          }
          if (el.matches(interactive)) {
            // A radio or checkbox is as big as its label (a tap on the label checks it).
            const label = el.matches('input[type=radio], input[type=checkbox]')
              ? el.closest('label')
              : null;
            const box = label ? label.getBoundingClientRect() : r;
            // Links in running text are exempt (WCAG 2.5.8 "inline").
            const inline = el.localName === 'a' && getComputedStyle(el).display === 'inline';
            if (!inline && (box.width < 24 || box.height < 24))
              found.push(
                `${name(el)} is ${Math.round(box.width)}×${Math.round(box.height)}px, under 24×24`,
              );
          }
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return [...new Set(found)];
  });
}

const pages: { title: string; hashes: string[] }[] = [
  { title: 'the course map and the gallery', hashes: ['#/', '#/gallery'] },
  ...lessons.map((l) => ({
    title: `lesson ${l.order} (${l.id})`,
    hashes: Array.from({ length: l.stepCount }, (_, i) => `#/lesson/${l.id}/${i + 1}`),
  })),
];

for (const state of ['as a new student', 'with every hint, worked answer and reveal open']) {
  test.describe(`on a phone, ${state}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
      if (state !== 'as a new student') {
        await page.addInitScript(
          ([key, value]) => localStorage.setItem(key!, value!),
          [STORAGE_KEY, everythingOpen()],
        );
      }
    });

    for (const { title, hashes } of pages) {
      test(`${title}: no NaN, no control under 24px, nothing cut off or scrolling sideways`, async ({
        page,
      }) => {
        test.setTimeout(30_000 + hashes.length * 10_000);
        const defects: string[] = [];
        for (const hash of hashes) {
          await page.goto(`/${hash}`);
          if (hash.startsWith('#/lesson/')) {
            const [, , , step] = hash.split('/');
            await expect(page.getByText(new RegExp(`^Step ${step} of \\d+$`))).toBeVisible();
            await expect(page.getByText('Loading exercise…')).toHaveCount(0);
          } else {
            await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          }
          // Widgets load after the text (tfjs, for one, when it is wanted), then draw in the
          // animation frames after they measure themselves.
          await page.waitForLoadState('networkidle');
          await widgetsDrawn(page);
          defects.push(...(await findDefects(page)).map((d) => `${hash}: ${d}`));
        }
        expect(defects, defects.join('\n')).toEqual([]);
      });
    }
  });
}
