/**
 * Charts are drawn to fit their box, measured by a ResizeObserver (shared/size.ts), never by
 * reading the layout inside an update: a read there forces a layout of the whole page while the
 * first render is still running (Lighthouse counts it as blocking time).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LitElement, html } from 'lit';
import { WIDGETS } from '../../src/widgets/catalog';
import { loadWidgets } from '../../src/widgets/loaders';
import { SizeController } from '../../src/widgets/shared/size';
import { settle } from './settle';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Count the layout reads (getBoundingClientRect, client/offset sizes) made while `run` runs. */
async function layoutReads(run: () => Promise<void>): Promise<string[]> {
  const reads: string[] = [];
  const restore: (() => void)[] = [];
  const spy = (proto: object, name: string) => {
    const desc = Object.getOwnPropertyDescriptor(proto, name)!;
    const wrapped = { ...desc };
    if (desc.value) {
      wrapped.value = function (this: unknown, ...args: unknown[]) {
        reads.push(name);
        return (desc.value as (...a: unknown[]) => unknown).apply(this, args);
      };
    } else {
      wrapped.get = function (this: unknown) {
        reads.push(name);
        return desc.get!.call(this);
      };
    }
    Object.defineProperty(proto, name, wrapped);
    restore.push(() => Object.defineProperty(proto, name, desc));
  };
  spy(Element.prototype, 'getBoundingClientRect');
  for (const name of ['clientWidth', 'clientHeight']) spy(Element.prototype, name);
  for (const name of ['offsetWidth', 'offsetHeight']) spy(HTMLElement.prototype, name);
  try {
    await run();
  } finally {
    restore.forEach((r) => r());
  }
  return reads;
}

describe('the first render of a widget', () => {
  it.each(WIDGETS.map((w) => w.tag))('<%s> reads no layout', async (tag) => {
    await loadWidgets([tag]);
    const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
    const reads = await layoutReads(async () => {
      document.body.append(el);
      await el.updateComplete;
    });
    expect(reads).toEqual([]);
  });
});

class SizedBox extends LitElement {
  redraws: number[] = [];
  readonly size = new SizeController(this, {
    target: () => this.renderRoot.querySelector('div'),
    redraw: () => this.redraws.push(this.size.width),
  });
  override render() {
    return html`<div style="width: 100%; height: 20px"></div>`;
  }
}
customElements.define('test-sized-box', SizedBox);

describe('SizeController', () => {
  it('measures after the first render, redraws once per change of a pixel or more, and follows a move', async () => {
    document.body.innerHTML = '<div style="width: 300px"><test-sized-box></test-sized-box></div>';
    const box = document.body.firstElementChild as HTMLElement;
    const el = document.querySelector<SizedBox>('test-sized-box')!;
    await el.updateComplete;
    expect(el.size.measured).toBe(false);
    await settle(el);
    expect(el.size.width).toBe(300);
    expect(el.redraws).toEqual([300]);

    box.style.width = '200.5px';
    await settle(el);
    expect(el.redraws).toEqual([300, 200.5]);
    box.style.width = '200px'; // less than a pixel: nothing to redraw
    await settle(el);
    // The next change of a pixel or more is redrawn; a redraw for 200px would come before it.
    box.style.width = '150px';
    await expect.poll(() => el.redraws.at(-1)).toBe(150);
    expect(el.redraws).toEqual([300, 200.5, 150]);

    // Moved to another box: observed there (the teardown test checks that removal stops it).
    el.remove();
    document.body.insertAdjacentHTML('beforeend', '<div style="width: 120px"></div>');
    document.body.lastElementChild!.append(el);
    await expect.poll(() => el.redraws.at(-1)).toBe(120);
    expect(el.redraws).toEqual([300, 200.5, 150, 120]);
  });
});
