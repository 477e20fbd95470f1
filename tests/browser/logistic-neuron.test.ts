import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/logistic-neuron/index';
import type {
  LogisticChangeDetail,
  LogisticStepDetail,
  NnLogisticNeuron,
} from '../../src/widgets/logistic-neuron/index';
import type { NnLossChart } from '../../src/widgets/loss-chart/index';
import { expectNoAxeViolations, expectNoAxeViolationsInDark } from './axe';
import {
  choiceNamed,
  collectDetails,
  inDarkMode,
  silenceWarnings,
  tableHead,
  text,
  widgetTest,
} from './harness';

/** Loading tfjs the first time can take a while in a cold browser. */
const LOAD = { timeout: 20_000 };

/**
 * Finds controls the way a user does: by label, role and visible text. Mounts without waiting for
 * the drawing: a test may need the events of the first steps.
 */
const { mount, harness } = widgetTest(
  'nn-logistic-neuron',
  (root) => ({
    live: () => text(root.querySelector('[aria-live="polite"]')),
    chart: () => root.querySelector<NnLossChart>('nn-loss-chart')!,
    line: (key: string) => root.querySelector<SVGLineElement>(`line.decision[data-line="${key}"]`),
    lines: () => root.querySelectorAll('figure.plane svg line.decision'),
    compare: () => choiceNamed(root, /compare/i),
    radio: (name: RegExp) => choiceNamed(root, name, 'label.radio'),
  }),
  { width: 900, settled: false },
);

/**
 * Wait until tfjs is loaded, the first losses have been read back, and the plane is drawn. The
 * plane is drawn once its figure is measured, in a later frame (see settle.ts); with tfjs already
 * loaded by an earlier test, the read-back can come before that.
 */
async function ready(el: NnLogisticNeuron): Promise<void> {
  const h = harness(el);
  await expect.poll(() => h.part('status'), LOAD).toMatch(/^Step 0 · backend: cpu$/);
  await expect.poll(() => h.button(/^play$/i).disabled, LOAD).toBe(false);
  await expect.poll(() => h.lines().length).toBe(el.compare ? 2 : 1);
}

/** Press Play and wait until training pauses at `step`. */
async function playUntil(el: NnLogisticNeuron, step: number): Promise<void> {
  const h = harness(el);
  await userEvent.click(h.button(/^play$/i));
  await expect.poll(() => h.part('status'), LOAD).toBe(`Step ${step} · backend: cpu`);
  await expect.poll(() => text(h.button(/^(play|pause)$/i)), LOAD).toBe('Play');
}

describe('<nn-logistic-neuron>', () => {
  it('trains with Play: the loss falls, the line moves, and it pauses after `steps` steps', async () => {
    const el = await mount('steps="40"');
    const h = harness(el);
    const steps = collectDetails<LogisticStepDetail>(el, 'nn-step');
    await ready(el);
    const before = h.line('cross-entropy')!.getAttribute('x1');
    expect(h.chart().series.map((s) => [s.name, s.length])).toEqual([['cross-entropy', 1]]);

    await playUntil(el, 40);

    const [series] = h.chart().series;
    expect(series!.length).toBe(41); // steps 0 … 40
    expect(Array.from(series!.steps.slice(0, 3))).toEqual([0, 1, 2]);
    expect(series!.losses[40]!).toBeLessThan(series!.losses[0]! / 5);
    expect(h.line('cross-entropy')!.getAttribute('x1')).not.toBe(before);
    expect(steps.at(-1)!.step).toBe(40);
    expect(steps.at(-1)!.neurons[0]!.correct).toBeGreaterThan(55);
    expect(h.part('summary')).toMatch(
      /^Step 40\. Cross-entropy neuron: loss 0\.\d+, \d+ of 60 points right\./,
    );
    expect(h.live()).toMatch(/^Paused\. Step 40\./);
    expect(el.shadowRoot!.textContent).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('from the confidently wrong start, cross-entropy beats mean squared error in lockstep', async () => {
    const el = await mount('compare steps="30"');
    const h = harness(el);
    const steps = collectDetails<LogisticStepDetail>(el, 'nn-step');
    await ready(el);
    await playUntil(el, 30);

    const [ce, mse] = h.chart().series;
    expect([ce!.name, mse!.name]).toEqual(['cross-entropy', 'mean squared error']);
    expect([ce!.length, mse!.length]).toEqual([31, 31]);
    // Same start: both neurons begin with the same weights (and every point wrong).
    const first = steps[0]!;
    expect(first.step).toBe(0);
    expect(first.neurons[0]!.params).toEqual(first.neurons[1]!.params);
    expect(first.neurons.map((n) => n.correct)).toEqual([0, 0]);
    // After 30 steps: cross-entropy has learned the data; squared error has barely moved.
    const last = steps.at(-1)!;
    expect(last.neurons[0]!.correct).toBeGreaterThanOrEqual(57);
    expect(last.neurons[1]!.correct).toBeLessThan(last.neurons[0]!.correct);
    const drop = (s: typeof ce) => s!.losses[30]! / s!.losses[0]!;
    expect(drop(ce)).toBeLessThan(0.1);
    expect(drop(mse)).toBeGreaterThan(0.5);
    // Both lines are drawn; the twin's is dashed.
    expect(getComputedStyle(h.line('squared-error')!).strokeDasharray).not.toBe('none');
    expect(h.part('why')).toMatch(/Cross-entropy pushes \d+(\.\d)? times harder/);
  });

  it('frees every tensor: after training, and when removed from the page', async () => {
    await tf.ready();
    const before = tf.memory().numTensors;
    const el = await mount('compare steps="20"');
    await ready(el);
    // Kept while alive: the points, the labels, and w and b for each of the two neurons.
    const alive = tf.memory().numTensors;
    expect(alive - before).toBe(2 + 2 * 2);

    await userEvent.click(harness(el).button(/^step$/i));
    await expect.poll(() => harness(el).part('status')).toBe('Step 1 · backend: cpu');
    await playUntil(el, 21);
    expect(tf.memory().numTensors).toBe(alive);

    el.remove();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Step and Reset work from the keyboard', async () => {
    const el = await mount();
    const h = harness(el);
    await ready(el);
    h.button(/^step$/i).focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => h.part('status')).toBe('Step 1 · backend: cpu');
    await userEvent.keyboard(' ');
    await expect.poll(() => h.part('status')).toBe('Step 2 · backend: cpu');
    expect(h.live()).toMatch(/^Step 2\./);
    expect(h.chart().series[0]!.length).toBe(3);

    h.button(/^reset$/i).focus();
    await userEvent.keyboard('{Enter}');
    await ready(el);
    expect(h.chart().series[0]!.length).toBe(1);
    expect(el.shadowRoot!.activeElement).toBe(h.button(/^reset$/i));
  });

  it('the compare switch and the loss radios reflect to attributes, fire nn-change and restart', async () => {
    const el = await mount();
    const h = harness(el);
    const changes = collectDetails<LogisticChangeDetail>(el);
    await ready(el);
    await userEvent.click(h.compare());
    await el.updateComplete;
    expect(el.hasAttribute('compare')).toBe(true);
    await ready(el);
    expect(h.chart().series.map((s) => s.name)).toEqual(['cross-entropy', 'mean squared error']);

    await userEvent.click(h.radio(/mean squared error/));
    await el.updateComplete;
    expect(el.getAttribute('loss')).toBe('squared-error');
    await ready(el);
    expect(h.chart().series.map((s) => s.name)).toEqual(['mean squared error', 'cross-entropy']);
    expect(changes).toEqual([
      { loss: 'cross-entropy', compare: true, start: 'confident-wrong', learningRate: 2 },
      { loss: 'squared-error', compare: true, start: 'confident-wrong', learningRate: 2 },
    ]);
  });

  it('explains the confident mistake with the numbers of one point', async () => {
    const el = await mount();
    await ready(el);
    const why = harness(el).part('why');
    // w₁ = w₂ = −4 at a point near (0.45, 0.45): z ≈ −3.6, σ(z) ≈ 0.03.
    expect(why).toMatch(/σ\(z\) = 0\.0\d\d: the neuron is 9\d% sure of the wrong answer/);
    expect(why).toMatch(/σ\(z\) − y = 0\.0\d\d − 1 = −0\.9\d\d/);
    expect(why).toMatch(/Cross-entropy pushes \d+ times harder/);
  });

  it('from the undecided start there is no line yet, and nothing is classified', async () => {
    const el = await mount('start="undecided"');
    const h = harness(el);
    await ready(el);
    expect(h.part('summary')).toContain('0 of 60 points right');
    expect(h.part('summary')).toContain('has no line: with w₁ = w₂ = 0 it outputs σ(b) = 0.50');
    expect(h.line('cross-entropy')!.getAttribute('display')).toBe('none');
    expect(h.part('why')).toContain('the neuron is undecided, 50–50');
    await userEvent.click(h.button(/^step$/i));
    await expect.poll(() => h.part('status')).toBe('Step 1 · backend: cpu');
    expect(h.line('cross-entropy')!.getAttribute('display')).toBeNull();
  });

  it('shows the points and each neuron’s output in a table on demand', async () => {
    const el = await mount('compare');
    const h = harness(el);
    await ready(el);
    expect(h.table()).toBeNull();
    await userEvent.click(h.button(/show points table/i));
    await el.updateComplete;
    const table = h.table()!;
    expect(tableHead(table)).toEqual([
      'point',
      'x₁',
      'x₂',
      'class',
      'σ(z), cross-entropy',
      'σ(z), mean squared error',
    ]);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(60);
    // Confidently wrong: every point's output is on the wrong side of 0.5.
    expect(text(table.querySelector('tbody'))).not.toContain('✓');
  });

  it('a bad learning-rate falls back to the default with one warning', async () => {
    const warn = silenceWarnings();
    const el = await mount('learning-rate="fast"');
    expect(el.learningRate).toBe(2);
    expect(warn).toHaveBeenCalledTimes(1);
    await ready(el);
  });

  it('fits a 375px phone', async () => {
    const el = await mount('compare', 343);
    await ready(el);
    // The loss chart draws its curves in its own frame, after the widget's read-back.
    const curves = () => harness(el).chart().shadowRoot!.querySelectorAll('svg path.series');
    await expect.poll(() => curves().length).toBe(2);
    expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
  });

  it('has no axe violations in light mode, comparing, with the table shown', async () => {
    const el = await mount('compare steps="10"');
    await ready(el);
    await playUntil(el, 10);
    await userEvent.click(harness(el).button(/show points table/i));
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });

  it('has no axe violations in dark mode', async () => {
    await inDarkMode(async () => {
      const el = await mount('compare loss="squared-error"');
      await ready(el);
      await userEvent.click(harness(el).button(/show points table/i));
      await el.updateComplete;
      await expectNoAxeViolationsInDark(el);
    });
  });
});
