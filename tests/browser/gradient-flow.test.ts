import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/gradient-flow/index';
import type { GradientFlowDetail } from '../../src/widgets/gradient-flow/index';
import { expectNoAxeViolationsInDarkWithTable, expectNoAxeViolationsWithTable } from './axe';
import {
  choiceNamed,
  collectDetails,
  expectFitsItsWidth,
  showDataTable,
  silenceWarnings,
  text,
  widgetTest,
} from './harness';

/** Finds controls the way a user does: by their role and visible name. */
const { mount, harness } = widgetTest('nn-gradient-flow', (root) => ({
  radio: (name: string) => choiceNamed(root, name, 'label.choice'),
  /** Each layer's gradient size as its label says it. */
  gradientLabels: () =>
    [...root.querySelectorAll('.gnum')].map((n) => n.getAttribute('aria-label') ?? ''),
  /** Each layer's gradient size as shown, read back as a number ("3.1 × 10⁻⁷" → 3.1e-7). */
  gradients: () => [...root.querySelectorAll('.gnum')].map((n) => shownNumber(text(n))),
  rows: () => [...root.querySelectorAll('li.layer:not(.head)')],
}));

const SUPER = '⁻⁰¹²³⁴⁵⁶⁷⁸⁹';
function shownNumber(shown: string): number {
  const m = /^([\d.]+)(?: × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/.exec(shown);
  if (!m) return NaN;
  const e = m[2]
    ? Number([...m[2]].map((c) => (c === '⁻' ? '-' : String(SUPER.indexOf(c) - 1))).join(''))
    : 0;
  return Number(m[1]) * 10 ** e;
}

/** The next `nn-train-progress` whose step is at least `step`. */
function progress(el: Element, step = 0): Promise<GradientFlowDetail> {
  return new Promise((resolve) => {
    const on = (e: Event) => {
      const detail = (e as CustomEvent<GradientFlowDetail>).detail;
      if (detail.step < step) return;
      el.removeEventListener('nn-train-progress', on);
      resolve(detail);
    };
    el.addEventListener('nn-train-progress', on);
  });
}

describe('<nn-gradient-flow>', () => {
  it('sigmoid with too small weights: the shown gradient vanishes towards the first layer', async () => {
    const el = await mount('activation="sigmoid" init="small"');
    const h = harness(el);
    expect(h.rows()).toHaveLength(9); // 8 hidden layers and the output
    const g = h.gradients();
    expect(g.every(Number.isFinite)).toBe(true);
    expect(g[0]! / g[8]!).toBeLessThan(1e-6);
    for (let l = 1; l < g.length; l++) expect(g[l - 1]!).toBeLessThan(g[l]!);
    expect(h.part('status')).toMatch(/^Step 0 · loss 0\.69\d · \d+% right The gradient vanishes/);
    expect(h.part('summary')).toContain('Sigmoid with too small weights, 8 layers of 8');
    expect(h.gradientLabels()[0]).toMatch(
      /^Layer 1: gradient size \d(\.\d)? times 10 to the minus \d+$/,
    );
  });

  it('ReLU with He weights: the gradient flows, and training lowers the loss without blocking the page', async () => {
    const el = await mount('activation="relu" init="he"');
    const h = harness(el);
    const g = h.gradients();
    expect(g[0]! / g[8]!).toBeGreaterThan(1e-2);
    expect(g[0]! / g[8]!).toBeLessThan(1e2);
    expect(h.part('status')).toContain('The gradient flows');
    const start = Number(/loss ([\d.]+)/.exec(h.part('status'))![1]);

    const later = progress(el, 600);
    await userEvent.click(h.button(/^Train$/));
    expect(text(h.button(/^Pause$/))).toBe('Pause');
    // While it trains, the page still answers: timers run between the slices.
    const ticks = await new Promise<number>((resolve) => {
      let n = 0;
      const id = setInterval(() => {
        n++;
        if (n === 5) {
          clearInterval(id);
          resolve(n);
        }
      }, 10);
    });
    expect(ticks).toBe(5);
    const detail = await later;
    await userEvent.click(h.button(/^Pause$/));
    await el.updateComplete;
    expect(detail.activation).toBe('relu');
    expect(detail.verdict).toBe('flowing');
    expect(detail.loss).toBeLessThan(start);
    const shownStep = Number(/^Step (\d+)/.exec(h.part('status'))![1]);
    expect(shownStep).toBeGreaterThanOrEqual(600);
    expect(h.button(/^Train$/)).toBeTruthy();
  });

  it('choosing ReLU and He by keyboard resets to step 0 and tells the page', async () => {
    const el = await mount('activation="sigmoid" init="small"');
    const h = harness(el);
    const changes = collectDetails(el);
    h.radio('sigmoid').focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}'); // sigmoid → tanh → ReLU
    await el.updateComplete;
    expect(el.getAttribute('activation')).toBe('relu');
    h.radio('Xavier (Glorot)').focus();
    const next = progress(el);
    await userEvent.keyboard('{ArrowRight}'); // too small → … focus was on Xavier: → He
    const detail = await next;
    await el.updateComplete;
    expect(el.getAttribute('init')).toBe('he');
    expect(detail).toMatchObject({ step: 0, activation: 'relu', init: 'he', verdict: 'flowing' });
    expect(changes.at(-1)).toEqual({ activation: 'relu', init: 'he' });
    expect(h.part('status')).toContain('The gradient flows');
  });

  it('"10 steps" trains ten steps; Reset goes back to step 0 with the same numbers', async () => {
    const el = await mount('activation="tanh"');
    const h = harness(el);
    const first = h.gradients();
    await userEvent.click(h.button(/^10 steps$/));
    await el.updateComplete;
    expect(h.part('status')).toMatch(/^Step 10 /);
    await userEvent.click(h.button(/^Reset$/));
    await el.updateComplete;
    expect(h.part('status')).toMatch(/^Step 0 /);
    expect(h.gradients()).toEqual(first);
  });

  it('ReLU with too large weights explodes, in words and numbers', async () => {
    const el = await mount('activation="relu" init="large"');
    const h = harness(el);
    expect(h.part('status')).toContain('The gradient explodes');
    expect(Math.max(...h.gradients())).toBeGreaterThan(100);
  });

  it('depth and width set the layers; bad values fall back to the defaults with a warning', async () => {
    const warn = silenceWarnings();
    const el = await mount('depth="6" width="3"');
    expect(harness(el).rows()).toHaveLength(7);
    const bad = await mount('depth="40" init="huge"');
    expect(harness(bad).rows()).toHaveLength(9);
    expect(bad.init).toBe('xavier');
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(
      /depth="40"[\s\S]*init="huge"/,
    );
  });

  it('the data table lists every layer with its gradient', async () => {
    const el = await mount('activation="sigmoid" init="small"');
    const h = harness(el);
    await showDataTable(el);
    const rows = [...h.table()!.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(9);
    expect(text(rows[8]!.querySelector('th'))).toBe('Output');
    expect(text(rows[0]!.lastElementChild)).toBe(text(el.shadowRoot!.querySelector('.gnum')));
  });

  it('fits 375 px without sideways scrolling', async () => {
    const el = await mount('', 343);
    expectFitsItsWidth(el, '.layout > *, li.layer > *', 0.5);
  });

  it('has no axe violations in light mode, with the table shown', async () => {
    await expectNoAxeViolationsWithTable(await mount('activation="relu" init="he"'));
  });

  it('has no axe violations in dark mode', async () => {
    await expectNoAxeViolationsInDarkWithTable(() => mount('activation="sigmoid" init="small"'));
  });
});
