import { describe, expect, it, vi } from 'vitest';
import '../../src/widgets/digits/index';
import { clearPageAfterEach, text } from './harness';
import { placeWidget, settle } from './settle';

clearPageAfterEach();

describe('<nn-digits> drawing pad', () => {
  it('reads a finished stroke at once, in the pointerup itself, not on a later frame', async () => {
    const el = await placeWidget('nn-digits', '');
    await vi.waitFor(() => expect(el.session.evaluation).not.toBeNull(), { timeout: 30_000 });
    await settle(el);
    const pad = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.pad')!;
    const box = pad.getBoundingClientRect();
    const send = (type: string, fy: number) =>
      pad.dispatchEvent(
        new PointerEvent(type, {
          pointerId: 1,
          pointerType: 'mouse',
          button: 0,
          bubbles: true,
          composed: true,
          clientX: box.left + box.width / 2,
          clientY: box.top + box.height * fy,
        }),
      );
    // One task: no animation frame can run between these events.
    send('pointerdown', 0.2);
    send('pointermove', 0.5);
    send('pointermove', 0.8);
    expect(el.pad.empty).toBe(true); // while drawing, the pad reads on the next frame
    send('pointerup', 0.8);
    expect(el.pad.empty).toBe(false);
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part~="pad-text"]'))).toMatch(
      /^The network reads \d \(/,
    );
  });
});
