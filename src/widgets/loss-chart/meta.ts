import type { WidgetDoc } from '../catalog.ts';

/** <nn-loss-chart>: its attributes, as plain data (read by the compiler in node). TODO: fill in. */
export const lossChartDoc: WidgetDoc = {
  tag: 'nn-loss-chart',
  summary: 'TODO',
  attributes: [],
};
