import { describe, expect, it, vi } from 'vitest';
import { COMMON_ATTRIBUTES, WIDGETS } from '../../src/widgets/catalog';
import { loadWidgets, loadableWidgetTags } from '../../src/widgets/loaders';
import { define } from '../../src/widgets/shared/base';
import manifest from '../../custom-elements.json';

/** The CSS parts custom-elements.json documents for each tag (what the gallery's tables show). */
const documentedParts = new Map(
  manifest.modules.flatMap((m) =>
    (m.declarations ?? []).flatMap((d) =>
      'tagName' in d && d.tagName
        ? [[d.tagName, (d.cssParts ?? []).map((p) => p.name)] as const]
        : [],
    ),
  ),
);

describe('widget registry', () => {
  it('every widget in the catalog can be loaded, and every loadable widget is in the catalog', () => {
    expect([...loadableWidgetTags].sort()).toEqual(WIDGETS.map((w) => w.tag).sort());
  });

  it.each(WIDGETS.map((w) => [w.tag, w] as const))(
    '<%s> observes exactly the attributes the catalog documents',
    async (tag, doc) => {
      await loadWidgets([tag]);
      const ctor = customElements.get(tag) as unknown as { observedAttributes: string[] };
      expect(ctor).toBeDefined();
      expect([...ctor.observedAttributes].sort()).toEqual(
        [...doc.attributes, ...COMMON_ATTRIBUTES].map((a) => a.name).sort(),
      );
    },
  );

  it.each(WIDGETS.map((w) => [w.tag] as const))(
    '<%s> documents every part it renders with its defaults',
    async (tag) => {
      await loadWidgets([tag]);
      const element = document.createElement(tag) as HTMLElement & {
        updateComplete: Promise<boolean>;
      };
      document.body.append(element);
      try {
        await element.updateComplete;
        const rendered = new Set(
          [...element.shadowRoot!.querySelectorAll('[part]')].flatMap((e) =>
            e.getAttribute('part')!.split(/\s+/),
          ),
        );
        expect(rendered.size).toBeGreaterThan(0);
        // 'embed': the Embed menu every widget gets from NnElement, outside its own render.
        rendered.delete('embed');
        const documented = documentedParts.get(tag) ?? [];
        expect([...rendered].filter((part) => !documented.includes(part))).toEqual([]);
      } finally {
        element.remove();
      }
    },
  );

  it('registering a tag twice (two copies of a bundle) does not throw and warns once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    define('nn-test-twice', A);
    expect(() => define('nn-test-twice', B)).not.toThrow();
    expect(() => define('nn-test-twice', B)).not.toThrow();
    expect(customElements.get('nn-test-twice')).toBe(A);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
