/** How Lit reads and writes the string attributes of `<nn-backprop-graph>`. */

/** A string attribute that is not written back while empty (no `expression=""` on the host). */
export const stringAttribute = (attribute?: string) => ({
  type: String,
  reflect: true,
  ...(attribute ? { attribute } : {}),
  converter: {
    fromAttribute: (value: string | null) => value ?? '',
    toAttribute: (value: string) => (value === '' ? null : value),
  },
});
