import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/widgets/backprop-graph/index';
import type { NnBackpropGraph } from '../../src/widgets/backprop-graph/index';
import { fmt } from '../../src/widgets/backprop-graph/formulas';
import { clearPageAfterEach, text } from './harness';
import { mountWidget } from './settle';

/**
 * Issue 14 item 4: a variable whose name Object.prototype also has (toString, constructor,
 * __proto__, hasOwnProperty, valueOf) is an ordinary variable, with a field, a value and a node.
 */
const NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];

clearPageAfterEach();

describe('<nn-backprop-graph> variables named like Object.prototype properties', () => {
  it.each(NAMES)(
    'expression="%s+w": a field and a node of that name, value 0, then edited',
    async (name) => {
      const el: NnBackpropGraph = await mountWidget(
        'nn-backprop-graph',
        `expression="${name}+w" values="w=2" step="999"`,
      );
      const root = el.shadowRoot!;
      expect(text(root)).not.toMatch(/native code|\[object Object\]|NaN/);
      expect(root.querySelector('[part~="error"]')).toBeNull();
      const label = [...root.querySelectorAll('label')].find((l) => text(l).split(',')[0] === name);
      expect(label, `a field labelled ${name}`).toBeDefined();
      const input = root.getElementById(label!.htmlFor) as HTMLInputElement;
      expect(input.value).toBe('0');
      const names = [...root.querySelectorAll('g.node text.name')].map(text);
      expect(names).toContain(name);
      const f = [...root.querySelectorAll('g.node')].find(
        (n) => text(n.querySelector('text.name')) === 'f',
      )!;
      expect(text(f.querySelector('text.value'))).toBe(fmt(2));

      await userEvent.clear(input);
      await userEvent.type(input, '3');
      await el.updateComplete;
      expect(el.getAttribute('values')).toContain(`${name}=3`);
      expect(text(f.querySelector('text.value'))).toBe(fmt(5));
      expect(text(root)).not.toMatch(/native code|\[object Object\]|NaN/);
    },
  );
});
