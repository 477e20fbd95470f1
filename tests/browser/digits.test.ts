import { describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import '../../src/widgets/digits/index';
import type { DigitsProgressDetail, NnDigits } from '../../src/widgets/digits/index';
import { expectNoAxeViolations, expectNoAxeViolationsInDark } from './axe';
import { clearPageAfterEach, collectDetails, finders, inDarkMode, text } from './harness';
import { placeWidget, settle } from './settle';

const TAG = 'nn-digits';

/** Mount `<nn-digits …>` in a box `width` px wide and wait until its digits are loaded. */
async function mount(attributes = '', width?: number): Promise<NnDigits> {
  const el = await placeWidget(TAG, attributes, width);
  await vi.waitFor(() => expect(el.session.evaluation).not.toBeNull(), { timeout: 30_000 });
  await settle(el);
  return el;
}

const harness = (el: NnDigits) =>
  finders(el, (root) => ({
    pad: () => root.querySelector<HTMLCanvasElement>('canvas.pad')!,
    cells: () => [...root.querySelectorAll<SVGGElement>('.matrix g.cell')],
    digitsPanel: () => root.querySelector('[part~="digits"]')!,
    thumbs: () => [...root.querySelectorAll<HTMLButtonElement>('[part~="digits"] button.thumb')],
  }));

/** Wait until training has stopped by itself after its last epoch. */
async function trainToEnd(el: NnDigits): Promise<DigitsProgressDetail[]> {
  const events = collectDetails<DigitsProgressDetail>(el, 'nn-train-progress');
  harness(el)
    .button(/^Train$/)
    .click();
  await vi.waitFor(() => expect(el.session.phase).toBe('done'), {
    timeout: 240_000,
    interval: 200,
  });
  await settle(el);
  return events;
}

/** A vertical stroke, as a finger or a mouse would draw a "1", in the pad's unit square. */
const ONE = Array.from({ length: 12 }, (_, i) => ({
  x: 0.5 + 0.01 * (i / 11),
  y: 0.15 + 0.7 * (i / 11),
}));

clearPageAfterEach();

describe('<nn-digits>', () => {
  it('loads the digits and shows the untrained network: chance accuracy, the architecture, "draw a digit"', async () => {
    const el = await mount();
    const h = harness(el);
    expect(h.part('status')).toMatch(
      /^Untrained: test accuracy \d+\.\d% \(guessing gives about 10%\)/,
    );
    expect(text(el.shadowRoot!.querySelector('.arch'))).toBe(
      '784 → 64 → 10: 50,890 weights and biases',
    );
    expect(h.part('pad-text')).toBe('Draw a digit.');
    expect(h.button(/^Clear$/).disabled).toBe(true);
    expect(h.cells()).toHaveLength(100);
    // Nothing but digits 0…9, as the header promised: 2,000 test digits in the matrix.
    const total = el.session.evaluation!.confusion.reduce((a, b) => a + b, 0);
    expect(total).toBe(2000);
  });

  it('keyboard path: a test digit chosen by number is described with its label and the prediction', async () => {
    const el = await mount();
    const h = harness(el);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#test-index')!;
    input.focus();
    input.select();
    await userEvent.keyboard('17{Enter}');
    await settle(el);
    const truth = el.session.data!.test.labels[16]!;
    expect(h.part('picker-text')).toMatch(
      new RegExp(
        `^Test digit 17 of 2,000 is a ${truth}\\. The network reads \\d: (right|wrong)\\. Its top three: \\d \\(`,
      ),
    );
    h.button(/^→$/).click();
    await settle(el);
    expect(h.part('picker-text')).toMatch(/^Test digit 18 of 2,000/);
  });

  it('a seeded run reaches ≥ 90 % test accuracy in 2 epochs, then reads a drawn "1" as 1', async () => {
    const el = await mount(
      'hidden-units="32" learning-rate="0.002" batch-size="64" epochs="2" seed="1"',
    );
    const h = harness(el);
    const events = await trainToEnd(el);
    const last = events[events.length - 1]!;
    expect(last.epoch).toBe(2);
    expect(last.testAccuracy).toBeGreaterThanOrEqual(0.9);
    // Trained by the engine (in its worker): the from-scratch engine, by default.
    expect(last.backend).toBe('js');
    expect(el.session.backend).toBe(last.backend);
    expect(
      events.every((e) =>
        Object.values(e).every((v) => typeof v === 'string' || Number.isFinite(v)),
      ),
    ).toBe(true);
    expect(h.part('status')).toMatch(/^Done: 2 epochs, test accuracy (9\d|100)\.\d%\.$/);

    // The drawing pad: a vertical stroke.
    el.pad.setStrokes([ONE]);
    await vi.waitFor(() => expect(h.part('pad-text')).toMatch(/^The network reads 1 \(\d+\.\d%\)/));
    await settle(el);
    const best = el.shadowRoot!.querySelector('.pad-area .bars li.best');
    expect(text(best?.querySelector('.digit'))).toBe('1');
    // Clear: back to "draw a digit", no guess.
    h.button(/^Clear$/).click();
    await settle(el);
    expect(h.part('pad-text')).toBe('Draw a digit.');

    // A confusion cell opens the digits it holds: the cell's count equals the thumbnails shown.
    const confusion = el.session.evaluation!.confusion;
    let truth = 0;
    let read = 1;
    let most = -1;
    for (let t = 0; t < 10; t++)
      for (let c = 0; c < 10; c++)
        if (t !== c && confusion[t * 10 + c]! > most)
          [truth, read, most] = [t, c, confusion[t * 10 + c]!];
    const cell = h
      .cells()
      .find(
        (g) =>
          g.getAttribute('aria-label') ===
          `${truth} read as ${read}: ${most} test digit${most === 1 ? '' : 's'}`,
      )!;
    expect(cell).toBeDefined();
    cell.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('#digits-title'))).toBe(
      `${most} test digit${most === 1 ? '' : 's'} of ${truth} read as ${read}`,
    );
    expect(h.thumbs()).toHaveLength(Math.min(30, most));
    expect(text(h.thumbs()[0])).toMatch(
      new RegExp(`^Test digit \\d+, a ${truth} ; read as ${read} \\(`),
    );
  }, 300_000);

  it('keyboard: the matrix is one tab stop, the arrow keys move between cells, Enter opens one', async () => {
    const el = await mount('hidden-units="16"');
    const h = harness(el);
    const root = el.shadowRoot!;
    const stops = () => h.cells().filter((c) => c.getAttribute('tabindex') === '0');
    expect(stops()).toHaveLength(1);
    stops()[0]!.focus();
    expect(root.activeElement?.getAttribute('aria-label')).toMatch(/^0 read as 0, right: /);
    await userEvent.keyboard('{ArrowRight}{ArrowDown}{ArrowDown}');
    await settle(el);
    expect(root.activeElement?.getAttribute('aria-label')).toMatch(/^2 read as 1: /);
    expect(stops()).toHaveLength(1);
    await userEvent.keyboard('{Enter}');
    await settle(el);
    const count = el.session.evaluation!.confusion[2 * 10 + 1]!;
    expect(text(root.querySelector('#digits-title'))).toBe(
      count === 0
        ? 'No 2 was read as 1.'
        : `${count} test digit${count === 1 ? '' : 's'} of 2 read as 1`,
    );
    expect(root.activeElement?.getAttribute('aria-pressed')).toBe('true');
    h.button(/^Back to the mistakes$/).click();
    await settle(el);
    expect(text(root.querySelector('#digits-title'))).toBe('Most confident mistakes');
  });

  it('trains in the engine, which ends with the widget: no engine is left after removal', async () => {
    const { liveEngines } = await import('../../src/train/client');
    const before = liveEngines().length;
    const el = await mount('hidden-units="16" epochs="1"');
    harness(el)
      .button(/^Train$/)
      .click();
    await vi.waitFor(() => expect(el.session.backend).not.toBeNull(), { timeout: 30_000 });
    expect(liveEngines()).toHaveLength(before + 1);
    el.remove();
    expect(liveEngines()).toHaveLength(before);
    expect(el.session.playing).toBe(false);
  });

  it('is axe-clean in light and dark, trained', async () => {
    const el = await mount('epochs="1" hidden-units="16"');
    el.session.trainEpochs(0.2);
    el.requestUpdate();
    await settle(el);
    el.pad.setStrokes([ONE]);
    await settle(el);
    await expectNoAxeViolations(el);
    await inDarkMode(async () => {
      await settle(el);
      await expectNoAxeViolationsInDark(el);
    });
  }, 120_000);

  it('a finger draws on the pad at 375 px: the pad reads the touch', async () => {
    const el = await mount('', 343);
    const h = harness(el);
    const pad = h.pad();
    pad.scrollIntoView();
    await settle(el);
    const box = pad.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(200);
    expect(box.right).toBeLessThanOrEqual(375);
    // Real touch input through the browser (pointer events of type "touch").
    const session = cdp();
    const frame = window.frameElement?.getBoundingClientRect() ?? { left: 0, top: 0 };
    const at = (fx: number, fy: number) => ({
      x: frame.left + box.left + box.width * fx,
      y: frame.top + box.top + box.height * fy,
    });
    const types: string[] = [];
    pad.addEventListener('pointerdown', (e) => types.push(e.pointerType));
    await session.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [at(0.5, 0.2)],
    });
    for (let i = 1; i <= 8; i++) {
      await session.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [at(0.5, 0.2 + 0.6 * (i / 8))],
      });
    }
    await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await vi.waitFor(() => expect(h.part('pad-text')).toMatch(/^The network reads \d \(/));
    expect(types).toEqual(['touch']);
    expect(el.pad.strokes).toHaveLength(1);
    expect(el.pad.strokes[0]!.length).toBeGreaterThan(4);
  });

  it('a digits file that cannot be loaded says so, and Retry loads the real one', async () => {
    document.body.innerHTML = `<${TAG}></${TAG}>`;
    const el = document.querySelector(TAG)!;
    el.dataUrl = '/no-such-digits.bin';
    const h = harness(el);
    await vi.waitFor(() => expect(el.session.phase).toBe('failed'), { timeout: 20_000 });
    await settle(el);
    expect(h.part('status')).toMatch(
      /could not be downloaded: the server answered 404\.|not the digits file/,
    );
    expect(h.button(/^Train$/).disabled).toBe(true);
    el.dataUrl = undefined;
    h.button(/^Retry$/).click();
    await vi.waitFor(() => expect(el.session.evaluation).not.toBeNull(), { timeout: 30_000 });
    await settle(el);
    expect(h.part('status')).toMatch(/^Untrained/);
  });

  it('a damaged file is refused in words, never NaN', async () => {
    const good = await fetch('/@gradient-trail/mnist-digits.bin').then((r) => r.arrayBuffer());
    const bad = new Uint8Array(good.slice(0, 5000));
    const url = URL.createObjectURL(new Blob([bad]));
    document.body.innerHTML = `<${TAG}></${TAG}>`;
    const el = document.querySelector(TAG)!;
    el.dataUrl = url;
    await vi.waitFor(() => expect(el.session.phase).toBe('failed'), { timeout: 20_000 });
    await settle(el);
    expect(harness(el).part('status')).toMatch(
      /^The digits file is cut short: 5000 of 7850064 bytes arrived\.$/,
    );
    expect(text(el.shadowRoot!)).not.toMatch(/NaN/);
    URL.revokeObjectURL(url);
  });
});
