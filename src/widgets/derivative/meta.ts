import type { WidgetDoc } from '../catalog.ts';

/** <nn-derivative>: its attributes, as plain data (read by the compiler in node). TODO: fill in. */
export const derivativeDoc: WidgetDoc = {
  tag: 'nn-derivative',
  summary: 'TODO',
  attributes: [],
};
