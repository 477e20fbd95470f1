import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/loss-chart/index';
import type { LossChartChangeDetail, LossPoint } from '../../src/widgets/loss-chart/index';
import { createRng } from '../../src/math/rng';
import { expectNoAxeViolations, expectNoAxeViolationsInDark } from './axe';
import {
  collectDetails,
  expectOneWarning,
  inDarkMode,
  readDataTable,
  showDataTable,
  silenceWarnings,
  text,
  widgetTest,
} from './harness';
import { settle } from './settle';

/**
 * A harness that finds things the way a user does: by role, label and visible text. The first
 * drawing happens once the chart is measured, in the next frame (see settle).
 */
const { mount, harness } = widgetTest(
  'nn-loss-chart',
  (root) => ({
    plot: () => root.querySelector<HTMLElement>('[role="slider"]')!,
    svg: () => root.querySelector<SVGSVGElement>('svg[role="img"]')!,
    path: (series: string) =>
      root.querySelector<SVGPathElement>(`svg path.series[data-series="${series}"]`),
    legend: () => [...root.querySelectorAll('[part~="legend"] li')].map(text),
    yTicks: () => [...root.querySelectorAll('g.axis-y .tick text')].map(text),
    tableNote: () => text(root.querySelector('.table-note')),
  }),
  { width: 700 },
);

/** Vertices drawn in a path: one per M or L command. */
const vertexCount = (d: string | null | undefined) => (d?.match(/[ML]/g) ?? []).length;

/** A falling, noisy loss curve of steps from..to (seeded). */
function curve(from: number, to: number, seed = 1, scale = 1): LossPoint[] {
  const rng = createRng(seed);
  return Array.from({ length: to - from + 1 }, (_, k) => {
    const step = from + k;
    return { step, loss: scale * (0.05 + 0.7 * Math.exp(-step / 40) + 0.01 * rng.normal()) };
  });
}

/** A series' points: `losses`, in order, at `steps` (1, 2, 3, … where not given). */
const points = (losses: number[], steps = losses.map((_, i) => i + 1)): LossPoint[] =>
  losses.map((loss, i) => ({ step: steps[i]!, loss }));

describe('<nn-loss-chart>', () => {
  it('starts empty, and says so', async () => {
    const el = await mount();
    const h = harness(el);
    expect(el.series).toEqual([]);
    expect(h.part('readout')).toBe('No data yet.');
    expect(h.svg().getAttribute('aria-label')).toMatch(/no data yet/i);
    expect(h.path('train')).toBeNull();
  });

  it('append() draws a line per series, with a legend, after one batched redraw', async () => {
    const el = await mount();
    const h = harness(el);
    el.append('train', curve(1, 100));
    el.append('test', { step: 10, loss: 0.6 });
    el.append(
      'test',
      curve(2, 10, 2).map((p) => ({ step: p.step * 10, loss: p.loss + 0.05 })),
    );
    // Appends only store data: nothing is drawn until the next animation frame.
    expect(h.path('train')).toBeNull();
    await settle(el);

    expect(h.path('train')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(h.path('test')?.getAttribute('d')).toMatch(/^M/);
    // A series of one point is drawn as a dot (a zero-length, round-capped segment).
    el.append('single', { step: 50, loss: 0.3 });
    await settle(el);
    expect(h.path('single')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+h0$/);
    el.clear('single');
    await settle(el);
    expect(h.legend()).toEqual(['train', 'test']);
    // Told apart by dash pattern as well as colour.
    const dash = (name: string) => getComputedStyle(h.path(name)!).strokeDasharray;
    expect(dash('train')).toBe('none');
    expect(dash('test')).not.toBe('none');
    expect(el.series.map((s) => [s.name, s.length])).toEqual([
      ['train', 100],
      ['test', 10],
    ]);
    expect(h.part('readout')).toMatch(/^Latest, step 100: train 0\.\d+, test 0\.\d+/);
    expect(h.svg().getAttribute('aria-label')).toContain('train and test');
    expect(h.part('summary')).toMatch(
      /train: 100 points, from 0\.\d+ at step 1 to 0\.\d+ at step 100/,
    );
  });

  it('reads values at a step with the keyboard: ← → Home End on the focused plot', async () => {
    const el = await mount();
    const h = harness(el);
    el.append('train', points([0.5, 0.4, 0.34, 0.3], [100, 110, 120, 130]));
    el.append('test', points([0.55, 0.41], [100, 120]));
    await settle(el);

    h.plot().focus();
    await el.updateComplete;
    expect(h.part('readout')).toBe('step 130: train 0.30, test 0.41 (at step 120)');
    await userEvent.keyboard('{ArrowLeft}');
    await el.updateComplete;
    expect(h.part('readout')).toBe('step 120: train 0.34, test 0.41');
    expect(h.plot().getAttribute('aria-valuenow')).toBe('120');
    expect(h.plot().getAttribute('aria-valuetext')).toBe('step 120: train 0.34, test 0.41');
    expect(h.svg().querySelectorAll('g.cursor-points circle')).toHaveLength(2);
    await userEvent.keyboard('{Home}');
    await el.updateComplete;
    expect(h.part('readout')).toBe('step 100: train 0.50, test 0.55');
    await userEvent.keyboard('{ArrowLeft}'); // already at the start: stays
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(h.part('readout')).toBe('step 110: train 0.40, test 0.55 (at step 100)');
    await userEvent.keyboard('{End}');
    await el.updateComplete;
    expect(h.plot().getAttribute('aria-valuenow')).toBe('130');
  });

  it('reads values under the pointer', async () => {
    const el = await mount();
    const h = harness(el);
    el.append('train', curve(1, 200));
    await settle(el);
    const rect = h.svg().getBoundingClientRect();
    await userEvent.hover(h.svg(), { position: { x: rect.width * 0.5, y: rect.height / 2 } });
    await el.updateComplete;
    const step = Number(/^step (\d+):/.exec(h.part('readout'))?.[1]);
    expect(step).toBeGreaterThan(60);
    expect(step).toBeLessThan(140);
    await userEvent.unhover(h.svg());
    await el.updateComplete;
    expect(h.part('readout')).toMatch(/^Latest, step 200/);
  });

  it('the log-scale button toggles the axis, its ticks and the attribute, and fires nn-change', async () => {
    const el = await mount();
    const h = harness(el);
    const events = collectDetails<LossChartChangeDetail>(el);
    // A loss falling over four decades, from 1 to 0.0001.
    el.append(
      'train',
      Array.from({ length: 101 }, (_, i) => ({ step: i, loss: 10 ** (-i / 25) })),
    );
    await settle(el);
    const button = h.button(/log scale/i);
    const linearTicks = h.yTicks();
    expect(button.getAttribute('aria-pressed')).toBe('false');

    await userEvent.click(button);
    await el.updateComplete;
    expect(el.scale).toBe('log');
    expect(el.getAttribute('scale')).toBe('log');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(events).toEqual([{ scale: 'log' }]);
    const logTicks = h.yTicks();
    expect(logTicks).not.toEqual(linearTicks);
    expect(logTicks).toEqual(['10⁻⁴', '0.001', '0.01', '0.1', '1']);
    expect(text(el.shadowRoot!.querySelector('.axis-label-y'))).toBe('loss (log scale)');

    el.setAttribute('scale', 'linear'); // a caller's change: no event
    await el.updateComplete;
    expect(h.yTicks()).toEqual(linearTicks);
    expect(events).toHaveLength(1);
  });

  it('shows a decimated data table on demand, with the extremes and a note', async () => {
    const el = await mount();
    const h = harness(el);
    const train = curve(1, 1000);
    train[700] = { step: 701, loss: 0.001 }; // a lowest point no even spacing would hit
    el.append('train', train);
    el.append(
      'test',
      curve(1, 10, 3).map((p) => ({ step: p.step * 100, loss: p.loss })),
    );
    await settle(el);
    expect(h.table()).toBeNull();
    const { head, rows } = await readDataTable(el);
    expect(head).toEqual(['step', 'train', 'test']);
    expect(rows.length).toBeLessThanOrEqual(42);
    expect(rows[0]![0]).toBe('1');
    expect(rows.at(-1)![0]).toBe('1000');
    expect(rows.find((r) => r[0] === '701')?.[1]).toBe('0.0010 (lowest)');
    expect(rows.find((r) => r[0] === '1000')?.[2]).toMatch(/^0\.\d+/);
    expect(rows[0]![2]).toBe('—');
    expect(h.tableNote()).toMatch(/Showing \d+ of 1000 steps/);
  });

  it('early stopping: a validation curve, rules at the stop and the kept step, in words and in the table', async () => {
    const el = await mount('y-label="mean squared error"');
    const h = harness(el);
    el.append('train', curve(1, 90));
    // Validation falls until step 60, then rises: early stopping keeps step 60's weights.
    el.append(
      'validation',
      curve(1, 90, 5).map((p) => ({
        step: p.step,
        loss: 0.2 + 0.0002 * (p.step - 60) ** 2,
      })),
    );
    el.markers = [
      {
        step: 60,
        label: 'kept weights',
        line: 'solid',
        description: 'Kept the weights of step 60, where the validation loss was lowest.',
      },
      { step: 90, label: 'stopped', description: 'Early stopping stopped training at step 90.' },
    ];
    await settle(el);
    expect(h.path('validation')?.getAttribute('d')).toMatch(/^M/);
    const svg = h.svg();
    const rules = [...svg.querySelectorAll('g.markers g.marker')];
    expect(rules.map((g) => text(g.querySelector('text')))).toEqual(['kept weights', 'stopped']);
    // The kept step's rule stands left of the stop's, where the validation line is lowest.
    const xOf = (g: Element) => Number(g.querySelector('line')!.getAttribute('x1'));
    expect(xOf(rules[0]!)).toBeLessThan(xOf(rules[1]!));
    expect(text(svg.querySelector('.axis-label-y'))).toBe('mean squared error');
    expect(svg.getAttribute('aria-label')).toMatch(/mean squared error against training step/);
    expect(h.part('summary')).toMatch(/Early stopping stopped training at step 90\./);
    expect(h.part('summary')).toMatch(/Kept the weights of step 60/);

    const { table, head, rows } = await readDataTable(el);
    expect(text(table.querySelector('caption'))).toMatch(/mean squared error of each series/);
    expect(head).toEqual(['step', 'train', 'validation', 'marked']);
    expect(rows.find((r) => r[0] === '60')?.[3]).toBe('kept weights');
    expect(rows.find((r) => r[0] === '90')?.[3]).toBe('stopped');
    await expectNoAxeViolations(el);

    // Without markers the rules go, and the chart is drawn as before.
    el.markers = [];
    await settle(el);
    expect(svg.querySelector('g.markers')).toBeNull();
  });

  it('keeps all 100,000 points, draws a path bounded by the width, and stays correct', async () => {
    const el = await mount('', 800);
    const h = harness(el);
    const rng = createRng(11);
    let spike = 0;
    for (let batch = 0; batch < 100; batch++) {
      const points = Array.from({ length: 1000 }, (_, k) => {
        const step = batch * 1000 + k + 1;
        return { step, loss: 0.1 + Math.exp(-step / 20_000) + 0.02 * rng.normal() };
      });
      if (batch === 61) {
        points[234]!.loss = 9; // a one-step spike must stay visible
        spike = points[234]!.step;
      }
      el.append('train', points);
      if (batch % 10 === 9) await settle(el); // redraws happen while streaming
    }
    await settle(el);

    const [train] = el.series;
    expect(train!.length).toBe(100_000);
    expect(train!.steps[99_999]).toBe(100_000);
    expect(train!.losses[spike - 1]).toBe(9);
    const d = h.path('train')!.getAttribute('d');
    const plotWidth = h.svg().viewBox.baseVal.width;
    expect(vertexCount(d)).toBeGreaterThan(100);
    expect(vertexCount(d)).toBeLessThanOrEqual(4 * plotWidth);
    expect(d).not.toMatch(/NaN|Infinity/);
    // The spike is drawn: a vertex near the top of the plot (every other loss is below 1.2).
    const ys = [...d!.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeLessThan(0.3 * h.svg().viewBox.baseVal.height);
    expect(h.part('summary')).toContain('train: 100000 points');

    h.plot().focus();
    await userEvent.keyboard('{Home}');
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(h.part('readout')).toMatch(/^step 201: train \d\.\d+$/); // 1/500 of the run per key
  });

  it('never draws non-finite values: a gap, and a note that says how many', async () => {
    const el = await mount();
    const h = harness(el);
    el.append('train', points([0.7, 0.6, NaN, 0.5, Infinity, -Infinity, 0.3, 0.2]));
    await settle(el);
    const d = h.path('train')!.getAttribute('d')!;
    expect(d).not.toMatch(/NaN|Infinity/);
    expect(d.match(/M/g)).toHaveLength(3); // three pieces: 1–2, 4, 7–8
    expect(h.part('note')).toBe('3 values were not finite and are not shown.');
    expect(el.series[0]!.nonFinite).toBe(3);
    expect(el.series[0]!.length).toBe(8);

    h.plot().focus();
    await userEvent.keyboard('{Home}{ArrowRight}{ArrowRight}');
    await el.updateComplete;
    expect(h.part('readout')).toBe('step 3: train not finite');
    expect(el.shadowRoot!.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('on a log scale, says how many values are 0 or below and cannot be shown', async () => {
    const el = await mount('scale="log"');
    const h = harness(el);
    el.append('train', points([0.5, 0, 0.25]));
    await settle(el);
    expect(h.part('note')).toBe('1 value is 0 or below and cannot be shown on a log scale.');
    expect(h.path('train')!.getAttribute('d')!.match(/M/g)).toHaveLength(2);
  });

  it('skips points without a finite step, with one warning', async () => {
    const warn = silenceWarnings();
    const el = await mount();
    el.append('train', points([1, 0.5], [NaN, 1]));
    el.append('train', { step: Infinity, loss: 1 });
    expect(el.series[0]!.length).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('clear() forgets one series or all of them', async () => {
    const el = await mount();
    const h = harness(el);
    el.append('train', curve(1, 20));
    el.append('test', curve(1, 20, 2));
    el.clear('test');
    await settle(el);
    expect(h.legend()).toEqual(['train']);
    expect(h.path('test')).toBeNull();
    el.clear();
    await settle(el);
    expect(el.series).toEqual([]);
    expect(h.path('train')).toBeNull();
    expect(h.part('readout')).toBe('No data yet.');
  });

  it('still appends DOM nodes through Element.append', async () => {
    const el = await mount();
    const span = document.createElement('span');
    el.append(span, 'text');
    expect(el.firstChild).toBe(span);
    expect(el.series).toEqual([]);
  });

  it('shows a built-in example run from its attribute', async () => {
    const el = await mount('example="diverging"');
    const h = harness(el);
    await settle(el);
    expect(h.legend()).toEqual(['train']);
    expect(h.part('note')).toBe('3 values were not finite and are not shown.');
    el.example = 'overfitting';
    await settle(el);
    expect(h.legend()).toEqual(['train', 'test']);
    expect(h.part('note')).toBe('');
    // Overfitting: the test loss's lowest point comes well before its last.
    expect(h.part('summary')).toMatch(/test: 20 points, .*; lowest 0\.\d+ at step \d+\./);
  });

  it('a bad scale="…" falls back to linear with exactly one warning', async () => {
    const warn = silenceWarnings();
    const el = await mount('scale="logarithmic"');
    el.append('train', curve(1, 10));
    await settle(el);
    expect(el.scale).toBe('linear');
    expectOneWarning(warn, 'scale="logarithmic"');
  });

  it('fits a 375px phone without horizontal scrolling', async () => {
    const el = await mount('example="learning"', 343);
    await settle(el);
    await showDataTable(el);
    await settle(el);
    expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
    expect(harness(el).svg().getBoundingClientRect().width).toBeLessThanOrEqual(343);
  });

  it('has no axe violations in light mode, with cursor, note and table shown', async () => {
    const el = await mount('example="diverging"');
    el.append('test', curve(1, 40, 4));
    await settle(el);
    harness(el).plot().focus();
    await showDataTable(el);
    await settle(el);
    await expectNoAxeViolations(el);
  });

  it('has no axe violations in dark mode', async () => {
    await inDarkMode(async () => {
      const el = await mount('example="overfitting" scale="log"');
      await settle(el);
      await showDataTable(el);
      await settle(el);
      await expectNoAxeViolationsInDark(el);
    });
  });
});
