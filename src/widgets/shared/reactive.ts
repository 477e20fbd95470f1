import type { PropertyDeclaration, PropertyDeclarations, ReactiveElement } from 'lit';

/** Where a property declaration keeps how each element's value starts. */
const INITIAL = Symbol('initial value');
type Declaration = PropertyDeclaration & { [INITIAL]?: () => unknown };

/** `declaration`, with each element's value starting as `initial()` (see setStartingValues). */
export function startingAt(declaration: PropertyDeclaration, initial: () => unknown): Declaration {
  return { ...declaration, [INITIAL]: initial };
}

/**
 * Reactive properties declared alike, each element starting from its own copy of the value given
 * (plain data: `reactive({ markers: [] }, { attribute: false })`).
 */
export function reactive(
  initial: Readonly<Record<string, unknown>>,
  declaration: PropertyDeclaration,
): PropertyDeclarations {
  return Object.fromEntries(
    Object.entries(initial).map(([name, value]) => [
      name,
      startingAt(declaration, () => structuredClone(value)),
    ]),
  );
}

/** Internal reactive state (`states({ _showTable: false })`): see `reactive`. */
export function states(initial: Readonly<Record<string, unknown>>): PropertyDeclarations {
  return reactive(initial, { state: true });
}

/**
 * Gives each property declared with a starting value (states, reactive, attributeProperties) its
 * value, in the order declared: every widget's base element calls it in its constructor, and so
 * may any other Lit element.
 */
export function setStartingValues(element: ReactiveElement): void {
  const self = element as unknown as Record<PropertyKey, unknown>;
  for (const [name, declaration] of (element.constructor as typeof ReactiveElement)
    .elementProperties) {
    const initial = (declaration as Declaration)[INITIAL];
    if (initial) self[name] = initial();
  }
}
