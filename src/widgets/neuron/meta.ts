import type { WidgetDoc } from '../catalog.ts';

/** <nn-neuron>: its attributes, as plain data (read by the compiler in node). TODO: fill in. */
export const neuronDoc: WidgetDoc = {
  tag: 'nn-neuron',
  summary: 'TODO',
  attributes: [],
};
