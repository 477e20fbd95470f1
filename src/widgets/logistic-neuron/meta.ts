import type { WidgetDoc } from '../catalog.ts';

/** <nn-logistic-neuron>: its attributes, as plain data (read by the compiler in node). TODO: fill in. */
export const logisticNeuronDoc: WidgetDoc = {
  tag: 'nn-logistic-neuron',
  summary: 'TODO',
  attributes: [],
};
