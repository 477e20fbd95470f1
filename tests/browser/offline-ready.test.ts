import { afterEach, describe, expect, it } from 'vitest';
import '../../src/app/offline-ready';
import type { GtOfflineReady } from '../../src/app/offline-ready';

afterEach(() => document.body.replaceChildren());

async function mount() {
  document.body.innerHTML =
    '<div style="width: 240px"><gt-offline-ready></gt-offline-ready></div><p>Lesson text</p>';
  const el = document.querySelector('gt-offline-ready') as GtOfflineReady;
  el._state = 'saving';
  await el.updateComplete;
  const text = document.querySelector('p')!;
  const status = el.shadowRoot!.querySelector('[role="status"]')!;
  return { el, top: () => text.getBoundingClientRect().top, status };
}

describe('<gt-offline-ready>: the first visit’s offline news in the header', () => {
  it('news that the course is ready takes the place of "saving", and nothing below moves', async () => {
    const { el, top, status } = await mount();
    const before = top();
    expect(status.textContent).toContain('Saving for offline use');
    el.show();
    await el.updateComplete;
    expect(status.textContent).toContain('Ready to work offline');
    expect(top()).toBe(before);
  });

  it('no news after all (installed on an earlier visit): the words go, their room stays', async () => {
    const { el, top, status } = await mount();
    const before = top();
    expect(before).toBeGreaterThan(20); // the pill has a line of its own above the text
    el.hide();
    await el.updateComplete;
    // Nothing is said any more (hidden from sight and from screen readers)…
    const pill = status.querySelector('.pill')!;
    expect(getComputedStyle(pill).visibility).toBe('hidden');
    expect(pill.getAttribute('aria-hidden')).toBe('true');
    // …and the lesson text did not move.
    expect(top()).toBe(before);
  });
});
