import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/backprop-graph/index';
import type {
  BackpropChangeDetail,
  BackpropStepDetail,
} from '../../src/widgets/backprop-graph/index';
import { Value } from '../../src/math/autodiff';
import { fmt } from '../../src/widgets/backprop-graph/formulas';
import { NETWORK_DEFAULTS } from '../../src/widgets/backprop-graph/model';
import { expectNoAxeViolations } from './axe';
import {
  collectDetails,
  describedBy,
  inDarkMode,
  itFallsBackOnBadAttributes,
  press,
  text,
  widgetTest,
} from './harness';
import { settle } from './settle';

const TAG = 'nn-backprop-graph';

/** Finds what a user finds: buttons by their words, fields by their labels, nodes by their names. */
const { mount, harness } = widgetTest(TAG, (root) => {
  const field = (label: string): HTMLInputElement => {
    const found = [...root.querySelectorAll('label')].find(
      (l) => text(l).split(',')[0]!.replace(/\s/g, '') === label,
    );
    const input = found && root.getElementById(found.htmlFor);
    if (!(input instanceof HTMLInputElement)) throw new Error(`no field labelled ${label}`);
    return input;
  };
  const nodes = () => [...root.querySelectorAll<SVGGElement>('g.node')];
  return {
    field,
    nodes,
    node: (name: string) => nodes().find((n) => text(n.querySelector('text.name')) === name)!,
    focusable: () => nodes().filter((n) => n.getAttribute('tabindex') === '0'),
    listbox: () => root.querySelector('[role="listbox"]')!,
    live: () => text(root.querySelector('[aria-live]')),
    error: () => root.querySelector('[part~="error"]'),
    graph: () => root.querySelector<HTMLElement>('[part~="graph"]')!,
    active: () => root.activeElement,
    /** The node table as { name: [definition, value, gradient] }. */
    table: (): Record<string, string[]> =>
      Object.fromEntries(
        [...root.querySelectorAll('#node-table tbody tr')].map((row) => [
          text(row.querySelector('th')),
          [...row.querySelectorAll('td')].map(text),
        ]),
      ),
    checkRows: () => [...root.querySelectorAll('#check-table tbody tr')].map((r) => text(r)),
  };
});

/** The default network built independently with autodiff: every value and gradient. */
function reference(v: Record<string, number>) {
  const leaf = (k: string) => new Value(v[k]!, k);
  const [x1, x2, w11, w12, w21, w22, b1, b2, v1, v2, c, t] = [
    'x1',
    'x2',
    'w11',
    'w12',
    'w21',
    'w22',
    'b1',
    'b2',
    'v1',
    'v2',
    'c',
    't',
  ].map(leaf) as Value[];
  const h1 = w11!.mul(x1!).add(w12!.mul(x2!)).add(b1!).sigmoid();
  const h2 = w21!.mul(x1!).add(w22!.mul(x2!)).add(b2!).sigmoid();
  const yHat = v1!.mul(h1).add(v2!.mul(h2)).add(c!).sigmoid();
  const L = yHat.sub(t!).pow(2);
  L.backward();
  const leaves = { x1, x2, w11, w12, w21, w22, b1, b2, v1, v2, c, t } as Record<string, Value>;
  return {
    L: L.data,
    yHat: yHat.data,
    h1: h1.data,
    grad: Object.fromEntries(Object.entries(leaves).map(([k, n]) => [k, n.grad])),
    hGrad: [h1.grad, h2.grad],
  };
}

describe('<nn-backprop-graph>', () => {
  it('draws the default network as a listbox of 29 nodes with one tab stop, nothing computed yet', async () => {
    const el = await mount();
    const h = harness(el);
    expect(h.nodes()).toHaveLength(29);
    expect(h.listbox().getAttribute('aria-label')).toMatch(/network/);
    expect(h.focusable()).toHaveLength(1);
    expect(h.part('progress')).toBe('Ready: nothing computed yet.');
    // Leaves hold their numbers; operations wait for the forward pass.
    expect(text(h.node('w₁₁').querySelector('text.value'))).toBe('0.500');
    expect(text(h.node('h₁').querySelector('text.value'))).toBe('?');
    expect(h.node('h₁').getAttribute('aria-label')).toBe(
      'h₁ ?: h₁ = σ(z₁), a sigmoid; value not computed yet',
    );
    expect(h.node('w₁₁').getAttribute('aria-label')).toBe(
      'w₁₁ 0.500: weight from x₁ into h₁; gradient not computed yet',
    );
    // Every edge goes left to right, from an input to the node that uses it.
    const x = (n: SVGGElement) => n.getBoundingClientRect().x;
    expect(x(h.node('x₁'))).toBeLessThan(x(h.node('p₁₁')));
    expect(x(h.node('ŷ'))).toBeLessThan(x(h.node('L')));
    expect(h.button(/update the weights/i).disabled).toBe(true);
  });

  it('steps forward and backward with the keyboard, writing out each computation with numbers', async () => {
    const el = await mount();
    const h = harness(el);
    const steps = collectDetails<BackpropStepDetail>(el, 'nn-step');
    const ref = reference(NETWORK_DEFAULTS);

    await press(h.button(/next step/i), '{Enter}');
    expect(el.step).toBe(1);
    expect(el.getAttribute('step')).toBe('1');
    expect(h.part('progress')).toBe('Forward pass: step 1 of 17');
    expect(h.part('explanation')).toContain('p₁₁ = w₁₁ · x₁ = 0.500 · 1.000 = 0.500');
    expect(h.live()).toBe('Forward pass, step 1 of 17: p₁₁ = w₁₁ · x₁ = 0.500 · 1.000 = 0.500.');
    expect(h.node('p₁₁').getAttribute('data-current')).toBe('forward');
    expect(steps.at(-1)).toMatchObject({ step: 1, total: 46, phase: 'forward', node: 'p₁₁' });

    // Space works as well as Enter, and the focus stays on the button for the next press.
    await userEvent.keyboard(' ');
    expect(el.step).toBe(2);
    expect(h.part('explanation')).toContain('p₁₂ = w₁₂ · x₂ = (−1.000) · 0.500 = −0.500');

    await press(h.button(/finish the forward pass/i), '{Enter}');
    expect(el.step).toBe(17);
    expect(h.part('progress')).toBe('Forward pass: step 17 of 17');
    expect(h.live()).toContain(`The forward pass is complete: L = ${fmt(ref.L)}.`);
    expect(text(h.node('L').querySelector('text.value'))).toBe(fmt(ref.L));
    expect(text(h.node('h₁').querySelector('text.value'))).toBe(fmt(ref.h1));
    expect(text(h.node('L').querySelector('text.grad'))).toBe('');

    // The backward pass starts at the output: ∂L/∂L = 1.
    await press(h.button(/next step/i), '{Enter}');
    expect(h.part('progress')).toBe('Backward pass: step 1 of 29');
    expect(h.part('explanation')).toContain('∂L/∂L = 1');
    expect(text(h.node('L').querySelector('text.grad'))).toBe('grad 1.000');

    // Then e = ŷ − t: local derivative 2e, times the upstream gradient 1.
    await userEvent.keyboard('{Enter}');
    const e = ref.yHat - 1;
    expect(h.part('explanation')).toContain('∂L/∂e = ∂L/∂e × ∂L/∂L');
    expect(h.part('explanation')).toContain(
      `local derivative ∂L/∂e = 2e = 2 × (${fmt(e)}) = ${fmt(2 * e)}`,
    );
    expect(h.live()).toContain(
      `the gradient of L with respect to e is local derivative ${fmt(2 * e)}`,
    );
    expect(h.node('e').getAttribute('data-current')).toBe('backward');

    // ← Previous step goes back, and the gradient disappears again.
    await press(h.button(/previous step/i), '{Enter}');
    expect(el.step).toBe(18);
    expect(text(h.node('e').querySelector('text.grad'))).toBe('');
  });

  it('shows, at the end of the walk, exactly the gradients autodiff computes', async () => {
    const el = await mount('step="999"');
    const h = harness(el);
    const ref = reference(NETWORK_DEFAULTS);
    expect(h.part('progress')).toBe('Backward pass: step 29 of 29');
    await press(h.button(/show the table of nodes/i), '{Enter}');
    const table = h.table();
    expect(Object.keys(table)).toHaveLength(29);
    for (const [key, grad] of Object.entries(ref.grad)) {
      const name = key.replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);
      expect(table[name]![2], `∂L/∂${name}`).toBe(fmt(grad));
    }
    expect(table['h₁']).toEqual(['h₁ = σ(z₁)', fmt(ref.h1), fmt(ref.hGrad[0]!)]);
    expect(table['L']![1]).toBe(fmt(ref.L));
    expect(h.button(/next step/i).disabled).toBe(true);
  });

  it('sums the chain rule over both uses of x₁', async () => {
    // x₁ feeds both hidden units: find the backward step that reaches it.
    const el = await mount('step="17"');
    const h = harness(el);
    for (
      let step = 18;
      step <= 46 && !h.part('explanation').includes('gradient arrives at x₁');
      step++
    ) {
      el.step = step;
      await el.updateComplete;
    }
    expect(h.part('explanation')).toContain('∂L/∂x₁ = ∂p₁₁/∂x₁ × ∂L/∂p₁₁ + ∂p₂₁/∂x₁ × ∂L/∂p₂₁');
    expect(h.part('explanation')).toContain(`= ${fmt(reference(NETWORK_DEFAULTS).grad.x1!)}`);
  });

  it('moves between nodes with the arrow keys (a roving tabindex), and Enter on a leaf jumps to its field', async () => {
    const el = await mount();
    const h = harness(el);
    const start = h.focusable()[0]!;
    expect(text(start.querySelector('text.name'))).toBe('w₁₁');
    await press(start, '{ArrowRight}');
    const moved = h.active();
    expect(moved).not.toBe(start);
    expect(text(moved!.querySelector('text.name'))).toMatch(/^p/);
    expect(h.focusable()).toEqual([moved]);
    expect(moved!.getAttribute('aria-selected')).toBe('true');
    expect(start.getAttribute('tabindex')).toBe('-1');

    await userEvent.keyboard('{End}');
    await el.updateComplete;
    expect(text(h.active()!.querySelector('text.name'))).toBe('L');
    await userEvent.keyboard('{Home}');
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect(text(h.active()!.querySelector('text.name'))).toBe('x₁');
    expect(text(el.shadowRoot!.querySelector('[part~="node-details"]'))).toContain('x₁ (input 1)');

    await userEvent.keyboard('{Enter}');
    expect(h.active()).toBe(h.field('x₁'));

    // Tab leaves the graph and Shift+Tab comes back to the same node: one tab stop.
    await press(h.focusable()[0]!, '{Tab}');
    expect(h.active()!.closest?.('svg')).toBeNull();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(text(h.active()!.querySelector('text.name'))).toBe('x₁');
  });

  it('propagates an edit of an input through every value and gradient, and reflects it', async () => {
    const el = await mount('step="999"');
    const h = harness(el);
    const changes = collectDetails<BackpropChangeDetail>(el);
    const x1 = h.field('x₁');
    await userEvent.clear(x1);
    await userEvent.type(x1, '2');
    await el.updateComplete;
    const ref = reference({ ...NETWORK_DEFAULTS, x1: 2 });
    expect(el.getAttribute('values')).toContain('x1=2');
    expect(text(h.node('L').querySelector('text.value'))).toBe(fmt(ref.L));
    expect(text(h.node('w₁₁').querySelector('text.grad'))).toBe(`grad ${fmt(ref.grad.w11!)}`);
    expect(changes.at(-1)!.values.x1).toBe(2);
    expect(changes.at(-1)!.gradients.w11).toBeCloseTo(ref.grad.w11!, 12);

    // Not a number: a message in place, and the last valid result stays.
    await userEvent.clear(x1);
    await userEvent.type(x1, 'abc');
    await el.updateComplete;
    expect(x1.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(x1)).toBe('x₁: “abc” is not a number');
    expect(text(h.node('L').querySelector('text.value'))).toBe(fmt(ref.L));
    expect(el.shadowRoot!.textContent).not.toMatch(/NaN|Infinity/);
    // Leaving the field puts the last valid value back.
    x1.blur();
    await el.updateComplete;
    expect(x1.value).toBe('2');
    expect(x1.getAttribute('aria-invalid')).toBe('false');
  });

  it('the update step moves each weight by −η × its gradient and lowers the loss', async () => {
    const el = await mount('step="999" learning-rate="2"');
    const h = harness(el);
    const before = reference(NETWORK_DEFAULTS);
    await press(h.button(/update the weights/i), '{Enter}');
    const expected = Object.fromEntries(
      Object.entries(NETWORK_DEFAULTS).map(([k, v]) => [
        k,
        ['x1', 'x2', 't'].includes(k) ? v : v - 2 * before.grad[k]!,
      ]),
    );
    const after = reference(expected);
    expect(after.L).toBeLessThan(before.L);
    expect(Number(h.field('w₁₁').value)).toBeCloseTo(expected.w11!, 5);
    expect(Number(h.field('x₁').value)).toBe(1);
    expect(h.part('explanation')).toContain(
      `w₁₁ = 0.500 − 2.000 × ${fmt(before.grad.w11!).startsWith('−') ? `(${fmt(before.grad.w11!)})` : fmt(before.grad.w11!)} = ${fmt(expected.w11!)}`,
    );
    expect(h.part('explanation')).toContain(`L: ${fmt(before.L)} → ${fmt(after.L)} (lower)`);
    expect(h.live()).toContain(`L went from ${fmt(before.L)} to ${fmt(after.L)}: lower.`);
    // The new weights are the state: reflected to the attribute; the walk is back at the end of
    // the forward pass, the new gradients not yet computed.
    expect(el.getAttribute('values')).toContain(`w11=${Number(expected.w11!.toPrecision(6))}`);
    expect(el.step).toBe(17);
    expect(text(h.node('w₁₁').querySelector('text.grad'))).toBe('');
  });

  it('compares every revealed gradient with a numerical estimate', async () => {
    const el = await mount('step="17"');
    const h = harness(el);
    await press(h.button(/check the gradients numerically/i), '{Enter}');
    expect(h.checkRows()).toEqual([expect.stringMatching(/No gradient yet/)]);
    await press(h.button(/finish the backward pass/i), '{Enter}');
    const rows = h.checkRows();
    expect(rows).toHaveLength(29);
    expect(rows.every((r) => r.includes('✓ agree'))).toBe(true);
    const ref = reference(NETWORK_DEFAULTS);
    expect(rows.find((r) => r.startsWith('w₂₂ '))).toContain(fmt(ref.grad.w22!));
  });

  it('draws an expression from its attributes, with the values given', async () => {
    const el = await mount(
      'expression="tanh(w1*x1 + w2*x2 + b)" values="w1=0.5 x1=2 w2=-1 x2=1 b=0.25" step="999"',
    );
    const h = harness(el);
    expect(
      h
        .nodes()
        .map((n) => text(n.querySelector('text.name')))
        .sort(),
    ).toEqual(['b', 'f', 'u₁', 'u₂', 'u₃', 'u₄', 'w₁', 'w₂', 'x₁', 'x₂'].sort());
    const z = 0.5 * 2 - 1 + 0.25;
    expect(text(h.node('f').querySelector('text.value'))).toBe(fmt(Math.tanh(z)));
    const slope = 1 - Math.tanh(z) ** 2;
    expect(text(h.node('w₁').querySelector('text.grad'))).toBe(`grad ${fmt(slope * 2)}`);
    // w… and b… are the parameters (dashed); x… are not.
    expect(h.node('w₁').getAttribute('data-kind')).toBe('param');
    expect(h.node('x₁').getAttribute('data-kind')).toBe('input');
    expect(h.error()).toBeNull();
  });

  it('shows a malformed expression’s mistake in words, with its position and a caret', async () => {
    const el = await mount('expression="tanh(w*x + b))" values="w=1 x=2 b=0"');
    const h = harness(el);
    expect(text(h.error())).toContain(
      "This expression cannot be read: unexpected ')' at character 14.",
    );
    const pre = h.error()!.querySelector('pre')!.textContent!.split('\n');
    expect(pre[0]).toBe('tanh(w*x + b))');
    expect(pre[1]).toBe(`${' '.repeat(13)}^`);
    expect(h.nodes()).toHaveLength(0);

    // The student fixes it in the field; Enter draws the graph and reflects the expression.
    const field = el.shadowRoot!.querySelector<HTMLInputElement>('#expression-field')!;
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(field);
    await userEvent.type(field, 'tanh(w*x + b){Enter}');
    await settle(el); // the graph's box is new: drawn once it is measured
    expect(h.error()).toBeNull();
    expect(el.getAttribute('expression')).toBe('tanh(w*x + b)');
    expect(h.nodes().length).toBeGreaterThan(0);

    // A new mistake keeps the last good graph and says so.
    await userEvent.clear(field);
    await userEvent.type(field, 'w * * x{Enter}');
    await el.updateComplete;
    expect(text(h.error())).toContain("unexpected '*' at character 5");
    expect(text(h.error())).toContain('the last expression that could be read');
    expect(el.getAttribute('expression')).toBe('tanh(w*x + b)');
    expect(h.nodes().length).toBeGreaterThan(0);
  });

  it('round-trips its attributes: set from markup, changed by the user, read back', async () => {
    const el = await mount('expression="w*x" values="w=3 x=2" learning-rate="0.1" step="1"');
    const h = harness(el);
    expect(el.learningRate).toBe(0.1);
    expect(h.field('w').value).toBe('3');
    expect(h.part('progress')).toBe('Forward pass: step 1 of 1');
    expect(h.part('explanation')).toContain('f = w · x = 3.000 · 2.000 = 6.000');

    el.setAttribute('values', 'w=-1 x=4');
    await el.updateComplete;
    expect(h.part('explanation')).toContain('f = w · x = (−1.000) · 4.000 = −4.000');

    const lr = el.shadowRoot!.querySelector<HTMLInputElement>('#learning-rate')!;
    await userEvent.clear(lr);
    await userEvent.type(lr, '0.25');
    expect(el.getAttribute('learning-rate')).toBe('0.25');
    await press(h.button(/next step/i), '{Enter}');
    expect(el.getAttribute('step')).toBe('2');
    // The empty defaults are not written onto the element.
    const fresh = await mount();
    expect(fresh.hasAttribute('expression')).toBe(false);
    expect(fresh.hasAttribute('values')).toBe(false);
  });

  itFallsBackOnBadAttributes(
    mount,
    [
      ['learning-rate', 'abc', 'learningRate', 0.5],
      ['learning-rate', '99', 'learningRate', 0.5],
      ['step', '-3', 'learningRate', 0.5],
      ['values', 'w11=abc', 'learningRate', 0.5, ['"w11=abc" is not name=number']],
    ],
    {
      drawn: (el) => {
        const h = harness(el);
        expect(h.part('progress')).toBe('Ready: nothing computed yet.');
        expect(h.nodes()).toHaveLength(29);
        expect(text(h.node('w₁₁').querySelector('text.value'))).toBe('0.500');
      },
      update: (el) => (el.step = 3),
    },
  );

  it('fits a 375px phone: the graph scrolls inside its own labelled, focusable box', async () => {
    const el = await mount('', 343);
    const h = harness(el);
    await expect.poll(() => h.graph().scrollWidth).toBeGreaterThan(h.graph().clientWidth);
    await el.updateComplete;
    expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
    expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(343);
    expect(h.graph().getAttribute('role')).toBe('region');
    await expect.poll(() => h.graph().getAttribute('tabindex')).toBe('0');
    expect(h.graph().getAttribute('aria-label')).toContain('scrolls sideways');
    // Stepping brings the current node into view.
    await press(h.button(/finish the forward pass/i), '{Enter}');
    await expect.poll(() => h.graph().scrollLeft).toBeGreaterThan(0);
  });

  it('has no axe violations in light mode, mid-walk, with both tables shown', async () => {
    const el = await mount('step="20"');
    const h = harness(el);
    await press(h.button(/show the table of nodes/i), '{Enter}');
    await press(h.button(/check the gradients numerically/i), '{Enter}');
    await expectNoAxeViolations(el);
  });

  it('has no axe violations in dark mode, with an expression error shown', async () => {
    await inDarkMode(async () => {
      document.body.innerHTML = `<${TAG} step="999" expression="sigmoid(w*x + b)" values="w=2 x=1 b=-1"></${TAG}><${TAG} expression="(w + b"></${TAG}>`;
      const [a, b] = [...document.querySelectorAll(TAG)];
      // The graph (its nodes are options of a listbox, for axe to check) is drawn once measured.
      await settle(a!);
      await settle(b!);
      expect(harness(a!).nodes().length).toBeGreaterThan(0);
      await press(harness(a!).button(/check the gradients numerically/i), '{Enter}');
      expect(getComputedStyle(a!).backgroundColor).toBe('rgb(15, 23, 42)');
      await expectNoAxeViolations(document.body);
    });
  });
});
