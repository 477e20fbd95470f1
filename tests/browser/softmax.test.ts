import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/softmax/index';
import type { SoftmaxChangeDetail } from '../../src/widgets/softmax/index';
import { COMMON_ATTRIBUTES, WIDGETS } from '../../src/widgets/catalog';
import { expectNoAxeViolationsInDarkWithTable, expectNoAxeViolationsWithTable } from './axe';
import {
  choiceNamed,
  collectDetails,
  controlNamed,
  describedBy,
  expectFitsItsWidth,
  expectOneWarning,
  itFallsBackOnBadAttributes,
  readDataTable,
  retype,
  showDataTable,
  silenceWarnings,
  text,
  typeRefused,
  widgetTest,
} from './harness';

const TAG = 'nn-softmax';

/** Finds controls the way a user does: by their role and name. */
const { mount, harness } = widgetTest(TAG, (root) => ({
  slider: (name: string) => controlNamed(root, 'input[type="range"]', name),
  field: (name: string) => controlNamed(root, 'input[type="text"]', name),
  radio: (name: string) => choiceNamed(root, name, 'label.choice'),
  temperature: () => root.getElementById('temperature') as HTMLInputElement,
  rows: () => [...root.querySelectorAll('li.row')],
  /** Each row's probability as shown, e.g. "65.9%". */
  percents: () =>
    [...root.querySelectorAll('li.row .pct')].map((p) => text(p).replace(/^probability /, '')),
  /** Each row's gradient as shown, e.g. "−0.341". */
  gradients: () =>
    [...root.querySelectorAll('li.row .grad')].map((g) => /[+−]?\d\.\d{3}/.exec(text(g))![0]),
  bars: () => [...root.querySelectorAll<SVGRectElement>('li.row rect.fill')],
}));

const collect = (el: Element) => collectDetails<SoftmaxChangeDetail>(el);

describe('<nn-softmax>', () => {
  it('observes exactly the attributes listed in the catalog', () => {
    const doc = WIDGETS.find((w) => w.tag === TAG)!;
    const ctor = customElements.get(TAG) as unknown as { observedAttributes: string[] };
    expect([...ctor.observedAttributes].sort()).toEqual(
      [...doc.attributes, ...COMMON_ATTRIBUTES].map((a) => a.name).sort(),
    );
  });

  it('shows the probabilities of 2, 1, 0.1 as bars, the loss of the right class and the gradients', async () => {
    const el = await mount('labels="cat, dog, bird"');
    const h = harness(el);
    expect(h.rows()).toHaveLength(3);
    expect(h.percents()).toEqual(['65.9%', '24.2%', '9.9%']);
    expect(h.gradients()).toEqual(['−0.341', '+0.242', '+0.099']);
    expect(h.part('formula')).toContain('p₁ = e^(z₁) / Σⱼ e^(zⱼ) = 7.39 / (7.39 + 2.72 + 1.11)');
    expect(h.part('formula')).toContain('L = −log p₁ = −log 0.659 = 0.417');
    expect(h.part('formula')).toContain('The 3 probabilities add up to 1.000.');
    expect(h.part('summary')).toContain('The most likely class is cat, the right one.');
    // The bars are as long as the probabilities.
    expect(h.bars().map((b) => b.getAttribute('width'))).toEqual(['65.90', '24.24', '9.86']);
    expect(text(h.rows()[0])).toContain('right class');
    expect(h.slider('score z₂ of dog').getAttribute('aria-valuetext')).toBe(
      '1.0, probability 24.2%',
    );
  });

  it('arrow keys on a score move it by 0.1; probabilities, attribute and nn-change follow', async () => {
    const el = await mount('labels="cat, dog, bird"');
    const h = harness(el);
    const events = collect(el);
    h.slider('score z₃ of bird').focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    await el.updateComplete;
    expect(el.getAttribute('logits')).toBe('2 1 0.4');
    expect(h.field('score z₃ of bird').value).toBe('0.4');
    // e^0.4 / (e^2 + e^1 + e^0.4) = 1.492 / 11.600 = 0.1286
    expect(h.percents()[2]).toBe('12.9%');
    expect(events).toHaveLength(3);
    expect(events.at(-1)!.logits).toEqual([2, 1, 0.4]);
    expect(events.at(-1)!.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
  });

  it('typing a score updates everything; text that is not a number gets a message in place', async () => {
    const el = await mount();
    const h = harness(el);
    const events = collect(el);
    const field = h.field('score z₂ of class 2');

    await typeRefused(field, 'abc', '“abc” is not a number');
    expect(h.percents()).toEqual(['65.9%', '24.2%', '9.9%']);
    expect(events).toHaveLength(0);
    await typeRefused(field, '15', 'Use a number from −10 to 10.');
    expect(describedBy(field)).toBe('Use a number from −10 to 10.');

    await retype(field, '2');
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(el.getAttribute('logits')).toBe('2 2 0.1');
    expect(h.percents()).toEqual(['46.5%', '46.5%', '7.0%']);
    expect(h.part('summary')).toContain('class 1 46.5%, class 2 46.5%');
    expect(events.at(-1)!.logits).toEqual([2, 2, 0.1]);

    // ↑ in the field steps it by 0.1.
    await userEvent.keyboard('{ArrowUp}');
    await el.updateComplete;
    expect(el.getAttribute('logits')).toBe('2 2.1 0.1');
  });

  it('choosing another right class moves the loss and flips the signs of the gradients', async () => {
    const el = await mount('labels="cat, dog, bird"');
    const h = harness(el);
    await userEvent.click(h.radio('bird'));
    await el.updateComplete;
    expect(el.getAttribute('target')).toBe('3');
    expect(h.part('formula')).toContain('L = −log p₃ = −log 0.0986 = 2.317');
    expect(h.gradients()).toEqual(['+0.659', '+0.242', '−0.901']);
    expect(text(h.rows()[2])).toContain('right class');
    expect(h.part('summary')).toContain('The most likely class is cat, but the right one is bird.');
  });

  it('the temperature slider flattens the probabilities (log scale, keyboard)', async () => {
    const el = await mount();
    const h = harness(el);
    const events = collect(el);
    const slider = h.temperature();
    slider.focus();
    // 6 steps of 0.05 along log₁₀ T: T = 10^0.3 ≈ 2.
    await userEvent.keyboard('{ArrowRight}'.repeat(6));
    await el.updateComplete;
    expect(el.getAttribute('temperature')).toBe('2');
    expect(h.percents()).toEqual(['50.2%', '30.4%', '19.4%']);
    expect(h.part('formula')).toContain('p₁ = e^(z₁/T) / Σⱼ e^(zⱼ/T)');
    expect(events.at(-1)!.temperature).toBe(2);
    expect(slider.getAttribute('aria-valuetext')).toBe('2.0');
    // All the way down: T = 0.1 sharpens towards the largest score.
    await userEvent.keyboard('{Home}');
    await el.updateComplete;
    expect(el.getAttribute('temperature')).toBe('0.1');
    expect(h.percents()[0]).toBe('more than 99.9%');
  });

  it('+1 to every score changes the scores but not one probability', async () => {
    const el = await mount('logits="2 1 0.1 9.5" classes="3"');
    const h = harness(el);
    const before = h.percents();
    await userEvent.click(h.button(/^\+1 to every score$/));
    await el.updateComplete;
    expect(el.getAttribute('logits')).toBe('3 2 1.1 9.5');
    expect(h.percents()).toEqual(before);
    for (let i = 0; i < 7; i++) await userEvent.click(h.button(/^\+1 to every score$/));
    await el.updateComplete;
    expect(el.getAttribute('logits')).toBe('10 9 8.1 9.5');
    // One more would push a score past 10: the button says it cannot.
    expect(h.button(/^\+1 to every score$/).getAttribute('aria-disabled')).toBe('true');
    // (Playwright will not click an aria-disabled button; a reader still can.)
    h.button(/^\+1 to every score$/).click();
    await el.updateComplete;
    expect(el.getAttribute('logits')).toBe('10 9 8.1 9.5');
    expect(h.percents()).toEqual(before);
  });

  it('more classes adds rows (score 0); fewer keeps the right class a class', async () => {
    const el = await mount('target="3"');
    const h = harness(el);
    await userEvent.click(h.button(/^More classes$/));
    await el.updateComplete;
    expect(el.getAttribute('classes')).toBe('4');
    expect(h.rows()).toHaveLength(4);
    expect(h.field('score z₄ of class 4').value).toBe('0');
    expect(h.part('formula')).toContain('The 4 probabilities add up to 1.000.');
    await userEvent.click(h.button(/^Fewer classes$/));
    await userEvent.click(h.button(/^Fewer classes$/));
    await el.updateComplete;
    expect(h.rows()).toHaveLength(2);
    expect(el.getAttribute('target')).toBe('2');
    expect(h.button(/^Fewer classes$/).getAttribute('aria-disabled')).toBe('true');
  });

  it('shows a data table of every class on demand', async () => {
    const el = await mount('labels="cat, dog, bird" target="2"');
    const { rows } = await readDataTable(el);
    expect(rows).toEqual([
      ['cat', '2.0', '0.6590', '+0.659'],
      ['dog (right class)', '1.0', '0.2424', '−0.758'],
      ['bird', '0.1', '0.0986', '+0.099'],
    ]);
  });

  itFallsBackOnBadAttributes(
    mount,
    [
      ['logits', '1 2 abc', 'logits', [2, 1, 0.1]],
      ['classes', '11', 'classes', 3],
      ['temperature', '0', 'temperature', 1],
      ['labels', 'a,,b', 'labels', []],
    ],
    {
      drawn: (el) => expect(harness(el).percents()).toEqual(['65.9%', '24.2%', '9.9%']),
      update: (el) => (el.target = 2),
    },
  );

  it('a right class beyond the classes is class 1, with one warning', async () => {
    const warn = silenceWarnings();
    const el = await mount('classes="3" target="7"');
    expect(harness(el).part('formula')).toContain('L = −log p₁');
    expectOneWarning(warn, 'target="7" is not a class 1 to 3');
  });

  it('fits a 375px phone with ten classes, without horizontal scrolling', async () => {
    const el = await mount(
      'classes="10" logits="-10 9.9 0.25 -3.5 1 2 3 4 5 6" labels="aeroplane, automobile, bird, cat, deer, dog, frog, horse, ship, truck" temperature="0.15"',
      343,
    );
    await showDataTable(el);
    expectFitsItsWidth(el, '.layout > *, li.row > *');
  });

  it('has no axe violations in light mode, with a bad field and the table shown', async () => {
    const el = await mount('labels="cat, dog, bird"');
    const h = harness(el);
    await retype(h.field('score z₂ of dog'), 'oops');
    await expectNoAxeViolationsWithTable(el);
  });

  it('has no axe violations in dark mode', async () => {
    await expectNoAxeViolationsInDarkWithTable(() =>
      mount('classes="5" target="4" temperature="3"'),
    );
  });
});
