import { test, expect, type Locator, type Page } from '@playwright/test';
import { WIDGETS } from '../../src/widgets/catalog';
import { expectNoHorizontalScroll, openWidget, watchConsole } from './helpers';

/*
 * Issue 8: on a phone (375×667, touch events, no mouse, no keyboard shortcuts) every widget is
 * usable — drag on plots, tap sliders and steppers — and nothing scrolls sideways. Each widget
 * gets one real touch interaction whose result a reader can see.
 */

test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

interface Point {
  x: number;
  y: number;
}

/** A point inside `locator` (fractions of its box), after scrolling it into view. */
async function pointIn(locator: Locator, fx = 0.5, fy = 0.5): Promise<Point> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} has no box`);
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/** A finger taps `locator` at the given fraction of its box. */
async function tap(page: Page, locator: Locator, fx = 0.5, fy = 0.5): Promise<void> {
  const p = await pointIn(locator, fx, fy);
  await page.touchscreen.tap(p.x, p.y);
}

/** A finger goes down at `from`, slides to `to` in several moves, and lifts. */
async function drag(page: Page, from: Point, to: Point, steps = 10): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[]) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await touch('touchStart', [from]);
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    await touch('touchMove', [
      { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t },
    ]);
  }
  await touch('touchEnd', []);
  await cdp.detach();
}

interface TouchCase {
  /** Appended to `embed.html#<tag>`: `?attr=value&…`. */
  query?: string;
  interact: (page: Page, el: Locator) => Promise<void>;
}

const CASES: Record<string, TouchCase> = {
  'nn-sigmoid-explorer': {
    async interact(page, el) {
      const caption = el.locator('figcaption, figure [aria-live]').first();
      await expect(caption).toContainText('At x = 0.0,');
      await tap(page, el.getByRole('slider', { name: 'input x' }), 0.85);
      await expect(el).not.toHaveAttribute('input', /^(0)?$/);
      await expect(caption).not.toContainText('At x = 0.0,');
      await expect(caption).toContainText(/At x = \d\.\d,/);
    },
  },

  'nn-matrix-multiply': {
    async interact(page, el) {
      await tap(page, el.getByRole('button', { name: 'More rows of A' }));
      await expect(el.getByRole('status', { name: 'Rows of A' })).toHaveText('3');
      await expect(el.getByRole('textbox', { name: 'A row 3 column 1' })).toBeVisible();
      await tap(page, el.getByRole('button', { name: 'Fewer rows of A' }));
      await expect(el.getByRole('status', { name: 'Rows of A' })).toHaveText('2');
      // Tap a cell and type into it, as with the on-screen keyboard: A₁₁ = 9.
      const cell = el.getByRole('textbox', { name: 'A row 1 column 1' });
      await tap(page, cell);
      await expect(cell).toBeFocused();
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('9');
      // Row 1 of C: 9·5 + 2·7 = 59, 9·6 + 2·8 = 70.
      await expect(el.locator('p', { hasText: 'C = AB is 2×2:' })).toHaveText(
        'C = AB is 2×2: row 1: 59, 70; row 2: 43, 50.',
      );
    },
  },

  'nn-neuron': {
    async interact(page, el) {
      await expect(el.getByRole('textbox', { name: 'input x₃' })).toHaveCount(0);
      await tap(page, el.getByRole('radio', { name: '3', exact: true }));
      await expect(el.getByRole('radio', { name: '3', exact: true })).toBeChecked();
      await expect(el).toHaveAttribute('inputs', '3');
      await expect(el.getByRole('textbox', { name: 'input x₃' })).toBeVisible();
      await expect(el.getByRole('textbox', { name: 'weight w₃' })).toBeVisible();
    },
  },

  'nn-derivative': {
    async interact(page, el) {
      const caption = el.locator('figcaption').first();
      await expect(caption).toContainText('at x₀ = 1.0:');
      await tap(page, el.getByRole('slider', { name: 'point x₀' }), 0.1);
      await expect(el).not.toHaveAttribute('x0', '1');
      await expect(caption).not.toContainText('at x₀ = 1.0:');
      await expect(caption).toContainText(/at x₀ = −\d\.\d:/);
      await tap(page, el.getByRole('button', { name: 'Shrink h' }));
      await expect(el).not.toHaveAttribute('h', '1');
      await expect(caption).not.toContainText('with h = 1 ');
    },
  },

  'nn-network-teaser': {
    async interact(page, el) {
      const readout = el.locator('p', { hasText: /The network is \d+% sure this point is/ });
      await expect(readout).toContainText('at (0.30, 0.20)');
      const frame = el.locator('svg rect.frame');
      await frame.scrollIntoViewIfNeeded();
      const from = await pointIn(el.locator('svg g.probe'));
      // From the probe at (0.30, 0.20) to the lower left of the map, near (−0.6, −0.6).
      const to = await pointIn(frame, 0.2, 0.8);
      await drag(page, from, to);
      await expect(readout).not.toContainText('at (0.30, 0.20)');
      await expect(readout).toContainText(/at \(−0\.\d\d,\s*−0\.\d\d\)/);
      await expect(el).toHaveAttribute('probe-x', /^-0\.\d+$/);
      await expect(el).toHaveAttribute('probe-y', /^-0\.\d+$/);
      await expect(el.getByRole('slider', { name: 'probe x' })).not.toHaveValue('0.3');
    },
  },

  'nn-gradient-descent': {
    async interact(page, el) {
      // Dragging the start ring does not work by touch yet: see the known-failure tests below.
      // A tap on the chart, the other way the hint offers, moves the start point.
      const caption = el.locator('figcaption').first();
      await expect(caption).toContainText('Iteration 0: w = 2.50,');
      // A third of the way across w ∈ [−3, 3].
      await tap(page, el.getByRole('img', { name: /^Graph of the loss/ }), 0.3, 0.5);
      await expect(el).toHaveAttribute('start-x', /^-/);
      await expect(caption).toContainText(/Iteration 0: w = −\d\.\d\d,/);
      await tap(page, el.getByRole('button', { name: 'Step', exact: true }));
      await expect(caption).toContainText('Iteration 1:');
    },
  },

  'nn-loss-chart': {
    query: '?example=learning',
    async interact(page, el) {
      await expect(el.getByRole('img', { name: /on a linear scale/ })).toBeVisible();
      await tap(page, el.getByRole('button', { name: 'Log scale' }));
      await expect(el).toHaveAttribute('scale', 'log');
      await expect(el.getByRole('button', { name: 'Log scale' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expect(el.getByRole('img', { name: /on a logarithmic scale/ })).toBeVisible();
      await expect(el.locator('.axis-label-y')).toHaveText('loss (log scale)');
    },
  },

  'nn-logistic-neuron': {
    async interact(page, el) {
      const status = el.getByText(/^Step \d+ · backend/);
      await expect(status).toContainText('Step 0 ·');
      await tap(page, el.getByRole('button', { name: 'Step', exact: true }));
      await expect(status).toContainText('Step 1 ·');
      await expect(el.locator('p[part~="summary"]')).toContainText(
        /^Step 1\. Cross-entropy neuron: loss/,
      );
      // The learning-rate slider answers a tap too.
      await tap(page, el.getByRole('slider', { name: 'learning rate η' }), 0.1);
      await expect(el).not.toHaveAttribute('learning-rate', /^(2)?$/);
    },
  },

  'nn-network-trainer': {
    query: '?dataset=custom',
    async interact(page, el) {
      const summary = el.locator('p[part~="summary"]');
      await expect(summary).toContainText('No training points yet');
      const plot = el.getByRole('img', { name: /^Decision map/ });
      await expect(plot).toBeVisible();
      await tap(page, el.getByRole('radio', { name: 'class = 0' }));
      await expect(el.getByRole('radio', { name: 'class = 0' })).toBeChecked();
      await tap(page, plot, 0.5, 0.4);
      await expect(el).toHaveAttribute('points', /^-?\d[\d.]*,-?\d[\d.]*,0$/);
      await tap(page, el.getByRole('radio', { name: 'class = 1' }));
      await tap(page, plot, 0.3, 0.6);
      await expect(el).toHaveAttribute('points', /^[^;]+,0;[^;]+,1$/);
      await expect(summary).not.toContainText('No training points yet');
      await expect(el.getByRole('button', { name: 'Undo last point' })).toBeEnabled();
      await tap(page, el.getByRole('button', { name: 'Undo last point' }));
      await expect(el).toHaveAttribute('points', /^[^;]+,0$/);
      // Reading mode: a tap reads the network's answer there and adds nothing.
      await tap(page, el.getByRole('radio', { name: /reads the network's answer/ }));
      await tap(page, plot, 0.7, 0.3);
      await expect(
        el.getByText(/^Cursor at x₁ = .*: the network (says \d+%|has not been evaluated)/),
      ).toBeVisible();
      await expect(el).toHaveAttribute('points', /^[^;]+,0$/);
    },
  },

  'nn-backprop-graph': {
    async interact(page, el) {
      const selected = el.getByText(/^Selected:/);
      await expect(selected).toContainText('w₁₁ (weight from x₁ into h₁)');
      // A node far along the sideways-scrolling graph: the loss L.
      await tap(page, el.getByRole('option', { name: /^L \?/ }));
      await expect(selected).toContainText('Selected: L');
      await expect(el.getByRole('option', { name: /^L \?/ })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await tap(page, el.getByRole('option', { name: /^x₁ / }));
      await expect(selected).toContainText('x₁ (input 1)');
      // Steppers: Next step computes the first node of the forward pass.
      await expect(el.getByRole('option', { name: /^p₁₁ \?/ })).toBeVisible();
      await tap(page, el.getByRole('button', { name: 'Next step →' }));
      await expect(el).toHaveAttribute('step', '1');
      await expect(el.getByRole('option', { name: /^p₁₁ 0\.500/ })).toBeVisible();
      await expect(el.getByRole('button', { name: '← Previous step' })).toBeEnabled();
    },
  },

  'nn-softmax': {
    async interact(page, el) {
      await expect(el).toHaveAttribute('logits', '2 1 0.1');
      const summary = el.locator('[part~="summary"]');
      await expect(summary).toContainText('The most likely class is class 1, the right one.');
      // A finger drags class 3's score from 0.1 far to the right: class 3 becomes the most likely.
      const slider = el.getByRole('slider', { name: 'score z₃ of class 3' });
      await drag(page, await pointIn(slider, 0.505), await pointIn(slider, 0.97));
      await expect(el).toHaveAttribute('logits', /^2 1 (9|10)(\.\d)?$/);
      await expect(summary).toContainText(
        'The most likely class is class 3, but the right one is class 1.',
      );
      // Tap a chip: class 3 is the right class, and its row says so.
      await tap(page, el.getByRole('radio', { name: 'class 3' }));
      await expect(el).toHaveAttribute('target', '3');
      await expect(summary).toContainText('The most likely class is class 3, the right one.');
    },
  },

  'nn-gradient-flow': {
    query: '?activation=sigmoid&init=small',
    async interact(page, el) {
      const status = el.locator('[part~="status"]');
      await expect(status).toContainText('The gradient vanishes');
      // Tap two chips: ReLU with He weights lets the gradient flow.
      await tap(page, el.getByRole('radio', { name: 'ReLU', exact: true }));
      await expect(el).toHaveAttribute('activation', 'relu');
      await tap(page, el.getByRole('radio', { name: 'He', exact: true }));
      await expect(el).toHaveAttribute('init', 'he');
      await expect(status).toContainText('The gradient flows');
      await tap(page, el.getByRole('button', { name: '10 steps' }));
      await expect(status).toContainText('Step 10 ');
    },
  },

  'nn-digits': {
    async interact(page, el) {
      const said = el.locator('[part~="pad-text"]');
      await expect(said).toHaveText('Draw a digit.');
      await expect(el.locator('[part~="status"]')).toContainText('Untrained');
      // A finger draws a vertical stroke on the pad: the page does not scroll, the pad reads it.
      const pad = el.locator('canvas.pad');
      const from = await pointIn(pad, 0.5, 0.15);
      const to = await pointIn(pad, 0.52, 0.85);
      const before = await page.evaluate(() => window.scrollY);
      await drag(page, from, to, 12);
      await expect(said).toContainText(/The network reads \d \(\d+\.\d%\); then /);
      expect(await page.evaluate(() => window.scrollY)).toBe(before);
      // The first tap right after the CDP-dispatched drag gives a pointerdown but no click under
      // mobile emulation (a second tap clicks; a mouse click clicks at once): tap until cleared.
      await expect(async () => {
        await tap(page, el.getByRole('button', { name: 'Clear' }));
        await expect(said).toHaveText('Draw a digit.', { timeout: 1500 });
      }).toPass({ timeout: 10_000 });
      // Tap Train: training starts and the status follows it.
      await tap(page, el.getByRole('button', { name: 'Train' }));
      await expect(el.locator('[part~="status"]')).toContainText(/Epoch \d/);
      await tap(page, el.getByRole('button', { name: 'Pause' }));
      await expect(el.locator('[part~="status"]')).toContainText('paused');
    },
  },
};

test('every widget in the catalog has a touch case here', () => {
  expect(Object.keys(CASES).sort()).toEqual(WIDGETS.map((w) => w.tag).sort());
});

for (const { tag } of WIDGETS) {
  test(`${tag} is usable by touch at 375×667 without sideways scrolling`, async ({ page }) => {
    const c = CASES[tag];
    test.skip(!c, `no touch case for ${tag} (the catalog test above fails)`);
    const noErrors = watchConsole(page);
    // Mobile emulation may still ask for /favicon.ico (the site's icon is an SVG): that 404 is
    // not a widget's error.
    await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
    // Measured, then drawn in the next frames: what sticks out is only there once drawn.
    const el = await openWidget(page, `/embed.html#${tag}${c!.query ?? ''}`, tag);
    await expectNoHorizontalScroll(page);
    await c!.interact(page, el);
    await expectNoHorizontalScroll(page);
    noErrors();
  });
}

// Dragging the start ring by touch works to the end of the drag (it once stopped after the first
// move, when only the ring had `touch-action: none`).
test.describe('nn-gradient-descent: dragging the start ring by touch', () => {
  test.beforeEach(async ({ page }) => {
    await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  });

  test('on the curve, to the left moves the start point there', async ({ page }) => {
    await page.goto('/embed.html#nn-gradient-descent');
    const el = page.locator('nn-gradient-descent');
    const plot = el.getByRole('img', { name: /^Graph of the loss/ });
    await plot.scrollIntoViewIfNeeded();
    // Right of the ring's centre: the ball covers the centre, the next-step arrow its left side.
    const from = await pointIn(el.locator('circle.start-handle'), 0.85, 0.5);
    await drag(page, from, await pointIn(plot, 0.3, 0.5));
    await expect(el).toHaveAttribute('start-x', /^-/, { timeout: 3000 });
  });

  test('on the contour map, to the lower right moves the start point there', async ({ page }) => {
    await page.goto('/embed.html#nn-gradient-descent?surface=bowl');
    const el = page.locator('nn-gradient-descent');
    const plot = el.getByRole('img', { name: /^Contour map of the loss/ });
    await plot.scrollIntoViewIfNeeded();
    // Left of the ring's centre: the next-step arrow points right and down.
    const from = await pointIn(el.locator('circle.start-handle'), 0.15, 0.5);
    await drag(page, from, await pointIn(plot, 0.75, 0.75));
    await expect(el).toHaveAttribute('start-x', /^\d/, { timeout: 3000 });
    await expect(el).toHaveAttribute('start-y', /^-/, { timeout: 3000 });
  });
});
