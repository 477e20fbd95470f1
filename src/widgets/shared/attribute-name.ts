/**
 * The property that holds an attribute: camelCase (`learning-rate` → `learningRate`), except
 * `dataset`, which is every element's map of data-* attributes (→ `datasetName`). Pure: the
 * elements and the node-tested models read it alike.
 */
export function propertyOf(attribute: string): string {
  if (attribute === 'dataset') return 'datasetName';
  return attribute.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
