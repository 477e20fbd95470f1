import type { WidgetDoc } from '../catalog.ts';

/** <nn-network-teaser>: its attributes, as plain data (read by the compiler in node). TODO: fill in. */
export const networkTeaserDoc: WidgetDoc = {
  tag: 'nn-network-teaser',
  summary: 'TODO',
  attributes: [],
};
