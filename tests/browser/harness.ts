/**
 * What the widget tests share to read and use a widget the way a user does: its text, its controls
 * by their visible label, keys and typing, its events, light and dark mode. They read the shadow
 * root but never call private members of an element.
 */
import type { ReactiveElement } from 'lit';
import { afterEach, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { mounter } from './settle';

/** Whitespace-normalised text, as a reader would see it. */
export const text = (node: Node | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * The form control whose `<label>` text matches `pattern`: the one the label points to (`for`), or
 * the one inside it. Throws, naming the pattern, when there is none.
 */
export function labelledControl<T extends HTMLElement = HTMLInputElement>(
  root: ShadowRoot | Document,
  pattern: RegExp,
): T {
  for (const label of root.querySelectorAll('label')) {
    if (!pattern.test(text(label))) continue;
    const control = label.htmlFor
      ? root.getElementById(label.htmlFor)
      : label.querySelector('input, select, textarea');
    if (control) return control as T;
  }
  throw new Error(`no control labelled ${pattern}`);
}

/**
 * The button whose words match `pattern`: its visible text or its `aria-label`. Throws, naming the
 * pattern, when there is none.
 */
export function buttonNamed(root: ParentNode, pattern: RegExp): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find(
    (b) => pattern.test(text(b)) || pattern.test(b.getAttribute('aria-label') ?? ''),
  );
  if (!button) throw new Error(`no button ${pattern}`);
  return button;
}

/** The `selector` control whose `aria-label` is exactly `name`. Throws, naming both, when none is. */
export function controlNamed<T extends Element = HTMLInputElement>(
  root: ParentNode,
  selector: string,
  name: string,
): T {
  const found = [...root.querySelectorAll<T>(selector)].find(
    (c) => c.getAttribute('aria-label') === name,
  );
  if (!found) throw new Error(`no ${selector} named ${name}`);
  return found;
}

/**
 * The input inside the `labels` label whose text is `name` (or matches it): a radio button or a
 * checkbox wrapped in its label. Throws, naming it, when there is none.
 */
export function choiceNamed(
  root: ParentNode,
  name: string | RegExp,
  labels = 'label',
): HTMLInputElement {
  const label = [...root.querySelectorAll(labels)].find((l) =>
    typeof name === 'string' ? text(l) === name : name.test(text(l)),
  );
  const input = label?.querySelector('input');
  if (!input) throw new Error(`no choice ${name}`);
  return input;
}

/** What every widget is read by, found the same way in its shadow root `root` (see `finders`). */
export type CommonFinders = ReturnType<typeof commonFinders>;

/**
 * A widget test's harness: what every widget is read by, found the same way in `el`'s shadow root
 * (`root`) — a button by its words, a control by its label, the text of a named part
 * (`[part~="name"]`, '' where there is none), its data table — and what `own` finds there that
 * only this widget has (which wins where the names are the same; `own` may build on the common
 * finders, its second argument).
 */
export function finders<T extends object>(
  el: Element,
  own: (root: ShadowRoot, common: CommonFinders) => T,
): Omit<CommonFinders, keyof T> & T {
  const root = el.shadowRoot!;
  const common = commonFinders(root);
  return { ...common, ...own(root, common) };
}

/**
 * The test file of one widget, `<tag>`: each of its tests starts on an empty page
 * (`clearPageAfterEach`); `mount` puts the widget alone on the page (see `mounter`, with
 * `options`), `place` does the same but waits for its first render only, not for its drawing, and
 * `harness` finds what a user finds in it (see `finders`, with `own`).
 */
export function widgetTest<K extends keyof HTMLElementTagNameMap, T extends object>(
  tag: K,
  own: (root: ShadowRoot, common: CommonFinders) => T,
  options: { width?: number; settled?: boolean } = {},
) {
  clearPageAfterEach();
  return {
    mount: mounter(tag, options),
    place: mounter(tag, { ...options, settled: false }),
    harness: (el: Element) => finders(el, own),
  };
}

const commonFinders = (root: ShadowRoot) => ({
  root,
  button: (pattern: RegExp) => buttonNamed(root, pattern),
  /** The control labelled `pattern` (see `labelledControl`). */
  labelled: <C extends HTMLElement = HTMLInputElement>(pattern: RegExp) =>
    labelledControl<C>(root, pattern),
  part: (name: string) => text(root.querySelector(`[part~="${name}"]`)),
  table: () => root.querySelector('table'),
});

/** The update of the element whose shadow root holds `node` (none for a node in the page itself). */
async function hostUpdate(node: Node): Promise<void> {
  const root = node.getRootNode();
  if (root instanceof ShadowRoot) await (root.host as Partial<ReactiveElement>).updateComplete;
}

/**
 * Focus a control and press keys on it (`{ArrowRight}`, `{End}`, …), as a keyboard user does; then
 * wait until the widget that holds it has updated.
 */
export async function press(control: Element, keys: string): Promise<void> {
  (control as HTMLElement).focus();
  await userEvent.keyboard(keys);
  await hostUpdate(control);
}

/**
 * Replace a field's text by typing, as a user would: select all, then type; then wait until the
 * widget that holds it has updated.
 */
export async function retype(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  await userEvent.keyboard(value === '' ? '{Backspace}' : value);
  await hostUpdate(input);
}

/** The words of the message a field points to (`aria-describedby`), '' where there is none. */
export function describedBy(field: Element): string {
  const id = field.getAttribute('aria-describedby');
  return id ? text((field.getRootNode() as ShadowRoot | Document).getElementById(id)) : '';
}

/**
 * Type `typed` into `field` (see `retype`), which the widget refuses in place: the field is marked
 * invalid (`aria-invalid`), keeps what was typed, and the message it points to says `says`.
 */
export async function typeRefused(field: HTMLInputElement, typed: string, says: string) {
  await retype(field, typed);
  expect(field.getAttribute('aria-invalid')).toBe('true');
  expect(field.value).toBe(typed);
  expect(describedBy(field)).toContain(says);
}

/** The `detail` of every `type` event `el` fires from now on, in order. */
export function collectDetails<T>(el: Element, type = 'nn-change'): T[] {
  const details: T[] = [];
  el.addEventListener(type, (e) => details.push((e as CustomEvent<T>).detail));
  return details;
}

/**
 * Press a widget's "Show data table" button and wait for the table to render; the button said it
 * was collapsed (`aria-expanded`) and now says it is expanded, in words ("Hide data table") too.
 */
export async function showDataTable(el: ReactiveElement): Promise<void> {
  const button = buttonNamed(el.shadowRoot!, /show data table/i);
  expect(button.getAttribute('aria-expanded')).toBe('false');
  await userEvent.click(button);
  await el.updateComplete;
  expect(button.getAttribute('aria-expanded')).toBe('true');
  expect(text(button)).toMatch(/hide data table/i);
}

/**
 * Show the widget's data table (see `showDataTable`) and read it as a reader sees it: the table
 * (the first `selector` in the shadow root), its header cells and its rows. Throws when there is none.
 */
export async function readDataTable(
  el: ReactiveElement,
  selector = 'table',
): Promise<{ table: Element; head: string[]; rows: string[][] }> {
  await showDataTable(el);
  const table = el.shadowRoot!.querySelector(selector);
  if (!table) throw new Error(`no ${selector}`);
  return { table, head: tableHead(table), rows: tableRows(table) };
}

/**
 * Run `body` as a reader whose system asks for the media `features` (e.g. `prefers-color-scheme:
 * dark`), emulated through the DevTools protocol; the emulation ends with it, whatever happens.
 */
export async function withEmulatedMedia<T>(
  features: { name: string; value: string }[],
  body: () => Promise<T>,
): Promise<T> {
  const session = cdp();
  await session.send('Emulation.setEmulatedMedia', { features });
  try {
    return await body();
  } finally {
    await session.send('Emulation.setEmulatedMedia', { features: [] });
  }
}

/** Run `body` as a reader whose system asks for dark mode (see `withEmulatedMedia`). */
export const inDarkMode = <T>(body: () => Promise<T>): Promise<T> =>
  withEmulatedMedia([{ name: 'prefers-color-scheme', value: 'dark' }], body);

/** Run `body` as a reader whose system asks for reduced motion (see `withEmulatedMedia`). */
export const withReducedMotion = <T>(body: () => Promise<T>): Promise<T> =>
  withEmulatedMedia([{ name: 'prefers-reduced-motion', value: 'reduce' }], body);

/** Each test of the file starts on an empty page, with no spy left from the one before. */
export function clearPageAfterEach(): void {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });
}

/**
 * The widget does not scroll sideways, and none of its `parts` (in its shadow root) reaches past
 * its right edge (by more than `tolerance` px).
 */
export function expectFitsItsWidth(el: Element, parts = '.layout > *', tolerance = 0): void {
  expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
  const right = el.getBoundingClientRect().right;
  for (const part of el.shadowRoot!.querySelectorAll<HTMLElement>(parts)) {
    expect(part.getBoundingClientRect().right, part.className).toBeLessThanOrEqual(
      right + tolerance,
    );
  }
}

/** A table's header cells as a reader sees them. Throws when there is no table. */
export function tableHead(table: Element | null): string[] {
  if (!table) throw new Error('no table');
  return [...table.querySelectorAll('thead th')].map(text);
}

/** A table's body, row by row, each cell as a reader sees it. Throws when there is no table. */
export function tableRows(table: Element | null): string[][] {
  if (!table) throw new Error('no table');
  return [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map(text));
}

/** Keep `console.warn` quiet and record what it is asked to say (undone by `clearPageAfterEach`). */
export const silenceWarnings = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

/** Exactly one warning was given, and it says each of `fragments`. */
export function expectOneWarning(
  warn: ReturnType<typeof silenceWarnings>,
  ...fragments: string[]
): void {
  expect(warn).toHaveBeenCalledTimes(1);
  const warning = String(warn.mock.calls[0]?.[0]);
  for (const fragment of fragments) expect(warning).toContain(fragment);
}

/** Nothing the widget shows reads NaN, Infinity or undefined. */
export function expectNoNonsense(el: Element): void {
  expect(text(el.shadowRoot)).not.toMatch(/NaN|Infinity|undefined/);
}

/**
 * One test for each `[attribute, value, property, fallback, says]`: a widget mounted with that bad
 * attribute value (and the attributes `also`) falls back to its default — `property` is `fallback`
 * and it is still `drawn` — shows no NaN, Infinity or undefined anywhere, and after another update
 * (`update`) still shows none and has given exactly one warning, which says each of `says`
 * (by default it names the attribute and the value: `attribute="value"`).
 */
export function itFallsBackOnBadAttributes<E extends ReactiveElement>(
  mount: (attributes: string) => Promise<E>,
  cases: readonly (readonly [
    attribute: string,
    value: string,
    property: keyof E,
    fallback: unknown,
    says?: readonly string[],
  ])[],
  { drawn, update, also = '' }: { drawn?: (el: E) => void; update: (el: E) => void; also?: string },
): void {
  const named = cases.map(
    ([attribute, value, property, fallback, says = [`${attribute}="${value}"`]]) =>
      [attribute, value, property, fallback, says] as [string, string, keyof E, unknown, string[]],
  );
  it.each(named)(
    'a bad %s="%s" falls back to the default with exactly one warning',
    async (attribute, value, property, fallback, says) => {
      const warn = silenceWarnings();
      const el = await mount(`${attribute}="${value}"${also}`);
      expect(el[property]).toEqual(fallback);
      drawn?.(el);
      expectNoNonsense(el);
      update(el);
      await el.updateComplete;
      expectNoNonsense(el);
      expectOneWarning(warn, ...says);
    },
  );
}
