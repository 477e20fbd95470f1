import type { WidgetDoc } from '../catalog.ts';

/** <nn-gradient-descent>: its attributes, as plain data (read by the compiler in node). TODO: fill in. */
export const gradientDescentDoc: WidgetDoc = {
  tag: 'nn-gradient-descent',
  summary: 'TODO',
  attributes: [],
};
