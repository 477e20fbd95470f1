import { afterEach, describe, expect, it } from 'vitest';
import '../../src/widgets/matrix-multiply/index';
import { mountWidget } from './settle';

/**
 * Issue 14 item 9: when the equation wraps, no line ends with an operator ("=" dangling after
 * the bias in lesson 2, "·" after W on a phone): each operator starts its line with its operand.
 */
const LESSON_2 = [
  'a="2 -1 0.5" b="3; 2; 4"',
  'a="1 2; 3 4" b="5 6; 7 8"',
  'mode="layer" weights="2 -1 0.5; 0 1 1" input="3; 2; 4" bias="-1; 0.5"',
  'mode="layer" weights="2 -1 0.5; 0 1 1" input="3; 2; 4" bias="-1; 0.5" activation="sigmoid"',
];

afterEach(() => {
  document.body.innerHTML = '';
});

/** Operators whose operand (what follows it) is not on the operator's line. */
function dangling(root: ShadowRoot): string[] {
  return [...root.querySelectorAll<HTMLElement>('.op')].flatMap((op) => {
    const next = op.nextElementSibling;
    if (!next) return [`${op.textContent} is last`];
    const a = op.getBoundingClientRect();
    const b = next.getBoundingClientRect();
    // On one line: the operand starts right of the operator and their heights overlap.
    const sameLine = b.left >= a.right - 1 && b.top < a.bottom && a.top < b.bottom;
    return sameLine ? [] : [`${op.textContent?.trim()} ends a line`];
  });
}

describe('<nn-matrix-multiply> wraps its equation between terms', () => {
  it.each(LESSON_2)('%s: no operator ends a line, from 320 to 900 px', async (attributes) => {
    const el = await mountWidget('nn-matrix-multiply', attributes, 320);
    const box = el.parentElement!;
    const problems: string[] = [];
    let wrapped = 0;
    for (let width = 320; width <= 900; width += 20) {
      box.style.width = `${width}px`;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const ops = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.op')];
      const tops = new Set(ops.map((op) => Math.round(op.getBoundingClientRect().top)));
      if (tops.size > 1) wrapped++;
      problems.push(...dangling(el.shadowRoot!).map((p) => `${width}px: ${p}`));
    }
    // The widths tried do wrap the equation (else the test could not fail).
    expect(wrapped).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
