import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/gradient-descent/index';
import type {
  DescentChangeDetail,
  DescentStepDetail,
  NnGradientDescent,
} from '../../src/widgets/gradient-descent/index';
import { WIDGETS } from '../../src/widgets/catalog';
import { SURFACE_IDS } from '../../src/math/surfaces';
import { expectNoAxeViolations, expectNoAxeViolationsInDark } from './axe';
import {
  collectDetails,
  expectOneWarning,
  inDarkMode,
  press,
  silenceWarnings,
  tableRows,
  text,
  widgetTest,
  withReducedMotion,
} from './harness';
import { settle } from './settle';

const TAG = 'nn-gradient-descent';

/** A small harness: finds controls by their label or accessible name, never by private members. */
const { mount, place, harness } = widgetTest(TAG, (root, { labelled }) => ({
  rateSlider: () => labelled(/^learning rate/),
  rateExact: () => labelled(/exactly/),
  momentumToggle: () => labelled(/^Momentum$/),
  betaSlider: () => labelled(/^momentum β/),
  surfaceSelect: () => labelled<HTMLSelectElement>(/Loss surface/),
  svg: () => root.querySelector<SVGSVGElement>('svg[part="plot"]')!,
  plotArea: () => root.querySelector<SVGSVGElement>('svg svg.plot')!,
  summary: () => text(root.querySelector('[aria-live]')),
  status: () => root.querySelector<HTMLElement>('[part~="status"]')!,
  iteration: () => Number(text(root.querySelector('[data-value="iteration"]'))),
  loss: () => text(root.querySelector('[data-value="loss"]')),
  /** Everything a user could see or hear: text, attributes, and the chart's geometry. */
  everything: () => root.innerHTML,
}));

/** Set a range input the way a drag does: a new value and an input event. */
function slide(slider: HTMLInputElement, value: number): void {
  slider.value = String(value);
  slider.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('<nn-gradient-descent>', () => {
  it('offers every surface in the catalog', () => {
    const doc = WIDGETS.find((w) => w.tag === TAG)!;
    expect(doc.attributes.find((a) => a.name === 'surface')?.values).toEqual([...SURFACE_IDS]);
  });

  it('1D mode: the curve, the ball, the step arrow and the update written out with numbers', async () => {
    const el = await mount('start-x="1.5"');
    const h = harness(el);
    expect(el.surface).toBe('parabola');
    expect(h.svg().getAttribute('role')).toBe('img');
    expect(h.svg().getAttribute('aria-label')).toMatch(/loss L\(w\) = w²/);
    expect(h.svg().querySelector('path.curve')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(h.svg().querySelector('circle.ball')).not.toBeNull();
    expect(h.svg().querySelector('g.step')?.getAttribute('display')).toBeNull();
    // L = w², slope 2w = 3 at w = 1.5; η = 0.1 (the parabola's suggested rate).
    expect(h.part('formula')).toContain('slope L′(1.50) = 3.00');
    expect(h.part('formula')).toContain('w ← w − η·slope = 1.50 − 0.10 · 3.00 = 1.20');
    expect(h.summary()).toContain('Iteration 0: w = 1.50, loss 2.250, slope 3.00.');
    expect(h.iteration()).toBe(0);
    expect(h.loss()).toBe('2.250');
  });

  it('2D mode: a contour map, the minimum, the path and the gradient step', async () => {
    const el = await mount('surface="bowl" start-x="-2" start-y="1"');
    const h = harness(el);
    const svg = h.svg();
    expect(svg.getAttribute('aria-label')).toMatch(/Contour map of the loss L\(w₁, w₂\)/);
    expect(svg.querySelectorAll('g.contours path').length).toBeGreaterThan(8);
    expect(svg.querySelector('g.contours path')?.getAttribute('d')).toMatch(/^M/);
    expect(svg.querySelectorAll('g.minima path')).toHaveLength(1);
    expect(text(svg.querySelector('text.axis-label-x'))).toBe('parameter w₁');
    expect(text(svg.querySelector('text.axis-label-y'))).toBe('parameter w₂');
    // ∇L = (2w₁, 2w₂) = (−4, 2); the next point is (−2, 1) − 0.1·(−4, 2) = (−1.6, 0.8).
    expect(h.part('formula')).toContain('∇L(−2.00, 1.00) = (−4.00, 2.00)');
    expect(h.part('formula')).toContain('= (−2.00, 1.00) − 0.10 · (−4.00, 2.00) = (−1.60, 0.80)');

    await userEvent.click(h.button(/^Step$/));
    await el.updateComplete;
    expect(h.summary()).toContain('Iteration 1: (w₁, w₂) = (−1.60, 0.80), loss 3.200');
    await expect.poll(() => svg.querySelectorAll('g.trail-points circle').length).toBe(1);
    // The contour map is drawn once, not again for each step.
    expect(svg.querySelectorAll('g.contours').length).toBe(1);
  });

  it('Step takes one step: iteration, loss, formula, summary, table and a nn-descent-step event', async () => {
    const el = await mount('start-x="2.5" rate="0.25"');
    const h = harness(el);
    const events: DescentStepDetail[] = [];
    document.body.addEventListener('nn-descent-step', (e) =>
      events.push((e as CustomEvent<DescentStepDetail>).detail),
    );

    await userEvent.click(h.button(/^Step$/));
    await el.updateComplete;

    // w ← (1 − 2·0.25)·w = 0.5·2.5 = 1.25, loss 1.5625.
    expect(h.iteration()).toBe(1);
    expect(h.loss()).toBe('1.563');
    expect(h.summary()).toContain('Iteration 1: w = 1.25, loss 1.563, slope 2.50.');
    expect(h.part('formula')).toContain('= 1.25 − 0.25 · 2.50 = 0.63');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ iteration: 1, position: [1.25], status: 'running' });
    expect(events[0]!.loss).toBeCloseTo(1.5625, 12);

    await userEvent.click(h.button(/show the iterates/i));
    await el.updateComplete;
    const rows = tableRows(h.table());
    expect(rows).toEqual([
      ['0', '2.50', '6.250', '5.00'],
      ['1', '1.25', '1.563', '2.50'],
    ]);
  });

  it('the arrow keys on the focused chart move the start point and restart the run', async () => {
    const el = await mount('start-x="1.5"');
    const h = harness(el);
    await userEvent.click(h.button(/^Step$/));
    await el.updateComplete;
    expect(h.iteration()).toBe(1);

    const changes = collectDetails<DescentChangeDetail>(el);
    await press(h.svg(), '{ArrowRight}');
    expect(el.getAttribute('start-x')).toBe('1.6');
    expect(h.iteration()).toBe(0);
    expect(h.summary()).toContain('Iteration 0: w = 1.60');
    expect(changes.at(-1)?.start).toEqual([1.6]);

    await press(h.svg(), '{Shift>}{ArrowLeft}{/Shift}');
    expect(el.getAttribute('start-x')).toBe('1.1');

    // In 2D, up and down move the second parameter.
    const el2 = await mount('surface="bowl" start-x="-2" start-y="1"');
    await press(harness(el2).svg(), '{ArrowUp}');
    expect(el2.getAttribute('start-y')).toBe('1.1');
    expect(el2.getAttribute('start-x')).toBe('-2');
  });

  it('a click on the chart puts the start there; dragging the ring moves it', async () => {
    const el = await mount('start-x="2"');
    const h = harness(el);
    // The middle of the plot is w = 0, the parabola's minimum: nothing left to do.
    const svgBox = h.svg().getBoundingClientRect();
    const plotBox = h.plotArea().getBoundingClientRect();
    await userEvent.click(h.svg(), {
      position: {
        x: plotBox.left - svgBox.left + plotBox.width / 2,
        y: plotBox.top - svgBox.top + plotBox.height / 2,
      },
    });
    await el.updateComplete;
    expect(Math.abs(el.startX!)).toBeLessThanOrEqual(0.05);
    expect(el.getAttribute('start-x')).toBe(String(el.startX));
    expect(h.summary()).toMatch(/^Iteration 0: w = (−)?0\.0\d, loss 0\.00\d/);

    el.startX = 2;
    await el.updateComplete;
    expect(el.startX).toBe(2);
    // A drag, as the pointer events a finger or a mouse sends: down on the ring, move, up.
    const handle = h.svg().querySelector('circle.start-handle')!;
    const ring = handle.getBoundingClientRect();
    const pointer = (type: string, target: Element, x: number, y: number) =>
      target.dispatchEvent(
        new PointerEvent(type, {
          bubbles: true,
          composed: true,
          pointerId: 7,
          pointerType: 'touch',
          clientX: x,
          clientY: y,
        }),
      );
    const y = ring.top + ring.height / 2;
    pointer('pointerdown', handle, ring.left + ring.width / 2, y);
    pointer('pointermove', h.svg(), plotBox.left + plotBox.width * 0.75, y);
    await el.updateComplete;
    // Three quarters of the way across w ∈ [−3, 3] is w = 1.5.
    expect(el.startX!).toBeCloseTo(1.5, 1);
    pointer('pointermove', h.svg(), plotBox.left + plotBox.width / 2, y);
    pointer('pointerup', h.svg(), plotBox.left + plotBox.width / 2, y);
    await el.updateComplete;
    expect(Math.abs(el.startX!)).toBeLessThanOrEqual(0.05);
  });

  it('a start where the slope is 0 cannot move, and says so', async () => {
    const el = await mount('start-x="0"');
    const h = harness(el);
    expect(h.status().hidden).toBe(false);
    expect(h.status().dataset.status).toBe('converged');
    expect(text(h.status())).toMatch(/slope is already 0 here/);
    expect(h.button(/^Step$/).getAttribute('aria-disabled')).toBe('true');
  });

  it('the learning-rate slider is on a log scale: −1 is η = 0.1, each step ×10^0.01', async () => {
    const el = await mount('surface="bowl"');
    const h = harness(el);
    const slider = h.rateSlider();
    expect(slider.min).toBe('-3');
    expect(slider.max).toBe('1');

    slide(slider, -1);
    await el.updateComplete;
    expect(el.rate).toBe(0.1);
    expect(el.getAttribute('rate')).toBe('0.1');
    expect(slider.getAttribute('aria-valuetext')).toBe('η = 0.10');

    slide(slider, -2);
    await el.updateComplete;
    expect(el.rate).toBe(0.01);

    await press(slider, '{ArrowRight}');
    expect(el.rate).toBe(Number((10 ** -1.99).toPrecision(3))); // 0.0102
    expect(Number(slider.value)).toBeCloseTo(-1.99, 10);

    await press(slider, '{End}');
    expect(el.rate).toBe(10);
    await press(slider, '{Home}');
    expect(el.rate).toBe(0.001);
    expect(h.part('formula')).toContain('0.001 ·');
  });

  it('η typed exactly is used as typed; a non-number gets a message and the rate stays', async () => {
    const el = await mount('start-x="1"');
    const h = harness(el);
    const box = h.rateExact();
    box.focus();
    await userEvent.clear(box);
    await userEvent.type(box, '1.1{Enter}');
    await el.updateComplete;
    expect(el.rate).toBe(1.1);
    expect(el.getAttribute('rate')).toBe('1.1');

    await userEvent.clear(box);
    await userEvent.type(box, '99{Enter}');
    await el.updateComplete;
    expect(el.rate).toBe(1.1);
    const error = el.shadowRoot!.querySelector('#rate-error');
    expect(text(error)).toMatch(/Type a number from 0.001 to 10/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe('rate-error');
  });

  it('a too-large learning rate is explained in words and the run stops, with no NaN or Infinity', async () => {
    // L = w², η = 1.1: w ← (1 − 2.2)·w = −1.2·w, each step overshoots further than the last.
    const el = await mount('rate="1.1" start-x="1"');
    const h = harness(el);
    const events = collectDetails<DescentStepDetail>(el, 'nn-descent-step');
    await userEvent.click(h.button(/^Play$/));
    await expect.poll(() => events.at(-1)?.status, { timeout: 8000 }).toBe('diverged');
    await el.updateComplete;

    expect(h.iteration()).toBe(5);
    expect(text(h.status())).toMatch(
      /the loss grew for 5 steps in a row: the learning rate is too large/i,
    );
    expect(h.status().dataset.status).toBe('diverged');
    expect(text(h.button(/again/))).toBe('Play again');
    // Stopped: Step is marked disabled (but keeps its focus) and does nothing more.
    expect(h.button(/^Step$/).getAttribute('aria-disabled')).toBe('true');
    h.button(/^Step$/).click();
    await el.updateComplete;
    expect(h.iteration()).toBe(5);
    expect(h.everything()).not.toMatch(/NaN|Infinity/);
    expect(events.every((d) => [d.loss, ...d.position].every(Number.isFinite))).toBe(true);
  });

  it('a far too large rate stops before the numbers overflow, and says so', async () => {
    const el = await mount('surface="double-dip" rate="10" start-x="1"');
    const h = harness(el);
    // w = 1 → −2 (loss 8.8); the next step would reach w ≈ 235, loss ≈ 3·10⁹: refused.
    for (let i = 0; i < 2; i++) await userEvent.click(h.button(/^Step$/));
    await el.updateComplete;
    expect(h.iteration()).toBe(1);
    expect(h.status().dataset.status).toBe('overflow');
    expect(text(h.status())).toMatch(/Stopped before the numbers overflow/);
    expect(h.summary()).toMatch(/off the chart/);
    expect(h.svg().querySelector('circle.ball')?.getAttribute('data-outside')).toBe('true');
    expect(h.everything()).not.toMatch(/NaN|Infinity/);
  });

  it('momentum: the checkbox turns on β = 0.8 and the update rule shows the velocity', async () => {
    const el = await mount('surface="valley"');
    const h = harness(el);
    await userEvent.click(h.momentumToggle());
    await el.updateComplete;
    expect(el.momentum).toBe(0.8);
    expect(el.getAttribute('momentum')).toBe('0.8');
    expect(h.part('formula')).toContain('v ← β·v − η·∇L = 0.80 · (0.00, 0.00)');
    slide(h.betaSlider(), 0.5);
    await el.updateComplete;
    expect(el.momentum).toBe(0.5);
    await userEvent.click(h.momentumToggle());
    await el.updateComplete;
    expect(el.momentum).toBe(0);
    expect(el.hasAttribute('momentum') && el.getAttribute('momentum')).toBe('0');
    expect(h.part('formula')).not.toContain('v ←');
  });

  it('playing animates until it stops, and stops when the element is removed', async () => {
    // Two widgets play side by side, on the same schedule; one is removed and the other, still
    // playing, shows when the removed one would have taken its next steps.
    document.body.innerHTML = `<${TAG} surface="valley"></${TAG}><${TAG} surface="valley"></${TAG}>`;
    const [twin, el] = [...document.querySelectorAll(TAG)] as [
      NnGradientDescent,
      NnGradientDescent,
    ];
    await settle(twin);
    await settle(el);
    const h = harness(el);
    await userEvent.click(harness(twin).button(/^Play$/));
    await userEvent.click(h.button(/^Play$/));
    await expect.poll(() => h.iteration(), { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    expect(text(h.button(/^Pause$/))).toBe('Pause');
    // While playing, the summary is not read out at every step.
    expect(el.shadowRoot!.querySelector('figcaption')?.getAttribute('aria-live')).toBe('off');

    const steps = (widget: NnGradientDescent) =>
      collectDetails<DescentStepDetail>(widget, 'nn-descent-step');
    const events = steps(el);
    const twinEvents = steps(twin);
    el.remove();
    // The twin started first and steps as often: by its third step the removed one would have
    // taken at least one more.
    await expect.poll(() => twinEvents.length, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    expect(events).toEqual([]);
  });

  it('under prefers-reduced-motion, play still steps (without tweening)', async () => {
    await withReducedMotion(async () => {
      const el = await mount('start-x="2"');
      const h = harness(el);
      // Each step is drawn in the update that follows it. A tween would start there: the ball
      // still at the last iterate, the trail not yet reaching the new one, the step arrow hidden.
      const picture = () => {
        const trail = h.svg().querySelector('path.trail')?.getAttribute('d') ?? '';
        const vertices = [...trail.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[1]));
        return {
          iteration: h.iteration(),
          vertices: vertices.length,
          trailEnd: vertices.at(-1),
          ball: Number(h.svg().querySelector('circle.ball')!.getAttribute('cx')),
          arrow: h.svg().querySelector('g.step')?.getAttribute('display'),
        };
      };
      const pictures: ReturnType<typeof picture>[] = [];
      el.addEventListener('nn-descent-step', () => {
        void el.updateComplete.then(() => pictures.push(picture()));
      });
      await userEvent.click(h.button(/^Play$/));
      await expect.poll(() => pictures.length, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
      await userEvent.click(h.button(/^Pause$/));
      await el.updateComplete;
      pictures.push(picture());
      expect(h.iteration()).toBeGreaterThanOrEqual(3);
      // No tween: at every step the ball sits exactly on the current iterate, the trail's end.
      for (const p of pictures) {
        expect(p.vertices, `iteration ${p.iteration}`).toBe(p.iteration + 1);
        expect(p.ball, `iteration ${p.iteration}`).toBeCloseTo(p.trailEnd!, 2);
        expect(p.arrow, `iteration ${p.iteration}`).toBeNull();
      }
    });
  });

  it.each([
    ['surface', 'nope', (el: NnGradientDescent) => expect(el.surface).toBe('parabola')],
    ['rate', 'abc', (el: NnGradientDescent) => expect(el.rate).toBeUndefined()],
    ['momentum', '1.5', (el: NnGradientDescent) => expect(el.momentum).toBe(0)],
    // In the catalog's range, but outside the parabola's w ∈ [−3, 3]: clamped to its edge.
    [
      'start-x',
      '9',
      (el: NnGradientDescent) =>
        expect(el.shadowRoot!.querySelector('figcaption')?.textContent).toContain('w = 3.00'),
    ],
  ] as const)('a bad %s="%s" falls back with exactly one warning', async (name, value, check) => {
    const warn = silenceWarnings();
    const el = await mount(`${name}="${value}"`);
    check(el);
    const h = harness(el);
    expect(h.svg().querySelector('path.curve')).not.toBeNull();
    expect(h.everything()).not.toMatch(/NaN|Infinity|undefined/);
    // Re-rendering and stepping must not warn again.
    await userEvent.click(h.button(/^Step$/));
    await el.updateComplete;
    expectOneWarning(warn, `${name}="${value}"`);
  });

  it('without rate or start, each surface uses its own suggestions', async () => {
    const el = await mount('surface="valley"');
    const h = harness(el);
    expect(h.rateSlider().getAttribute('aria-valuetext')).toBe('η = 0.035');
    expect(el.hasAttribute('rate')).toBe(false);
    expect(h.summary()).toContain('(w₁, w₂) = (−2.60, 1.00)');
    // Choosing another surface brings its own suggestions too.
    const select = h.surfaceSelect();
    select.value = 'neuron';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.getAttribute('surface')).toBe('neuron');
    expect(h.rateSlider().getAttribute('aria-valuetext')).toBe('η = 3.00');
    expect(text(el.shadowRoot!.querySelector('.data'))).toMatch(/class 1 at x = /);
  });

  it('fits a 375px phone without horizontal scrolling', async () => {
    const el = await place('surface="neuron" momentum="0.8"', 343);
    const h = harness(el);
    await expect.poll(() => h.svg().getAttribute('viewBox')).toMatch(/^0 0 3\d\d /);
    await userEvent.click(h.button(/^Step$/));
    await el.updateComplete;
    expect(h.svg().getBoundingClientRect().width).toBeLessThanOrEqual(343);
    expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
    for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('.formula, .controls, .run')) {
      expect(node.scrollWidth).toBeLessThanOrEqual(node.clientWidth + 1);
    }
  });

  it('has no axe violations in light mode, diverged, with the table shown', async () => {
    const el = await mount('rate="1.1" start-x="1"');
    const h = harness(el);
    for (let i = 0; i < 5; i++) await userEvent.click(h.button(/^Step$/));
    await userEvent.click(h.button(/show the iterates/i));
    await el.updateComplete;
    expect(h.status().dataset.status).toBe('diverged');
    await expectNoAxeViolations(el);
  });

  it('has no axe violations in dark mode, on a contour map with momentum', async () => {
    await inDarkMode(async () => {
      expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
      const el = await mount('surface="two-minima" momentum="0.8"');
      const h = harness(el);
      await userEvent.click(h.button(/^Step$/));
      await userEvent.click(h.button(/show the iterates/i));
      await el.updateComplete;
      await expectNoAxeViolationsInDark(el);
    });
  });
});
