import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/sigmoid-explorer/index';
import { expectNoAxeViolations } from './axe';
import { settle } from './settle';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the Embed menu every widget carries', () => {
  it('offers a script-tag and an iframe snippet of the current state', async () => {
    document.body.innerHTML = '<nn-sigmoid-explorer weight="2"></nn-sigmoid-explorer>';
    const el = document.querySelector('nn-sigmoid-explorer')!;
    // The menu is added after the first update, the chart drawn once measured: wait for both.
    await settle(el);
    const menu = el.shadowRoot!.querySelector('nn-embed-menu')!;
    expect(menu).not.toBeNull();
    await menu.updateComplete;
    el.setAttribute('bias', '-1.5');
    await userEvent.click(menu.shadowRoot!.querySelector('summary')!);
    await menu.updateComplete;
    const [script, iframe] = [...menu.shadowRoot!.querySelectorAll('textarea')].map((t) => t.value);
    expect(script).toMatch(
      /^<script type="module" src="[^"]+\/embed\/gradient-trail\.js"><\/script>\n/,
    );
    expect(script).toContain('weight="2"');
    expect(script).toContain('bias="-1.5"');
    expect(iframe).toMatch(/^<iframe src="[^"]+\/embed\.html#nn-sigmoid-explorer\?/);
    expect(iframe).toContain('bias=-1.5');
    await expectNoAxeViolations(el);
  });
});
