/**
 * Editing a weight by hand in <nn-network-trainer>'s network diagram (as in TensorFlow
 * Playground), through what a user has: the keyboard (focus the diagram, arrow keys, Enter, type,
 * Enter or Escape), a click or tap on an edge or a neuron, and the live words. The engine's
 * weights are read back through `liveEngines()`; the picture through the plot's pixels.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/network-trainer/index';
import '../../src/widgets/loss-chart/index';
import type { NnNetworkTrainer } from '../../src/widgets/network-trainer/index';
import type { NnLossChart } from '../../src/widgets/loss-chart/index';
import { diagramGeometry } from '../../src/charts/network-diagram';
import { LossFeed } from '../../src/widgets/network-trainer/loss-feed';
import { expectNoAxeViolations } from './axe';
import { labelledControl, press, retype, text } from './harness';
import { mountWidget, settle } from './settle';

const TAG = 'nn-network-trainer';
/** Quick, deterministic runs: the from-scratch engine, a small network. */
const QUICK = 'backend="js" layers="4:tanh" seed="1" dataset="xor"';

async function mount(attributes = '', width?: number): Promise<NnNetworkTrainer> {
  const el = await mountWidget(TAG, attributes, width);
  await expect.poll(() => el.report, { timeout: 30_000, interval: 50 }).not.toBeNull();
  await settle(el);
  return el;
}

function harness(el: NnNetworkTrainer) {
  const root = el.shadowRoot!;
  return {
    root,
    plot: () => root.querySelector<HTMLCanvasElement>('canvas.plot')!,
    diagram: () => root.querySelector<HTMLCanvasElement>('canvas.diagram')!,
    words: () => text(root.querySelector('.edit-text')),
    error: () => text(root.querySelector('#weight-error')),
    field: (pattern: RegExp) => labelledControl(root, pattern),
    hasField: () => root.querySelector('form.weight-editor') !== null,
  };
}

/** The canvas's pixels, to compare pictures. */
function pixels(canvas: HTMLCanvasElement): Uint8ClampedArray {
  return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.slice();
}

function changedPixels(canvas: HTMLCanvasElement, before: Uint8ClampedArray): number {
  const now = pixels(canvas);
  if (now.length !== before.length) return now.length;
  let n = 0;
  for (let i = 0; i < now.length; i += 4) if (now[i] !== before[i]) n++;
  return n;
}

/** The engine of the page (started by Train or Step). */
async function engine() {
  const { liveEngines } = await import('../../src/train/client');
  const [first] = liveEngines();
  if (!first) throw new Error('no engine');
  return first;
}

/** Where, in client coordinates, a point of the diagram (in its drawing's units) is. */
function at(canvas: HTMLCanvasElement, x: number, y: number): { x: number; y: number } {
  const rect = canvas.getBoundingClientRect();
  return {
    x: (x * rect.width) / parseFloat(canvas.style.width),
    y: (y * rect.height) / parseFloat(canvas.style.height),
  };
}

/** The diagram's geometry as drawn, for a network of `sizes`. */
function geometry(canvas: HTMLCanvasElement, sizes: number[]) {
  return diagramGeometry(sizes, {
    width: parseFloat(canvas.style.width),
    height: parseFloat(canvas.style.height),
  });
}

afterEach(async () => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('<nn-network-trainer>: editing a weight', () => {
  it('by keyboard before the first Train: the picture and the loss change at once, and the engine starts from it', async () => {
    const el = await mount(QUICK);
    const h = harness(el);
    await expect.poll(() => changedPixels(h.plot(), new Uint8ClampedArray(0))).toBeGreaterThan(0);
    const plotBefore = pixels(h.plot());
    const lossBefore = el.report!.trainLoss;

    // Focused from the keyboard, the diagram names its first edge and its value; the arrow keys
    // walk the others.
    h.diagram().focus();
    await el.updateComplete;
    expect(h.words()).toMatch(/^weight from x₁ to hidden 1 unit 1: −?\d.*Enter changes it\.$/);
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect(h.words()).toMatch(/^weight from x₂ to hidden 1 unit 1: −?\d.* \(2 of \d+\)/);

    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    const field = h.field(/^Weight from x₂ to hidden 1 unit 1$/);
    await expect.poll(() => h.root.activeElement).toBe(field);
    await retype(field, '4');
    await userEvent.keyboard('{Enter}');

    await expect.poll(() => h.words()).toBe('Set the weight from x₂ to hidden 1 unit 1 to 4.');
    expect(h.hasField()).toBe(false);
    await expect.poll(() => h.root.activeElement).toBe(h.diagram());
    // The untrained network now has that weight: its loss and its heatmap are new.
    expect(el.report!.step).toBe(0);
    expect(Math.abs(el.report!.trainLoss - lossBefore)).toBeGreaterThan(1e-3);
    await expect.poll(() => changedPixels(h.plot(), plotBefore)).toBeGreaterThan(500);

    // The engine, started by a step, starts from the edited weight (one step moves it a little).
    await el.step();
    const weights = await (await engine()).weights();
    expect(weights[0]!.kernel[1 * 4 + 0]).toBeCloseTo(4, 1);
  });

  it('a value that is not a number gets an error in words and changes nothing; Escape keeps the weight', async () => {
    const el = await mount(QUICK);
    const h = harness(el);
    const report = el.report!;
    await press(h.diagram(), '{Enter}');
    await el.updateComplete;
    const field = h.field(/^Weight from x₁ to hidden 1 unit 1$/);
    const shown = field.value;
    expect(shown).toMatch(/^-?\d/);
    await retype(field, 'abc');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => h.error()).toMatch(/“abc” is not a number/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(h.root.querySelector('#weight-error')?.getAttribute('role')).toBe('alert');
    // Nothing was set: the same report, and the field is still open for another try.
    expect(el.report).toBe(report);
    expect(h.hasField()).toBe(true);
    await expectNoAxeViolations(el);

    await retype(field, '1e9');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => h.error()).toMatch(/too large: type a number between −100 and 100/);
    expect(el.report).toBe(report);

    await userEvent.keyboard('{Escape}');
    await expect.poll(() => h.hasField()).toBe(false);
    expect(h.words()).toBe(
      `Kept the weight from x₁ to hidden 1 unit 1: ${shown.replace('-', '−')}.`,
    );
    expect(el.report).toBe(report);
    await expect.poll(() => h.root.activeElement).toBe(h.diagram());
  });

  it('by a click on an edge, or on a neuron for its bias, while the engine runs: set in the engine', async () => {
    const el = await mount(QUICK);
    const h = harness(el);
    await el.step(); // the engine exists now
    const eng = await engine();
    const canvas = h.diagram();
    const g = geometry(canvas, [2, 4, 1]);
    // A quarter of the way along the edge from x₁ to hidden unit 3.
    const x0 = g.colX(0) + g.side / 2;
    const x1 = g.colX(1) - g.side / 2;
    const y0 = g.unitY(0, 0);
    const y1 = g.unitY(1, 2);
    const p = at(canvas, x0 + 0.25 * (x1 - x0), y0 + 0.25 * (y1 - y0));
    await userEvent.click(canvas, { position: p });
    const field = h.field(/^Weight from x₁ to hidden 1 unit 3$/);
    await expect.poll(() => h.root.activeElement).toBe(field);
    const plotBefore = pixels(h.plot());
    await retype(field, '−2.5');
    await userEvent.keyboard('{Enter}');
    await expect.poll(async () => (await eng.weights())[0]!.kernel[0 * 4 + 2]).toBe(-2.5);
    await expect.poll(() => changedPixels(h.plot(), plotBefore)).toBeGreaterThan(100);
    expect(h.words()).toBe('Set the weight from x₁ to hidden 1 unit 3 to −2.5.');

    // The output neuron: its bias.
    const q = at(canvas, g.colX(2), g.unitY(2, 0));
    await userEvent.click(canvas, { position: q });
    const bias = h.field(/^Bias of output$/);
    await retype(bias, '0.75');
    await userEvent.keyboard('{Enter}');
    await expect.poll(async () => (await eng.weights())[1]!.bias[0]).toBe(0.75);
  });

  it('fits a 375px phone: a tap near a thin edge picks it, and the field fits the width', async () => {
    // A 375px phone less the page's margins, as the trainer's own phone test.
    const el = await mount(QUICK, 343);
    const h = harness(el);
    const canvas = h.diagram();
    const g = geometry(canvas, [2, 4, 1]);
    // 10 px below the middle of the edge from hidden unit 2 to the output: a finger's slip.
    const x0 = g.colX(1) + g.side / 2;
    const x1 = g.colX(2) - g.side / 2;
    const ym = (g.unitY(1, 1) + g.unitY(2, 0)) / 2;
    canvas.dispatchEvent(
      new PointerEvent('click', {
        bubbles: true,
        pointerType: 'touch',
        ...(() => {
          const c = at(canvas, (x0 + x1) / 2, ym + 10);
          const rect = canvas.getBoundingClientRect();
          return { clientX: rect.left + c.x, clientY: rect.top + c.y };
        })(),
      }),
    );
    await el.updateComplete;
    const field = h.field(/^Weight from hidden 1 unit 2 to output$/);
    const form = h.root.querySelector('form.weight-editor')!;
    expect(form.scrollWidth).toBeLessThanOrEqual(form.clientWidth + 1);
    expect(form.getBoundingClientRect().right).toBeLessThanOrEqual(
      el.getBoundingClientRect().right,
    );
    expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
    expect(field.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    await expectNoAxeViolations(el);
  });
});

describe('the trainer’s loss feed', () => {
  it('draws the validation loss and marks where early stopping stopped and which weights it kept', async () => {
    const chart = await mountWidget('nn-loss-chart', '', 600);
    const feed = new LossFeed(() => chart as NnLossChart, 100);
    for (let step = 0; step <= 80; step += 10) {
      feed.add(
        {
          step,
          trainLoss: 0.7 - step / 200,
          testLoss: 0.7 - step / 300,
          validationLoss: 0.5 + ((step - 40) / 100) ** 2,
        },
        true,
        true,
      );
    }
    feed.add(
      {
        step: 90,
        trainLoss: 0.25,
        testLoss: 0.4,
        validationLoss: 0.5,
        earlyStop: { step: 90, epoch: 9, bestStep: 40, bestEpoch: 4, bestValidationLoss: 0.5 },
      },
      true,
      true,
    );
    await settle(chart);
    expect(chart.series.map((s) => [s.name, s.length])).toEqual([
      ['train', 10],
      ['test', 10],
      ['validation', 10],
    ]);
    expect(chart.markers.map((m) => [m.label, m.step])).toEqual([
      ['kept weights', 40],
      ['stopped', 90],
    ]);
    const svg = chart.shadowRoot!.querySelector('svg.plot-svg')!;
    expect([...svg.querySelectorAll('g.marker text')].map(text)).toEqual([
      'kept weights',
      'stopped',
    ]);
    expect(text(chart.shadowRoot!.querySelector('[part~="summary"]'))).toMatch(
      /Early stopping stopped training at step 90 \(epoch 9\)/,
    );
    // A new run: no series, no marks.
    feed.clear();
    await settle(chart);
    expect(chart.series).toEqual([]);
    expect(svg.querySelector('g.markers')).toBeNull();
  });
});
