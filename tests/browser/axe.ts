import axe from 'axe-core';
import type { ReactiveElement } from 'lit';
import { expect } from 'vitest';
import { inDarkMode, showDataTable } from './harness';

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

/** Show the widget's data table, then run axe on the whole widget, the table included. */
export async function expectNoAxeViolationsWithTable(el: ReactiveElement): Promise<void> {
  await showDataTable(el);
  await expectNoAxeViolations(el);
}

/**
 * With the reader's system in dark mode: `mount` a widget, show its data table, and check that the
 * page is in dark mode, the tokens switched and axe finds nothing.
 */
export async function expectNoAxeViolationsInDarkWithTable(
  mount: () => Promise<ReactiveElement>,
): Promise<void> {
  await inDarkMode(async () => {
    expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
    const el = await mount();
    await showDataTable(el);
    await expectNoAxeViolationsInDark(el);
  });
}
