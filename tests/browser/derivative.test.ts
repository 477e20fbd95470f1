import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/derivative/index';
import type { DerivativeChangeDetail } from '../../src/widgets/derivative/index';
import { expectNoAxeViolationsInDarkWithTable, expectNoAxeViolationsWithTable } from './axe';
import {
  collectDetails,
  controlNamed,
  itFallsBackOnBadAttributes,
  press,
  readDataTable,
  showDataTable,
  silenceWarnings,
  text,
  widgetTest,
  withReducedMotion,
} from './harness';

/** Reads "−1.25" (typographic minus) back as a number. */
const number = (s: string): number => Number(s.replace('\u2212', '-'));

/** Finds controls the way a user does: by their label or accessible name. */
const { mount, place, harness } = widgetTest('nn-derivative', (root, { labelled }) => {
  const radio = (name: string) => controlNamed(root, 'input[type="radio"]', name);
  /** The slopes table: { secant: [slope, error], central: […], exact: […] }. */
  const slopes = () => {
    const row = (name: string) =>
      [...root.querySelectorAll(`table[part~="slopes"] tr[data-row="${name}"] td`)].map(text);
    return { secant: row('secant'), central: row('central'), exact: row('exact') };
  };
  const value = (name: string) =>
    number(text(root.querySelector(`[part~="formula"] [data-value="${name}"]`)));
  /** The slope of a drawn line "Mx1,y1Lx2,y2" in screen pixels (y grows downwards). */
  const pixelSlope = (cls: string): number => {
    const d = root.querySelector(`svg path.${cls}`)!.getAttribute('d')!;
    const [x1, y1, x2, y2] = d.match(/-?[\d.]+/g)!.map(Number) as [number, number, number, number];
    return (y2 - y1) / (x2 - x1);
  };
  return {
    slider: (pattern: RegExp) => labelled(pattern),
    radio,
    slopes,
    value,
    pixelSlope,
    svg: () => root.querySelector('svg')!,
    path: (cls: string) => root.querySelector<SVGPathElement>(`svg path.${cls}`),
    summary: () => text(root.querySelector('[aria-live]')),
    table: () => root.querySelector('table[part~="table"]'),
  };
});

/** Resolve after `n` animation frames. */
async function frames(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
}

const collect = (el: Element) => collectDetails<DerivativeChangeDetail>(el);

describe('<nn-derivative> in slope mode', () => {
  it('renders x² at x₀ = 1 with h = 1: curve, point, tangent, secant and the slopes compared', async () => {
    const el = await mount();
    const h = harness(el);
    expect([el.mode, el.fn, el.x0, el.h]).toEqual(['slope', 'square', 1, 1]);
    expect(h.svg().getAttribute('role')).toBe('img');
    expect(h.svg().getAttribute('aria-label')).toMatch(/x squared.*tangent.*secant/);
    for (const cls of ['curve', 'tangent', 'secant']) {
      expect(h.path(cls)?.getAttribute('d'), cls).toMatch(/^M[\d.]+,[\d.]+L/);
    }
    expect(h.svg().querySelector('circle.point')).not.toBeNull();
    // (f(2) − f(1)) / 1 = 3, and x² is the one function whose central difference is exact.
    expect(h.slopes()).toEqual({
      secant: ['3.000000', '1.000000'],
      central: ['2.000000', '0.000000'],
      exact: ['2.000000', '—'],
    });
    expect(h.part('formula')).toContain('= (f(2.0) − f(1.0)) / 1 = (4.0000 − 1.0000) / 1 = 3.0000');
    expect(h.part('formula')).toContain('f′(x) = 2x, so f′(1.0) = 2 · 1.0 = 2.0000');
    expect(h.summary()).toContain(
      'the tangent has slope 2.0000; the secant with h = 1 has slope 3.0000',
    );
  });

  it('the arrow keys move x₀: its attribute, the table and the drawing follow', async () => {
    const el = await mount();
    const h = harness(el);
    const events = collect(el);
    const secantBefore = h.path('secant')!.getAttribute('d');

    await press(h.slider(/^point x/), '{ArrowRight}');

    expect(el.x0).toBeCloseTo(1.1, 10);
    expect(el.getAttribute('x0')).toBe('1.1');
    // Secant slope of x² is 2x₀ + h = 3.2; the tangent's is 2x₀ = 2.2.
    expect(h.slopes().secant).toEqual(['3.200000', '1.000000']);
    expect(h.slopes().exact[0]).toBe('2.200000');
    expect(h.path('secant')!.getAttribute('d')).not.toBe(secantBefore);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fn: 'square', h: 1 });
    expect(events[0]!.exact).toBeCloseTo(2.2, 10);
    expect(events[0]!.secant).toBeCloseTo(3.2, 10);
  });

  it('the h slider steps h down on a log scale, and the secant turns onto the tangent', async () => {
    const el = await mount('x0="1"');
    const h = harness(el);
    const tangent = h.pixelSlope('tangent');
    const gapAt = () => Math.abs(h.pixelSlope('secant') - tangent);
    const gapAtOne = gapAt();
    expect(gapAtOne).toBeGreaterThan(0.1);

    const slider = h.slider(/^step h/);
    await press(slider, '{ArrowRight}');
    expect(el.h).toBe(0.5);
    expect(el.getAttribute('h')).toBe('0.5');
    expect(slider.getAttribute('aria-valuetext')).toBe('h = 0.5');
    expect(h.slopes().secant).toEqual(['2.500000', '0.500000']);
    expect(gapAt()).toBeLessThan(gapAtOne);

    await press(slider, '{End}');
    expect(el.h).toBe(0.001);
    expect(el.getAttribute('h')).toBe('0.001');
    // For x² the secant is off by exactly h: linear in h.
    expect(h.slopes().secant).toEqual(['2.001000', '0.001000']);
    expect(gapAt()).toBeLessThan(0.01);
    expect(h.summary()).toContain('look like one line');
  });

  it('switching the function by keyboard redraws f and recomputes every slope', async () => {
    const el = await mount('x0="1" h="0.1"');
    const h = harness(el);
    const events = collect(el);
    const curveBefore = h.path('curve')!.getAttribute('d');

    // Arrow keys move through a radio group, as in any native one.
    await press(h.radio('x squared'), '{ArrowRight}');
    expect(el.fn).toBe('cube');
    expect(el.getAttribute('fn')).toBe('cube');
    expect(h.slopes().exact[0]).toBe('3.000000');

    await userEvent.click(h.radio('sine of x'));
    await el.updateComplete;
    expect(el.fn).toBe('sin');
    expect(h.path('curve')!.getAttribute('d')).not.toBe(curveBefore);
    const [secant, central, exact] = [
      (Math.sin(1.1) - Math.sin(1)) / 0.1,
      (Math.sin(1.1) - Math.sin(0.9)) / 0.2,
      Math.cos(1),
    ];
    expect(number(h.slopes().exact[0]!)).toBeCloseTo(exact, 6);
    expect(number(h.slopes().secant[0]!)).toBeCloseTo(secant, 6);
    expect(number(h.slopes().central[0]!)).toBeCloseTo(central, 6);
    expect(number(h.slopes().secant[1]!)).toBeCloseTo(Math.abs(secant - exact), 6);
    expect(h.part('formula')).toContain('f′(1.0) = cos(1.0)');
    expect(events.map((e) => e.fn)).toEqual(['cube', 'sin']);
  });

  it('the data table shows the secant error shrinking like h and the central one like h²', async () => {
    const el = await mount('fn="cube" x0="1" h="0.5"');
    const { table, rows } = await readDataTable(el, 'table[part~="table"]');
    expect(rows.map((r) => r[0])).toEqual(['1', '0.5', '0.1', '0.01', '0.001']);
    // x³ at 1: secant error 3h + h², central error h² exactly.
    expect(rows.map((r) => number(r[2]!))).toEqual([4, 1.75, 0.31, 0.0301, 0.003001]);
    expect(rows.map((r) => number(r[4]!))).toEqual([1, 0.25, 0.01, 0.0001, 0.000001]);
    expect(table.querySelector('tr.current th')?.textContent).toBe('0.5');
  });

  it('“Shrink h” animates h down to 0.001 and reports once, at the end', async () => {
    const el = await mount('h="0.01"');
    const h = harness(el);
    const events = collect(el);
    const shrink = h.button(/shrink h/i);
    await userEvent.click(shrink);
    await el.updateComplete;
    expect(text(shrink)).toBe('Stop');
    expect(shrink.getAttribute('aria-pressed')).toBe('true');
    expect(h.summary()).toMatch(/shrinking h/i);
    await expect.poll(() => el.h, { timeout: 4000 }).toBe(0.001);
    await el.updateComplete;
    expect(text(shrink)).toBe('Shrink h');
    expect(el.getAttribute('h')).toBe('0.001');
    expect(events).toHaveLength(1);
    expect(events[0]!.h).toBe(0.001);
  });

  it('“Stop” halts the animation where it is', async () => {
    const el = await mount('h="1"');
    const h = harness(el);
    const events = collect(el);
    await userEvent.click(h.button(/shrink h/i));
    await expect.poll(() => el.h).toBeLessThan(1);
    // The animation moves h in every frame: two frames are enough to see it move…
    const running = el.h;
    await frames(2);
    expect(el.h).toBeLessThan(running);
    await userEvent.click(h.button(/stop/i));
    const stoppedAt = el.h;
    expect(stoppedAt).toBeGreaterThan(0.001);
    expect(events).toHaveLength(1);
    // …and after Stop, as many frames later (and more), it has not moved.
    await frames(3);
    expect(el.h).toBe(stoppedAt);
    await el.updateComplete;
    expect(text(h.button(/shrink h/i))).toBe('Shrink h');
    expect(events).toHaveLength(1);
  });

  it('under prefers-reduced-motion, “Shrink h” jumps straight to h = 0.001', async () => {
    await withReducedMotion(async () => {
      const el = await mount('h="1"');
      const events = collect(el);
      await userEvent.click(harness(el).button(/shrink h/i));
      await el.updateComplete;
      expect(el.h).toBe(0.001);
      expect(text(harness(el).button(/shrink h/i))).toBe('Shrink h');
      expect(events).toHaveLength(1);
    });
  });

  itFallsBackOnBadAttributes(
    mount,
    [
      ['fn', 'tan', 'fn', 'square'],
      ['h', '0', 'h', 1],
      ['x0', 'abc', 'x0', 1],
      ['mode', 'chains', 'mode', 'slope'],
    ],
    {
      drawn: (el) =>
        expect(harness(el).path('curve')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/),
      update: (el) => (el.x0 = 0.5),
    },
  );
});

describe('<nn-derivative> in chain mode', () => {
  it('writes out each factor of the chain rule, and their product matches the numeric slope', async () => {
    const el = await mount('mode="chain" weight="2" bias="-1" x0="1"');
    const h = harness(el);
    // z = 2·1 − 1 = 1; σ(1) = 0.7311; σ′(1) = 0.1966; ∂a/∂x = 0.1966 · 2 = 0.3932.
    const s = 1 / (1 + Math.exp(-1));
    expect(h.part('formula')).toContain('z = w·x + b = 2.0 · 1.0 − 1.0 = 1.00');
    expect(h.part('formula')).toContain('∂z/∂x = w = 2.0');
    expect(h.part('formula')).toContain('da/dz = σ(z)(1 − σ(z)) = 0.7311 · (1 − 0.7311) = 0.1966');
    expect(h.value('dz')).toBe(2);
    expect(h.value('da')).toBeCloseTo(s * (1 - s), 4);
    expect(h.value('product')).toBeCloseTo(h.value('da') * h.value('dz'), 3);
    expect(h.value('product')).toBeCloseTo(h.value('numeric'), 4);
    expect(h.part('formula')).toContain('✓ agrees');
    expect(h.path('secant')?.getAttribute('display')).toBe('none');
    expect(h.svg().getAttribute('aria-label')).toMatch(/σ\(w·x \+ b\) against the input x/);
  });

  it('the weight slider and the “with respect to” choice change the factors', async () => {
    const el = await mount('mode="chain" weight="2" bias="-1" x0="1"');
    const h = harness(el);
    const events = collect(el);

    await press(h.slider(/^weight w/), '{ArrowLeft}');
    expect(el.getAttribute('weight')).toBe('1.9');
    expect(h.value('dz')).toBe(1.9);
    // z = 1.9 − 1 = 0.9
    const s = 1 / (1 + Math.exp(-0.9));
    expect(h.value('product')).toBeCloseTo(s * (1 - s) * 1.9, 4);
    expect(h.value('product')).toBeCloseTo(h.value('numeric'), 4);

    // ∂z/∂w = x: how the output changes when the weight changes, the question of training.
    await userEvent.click(h.radio('the weight w'));
    await el.updateComplete;
    expect(el.getAttribute('wrt')).toBe('w');
    expect(h.part('formula')).toContain('∂z/∂w = x = 1.0');
    expect(h.value('product')).toBeCloseTo(s * (1 - s) * 1, 4);
    expect(h.value('product')).toBeCloseTo(h.value('numeric'), 4);

    await userEvent.click(h.radio('the bias b'));
    await el.updateComplete;
    expect(h.part('formula')).toContain('∂z/∂b = 1');
    expect(h.value('product')).toBeCloseTo(h.value('da'), 4);
    expect(events.map((e) => e.wrt)).toEqual(['x', 'w', 'b']);
    expect(events[0]!.exact).toBeCloseTo(s * (1 - s) * 1.9, 10);
    expect(events[0]!.central).toBeCloseTo(events[0]!.exact, 6);
  });

  it('a bad wrt falls back to x with one warning', async () => {
    const warn = silenceWarnings();
    const el = await mount('mode="chain" wrt="z"');
    expect(el.wrt).toBe('x');
    expect(harness(el).part('formula')).toContain('∂z/∂x = w');
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('<nn-derivative> layout and accessibility', () => {
  it('fits a 375px phone without horizontal scrolling, in both modes', async () => {
    for (const mode of ['slope', 'chain']) {
      const el = await place(`mode="${mode}" fn="sigmoid"`, 343);
      const h = harness(el);
      await expect.poll(() => h.svg().getAttribute('viewBox')).toMatch(/^0 0 3\d\d /);
      await showDataTable(el);
      expect(el.scrollWidth, mode).toBeLessThanOrEqual(el.clientWidth + 1);
      for (const child of el.shadowRoot!.querySelectorAll('.layout > *')) {
        expect((child as HTMLElement).getBoundingClientRect().right, mode).toBeLessThanOrEqual(
          el.getBoundingClientRect().right,
        );
      }
    }
  });

  it('has no axe violations in light mode (slope mode, data table shown)', async () => {
    await expectNoAxeViolationsWithTable(await mount('fn="exp" x0="0.5" h="0.2"'));
  });

  it('has no axe violations in dark mode (both modes)', async () => {
    for (const attributes of ['fn="sin" h="0.5"', 'mode="chain" wrt="w"']) {
      await expectNoAxeViolationsInDarkWithTable(() => mount(attributes));
    }
  });
});
