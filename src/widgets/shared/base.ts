import {
  LitElement,
  html,
  noChange,
  render,
  type PropertyDeclaration,
  type PropertyDeclarations,
} from 'lit';
import {
  Directive,
  PartType,
  directive,
  type AttributePart,
  type PartInfo,
} from 'lit/directive.js';
import './embed-menu'; // registers <nn-embed-menu> (a side effect: the class is only used as a type here)
import type { NnEmbedMenu } from './embed-menu';
import type { AttributeDoc, WidgetDoc } from '../catalog';
import { widgetDoc } from '../catalog';
import { define, warnOnce } from './define';
import { propertyOf } from './attribute-name';
import { setStartingValues, startingAt } from './reactive';

export { reactive, states } from './reactive';

export { define, warnOnce };

/** CSS properties by name (`strokeWidth` or `stroke-width`, `--custom` too); null or undefined: unset. */
export type StyleProps = Readonly<Record<string, string | number | null | undefined>>;

const cssName = (name: string) =>
  name.includes('-') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

class StylePropsDirective extends Directive {
  private names = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (
      info.type !== PartType.ATTRIBUTE ||
      info.name !== 'style' ||
      (info.strings?.length ?? 0) > 2
    )
      throw new Error('styleProps() must be the only expression in a style attribute');
  }

  render(_props: StyleProps): unknown {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleProps]): unknown {
    const { style } = part.element as Element & ElementCSSInlineStyle;
    for (const name of this.names) {
      if (props[name] == null) {
        style.removeProperty(cssName(name));
        this.names.delete(name);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(cssName(name), String(value));
      this.names.add(name);
    }
    return noChange;
  }
}

/**
 * Inline styles for the strict Content-Security-Policy (`style-src 'self'`, vite.config.ts):
 * `style=${styleProps({ left: '10%' })}` writes each property through CSSOM
 * (`style.setProperty`), which the policy allows, from the first render on. A `style="…"`
 * attribute is refused, and so is Lit's `styleMap` on its first render, which sets the attribute
 * as a string.
 */
export const styleProps = directive(StylePropsDirective);

/** The inline error's look: the widget's own stylesheet may be what failed. */
const errorStyle = {
  border: '2px solid var(--_danger, #b91c1c)',
  borderRadius: '8px',
  padding: '0.75rem 1rem',
  color: 'var(--_fg, inherit)',
  background: 'var(--_bg, transparent)',
};

/** Base element: shared helpers for every `nn-*` element. */
export class NnElement extends LitElement {
  static override properties: PropertyDeclarations = {
    theme: { type: String, reflect: true },
  };

  /**
   * Colour theme: "light" or "dark" forces it; absent (the default) follows the reader's system
   * preference (`prefers-color-scheme`). Common to every widget.
   */
  declare theme: string | undefined;

  /** Each property declared with a starting value (attributeProperties, states, reactive) gets it. */
  constructor() {
    super();
    setStartingValues(this);
  }

  /**
   * An exception while updating one widget shows an inline message in that widget only; the
   * lesson around it (and every other widget) keeps working. The next update tries again.
   */
  protected override performUpdate(): void {
    try {
      super.performUpdate();
    } catch (error) {
      console.error(`<${this.localName}> stopped because of an error:`, error);
      const message = error instanceof Error ? error.message : String(error);
      render(
        html`<div role="alert" style=${styleProps(errorStyle)}>
          <strong>This widget ran into a problem and stopped.</strong>
          The rest of the page still works. Details: ${message}
        </div>`,
        this.renderRoot as HTMLElement,
        this.renderOptions,
      );
    }
  }

  /** Widgets carry an "Embed" menu; the lesson runtime's own elements do not. */
  static embeddable = true;

  override connectedCallback(): void {
    super.connectedCallback();
    if ((this.constructor as typeof NnElement).embeddable)
      void this.updateComplete.then(() => this.addEmbedMenu());
  }

  /** Every widget ends with an "Embed" menu (snippets of its current state), outside its own render. */
  private addEmbedMenu(): void {
    const has = [...this.renderRoot.children].some((c) => c.localName === 'nn-embed-menu');
    if (!this.isConnected || has) return;
    // A widget used as a part of another widget (the loss chart inside a trainer) is embedded
    // through its parent, so only the outer one gets the menu.
    const root = this.getRootNode();
    if (root instanceof ShadowRoot && root.host instanceof NnElement) {
      if ((root.host.constructor as typeof NnElement).embeddable) return;
    }
    const menu = document.createElement('nn-embed-menu') as NnEmbedMenu;
    menu.target = this;
    menu.setAttribute('part', 'embed');
    this.renderRoot.append(menu);
  }

  /** Dispatch a typed `nn-*` event that bubbles out of shadow roots. */
  protected emit<T>(name: `nn-${string}`, detail: T): boolean {
    return this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }
}

function attributeDoc(tag: string, name: string): AttributeDoc {
  const doc = widgetDoc(tag)?.attributes.find((a) => a.name === name);
  if (!doc) throw new Error(`catalog: <${tag}> has no attribute "${name}"`);
  return doc;
}

/**
 * A reflected attribute documented in the catalog, read by `read` (undefined: not acceptable): a
 * value it does not accept falls back to the default with one console warning that says what was
 * `expected`, never a broken render.
 */
function checkedAttribute<T extends number | string>(
  tag: string,
  name: string,
  type: NumberConstructor | StringConstructor,
  read: (value: string) => T | undefined,
  expected: string,
) {
  const fallback = attributeDoc(tag, name).default as T;
  const shown = typeof fallback === 'string' ? `"${fallback}"` : String(fallback);
  return {
    type,
    reflect: true,
    converter: {
      fromAttribute(value: string | null): T {
        if (value === null) return fallback;
        const result = read(value);
        if (result === undefined) {
          warnOnce(`<${tag}> ${name}="${value}" is not ${expected}; using the default ${shown}.`);
          return fallback;
        }
        return result;
      },
      toAttribute(value: T): string {
        return String(value);
      },
    },
  };
}

/**
 * A Lit property declaration for a numeric attribute documented in the catalog: an invalid or
 * out-of-range value falls back to the default with one console warning, never a broken render.
 */
export function numberAttribute(tag: string, name: string) {
  const { min, max } = attributeDoc(tag, name);
  const range = min !== undefined && max !== undefined ? ` between ${min} and ${max}` : '';
  const read = (value: string) => {
    const n = value.trim() === '' ? NaN : Number(value);
    const inRange =
      Number.isFinite(n) && (min === undefined || n >= min) && (max === undefined || n <= max);
    return inRange ? n : undefined;
  };
  return checkedAttribute(tag, name, Number, read, `a number${range}`);
}

/** A Lit property declaration for a boolean attribute (present = true). */
export function booleanAttribute() {
  return { type: Boolean, reflect: true };
}

/** The catalog default of an attribute, typed. */
export function defaultOf<T extends number | boolean | string>(tag: string, name: string): T {
  return attributeDoc(tag, name).default as T;
}

/**
 * A Lit property declaration for a string attribute that names one of the catalog's `values`
 * (e.g. mode="layer"): anything else falls back to the default with one console warning.
 */
export function enumAttribute(tag: string, name: string) {
  const values = attributeDoc(tag, name).values ?? [];
  const read = (value: string) => (values.includes(value) ? value : undefined);
  const expected = `one of ${values.map((v) => `"${v}"`).join(', ')}`;
  return checkedAttribute(tag, name, String, read, expected);
}

/** A declaration's own way of reading a missing attribute, if it has one. */
function readsMissing(declaration: PropertyDeclaration): (() => unknown) | undefined {
  const { converter, type } = declaration;
  const from = typeof converter === 'function' ? converter : converter?.fromAttribute;
  return from && (() => from(null, type));
}

/** The declaration of a catalog attribute that no widget reads its own way. */
function standardAttribute(tag: string, doc: AttributeDoc): PropertyDeclaration {
  if (doc.type === 'number') return numberAttribute(tag, doc.name);
  if (doc.type === 'boolean') return booleanAttribute();
  if (doc.values) return enumAttribute(tag, doc.name);
  return { type: String, reflect: true };
}

/**
 * The Lit properties of every attribute the catalog documents for `tag`, one per attribute, named
 * by `propertyOf` (`learning-rate` → `learningRate`): numbers and named choices checked against
 * the catalog (see numberAttribute, enumAttribute), booleans present-or-absent, other text as
 * written. `custom` replaces the declaration of a property read another way (a list, a matrix).
 * Each element starts from what a missing attribute reads as: the declaration's converter given
 * null, or else the catalog default.
 */
export function attributeProperties(
  tag: string,
  custom: PropertyDeclarations = {},
): PropertyDeclarations {
  const docs = widgetDoc(tag)?.attributes;
  if (!docs) throw new Error(`catalog: no <${tag}>`);
  const names = new Set(docs.map((doc) => propertyOf(doc.name)));
  const stray = Object.keys(custom).filter((name) => !names.has(name));
  if (stray.length) throw new Error(`catalog: <${tag}> has no attribute for ${stray.join(', ')}`);
  return Object.fromEntries(
    docs.map((doc) => {
      const name = propertyOf(doc.name);
      const declaration = { ...(custom[name] ?? standardAttribute(tag, doc)), attribute: doc.name };
      const initial = readsMissing(declaration) ?? (() => doc.default);
      return [name, startingAt(declaration, initial)];
    }),
  );
}

/** An attribute's property name at the type level: what `propertyOf` returns. */
type PropertyName<S extends string> = S extends 'dataset'
  ? 'datasetName'
  : S extends `${infer Head}-${infer Tail}`
    ? `${Head}${Capitalize<PropertyName<Tail>>}`
    : S;

/** The value of an attribute's property: one of its `values`, or a number, boolean or text. */
type ValueOf<A extends AttributeDoc> = A extends { values: readonly (infer V)[] }
  ? V
  : { number: number; boolean: boolean; string: string }[A['type']];

/**
 * The properties `attributeProperties` declares for a widget's meta.ts (`as const`), typed: an
 * element declares them once with `interface NnX extends AttributeValues<typeof xDoc> {}` beside
 * its class (the base element assigns every one before the element's own constructor runs).
 * `Own` names the properties the class declares itself, read another way (a list of numbers).
 */
export type AttributeValues<D extends WidgetDoc, Own extends string = never> = {
  -readonly [A in D['attributes'][number] as Exclude<PropertyName<A['name']>, Own>]: ValueOf<A>;
};
