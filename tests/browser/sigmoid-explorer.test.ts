import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/sigmoid-explorer/index';
import type { SigmoidChangeDetail } from '../../src/widgets/sigmoid-explorer/index';
import { expectNoAxeViolationsInDarkWithTable, expectNoAxeViolationsWithTable } from './axe';
import {
  collectDetails,
  expectOneWarning,
  itFallsBackOnBadAttributes,
  press,
  readDataTable,
  silenceWarnings,
  text,
  widgetTest,
} from './harness';

/**
 * A small harness: finds controls the way a user does, by their label or accessible name.
 * It reads the shadow root but never calls private members of the element.
 */
const { mount, place, harness } = widgetTest('nn-sigmoid-explorer', (root, { labelled }) => ({
  slider: (name: 'weight' | 'bias' | 'input') => labelled(new RegExp(`^${name}\\b`)),
  /** Plane mode's sliders, by their visible label: "weight w1", "input x2", "bias b". */
  planeSlider: (label: string) => labelled(new RegExp(`^${label}$`)),
  boundary: () => root.querySelector<SVGPathElement>('svg path.boundary'),
  frame: () => root.querySelector<SVGRectElement>('svg rect.frame'),
  derivativeToggle: () => labelled(/derivative/i),
  svg: () => root.querySelector('svg')!,
  curve: () => root.querySelector<SVGPathElement>('svg path.curve'),
  derivativeCurve: () =>
    root.querySelector<SVGPathElement>('svg path.derivative:not([display="none"])'),
  summary: () => root.querySelector('[aria-live]')!,
}));

describe('<nn-sigmoid-explorer>', () => {
  it('renders the curve σ(w·x + b) with the current point, from its defaults', async () => {
    const el = await mount();
    const h = harness(el);
    expect(el.weight).toBe(1);
    expect(el.bias).toBe(0);
    expect(el.input).toBe(0);
    expect(el.derivative).toBe(false);
    expect(h.svg().getAttribute('role')).toBe('img');
    expect(h.svg().getAttribute('aria-label')).toMatch(/σ\(w·x \+ b\)/);
    expect(h.curve()?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(h.svg().querySelectorAll('path.curve')).toHaveLength(1);
    expect(h.svg().querySelector('circle.point')).not.toBeNull();
    expect(h.derivativeCurve()).toBeNull();
    expect(h.part('formula')).toContain('= 1.0 · 0.0 + 0.0 = 0.00');
    expect(h.part('formula')).toContain('= 0.500');
    expect(text(h.summary())).toContain('At x = 0.0, z = 0.00 and σ(z) = 0.500.');
  });

  it('substitutes attribute values into the formula and reads the output as a probability', async () => {
    const el = await mount('weight="2" bias="-1" input="-0.5"');
    const h = harness(el);
    // z = 2 · (−0.5) − 1 = −2, σ(−2) ≈ 0.119
    expect(h.part('formula')).toContain('= 2.0 · (−0.5) − 1.0 = −2.00');
    expect(h.part('formula')).toContain('= 0.119');
    expect(h.part('formula')).toContain('12% sure the answer is “yes”');
    expect(text(h.summary())).toContain('crosses 0.5 at x = 0.50');
    expect(h.slider('bias').getAttribute('aria-valuetext')).toBe('minus 1.0');
  });

  it('ArrowRight on the weight slider changes the weight, its attribute, the formula and the curve', async () => {
    const el = await mount('weight="2" input="0.5"');
    const h = harness(el);
    const before = h.curve()!.getAttribute('d');
    expect(h.part('formula')).toContain('= 2.0 · 0.5 + 0.0 = 1.00');

    await press(h.slider('weight'), '{ArrowRight}');

    expect(el.weight).toBeCloseTo(2.1, 10);
    expect(el.getAttribute('weight')).toBe('2.1');
    expect(h.part('formula')).toContain('= 2.1 · 0.5 + 0.0 = 1.05');
    expect(h.curve()!.getAttribute('d')).not.toBe(before);
    expect(h.svg().querySelectorAll('path.curve')).toHaveLength(1);
  });

  it('Home and End on the input slider reach the ends of its range', async () => {
    const el = await mount();
    const h = harness(el);
    await press(h.slider('input'), '{End}');
    expect(el.input).toBe(6);
    expect(el.getAttribute('input')).toBe('6');
    await press(h.slider('input'), '{Home}');
    expect(el.input).toBe(-6);
    expect(text(h.summary())).toContain('At x = −6.0');
  });

  it('fires a bubbling, composed nn-change with the new state on user changes only', async () => {
    const el = await mount('weight="2" bias="0.5" input="1"');
    const events: CustomEvent<SigmoidChangeDetail>[] = [];
    document.body.addEventListener('nn-change', (e) =>
      events.push(e as CustomEvent<SigmoidChangeDetail>),
    );

    el.setAttribute('bias', '1'); // a caller's change is not a user change
    await el.updateComplete;
    expect(events).toHaveLength(0);

    await press(harness(el).slider('input'), '{ArrowLeft}');
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.bubbles).toBe(true);
    expect(event.composed).toBe(true);
    const z = 2 * 0.9 + 1;
    expect(event.detail).toMatchObject({ weight: 2, bias: 1, derivative: false });
    expect(event.detail.input).toBeCloseTo(0.9, 10);
    expect(event.detail.z).toBeCloseTo(z, 10);
    expect(event.detail.output).toBeCloseTo(1 / (1 + Math.exp(-z)), 10);
  });

  it('the derivative toggle overlays σ′ and shows its value, and reflects to the attribute', async () => {
    const el = await mount('weight="2" input="0.5"');
    const h = harness(el);
    const events = collectDetails<SigmoidChangeDetail>(el);
    expect(h.part('formula')).not.toContain('σ′');

    await userEvent.click(h.derivativeToggle());
    await el.updateComplete;

    expect(el.derivative).toBe(true);
    expect(el.hasAttribute('derivative')).toBe(true);
    expect(h.derivativeCurve()?.getAttribute('d')).toMatch(/^M/);
    // σ(1) ≈ 0.731, σ′(1) = 0.731 · 0.269 ≈ 0.197
    expect(h.part('formula')).toContain('σ′(z) = σ(z)(1 − σ(z)) = 0.731 · (1 − 0.731) = 0.197');
    expect(events.at(-1)).toMatchObject({ derivative: true });

    await press(h.derivativeToggle(), ' ');
    expect(el.hasAttribute('derivative')).toBe(false);
    expect(h.derivativeCurve()).toBeNull();
  });

  it('the derivative attribute turns the overlay on from markup', async () => {
    const el = await mount('derivative');
    expect(harness(el).derivativeToggle().checked).toBe(true);
    expect(harness(el).derivativeCurve()).not.toBeNull();
  });

  it('shows a data table of x, z, σ(z) (and σ′ when on) on demand', async () => {
    const el = await mount('weight="2" derivative');
    const h = harness(el);
    expect(h.table()).toBeNull();
    const { head, rows } = await readDataTable(el);
    expect(head).toEqual(['x', 'z', 'σ(z)', 'σ′(z)']);
    expect(rows).toHaveLength(13);
    // The middle row is x = 0: z = b = 0, σ = 0.5, σ′ = 0.25.
    expect(rows[6]).toEqual(['0.0', '0.00', '0.500', '0.250']);
    expect(rows[0]![0]).toBe('−6.0');
  });

  itFallsBackOnBadAttributes(
    mount,
    [
      ['weight', 'abc', 'weight', 1],
      ['weight', '99', 'weight', 1],
      ['input', '', 'input', 0],
    ],
    {
      drawn: (el) => expect(harness(el).curve()?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/),
      update: (el) => (el.bias = 1),
      also: ' bias="0.5"',
    },
  );

  it('redraws for its width: fits a 375px phone and uses the space at 900px', async () => {
    const el = await place('', 343);
    const h = harness(el);
    await expect.poll(() => h.svg().getAttribute('viewBox')).toMatch(/^0 0 3\d\d /);
    expect(h.svg().getBoundingClientRect().width).toBeLessThanOrEqual(343);
    expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
    const elements = h.svg().querySelectorAll('*').length;

    el.parentElement!.style.width = '900px';
    await expect
      .poll(() => Number(h.svg().getAttribute('viewBox')!.split(' ')[2]))
      .toBeGreaterThan(450);
    expect(h.svg().querySelectorAll('path.curve')).toHaveLength(1);
    // Redrawing updates in place: nothing is drawn twice.
    expect(h.svg().querySelectorAll('g.axis-x')).toHaveLength(1);
    expect(h.svg().querySelectorAll('text.axis-label')).toHaveLength(2);
    expect(Math.abs(h.svg().querySelectorAll('*').length - elements)).toBeLessThan(40); // ticks vary
  });

  it('has no axe violations in light mode, with derivative and table shown', async () => {
    await expectNoAxeViolationsWithTable(await mount('weight="-3" bias="2" input="1" derivative'));
  });

  it('has no axe violations in dark mode', async () => {
    await expectNoAxeViolationsInDarkWithTable(() => mount('weight="4" input="2" derivative'));
  });

  it('says the curve is almost a step when |w| is large, and not otherwise', async () => {
    const el = await mount('weight="10" input="0.5"');
    const h = harness(el);
    // σ goes from 0.05 to 0.95 while x moves 2·ln 19 / 10 ≈ 0.59.
    expect(h.part('hint')).toContain('With w = 10.0 the curve is almost a step');
    expect(h.part('hint')).toContain('σ goes from 0.05 to 0.95 while x moves only 0.59');
    expect(text(h.summary())).toContain('It is almost a step.');

    el.weight = -5;
    await el.updateComplete;
    expect(h.part('hint')).toContain('σ goes from 0.95 to 0.05 while x moves only 1.18');

    el.weight = 2;
    await el.updateComplete;
    expect(h.part('hint')).toBe('');
    expect(text(h.summary())).not.toContain('step');
  });
});

/** The end points of an SVG path "M x,y L x,y", in plane units, read through the plot's frame. */
function lineEnds(path: SVGPathElement, frame: SVGRectElement, lo: number, hi: number) {
  const [x1, y1, x2, y2] = (path.getAttribute('d')!.match(/-?[\d.]+/g) ?? []).map(Number);
  const fx = Number(frame.getAttribute('x'));
  const fy = Number(frame.getAttribute('y'));
  const side = Number(frame.getAttribute('width'));
  const toPlane = (px: number, py: number) => [
    lo + ((px - fx) / side) * (hi - lo),
    hi - ((py - fy) / side) * (hi - lo),
  ];
  return [toPlane(x1!, y1!), toPlane(x2!, y2!)] as const;
}

describe('<nn-sigmoid-explorer mode="plane">', () => {
  const PLANE = 'mode="plane" weight="2" weight2="-1" bias="1" input="1" input2="0.5"';

  it('shows two weights, two inputs and the formula with all the numbers', async () => {
    const el = await mount(PLANE);
    const h = harness(el);
    expect(el.mode).toBe('plane');
    for (const label of ['weight w1', 'weight w2', 'bias b', 'input x1', 'input x2']) {
      expect(h.planeSlider(label)).toBeInstanceOf(HTMLInputElement);
    }
    expect(() => h.derivativeToggle()).toThrow(); // the derivative belongs to the curve
    // z = 2 · 1 − 1 · 0.5 + 1 = 2.5, σ(2.5) ≈ 0.924
    expect(h.part('formula')).toContain('= 2.0 · 1.0 − 1.0 · 0.5 + 1.0 = 2.50');
    expect(h.part('formula')).toContain('= 0.924');
    expect(h.part('formula')).toContain('92% sure the answer is “yes”');
    expect(h.part('hint')).toContain('Decision line: 2.0·x1 − 1.0·x2 + 1.0 = 0');
    expect(h.part('hint')).toContain('“yes” side');
    expect(text(h.summary())).toContain('At (x₁, x₂) = (1.0, 0.5), z = 2.50 and σ(z) = 0.924.');
    expect(text(h.summary())).toContain('The decision line is the line x₂ = 2.00·x₁ + 1.00.');
  });

  it('draws the shaded plane, the decision line where w₁x₁ + w₂x₂ + b = 0, the weight arrow and the point', async () => {
    const el = await mount(PLANE);
    const h = harness(el);
    expect(h.svg().getAttribute('aria-label')).toMatch(/decision line w₁x₁ \+ w₂x₂ \+ b = 0/);
    expect(h.svg().querySelector('image.heatmap')?.getAttribute('href')).toMatch(
      /^data:image\/png/,
    );
    expect(h.svg().querySelector('g.weight-arrow')?.getAttribute('display')).toBeNull();
    expect(h.svg().querySelector('g.probe')?.getAttribute('transform')).toMatch(/^translate/);
    expect(h.curve()).toBeNull();
    // Both ends of the drawn line lie on 2·x₁ − x₂ + 1 = 0 (to drawing precision).
    for (const [x1, x2] of lineEnds(h.boundary()!, h.frame()!, -6, 6)) {
      expect(Math.abs(2 * x1! - x2! + 1)).toBeLessThan(0.05);
    }
  });

  it('the sliders change w₂ and x₂; the formula, the line, the attributes and nn-change follow', async () => {
    const el = await mount(PLANE);
    const h = harness(el);
    const events = collectDetails<SigmoidChangeDetail>(el);
    const line = h.boundary()!.getAttribute('d');

    await press(h.planeSlider('weight w2'), '{ArrowRight}');
    expect(el.weight2).toBeCloseTo(-0.9, 10);
    expect(el.getAttribute('weight2')).toBe('-0.9');
    expect(h.boundary()!.getAttribute('d')).not.toBe(line);
    // z = 2 · 1 − 0.9 · 0.5 + 1 = 2.55
    expect(h.part('formula')).toContain('= 2.0 · 1.0 − 0.9 · 0.5 + 1.0 = 2.55');
    expect(events.at(-1)).toMatchObject({ mode: 'plane', weight: 2, bias: 1, input: 1 });
    expect(events.at(-1)!.z).toBeCloseTo(2.55, 10);

    await press(h.planeSlider('input x2'), '{End}');
    // z = 2 − 0.9 · 6 + 1 = −2.4: the point crosses to the "no" side.
    expect(el.getAttribute('input2')).toBe('6');
    expect(text(h.summary())).toContain('“no” side (z < 0)');
    expect(events.at(-1)!.output).toBeCloseTo(1 / (1 + Math.exp(2.4)), 10);
  });

  it('with w₁ = w₂ = 0 there is no line, and it says so', async () => {
    const el = await mount('mode="plane" weight="0" weight2="0" bias="-1"');
    const h = harness(el);
    expect(h.boundary()!.getAttribute('display')).toBe('none');
    expect(h.svg().querySelector('g.weight-arrow')?.getAttribute('display')).toBe('none');
    expect(h.part('hint')).toContain('no decision line');
    expect(text(h.summary())).toContain('every point gets σ(b) = 0.269');
  });

  it('shows σ on a 5 × 5 grid of (x₁, x₂) as its data table', async () => {
    const el = await mount(PLANE);
    const { head, rows } = await readDataTable(el);
    expect(head).toEqual(['x₂ \\ x₁', '−6.0', '−3.0', '0.0', '3.0', '6.0']);
    expect(rows.map((r) => r[0])).toEqual(['6.0', '3.0', '0.0', '−3.0', '−6.0']);
    // The centre cell is x₁ = x₂ = 0: σ(b) = σ(1) ≈ 0.731.
    expect(rows[2]![3]).toBe('0.731');
  });

  it('switches between curve and plane through the attribute', async () => {
    const el = await mount('weight="2"');
    const h = harness(el);
    expect(h.curve()).not.toBeNull();
    el.setAttribute('mode', 'plane');
    await el.updateComplete;
    expect(h.curve()).toBeNull();
    expect(h.boundary()?.getAttribute('d')).toMatch(/^M/);
    el.removeAttribute('mode');
    await el.updateComplete;
    expect(el.mode).toBe('curve');
    expect(h.curve()?.getAttribute('d')).toMatch(/^M/);
    expect(h.svg().querySelector('image.heatmap')).toBeNull();
  });

  it('a bad mode falls back to the curve with exactly one warning', async () => {
    const warn = silenceWarnings();
    const el = await mount('mode="3d"');
    expect(el.mode).toBe('curve');
    expect(harness(el).curve()?.getAttribute('d')).toMatch(/^M/);
    el.weight = 2;
    await el.updateComplete;
    expectOneWarning(warn, 'mode="3d"');
  });

  it('has no axe violations in light and dark mode, with the table shown', async () => {
    await expectNoAxeViolationsWithTable(await mount(PLANE));
    await expectNoAxeViolationsInDarkWithTable(() => mount(PLANE));
  });
});
