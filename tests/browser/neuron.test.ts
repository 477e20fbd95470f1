import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/neuron/index';
import type { NeuronChangeDetail } from '../../src/widgets/neuron/index';
import { expectNoAxeViolationsInDarkWithTable, expectNoAxeViolationsWithTable } from './axe';
import {
  collectDetails,
  describedBy,
  expectFitsItsWidth,
  itFallsBackOnBadAttributes,
  readDataTable,
  retype,
  showDataTable,
  text,
  typeRefused,
  widgetTest,
} from './harness';

/** Finds controls the way a user does: by their label. */
const { mount, place, harness } = widgetTest('nn-neuron', (root, { labelled }) => ({
  field: (name: string) => labelled(new RegExp(`^${name}$`)),
  radio: (pattern: RegExp) => labelled(pattern),
  fields: () => [...root.querySelectorAll<HTMLInputElement>('input[type="text"]')],
  svg: () => root.querySelector('svg')!,
  edges: () => [...root.querySelectorAll<SVGLineElement>('svg line.edge')],
  summary: () => text(root.querySelector('figcaption[aria-live]')),
}));

const collect = (el: Element) => collectDetails<NeuronChangeDetail>(el);

describe('<nn-neuron>', () => {
  it('renders two inputs, signed weighted edges, and z and a written out with numbers', async () => {
    const el = await mount();
    const h = harness(el);
    expect(el.inputs).toBe(2);
    expect(el.x).toEqual([1, 0.5]);
    expect(el.w).toEqual([0.8, -0.4]);
    expect(el.bias).toBe(0.1);
    // z = 0.8·1 + (−0.4)·0.5 + 0.1 = 0.7; σ(0.7) ≈ 0.668
    expect(h.part('formula')).toContain('= 0.8 · 1 + (−0.4) · 0.5 + 0.1 = 0.70');
    expect(h.part('formula')).toContain('a = σ(z) = σ(0.70) = 0.668');
    expect(h.summary()).toContain('Weighted sum z = 0.70, output a = σ(z) = 0.668');

    expect(h.svg().getAttribute('role')).toBe('img');
    expect(h.svg().getAttribute('aria-label')).toMatch(
      /2 inputs: x1 = 1 with weight 0.8, x2 = 0.5 with weight −0.4; bias 0.1/,
    );
    const edges = h.edges();
    expect(edges.map((e) => e.dataset['sign'])).toEqual(['positive', 'negative']);
    // The sign is in the label and the line style, not only the colour.
    expect(text(h.svg())).toContain('w₁ = +0.8');
    expect(text(h.svg())).toContain('w₂ = −0.4');
    expect(edges[0]!.style.strokeDasharray).toBe('');
    expect(edges[1]!.style.strokeDasharray).not.toBe('');
    // A larger |w| draws a thicker edge.
    expect(Number(edges[0]!.style.strokeWidth)).toBeGreaterThan(
      Number(edges[1]!.style.strokeWidth),
    );
  });

  it('typing a weight updates z, a, the diagram, the attribute and fires nn-change', async () => {
    const el = await mount();
    const h = harness(el);
    const events = collect(el);

    await retype(h.field('weight w₁'), '0.5');

    // z = 0.5·1 − 0.2 + 0.1 = 0.4; σ(0.4) ≈ 0.599
    expect(el.w).toEqual([0.5, -0.4]);
    expect(el.getAttribute('w')).toBe('0.5 -0.4');
    expect(h.part('formula')).toContain('= 0.5 · 1 + (−0.4) · 0.5 + 0.1 = 0.40');
    expect(h.part('formula')).toContain('σ(0.40) = 0.599');
    expect(text(h.svg())).toContain('w₁ = +0.5');
    const last = events.at(-1)!;
    expect(last.w).toEqual([0.5, -0.4]);
    expect(last.z).toBeCloseTo(0.4, 10);
    expect(last.output).toBeCloseTo(1 / (1 + Math.exp(-0.4)), 10);
  });

  it('ArrowUp and ArrowDown step a field by 0.1', async () => {
    const el = await mount();
    const h = harness(el);
    const w2 = h.field('weight w₂');
    w2.focus();
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    await el.updateComplete;
    expect(el.w).toEqual([0.8, -0.2]);
    expect(el.getAttribute('w')).toBe('0.8 -0.2');
    expect(w2.value).toBe('−0.2');
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect(el.w[1]).toBeCloseTo(-0.3, 12);
    // z = 0.8 − 0.15 + 0.1 = 0.75
    expect(h.part('formula')).toContain('= 0.75');

    const bias = h.field('bias b');
    bias.focus();
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect(el.getAttribute('bias')).toBe('0');
  });

  it('going from 2 to 4 inputs adds fields and edges; going back keeps what was typed', async () => {
    const el = await mount();
    const h = harness(el);
    expect(h.fields()).toHaveLength(5); // x₁ w₁ x₂ w₂ b

    await userEvent.click(h.radio(/^4$/));
    await el.updateComplete;
    expect(el.inputs).toBe(4);
    expect(el.getAttribute('inputs')).toBe('4');
    expect(h.fields()).toHaveLength(9);
    expect(h.edges()).toHaveLength(4);
    expect(h.part('formula')).toContain('w₄x₄');
    // Filled in: x₃ = −1, x₄ = 2, w₃ = 0.3, w₄ = −0.6.
    // z = 0.8 − 0.2 − 0.3 − 1.2 + 0.1 = −0.8
    expect(h.part('formula')).toContain('= −0.80');

    await retype(h.field('input x₄'), '3');
    expect(el.getAttribute('x')).toBe('1 0.5 -1 3');

    // Keyboard: the radio group moves with the arrow keys.
    h.radio(/^4$/).focus();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    await el.updateComplete;
    expect(el.inputs).toBe(2);
    expect(h.fields()).toHaveLength(5);
    expect(h.edges()).toHaveLength(2);
    expect(h.part('formula')).toContain('= 0.70');

    await userEvent.click(h.radio(/^4$/));
    await el.updateComplete;
    expect(h.field('input x₄').value).toBe('3');
  });

  it('a field that is not a number gets a message in place; the last valid result stays', async () => {
    const el = await mount();
    const h = harness(el);
    const events = collect(el);
    const x1 = h.field('input x₁');

    await typeRefused(x1, 'abc', '“abc” is not a number');
    expect(h.part('formula')).toContain('= 0.70');
    expect(el.getAttribute('x')).toBe('1 0.5');
    expect(events).toHaveLength(0);
    await typeRefused(x1, '1,5', 'Use a dot for decimals: 1.5');
    await typeRefused(x1, '99', 'from −10 to 10');

    await retype(x1, '2');
    expect(x1.getAttribute('aria-invalid')).toBe('false');
    expect(describedBy(x1)).toBe('');
    // z = 1.6 − 0.2 + 0.1 = 1.5
    expect(h.part('formula')).toContain('= 1.50');
    expect(el.getAttribute('x')).toBe('2 0.5');
    expect(events.at(-1)!.x).toEqual([2, 0.5]);
  });

  it('the activation can be switched to none (a linear neuron)', async () => {
    const el = await mount('x="2 1" w="1.5 -2" bias="-0.5"');
    const h = harness(el);
    expect(h.part('formula')).toContain('= 1.5 · 2 + (−2) · 1 − 0.5 = 0.50');
    await userEvent.click(h.radio(/none/));
    await el.updateComplete;
    expect(el.getAttribute('activation')).toBe('none');
    expect(h.part('formula')).toContain('a = z = 0.50');
    expect(h.svg().querySelector('.neuron .symbol')?.textContent).toBe('Σ');
  });

  it('a caller setting an attribute replaces a half-typed field', async () => {
    const el = await mount();
    const h = harness(el);
    await retype(h.field('weight w₁'), 'x');
    el.setAttribute('w', '0.25 0.5');
    await el.updateComplete;
    expect(h.field('weight w₁').value).toBe('0.25');
    expect(describedBy(h.field('weight w₁'))).toBe('');
    expect(h.part('formula')).toContain('= 0.25 · 1 + 0.5 · 0.5 + 0.1 = 0.60');
  });

  it('shows a data table of each input’s contribution on demand', async () => {
    const el = await mount('inputs="3" x="1 2 -1" w="0.5 -1 2" bias="0.25"');
    const { rows } = await readDataTable(el);
    // z = 0.5 − 2 − 2 + 0.25 = −3.25
    expect(rows).toEqual([
      ['input 1', '1', '0.5', '0.50'],
      ['input 2', '2', '−1', '−2.00'],
      ['input 3', '−1', '2', '−2.00'],
      ['bias b', '', '', '0.25'],
      ['sum z', '', '', '−3.25'],
      ['output a = σ(z)', '', '', '0.037'],
    ]);
  });

  itFallsBackOnBadAttributes(
    mount,
    [
      ['w', '0.8 abc', 'w', [0.8, -0.4]],
      ['x', '1 2 3 4 5', 'x', [1, 0.5]],
      ['inputs', '7', 'inputs', 2],
      ['bias', 'NaN', 'bias', 0.1],
      ['activation', 'softsign', 'activation', 'sigmoid'],
    ],
    {
      drawn: (el) => expect(harness(el).part('formula')).toContain('= 0.70'),
      update: (el) => (el.bias = 0.2),
    },
  );

  it('fits a 375px phone with four inputs, without horizontal scrolling', async () => {
    const el = await place('inputs="4" x="-2.5 1 0.25 3" w="-1.5 2 0 0.75"', 343);
    const h = harness(el);
    await expect.poll(() => h.svg().getAttribute('viewBox')).toMatch(/^0 0 3\d\d /);
    await showDataTable(el);
    expectFitsItsWidth(el);
  });

  it('has no axe violations in light mode, with a bad field and the table shown', async () => {
    const el = await mount('inputs="3"');
    const h = harness(el);
    await retype(h.field('input x₂'), 'oops');
    await expectNoAxeViolationsWithTable(el);
  });

  it('has no axe violations in dark mode', async () => {
    await expectNoAxeViolationsInDarkWithTable(() => mount('inputs="4" w="0.8 -0.4 0 2"'));
  });
});
