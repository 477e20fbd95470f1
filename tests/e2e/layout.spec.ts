import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoHorizontalScroll, openWidget, watchConsole, widgetsDrawn } from './helpers';

/** Issue 14 item 9: layout faults a new student met at desktop and phone widths. */

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
]) {
  test.describe(`at ${viewport.width}px`, () => {
    test.use({ viewport });

    test('"ready to work offline" sits in the header: it covers nothing, moves nothing, and can be dismissed', async ({
      page,
    }) => {
      const noErrors = watchConsole(page);
      await page.addInitScript(() => {
        const w = window as unknown as { __shifts: { value: number; at: number }[] };
        w.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            w.__shifts.push({ value: (e as unknown as { value: number }).value, at: e.startTime });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto('/#/lesson/sigmoid-neuron/2');
      await expect(page.getByText(/^Step 2 of/)).toBeVisible();
      await widgetsDrawn(page);
      const loaded = await page.evaluate(() => performance.now());
      const status = page.getByRole('status').filter({ hasText: 'Ready to work offline' });
      await expect(status).toBeVisible({ timeout: 30_000 });

      // Nothing of the lesson is under it, and it is in the page's flow, not floating over it.
      const pill = (await status.boundingBox())!;
      const main = (await page.locator('main').first().boundingBox())!;
      expect(overlap(pill, main), 'the notice overlaps the lesson').toBe(false);
      const header = (await page.locator('gt-app header').first().boundingBox())!;
      expect(overlap(pill, header)).toBe(true);
      await page.mouse.wheel(0, 600);
      const scrolled = (await status.boundingBox())!;
      expect(scrolled.y).toBeLessThan(pill.y); // it scrolls away with the header

      // The news arriving moved nothing on the page.
      const moved = await page.evaluate(
        (after) =>
          (window as unknown as { __shifts: { value: number; at: number }[] }).__shifts
            .filter((s) => s.at > after)
            .reduce((sum, s) => sum + s.value, 0),
        loaded,
      );
      expect(moved).toBeLessThan(0.001);

      await status.getByRole('button', { name: /Dismiss/ }).click();
      await expect(page.getByText('Ready to work offline')).toHaveCount(0);
      // Later visits (the course now cached) say nothing.
      await page.reload();
      await expect(page.getByText(/^Step 2 of/)).toBeVisible();
      await expect(page.getByText(/Ready to work offline|Saving for offline use/)).toHaveCount(0);
      noErrors();
    });
  });
}

test.describe('at 1280px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('lesson 7 step 6: the whole network graph is in view, σ, ŷ and L included', async ({
    page,
  }) => {
    const graph = await openWidget(page, '/#/lesson/backpropagation/6', 'nn-backprop-graph');
    const scroll = graph.locator('.graph-scroll');
    const fits = await scroll.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    expect(fits, 'the graph scrolls sideways inside its box').toBe(true);
    const box = (await scroll.boundingBox())!;
    for (const name of ['ŷ', 'L', 'e']) {
      const node = graph
        .locator('g.node')
        .filter({ has: page.locator(`text.name:text-is("${name}")`) });
      const b = (await node.boundingBox())!;
      expect(b.x + b.width, `${name} is cut off`).toBeLessThanOrEqual(box.x + box.width);
      expect(b.x + b.width).toBeLessThanOrEqual(1280);
    }
    await expectNoHorizontalScroll(page);
  });

  test('lesson 9: no panel of the trainer sits alone on a row with empty space beside it', async ({
    page,
  }) => {
    const trainer = await openWidget(page, '/#/lesson/your-own-data/2', 'nn-network-trainer');
    const panels = await trainer.locator('fieldset.panel:visible').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return {
          name: e.querySelector('legend')?.textContent?.trim(),
          top: r.top,
          bottom: r.bottom,
        };
      }),
    );
    expect(panels.length).toBe(5); // Data, Network, Training, Regularisation, and the points
    const alone = panels.filter(
      (p) => !panels.some((q) => q !== p && q.top < p.bottom && p.top < q.bottom),
    );
    expect(alone.map((p) => p.name)).toEqual([]);
  });
});

test.describe('at 375px', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test('lesson 7 step 6: the graph scrolls inside its own box, the page does not', async ({
    page,
  }: {
    page: Page;
  }) => {
    await openWidget(page, '/#/lesson/backpropagation/6', 'nn-backprop-graph');
    await expectNoHorizontalScroll(page);
  });
});
