import { afterEach, describe, expect, it, vi } from 'vitest';
import { html } from 'lit';
import { NnElement, define } from '../../src/widgets/shared/base';
import '../../src/widgets/sigmoid-explorer/index';

class Fragile extends NnElement {
  static override properties = { broken: { type: Boolean } };
  declare broken: boolean;
  constructor() {
    super();
    this.broken = false;
  }
  override render() {
    if (this.broken) throw new Error('the numbers did not add up');
    return html`<p>fine</p>`;
  }
}
define('nn-test-fragile', Fragile);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a widget that throws', () => {
  it('shows an inline error in that widget only, and recovers on the next good update', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    document.body.innerHTML = `<nn-test-fragile></nn-test-fragile><nn-sigmoid-explorer weight="2"></nn-sigmoid-explorer>`;
    const fragile = document.querySelector('nn-test-fragile') as Fragile;
    const sibling = document.querySelector('nn-sigmoid-explorer')!;
    await fragile.updateComplete;
    fragile.broken = true;
    await fragile.updateComplete.catch(() => {});
    const alert = fragile.shadowRoot!.querySelector('[role=alert]');
    expect(alert?.textContent).toContain('This widget ran into a problem and stopped.');
    expect(alert?.textContent).toContain('the numbers did not add up');
    expect(error).toHaveBeenCalledTimes(1);

    // The neighbour still works.
    sibling.setAttribute('weight', '3');
    await (sibling as unknown as { updateComplete: Promise<void> }).updateComplete;
    expect(sibling.shadowRoot!.textContent).toContain('3.0');
    expect(sibling.shadowRoot!.querySelector('[role=alert]')).toBeNull();

    fragile.broken = false;
    await fragile.updateComplete;
    expect(fragile.shadowRoot!.textContent).toContain('fine');
    expect(fragile.shadowRoot!.querySelector('[role=alert]')).toBeNull();
    error.mockRestore();
  });
});
