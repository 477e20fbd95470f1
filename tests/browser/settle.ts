import type { ReactiveElement } from 'lit';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Wait until a widget has drawn. Its charts are drawn once their box is measured (never by forcing
 * a layout inside the first update): the ResizeObserver reports in the first frame after the
 * render and the drawing follows in the next, after this helper's own callback for that frame;
 * hence three frames.
 */
export async function settle(el: ReactiveElement): Promise<void> {
  await el.updateComplete;
  for (let i = 0; i < 3; i++) await frame();
  await el.updateComplete;
}

/**
 * Put `<tag attributes>` alone on the page (in a box `width` px wide, if given) and wait for its
 * first render only, not for its drawing: for a test that needs what happens before it settles.
 */
export async function placeWidget<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes = '',
  width?: number,
): Promise<HTMLElementTagNameMap[K]> {
  const widget = `<${tag} ${attributes}></${tag}>`;
  document.body.innerHTML = width ? `<div style="width: ${width}px">${widget}</div>` : widget;
  const el = document.querySelector(tag)!;
  await (el as unknown as ReactiveElement).updateComplete;
  return el;
}

/**
 * Put a `<tag>` on the page (in `parent`) the way a page builds one in script — its `properties`
 * (a lesson, an exercise's spec) set before it is attached — and wait for its first render.
 */
export async function attachWidget<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]>,
  parent: ParentNode = document.body,
): Promise<HTMLElementTagNameMap[K]> {
  const el = Object.assign(document.createElement(tag), properties);
  parent.append(el);
  await (el as unknown as ReactiveElement).updateComplete;
  return el;
}

/** Put `<tag attributes>` alone on the page (in a box `width` px wide, if given) and settle it. */
export async function mountWidget<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes = '',
  width?: number,
): Promise<HTMLElementTagNameMap[K]> {
  const el = await placeWidget(tag, attributes, width);
  await settle(el as unknown as ReactiveElement);
  return el;
}

/**
 * The `mount` of one widget's test file: `mount(attributes, width)` puts `<tag attributes>` alone on
 * the page, `width` px wide if given (else `width` here), and settles it, or only waits for its
 * first render where `settled` is false.
 */
export function mounter<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  { width, settled = true }: { width?: number; settled?: boolean } = {},
): (attributes?: string, width?: number) => Promise<HTMLElementTagNameMap[K]> {
  const place = settled ? mountWidget : placeWidget;
  return (attributes = '', w = width) => place(tag, attributes, w);
}
