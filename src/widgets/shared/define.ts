/**
 * Registering a custom element safely, and warning once: the two things the site shell needs from
 * the widgets' shared code. Kept apart from `base.ts` (the widgets' base element, which carries
 * every widget's attribute docs) so the course map loads neither.
 */
const warned = new Set<string>();

/** console.warn once per distinct message: a bad attribute must not flood the console. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/**
 * Register a custom element unless the tag is taken. Two copies of a bundle on one page (an
 * instructor's page that loads us twice) must not throw: the second registration warns once.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor)
      warnOnce(`Gradient Trail: <${tag}> is already defined; keeping the first definition.`);
    return;
  }
  customElements.define(tag, ctor);
}
