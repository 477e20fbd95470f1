/**
 * <nn-network-trainer> with more than two classes: three-blobs and CSV files of 3–10 classes, a
 * softmax output trained by the real engine, the key, the class chooser, per-class accuracy in
 * the summary and in nn-train-progress, share links. Read through what a user (or the page) sees.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/network-trainer/index';
import type { NnNetworkTrainer } from '../../src/widgets/network-trainer/index';
import { parseFrameHash } from '../../src/embed/frame';
import { expectNoAxeViolations, expectNoAxeViolationsInDark } from './axe';
import { inDarkMode, labelledControl, showDataTable, text } from './harness';
import { mounter } from './settle';
import { progress, ready } from './trainer-widget';

const TAG = 'nn-network-trainer';
const BLOBS = 'dataset="three-blobs" classes="cat,dog,bird" backend="cpu" seed="1"';

const mount = mounter(TAG, { settled: false });

const labelled = <T extends HTMLElement>(el: NnNetworkTrainer, pattern: RegExp): T =>
  labelledControl<T>(el.shadowRoot!, pattern);

const summary = (el: NnNetworkTrainer) => text(el.shadowRoot!.querySelector('[part~="summary"]'));

/** Pixels of the plot of roughly this colour (each channel within 40). */
function pixelsNear(canvas: HTMLCanvasElement, [r, g, b]: [number, number, number]): number {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (
      Math.abs(data[i]! - r) < 40 &&
      Math.abs(data[i + 1]! - g) < 40 &&
      Math.abs(data[i + 2]! - b) < 40
    ) {
      count++;
    }
  }
  return count;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('<nn-network-trainer> with three or more classes', () => {
  it('a seeded run learns three-blobs to at least 90% test accuracy within 150 epochs, per class too', async () => {
    const el = await mount(`${BLOBS} max-epochs="150"`);
    const events = progress(el);
    await ready(el);
    const root = el.shadowRoot!;
    // Before training: the key names each class, and the diagram has three softmax outputs.
    expect([...root.querySelectorAll('.key li')].map(text)).toEqual([
      'class = cat',
      'class = dog',
      'class = bird',
      'hollow: test point',
    ]);
    expect(root.querySelectorAll('.key li svg .class2').length).toBe(1);
    expect(root.querySelector('canvas.diagram')!.getAttribute('aria-label')).toMatch(
      /3 softmax outputs, one per class/,
    );
    expect(text(root.querySelector('[part~="architecture"]'))).toContain(
      'Then 3 output neurons, one score per class, and a softmax turns the scores into probabilities.',
    );
    el.play();
    // It pauses by itself on epoch 150 (max-epochs), and says so in its last event.
    await expect.poll(() => events.at(-1)?.epoch, { timeout: 60_000, interval: 100 }).toBe(150);
    await expect.poll(() => el.playing).toBe(false);
    const last = events.at(-1)!;
    expect(last.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(last.testClassAccuracy).toHaveLength(3);
    for (const a of last.testClassAccuracy) expect(a).toBeGreaterThanOrEqual(0.75);
    expect(last.trainClassAccuracy).toHaveLength(3);
    // The summary says it in words, per class, as the page was told.
    const percent = (v: number | null) => `${Math.round(v! * 100)}%`;
    await expect
      .poll(() => summary(el))
      .toContain(
        `${percent(last.testAccuracy)} of test points right (${percent(last.trainAccuracy)} of training points). ` +
          `Right per class (test points): cat ${percent(last.testClassAccuracy[0]!)}, dog ${percent(last.testClassAccuracy[1]!)}, bird ${percent(last.testClassAccuracy[2]!)}.`,
      );
    // The heatmap is coloured per class: the third class's green (Okabe–Ito #009e73) is painted.
    await expect
      .poll(() => pixelsNear(root.querySelector('canvas.plot')!, [0, 158, 115]))
      .toBeGreaterThan(200);
    expect(text(root)).not.toMatch(/NaN|Infinity|undefined/);
  }, 90_000);

  it('the class chooser and the keys 0–2 pick the class of a new point; the cursor reads three probabilities', async () => {
    const el = await mount(BLOBS);
    await ready(el);
    const root = el.shadowRoot!;
    expect(
      [...root.querySelectorAll<HTMLInputElement>('input[name="add-class"]')].map((r) => r.value),
    ).toEqual(['0', '1', '2', 'read']);
    await userEvent.click(labelled<HTMLInputElement>(el, /adds class = bird/));
    const plot = root.querySelector<HTMLCanvasElement>('canvas.plot')!;
    const rect = plot.getBoundingClientRect();
    await userEvent.click(plot, { position: { x: rect.width / 2, y: rect.height / 2 } });
    await el.updateComplete;
    expect(el.points.split(',').map(Number)[2]).toBe(2);
    // The keyboard: focus, move, read, choose class 0 with "0", add with Enter.
    plot.focus();
    await userEvent.keyboard('{ArrowUp}');
    await el.updateComplete;
    expect(text(root.querySelector('.cursor-text'))).toMatch(
      /^Cursor at x₁ = −?0\.\d\d, x₂ = −?0\.\d\d: the network says class = (cat|dog|bird) \(\d+%; (cat|dog|bird) \d+%, (cat|dog|bird) \d+%\)\.$/,
    );
    await userEvent.keyboard('0{Enter}');
    await el.updateComplete;
    expect(el.points.split(';').map((p) => p.split(',')[2])).toEqual(['2', '0']);
    expect(text(root.querySelector('.cursor-text'))).toMatch(/Added a point of class = cat/);
    // A key beyond the classes chooses nothing.
    await userEvent.keyboard('5{Enter}');
    await el.updateComplete;
    expect(el.points.split(';').map((p) => p.split(',')[2])).toEqual(['2', '0', '0']);
  });

  it('a CSV of four classes is accepted, says so, and trains a softmax of four', async () => {
    const el = await mount('backend="cpu" layers="6:tanh"');
    const events = progress(el);
    const rows = ['size,speed,animal'];
    const names = ['ant', 'bee', 'cat', 'dog'];
    for (let i = 0; i < 40; i++) {
      const c = i % 4;
      rows.push(
        `${(c % 2) * 4 + (i % 3) * 0.3},${Math.floor(c / 2) * 4 + (i % 5) * 0.2},${names[c]}`,
      );
    }
    const report = el.loadCsv(rows.join('\n'));
    expect(report.used).toContain(
      '4 classes found in the label column: “ant”, “bee”, “cat”, “dog”.',
    );
    await el.updateComplete;
    expect(el.getAttribute('dataset')).toBe('custom');
    expect(el.getAttribute('classes')).toBe('ant,bee,cat,dog');
    expect([...el.shadowRoot!.querySelectorAll('.key li')].map(text).slice(0, 4)).toEqual(
      names.map((n) => `animal = ${n}`),
    );
    await ready(el);
    await el.step();
    await expect.poll(() => events.at(-1)?.testClassAccuracy.length).toBe(4);
    expect(el.report!.backend).toBe('cpu');
  });

  it('the share link rebuilds the same three-class setup', async () => {
    const el = await mount(BLOBS);
    el.addPoint(0.25, -0.5, 2);
    await el.updateComplete;
    const parsed = parseFrameHash(new URL(el.shareUrl()).hash);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const copy = document.createElement(TAG);
    for (const [name, value] of parsed.request.attributes) copy.setAttribute(name, value);
    document.body.append(copy);
    await copy.updateComplete;
    for (const name of ['dataset', 'classes', 'points', 'backend']) {
      expect(copy.getAttribute(name), name).toBe(el.getAttribute(name));
    }
    expect(copy.points).toBe('0.25,-0.5,2');
    await ready(copy);
    expect([...copy.shadowRoot!.querySelectorAll('.key li')].map(text)[2]).toBe('class = bird');
  });

  it('has no axe violations, with the data tables shown', async () => {
    const el = await mount(BLOBS);
    await ready(el);
    await el.step();
    await showDataTable(el);
    expect(text(el.shadowRoot!.querySelector('table caption'))).toMatch(
      /class the network finds likeliest/,
    );
    await expectNoAxeViolations(el);
  });

  it('has no axe violations in dark mode', async () => {
    await inDarkMode(async () => {
      const el = await mount(BLOBS);
      await ready(el);
      await expectNoAxeViolationsInDark(el);
    });
  });
});
