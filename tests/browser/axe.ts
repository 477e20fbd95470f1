import axe from 'axe-core';
import { expect } from 'vitest';

/** Run axe-core on an element (shadow roots included) and fail with readable violations. */
export async function expectNoAxeViolations(context: Element | Document = document): Promise<void> {
  const results = await axe.run(context, {
    resultTypes: ['violations'],
    rules: { region: { enabled: false } }, // a component under test is not a whole page
  });
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

/** In dark mode: the tokens switched (the widget's background is the dark one) and axe finds nothing. */
export async function expectNoAxeViolationsInDark(el: Element): Promise<void> {
  expect(getComputedStyle(el).backgroundColor).toBe('rgb(15, 23, 42)');
  await expectNoAxeViolations(el);
}
