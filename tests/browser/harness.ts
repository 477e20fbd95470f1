/**
 * What the widget tests share to read a widget the way a user does: its text, and its controls by
 * their visible label. They read the shadow root but never call private members of an element.
 */

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
